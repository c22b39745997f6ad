import Foundation
import Hummingbird
import PartnerGraph

/// The web view and HTTP API of a graph: `partnergraph serve`.
///
/// Pages at `/` (search), `/entity/{name}` and `/connect`; the JSON API under `/api/`, whose
/// responses are the documents of the commands' `--json`; the OpenAPI description at
/// `/openapi.json`. Read-only unless built with a ``BearerToken`` over a ``WebGraph`` that
/// takes writes.
///
/// ```swift
/// let store = try PartnerGraphStore(path: "partners.sqlite", mode: .readOnly)
/// let server = WebServer(graph: WebGraph(store: store))
/// try await server.run(host: "127.0.0.1", port: 8080)
/// ```
public struct WebServer: Sendable {
    /// The graph served.
    public let graph: WebGraph
    /// The token writes must carry; `nil`: no writes.
    public let token: BearerToken?

    /// A server of `graph`; writes are taken only when `graph` takes them and `token` is given.
    public init(graph: WebGraph, token: BearerToken? = nil) {
        self.graph = graph
        self.token = token
    }

    /// The router with every route, and the list of the routes it serves.
    public func router() -> (router: Router<BasicRequestContext>, routes: [WebRoute]) {
        let router = Router()
        router.add(middleware: ErrorMiddleware())
        var routes = RouteRecorder(router: router)
        addPageRoutes(to: &routes)
        addAPIRoutes(to: &routes)
        addWriteRoutes(to: &routes)
        return (router, routes.routes)
    }

    /// The application: the router on `host` and `port`; `onRunning` is told the port bound
    /// (the one the system chose for port 0).
    public func application(
        host: String = "127.0.0.1", port: Int = 8080, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router().router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "PartnerGraph"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    }

    /// Serves until the process is interrupted (SIGINT or SIGTERM), then finishes the requests
    /// under way and returns.
    ///
    /// - Parameters:
    ///   - host: The address to listen on; `127.0.0.1` serves this machine only.
    ///   - port: The TCP port; 0 lets the system choose one, which `onRunning` is told.
    ///   - onRunning: Called once the server listens, with its port.
    /// - Throws: NIO's error when the address cannot be bound (the port is taken).
    public func run(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(host: host, port: port, onRunning: onRunning).runService()
    }
}
