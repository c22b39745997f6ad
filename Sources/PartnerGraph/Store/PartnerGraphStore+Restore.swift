import Foundation
import GRDB

extension PartnerGraphStore {
    /// Replaces the database at `path` with the backup `backup`, after making sure the backup
    /// is a sound PartnerGraph database.
    ///
    /// Nothing is changed until the backup has passed every test: it is first copied next to
    /// `path` (through SQLite, so a backup still in WAL form is read whole), and the copy must be
    /// an SQLite database, with PartnerGraph's schema at the version it records, no newer than
    /// this PartnerGraph's, and pass SQLite's integrity check. A backup from an older PartnerGraph is
    /// brought up to date. Then it replaces the database in one transaction, through SQLite's
    /// backup API, so that processes that have the database open see either all of the old
    /// data or all of the new, and a failure (or a kill) leaves the old data in place.
    ///
    /// ```swift
    /// let report = try PartnerGraphStore.restore(from: "partners-2024-05-14.sqlite", to: "partnergraph.sqlite")
    /// ```
    ///
    /// - Parameters:
    ///   - backup: A file written by ``backup(to:replacing:progress:)`` (or any copy of a PartnerGraph database).
    ///   - path: The database to replace; created when it does not exist.
    ///   - replacingData: Whether a database that holds data (or that cannot be read as a
    ///     PartnerGraph database) may be replaced. An empty one always may.
    /// - Returns: What the database now holds and what it held before.
    /// - Throws: ``BackupError/notSQLite(path:reason:)``, ``BackupError/damaged(path:problems:)``,
    ///   ``BackupError/notPartnerGraph(path:reason:)`` or ``BackupError/newerSchema(path:version:supported:)``
    ///   for a backup that is refused; ``BackupError/databaseHasData(path:holds:)`` or
    ///   ``BackupError/databaseUnreadable(path:reason:)`` unless `replacingData`; and the file errors of
    ///   ``BackupError``.
    @discardableResult
    public static func restore(from backup: String, to path: String, replacingData: Bool = false) throws -> RestoreReport {
        _ = sqliteSettings
        switch DatabaseFiles.entry(at: backup) {
        case .absent: throw BackupError.unreadable(path: backup, reason: "no such file")
        case .folder: throw BackupError.isAFolder(path: backup)
        case .file: break
        }
        if DatabaseFiles.sameFile(backup, path) { throw BackupError.sameFile(path: backup) }
        try DatabaseFiles.checkWritableLocation(path)
        try DatabaseFiles.checkSQLiteHeader(backup)

        let temporary = DatabaseFiles.temporaryPath(next: path)
        defer { DatabaseFiles.remove(temporary) }
        try copy(backup, to: temporary, database: path)
        let version = try validate(temporary, as: backup)
        let (counts, problems) = try upgrade(temporary)

        let current = try contents(of: path)
        var replaced: GraphCounts?
        switch current {
        case .absent:
            try DatabaseFiles.move(temporary, to: path, replacing: false)
        case .empty:
            try copyIntoPlace(temporary, path)
        case .data(let counts):
            guard replacingData else { throw BackupError.databaseHasData(path: path, holds: counts.summary) }
            replaced = counts
            try copyIntoPlace(temporary, path)
        case .unreadable(let reason):
            guard replacingData else { throw BackupError.databaseUnreadable(path: path, reason: reason) }
            // SQLite cannot write into what it cannot read: the file is replaced whole.
            try DatabaseFiles.move(temporary, to: path, replacing: true)
        }
        return RestoreReport(
            path: path, backup: backup, counts: counts, upgradedFrom: version < schemaVersion ? version : nil,
            replaced: replaced, problems: problems)
    }

    // MARK: - Steps

    /// Copies `backup` to `temporary` through SQLite's backup API.
    private static func copy(_ backup: String, to temporary: String, database path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        do {
            // Read as immutable when it has no -wal to read too, so no -shm is left next to it.
            let source = try DatabaseQueue(path: readOnlyLocation(for: backup), configuration: config)
            let copy = try DatabaseQueue(path: temporary)
            try source.backup(to: copy)
            try copy.close()
            try source.close()
        } catch let error as DatabaseError {
            throw refusal(for: error, file: backup, writing: path)
        }
    }

    /// Checks that the copy of `backup` at `temporary` is a PartnerGraph database this build can use.
    ///
    /// - Returns: Its schema version.
    private static func validate(_ temporary: String, as backup: String) throws -> Int {
        do {
            let copy = try DatabaseQueue(path: temporary)
            defer { try? copy.close() }
            return try copy.read { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version > schemaVersion {
                    throw BackupError.newerSchema(path: backup, version: version, supported: schemaVersion)
                }
                if version == 0 {
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                    throw BackupError.notPartnerGraph(
                        path: backup,
                        reason: tables == 0 ? "it is empty" : "it does not record a PartnerGraph schema version (PRAGMA user_version is 0)")
                }
                let differences: [String]
                do {
                    differences = try SchemaRecognizer.differences(in: db, version: version)
                } catch let error as DatabaseError {
                    // A schema SQLite cannot read may be damage: the integrity check tells.
                    let integrity = (try? String.fetchAll(db, sql: "PRAGMA integrity_check(100)")) ?? [error.message ?? "\(error.resultCode)"]
                    if integrity != ["ok"] { throw BackupError.damaged(path: backup, problems: integrity) }
                    throw BackupError.notPartnerGraph(path: backup, reason: error.message ?? "SQLite cannot read its schema")
                }
                if !differences.isEmpty {
                    throw BackupError.notPartnerGraph(
                        path: backup,
                        reason: "it records schema version \(version), but " + differences.prefix(3).joined(separator: "; ")
                            + (differences.count > 3 ? "; and \(differences.count - 3) more differences" : ""))
                }
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(100)")
                if integrity != ["ok"] { throw BackupError.damaged(path: backup, problems: integrity) }
                return version
            }
        } catch let error as DatabaseError {
            throw refusal(for: error, file: backup, writing: nil)
        }
    }

    /// Opens the copy as a store, which brings an older schema up to date, and reads what it holds.
    private static func upgrade(_ temporary: String) throws -> (GraphCounts, problems: Int) {
        let store = try PartnerGraphStore(path: temporary)
        defer { try? store.writer.close() }
        // A backup of an in-memory store is in rollback mode; the restored database takes WAL
        // like every other (the copy's last connection, closing, folds its -wal into it).
        try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
        let counts = try store.read { try GraphCounts.read($0) }
        // Integrity was checked just before; the graph's own rules are counted.
        let problems = try store.check(integrity: false).problemCount
        return (counts, problems)
    }

    /// What the database to be replaced holds.
    private enum Contents {
        case absent
        case empty
        case data(GraphCounts)
        case unreadable(String)
    }

    private static func contents(of path: String) throws -> Contents {
        switch DatabaseFiles.entry(at: path) {
        case .absent: return .absent
        case .folder: throw BackupError.isAFolder(path: path)
        case .file(let size) where size == 0: return .empty
        case .file: break
        }
        do {
            try DatabaseFiles.checkSQLiteHeader(path)
        } catch let error as BackupError {
            if case .notSQLite(_, let reason) = error { return .unreadable(reason) }
            throw error
        }
        var config = Configuration()
        // Opened for writing when it may be, though only read, so that closing it tidies the
        // -wal and -shm files away, as every PartnerGraph command does.
        config.readonly = !FileManager.default.isWritableFile(atPath: path)
        config.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db -> Contents in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version > schemaVersion {
                    return .unreadable("it was written by a newer PartnerGraph, schema version \(version)")
                }
                if version == 0 {
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                    return tables == 0 ? .empty : .unreadable("it is an SQLite database, but not a PartnerGraph one")
                }
                let counts = try GraphCounts.read(db)
                return counts.isEmpty ? .empty : .data(counts)
            }
        } catch let error as DatabaseError {
            return .unreadable(error.message ?? "SQLite cannot read it (\(error.resultCode))")
        }
    }

    /// Writes the checked copy into the database at `path`, in one transaction of SQLite's backup API.
    private static func copyIntoPlace(_ temporary: String, _ path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(30)
        do {
            let database = try DatabaseQueue(path: path, configuration: config)
            defer { try? database.close() }
            let (pageSize, journalMode) = try database.read { db in
                (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? Self.pageSize, try String.fetchOne(db, sql: "PRAGMA journal_mode"))
            }
            let copy = try DatabaseQueue(path: temporary)
            defer { try? copy.close() }
            // A database in WAL mode cannot change its page size: the copy takes the database's.
            if journalMode == "wal", try copy.read({ try Int.fetchOne($0, sql: "PRAGMA page_size") }) != pageSize {
                try copy.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA journal_mode = DELETE")
                    try db.execute(sql: "PRAGMA page_size = \(pageSize)")
                    try db.execute(sql: "VACUUM")
                }
            }
            try copy.backup(to: database)
            // An empty file that was not in WAL mode takes the mode of every PartnerGraph database;
            // another process that has it open may keep it from changing, which is harmless.
            if journalMode != "wal" { try? database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") } }
        } catch let error as DatabaseError {
            throw BackupError.writeFailed(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// The refusal a SQLite failure on the backup file stands for.
    private static func refusal(for error: DatabaseError, file: String, writing path: String?) -> BackupError {
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .damaged(path: file, problems: [message])
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return .unreadable(path: file, reason: message)
        case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY:
            return path.map { .writeFailed(path: $0, reason: message) } ?? .unreadable(path: file, reason: message)
        default:
            return .notPartnerGraph(path: file, reason: message)
        }
    }
}
