import GRDB

extension PartnerGraphStore {
    /// Dated facts in order: events and agreements with their dates, and relations that
    /// start, end or happen on a date.
    ///
    /// ```swift
    /// let timeline = try store.timeline(TimelineQuery(entity: "ICESCO", from: try PartialDate("2024")))
    /// ```
    ///
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
                SELECT id, source_id, target_id FROM relation
                WHERE (start_date IS NOT NULL OR end_date IS NOT NULL OR date IS NOT NULL)
                """
            var arguments: StatementArguments = []
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
                          SELECT target_id FROM relation WHERE source_id = ?1 UNION SELECT source_id FROM relation WHERE target_id = ?1)
                        AND (date IS NOT NULL OR start_date IS NOT NULL OR end_date IS NOT NULL)
                        """,
                    arguments: [entity.id])
                for other in related where other.id != entity.id { addEntity(other) }
                relationSQL += " AND (source_id = ?1 OR target_id = ?1)"
                arguments = [entity.id]
            } else {
                for entity in try Entity.fetchAll(
                    db, sql: "SELECT * FROM entity WHERE date IS NOT NULL OR start_date IS NOT NULL OR end_date IS NOT NULL")
                {
                    addEntity(entity)
                }
            }
            let rows = try Row.fetchCursor(db, sql: relationSQL, arguments: arguments)
            while let row = try rows.next() {
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
