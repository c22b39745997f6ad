import Foundation
import GRDB
import GRDBSQLite

/// A full-text index built on a thread of its own, in a private in-memory database, while a
/// bulk import's connection writes the relations; ``install(in:)`` then puts it in place of the
/// store's empty `search_index`.
///
/// FTS5 keeps an index in ordinary shadow tables (`search_index_data`, `_idx`, `_content`,
/// `_docsize`, `_config`), so a finished index moves from one database to another as their rows.
/// `install` drops the store's table and creates it again from its own `CREATE` statement first:
/// an FTS5 table caches its structure record on the connection, and a new table has no stale
/// copy. Used only when the store's index holds nothing, so that nothing is lost by the drop.
final class DetachedSearchIndex: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<OpaquePointer, Error>?
    /// Whether `done` was waited for: `outcome` is read only after.
    private var finished = false
    /// The store's `CREATE VIRTUAL TABLE search_index …` statement.
    private let createSQL: String

    /// Builds the index of `rows()` (rowid, names), with the same definition as the store's
    /// table, on `queue`: the import's second thread, once it has read the edges file, so
    /// that the writing thread keeps a core to itself.
    init(createSQL: String, on queue: DispatchQueue, rows: @escaping @Sendable () -> [(rowid: Int64, names: String)]) {
        self.createSQL = createSQL
        queue.async { [self] in
            outcome = Result { try Self.build(createSQL: createSQL, rows: rows()) }
            ImportTiming.mark("second thread: search index built")
            done.signal()
        }
    }

    deinit {
        // An import that failed before `install` still waits for the thread, and frees its database.
        if !finished { done.wait() }
        if case .success(let connection) = outcome { sqlite3_close_v2(connection) }
    }

    private static func build(createSQL: String, rows: [(rowid: Int64, names: String)]) throws -> OpaquePointer {
        var connection: OpaquePointer?
        guard sqlite3_open_v2(":memory:", &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
            let connection
        else {
            sqlite3_close_v2(connection)
            throw DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "cannot open an in-memory database to build the search index (is memory short?); nothing was imported")
        }
        do {
            try execute(connection, createSQL)
            // One INSERT … SELECT fills the index: FTS5 writes its terms out at the end of each
            // statement, so one statement makes one segment.
            try execute(connection, "BEGIN; CREATE TABLE source (rowid INTEGER PRIMARY KEY, names TEXT NOT NULL)")
            var insert: OpaquePointer?
            guard sqlite3_prepare_v2(connection, "INSERT INTO source (rowid, names) VALUES (?, ?)", -1, &insert, nil) == SQLITE_OK else {
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
            try execute(connection, "INSERT INTO search_index (rowid, names, body) SELECT rowid, names, '' FROM source; COMMIT")
            return connection
        } catch {
            sqlite3_close_v2(connection)
            throw error
        }
    }

    /// Waits for the index, then replaces the store's empty `search_index` with it, inside the
    /// caller's transaction.
    func install(in db: Database) throws {
        done.wait()
        finished = true
        let source = try outcome!.get()
        try db.execute(sql: "DROP TABLE search_index")
        try db.execute(sql: createSQL)
        var tables: OpaquePointer?
        guard sqlite3_prepare_v2(
            source, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'search\\_index\\_%' ESCAPE '\\'", -1, &tables, nil)
            == SQLITE_OK
        else { throw Self.error(source) }
        defer { sqlite3_finalize(tables) }
        while sqlite3_step(tables) == SQLITE_ROW {
            let table = String(cString: sqlite3_column_text(tables, 0))
            try copy(table, from: source, to: db)
        }
    }

    /// Copies every row of `table` from `source` into the same table of `db`, in place of its
    /// own, `rowsPerStatement` rows to an INSERT.
    private func copy(_ table: String, from source: OpaquePointer, to db: Database) throws {
        let name = table.quotedDatabaseIdentifier
        var remaining = try Self.count(table, in: source)
        var select: OpaquePointer?
        guard sqlite3_prepare_v2(source, "SELECT * FROM \(name)", -1, &select, nil) == SQLITE_OK else { throw Self.error(source) }
        defer { sqlite3_finalize(select) }
        let columns = Int(sqlite3_column_count(select))
        try db.execute(sql: "DELETE FROM \(name)")
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        func insert(rows: Int) throws -> Statement {
            try db.makeStatement(sql: "INSERT INTO \(name) VALUES " + Array(repeating: row, count: rows).joined(separator: ", "))
        }
        let full = try insert(rows: Self.rowsPerStatement)
        var statement = full
        var pending = 0, chunk = 0
        while true {
            let code = sqlite3_step(select)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw Self.error(source) }
            if pending == 0 {
                chunk = min(Self.rowsPerStatement, remaining)
                statement = chunk == Self.rowsPerStatement ? full : try insert(rows: chunk)
            }
            let handle = statement.sqliteStatement
            // Each value is copied as it is bound (SQLITE_TRANSIENT): the row it came from is gone at the next step.
            for column in 0..<columns {
                let parameter = Int32(pending * columns + column + 1), index = Int32(column)
                switch sqlite3_column_type(select, index) {
                case SQLITE_INTEGER: sqlite3_bind_int64(handle, parameter, sqlite3_column_int64(select, index))
                case SQLITE_FLOAT: sqlite3_bind_double(handle, parameter, sqlite3_column_double(select, index))
                case SQLITE_TEXT:
                    if let text = sqlite3_column_text(select, index) {
                        sqlite3_bind_text(handle, parameter, text, sqlite3_column_bytes(select, index), Self.transient)
                    } else {
                        sqlite3_bind_text(handle, parameter, "", 0, Self.transient)
                    }
                case SQLITE_BLOB:
                    // An empty blob comes back as a null pointer, which would bind NULL.
                    let bytes = sqlite3_column_bytes(select, index)
                    if bytes == 0 {
                        sqlite3_bind_zeroblob(handle, parameter, 0)
                    } else {
                        sqlite3_bind_blob(handle, parameter, sqlite3_column_blob(select, index), bytes, Self.transient)
                    }
                default: sqlite3_bind_null(handle, parameter)
                }
            }
            pending += 1
            if pending == chunk {
                guard sqlite3_step(handle) == SQLITE_DONE else {
                    throw DatabaseError(
                        resultCode: .SQLITE_ERROR,
                        message: "copying the search index failed, so nothing was imported: " + String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                sqlite3_reset(handle)
                remaining -= chunk
                pending = 0
            }
        }
    }

    private static let rowsPerStatement = 64

    private static func count(_ table: String, in connection: OpaquePointer) throws -> Int {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)", -1, &statement, nil) == SQLITE_OK,
            sqlite3_step(statement) == SQLITE_ROW
        else {
            sqlite3_finalize(statement)
            throw error(connection)
        }
        defer { sqlite3_finalize(statement) }
        return Int(sqlite3_column_int64(statement, 0))
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
