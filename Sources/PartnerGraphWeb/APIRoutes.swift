import Foundation
import Hummingbird
import PartnerGraph

/// `/api/…`: each route answers with the same document as its command's `--json`.
extension WebServer {
    func addAPIRoutes(to routes: inout RouteRecorder) {
        let graph = self.graph

        // partnergraph search WORDS [--limit N] [--type T]
        routes.get("/api/search") { request, _ in
            let query = try QueryItems(query: request.uri.query)
            try query.refuseUnknown(["q", "limit", "type"])
            guard let text = query.value("q") else {
                throw WebError.badRequest("q is missing: what to search for", fix: "pass q=WORDS, e.g. /api/search?q=ICESCO")
            }
            let search = SearchQuery(text, limit: try query.integer("limit", minimum: 1, default: 20)!, entityTypes: try Self.entityTypes(query))
            return try JSONDocument.response(try await graph.search(search))
        }

        // partnergraph show NAME
        routes.get("/api/entity/{name}") { request, context in
            try QueryItems(query: request.uri.query).refuseUnknown([])
            return try JSONDocument.response(try await graph.profile(of: try context.pathParameter("name")))
        }

        // partnergraph neighbors NAME [--depth N] [--type T] [--limit N] [traversal options]
        routes.get("/api/neighbors/{name}") { request, context in
            let query = try QueryItems(query: request.uri.query)
            try query.refuseUnknown(Self.traversalParameters.union(["depth", "type", "limit"]))
            let traversal = try Self.traversal(query)
            let neighbors = NeighborQuery(
                entity: try context.pathParameter("name"), depth: try query.integer("depth", minimum: 1, default: 1)!,
                relations: traversal.relations, excludeRelations: traversal.excludeRelations, entityTypes: try Self.entityTypes(query),
                asOf: traversal.asOf, directed: traversal.directed, limit: try query.integer("limit", minimum: 1))
            return try JSONDocument.response(try await graph.neighbors(neighbors))
        }

        // partnergraph path FROM TO [-k N] [--max-depth N] [--avoid E] [traversal options]
        routes.get("/api/path") { request, _ in
            let query = try QueryItems(query: request.uri.query)
            try query.refuseUnknown(Self.traversalParameters.union(["from", "to", "k", "max_depth", "avoid"]))
            return try JSONDocument.response(try await graph.paths(try Self.pathQuery(query)))
        }

        // partnergraph timeline [ENTITY] [--from D] [--to D] [--limit N]
        routes.get("/api/timeline") { request, _ in
            let query = try QueryItems(query: request.uri.query)
            try query.refuseUnknown(["entity", "from", "to", "limit"])
            let from = try query.value("from").map { try PartialDate($0) }
            let to = try query.value("to").map { try PartialDate($0) }
            if let from, let to, to < from, !from.contains(to) {
                throw WebError.badRequest("to \(to) is before from \(from)", fix: "swap from and to")
            }
            let timeline = TimelineQuery(entity: query.value("entity"), from: from, to: to, limit: try query.integer("limit", minimum: 1))
            return try JSONDocument.response(try await graph.timeline(timeline))
        }

        // partnergraph stats [--top N]
        routes.get("/api/stats") { request, _ in
            let query = try QueryItems(query: request.uri.query)
            try query.refuseUnknown(["top"])
            return try JSONDocument.response(try await graph.stats(top: try query.integer("top", minimum: 0, default: PartnerGraphStore.statsListLimit)!))
        }

        // partnergraph source list
        routes.get("/api/sources") { request, _ in
            try QueryItems(query: request.uri.query).refuseUnknown([])
            return try JSONDocument.response(try await graph.sources())
        }

        // partnergraph list [--type T] [--kind K]
        routes.get("/api/entities") { request, _ in
            let query = try QueryItems(query: request.uri.query)
            try query.refuseUnknown(["type", "kind"])
            let types = try Self.entityTypes(query)
            if types.count > 1 { throw WebError.badRequest("type is given \(types.count) times; list takes one", fix: "pass type once") }
            return try JSONDocument.response(try await graph.entities(type: types.first, kind: query.value("kind")))
        }

        // The description of all of the above.
        routes.get("/openapi.json") { _, _ in
            JSONDocument.body(OpenAPIDocument.data, contentType: "application/json; charset=utf-8")
        }
    }

    /// The parameters `neighbors` and `path` share: `--relation`, `--exclude-relation`, `--as-of`, `--directed`.
    static let traversalParameters: Set<String> = ["relation", "exclude_relation", "as_of", "directed"]

    static func traversal(_ query: QueryItems) throws -> (relations: [String], excludeRelations: [String], asOf: PartialDate?, directed: Bool) {
        (query.values("relation"), query.values("exclude_relation"), try query.value("as_of").map { try PartialDate($0) }, try query.flag("directed"))
    }

    /// `type=…` (repeatable), each an entity type or its short form.
    static func entityTypes(_ query: QueryItems) throws -> [EntityType] {
        try query.values("type").map { name in
            guard let type = EntityType(parsing: name) else {
                throw WebError.badRequest(
                    "unknown entity type \(name.debugDescription)", fix: "use one of " + EntityType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return type
        }
    }

    /// The most paths one request may ask for: the k shortest paths cost k searches.
    static let maxPaths = 20

    /// The path query of `/api/path` and `/connect`.
    static func pathQuery(_ query: QueryItems, maxPaths: Int = WebServer.maxPaths) throws -> PathQuery {
        guard let from = query.value("from"), let to = query.value("to") else {
            throw WebError.badRequest(
                "\(query.value("from") == nil ? "from" : "to") is missing: a path needs both ends",
                fix: "pass from=A&to=B, e.g. /api/path?from=ICESCO&to=Azerbaijan")
        }
        let k = try query.integer("k", minimum: 1, default: 1)!
        if k > maxPaths { throw WebError.badRequest("k is \(k); at most \(maxPaths) paths are found per request", fix: "pass k=\(maxPaths) or fewer") }
        let traversal = try traversal(query)
        return PathQuery(
            from: from, to: to, k: k, maxDepth: try query.integer("max_depth", minimum: 1, default: PathQuery.defaultMaxDepth)!,
            relations: traversal.relations, excludeRelations: traversal.excludeRelations, avoid: query.values("avoid"),
            directed: traversal.directed, asOf: traversal.asOf)
    }
}
