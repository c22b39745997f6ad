import Foundation
import Hummingbird
import PartnerGraph

/// `POST /api/entities` (add) and `POST /api/relations` (link): refused unless the server was
/// started with `--allow-writes` and a token, which every such request must carry.
extension WebServer {
    /// The largest request body a write accepts.
    static let maxBodySize = 64 * 1024

    func addWriteRoutes(to routes: inout RouteRecorder) {
        let graph = self.graph
        let token = self.token

        routes.post("/api/entities") { request, _ in
            let body = try await Self.authorizedBody(request, graph: graph, token: token)
            let add = try Self.decode(AddEntityRequest.self, from: body, example: AddEntityRequest.example)
            let author = Self.author("POST /api/entities \(add.entity.type.rawValue) \(add.entity.name.debugDescription)")
            return try JSONDocument.response(try await graph.addEntity(add.entity, author: author), status: .created)
        }

        routes.post("/api/relations") { request, _ in
            let body = try await Self.authorizedBody(request, graph: graph, token: token)
            let link = try Self.decode(LinkRequest.self, from: body, example: LinkRequest.example)
            let author = Self.author("POST /api/relations \(link.source.debugDescription) \(link.type) \(link.target.debugDescription)")
            return try JSONDocument.response(try await graph.link(link.source, link.type, link.target, link.details, author: author), status: .created)
        }
    }

    /// The request's body, once the server is known to take writes and the request carries the token.
    static func authorizedBody(_ request: Request, graph: WebGraph, token: BearerToken?) async throws -> ByteBuffer {
        guard graph.acceptsWrites, let token else {
            throw WebError(
                status: .methodNotAllowed, message: "this server is read-only",
                fix: "its operator can start it with `partnergraph serve --allow-writes --token-file FILE` to take writes")
        }
        let authorization = request.headers[.authorization]
        guard authorization != nil else {
            throw WebError(status: .unauthorized, message: "a write needs the server's token", fix: "send the header Authorization: Bearer TOKEN")
        }
        guard token.accepts(authorization: authorization) else {
            throw WebError(status: .forbidden, message: "the token does not match the server's", fix: "send the token the server was started with, as Authorization: Bearer TOKEN")
        }
        do {
            return try await request.body.collect(upTo: maxBodySize)
        } catch {
            throw WebError(status: .contentTooLarge, message: "the request body is larger than \(maxBodySize / 1024) KiB", fix: "send one entity or relation per request")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer, example: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(body.readableBytesView))
        } catch {
            throw WebError.body(error, example: example)
        }
    }

    /// Who a write over HTTP is recorded as in the history: `web:` and the user running the
    /// server, with the request for a command.
    static func author(_ request: String) -> ChangeAuthor {
        ChangeAuthor(user: "web:" + ChangeAuthor.current.user, command: request)
    }
}
