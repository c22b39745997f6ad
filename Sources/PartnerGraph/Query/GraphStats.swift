/// An entity and how many relations it takes part in.
public struct ConnectedEntity: Codable, Hashable, Sendable {
    /// The entity.
    public var entity: EntityRef
    /// How many relations it takes part in, as source or target.
    public var relations: Int
}

/// The shape of the whole graph: the answer to `partnergraph stats`.
///
/// JSON shape:
/// ```json
/// {"entities": 21, "relations": 34, "sources": 1,
///  "entities_by_type": {"organization": 8, …}, "relations_by_type": {"heads": 4, …},
///  "most_connected": [{"entity": EntityRef, "relations": 11}, …],
///  "components": 1, "largest_component": 21, "isolated": 0, "isolated_entities": []}
/// ```
public struct GraphStats: Codable, Hashable, Sendable {
    /// How many entities the graph holds.
    public var entities: Int
    /// How many relations.
    public var relations: Int
    /// How many sources.
    public var sources: Int
    /// Entities counted by type name (`organization`); types with none are left out.
    public var entitiesByType: [String: Int]
    /// Relations counted by relation type name (`heads`); types with none are left out.
    public var relationsByType: [String: Int]
    /// The entities with the most relations, most first (ties by key).
    public var mostConnected: [ConnectedEntity]
    /// Connected components, relations taken both ways; an isolated entity is a component.
    public var components: Int
    /// The number of entities in the largest component.
    public var largestComponent: Int
    /// The number of entities with no relation at all.
    public var isolated: Int
    /// The first isolated entities, by key (at most ``PartnerGraphStore/statsListLimit``).
    public var isolatedEntities: [EntityRef]

    enum CodingKeys: String, CodingKey {
        case entities, relations, sources, components, isolated
        case entitiesByType = "entities_by_type"
        case relationsByType = "relations_by_type"
        case mostConnected = "most_connected"
        case largestComponent = "largest_component"
        case isolatedEntities = "isolated_entities"
    }
}
