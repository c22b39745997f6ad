/// The JSON interchange document: a whole graph, or part of one, as one versioned file.
///
/// `partnergraph export` writes it and `partnergraph import` reads it. Keys are snake_case,
/// objects are written with sorted keys, and lists in a fixed order (entities and sources by
/// key, relations by source, type, target, role and dates), so the same graph always gives
/// the same bytes. Absent optional fields are omitted.
///
/// ```json
/// {
///   "format": "partnergraph",
///   "version": 1,
///   "relation_types": [],
///   "sources": [{"key": "icesco-2024-03-26", "title": "…", "publisher": "ICESCO", "published": "2024-03-26", "language": "ar"}],
///   "entities": [{"key": "icesco", "type": "organization", "name": "ICESCO", "kind": "igo",
///                 "aliases": [{"name": "الإيسيسكو", "language": "ar"}], "attributes": {},
///                 "citations": [{"source": "icesco-2024-03-26"}]}],
///   "relations": [{"source": "salim-m-almalik", "type": "heads", "target": "icesco",
///                  "role": "Director-General", "citations": [{"source": "icesco-2024-03-26"}]}]
/// }
/// ```
///
/// `relation_types` holds only the user's additions: the built-in vocabulary comes with the schema.
public struct InterchangeDocument: Codable, Equatable, Sendable {
    /// The value of `format`, which identifies the file.
    public static let formatName = "partnergraph"
    /// The version this build writes and the newest it reads.
    public static let currentVersion = 1

    public var format: String = formatName
    public var version: Int = currentVersion
    public var relationTypes: [RelationTypeRecord] = []
    public var sources: [SourceRecord] = []
    public var entities: [EntityRecord] = []
    public var relations: [RelationRecord] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case format, version, sources, entities, relations
        case relationTypes = "relation_types"
    }
}

/// A relation type of the user's vocabulary.
public struct RelationTypeRecord: Codable, Equatable, Sendable {
    public var name: String
    public var forward: String
    public var inverse: String
    public var sourceTypes: [EntityType]
    public var targetTypes: [EntityType]
    public var symmetric: Bool
    public var description: String?

    enum CodingKeys: String, CodingKey {
        case name, forward, inverse, symmetric, description
        case sourceTypes = "source_types"
        case targetTypes = "target_types"
    }
}

/// A source document.
public struct SourceRecord: Codable, Equatable, Sendable {
    public var key: String
    public var title: String
    public var publisher: String?
    public var url: String?
    public var published: PartialDate?
    public var language: String?
    public var text: String?
    public var createdAt: String?
    public var updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case key, title, publisher, url, published, language, text
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// An entity with its aliases, attributes and citations.
public struct EntityRecord: Codable, Equatable, Sendable {
    public var key: String
    public var type: EntityType
    public var name: String
    public var nameLanguage: String?
    public var kind: String?
    public var date: PartialDate?
    public var start: PartialDate?
    public var end: PartialDate?
    public var note: String?
    public var aliases: [Alias]
    public var attributes: [String: String]
    public var citations: [CitationRef]
    public var createdAt: String?
    public var updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case key, type, name, kind, date, start, end, note, aliases, attributes, citations
        case nameLanguage = "name_language"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// A relation between two entities, named by their keys.
public struct RelationRecord: Codable, Equatable, Sendable {
    public var source: String
    public var type: String
    public var target: String
    public var role: String?
    public var start: PartialDate?
    public var end: PartialDate?
    public var date: PartialDate?
    public var note: String?
    public var citations: [CitationRef]
    public var createdAt: String?
    public var updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case source, type, target, role, start, end, date, note, citations
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// The identity that import matches on: the same ends, type, role, start and date.
    var identity: [String] {
        [source, type, target, role ?? "", start?.description ?? "", date?.description ?? ""]
    }
}
