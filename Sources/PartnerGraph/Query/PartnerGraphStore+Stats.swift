import GRDB
import GRDBSQLite

extension PartnerGraphStore {
    /// How many entities `stats` lists as most connected, and as isolated.
    public static let statsListLimit = 10

    /// Up to this many relations, ``stats(top:full:)`` makes its pass over every relation
    /// unless told not to: it then takes a few milliseconds.
    public static let statsFullPassLimit = 100_000

    /// Counts by entity type, and, with a pass over every relation, counts by relation type,
    /// the most connected entities, the connected components and the isolated entities.
    ///
    /// The counts of entities, relations and sources, and of entities by type, come from
    /// SQLite's indexes and take milliseconds on a million relations. Everything else needs
    /// every relation read once (about half a second on a million of them), so it is made when
    /// `full` is true, or when `full` is `nil` and the graph has at most
    /// ``statsFullPassLimit`` relations; ``GraphStats/full`` says whether it was.
    ///
    /// ```swift
    /// let quick = try store.stats(full: false)   // counts only, at any size
    /// let all = try store.stats(full: true)      // and components, hubs, isolated entities
    /// ```
    ///
    /// - Parameters:
    ///   - top: How many of the most connected entities to list.
    ///   - full: Whether to make the pass over every relation; `nil`: only on a small graph.
    /// - Complexity: O(V) for the counts (an index scan of the entities by type); the full pass
    ///   is one scan of `relation_incoming` with a union–find, O(E α(V)) time and O(V) memory.
    public func stats(top: Int = PartnerGraphStore.statsListLimit, full: Bool? = nil) throws -> GraphStats {
        try read { db in
            var entitiesByType = Dictionary(uniqueKeysWithValues: EntityType.allCases.map { ($0.rawValue, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT type, count(*) FROM entity GROUP BY type") {
                entitiesByType[row[0]] = row[1]
            }
            // count(*) of a whole table is counted from its smallest index's pages, not its rows.
            let relations = try Int.fetchOne(db, sql: "SELECT count(*) FROM relation") ?? 0
            var stats = GraphStats(
                entities: entitiesByType.values.reduce(0, +), relations: relations,
                sources: try Int.fetchOne(db, sql: "SELECT count(*) FROM source") ?? 0,
                entitiesByType: entitiesByType, full: false)
            if full ?? (relations <= Self.statsFullPassLimit) {
                try Self.addGraphPass(to: &stats, top: top, in: db)
            }
            return stats
        }
    }

    /// Reads every relation once, from `relation_incoming` (the smallest copy of the edges:
    /// target, type, source), counting types and degrees and joining components.
    private static func addGraphPass(to stats: inout GraphStats, top: Int, in db: Database) throws {
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM entity ORDER BY id")
        let nodes = EntityNumbering(ids)
        var parent = Array(Int32(0)..<Int32(ids.count))
        var degree = [Int32](repeating: 0, count: ids.count)
        func root(_ node: Int32) -> Int32 {
            var node = node
            while parent[Int(node)] != node {
                parent[Int(node)] = parent[Int(parent[Int(node)])]
                node = parent[Int(node)]
            }
            return node
        }
        // Types are counted by their ids (migration 008), named at the end.
        var typeCounts: [Int64: Int] = [:]
        let statement = try db.makeStatement(sql: "SELECT target_id, type_id, source_id FROM relation_incoming")
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let status = sqlite3_step(handle)
            guard status == SQLITE_ROW else {
                if status == SQLITE_DONE { break }
                throw DatabaseError(resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            typeCounts[sqlite3_column_int64(handle, 1), default: 0] += 1
            guard let a = nodes.index(sqlite3_column_int64(handle, 0)), let b = nodes.index(sqlite3_column_int64(handle, 2)) else {
                continue
            }
            degree[Int(a)] += 1
            degree[Int(b)] += 1
            let ra = root(a), rb = root(b)
            if ra != rb { parent[Int(max(ra, rb))] = min(ra, rb) }
        }
        var relationsByType: [String: Int] = [:]
        let typeNames = try RelationTypeCodes(db).names
        for (id, count) in typeCounts { relationsByType[typeNames[id] ?? "#\(id)", default: 0] += count }
        var sizes = [Int32](repeating: 0, count: ids.count)
        var components = 0
        for node in 0..<Int32(ids.count) {
            let r = root(node)
            if sizes[Int(r)] == 0 { components += 1 }
            sizes[Int(r)] += 1
        }
        let builder = try HopBuilder(db)
        let ranked = degree.indices.filter { degree[$0] > 0 }
            .sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
            .prefix(top)
        stats.mostConnected = try ranked.map { ConnectedEntity(entity: try builder.entity(ids[$0]), relations: Int(degree[$0])) }
            .sorted { $0.relations != $1.relations ? $0.relations > $1.relations : $0.entity.key < $1.entity.key }
        let isolatedIndexes = degree.indices.filter { degree[$0] == 0 }
        stats.isolated = isolatedIndexes.count
        stats.isolatedEntities = try Array(isolatedIndexes.map { try builder.entity(ids[$0]) }.sorted { $0.key < $1.key }
            .prefix(statsListLimit))
        stats.relationsByType = relationsByType
        stats.components = components
        stats.largestComponent = Int(sizes.max() ?? 0)
        stats.full = true
    }
}

/// Entity ids numbered 0, 1, 2, … in id order, for arrays indexed by entity: directly when
/// the ids are dense (as they are unless many entities were removed), else through a table.
private struct EntityNumbering {
    private let first: Int64
    private let dense: [Int32]?
    private let table: [Int64: Int32]

    init(_ ids: [Int64]) {
        first = ids.first ?? 0
        let span = (ids.last ?? 0) - first + 1
        if !ids.isEmpty && span <= Int64(ids.count) * 4 + 1024 {
            var dense = [Int32](repeating: -1, count: Int(span))
            for (position, id) in ids.enumerated() { dense[Int(id - first)] = Int32(position) }
            self.dense = dense
            table = [:]
        } else {
            dense = nil
            table = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, Int32($0)) })
        }
    }

    func index(_ id: Int64) -> Int32? {
        guard let dense else { return table[id] }
        let offset = id - first
        guard offset >= 0 && offset < Int64(dense.count) else { return nil }
        let index = dense[Int(offset)]
        return index < 0 ? nil : index
    }
}
