import GRDB

/// The recording of changes inside a write transaction (see `schema/005_history.sql`).
///
/// ``PartnerGraphStore`` opens a change at the start of every write transaction and closes it
/// before the commit; the schema's triggers fill in the rows in between. A transaction that
/// touched no recorded row leaves no change behind.
enum ChangeLog {
    /// The recorded tables: how to name their rows, and their primary key columns.
    struct Table {
        let name: String
        /// The kind of row, in words.
        let kind: String
        let key: [String]

        /// The SQL of a row's `row_key` in `change_row`, for the row named `alias` in a query.
        func rowKey(_ alias: String) -> String {
            if key == ["id"] { return "CAST(\(alias).id AS TEXT)" }
            if key.count == 1 { return "\(alias).\(key[0])" }
            return "json_array(" + key.map { "\(alias).\($0)" }.joined(separator: ", ") + ")"
        }
    }

    static let tables: [String: Table] = Dictionary(
        uniqueKeysWithValues: [
            Table(name: "entity", kind: "entity", key: ["id"]),
            Table(name: "alias", kind: "alias", key: ["id"]),
            Table(name: "attribute", kind: "attribute", key: ["entity_id", "key"]),
            Table(name: "relation", kind: "relation", key: ["id"]),
            Table(name: "citation", kind: "citation", key: ["id"]),
            Table(name: "source", kind: "source", key: ["id"]),
            Table(name: "relation_type", kind: "relation type", key: ["name"]),
            Table(name: "draft", kind: "draft", key: ["id"]),
            Table(name: "merged_key", kind: "merged key", key: ["key"]),
            Table(name: "distinct_pair", kind: "distinct pair", key: ["entity_a", "entity_b"]),
            Table(name: "claim", kind: "claim", key: ["id"]),
        ].map { ($0.name, $0) })

    /// The order of the tables in summaries.
    static let order = [
        "entity", "alias", "attribute", "claim", "relation", "citation", "source", "relation_type", "draft", "merged_key",
        "distinct_pair",
    ]

    /// Opens a change for the transaction `db` is in, and returns its number.
    static func begin(_ db: Database, author: ChangeAuthor) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO change (at, user, command) VALUES (?, ?, ?)",
            arguments: [Timestamp.now(), author.user, author.command])
        let id = db.lastInsertedRowID
        // change_context only ever holds a row inside a transaction; a crash rolls it back with the rest.
        try db.execute(sql: "DELETE FROM change_context")
        try db.execute(sql: "INSERT INTO change_context (change_id) VALUES (?)", arguments: [id])
        return id
    }

    /// Closes the change: forgets it when it touched nothing.
    static func end(_ db: Database, change: Int64) throws {
        try db.execute(sql: "DELETE FROM change_context")
        let touched = try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM change_row WHERE change_id = ?1)
                    OR EXISTS (SELECT 1 FROM change_range WHERE change_id = ?1)
                """,
            arguments: [change]) ?? false
        if !touched { try db.execute(sql: "DELETE FROM change WHERE id = ?", arguments: [change]) }
    }

    /// The change open in `db`'s transaction, if any.
    static func current(_ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT change_id FROM change_context")
    }

    /// The largest id of each table a bulk import adds to, before it writes.
    static func maxIds(_ db: Database, tables: [String]) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for table in tables {
            // Table names are this file's own constants, not input.
            result[table] = try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM \(table)") ?? 0
        }
        return result
    }

    /// Records the rows a bulk import added to each table as id ranges, given the largest ids
    /// before it wrote.
    static func recordRanges(_ db: Database, change: Int64, since before: [String: Int64]) throws {
        for (table, first) in before.sorted(by: { $0.key < $1.key }) {
            let last = try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM \(table)") ?? 0
            guard last > first else { continue }
            try db.execute(
                sql: "INSERT INTO change_range (change_id, tbl, first_id, last_id) VALUES (?, ?, ?, ?)",
                arguments: [change, table, first + 1, last])
        }
    }
}
