/// A question for ``PartnerGraphStore/common(_:)``: what do two entities share?
public struct CommonQuery: Hashable, Sendable {
    /// The first entity, by key, name or alias.
    public var a: String
    /// The second entity, in the same forms.
    public var b: String
    /// Only relations in force at some time within this date.
    public var asOf: PartialDate?
    /// Follow only relations of these types (none: every type).
    public var relations: [String]
    /// Never follow relations of these types.
    public var excludeRelations: [String]

    /// What `a` and `b` share, narrowed by date and relation type.
    public init(_ a: String, _ b: String, asOf: PartialDate? = nil, relations: [String] = [], excludeRelations: [String] = []) {
        self.a = a
        self.b = b
        self.asOf = asOf
        self.relations = relations
        self.excludeRelations = excludeRelations
    }
}

/// An entity both ends are related to, with how each is related to it.
public struct SharedNeighbor: Codable, Hashable, Sendable {
    /// The shared neighbour.
    public var entity: EntityRef
    /// A's relations with it, walked from A.
    public var fromA: [PathHop]
    /// B's relations with it, walked from B.
    public var fromB: [PathHop]

    enum CodingKeys: String, CodingKey {
        case entity
        case fromA = "from_a"
        case fromB = "from_b"
    }
}

/// The shared neighbours of one entity type, under a heading.
public struct SharedGroup: Codable, Hashable, Sendable {
    /// The type of the entities in the group.
    public var type: EntityType
    /// `Agreements both are party to`, `Events both took part in`, …
    public var title: String
    /// The shared neighbours of that type, by name.
    public var entries: [SharedNeighbor]
}

/// An agreement or event tied to a shared agreement or event, but not to either end directly:
/// a programme carried out under a shared action plan, a session of a shared conference.
public struct LinkedUndertaking: Codable, Hashable, Sendable {
    /// The agreement or event reached through a shared one.
    public var entity: EntityRef
    /// The shared agreement or event it is tied to.
    public var through: EntityRef
    /// The relation, walked from ``through`` to ``entity``.
    public var hop: PathHop
}

/// What two entities share: the answer to `partnergraph common`.
///
/// Three layers, from the closest tie outwards:
/// 1. ``direct``: the relations between the two;
/// 2. ``groups``: the entities both are directly related to, grouped by type (common
///    partners, people, agreements both are party to, events both took part in, places);
/// 3. ``linked``: agreements and events tied to a shared agreement or event but to neither
///    end directly (on the example, Shusha 2024 implements the action plan ICESCO and
///    Azerbaijan are both party to). Only agreements and events count here: going on through
///    a shared organization or place would list half the graph.
///
/// JSON shape:
/// ```json
/// {"a": EntityRef, "b": EntityRef, "direct": [PathHop, …],
///  "groups": [{"type": "agreement", "title": "Agreements both are party to",
///              "entries": [{"entity": EntityRef, "from_a": [PathHop], "from_b": [PathHop]}]}],
///  "linked": [{"entity": EntityRef, "through": EntityRef, "hop": PathHop}]}
/// ```
public struct CommonGround: Codable, Hashable, Sendable {
    /// The first entity of the question.
    public var a: EntityRef
    /// The second entity.
    public var b: EntityRef
    /// The relations between A and B, walked from A.
    public var direct: [PathHop]
    /// Shared neighbours by type, in the order organization, person, agreement, event, place;
    /// groups with no entry are left out.
    public var groups: [SharedGroup]
    /// Agreements and events tied to a shared agreement or event, but to neither end directly.
    public var linked: [LinkedUndertaking]

    /// Whether the two share nothing at all.
    public var isEmpty: Bool { direct.isEmpty && groups.isEmpty && linked.isEmpty }

    static func title(for type: EntityType) -> String {
        switch type {
        case .organization: return "Common partners (organizations)"
        case .person: return "People both are related to"
        case .agreement: return "Agreements both are party to"
        case .event: return "Events both took part in"
        case .place: return "Places both are tied to"
        }
    }
}
