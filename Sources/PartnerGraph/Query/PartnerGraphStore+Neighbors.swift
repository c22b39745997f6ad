import GRDB

extension PartnerGraphStore {
    /// The entities within ``NeighborQuery/depth`` relations of one entity, each with the
    /// chain of relations that reaches it.
    ///
    /// ```swift
    /// let around = try store.neighbors(NeighborQuery(entity: "ICESCO", depth: 2))
    /// around.neighbors.first?.via   // [ICESCO —co-organized→ World Forum on Intercultural Dialogue]
    /// ```
    ///
    /// - Parameter query: The centre, the depth and the filters; see ``NeighborQuery``.
    /// - Returns: The centre and the entities reached, nearest first.
    /// - Throws: ``QueryError/invalidQuery(_:)`` for a depth below 1, the entity look-up
    ///   errors, and ``PartnerGraphError/unknownRelationType(_:known:)``.
    /// - Complexity: A breadth-first search that reads the relations of each entity closer
    ///   than `depth`: O(V' + E') for the ball it explores.
    public func neighbors(_ query: NeighborQuery) throws -> Neighborhood {
        guard query.depth >= 1 else { throw QueryError.invalidQuery("--depth must be at least 1") }
        if let limit = query.limit, limit < 1 { throw QueryError.invalidQuery("--limit must be at least 1") }
        return try read { db in
            let center = try EntityResolver.resolve(query.entity, in: db)
            let filter = try Self.relationFilter(
                relations: query.relations, excluded: query.excludeRelations, asOf: query.asOf, directed: query.directed, in: db)
            let adjacency = try Adjacency(db, filter: filter)
            let centerId = center.id!
            var reached: [Int64: (parent: Int64, relation: Int64, distance: Int)] = [centerId: (centerId, 0, 0)]
            var order: [Int64] = []
            var relationIds: Set<Int64> = []
            var frontier: [Int64] = [centerId]
            var truncated = false
            levels: for distance in 1...query.depth {
                var next: [Int64] = []
                for node in frontier {
                    try adjacency.visit(node, towardsEnd: true) { adjacent in
                        if reached[adjacent.other] != nil {
                            relationIds.insert(adjacent.relation)
                            return true
                        }
                        if let limit = query.limit, order.count >= limit {
                            truncated = true
                            return false
                        }
                        reached[adjacent.other] = (node, adjacent.relation, distance)
                        relationIds.insert(adjacent.relation)
                        order.append(adjacent.other)
                        next.append(adjacent.other)
                        return true
                    }
                    if truncated { break levels }
                }
                frontier = next
                if frontier.isEmpty { break }
            }
            let builder = try HopBuilder(db)
            builder.remember(center)
            var chains: [Int64: [PathHop]] = [centerId: []]
            func chain(to node: Int64) throws -> [PathHop] {
                if let known = chains[node] { return known }
                let step = reached[node]!
                let result = try chain(to: step.parent) + [try builder.hop(relation: step.relation, from: step.parent, to: node)]
                chains[node] = result
                return result
            }
            let types = Set(query.entityTypes)
            var neighbors: [Neighbor] = []
            for node in order {
                let entity = try builder.entity(node)
                if !types.isEmpty && !types.contains(entity.type) { continue }
                neighbors.append(Neighbor(entity: entity, distance: reached[node]!.distance, via: try chain(to: node)))
            }
            neighbors.sort { ($0.distance, $0.entity.type, $0.entity.name, $0.entity.key) < ($1.distance, $1.entity.type, $1.entity.name, $1.entity.key) }
            return Neighborhood(
                center: center.ref, depth: query.depth, neighbors: neighbors, relationIds: relationIds.sorted(), truncated: truncated)
        }
    }
}
