/// A question for ``PartnerGraphStore/neighbors(_:)``: what lies within `depth` relations of an entity?
public struct NeighborQuery: Hashable, Sendable {
    /// The centre: a key, name or alias.
    public var entity: String
    /// How many relations away to look (1: direct relations only).
    public var depth: Int
    /// Follow only relations of these types (none: every type).
    public var relations: [String]
    /// Never follow relations of these types.
    public var excludeRelations: [String]
    /// List only entities of these types (none: every type). Traversal still passes through
    /// entities of other types, and their hops show in each chain.
    public var entityTypes: [EntityType]
    /// Only relations in force at some time within this date.
    public var asOf: PartialDate?
    /// Follow relations only from source to target (symmetric ones both ways).
    public var directed: Bool
    /// Stop after reaching this many entities (the centre not counted); `nil`: no limit.
    public var limit: Int?

    /// A neighbourhood question; only the centre is required.
    ///
    /// ```swift
    /// let people = try store.neighbors(NeighborQuery(entity: "ICESCO", depth: 2, entityTypes: [.person]))
    /// ```
    public init(
        entity: String, depth: Int = 1, relations: [String] = [], excludeRelations: [String] = [],
        entityTypes: [EntityType] = [], asOf: PartialDate? = nil, directed: Bool = false, limit: Int? = nil
    ) {
        self.entity = entity
        self.depth = depth
        self.relations = relations
        self.excludeRelations = excludeRelations
        self.entityTypes = entityTypes
        self.asOf = asOf
        self.directed = directed
        self.limit = limit
    }
}

/// An entity near the centre, with the chain of relations that first reached it.
public struct Neighbor: Codable, Hashable, Sendable {
    /// The entity reached.
    public var entity: EntityRef
    /// The number of relations between it and the centre.
    public var distance: Int
    /// The relations from the centre to it, in the order walked (one of the shortest chains).
    public var via: [PathHop]
}

/// Everything within a number of relations of one entity: the answer to `partnergraph neighbors`.
///
/// JSON shape:
/// ```json
/// {"center": EntityRef, "depth": 1, "truncated": false, "relation_ids": [3, 7, …],
///  "neighbors": [{"entity": EntityRef, "distance": 1, "via": [PathHop, …]}, …]}
/// ```
public struct Neighborhood: Codable, Hashable, Sendable {
    /// The entity the neighbourhood is around.
    public var center: EntityRef
    /// How many relations away it reaches.
    public var depth: Int
    /// The entities reached (after the entity-type filter), by distance, then type, then name.
    public var neighbors: [Neighbor]
    /// Every relation followed between the centre and the entities reached, and between
    /// entities reached (except between two at the full depth, which are not expanded); for
    /// drawing the ego network. Ascending.
    public var relationIds: [Int64]
    /// Whether ``NeighborQuery/limit`` cut the traversal short.
    public var truncated: Bool

    /// The centre followed by every neighbour.
    public var entities: [EntityRef] { [center] + neighbors.map(\.entity) }

    enum CodingKeys: String, CodingKey {
        case center, depth, neighbors, truncated
        case relationIds = "relation_ids"
    }
}
