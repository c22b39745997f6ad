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
    /// Relations in both directions, ordered by type, then direction, then the other entity's name.
    public var relations: [RelationView]
    /// The values sources state for the attributes and dates, where any source is recorded for
    /// one: several values for a field mean the sources disagree.
    public var claims: [FieldClaims] = []

    enum CodingKeys: String, CodingKey {
        case key, type, name, kind, aliases, attributes, date, start, end, note, citations, relations, claims
        case nameLanguage = "name_language"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
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
