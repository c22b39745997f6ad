import GRDB

/// How much a database holds: its entities, relations and sources.
public struct GraphCounts: Codable, Equatable, Sendable {
    /// The number of entities.
    public var entities: Int
    /// The number of relations.
    public var relations: Int
    /// The number of sources.
    public var sources: Int

    /// Counts of a graph.
    public init(entities: Int, relations: Int, sources: Int) {
        self.entities = entities
        self.relations = relations
        self.sources = sources
    }

    /// Whether the database holds nothing at all.
    public var isEmpty: Bool { entities == 0 && relations == 0 && sources == 0 }

    /// `21 entities, 33 relations, 1 source`.
    public var summary: String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        return "\(count(entities, "entity", "entities")), \(count(relations, "relation", "relations")), \(count(sources, "source", "sources"))"
    }

    /// The counts of the database `db` reads, in its current transaction.
    static func read(_ db: Database) throws -> GraphCounts {
        let row = try Row.fetchOne(
            db, sql: "SELECT (SELECT count(*) FROM entity), (SELECT count(*) FROM relation), (SELECT count(*) FROM source)")!
        return GraphCounts(entities: row[0], relations: row[1], sources: row[2])
    }
}

/// How far a backup has got, reported after each step of the copy.
public struct BackupProgress: Equatable, Sendable {
    /// The database pages copied so far.
    public var pagesCopied: Int
    /// The pages of the database being copied.
    public var pageCount: Int
}

/// What ``PartnerGraphStore/backup(to:replacing:progress:)`` wrote.
public struct BackupReport: Codable, Equatable, Sendable {
    /// The copy.
    public var path: String
    /// Its size in bytes.
    public var bytes: Int64
    /// The schema version of the copy (`PRAGMA user_version`).
    public var schemaVersion: Int
    /// What the copy holds: the database as it stood when the backup began.
    public var counts: GraphCounts

    enum CodingKeys: String, CodingKey {
        case path, bytes, counts
        case schemaVersion = "schema_version"
    }
}

/// What ``PartnerGraphStore/restore(from:to:replacingData:)`` did.
public struct RestoreReport: Codable, Equatable, Sendable {
    /// The database that was replaced or created.
    public var path: String
    /// The backup it was restored from.
    public var backup: String
    /// What the database now holds.
    public var counts: GraphCounts
    /// The schema version the backup was written with, when older than this PartnerGraph's:
    /// the restored database was brought up to date.
    public var upgradedFrom: Int?
    /// What the database held before, when it held something.
    public var replaced: GraphCounts?
    /// The problems ``PartnerGraphStore/check()`` finds in the restored database (it is
    /// restored all the same: it is what the backup holds).
    public var problems: Int

    enum CodingKeys: String, CodingKey {
        case path, backup, counts, replaced, problems
        case upgradedFrom = "upgraded_from"
    }
}
