import Foundation
import GRDB

/// An organization, person, agreement, event or place: a node of the graph.
///
/// Every entity has a stable ``key`` (a slug of its name unless given), a primary ``name``
/// and any number of ``Alias``es in other languages. One row of the `entity` table.
public struct Entity: Codable, Hashable, Sendable, Identifiable {
    /// The row id; `nil` until the entity is stored.
    public var id: Int64?
    /// The unique, stable key shown everywhere (`icesco`, `salim-m-almalik`).
    public var key: String
    /// Organization, person, agreement, event or place; it decides which relations the entity may take.
    public var type: EntityType
    /// The primary name.
    public var name: String
    /// The language of the primary name (`en`, `ar`, …), if known.
    public var nameLanguage: String?
    /// The finer classification within the type: `igo`, `state`, `parliament`, `city`, …
    public var kind: String?
    /// When an event took place or an agreement was made, if it is one date.
    public var date: PartialDate?
    /// When it began: an organization's founding, the first day of a programme.
    public var startDate: PartialDate?
    /// When it ended: an organization's dissolution, an agreement's expiry.
    public var endDate: PartialDate?
    /// Free text about it, shown under its names.
    public var note: String?
    /// When it was first stored, as ISO 8601 in UTC (see ``Timestamp``).
    public var createdAt: String
    /// When it last changed, in the same form.
    public var updatedAt: String

    /// An entity to store; ``PartnerGraphStore/addEntity(_:)`` is how an application adds one, with
    /// its checks, aliases and citations.
    ///
    /// `updatedAt` defaults to `createdAt`.
    public init(
        id: Int64? = nil, key: String, type: EntityType, name: String, nameLanguage: String? = nil,
        kind: String? = nil, date: PartialDate? = nil, startDate: PartialDate? = nil,
        endDate: PartialDate? = nil, note: String? = nil, createdAt: String = Timestamp.now(),
        updatedAt: String? = nil
    ) {
        self.id = id
        self.key = key
        self.type = type
        self.name = name
        self.nameLanguage = nameLanguage
        self.kind = kind
        self.date = date
        self.startDate = startDate
        self.endDate = endDate
        self.note = note
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

extension Entity: FetchableRecord, MutablePersistableRecord {
    /// The `entity` table.
    public static let databaseTableName = "entity"
    /// The columns that queries filter and sort on.
    public enum Columns {
        /// The row id.
        public static let id = Column("id")
        /// The unique key.
        public static let key = Column("key")
        /// The entity type's name.
        public static let type = Column("type")
        /// The primary name.
        public static let name = Column("name")
        /// The primary name after ``NameNormalizer`` folding, which look-ups by name compare.
        public static let nameNormalized = Column("name_normalized")
    }

    /// Reads a row by column name. Written out rather than decoded through `Codable`: each
    /// first dynamic cast costs a fresh process a scan of every protocol conformance.
    public init(row: Row) throws {
        id = row["id"]
        key = row["key"]
        type = EntityType(rawValue: row["type"]) ?? .organization
        name = row["name"]
        nameLanguage = row["name_language"]
        kind = row["kind"]
        date = row["date"]
        startDate = row["start_date"]
        endDate = row["end_date"]
        note = row["note"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }

    /// Writes the entity's columns, with its name folded for look-ups.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["key"] = key
        container["type"] = type.rawValue
        container["name"] = name
        container["name_normalized"] = NameNormalizer.normalize(name)
        container["name_language"] = nameLanguage
        container["kind"] = kind
        container["date"] = date?.description
        container["start_date"] = startDate?.description
        container["end_date"] = endDate?.description
        container["note"] = note
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
    }

    /// Keeps the row id SQLite gave the new entity as its ``id``.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension EntityType: DatabaseValueConvertible {}

extension PartialDate: DatabaseValueConvertible {
    /// The date as stored: its text, at its precision (`2024-03`).
    public var databaseValue: DatabaseValue { description.databaseValue }

    /// Reads a stored date: its text, or the integer `YYYYMMDD` of the compact relation tables
    /// (see ``PartialDate/init(packed:)``); `nil` for NULL or a value that is not a date.
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> PartialDate? {
        if case .int64(let packed) = dbValue.storage { return PartialDate(packed: packed) }
        return String.fromDatabaseValue(dbValue).flatMap { try? PartialDate($0) }
    }
}

/// Another name for an entity, with its language: `الإيسيسكو` (ar).
public struct Alias: Codable, Hashable, Sendable {
    /// The name as written.
    public var name: String
    /// A language tag such as `ar`, `en`, `fr`; `nil` when unknown.
    public var language: String?

    /// An alias: `Alias(name: "الإيسيسكو", language: "ar")`.
    public init(name: String, language: String? = nil) {
        self.name = name
        self.language = language
    }

    /// Parses the command-line form `NAME@LANG` (`"الإيسيسكو@ar"`); without `@LANG` the
    /// language is unknown. An `@` that is not followed by a language tag (2 to 8 letters or
    /// '-') is part of the name (`UN@75`), except at the very end.
    ///
    /// - Throws: ``PartnerGraphError/aliasWithoutLanguage(_:)`` for `NAME@`, whose language
    ///   was left out by mistake.
    public init(parsing text: String) throws {
        if text.hasSuffix("@") { throw PartnerGraphError.aliasWithoutLanguage(text) }
        if let at = text.lastIndex(of: "@") {
            let tag = text[text.index(after: at)...]
            if (2...8).contains(tag.count), tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) {
                self.init(name: String(text[..<at]), language: String(tag).lowercased())
                return
            }
        }
        self.init(name: text, language: nil)
    }
}

/// Timestamps as stored: ISO 8601 in UTC, to the second.
public enum Timestamp {
    /// The current time, as stored: `2024-03-26T09:15:00Z`.
    public static func now() -> String {
        Date().formatted(.iso8601)
    }
}

/// Guesses the language of a name from its script: Arabic letters mean `ar`, else `en`.
func guessLanguage(of name: String) -> String {
    name.unicodeScalars.contains(where: { (0x0600...0x06FF).contains($0.value) || (0x0750...0x077F).contains($0.value) })
        ? "ar" : "en"
}
