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

    /// Always ``formatName``: what tells the file from other JSON.
    public var format: String = formatName
    /// The version of the format the file is written in.
    public var version: Int = currentVersion
    /// The relation types the user added to the vocabulary, by name.
    public var relationTypes: [RelationTypeRecord] = []
    /// The sources, by key.
    public var sources: [SourceRecord] = []
    /// The entities, by key.
    public var entities: [EntityRecord] = []
    /// The relations, by source, type, target, role and dates.
    public var relations: [RelationRecord] = []

    /// An empty document of the current version.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case format, version, sources, entities, relations
        case relationTypes = "relation_types"
    }
}

/// A relation type of the user's vocabulary.
public struct RelationTypeRecord: Codable, Equatable, Sendable {
    /// The type's name: lower-case letters, digits and `_` (`funds`).
    public var name: String
    /// How it reads from source to target (`funds`).
    public var forward: String
    /// How it reads from target to source (`funded by`).
    public var inverse: String
    /// The entity types its source may have.
    public var sourceTypes: [EntityType]
    /// The entity types its target may have.
    public var targetTypes: [EntityType]
    /// Whether it reads the same both ways, as `partner_of` does.
    public var symmetric: Bool
    /// What it means, for people choosing a type.
    public var description: String?

    enum CodingKeys: String, CodingKey {
        case name, forward, inverse, symmetric, description
        case sourceTypes = "source_types"
        case targetTypes = "target_types"
    }
}

/// A source document.
public struct SourceRecord: Codable, Equatable, Sendable {
    /// The source's key, which citations name.
    public var key: String
    /// Its title.
    public var title: String
    /// Who published it.
    public var publisher: String?
    /// Where it can be read.
    public var url: String?
    /// When it was published.
    public var published: PartialDate?
    /// Its language tag (`ar`, `en`).
    public var language: String?
    /// Its full text, when it was registered or ingested with it.
    public var text: String?
    /// When it was first recorded (ISO 8601); the time of the import when absent.
    public var createdAt: String?
    /// When it last changed (ISO 8601); the time of the import when absent.
    public var updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case key, title, publisher, url, published, language, text
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// An entity with its aliases, attributes and citations.
public struct EntityRecord: Codable, Equatable, Sendable {
    /// The entity's key, which relations name.
    public var key: String
    /// Its type.
    public var type: EntityType
    /// Its name.
    public var name: String
    /// The language of ``name``.
    public var nameLanguage: String?
    /// Its kind (`igo`, `state`).
    public var kind: String?
    /// Its date (an event's day, an agreement's signature).
    public var date: PartialDate?
    /// When it starts.
    public var start: PartialDate?
    /// When it ends.
    public var end: PartialDate?
    /// Its note.
    public var note: String?
    /// Its other names, in the order they were recorded.
    public var aliases: [Alias]
    /// Its free attributes (`founded`: `1979`).
    public var attributes: [String: String]
    /// The sources that cite it.
    public var citations: [CitationRef]
    /// When it was first recorded (ISO 8601); the time of the import when absent.
    public var createdAt: String?
    /// When it last changed (ISO 8601); the time of the import when absent.
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
    /// The key of the source entity.
    public var source: String
    /// The relation type's name (`heads`).
    public var type: String
    /// The key of the target entity.
    public var target: String
    /// The role it records (`Director-General`).
    public var role: String?
    /// When it starts.
    public var start: PartialDate?
    /// When it ends.
    public var end: PartialDate?
    /// When it held, as a point in time.
    public var date: PartialDate?
    /// Its note.
    public var note: String?
    /// The sources that cite it.
    public var citations: [CitationRef]
    /// When it was first recorded (ISO 8601); the time of the import when absent.
    public var createdAt: String?
    /// When it last changed (ISO 8601); the time of the import when absent.
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
