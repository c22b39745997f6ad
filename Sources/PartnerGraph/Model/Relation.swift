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

extension Relation: FetchableRecord, TableRecord {
    /// The view `relation_view`, which shows the compact `relation` table (migration 008) as
    /// text: type names, dates and timestamps. Write with `insert(_:)`, `update(_:)` and
    /// `delete(_:)`, which store the compact form.
    public static let databaseTableName = "relation_view"

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

    /// Reads a row of `relation_view` by column name, without `Codable` (see ``Entity/init(row:)``).
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

    /// The relation stored with id `id`, if any.
    public static func fetchOne(_ db: Database, id: Int64) throws -> Relation? {
        try Relation.fetchOne(db.cachedStatement(sql: "SELECT * FROM relation_view WHERE id = ?"), arguments: [id])
    }

    /// The values of the `relation` table's columns after `id`, in their compact form.
    private func storedValues(_ db: Database) throws -> [DatabaseValue] {
        let created = Timestamp.stored(createdAt), updated = Timestamp.stored(updatedAt)
        return [
            sourceId.databaseValue, try RelationTypeCodes.id(of: type, in: db).databaseValue, targetId.databaseValue,
            role.databaseValue, startDate?.packed.databaseValue ?? .null, endDate?.packed.databaseValue ?? .null,
            date?.packed.databaseValue ?? .null, note.databaseValue, created, updated == created ? .null : updated,
        ]
    }

    /// Stores the relation as a new row, and keeps its new ``id``.
    public mutating func insert(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO relation (id, source_id, type_id, target_id, role, start_date, end_date, date, note, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: StatementArguments([id.databaseValue] + (try storedValues(db))))
        if id == nil { id = db.lastInsertedRowID }
    }

    /// Writes every column of the stored relation with the same ``id``.
    public func update(_ db: Database) throws {
        guard let id else { throw PersistenceError.recordNotFound(databaseTableName: "relation", key: ["id": .null]) }
        try db.execute(
            sql: """
                UPDATE relation SET source_id = ?, type_id = ?, target_id = ?, role = ?, start_date = ?, end_date = ?, date = ?,
                note = ?, created_at = ?, updated_at = ? WHERE id = ?
                """,
            arguments: StatementArguments((try storedValues(db)) + [id.databaseValue]))
        if db.changesCount == 0 { throw PersistenceError.recordNotFound(databaseTableName: "relation", key: ["id": id.databaseValue]) }
    }

    /// Removes the stored relation with the same ``id``; whether there was one.
    @discardableResult
    public func delete(_ db: Database) throws -> Bool {
        guard let id else { return false }
        try db.execute(sql: "DELETE FROM relation WHERE id = ?", arguments: [id])
        return db.changesCount > 0
    }
}
