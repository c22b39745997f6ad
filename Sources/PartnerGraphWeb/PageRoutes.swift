import Hummingbird
import PartnerGraph

/// The pages: search, entity, connection.
extension WebServer {
    func addPageRoutes(to routes: inout RouteRecorder) {
        let graph = self.graph

        routes.get("/") { request, _ in
            let query = try QueryItems(query: request.uri.query)
            try query.refuseUnknown(["q"])
            guard let text = query.value("q") else { return JSONDocument.html(SearchPage.empty()) }
            let results = try await graph.search(SearchQuery(text))
            let aliases = try await graph.aliases(of: results.hits.filter { $0.kind == .entity }.compactMap(\.key))
            return JSONDocument.html(SearchPage.results(results, aliases: aliases))
        }

        routes.get("/entity/{name}") { request, context in
            try QueryItems(query: request.uri.query).refuseUnknown([])
            let name = try context.pathParameter("name")
            // Made once per name and state of the graph: the page is all the graph's, and the day's.
            let page = try await graph.entityPage(name) {
                let profile = try await graph.profile(of: name)
                let drawing: Result<String, WebError>
                do {
                    drawing = .success(try await graph.neighbourhoodSVG(of: profile.key))
                } catch {
                    drawing = .failure(WebError.from(error))
                }
                return EntityPage.page(profile, drawing: drawing)
            }
            return JSONDocument.html(page)
        }

        routes.get("/connect") { request, _ in
            let query = try QueryItems(query: request.uri.query)
            try query.refuseUnknown(["from", "to", "k"])
            guard let from = query.value("from"), let to = query.value("to") else {
                return JSONDocument.html(ConnectPage.empty(from: query.value("from"), to: query.value("to")))
            }
            let pathQuery = try Self.pathQuery(query, maxPaths: ConnectPage.maxPaths)
            let paths: [GraphPath]
            do {
                paths = try await graph.paths(pathQuery)
            } catch {
                let failure = WebError.from(error)
                guard failure.status == .notFound || failure.status == .badRequest else { throw failure }
                return JSONDocument.html(ConnectPage.failure(from: from, to: to, k: pathQuery.k, error: failure), status: failure.status)
            }
            let drawing: Result<String, WebError>
            do {
                drawing = .success(try await graph.pathSVG(from: paths[0].entities.first!.key, to: paths[0].entities.last!.key, k: pathQuery.k))
            } catch {
                drawing = .failure(WebError.from(error))
            }
            return JSONDocument.html(ConnectPage.page(from: from, to: to, k: pathQuery.k, paths: paths, drawing: drawing))
        }
    }
}
