/// A question for ``PartnerGraphStore/paths(_:)``: how are two entities connected?
///
/// ```swift
/// let query = PathQuery(from: "Salim M. AlMalik", to: "Sahiba Gafarova", k: 2, avoid: ["ICESCO"])
/// ```
public struct PathQuery: Hashable, Sendable {
    /// The longest path searched by default, in relations.
    public static let defaultMaxDepth = 12

    /// The start: a key, name or alias, as ``PartnerGraphStore/entity(_:)`` resolves it.
    public var from: String
    /// The end: a key, name or alias.
    public var to: String
    /// How many paths: the `k` shortest simple paths, shortest first.
    public var k: Int
    /// The longest path to look for, in relations.
    public var maxDepth: Int
    /// Follow only relations of these types (none: every type).
    public var relations: [String]
    /// Never follow relations of these types.
    public var excludeRelations: [String]
    /// Entities the path must not pass through (key, name or alias).
    public var avoid: [String]
    /// Follow relations only from source to target; symmetric ones (`partner_of`) go both ways.
    public var directed: Bool
    /// Only relations in force at some time within this date (precision-aware).
    public var asOf: PartialDate?

    /// A path question; only the ends are required.
    public init(
        from: String, to: String, k: Int = 1, maxDepth: Int = PathQuery.defaultMaxDepth, relations: [String] = [],
        excludeRelations: [String] = [], avoid: [String] = [], directed: Bool = false, asOf: PartialDate? = nil
    ) {
        self.from = from
        self.to = to
        self.k = k
        self.maxDepth = maxDepth
        self.relations = relations
        self.excludeRelations = excludeRelations
        self.avoid = avoid
        self.directed = directed
        self.asOf = asOf
    }
}

/// One step of a path: a relation, walked from ``from`` to ``to``.
///
/// JSON shape:
/// ```json
/// {"relation_id": 12, "type": "heads", "from": {"key": "nam-pn", ...}, "to": {"key": "sahiba-gafarova", ...},
///  "forward": false, "phrase": "headed by", "forward_phrase": "heads", "symmetric": false,
///  "role": "President", "start": null, "end": null, "date": null, "note": null, "citations": [...]}
/// ```
public struct PathHop: Codable, Hashable, Sendable, DatedFact {
    /// The relation's row id.
    public var relationId: Int64
    /// The relation type's name: `heads`.
    public var type: String
    /// The entity the step leaves.
    public var from: EntityRef
    /// The entity the step reaches.
    public var to: EntityRef
    /// Whether the relation points the way the step goes (its source is ``from``).
    public var forward: Bool
    /// How the relation reads in the direction walked: `heads`, or `headed by` when walked backwards.
    public var phrase: String
    /// How the relation reads in its true direction, from its source to its target: `heads`.
    public var forwardPhrase: String
    /// Whether the relation means the same both ways (`partner_of`).
    public var symmetric: Bool
    /// The role the relation records (`President`).
    public var role: String?
    /// When the relation began.
    public var start: PartialDate?
    /// When the relation ended; `nil` while it lasts.
    public var end: PartialDate?
    /// When the relation held, as a point in time.
    public var date: PartialDate?
    /// Free text about the relation.
    public var note: String?
    /// The sources that cite the relation.
    public var citations: [CitationView]

    /// The relation's source: ``from`` when ``forward``, else ``to``.
    public var source: EntityRef { forward ? from : to }
    /// The relation's target.
    public var target: EntityRef { forward ? to : from }

    enum CodingKeys: String, CodingKey {
        case type, from, to, forward, phrase, symmetric, role, start, end, date, note, citations
        case relationId = "relation_id"
        case forwardPhrase = "forward_phrase"
    }
}

/// A chain of relations joining two entities, as ``PartnerGraphStore/paths(_:)`` finds it.
///
/// JSON shape: `{"length": 2, "entities": [EntityRef, …], "hops": [PathHop, …]}`.
public struct GraphPath: Codable, Hashable, Sendable {
    /// The entities along the path, from start to end (one more than the hops).
    public var entities: [EntityRef]
    /// The relations, in the order walked.
    public var hops: [PathHop]
    /// The number of relations.
    public var length: Int

    /// A path through `entities`, joined by `hops`; its ``length`` is the number of hops.
    public init(entities: [EntityRef], hops: [PathHop]) {
        self.entities = entities
        self.hops = hops
        length = hops.count
    }
}
