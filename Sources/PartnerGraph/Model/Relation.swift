import GRDB

/// A typed, dated link between two entities: `Salim M. AlMalik —heads→ ICESCO`.
///
/// One row of the `relation` table. Its identity, for duplicates and imports, is its source,
/// type, target, role, start and date.
public struct Relation: Codable, Hashable, Sendable, Identifiable {
    /// The row id; `nil` until the relation is stored.
    public var id: Int64?
    /// The row id of the source entity: the one the relation reads from (the person who `heads`).
    public var sourceId: Int64
    /// The name of its ``RelationType``.
    public var type: String
    /// The row id of the target entity.
    public var targetId: Int64
    /// The role the source holds in the relation, e.g. `Director-General`.
    public var role: String?
    /// When the relation began.
    public var startDate: PartialDate?
    /// When the relation ended; `nil` while it lasts.
    public var endDate: PartialDate?
    /// A single point in time, for a relation that is an occurrence rather than a period.
    public var date: PartialDate?
    /// Free text about the relation.
    public var note: String?
    /// When it was first stored, as ISO 8601 in UTC (see ``Timestamp``).
    public var createdAt: String
    /// When it last changed, in the same form.
    public var updatedAt: String

    /// A relation to store; ``PartnerGraphStore/link(_:_:_:_:)`` is how an application adds one,
    /// with its checks and citations.
    ///
    /// `updatedAt` defaults to `createdAt`.
    public init(
        id: Int64? = nil, sourceId: Int64, type: String, targetId: Int64, role: String? = nil,
        startDate: PartialDate? = nil, endDate: PartialDate? = nil, date: PartialDate? = nil,
        note: String? = nil, createdAt: String = Timestamp.now(), updatedAt: String? = nil
    ) {
        self.id = id
        self.sourceId = sourceId
        self.type = type
        self.targetId = targetId
        self.role = role
        self.startDate = startDate
        self.endDate = endDate
        self.date = date
        self.note = note
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

extension Relation: FetchableRecord, MutablePersistableRecord {
    /// The `relation` table.
    public static let databaseTableName = "relation"

    /// The columns that queries filter and sort on.
    public enum Columns {
        /// The row id.
        public static let id = Column("id")
        /// The source entity's row id.
        public static let sourceId = Column("source_id")
        /// The relation type's name.
        public static let type = Column("type")
        /// The target entity's row id.
        public static let targetId = Column("target_id")
    }

    /// Reads a row by column name, without `Codable` (see ``Entity/init(row:)``).
    public init(row: Row) throws {
        id = row["id"]
        sourceId = row["source_id"]
        type = row["type"]
        targetId = row["target_id"]
        role = row["role"]
        startDate = row["start_date"]
        endDate = row["end_date"]
        date = row["date"]
        note = row["note"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }

    /// Writes the relation's columns.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["source_id"] = sourceId
        container["type"] = type
        container["target_id"] = targetId
        container["role"] = role
        container["start_date"] = startDate
        container["end_date"] = endDate
        container["date"] = date
        container["note"] = note
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
    }

    /// Keeps the row id SQLite gave the new relation as its ``id``.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
