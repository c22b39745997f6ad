/// A short reference to an entity, as printed beside relations and in lists.
public struct EntityRef: Codable, Hashable, Sendable {
    public var key: String
    public var type: EntityType
    public var name: String

    public init(key: String, type: EntityType, name: String) {
        self.key = key
        self.type = type
        self.name = name
    }
}

/// A citation as shown to a reader: the source's key and title, and the quote.
public struct CitationView: Codable, Hashable, Sendable {
    public var source: String
    public var title: String
    public var quote: String?
}

/// A relation seen from one of its ends, for `show` and for JSON output.
///
/// JSON shape:
/// ```json
/// {"id": 3, "type": "heads", "direction": "incoming", "phrase": "headed by",
///  "source": {"key": "salim-m-almalik", "type": "person", "name": "Salim M. AlMalik"},
///  "target": {"key": "icesco", ...}, "other": {...}, "role": "Director-General",
///  "start": "2021", "end": null, "date": null, "note": null, "citations": [...]}
/// ```
public struct RelationView: Codable, Hashable, Sendable, DatedFact {
    /// Which way the relation points from the entity it is seen from.
    public enum Direction: String, Codable, Sendable {
        case outgoing, incoming
    }

    public var id: Int64
    public var type: String
    public var direction: Direction
    /// The phrase that reads from the viewing entity to ``other``: `heads` or `headed by`.
    public var phrase: String
    public var source: EntityRef
    public var target: EntityRef
    /// The entity at the other end.
    public var other: EntityRef
    public var role: String?
    public var start: PartialDate?
    public var end: PartialDate?
    public var date: PartialDate?
    public var note: String?
    public var citations: [CitationView]
}

/// Everything known about one entity: the answer to `partnergraph show`.
public struct EntityProfile: Codable, Hashable, Sendable {
    public var key: String
    public var type: EntityType
    public var name: String
    public var nameLanguage: String?
    public var kind: String?
    public var aliases: [Alias]
    public var attributes: [String: String]
    public var date: PartialDate?
    public var start: PartialDate?
    public var end: PartialDate?
    public var note: String?
    public var createdAt: String
    public var updatedAt: String
    public var citations: [CitationView]
    /// Relations in both directions, group by group (see ``relationGroups``), each group's
    /// ordered by the other entity's name: all of them, or the first ``relationLimit`` of each group.
    public var relations: [RelationView]
    /// How many relations the entity has, in both directions.
    public var relationCount: Int
    /// The kinds of relation the entity has, in the order of ``relations``, with how many of
    /// each there are and how many ``relations`` holds.
    public var relationGroups: [RelationGroup]
    /// At most this many relations of each group are in ``relations``; `nil`: all are.
    public var relationLimit: Int?

    enum CodingKeys: String, CodingKey {
        case key, type, name, kind, aliases, attributes, date, start, end, note, citations, relations
        case nameLanguage = "name_language"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case relationCount = "relation_count"
        case relationGroups = "relation_groups"
        case relationLimit = "relation_limit"
    }

    /// Whether some relations were left out by ``relationLimit``.
    public var isTruncated: Bool { relationGroups.contains { $0.shown < $0.count } }
}

/// One kind of relation an entity has: a relation type in one direction (both directions
/// together for a symmetric type such as `partner_of`), as `show` lists them under one phrase.
///
/// JSON shape: `{"type": "heads", "direction": "incoming", "phrase": "headed by", "count": 1088, "shown": 20}`.
public struct RelationGroup: Codable, Hashable, Sendable {
    /// Which way the group's relations point from the entity.
    public enum Direction: String, Codable, Sendable, Comparable {
        /// From the entity: it is their source.
        case outgoing
        /// To the entity: it is their target.
        case incoming
        /// Either way, for a symmetric relation type.
        case both

        public static func < (lhs: Direction, rhs: Direction) -> Bool { lhs.order < rhs.order }
        private var order: Int { self == .incoming ? 1 : 0 }
    }

    /// The relation type's name: `heads`.
    public var type: String
    public var direction: Direction
    /// How the group reads from the entity: `headed by`.
    public var phrase: String
    /// How many relations the group has.
    public var count: Int
    /// How many of them the profile holds: all, or the first by the other entity's name.
    public var shown: Int

    public init(type: String, direction: Direction, phrase: String, count: Int, shown: Int) {
        self.type = type
        self.direction = direction
        self.phrase = phrase
        self.count = count
        self.shown = shown
    }
}

/// One line of `partnergraph list`.
public struct EntitySummary: Codable, Hashable, Sendable {
    public var key: String
    public var type: EntityType
    public var name: String
    public var kind: String?
    public var aliases: [Alias]
    /// How many relations the entity takes part in.
    public var relationCount: Int

    enum CodingKeys: String, CodingKey {
        case key, type, name, kind, aliases
        case relationCount = "relation_count"
    }
}

/// What `remove` took away.
public struct RemovalReport: Codable, Hashable, Sendable {
    public var entity: EntityRef
    public var removedRelations: [RelationView]

    enum CodingKeys: String, CodingKey {
        case entity
        case removedRelations = "removed_relations"
    }
}
