import GRDB

/// A document that facts cite: a press release, a treaty text, a news article.
public struct Source: Codable, Hashable, Sendable, Identifiable {
    /// The row id; `nil` until the source is stored.
    public var id: Int64?
    /// The unique key commands use: `icesco-2024-03-26`.
    public var key: String
    /// Its title, as published.
    public var title: String
    /// Who published it: `ICESCO`.
    public var publisher: String?
    /// Where it can be read.
    public var url: String?
    /// When it was published.
    public var published: PartialDate?
    /// The language tag of the document (`ar`).
    public var language: String?
    /// The document's text, when stored.
    public var text: String?
    /// When it was registered, as ISO 8601 in UTC (see ``Timestamp``).
    public var createdAt: String
    /// When it last changed, in the same form.
    public var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id, key, title, publisher, url, published, language, text
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// A source to store; ``PartnerGraphStore/addSource(_:)`` is how an application registers one.
    ///
    /// `updatedAt` defaults to `createdAt`.
    public init(
        id: Int64? = nil, key: String, title: String, publisher: String? = nil, url: String? = nil,
        published: PartialDate? = nil, language: String? = nil, text: String? = nil,
        createdAt: String = Timestamp.now(), updatedAt: String? = nil
    ) {
        self.id = id
        self.key = key
        self.title = title
        self.publisher = publisher
        self.url = url
        self.published = published
        self.language = language
        self.text = text
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

extension Source: FetchableRecord, MutablePersistableRecord {
    /// The `source` table.
    public static let databaseTableName = "source"

    /// The columns that queries filter and sort on.
    public enum Columns {
        /// The row id.
        public static let id = Column("id")
        /// The unique key.
        public static let key = Column("key")
    }

    /// Reads a row by column name, without `Codable` (see ``Entity/init(row:)``).
    public init(row: Row) throws {
        id = row["id"]
        key = row["key"]
        title = row["title"]
        publisher = row["publisher"]
        url = row["url"]
        published = row["published"]
        language = row["language"]
        text = row["text"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }

    /// Writes the source's columns.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["key"] = key
        container["title"] = title
        container["publisher"] = publisher
        container["url"] = url
        container["published"] = published
        container["language"] = language
        container["text"] = text
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
    }

    /// Keeps the row id SQLite gave the new source as its ``id``.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A fact's reference to a source, with an optional quote from it.
public struct CitationRef: Codable, Hashable, Sendable {
    /// The key of the cited ``Source``.
    public var source: String
    /// The words of the source that support the fact, when quoted.
    public var quote: String?

    /// A citation of the source with key `source`: `CitationRef(source: "icesco-2024-03-26")`.
    public init(source: String, quote: String? = nil) {
        self.source = source
        self.quote = quote
    }
}
