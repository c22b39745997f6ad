import GRDB

extension PartnerGraphStore {
    /// Dated facts in order: events and agreements with their dates, and relations that
    /// start, end or happen on a date.
    ///
    /// ```swift
    /// let timeline = try store.timeline(TimelineQuery(entity: "ICESCO", from: try PartialDate("2024")))
    /// ```
    ///
    /// - Parameter query: The entity, the period and the limit; see ``TimelineQuery``.
    /// - Throws: ``QueryError/invalidQuery(_:)`` for a limit below 1 or a period that ends before
    ///   it starts; the entity look-up errors.
    /// - Complexity: O(d log d) for d dated facts; one pass over the relation table when no
    ///   entity is given.
    public func timeline(_ query: TimelineQuery) throws -> Timeline {
        if let limit = query.limit, limit < 1 { throw QueryError.invalidQuery("--limit must be at least 1") }
        if let from = query.from, let to = query.to, to.endsBefore(from) {
            throw QueryError.invalidQuery("--to \(to) is before --from \(from)")
        }
        return try read { db in
            let builder = try HopBuilder(db)
            var entries: [TimelineEntry] = []
            var focus: Entity?
            func keep(_ date: PartialDate?) -> PartialDate? {
                guard let date, DateWindow.overlaps(date, from: query.from, to: query.to) else { return nil }
                return date
            }
            func addEntity(_ entity: Entity) {
                let label = "\(entity.name) (\(entity.type.rawValue))"
                if let date = keep(entity.date) { entries.append(.init(date: date, kind: .dated, entity: entity.ref, summary: label)) }
                if let start = keep(entity.startDate) {
                    entries.append(.init(date: start, kind: .starts, entity: entity.ref, summary: label + " — starts"))
                }
                if let end = keep(entity.endDate) {
                    entries.append(.init(date: end, kind: .ends, entity: entity.ref, summary: label + " — ends"))
                }
            }
            var relationSQL = """
                SELECT id, source_id, target_id, start_date, end_date, date FROM relation
                WHERE (start_date IS NOT NULL OR end_date IS NOT NULL OR date IS NOT NULL)
                """
            // ?1 is the entity, ?2 and ?3 the window.
            var arguments: [(any DatabaseValueConvertible)?] = [nil, nil, nil]
            if query.from != nil || query.to != nil {
                // Dates are stored as written, YYYY first, so a window of whole years is a text
                // range: it lets SQLite skip most rows, and `keep` then applies the exact window.
                let low = query.from.map { zeroPadded($0.year, width: 4) } ?? ""
                let high = query.to.map { zeroPadded($0.year + 1, width: 4) } ?? "~"
                relationSQL += """
                     AND ((start_date >= ?2 AND start_date < ?3) OR (end_date >= ?2 AND end_date < ?3)
                          OR (date >= ?2 AND date < ?3))
                    """
                arguments[1] = low
                arguments[2] = high
            }
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
                relationSQL += " AND (source_id = ?1 OR id IN (SELECT relation_id FROM relation_incoming WHERE target_id = ?1))"
                arguments[0] = entity.id
            } else {
                for entity in try Entity.fetchAll(
                    db, sql: "SELECT * FROM entity WHERE date IS NOT NULL OR start_date IS NOT NULL OR end_date IS NOT NULL")
                {
                    addEntity(entity)
                }
            }
            // SQLite counts parameters up to the highest number the statement uses.
            let used = query.from != nil || query.to != nil ? 3 : (focus != nil ? 1 : 0)
            let rows = try Row.fetchCursor(db, sql: relationSQL, arguments: StatementArguments(Array(arguments.prefix(used))))
            while let row = try rows.next() {
                let dates = (keep(row[3]), keep(row[4]), keep(row[5]))
                // Names and citations are read only for the relations that make the cut.
                if dates.0 == nil && dates.1 == nil && dates.2 == nil { continue }
                let hop = try builder.hop(relation: row[0], from: row[1], to: row[2])
                let line = "\(hop.from.name) \(hop.phrase) \(hop.to.name)" + (hop.role.map { " (\($0))" } ?? "")
                if let date = keep(hop.date) { entries.append(.init(date: date, kind: .relation, relation: hop, summary: line)) }
                if let start = keep(hop.start) {
                    entries.append(.init(date: start, kind: .relationStarts, relation: hop, summary: line + " — starts"))
                }
                if let end = keep(hop.end) {
                    entries.append(.init(date: end, kind: .relationEnds, relation: hop, summary: line + " — ends"))
                }
            }
            let kindOrder = Dictionary(uniqueKeysWithValues: TimelineEntry.Kind.allCases.enumerated().map { ($1, $0) })
            entries.sort {
                if $0.date != $1.date { return $0.date < $1.date }
                if $0.kind != $1.kind { return kindOrder[$0.kind]! < kindOrder[$1.kind]! }
                return $0.summary < $1.summary
            }
            var truncated = false
            if let limit = query.limit, entries.count > limit {
                entries.removeLast(entries.count - limit)
                truncated = true
            }
            return Timeline(entity: focus?.ref, from: query.from, to: query.to, entries: entries, truncated: truncated)
        }
    }
}
