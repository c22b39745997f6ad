import GRDB
import GRDBSQLite

/// One relation met while walking the graph, seen from the node being expanded.
struct Adjacent {
    /// The entity at the other end.
    var other: Int64
    var relation: Int64
    /// Whether the relation points the way the walk goes (from the path's start towards its end).
    var forward: Bool
}

/// Reads a node's relations straight from the identity index (outgoing) and `relation_incoming`
/// (incoming), for the traversal loops.
///
/// Each call steps a cached prepared statement with the raw SQLite API: a hop costs one index
/// seek and a scan of that node's entries, and the relation table itself is read only when the
/// filter needs dates. Never loads more of the graph than the nodes it is asked about.
final class Adjacency {
    let db: Database
    let filter: RelationFilter
    private let symmetric: Set<String>
    /// The names of relation type ids: the tables hold ids (migration 008).
    private let typeNames: [Int64: String]
    private let outgoing: Statement
    private let incoming: Statement

    init(_ db: Database, filter: RelationFilter) throws {
        self.db = db
        self.filter = filter
        symmetric = filter.directed
            ? Set(try String.fetchAll(db, sql: "SELECT name FROM relation_type WHERE symmetric = 1")) : []
        typeNames = filter.needsType || filter.needsDates ? try RelationTypeCodes(db).names : [:]
        let columns = filter.needsDates ? "id, type_id, start_date, end_date, date" : filter.needsType ? "id, type_id" : "id"
        outgoing = try db.cachedStatement(sql: "SELECT target_id, \(columns) FROM relation WHERE source_id = ?")
        // Incoming relations come from relation_incoming (migration 003), which carries their
        // dates too (migration 007): the relation's own row is not read.
        incoming = try db.cachedStatement(
            sql: "SELECT source_id, relation_id\(filter.needsDates ? ", type_id, start_date, end_date, date" : filter.needsType ? ", type_id" : "") FROM relation_incoming WHERE target_id = ?")
    }

    /// Calls `body` for each relation a walk may take at `node`, until it returns `false`.
    ///
    /// - Parameters:
    ///   - towardsEnd: `true` when walking from the path's start (the step leaves `node`),
    ///     `false` when searching back from its end (the step arrives at `node`).
    /// - Returns: `false` when `body` stopped the visit.
    /// - Complexity: O(d) for a node with d relations; O(log n) per seek.
    @discardableResult
    func visit(_ node: Int64, towardsEnd: Bool, _ body: (Adjacent) throws -> Bool) throws -> Bool {
        // Walking towards the end, an outgoing relation points the way of the walk; searching
        // back from the end, an incoming one does.
        if try !scan(outgoing, node, forward: towardsEnd, body) { return false }
        return try scan(incoming, node, forward: !towardsEnd, body)
    }

    private func scan(_ statement: Statement, _ node: Int64, forward: Bool, _ body: (Adjacent) throws -> Bool) throws -> Bool {
        // Against its direction, a directed walk takes only symmetric relations.
        if filter.directed && !forward && symmetric.isEmpty { return true }
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, node)
        defer { sqlite3_reset(handle) }
        let needsType = filter.needsType || filter.needsDates
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return true }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            if needsType {
                let type = typeNames[sqlite3_column_int64(handle, 2)] ?? ""
                if !filter.allows(type: type) { continue }
                if filter.directed && !forward && !symmetric.contains(type) { continue }
                if let asOf = filter.asOf,
                    !PackedDateWindow.inForce(
                        start: columnPackedDate(handle, 3), end: columnPackedDate(handle, 4), date: columnPackedDate(handle, 5), at: asOf)
                {
                    continue
                }
            }
            let adjacent = Adjacent(other: sqlite3_column_int64(handle, 0), relation: sqlite3_column_int64(handle, 1), forward: forward)
            if try !body(adjacent) { return false }
        }
    }
}

/// A text column of the row a raw statement stands on; `nil` for NULL.
func columnText(_ handle: OpaquePointer, _ column: Int32) -> String? {
    guard let pointer = sqlite3_column_text(handle, column) else { return nil }
    return String(cString: pointer)
}
