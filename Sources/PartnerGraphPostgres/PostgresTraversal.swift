import PartnerGraph
import PostgresNIO

/// Which relations a traversal may follow: by type, by date, and by direction (the options of
/// `path` and `neighbors`).
struct TraversalFilter {
    var included: Set<String> = []
    var excluded: Set<String> = []
    var asOf: PartialDate?
    var directed = false
    /// The symmetric relation types, which a directed walk takes both ways.
    var symmetric: Set<String> = []

    var needsType: Bool { !included.isEmpty || !excluded.isEmpty || directed }

    func allows(type: String) -> Bool {
        (included.isEmpty || included.contains(type)) && !excluded.contains(type)
    }

    /// The options as typed, for "no path" messages.
    var descriptions: [String] {
        var result: [String] = []
        result += included.sorted().map { "--relation \($0)" }
        result += excluded.sorted().map { "--exclude-relation \($0)" }
        if let asOf { result.append("--as-of \(asOf)") }
        if directed { result.append("--directed") }
        return result
    }
}

/// One relation met at a node of a frontier.
struct FrontierStep {
    /// The position of the node in the frontier.
    var index: Int
    var other: Int64
    var relation: Int64
    /// Whether the relation points the way of the walk.
    var forward: Bool
}

/// Breadth-first walks over the relations stored in PostgreSQL, batched by frontier.
///
/// Each level of a search asks for the relations of all the nodes of its frontier at once
/// (`unnest($1::bigint[]) … JOIN relation ON source_id = node`, and the same on target_id, both
/// through an index), rather than one query per node: a search of depth d costs d round trips to
/// the server (up to 3d for frontiers of thousands of nodes, sent in growing slices so that a
/// search that meets early fetches no more), whatever the number of nodes it expands. The rows come in the order SQLite's indexes
/// give a node's relations (outgoing by type, target, role, start, date, id; then incoming by type,
/// source, id), and are read in the order the SQLite store's loop reads them, so both stores find
/// the same paths and neighbours.
struct PostgresTraversal {
    let session: PostgresSession
    let filter: TraversalFilter

    /// The relations a walk may take at each node of `frontier`, in order, until `body` returns `false`.
    ///
    /// - Parameter towardsEnd: `true` walking from the path's start (a step leaves its node),
    ///   `false` searching back from the end (a step arrives at its node).
    func expand(_ frontier: [Int64], towardsEnd: Bool, _ body: (FrontierStep) throws -> Bool) throws {
        // A large frontier goes in a few growing slices, in order: a search usually meets the
        // other side early in the last level it expands, and the slices after the meeting are
        // never asked for. At most three queries a level, whatever its size.
        var start = 0
        for size in [256, 4096, Int.max] where start < frontier.count {
            let end = size == Int.max ? frontier.count : min(frontier.count, start + size)
            if try !expandSlice(Array(frontier[start..<end]), offset: start, towardsEnd: towardsEnd, body) { return }
            start = end
        }
    }

    /// One query for the relations of `frontier`, a slice of a level starting at `offset`.
    ///
    /// - Returns: `false` when `body` stopped the walk.
    private func expandSlice(_ frontier: [Int64], offset: Int, towardsEnd: Bool, _ body: (FrontierStep) throws -> Bool) throws -> Bool {
        let dates = filter.asOf != nil
        // The dates travel only when a filter reads them.
        let dateColumns = dates ? "start_date, end_date, date" : "NULL::text, NULL::text, NULL::text"
        let rows = try session.run(
            """
            SELECT ord, dir, other, id, type, \(unescaped: dateColumns) FROM (
              SELECT f.ord, 0 AS dir, r.target_id AS other, r.id, r.type, r.start_date, r.end_date, r.date,
                     coalesce(r.role, '') AS k1, coalesce(r.start_date, '') AS k2, coalesce(r.date, '') AS k3
              FROM unnest(\(frontier)::bigint[]) WITH ORDINALITY AS f(node, ord) JOIN relation r ON r.source_id = f.node
              UNION ALL
              SELECT f.ord, 1, r.source_id, r.id, r.type, r.start_date, r.end_date, r.date, '', '', ''
              FROM unnest(\(frontier)::bigint[]) WITH ORDINALITY AS f(node, ord) JOIN relation r ON r.target_id = f.node
            ) steps
            ORDER BY ord, dir, type, other, k1, k2, k3, id
            """)
        for row in rows {
            let (ord, dir, other, id, type, start, end, date) = try row.decode(
                (Int64, Int32, Int64, Int64, String, String?, String?, String?).self)
            // Walking towards the end, an outgoing relation points the way of the walk; searching
            // back from the end, an incoming one does.
            let forward = (dir == 0) == towardsEnd
            if filter.needsType || dates {
                if !filter.allows(type: type) { continue }
                if filter.directed && !forward && !filter.symmetric.contains(type) { continue }
                if let asOf = filter.asOf, !StoreRules.inForce(start: start, end: end, date: date, at: asOf) { continue }
            }
            if try !body(FrontierStep(index: offset + Int(ord) - 1, other: other, relation: id, forward: forward)) { return false }
        }
        return true
    }
}

/// A path as a search finds it: entity ids, and the relation taken at each step.
struct IdPath: Hashable {
    var nodes: [Int64]
    var relations: [Int64]
    var length: Int { relations.count }
}

/// The shortest paths between two entities: a bidirectional breadth-first search that expands the
/// side with the smaller frontier, one batched query per level, and stops at the first node both
/// sides reach; the `k` shortest simple paths come from Yen's algorithm over it. The same
/// algorithm as the SQLite store's `PathFinder`, with its frontiers read a level at a time.
struct PostgresPathFinder {
    enum Outcome {
        case found(IdPath)
        case notConnected
        case depthLimit
    }

    private struct Step {
        var parent: Int64
        var relation: Int64
    }

    struct Pair: Hashable {
        var from: Int64
        var to: Int64
    }

    let traversal: PostgresTraversal

    /// The shortest path from `start` to `end` of at most `maxDepth` relations, through none of
    /// `blocked`, taking none of the `removed` steps.
    ///
    /// - Complexity: One query per level of either side; O(V' + E') rows for the two balls explored.
    func shortest(from start: Int64, to end: Int64, maxDepth: Int, blocked: Set<Int64> = [], removed: Set<Pair> = []) throws -> Outcome {
        if start == end { return .found(IdPath(nodes: [start], relations: [])) }
        var forwardSteps: [Int64: Step] = [start: Step(parent: start, relation: 0)]
        var backwardSteps: [Int64: Step] = [end: Step(parent: end, relation: 0)]
        var forwardFrontier: [Int64] = [start]
        var backwardFrontier: [Int64] = [end]
        var forwardDepth = 0
        var backwardDepth = 0
        while !forwardFrontier.isEmpty && !backwardFrontier.isEmpty {
            if forwardDepth + backwardDepth >= maxDepth { return .depthLimit }
            let expandForward = forwardFrontier.count <= backwardFrontier.count
            var next: [Int64] = []
            var meeting: Int64?
            if expandForward {
                try traversal.expand(forwardFrontier, towardsEnd: true) { step in
                    let node = forwardFrontier[step.index]
                    let other = step.other
                    if forwardSteps[other] != nil || blocked.contains(other) { return true }
                    if !removed.isEmpty && removed.contains(Pair(from: node, to: other)) { return true }
                    forwardSteps[other] = Step(parent: node, relation: step.relation)
                    if backwardSteps[other] != nil {
                        meeting = other
                        return false
                    }
                    next.append(other)
                    return true
                }
                forwardFrontier = next
                forwardDepth += 1
            } else {
                try traversal.expand(backwardFrontier, towardsEnd: false) { step in
                    let node = backwardFrontier[step.index]
                    let other = step.other
                    if backwardSteps[other] != nil || blocked.contains(other) { return true }
                    if !removed.isEmpty && removed.contains(Pair(from: other, to: node)) { return true }
                    backwardSteps[other] = Step(parent: node, relation: step.relation)
                    if forwardSteps[other] != nil {
                        meeting = other
                        return false
                    }
                    next.append(other)
                    return true
                }
                backwardFrontier = next
                backwardDepth += 1
            }
            if let meeting {
                return .found(Self.join(at: meeting, start: start, end: end, forward: forwardSteps, backward: backwardSteps))
            }
        }
        return .notConnected
    }

    private static func join(at middle: Int64, start: Int64, end: Int64, forward: [Int64: Step], backward: [Int64: Step]) -> IdPath {
        var nodes: [Int64] = [middle]
        var relations: [Int64] = []
        var node = middle
        while node != start, let step = forward[node] {
            relations.append(step.relation)
            nodes.append(step.parent)
            node = step.parent
        }
        nodes.reverse()
        relations.reverse()
        node = middle
        while node != end, let step = backward[node] {
            relations.append(step.relation)
            nodes.append(step.parent)
            node = step.parent
        }
        return IdPath(nodes: nodes, relations: relations)
    }

    /// The `k` shortest simple paths, shortest first (Yen's algorithm), or the outcome of the first search.
    ///
    /// - Complexity: O(k · L) searches, L the length of the paths found.
    func kShortest(from start: Int64, to end: Int64, k: Int, maxDepth: Int, blocked: Set<Int64>) throws -> Result<[IdPath], NoPath> {
        let first: IdPath
        switch try shortest(from: start, to: end, maxDepth: maxDepth, blocked: blocked) {
        case let .found(path): first = path
        case .notConnected: return .failure(NoPath(limit: .notConnected))
        case .depthLimit: return .failure(NoPath(limit: .maxDepth(maxDepth)))
        }
        var accepted: [IdPath] = [first]
        var candidates: [IdPath] = []
        var seen: Set<[Int64]> = [first.nodes]
        while accepted.count < k {
            let previous = accepted[accepted.count - 1]
            for index in 0..<previous.length {
                let spur = previous.nodes[index]
                let root = Array(previous.nodes[0...index])
                var removed: Set<Pair> = []
                for path in accepted where path.nodes.count > index + 1 && Array(path.nodes[0...index]) == root {
                    removed.insert(Pair(from: path.nodes[index], to: path.nodes[index + 1]))
                }
                guard case let .found(spurPath) = try shortest(
                    from: spur, to: end, maxDepth: maxDepth - index, blocked: blocked.union(root.dropLast()), removed: removed)
                else { continue }
                let candidate = IdPath(
                    nodes: root + spurPath.nodes.dropFirst(), relations: Array(previous.relations[0..<index]) + spurPath.relations)
                if seen.insert(candidate.nodes).inserted { candidates.append(candidate) }
            }
            guard !candidates.isEmpty else { break }
            let best = candidates.indices.min { Self.precedes(candidates[$0], candidates[$1]) }!
            accepted.append(candidates.remove(at: best))
        }
        return .success(accepted)
    }

    /// Why no path was found: the limit that applied.
    struct NoPath: Error {
        var limit: QueryError.PathLimit
    }

    private static func precedes(_ a: IdPath, _ b: IdPath) -> Bool {
        a.length != b.length ? a.length < b.length : a.nodes.lexicographicallyPrecedes(b.nodes)
    }
}

/// Turns the ids a traversal found into hops and entity references, in three batched queries.
struct PostgresHopBuilder {
    private var entities: [Int64: EntityRef] = [:]
    private var relations: [Int64: Relation] = [:]
    private var citations: [Int64: [CitationView]] = [:]
    private let types: [String: RelationType]

    /// Loads the entities and relations named, with the relations' citations.
    init(store: PostgresStore, entityIds: Set<Int64>, relationIds: Set<Int64>, known: [Entity], types: [String: RelationType]) throws {
        self.types = types
        for entity in known { entities[entity.id!] = entity.ref }
        let missing = Array(entityIds.filter { entities[$0] == nil })
        if !missing.isEmpty {
            for row in try store.session.run("SELECT id, key, type, name FROM entity WHERE id = ANY(\(missing))") {
                let (id, key, type, name) = try row.decode((Int64, String, String, String).self)
                entities[id] = EntityRef(key: key, type: EntityType(rawValue: type) ?? .organization, name: name)
            }
        }
        let ids = Array(relationIds)
        if !ids.isEmpty {
            for row in try store.session.run("SELECT \(unescaped: PostgresStore.relationColumns) FROM relation WHERE id = ANY(\(ids))") {
                let relation = try PostgresStore.relation(from: row)
                relations[relation.id!] = relation
            }
            citations = try store.citations(relationIds: ids)
        }
    }

    func entity(_ id: Int64) throws -> EntityRef {
        guard let ref = entities[id] else { throw PartnerGraphError.entityNotFound("#\(id)", suggestions: []) }
        return ref
    }

    /// The hop that walks relation `id` from `from` to `to`.
    func hop(relation id: Int64, from: Int64, to: Int64) throws -> PathHop {
        guard let relation = relations[id] else { throw PartnerGraphError.relationNotFound(description: "#\(id)") }
        return PathHop(
            relation: relation, type: types[relation.type], from: try entity(from), to: try entity(to), fromId: from,
            citations: citations[id] ?? [])
    }
}

extension PostgresStore {
    /// The shortest connections between two entities, as ``PartnerGraph/PartnerGraphStore/paths(_:)`` answers.
    ///
    /// - Complexity: One bidirectional breadth-first search per path, one query per level (see
    ///   ``PostgresTraversal``), then three queries for the hops.
    public func paths(_ query: PathQuery) throws -> [GraphPath] {
        guard query.k >= 1 else { throw QueryError.invalidQuery("--k must be at least 1") }
        guard query.maxDepth >= 1 else { throw QueryError.invalidQuery("--max-depth must be at least 1") }
        return try session.transaction(readOnly: true) {
            let start = try resolve(query.from)
            let end = try resolve(query.to)
            var blocked: Set<Int64> = []
            for name in query.avoid {
                let avoided = try resolve(name)
                if avoided.id == start.id || avoided.id == end.id { throw QueryError.endpointAvoided(avoided.ref) }
                blocked.insert(avoided.id!)
            }
            let types = try vocabulary()
            let filter = try traversalFilter(
                relations: query.relations, excluded: query.excludeRelations, asOf: query.asOf, directed: query.directed, types: types)
            let finder = PostgresPathFinder(traversal: PostgresTraversal(session: session, filter: filter))
            let found: [IdPath]
            switch try finder.kShortest(from: start.id!, to: end.id!, k: query.k, maxDepth: query.maxDepth, blocked: blocked) {
            case let .success(paths):
                found = paths
            case let .failure(failure):
                throw QueryError.noPath(
                    from: start.ref, to: end.ref, limit: failure.limit, filters: filter.descriptions + query.avoid.map { "--avoid \($0)" })
            }
            let builder = try PostgresHopBuilder(
                store: self, entityIds: Set(found.flatMap(\.nodes)), relationIds: Set(found.flatMap(\.relations)), known: [start, end],
                types: types)
            return try found.map { path in
                let hops = try path.relations.indices.map { index in
                    try builder.hop(relation: path.relations[index], from: path.nodes[index], to: path.nodes[index + 1])
                }
                return GraphPath(entities: try path.nodes.map(builder.entity), hops: hops)
            }
        }
    }

    /// The entities within ``PartnerGraph/NeighborQuery/depth`` relations of one entity, as
    /// ``PartnerGraph/PartnerGraphStore/neighbors(_:)`` answers.
    ///
    /// - Complexity: A breadth-first search with one query per level, then three queries for the chains.
    public func neighbors(_ query: NeighborQuery) throws -> Neighborhood {
        guard query.depth >= 1 else { throw QueryError.invalidQuery("--depth must be at least 1") }
        if let limit = query.limit, limit < 1 { throw QueryError.invalidQuery("--limit must be at least 1") }
        return try session.transaction(readOnly: true) {
            let center = try resolve(query.entity)
            let types = try vocabulary()
            let filter = try traversalFilter(
                relations: query.relations, excluded: query.excludeRelations, asOf: query.asOf, directed: query.directed, types: types)
            let traversal = PostgresTraversal(session: session, filter: filter)
            let centerId = center.id!
            var reached: [Int64: (parent: Int64, relation: Int64, distance: Int)] = [centerId: (centerId, 0, 0)]
            var order: [Int64] = []
            var relationIds: Set<Int64> = []
            var frontier: [Int64] = [centerId]
            var truncated = false
            for distance in 1...query.depth {
                var next: [Int64] = []
                try traversal.expand(frontier, towardsEnd: true) { step in
                    if reached[step.other] != nil {
                        relationIds.insert(step.relation)
                        return true
                    }
                    if let limit = query.limit, order.count >= limit {
                        truncated = true
                        return false
                    }
                    reached[step.other] = (frontier[step.index], step.relation, distance)
                    relationIds.insert(step.relation)
                    order.append(step.other)
                    next.append(step.other)
                    return true
                }
                if truncated { break }
                frontier = next
                if frontier.isEmpty { break }
            }
            let chainRelations = Set(order.map { reached[$0]!.relation })
            let builder = try PostgresHopBuilder(
                store: self, entityIds: Set(order), relationIds: chainRelations, known: [center], types: types)
            var chains: [Int64: [PathHop]] = [centerId: []]
            func chain(to node: Int64) throws -> [PathHop] {
                if let known = chains[node] { return known }
                let step = reached[node]!
                let result = try chain(to: step.parent) + [try builder.hop(relation: step.relation, from: step.parent, to: node)]
                chains[node] = result
                return result
            }
            let wanted = Set(query.entityTypes)
            var neighbors: [Neighbor] = []
            for node in order {
                let entity = try builder.entity(node)
                if !wanted.isEmpty && !wanted.contains(entity.type) { continue }
                neighbors.append(Neighbor(reached: entity, distance: reached[node]!.distance, via: try chain(to: node)))
            }
            return Neighborhood(
                center: center.ref, depth: query.depth, reached: StoreRules.sortedForNeighborhood(neighbors),
                relationIds: relationIds.sorted(), truncated: truncated)
        }
    }

    /// Checks relation type names against the vocabulary and builds the traversal filter.
    func traversalFilter(
        relations: [String], excluded: [String], asOf: PartialDate?, directed: Bool, types: [String: RelationType]
    ) throws -> TraversalFilter {
        var filter = TraversalFilter(asOf: asOf, directed: directed)
        for name in relations { filter.included.insert(try relationType(RelationType.canonicalName(name), in: types).name) }
        for name in excluded { filter.excluded.insert(try relationType(RelationType.canonicalName(name), in: types).name) }
        if directed { filter.symmetric = Set(types.values.filter(\.symmetric).map(\.name)) }
        return filter
    }
}
