/// A short reference to an entity, as printed beside relations and in lists.
public struct EntityRef: Codable, Hashable, Sendable {
    /// The entity's key.
    public var key: String
    /// Its type.
    public var type: EntityType
    /// Its primary name.
    public var name: String

    /// A reference to the entity with this key, type and name.
    public init(key: String, type: EntityType, name: String) {
        self.key = key
        self.type = type
        self.name = name
    }
}

/// A citation as shown to a reader: the source's key and title, and the quote.
public struct CitationView: Codable, Hashable, Sendable {
    /// The cited source's key.
    public var source: String
    /// The cited source's title.
    public var title: String
    /// The quote from the source, when the citation has one.
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
        /// `outgoing` when the viewing entity is the relation's source, `incoming` when it is its target.
        case outgoing, incoming
    }

    /// The relation's row id.
    public var id: Int64
    /// The relation type's name (`heads`).
    public var type: String
    /// Whether the viewing entity is the source or the target.
    public var direction: Direction
    /// The phrase that reads from the viewing entity to ``other``: `heads` or `headed by`.
    public var phrase: String
    /// The relation's source entity.
    public var source: EntityRef
    /// The relation's target entity.
    public var target: EntityRef
    /// The entity at the other end.
    public var other: EntityRef
    /// The role the source holds (`Director-General`).
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
}

/// Everything known about one entity: the answer to `partnergraph show`.
public struct EntityProfile: Codable, Hashable, Sendable {
    /// The entity's key.
    public var key: String
    /// Its type.
    public var type: EntityType
    /// Its primary name.
    public var name: String
    /// The language of ``name``, when known.
    public var nameLanguage: String?
    /// Its kind within the type (`igo`, `state`).
    public var kind: String?
    /// Its other names, in the order they were recorded.
    public var aliases: [Alias]
    /// Its free attributes (`founded`: `1979`, `headquarters`: `Rabat`).
    public var attributes: [String: String]
    /// Its date, for an event or an agreement.
    public var date: PartialDate?
    /// When it began.
    public var start: PartialDate?
    /// When it ended.
    public var end: PartialDate?
    /// Free text about it.
    public var note: String?
    /// When it was first stored (ISO 8601, UTC).
    public var createdAt: String
    /// When it last changed (ISO 8601, UTC).
    public var updatedAt: String
    /// The sources that cite the entity itself.
    public var citations: [CitationView]
    /// Relations in both directions, group by group (see ``relationGroups``), each group's
    /// ordered by the other entity's name: all of them, or the first ``relationLimit`` of each group.
    public var relations: [RelationView]
    /// The values sources state for the attributes and dates, where any source is recorded for
    /// one: several values for a field mean the sources disagree.
    public var claims: [FieldClaims] = []
    /// How many relations the entity has, in both directions.
    public var relationCount: Int
    /// The kinds of relation the entity has, in the order of ``relations``, with how many of
    /// each there are and how many ``relations`` holds.
    public var relationGroups: [RelationGroup]
    /// At most this many relations of each group are in ``relations``; `nil`: all are.
    public var relationLimit: Int?

    enum CodingKeys: String, CodingKey {
        case key, type, name, kind, aliases, attributes, date, start, end, note, citations, relations, claims
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

        /// Outgoing (and both) before incoming: the order of `show`'s groups.
        public static func < (lhs: Direction, rhs: Direction) -> Bool { lhs.order < rhs.order }
        private var order: Int { self == .incoming ? 1 : 0 }
    }

    /// The relation type's name: `heads`.
    public var type: String
    /// Which way its relations point from the entity.
    public var direction: Direction
    /// How the group reads from the entity: `headed by`.
    public var phrase: String
    /// How many relations the group has.
    public var count: Int
    /// How many of them the profile holds: all, or the first by the other entity's name.
    public var shown: Int

    /// A group of `count` relations of `type` in `direction`, read as `phrase`, `shown` of them listed.
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
    /// The entity's key.
    public var key: String
    /// Its type.
    public var type: EntityType
    /// Its primary name.
    public var name: String
    /// Its kind within the type.
    public var kind: String?
    /// Its other names.
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
    /// The entity removed.
    public var entity: EntityRef
    /// The relations removed with it (with `cascade`), as seen from it.
    public var removedRelations: [RelationView]

    enum CodingKeys: String, CodingKey {
        case entity
        case removedRelations = "removed_relations"
    }
}
