import GRDB

extension PartnerGraphStore {
    /// Dated facts in order: events and agreements with their dates, and relations that
    /// start, end or happen on a date.
    ///
    /// ```swift
    /// let recent = try store.timeline(TimelineQuery(entity: "ICESCO", limit: 20))   // the latest 20, in date order
    /// recent.total                                                                  // and how many there are
    /// ```
    ///
    /// - Complexity: O(d log d) for d dated facts, and one pass over the relation table when no
    ///   entity is given. With a ``TimelineQuery/limit``, names, phrases and citations are read
    ///   only for the entries kept (and those tied with the last one kept), so a hub with tens
    ///   of thousands of dated relations costs one read of their dates.
    public func timeline(_ query: TimelineQuery) throws -> Timeline {
        if let limit = query.limit, limit < 1 { throw QueryError.invalidQuery("--limit must be at least 1") }
        if let from = query.from, let to = query.to, to.endsBefore(from) {
            throw QueryError.invalidQuery("--to \(to) is before --from \(from)")
        }
        return try read { db in
            let builder = try HopBuilder(db)
            var focus: Entity?
            func keep(_ date: PartialDate?) -> PartialDate? {
                guard let date, DateWindow.overlaps(date, from: query.from, to: query.to) else { return nil }
                return date
            }
            // Every fact is first a light entry (its date and kind, and where to find the rest);
            // entities' facts are few and built whole at once, relations' only when kept.
            var entityEntries: [TimelineEntry] = []
            var relations: [DatedRelation] = []
            var light: [LightEntry] = []
            func addEntity(_ entity: Entity) {
                let label = "\(entity.name) (\(entity.type.rawValue))"
                for (date, kind, suffix) in [
                    (entity.date, TimelineEntry.Kind.dated, ""), (entity.startDate, .starts, " — starts"), (entity.endDate, .ends, " — ends"),
                ] {
                    guard let date = keep(date) else { continue }
                    light.append(LightEntry(date: date, kind: kind, index: entityEntries.count))
                    entityEntries.append(.init(date: date, kind: kind, entity: entity.ref, summary: label + suffix))
                }
            }
            let window = Self.timelineWindow(query)
            let columns = "id, source_id, target_id, type, role, start_date, end_date, date, note"
            let dated = "(start_date IS NOT NULL OR end_date IS NOT NULL OR date IS NOT NULL)"
            let relationSQL: String
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let name = query.entity {
                let entity = try EntityResolver.resolve(name, in: db)
                focus = entity
                builder.remember(entity)
                addEntity(entity)
                // The events and agreements it is tied to carry its dated history too.
                let related = try Entity.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM entity WHERE id IN (
                          SELECT target_id FROM relation WHERE source_id = ?1 UNION SELECT source_id FROM relation_incoming WHERE target_id = ?1)
                        AND (date IS NOT NULL OR start_date IS NOT NULL OR end_date IS NOT NULL)
                        """,
                    arguments: [entity.id])
                for other in related where other.id != entity.id { addEntity(other) }
                // Outgoing relations by relation_identity, incoming ones by relation_incoming (a
                // relation from the entity to itself is among the outgoing).
                relationSQL = """
                    SELECT \(columns) FROM relation WHERE source_id = ? AND \(dated)\(window.sql)
                    UNION ALL
                    SELECT \(columns.split(separator: ",").map { "r." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
                    FROM relation_incoming i CROSS JOIN relation r ON r.id = i.relation_id
                    WHERE i.target_id = ? AND i.source_id <> ? AND \(dated)\(window.sql)
                    """
                arguments = [entity.id] + window.arguments + [entity.id, entity.id] + window.arguments
            } else {
                for entity in try Entity.fetchAll(
                    db, sql: "SELECT * FROM entity WHERE date IS NOT NULL OR start_date IS NOT NULL OR end_date IS NOT NULL")
                {
                    addEntity(entity)
                }
                relationSQL = "SELECT \(columns) FROM relation WHERE \(dated)\(window.sql)"
                arguments = window.arguments
            }
            let rows = try Row.fetchCursor(db, sql: relationSQL, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                let relation = DatedRelation(
                    id: row[0], sourceId: row[1], targetId: row[2], type: row[3], role: row[4], start: row[5], end: row[6],
                    date: row[7], note: row[8])
                var kept = false
                for (date, kind) in [
                    (relation.date, TimelineEntry.Kind.relation), (relation.start, .relationStarts), (relation.end, .relationEnds),
                ] {
                    guard let date = keep(date) else { continue }
                    light.append(LightEntry(date: date, kind: kind, index: relations.count))
                    kept = true
                }
                if kept { relations.append(relation) }
            }
            let total = light.count
            var truncated = false
            if let limit = query.limit, total > limit {
                // Only the entries that may be kept are built: those on the kept side of the
                // limit by date and kind, and any tied with the last one kept, which the
                // summary then orders.
                light.sort { $0.precedes($1) }
                let boundary = query.keep == .latest ? light[total - limit] : light[limit - 1]
                light = light.filter { query.keep == .latest ? !$0.precedes(boundary) : !boundary.precedes($0) }
                truncated = true
            }
            var entries = try light.map { entry -> TimelineEntry in
                guard entry.kind.isRelation else { return entityEntries[entry.index] }
                let relation = relations[entry.index]
                let hop = try builder.hop(
                    relation: relation.id, type: relation.type, forward: true, from: relation.sourceId, to: relation.targetId,
                    role: relation.role, start: relation.start, end: relation.end, date: relation.date, note: relation.note)
                let line = "\(hop.from.name) \(hop.phrase) \(hop.to.name)" + (hop.role.map { " (\($0))" } ?? "")
                let suffix = entry.kind == .relationStarts ? " — starts" : entry.kind == .relationEnds ? " — ends" : ""
                return TimelineEntry(date: entry.date, kind: entry.kind, relation: hop, summary: line + suffix)
            }
            entries.sort {
                if $0.date != $1.date { return $0.date < $1.date }
                if $0.kind != $1.kind { return $0.kind.order < $1.kind.order }
                return $0.summary < $1.summary
            }
            if let limit = query.limit, entries.count > limit {
                if query.keep == .latest {
                    entries.removeFirst(entries.count - limit)
                } else {
                    entries.removeLast(entries.count - limit)
                }
            }
            return Timeline(
                entity: focus?.ref, from: query.from, to: query.to, entries: entries, total: total, truncated: truncated,
                kept: truncated ? query.keep : nil)
        }
    }

    /// The window's condition on a relation's dates, as SQL to append and its arguments.
    ///
    /// Dates are stored as written, YYYY first, so a window of whole years is a text range: it
    /// lets SQLite skip most rows, and the exact, precision-aware window is applied afterwards.
    private static func timelineWindow(_ query: TimelineQuery) -> (sql: String, arguments: [(any DatabaseValueConvertible)?]) {
        guard query.from != nil || query.to != nil else { return ("", []) }
        let low = query.from.map { zeroPadded($0.year, width: 4) } ?? ""
        let high = query.to.map { zeroPadded($0.year + 1, width: 4) } ?? "~"
        return (
            " AND ((start_date >= ? AND start_date < ?) OR (end_date >= ? AND end_date < ?) OR (date >= ? AND date < ?))",
            [low, high, low, high, low, high]
        )
    }
}

/// A relation's row as the timeline reads it, before any name is looked up.
private struct DatedRelation {
    var id: Int64
    var sourceId: Int64
    var targetId: Int64
    var type: String
    var role: String?
    var start: PartialDate?
    var end: PartialDate?
    var date: PartialDate?
    var note: String?
}

/// A timeline entry before it is built: its date, its kind, and the index of its entity entry
/// or relation.
private struct LightEntry {
    var date: PartialDate
    var kind: TimelineEntry.Kind
    var index: Int

    /// Whether this entry comes before `other` by date and kind (entries equal in both are
    /// then ordered by their summary).
    func precedes(_ other: LightEntry) -> Bool {
        date != other.date ? date < other.date : kind.order < other.kind.order
    }
}

extension TimelineEntry.Kind {
    /// The order of facts on the same date: an entity's before a relation's.
    var order: Int {
        switch self {
        case .dated: 0
        case .starts: 1
        case .ends: 2
        case .relation: 3
        case .relationStarts: 4
        case .relationEnds: 5
        }
    }

    var isRelation: Bool { order >= 3 }
}
