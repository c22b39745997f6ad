import GRDB

extension PartnerGraphStore {
    /// The shortest connections between two entities: how are they related, through whom?
    ///
    /// ```swift
    /// let paths = try store.paths(PathQuery(from: "Salim M. AlMalik", to: "Sahiba Gafarova"))
    /// paths[0].length   // 2
    /// ```
    ///
    /// Relations are followed both ways unless ``PathQuery/directed`` is set; each hop reports
    /// the direction it was walked in (``PathHop/forward``) and the phrase that reads that way.
    ///
    /// - Parameter query: The two ends and the limits; see ``PathQuery``.
    /// - Returns: Up to ``PathQuery/k`` simple paths, shortest first; never empty.
    /// - Throws: ``QueryError/noPath(from:to:limit:filters:)`` naming the limit that applied,
    ///   ``QueryError/endpointAvoided(_:)``, ``QueryError/invalidQuery(_:)``, and the entity
    ///   look-up errors (``PartnerGraphError/entityNotFound(_:suggestions:)``, …).
    /// - Complexity: One bidirectional breadth-first search per path (Yen's algorithm for
    ///   k > 1), reading only the relations of the nodes it expands.
    public func paths(_ query: PathQuery) throws -> [GraphPath] {
        guard query.k >= 1 else { throw QueryError.invalidQuery("--k must be at least 1") }
        guard query.maxDepth >= 1 else { throw QueryError.invalidQuery("--max-depth must be at least 1") }
        return try read { db in
            let start = try EntityResolver.resolve(query.from, in: db)
            let end = try EntityResolver.resolve(query.to, in: db)
            var blocked: Set<Int64> = []
            for name in query.avoid {
                let avoided = try EntityResolver.resolve(name, in: db)
                if avoided.id == start.id || avoided.id == end.id { throw QueryError.endpointAvoided(avoided.ref) }
                blocked.insert(avoided.id!)
            }
            let filter = try Self.relationFilter(
                relations: query.relations, excluded: query.excludeRelations, asOf: query.asOf, directed: query.directed, in: db)
            let finder = PathFinder(adjacency: try Adjacency(db, filter: filter))
            let found: [NodePath]
            switch try finder.kShortest(from: start.id!, to: end.id!, k: query.k, maxDepth: query.maxDepth, blocked: blocked) {
            case let .success(paths):
                found = paths
            case let .failure(failure):
                var filters = filter.descriptions
                filters += query.avoid.map { "--avoid \($0)" }
                throw QueryError.noPath(
                    from: start.ref, to: end.ref, limit: failure == .notConnected ? .notConnected : .maxDepth(query.maxDepth),
                    filters: filters)
            }
            let builder = try HopBuilder(db)
            builder.remember(start)
            builder.remember(end)
            return try found.map { try builder.path($0) }
        }
    }

    /// Checks relation type names against the vocabulary and builds the traversal filter.
    static func relationFilter(
        relations: [String], excluded: [String], asOf: PartialDate?, directed: Bool, in db: Database
    ) throws -> RelationFilter {
        var filter = RelationFilter(asOf: asOf, directed: directed)
        for name in relations { filter.included.insert(try relationType(RelationType.canonicalName(name), in: db).name) }
        for name in excluded { filter.excluded.insert(try relationType(RelationType.canonicalName(name), in: db).name) }
        return filter
    }
}

extension HopBuilder {
    func path(_ path: NodePath) throws -> GraphPath {
        let hops = try path.relations.indices.map { index in
            try hop(relation: path.relations[index], from: path.nodes[index], to: path.nodes[index + 1])
        }
        return GraphPath(entities: try path.nodes.map(entity), hops: hops)
    }
}
