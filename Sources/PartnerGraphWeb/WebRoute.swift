import Hummingbird

/// A route the server answers: its method and its path as OpenAPI writes it (`/entity/{name}`).
public struct WebRoute: Hashable, Sendable, CustomStringConvertible {
    /// `GET` or `POST`.
    public var method: String
    /// The path, with `{parameter}` for each part taken from the URL.
    public var path: String

    /// `GET /entity/{name}`.
    public var description: String { "\(method) \(path)" }
}

/// Registers handlers on a router and keeps the list of what it registered, which the
/// OpenAPI document must describe (a test compares the two).
struct RouteRecorder {
    let router: Router<BasicRequestContext>
    private(set) var routes: [WebRoute] = []

    init(router: Router<BasicRequestContext>) {
        self.router = router
    }

    /// A handler for `GET path`.
    mutating func get(_ path: String, _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response) {
        add(.get, path, handler)
    }

    /// A handler for `POST path`.
    mutating func post(_ path: String, _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response) {
        add(.post, path, handler)
    }

    private mutating func add(
        _ method: HTTPRequest.Method, _ path: String, _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response
    ) {
        router.on(RouterPath(path), method: method, use: handler)
        routes.append(WebRoute(method: method.rawValue, path: path))
    }
}

extension BasicRequestContext {
    /// The path parameter `name`, percent-decoded: `/entity/%D8%A7…` names an entity by its Arabic name.
    func pathParameter(_ name: String) throws -> String {
        guard let raw = parameters.get(name) else {
            throw WebError.badRequest("the path has no \(name)", fix: "name the \(name) in the path")
        }
        guard let decoded = raw.removingPercentEncoding, !decoded.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw WebError.badRequest("\(raw.debugDescription) is not a valid percent-encoded UTF-8 name", fix: "percent-encode the name as UTF-8")
        }
        return decoded
    }
}
