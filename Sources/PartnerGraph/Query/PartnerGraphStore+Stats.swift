import GRDB
import GRDBSQLite

extension PartnerGraphStore {
    /// How many entities `stats` lists as most connected, and as isolated.
    public static let statsListLimit = 10

    /// Counts by entity and relation type, the most connected entities, the connected
    /// components and the isolated entities.
    ///
    /// ```swift
    /// let stats = try store.stats()
    /// stats.mostConnected.first?.entity.key   // "icesco"
    /// ```
    ///
    /// - Parameter top: How many of the most connected entities to list.
    /// - Complexity: One pass over the relations with a union–find: O(E α(V)) time, O(V) memory.
    public func stats(top: Int = PartnerGraphStore.statsListLimit) throws -> GraphStats {
        try read { db in
            var entitiesByType: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT type, count(*) FROM entity GROUP BY type") {
                entitiesByType[row[0]] = row[1]
            }
            var relationsByType: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT type, count(*) FROM relation GROUP BY type") {
                relationsByType[row[0]] = row[1]
            }
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM entity ORDER BY id")
            var index: [Int64: Int32] = [:]
            index.reserveCapacity(ids.count)
            for (position, id) in ids.enumerated() { index[id] = Int32(position) }
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
            let statement = try db.makeStatement(sql: "SELECT source_id, target_id FROM relation")
            let handle = statement.sqliteStatement
            var relations = 0
            while sqlite3_step(handle) == SQLITE_ROW {
                guard let a = index[sqlite3_column_int64(handle, 0)], let b = index[sqlite3_column_int64(handle, 1)] else { continue }
                relations += 1
                degree[Int(a)] += 1
                degree[Int(b)] += 1
                let ra = root(a), rb = root(b)
                if ra != rb { parent[Int(max(ra, rb))] = min(ra, rb) }
            }
            sqlite3_reset(handle)
            var sizes: [Int32: Int] = [:]
            for node in 0..<Int32(ids.count) { sizes[root(node), default: 0] += 1 }
            let builder = try HopBuilder(db)
            let ranked = degree.indices.filter { degree[$0] > 0 }
                .sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
                .prefix(top)
            let mostConnected = try ranked.map { ConnectedEntity(entity: try builder.entity(ids[$0]), relations: Int(degree[$0])) }
                .sorted { $0.relations != $1.relations ? $0.relations > $1.relations : $0.entity.key < $1.entity.key }
            let isolatedIndexes = degree.indices.filter { degree[$0] == 0 }
            let isolated = try isolatedIndexes.map { try builder.entity(ids[$0]) }.sorted { $0.key < $1.key }
            return GraphStats(
                entities: ids.count, relations: relations,
                sources: try Int.fetchOne(db, sql: "SELECT count(*) FROM source") ?? 0,
                entitiesByType: entitiesByType, relationsByType: relationsByType, mostConnected: mostConnected,
                components: sizes.count, largestComponent: sizes.values.max() ?? 0, isolated: isolatedIndexes.count,
                isolatedEntities: Array(isolated.prefix(Self.statsListLimit)))
        }
    }
}
