import Foundation
import GRDB

/// What `undo` did.
public struct UndoReport: Sendable, Equatable, Codable {
    /// The change that was reverted.
    public var undone: Change
    /// The undo itself, recorded as a change (undo it to redo).
    public var change: Change
}

extension PartnerGraphStore {
    /// The recorded changes, newest first.
    ///
    /// ```swift
    /// for change in try store.history(entity: "ICESCO") {
    ///     print(change.id, change.command, change.summary)
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - entity: Only the changes that touched this entity (a key, a name or an alias), its
    ///     names, attributes, relations or their citations. A removed entity is found by the key
    ///     it had.
    ///   - since: Only the changes made on or after the first day of this date.
    ///   - limit: At most this many changes.
    /// - Throws: ``PartnerGraphError/entityNotFound(_:suggestions:)`` when `entity` names nothing,
    ///   now or in the history.
    public func history(entity: String? = nil, since: PartialDate? = nil, limit: Int? = nil) throws -> [Change] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let entity {
                let id = try Self.historyEntityId(entity, in: db)
                conditions.append(
                    """
                    (id IN (SELECT change_id FROM change_row WHERE entity_a = ? UNION SELECT change_id FROM change_row WHERE entity_b = ?)
                     OR id IN (SELECT change_id FROM change_range r WHERE
                        (r.tbl = 'entity' AND ? BETWEEN r.first_id AND r.last_id)
                        OR (r.tbl = 'alias' AND EXISTS (SELECT 1 FROM alias a WHERE a.entity_id = ? AND a.id BETWEEN r.first_id AND r.last_id))
                        OR (r.tbl = 'relation' AND (
                            EXISTS (SELECT 1 FROM relation x WHERE x.source_id = ? AND x.id BETWEEN r.first_id AND r.last_id)
                            OR EXISTS (SELECT 1 FROM relation_incoming x WHERE x.target_id = ? AND x.relation_id BETWEEN r.first_id AND r.last_id)))))
                    """)
                arguments += [id, id, id, id, id, id]
            }
            if let since {
                conditions.append("at >= ?")
                arguments += [since.firstDay]
            }
            var sql = "SELECT id, at, user, command, undoes FROM change"
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY id DESC"
            if let limit {
                sql += " LIMIT ?"
                arguments += [limit]
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Self.change(from: $0, in: db) }
        }
    }

    /// Reverts a change: the last one, or the one numbered `id`. The undo is itself a change,
    /// so undoing an undo makes the change again.
    ///
    /// Every row the change added is removed, every row it removed is put back as it was (with
    /// its id, so that an export before the change and after the undo is the same), and every
    /// row it changed gets its old values back. A change that a later one builds on (a
    /// relation added to an entity the undo would remove, a row changed again since) is
    /// refused: the error names the later change, to undo first.
    ///
    /// - Throws: ``HistoryError``.
    @discardableResult
    public func undo(_ id: Int64? = nil) throws -> UndoReport {
        let undoId: Int64 = try write { db in
            let current = try ChangeLog.current(db)!
            let target: Int64
            if let id {
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM change WHERE id = ? AND id <> ?)", arguments: [id, current]) == true
                else {
                    throw HistoryError.changeNotFound(id, last: try Int64.fetchOne(db, sql: "SELECT max(id) FROM change WHERE id <> ?", arguments: [current]))
                }
                target = id
            } else {
                guard let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM change WHERE id <> ?", arguments: [current]) else {
                    throw HistoryError.nothingToUndo
                }
                target = last
            }
            let undo = try Undo(db: db, target: target, current: current)
            try undo.checkNoLaterChangeDepends()
            try undo.apply()
            try db.execute(sql: "UPDATE change SET undoes = ? WHERE id = ?", arguments: [target, current])
            return current
        }
        return try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT id, at, user, command, undoes FROM change WHERE id = ?", arguments: [undoId])!
            let change = try Self.change(from: row, in: db)
            let undoneRow = try Row.fetchOne(
                db, sql: "SELECT id, at, user, command, undoes FROM change WHERE id = ?", arguments: [change.undoes!])!
            return UndoReport(undone: try Self.change(from: undoneRow, in: db), change: change)
        }
    }

    /// The id of the entity a history asks about: one stored now, or one the history knows by key.
    private static func historyEntityId(_ reference: String, in db: Database) throws -> Int64 {
        do {
            return try EntityResolver.resolve(reference, in: db).id!
        } catch let error as PartnerGraphError {
            if let key = try String.fetchOne(
                db,
                sql: """
                    SELECT row_key FROM change_row WHERE tbl = 'entity'
                    AND (json_extract(after, '$.key') = ?1 OR json_extract(before, '$.key') = ?1)
                    ORDER BY id DESC LIMIT 1
                    """,
                arguments: [reference]), let id = Int64(key)
            {
                return id
            }
            throw error
        }
    }

    static func change(from row: Row, in db: Database) throws -> Change {
        let id: Int64 = row[0]
        var counts: [String: Change.Count] = [:]
        for count in try Row.fetchAll(
            db,
            sql: """
                SELECT tbl, sum(before IS NULL), sum(before IS NOT NULL AND after IS NOT NULL), sum(after IS NULL)
                FROM change_row WHERE change_id = ? GROUP BY tbl
                """,
            arguments: [id])
        {
            let table: String = count[0]
            counts[table] = Change.Count(
                kind: ChangeLog.tables[table]?.kind ?? table, added: count[1], changed: count[2], removed: count[3])
        }
        var bulk = false
        for range in try Row.fetchAll(db, sql: "SELECT tbl, last_id - first_id + 1 FROM change_range WHERE change_id = ?", arguments: [id]) {
            bulk = true
            let table: String = range[0]
            counts[table, default: Change.Count(kind: ChangeLog.tables[table]?.kind ?? table)].added += range[1] as Int
        }
        return Change(
            id: id, at: row[1], user: row[2], command: row[3], undoes: row[4],
            counts: ChangeLog.order.compactMap { counts[$0] }, bulk: bulk)
    }
}
