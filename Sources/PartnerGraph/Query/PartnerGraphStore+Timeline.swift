import GRDB
import GRDBSQLite

extension PartnerGraphStore {
    /// Dated facts in order: events and agreements with their dates, and relations that
    /// start, end or happen on a date.
    ///
    /// ```swift
    /// let recent = try store.timeline(TimelineQuery(entity: "ICESCO", limit: 20))   // the latest 20, in date order
    /// recent.total                                                                  // and how many there are
    /// ```
    ///
    /// - Parameter query: The entity, the period, the limit and which end it keeps; see ``TimelineQuery``.
    /// - Throws: ``QueryError/invalidQuery(_:)`` for a limit below 1 or a period that ends before
    ///   it starts; the entity look-up errors.
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
            let windowed = query.from != nil || query.to != nil
            func keep(_ date: PartialDate?) -> PartialDate? {
                guard let date, !windowed || DateWindow.overlaps(date, from: query.from, to: query.to) else { return nil }
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
            // With a limit, most relations are left out: their notes are read only for those kept.
            let columns = "id, source_id, target_id, start_date, end_date, date, type_id, role" + (query.limit == nil ? ", note" : "")
            let dated = "(start_date IS NOT NULL OR end_date IS NOT NULL OR date IS NOT NULL)"
            // Each query, with its arguments and whether it reads the relations' own rows (role and
            // note); those that do not leave them to be read for the entries kept.
            var passes: [(sql: String, arguments: [(any DatabaseValueConvertible)?], readsRows: Bool)] = []
            if let name = query.entity {
                let entity = try EntityResolver.resolve(name, in: db)
                focus = entity
                builder.remember(entity)
                addEntity(entity)
                // The events and agreements it is tied to carry its dated history too.
                for other in try Self.datedNeighbors(of: entity, in: db) { addEntity(other) }
                // Outgoing relations by relation_identity (a relation from the entity to itself is
                // among them); incoming ones from relation_incoming alone, which carries their
                // dates (migration 007): a hub's twenty thousand incoming relations are one short
                // range of it, where their rows would be most of the relation table's pages.
                passes.append(("SELECT \(columns) FROM relation WHERE source_id = ? AND \(dated)\(window.sql)", [entity.id] + window.arguments, true))
                // Without a limit every entry is kept and its row read anyway: then the rows are
                // read in the pass, in id order, rather than twice afterwards (role, then note).
                let incoming = query.limit == nil
                    ? """
                    SELECT \(columns) FROM relation
                    WHERE id IN (SELECT relation_id FROM relation_incoming WHERE target_id = ? AND source_id <> ?) AND \(dated)\(window.sql)
                    """
                    : """
                    SELECT relation_id, source_id, target_id, start_date, end_date, date, type_id FROM relation_incoming
                    WHERE target_id = ? AND source_id <> ? AND \(dated)\(window.sql)
                    """
                passes.append((incoming, [entity.id, entity.id] + window.arguments, query.limit == nil))
            } else {
                for entity in try Entity.fetchAll(
                    db, sql: "SELECT * FROM entity INDEXED BY entity_dated WHERE date IS NOT NULL OR start_date IS NOT NULL OR end_date IS NOT NULL")
                {
                    addEntity(entity)
                }
                passes.append(("SELECT \(columns) FROM relation WHERE \(dated)\(window.sql)", window.arguments, true))
            }
            // Read through SQLite's C interface: a hub has tens of thousands of dated relations,
            // and decoding each column through GRDB's rows cost more than reading them.
            var types = TypeNames(try RelationTypeCodes(db).names)
            for pass in passes {
                let statement = try db.makeStatement(sql: pass.sql)
                try statement.setArguments(StatementArguments(pass.arguments))
                let handle = statement.sqliteStatement
                defer { sqlite3_reset(handle) }
                while true {
                    let code = sqlite3_step(handle)
                    if code == SQLITE_DONE { break }
                    guard code == SQLITE_ROW else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                    }
                    let date = keep(storedDate(handle, 5)), start = keep(storedDate(handle, 3)), end = keep(storedDate(handle, 4))
                    if date == nil && start == nil && end == nil { continue }
                    let index = relations.count
                    if let date { light.append(LightEntry(date: date, kind: .relation, index: index)) }
                    if let start { light.append(LightEntry(date: start, kind: .relationStarts, index: index)) }
                    if let end { light.append(LightEntry(date: end, kind: .relationEnds, index: index)) }
                    relations.append(
                        DatedRelation(
                            id: sqlite3_column_int64(handle, 0), sourceId: sqlite3_column_int64(handle, 1),
                            targetId: sqlite3_column_int64(handle, 2), start: start, end: end, date: date,
                            type: types.index(handle, 6), role: pass.readsRows ? .some(columnText(handle, 7)) : nil,
                            note: pass.readsRows && query.limit == nil ? .some(columnText(handle, 8)) : nil))
                }
            }
            let total = light.count
            var truncated = false
            if let limit = query.limit, total > limit {
                // Only the entries that may be kept are built: those on the kept side of the
                // limit by date and kind, and any tied with the last one kept, which the
                // summary then orders.
                let orders = light.map(\.order).sorted()
                let boundary = query.keep == .latest ? orders[total - limit] : orders[limit - 1]
                light.removeAll { query.keep == .latest ? $0.order < boundary : $0.order > boundary }
                truncated = true
                if light.count > limit {
                    // Ties with the last entry kept (a thousand relations may end on the same
                    // day) are ordered by their summary: their ends' names are read first, in id
                    // order, so that SQLite walks the entity table's pages once.
                    var ends: [Int64] = []
                    for entry in light where entry.kind.isRelation {
                        ends.append(relations[entry.index].sourceId)
                        ends.append(relations[entry.index].targetId)
                    }
                    try builder.preload(ends)
                    var ordered: [(entry: LightEntry, summary: String)] = []
                    for entry in light {
                        guard entry.kind.isRelation else {
                            ordered.append((entry, entityEntries[entry.index].summary))
                            continue
                        }
                        let relation = relations[entry.index]
                        let type = types.names[Int(relation.type)]
                        let phrase = builder.relationType(type)?.forwardPhrase ?? type
                        let from = try builder.entity(relation.sourceId).name, to = try builder.entity(relation.targetId).name
                        let role = try relation.role ?? Self.relationRole(relation.id, in: db)
                        ordered.append((entry, Self.summary(from: from, phrase: phrase, to: to, role: role, kind: entry.kind)))
                    }
                    ordered.sort { $0.entry.order != $1.entry.order ? $0.entry.order < $1.entry.order : $0.summary < $1.summary }
                    light = (query.keep == .latest ? ordered.suffix(limit) : ordered.prefix(limit)).map(\.entry)
                }
            }
            var entries = try light.map { entry -> TimelineEntry in
                let kind = entry.kind
                guard kind.isRelation else { return entityEntries[entry.index] }
                let relation = relations[entry.index]
                let date = kind == .relation ? relation.date! : kind == .relationStarts ? relation.start! : relation.end!
                let hop = try builder.hop(
                    relation: relation.id, type: types.names[Int(relation.type)], forward: true, from: relation.sourceId,
                    to: relation.targetId, role: try relation.role ?? Self.relationRole(relation.id, in: db), start: relation.start, end: relation.end, date: relation.date,
                    note: try relation.note ?? Self.relationNote(relation.id, in: db))
                return TimelineEntry(
                    date: date, kind: kind, relation: hop,
                    summary: Self.summary(from: hop.from.name, phrase: hop.phrase, to: hop.to.name, role: hop.role, kind: kind))
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

    /// The entities directly related to `entity` (not itself) that have a date, a start or an end.
    ///
    /// Whichever is fewer is read: the neighbours' rows, looked up one by one; or the dated
    /// entities, from their partial index (migration 007), kept when they are neighbours. A hub of
    /// a graph of organizations and people, with thousands of neighbours and no dated entity at
    /// all, costs two counts.
    private static func datedNeighbors(of entity: Entity, in db: Database) throws -> [Entity] {
        let dated = "(date IS NOT NULL OR start_date IS NOT NULL OR end_date IS NOT NULL)"
        let neighbors = "SELECT target_id FROM relation WHERE source_id = ?1 UNION ALL SELECT source_id FROM relation_incoming WHERE target_id = ?1"
        let degree = try Int.fetchOne(
            db,
            sql: "SELECT (SELECT count(*) FROM relation WHERE source_id = ?1) + (SELECT count(*) FROM relation_incoming WHERE target_id = ?1)",
            arguments: [entity.id]) ?? 0
        if degree == 0 { return [] }
        let datedCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM entity INDEXED BY entity_dated WHERE \(dated)") ?? 0
        if datedCount == 0 { return [] }
        if degree <= datedCount {
            return try Entity.fetchAll(
                db, sql: "SELECT * FROM entity WHERE id IN (\(neighbors)) AND id <> ?1 AND \(dated)", arguments: [entity.id])
        }
        let candidates = try Entity.fetchAll(db, sql: "SELECT * FROM entity INDEXED BY entity_dated WHERE \(dated)")
        var ids = Set<Int64>()
        let cursor = try Int64.fetchCursor(db, sql: neighbors, arguments: [entity.id])
        while let id = try cursor.next() { ids.insert(id) }
        ids.remove(entity.id!)
        return candidates.filter { ids.contains($0.id!) }
    }

    /// A relation's role, for a relation read from relation_incoming that the timeline keeps.
    private static func relationRole(_ id: Int64, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT role FROM relation WHERE id = ?"), arguments: [id])
    }

    /// A relation's note, for a relation the timeline keeps.
    private static func relationNote(_ id: Int64, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT note FROM relation WHERE id = ?"), arguments: [id])
    }

    /// A relation entry's line, the relation walked from its source:
    /// `ICESCO observer of NAM Parliamentary Network (official observer member) — starts`.
    private static func summary(from: String, phrase: String, to: String, role: String?, kind: TimelineEntry.Kind) -> String {
        let suffix = kind == .relationStarts ? " — starts" : kind == .relationEnds ? " — ends" : ""
        return "\(from) \(phrase) \(to)" + (role.map { " (\($0))" } ?? "") + suffix
    }

    /// The window's condition on a relation's dates, as SQL to append and its arguments.
    ///
    /// Dates are stored packed (YYYYMMDD, migration 008), so a window of whole years is an
    /// integer range: it lets SQLite skip most rows, and the exact, precision-aware window is
    /// applied afterwards.
    private static func timelineWindow(_ query: TimelineQuery) -> (sql: String, arguments: [(any DatabaseValueConvertible)?]) {
        guard query.from != nil || query.to != nil else { return ("", []) }
        let low = Int64(query.from?.year ?? 0) * 10000
        let high = Int64(query.to.map { $0.year + 1 } ?? 10000) * 10000
        return (
            " AND ((start_date >= ? AND start_date < ?) OR (end_date >= ? AND end_date < ?) OR (date >= ? AND date < ?))",
            [low, high, low, high, low, high]
        )
    }
}

/// Relation type names as a relation pass meets them, each kept once: a row's type id
/// (migration 008) is matched against the previous row's first.
private struct TypeNames {
    private(set) var names: [String] = []
    private let known: [Int64: String]
    private var indexes: [Int64: Int32] = [:]
    private var last: (id: Int64, index: Int32) = (-1, -1)

    init(_ known: [Int64: String]) { self.known = known }

    mutating func index(_ handle: OpaquePointer, _ column: Int32) -> Int32 {
        let id = sqlite3_column_int64(handle, column)
        if id == last.id { return last.index }
        let index: Int32
        if let seen = indexes[id] {
            index = seen
        } else {
            index = Int32(names.count)
            names.append(known[id] ?? "")
            indexes[id] = index
        }
        last = (id, index)
        return index
    }
}

/// A relation's row as the timeline reads it, before any name is looked up; its note is read
/// with it when every entry is kept, else later for those kept (`nil`: not read yet).
private struct DatedRelation {
    var id: Int64
    var sourceId: Int64
    var targetId: Int64
    var start: PartialDate?
    var end: PartialDate?
    var date: PartialDate?
    /// An index into the pass's ``TypeNames``.
    var type: Int32
    /// The role, once read: `nil` until then (`.some(nil)`: the relation has none).
    var role: String??
    /// The note, once read, likewise.
    var note: String??
}

/// A timeline entry before it is built: its date and kind as one number, and the index of its
/// entity entry or relation (16 bytes, for tens of thousands of them).
private struct LightEntry {
    /// Date, then kind: entries equal in it are then ordered by their summary.
    let order: UInt64
    let index: Int

    init(date: PartialDate, kind: TimelineEntry.Kind, index: Int) {
        // PartialDate orders as (year, month or 0, day or 0); months take 4 bits, days 5.
        let day = UInt64(((date.year * 16) + (date.month ?? 0)) * 32 + (date.day ?? 0))
        order = day * 8 + UInt64(kind.order)
        self.index = index
    }

    var kind: TimelineEntry.Kind { TimelineEntry.Kind.inOrder[Int(order & 7)] }
}

/// A date column as stored: packed (`YYYYMMDD`, the relation tables since migration 008), or
/// text read from its bytes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (anything else goes through
/// ``PartialDate/init(_:)``, and a date it refuses is no date, as elsewhere).
func storedDate(_ handle: OpaquePointer, _ column: Int32) -> PartialDate? {
    if sqlite3_column_type(handle, column) == SQLITE_INTEGER { return PartialDate(packed: sqlite3_column_int64(handle, column)) }
    guard let text = sqlite3_column_text(handle, column) else { return nil }
    let count = Int(sqlite3_column_bytes(handle, column))
    func digits(_ from: Int, _ width: Int) -> Int? {
        var value = 0
        for offset in from..<from + width {
            let byte = text[offset]
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
    let dash = UInt8(ascii: "-")
    if count == 4 || count == 7 || count == 10, let year = digits(0, 4), year >= 1,
        count == 4 || (text[4] == dash && digits(5, 2).map { (1...12).contains($0) } == true),
        count < 10 || text[7] == dash
    {
        let month = count >= 7 ? digits(5, 2) : nil
        if count == 4 { return PartialDate(year: year, month: nil, day: nil) }
        if count == 7 { return PartialDate(year: year, month: month, day: nil) }
        if let day = digits(8, 2), day >= 1, day <= PartialDate.daysIn(month: month!, year: year) {
            return PartialDate(year: year, month: month, day: day)
        }
        return nil
    }
    return try? PartialDate(String(cString: text))
}

extension TimelineEntry.Kind {
    /// The kinds by ``order``.
    static let inOrder: [TimelineEntry.Kind] = [.dated, .starts, .ends, .relation, .relationStarts, .relationEnds]

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
