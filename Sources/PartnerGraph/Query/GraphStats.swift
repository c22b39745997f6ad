/// An entity and how many relations it takes part in.
public struct ConnectedEntity: Codable, Hashable, Sendable {
    /// The entity.
    public var entity: EntityRef
    /// How many relations it takes part in, in both directions.
    public var relations: Int
}

/// The shape of the whole graph: the answer to `partnergraph stats`.
///
/// The counts are always there. What needs a pass over every relation (relations by type,
/// the most connected entities, components and isolated entities) is there when
/// ``GraphStats/full`` is true: see ``PartnerGraphStore/stats(top:full:)``.
///
/// JSON shape (absent values are left out):
/// ```json
/// {"entities": 21, "relations": 34, "sources": 1, "entities_by_type": {"organization": 8, …},
///  "full": true, "relations_by_type": {"heads": 4, …},
///  "most_connected": [{"entity": EntityRef, "relations": 11}, …],
///  "components": 1, "largest_component": 21, "isolated": 0, "isolated_entities": []}
/// ```
public struct GraphStats: Codable, Hashable, Sendable {
    /// How many entities the graph has.
    public var entities: Int
    /// How many relations the graph has.
    public var relations: Int
    /// How many sources are registered.
    public var sources: Int
    /// Entities by type; every type is listed, with 0 when it has none.
    public var entitiesByType: [String: Int]
    /// Whether the pass over every relation was made, and the fields below are there.
    public var full: Bool
    /// Relations by type name.
    public var relationsByType: [String: Int]?
    /// The entities with the most relations, most first (ties by key).
    public var mostConnected: [ConnectedEntity]?
    /// Connected components, relations taken both ways; an isolated entity is a component.
    public var components: Int?
    /// The number of entities in the largest component.
    public var largestComponent: Int?
    /// The number of entities with no relation at all.
    public var isolated: Int?
    /// The first isolated entities, by key (at most ``PartnerGraphStore/statsListLimit``).
    public var isolatedEntities: [EntityRef]?

    enum CodingKeys: String, CodingKey {
        case entities, relations, sources, full, components, isolated
        case entitiesByType = "entities_by_type"
        case relationsByType = "relations_by_type"
        case mostConnected = "most_connected"
        case largestComponent = "largest_component"
        case isolatedEntities = "isolated_entities"
    }
}
