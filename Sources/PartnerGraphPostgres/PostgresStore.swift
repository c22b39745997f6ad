import Foundation
import PartnerGraph
import PostgresNIO

/// A PartnerGraph graph in a PostgreSQL database, for a team that shares one.
///
/// The same operations as ``PartnerGraph/PartnerGraphStore`` (see ``PartnerGraph/GraphStore``), with the
/// same checks, messages and answers; what differs is that many people can write at once. Every
/// write runs in one transaction, and the rules that must hold under concurrent writers (a
/// relation's entity types, a relation's identity, unique keys) are enforced by the database
/// itself (schema/postgres/), not checked first and written after.
///
/// ```swift
/// let store = try PostgresStore(url: "postgres://analyst@127.0.0.1:5432/partners", mode: .create)
/// try store.addEntity(NewEntity(type: .organization, name: "ICESCO"))
/// ```
///
/// Each store holds one connection, used synchronously: a command line opens one, runs, and exits.
/// Threads that write at once should each open their own store.
public final class PostgresStore: GraphStore, @unchecked Sendable {
    /// How a store opens its database.
    public enum OpenMode: Sendable {
        /// Apply the migrations the database lacks (creating the schema named in the URL first): `init`.
        case create
        /// Require a database already initialized at the current schema version.
        case existing
    }

    /// The schema version this build writes: the number of the last file in schema/postgres/.
    public static let schemaVersion = PostgresMigrations.all.last!.version

    /// Where the graph is, without the password.
    public let postgresLocation: PostgresLocation
    /// Who the changes are made by: recorded in no history yet on PostgreSQL (see the README).
    public let author: ChangeAuthor
    let session: PostgresSession

    /// The URL without its password, for messages.
    public var location: String { postgresLocation.description }

    /// Connects to the database a `postgres://` URL names.
    ///
    /// - Parameters:
    ///   - url: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME&sslmode=require]`.
    ///   - mode: ``OpenMode/create`` creates the schema where there is none (`init`);
    ///     ``OpenMode/existing`` requires a graph. Either applies the migrations a graph of
    ///     an older PartnerGraph lacks.
    ///   - author: Who the changes are made by.
    /// - Throws: ``PostgresStoreError``: an unreadable URL, a server that cannot be reached, a database
    ///   without a graph (``OpenMode/existing``) or written by a newer PartnerGraph.
    public init(url: String, mode: OpenMode = .existing, author: ChangeAuthor = .current) throws {
        postgresLocation = try PostgresLocation(url)
        self.author = author
        session = try PostgresSession(postgresLocation)
        try migrate(create: mode == .create)
    }

    /// The number of the last migration applied.
    public func recordedSchemaVersion() throws -> Int {
        try session.exclusive { try Self.appliedVersion(session) ?? 0 }
    }

    /// A number that moves whenever the graph changes: the sequence that every statement
    /// writing a table of the graph advances (migration 002), whoever runs it.
    public func graphVersion() throws -> Int64 {
        try session.exclusive {
            try session.run("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM graph_version")[0].decode(Int64.self)
        }
    }

    /// The number of entities and relations stored.
    public func graphSize() throws -> (entities: Int, relations: Int) {
        try session.transaction(readOnly: true) {
            let row = try session.run("SELECT (SELECT count(*) FROM entity), (SELECT count(*) FROM relation)")[0]
            let (entities, relations) = try row.decode((Int64, Int64).self)
            return (Int(entities), Int(relations))
        }
    }

    // MARK: - Schema

    /// The version recorded in partnergraph_migration; `nil` when the table does not exist.
    private static func appliedVersion(_ session: PostgresSession) throws -> Int? {
        let exists = try session.run("SELECT to_regclass('partnergraph_migration') IS NOT NULL")[0].decode(Bool.self)
        guard exists else { return nil }
        let rows = try session.run("SELECT coalesce(max(version), 0) FROM partnergraph_migration")
        return Int(try rows[0].decode(Int32.self))
    }

    /// Applies the embedded migrations the database lacks, in one transaction, under a lock that
    /// keeps two `init`s from applying them at once.
    private func migrate(create: Bool) throws {
        let location = location
        // One statement where a graph exists, the common case; the table's absence says there is none.
        let current: Int? = try session.exclusive {
            do {
                return Int(try session.run("SELECT coalesce(max(version), 0) FROM partnergraph_migration")[0].decode(Int32.self))
            } catch is PostgresUndefinedTable {
                return nil
            }
        }
        if let current, current == Self.schemaVersion { return }
        if let current, current > Self.schemaVersion {
            throw PostgresStoreError.newerSchema(location: location, version: current, supported: Self.schemaVersion)
        }
        // A database without a graph needs `init`; one of an older PartnerGraph is brought up to date.
        guard create || current != nil else { throw PostgresStoreError.notInitialized(location: location) }
        try session.transaction {
            // Any key would do; this one is PartnerGraph's in ASCII ("PGRAPH").
            try session.run("SELECT pg_advisory_xact_lock(\(Int64(0x5047_5241_5048)))")
            if let schema = postgresLocation.schema {
                try session.run(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"))
            }
            let version = try Self.appliedVersion(session) ?? 0
            if version > Self.schemaVersion {
                throw PostgresStoreError.newerSchema(location: location, version: version, supported: Self.schemaVersion)
            }
            if version == 0 {
                let tables = try session.run(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename IN ('entity', 'relation')"
                )[0].decode(Int64.self)
                if tables > 0 {
                    throw PostgresStoreError.server(
                        location: location, message: "its schema has entity or relation tables that are not PartnerGraph's; name another database or ?schema=")
                }
            }
            for migration in PostgresMigrations.all where migration.version > version {
                for statement in SQLScript.statements(migration.sql) {
                    try session.run(PostgresQuery(unsafeSQL: statement))
                }
                try session.run("INSERT INTO partnergraph_migration (version, applied_at) VALUES (\(Int32(migration.version)), \(Timestamp.now()))")
            }
        }
    }

    // MARK: - Rows

    /// The columns ``entity(from:)`` reads, in its order.
    static let entityColumns = "id, key, type, name, name_language, kind, date, start_date, end_date, note, created_at, updated_at"

    /// An entity from a row of ``entityColumns``.
    static func entity(from row: PostgresRow) throws -> Entity {
        let (id, key, type, name, language, kind, date, start, end, note, created, updated) = try row.decode(
            (Int64, String, String, String, String?, String?, String?, String?, String?, String?, String, String).self)
        return Entity(
            id: id, key: key, type: EntityType(rawValue: type) ?? .organization, name: name, nameLanguage: language, kind: kind,
            date: try date.map(PartialDate.init), startDate: try start.map(PartialDate.init), endDate: try end.map(PartialDate.init),
            note: note, createdAt: created, updatedAt: updated)
    }

    /// The columns ``relation(from:)`` reads, in its order.
    static let relationColumns = "id, source_id, type, target_id, role, start_date, end_date, date, note, created_at, updated_at"

    /// A relation from a row of ``relationColumns``.
    static func relation(from row: PostgresRow) throws -> Relation {
        let (id, source, type, target, role, start, end, date, note, created, updated) = try row.decode(
            (Int64, Int64, String, Int64, String?, String?, String?, String?, String?, String, String).self)
        return Relation(
            id: id, sourceId: source, type: type, targetId: target, role: role, startDate: try start.map(PartialDate.init),
            endDate: try end.map(PartialDate.init), date: try date.map(PartialDate.init), note: note, createdAt: created,
            updatedAt: updated)
    }

    /// The vocabulary, by name.
    func vocabulary() throws -> [String: RelationType] {
        var types: [String: RelationType] = [:]
        for row in try session.run(
            "SELECT name, forward_phrase, inverse_phrase, source_types, target_types, \"symmetric\", builtin, description FROM relation_type")
        {
            let (name, forward, inverse, sources, targets, symmetric, builtin, description) = try row.decode(
                (String, String, String, String, String, Int32, Int32, String?).self)
            types[name] = RelationType(
                name: name, forwardPhrase: forward, inversePhrase: inverse,
                sourceTypes: sources.split(separator: ",").compactMap { EntityType(rawValue: String($0)) },
                targetTypes: targets.split(separator: ",").compactMap { EntityType(rawValue: String($0)) },
                symmetric: symmetric == 1, builtin: builtin == 1, description: description)
        }
        return types
    }

    /// The relation type `name` (canonical), or the error listing the vocabulary.
    func relationType(_ name: String, in types: [String: RelationType]) throws -> RelationType {
        if let type = types[name] { return type }
        throw PartnerGraphError.unknownRelationType(name, known: types.keys.sorted())
    }
}
