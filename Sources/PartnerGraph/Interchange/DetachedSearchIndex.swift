import Foundation
import GRDB
import GRDBSQLite

/// A full-text index built on a thread of its own, in a private temporary database file, while
/// a bulk import's connection writes the relations; ``install(in:)`` then puts it in place of
/// the store's empty `search_index`.
///
/// FTS5 keeps an index in ordinary shadow tables (`search_index_data`, `_idx`, `_content`,
/// `_docsize`, `_config`), so a finished index moves from one database to another as their rows.
/// `install` attaches the file and copies each table with one `INSERT … SELECT *`, which SQLite
/// carries out by copying records as they are stored (its transfer optimization), not by
/// decoding and re-encoding every row. It drops the store's table and creates it again from its
/// own `CREATE` statement first: an FTS5 table caches its structure record on the connection, and
/// a new table has no stale copy. Used only when the store's index holds nothing, so that nothing
/// is lost by the drop. ``detach(from:)``, after the import's transaction ends, detaches the file
/// (SQLite refuses while the transaction reads it) and deletes it.
final class DetachedSearchIndex: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Void, Error>?
    /// Whether `done` was waited for: `outcome` is read only after.
    private var finished = false
    /// The store's `CREATE VIRTUAL TABLE search_index …` statement.
    private let createSQL: String
    /// The temporary database the index is built in.
    let path: String
    private var attached = false
    private static let schemaName = "partnergraph_search_build"

    /// Builds the index of `rows()` (rowid, names), with the same definition as the store's
    /// table, on `queue`: the import's second thread, once it has read the edges file, so
    /// that the writing thread keeps a core to itself.
    init(createSQL: String, on queue: DispatchQueue, rows: @escaping @Sendable () -> [(rowid: Int64, names: String)]) {
        self.createSQL = createSQL
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("partnergraph-search-\(UUID().uuidString).sqlite")
        queue.async { [self] in
            outcome = Result { try Self.build(at: path, createSQL: createSQL, rows: rows()) }
            ImportTiming.mark("second thread: search index built")
            done.signal()
        }
    }

    deinit {
        // An import that failed before `install` still waits for the thread.
        if !finished { done.wait() }
        removeFile()
    }

    private func removeFile() {
        for suffix in ["", "-journal"] { unlink(path + suffix) }
    }

    private static func build(at path: String, createSQL: String, rows: [(rowid: Int64, names: String)]) throws {
        var connection: OpaquePointer?
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
            let connection
        else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(connection)
            throw DatabaseError(
                resultCode: .SQLITE_CANTOPEN,
                message: "cannot create \(path) to build the search index in (\(message); is the temporary folder writable? TMPDIR chooses another); nothing was imported")
        }
        defer { sqlite3_close_v2(connection) }
        // A scratch file, deleted after the import: no journal, no syncs.
        try execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        try execute(connection, createSQL)
        // One INSERT … SELECT fills the index: FTS5 writes its terms out at the end of each
        // statement, so one statement makes one segment.
        try execute(connection, "BEGIN; CREATE TEMP TABLE source (rowid INTEGER PRIMARY KEY, names TEXT NOT NULL)")
        var insert: OpaquePointer?
        guard sqlite3_prepare_v2(connection, "INSERT INTO temp.source (rowid, names) VALUES (?, ?)", -1, &insert, nil) == SQLITE_OK else {
            throw error(connection)
        }
        defer { sqlite3_finalize(insert) }
        for row in rows {
            sqlite3_bind_int64(insert, 1, row.rowid)
            var names = row.names
            _ = names.withUTF8 { sqlite3_bind_text(insert, 2, $0.baseAddress, Int32($0.count), transient) }
            guard sqlite3_step(insert) == SQLITE_DONE else { throw error(connection) }
            sqlite3_reset(insert)
        }
        try execute(connection, "INSERT INTO search_index (rowid, names, body) SELECT rowid, names, '' FROM temp.source; COMMIT")
    }

    /// Waits for the index, then replaces the store's empty `search_index` with it, inside the
    /// caller's transaction.
    func install(in db: Database) throws {
        done.wait()
        finished = true
        try outcome!.get()
        try db.execute(sql: "DROP TABLE search_index")
        try db.execute(sql: createSQL)
        try db.execute(sql: "ATTACH DATABASE ? AS \(Self.schemaName)", arguments: [path])
        attached = true
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM \(Self.schemaName).sqlite_master WHERE type = 'table' AND name LIKE 'search\\_index\\_%' ESCAPE '\\'")
        for table in tables {
            let name = table.quotedDatabaseIdentifier
            // Emptied first (a new FTS5 table has its version row in _config), so that every
            // table is copied by SQLite's transfer optimization.
            try db.execute(sql: "DELETE FROM main.\(name)")
            try db.execute(sql: "INSERT INTO main.\(name) SELECT * FROM \(Self.schemaName).\(name)")
        }
    }

    /// Detaches the temporary database, once the import's transaction has ended, and deletes it.
    func detach(from db: Database) {
        if attached {
            try? db.execute(sql: "DETACH DATABASE \(Self.schemaName)")
            attached = false
        }
        removeFile()
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func execute(_ connection: OpaquePointer, _ sql: String) throws {
        guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else { throw error(connection) }
    }

    private static func error(_ connection: OpaquePointer?) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: sqlite3_errcode(connection)),
            message: "building the search index failed, so nothing was imported: " + String(cString: sqlite3_errmsg(connection)))
    }
}
