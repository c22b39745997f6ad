import CSQLiteSettings
import Foundation
import GRDB

/// A PartnerGraph database: the one owner of the SQLite connection.
///
/// Opening a store applies the embedded schema migrations (from `schema/`) that the file
/// lacks, and refuses a file written by a newer PartnerGraph. Every method that writes runs in
/// one immediate transaction, so several processes may write to the same file at once and a
/// failed command leaves the database as it was.
///
/// ```swift
/// let store = try PartnerGraphStore(path: "partners.sqlite")
/// try store.addEntity(NewEntity(type: .organization, name: "ICESCO"))
/// ```
///
/// Methods throw the errors of their concern (``PartnerGraphError``, ``QueryError``,
/// ``ImportError``, ``IngestError``, ``RenderError`` …), whose description is a message a person
/// can act on; SQLite failures that are no one's input (a full disk) come through as GRDB's
/// `DatabaseError`, but for a file that is not a database, read-only or cannot be opened, which
/// become ``PartnerGraphError/notADatabase(path:)``, ``PartnerGraphError/readOnlyDatabase(path:)``
/// and ``PartnerGraphError/cannotOpenDatabase(path:reason:)``.
public final class PartnerGraphStore: Sendable {
    /// How a store opens its file.
    public enum AccessMode: Sendable {
        /// Create the file if needed, migrate it, and allow writes.
        case readWrite
        /// Require an existing file; open it read-only when the file is not writable.
        case readOnly
        /// Require an existing file at the current schema, and open a read-only connection to
        /// it whatever its permissions: nothing run through the store can write (the web view
        /// when it serves without `--allow-writes`).
        case readOnlyConnection
    }

    /// The schema version this build of PartnerGraph writes: the number of the last file in `schema/`.
    public static let schemaVersion = EmbeddedResources.migrations.last!.version

    /// The path of the database file, or `:memory:`.
    public let path: String
    /// Who the changes this store makes are recorded as, in the database's history.
    public let author: ChangeAuthor
    let writer: DatabaseQueue

    /// Opens, and if needed creates and migrates, the database at `path`.
    ///
    /// - Parameters:
    ///   - path: The database file; created when it does not exist and `mode` allows writes.
    ///   - mode: Whether to create, migrate and write, or only read an existing file.
    ///   - author: Who the changes are recorded as in the history: by default this process's
    ///     user (`$PARTNERGRAPH_USER`, else the OS user) and command line.
    /// - Throws: ``PartnerGraphError/notADatabase(path:)``, ``PartnerGraphError/newerSchema(path:version:supported:)``,
    ///   ``PartnerGraphError/readOnlyDatabase(path:)`` or ``PartnerGraphError/cannotOpenDatabase(path:reason:)``.
    public init(path: String, mode: AccessMode = .readWrite, author: ChangeAuthor = .current) throws {
        _ = Self.sqliteSettings
        self.path = path
        self.author = author
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            throw PartnerGraphError.cannotOpenDatabase(path: path, reason: "it is a folder; name a file, e.g. \(path)/partnergraph.sqlite")
        }
        if mode != .readWrite && !exists {
            throw PartnerGraphError.cannotOpenDatabase(
                path: path, reason: "no such file; create it with `partnergraph init` or load the example with `partnergraph example`")
        }
        var config = Configuration()
        // A read on a file the user may not write (a shared, archived database) must still work.
        let unwritable = mode != .readWrite && exists && !FileManager.default.isWritableFile(atPath: path)
        config.readonly = unwritable || mode == .readOnlyConnection
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        // WAL is a property of the file, set once when the schema is first applied (see
        // `migrate`); setting it up again on every open costs a fresh process more than a query.
        config.label = "PartnerGraph"
        var location = path
        if unwritable {
            location = Self.readOnlyLocation(for: path)
        }
        do {
            writer = try DatabaseQueue(path: location, configuration: config)
            try Self.migrate(writer, path: path)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// The location to open a database the user may not write.
    ///
    /// SQLite cannot read a WAL database read-only when it may not create the `-shm` file next
    /// to it. When no `-wal` file holds changes, the file is all there is, and SQLite may read
    /// it as immutable.
    static func readOnlyLocation(for path: String) -> String {
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        guard wal == 0 else { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:\(encoded)?immutable=1"
    }

    /// A store in memory, for tests and one-off work.
    ///
    /// - Parameter author: Who the changes are recorded as in the history.
    public init(author: ChangeAuthor = .current) throws {
        _ = Self.sqliteSettings
        path = ":memory:"
        self.author = author
        writer = try DatabaseQueue()
        try Self.migrate(writer, path: path)
    }

    /// The schema version recorded in the file (`PRAGMA user_version`).
    public func recordedSchemaVersion() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    // MARK: - Transactions

    /// Runs `body` in one immediate write transaction, recorded as one change in the history,
    /// turning SQLite failures into ``PartnerGraphError``s. Nothing is written when `body` throws.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                try Self.transaction(.immediate, in: db) { db in try recordingChange(db, body) }
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// Runs `body`, inside a write transaction, as one change of the history (see ``ChangeLog``).
    func recordingChange<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        let change = try ChangeLog.begin(db, author: author)
        let result = try body(db)
        try ChangeLog.end(db, change: change)
        return result
    }

    /// Runs `body` in a deferred read transaction. `body` must only read.
    ///
    /// GRDB's `read` would also guard the transaction with `PRAGMA query_only`, but setting that
    /// pragma expires every prepared statement of the connection, so each call compiled its
    /// cached statements again: half the time of a warm `path` call. The store's read methods
    /// are all this file's own, so the guard is left out.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.unsafeRead { db in try Self.transaction(.deferred, in: db, body) }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// `body`'s result, run in a transaction of `kind` that commits when it returns.
    private static func transaction<T>(_ kind: Database.TransactionKind, in db: Database, _ body: (Database) throws -> T) throws -> T {
        var result: T?
        try db.inTransaction(kind) {
            result = try body(db)
            return .commit
        }
        return result!
    }

    // MARK: - Schema

    /// Applies the embedded migrations the database lacks, in one immediate transaction, so
    /// that processes opening a new file at the same time do not both create it.
    /// Settings of SQLite for the whole process, made once, before its first use
    /// (see `pg_sqlite_disable_memory_statistics`).
    static let sqliteSettings: Void = {
        _ = pg_sqlite_disable_memory_statistics()
    }()

    /// The page size of the databases PartnerGraph creates.
    static let pageSize = 16384

    private static func migrate(_ writer: DatabaseQueue, path: String) throws {
        try writer.writeWithoutTransaction { db in
            // Reading the version first spares readers the write lock once the file is current.
            let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if current == schemaVersion { return }
            if current == 0 && path != ":memory:" {
                // Both set outside a transaction, as SQLite requires; idempotent when two processes
                // race. The page size takes effect only while the file is still empty. 16 KiB
                // pages make B-trees shallower and page splits rarer: a bulk load of a million
                // relations and its commit take about a third less time than with 4 KiB, and a
                // point look-up still reads a handful of pages.
                try db.execute(sql: "PRAGMA page_size = \(pageSize)")
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            var upgradedFrom = 0
            try db.inTransaction(.immediate) {
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                upgradedFrom = version
                if version > schemaVersion {
                    throw PartnerGraphError.newerSchema(path: path, version: version, supported: schemaVersion)
                }
                if version == 0 {
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") ?? 0
                    if tables > 0 {
                        throw PartnerGraphError.cannotOpenDatabase(
                            path: path, reason: "it is an SQLite database, but not a PartnerGraph one; pass another --db")
                    }
                }
                for migration in EmbeddedResources.migrations where migration.version > version {
                    try db.execute(sql: migration.sql)
                    // PRAGMA takes no bound parameters; the version is our own integer constant.
                    try db.execute(sql: "PRAGMA user_version = \(migration.version)")
                }
                return .commit
            }
            // Migration 008 rewrites the relations in half the space and leaves the old pages free:
            // the file is compacted once, after the upgrade (VACUUM cannot run in a transaction).
            // When another process holds the file, VACUUM fails and the file keeps its free pages,
            // which SQLite reuses as it grows: nothing is lost.
            if (1..<8).contains(upgradedFrom) && path != ":memory:" {
                try? db.execute(sql: "VACUUM")
            }
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> Error {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return hasSQLiteHeader(path) ? PartnerGraphError.damagedDatabase(path: path) : PartnerGraphError.notADatabase(path: path)
        case .SQLITE_READONLY: return PartnerGraphError.readOnlyDatabase(path: path)
        case .SQLITE_CANTOPEN:
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
                return PartnerGraphError.cannotOpenDatabase(path: path, reason: "the folder \(folder) does not exist; create it first")
            }
            if FileManager.default.fileExists(atPath: path) && !FileManager.default.isWritableFile(atPath: path) {
                return PartnerGraphError.readOnlyDatabase(path: path)
            }
            return PartnerGraphError.cannotOpenDatabase(path: path, reason: error.message ?? "SQLite could not open it")
        default: return error
        }
    }

    /// Whether the file starts as every SQLite database does, with "SQLite format 3" and a NUL:
    /// then a file SQLite cannot read is a damaged database rather than some other file.
    static func hasSQLiteHeader(_ path: String) -> Bool {
        guard path != ":memory:", let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }
}

