import Foundation
import GRDB

/// One `undo`, inside the write transaction of the undo's own change.
struct Undo {
    struct Touched {
        var table: String
        var key: String
        var before: String?
        var after: String?
    }

    /// A foreign key of the recorded tables: `child.column` refers to `parent.parentColumn`.
    struct Reference {
        var parent: String
        var parentColumn: String
        var child: String
        var column: String
    }

    static let references: [Reference] = [
        Reference(parent: "entity", parentColumn: "id", child: "alias", column: "entity_id"),
        Reference(parent: "entity", parentColumn: "id", child: "attribute", column: "entity_id"),
        Reference(parent: "entity", parentColumn: "id", child: "relation", column: "source_id"),
        Reference(parent: "entity", parentColumn: "id", child: "relation", column: "target_id"),
        Reference(parent: "entity", parentColumn: "id", child: "citation", column: "entity_id"),
        Reference(parent: "relation", parentColumn: "id", child: "citation", column: "relation_id"),
        Reference(parent: "source", parentColumn: "id", child: "citation", column: "source_id"),
        Reference(parent: "source", parentColumn: "id", child: "draft", column: "source_id"),
        Reference(parent: "relation_type", parentColumn: "name", child: "relation", column: "type"),
        Reference(parent: "draft", parentColumn: "id", child: "draft", column: "source_draft"),
        Reference(parent: "draft", parentColumn: "id", child: "draft", column: "target_draft"),
        Reference(parent: "entity", parentColumn: "id", child: "merged_key", column: "entity_id"),
        Reference(parent: "entity", parentColumn: "id", child: "claim", column: "entity_id"),
        Reference(parent: "source", parentColumn: "id", child: "claim", column: "source_id"),
        Reference(parent: "entity", parentColumn: "id", child: "distinct_pair", column: "entity_a"),
        Reference(parent: "entity", parentColumn: "id", child: "distinct_pair", column: "entity_b"),
    ]

    let db: Database
    let target: Int64
    /// The undo's own change.
    let current: Int64
    let rows: [Touched]
    let ranges: [(table: String, first: Int64, last: Int64)]

    init(db: Database, target: Int64, current: Int64) throws {
        self.db = db
        self.target = target
        self.current = current
        rows = try Row.fetchAll(
            db, sql: "SELECT tbl, row_key, before, after FROM change_row WHERE change_id = ? ORDER BY id", arguments: [target]
        ).map { Touched(table: $0[0], key: $0[1], before: $0[2], after: $0[3]) }
        ranges = try Row.fetchAll(
            db, sql: "SELECT tbl, first_id, last_id FROM change_range WHERE change_id = ?", arguments: [target]
        ).map { ($0[0], $0[1], $0[2]) }
    }

    // MARK: - What depends on the change

    /// Refuses when a later change touched a row this one touched, or added a row that refers
    /// to a row this one added.
    func checkNoLaterChangeDepends() throws {
        // A row touched again later: undoing this change would undo part of that one too.
        if let later = try Row.fetchOne(
            db,
            sql: """
                SELECT l.change_id, c.command, l.tbl, ifnull(l.after, l.before) FROM change_row t
                JOIN change_row l ON l.tbl = t.tbl AND l.row_key = t.row_key AND l.change_id > t.change_id AND l.change_id <> ?
                JOIN change c ON c.id = l.change_id
                WHERE t.change_id = ? ORDER BY l.change_id LIMIT 1
                """,
            arguments: [current, target])
        {
            throw HistoryError.laterChangeDepends(
                change: target, later: later[0], laterCommand: later[1],
                reason: "changed the same \(Self.label(table: later[2], image: later[3]))")
        }
        for range in ranges {
            if let later = try Row.fetchOne(
                db,
                sql: """
                    SELECT l.change_id, c.command, ifnull(l.after, l.before) FROM change_row l JOIN change c ON c.id = l.change_id
                    WHERE l.tbl = ? AND l.change_id > ? AND l.change_id <> ? AND CAST(l.row_key AS INTEGER) BETWEEN ? AND ?
                    ORDER BY l.change_id LIMIT 1
                    """,
                arguments: [range.table, target, current, range.first, range.last])
            {
                throw HistoryError.laterChangeDepends(
                    change: target, later: later[0], laterCommand: later[1],
                    reason: "changed the \(Self.label(table: range.table, image: later[2])) it imported")
            }
        }
        // A row added later that refers to a row this change added, which the undo would remove.
        for reference in Self.references {
            let child = ChangeLog.tables[reference.child]!
            let childKey = child.rowKey("x")
            let column = reference.column.quotedDatabaseIdentifier
            var parents: [(sql: String, arguments: StatementArguments)] = [
                (
                    "SELECT json_extract(after, '$.\(reference.parentColumn)') FROM change_row WHERE change_id = ? AND tbl = ? AND before IS NULL",
                    [target, reference.parent]
                )
            ]
            for range in ranges where range.table == reference.parent {
                parents.append(("SELECT id FROM \(range.table) WHERE id BETWEEN ? AND ?", [range.first, range.last]))
            }
            for parent in parents {
                guard
                    let found = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT \(childKey), x.\(column) FROM \(Self.readable(reference.child)) x
                            WHERE x.\(column) IN (\(parent.sql))
                            AND \(childKey) NOT IN (SELECT row_key FROM change_row WHERE change_id = ? AND tbl = ? AND before IS NULL)
                            \(child.key == ["id"]
                                ? "AND NOT EXISTS (SELECT 1 FROM change_range r WHERE r.change_id = ? AND r.tbl = ? AND x.id BETWEEN r.first_id AND r.last_id)"
                                : "AND ? IS NOT NULL AND ? IS NOT NULL")
                            LIMIT 1
                            """,
                        arguments: parent.arguments + [target, reference.child, target, reference.child])
                else { continue }
                let key: String = found[0]
                let (later, command) = try addedBy(table: reference.child, key: key)
                let parentLabel = try Self.currentLabel(table: reference.parent, column: reference.parentColumn, value: found[1], in: db)
                throw HistoryError.laterChangeDepends(
                    change: target, later: later ?? 0, laterCommand: command,
                    reason: "added \(withArticle(child.kind)) that refers to \(parentLabel), which #\(target) added")
            }
        }
    }

    /// The change that added a row, and its command.
    private func addedBy(table: String, key: String) throws -> (Int64?, String) {
        if let row = try Row.fetchOne(
            db,
            sql: """
                SELECT r.change_id, c.command FROM change_row r JOIN change c ON c.id = r.change_id
                WHERE r.tbl = ? AND r.row_key = ? AND r.before IS NULL ORDER BY r.id DESC LIMIT 1
                """,
            arguments: [table, key])
        {
            return (row[0], row[1])
        }
        if let id = Int64(key), let row = try Row.fetchOne(
            db,
            sql: """
                SELECT r.change_id, c.command FROM change_range r JOIN change c ON c.id = r.change_id
                WHERE r.tbl = ? AND ? BETWEEN r.first_id AND r.last_id ORDER BY r.change_id DESC LIMIT 1
                """,
            arguments: [table, id])
        {
            return (row[0], row[1])
        }
        return (nil, "a write outside PartnerGraph's history")
    }

    // MARK: - Putting rows back

    /// Reverts every row the change touched, last first, then the ranges a bulk import added.
    func apply() throws {
        // Rows come back in the reverse of the order they went; a parent and its cascaded
        // children may come back in either order, so references are checked at the commit.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        var columns: [String: [String]] = [:]
        for row in rows.reversed() {
            let table = ChangeLog.tables[row.table]!
            let readable = Self.readable(row.table)
            if columns[row.table] == nil { columns[row.table] = try db.columns(in: readable).map(\.name) }
            let names = columns[row.table]!
            let name = readable.quotedDatabaseIdentifier
            let match = table.key.map { "\($0.quotedDatabaseIdentifier) = json_extract(?1, '$.\($0)')" }.joined(separator: " AND ")
            do {
                switch (row.before, row.after) {
                case let (nil, after?):
                    try db.execute(sql: "DELETE FROM \(name) WHERE \(match)", arguments: [after])
                case let (before?, nil):
                    let values = names.map { "json_extract(?1, '$.\($0)')" }.joined(separator: ", ")
                    try db.execute(
                        sql: "INSERT INTO \(name) (\(names.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) VALUES (\(values))",
                        arguments: [before])
                case let (before?, after?):
                    let assignments = names.map { "\($0.quotedDatabaseIdentifier) = json_extract(?2, '$.\($0)')" }.joined(separator: ", ")
                    try db.execute(sql: "UPDATE \(name) SET \(assignments) WHERE \(match)", arguments: [after, before])
                case (nil, nil):
                    continue
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw HistoryError.cannotRestore(
                    change: target,
                    reason: "the \(Self.label(table: row.table, image: row.before ?? row.after)) it changed cannot be put back "
                        + "(\(error.message ?? "a constraint fails")): something written since took its place")
            }
        }
        // Children before parents, so that nothing is left pointing at a removed row.
        for table in ["citation", "claim", "relation", "attribute", "alias", "draft", "entity", "source"] {
            for range in ranges where range.table == table {
                try db.execute(
                    sql: "DELETE FROM \(table.quotedDatabaseIdentifier) WHERE id BETWEEN ? AND ?", arguments: [range.first, range.last])
            }
        }
        try checkReferences()
    }

    /// Refuses to leave a row that was put back pointing at a row a later change removed.
    private func checkReferences() throws {
        let tables = Set(rows.filter { $0.after == nil }.map(\.table))
        for table in tables.sorted() {
            guard let problem = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check(\(table.quotedDatabaseIdentifier))") else { continue }
            let parent: String = problem[2]
            if let later = try Row.fetchOne(
                db,
                sql: """
                    SELECT r.change_id, c.command, r.before FROM change_row r JOIN change c ON c.id = r.change_id
                    WHERE r.tbl = ? AND r.after IS NULL AND r.change_id > ? AND r.change_id <> ? ORDER BY r.change_id LIMIT 1
                    """,
                arguments: [parent, target, current])
            {
                throw HistoryError.laterChangeDepends(
                    change: target, later: later[0], laterCommand: later[1],
                    reason: "removed the \(Self.label(table: parent, image: later[2])) that \(withArticle(ChangeLog.tables[table]?.kind ?? table)) it would put back refers to")
            }
            throw HistoryError.cannotRestore(
                change: target, reason: "a \(ChangeLog.tables[table]?.kind ?? table) it would put back refers to a \(parent) that no longer exists")
        }
    }

    /// Where a recorded table's rows read and write as their history images record them:
    /// relations through relation_view, which shows the compact table as text (migration 008).
    static func readable(_ table: String) -> String {
        table == "relation" ? "relation_view" : table
    }

    // MARK: - Words


    /// A row in words, from its image: `entity icesco`, `alias "ISESCO"`, `relation #12`.
    static func label(table: String, image: String?) -> String {
        let kind = ChangeLog.tables[table]?.kind ?? table
        guard let image, let data = image.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return kind }
        switch table {
        case "entity", "source": return "\(kind) \(object["key"] as? String ?? "?")"
        case "alias": return "\(kind) \"\(object["name"] as? String ?? "?")\""
        case "attribute": return "\(kind) \(object["key"] as? String ?? "?")"
        case "relation_type": return "\(kind) \(object["name"] as? String ?? "?")"
        case "merged_key": return "\(kind) \(object["key"] as? String ?? "?")"
        default: return "\(kind) #\((object["id"] as? NSNumber)?.int64Value ?? 0)"
        }
    }

    /// A stored row in words, found by one of its columns.
    static func currentLabel(table: String, column: String, value: DatabaseValue, in db: Database) throws -> String {
        let kind = ChangeLog.tables[table]?.kind ?? table
        switch table {
        case "entity", "source":
            let key = try String.fetchOne(
                db, sql: "SELECT key FROM \(table) WHERE \(column.quotedDatabaseIdentifier) = ?", arguments: [value])
            return "\(kind) \(key ?? "?")"
        default:
            return "\(kind) \(value)"
        }
    }
}
