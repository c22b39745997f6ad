import Foundation
import GRDB
import GRDBSQLite

/// A multi-row INSERT: rows are bound as they come and written `batchSize` to a statement
/// step, which spares SQLite most of its per-statement work (opening cursors, evaluating the
/// `IN` list of a CHECK constraint into a temporary table, checking the schema): most of the
/// cost of a small row. Parameter 1 is shared by every row (a timestamp); row `r`'s
/// parameters start at `2 + r * width`. Use it with `OR FAIL` or `OR IGNORE`: with the
/// default `OR ABORT`, SQLite must keep a statement journal (a copy of every page a statement
/// touches) to undo a multi-row statement that fails half-way, which costs more than the
/// batching saves. A failure aborts the whole import anyway.
struct BatchedInsert {
    static let batchSize = 64

    let db: Database
    let head: String
    let width: Int
    let row: (Int) -> String
    let tail: String
    let shared: (OpaquePointer) -> Void
    private let full: Statement
    private var pending: [Int] = []
    /// The rows written so far (`sqlite3_changes`).
    private(set) var changes = 0

    init(
        _ db: Database, head: String, width: Int, row: @escaping (Int) -> String, tail: String = "",
        shared: @escaping (OpaquePointer) -> Void = { _ in }
    ) throws {
        self.db = db
        self.head = head
        self.width = width
        self.row = row
        self.tail = tail
        self.shared = shared
        full = try db.makeStatement(sql: Self.sql(head: head, width: width, row: row, tail: tail, count: Self.batchSize))
        shared(full.sqliteStatement)
        pending.reserveCapacity(Self.batchSize)
    }

    private static func sql(head: String, width: Int, row: (Int) -> String, tail: String, count: Int) -> String {
        head + (0..<count).map { row(2 + $0 * width) }.joined(separator: ", ") + tail
    }

    /// Adds item `item`, bound by `bind(statement, first parameter, item)`.
    mutating func add(_ item: Int, _ bind: (OpaquePointer, Int32, Int) -> Void) throws {
        bind(full.sqliteStatement, Int32(2 + pending.count * width), item)
        pending.append(item)
        if pending.count == Self.batchSize {
            try step(full.sqliteStatement)
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Writes the rows of the last, partial batch.
    mutating func flush(_ bind: (OpaquePointer, Int32, Int) -> Void) throws {
        guard !pending.isEmpty else { return }
        let statement = try db.makeStatement(sql: Self.sql(head: head, width: width, row: row, tail: tail, count: pending.count))
        let handle = statement.sqliteStatement
        shared(handle)
        for (position, item) in pending.enumerated() { bind(handle, Int32(2 + position * width), item) }
        try step(handle)
        pending.removeAll()
    }

    private mutating func step(_ handle: OpaquePointer) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        changes += Int(sqlite3_changes(db.sqliteConnection))
    }
}
