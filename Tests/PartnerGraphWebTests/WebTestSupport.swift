import Foundation
import Hummingbird
import HummingbirdTesting
import PartnerGraph
import Testing
@testable import PartnerGraphWeb

/// A database file holding the bundled example, in a folder of its own, removed by the caller.
struct ExampleDatabase: Sendable {
    let folder: URL
    var path: String { folder.appendingPathComponent("example.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try PartnerGraphStore(path: path, mode: .readWrite).loadExample()
    }

    /// The store the documents are compared with.
    func store() throws -> PartnerGraphStore { try PartnerGraphStore(path: path, mode: .readOnly) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// The token of the tests that write.
let testToken = "test-token-0123456789abcdef"

/// Runs `body` against a server of a fresh example database, read-only unless `writes`.
func withServer<T: Sendable>(
    writes: Bool = false, _ body: @escaping @Sendable (any TestClientProtocol, WebGraph, ExampleDatabase) async throws -> T
) async throws -> T {
    let database = try ExampleDatabase()
    defer { database.remove() }
    let graph = writes
        ? WebGraph(store: try PartnerGraphStore(path: database.path, mode: .readWrite), writePath: database.path)
        : WebGraph(store: try PartnerGraphStore(path: database.path, mode: .readOnlyConnection), indexPath: database.path)
    let server = WebServer(graph: graph, token: writes ? try BearerToken(testToken) : nil)
    let app = Application(router: server.router().router)
    return try await app.test(.router) { client in try await body(client, graph, database) }
}

extension TestClientProtocol {
    /// `GET uri`: the status, the content type and the body as text.
    func get(_ uri: String) async throws -> (status: HTTPResponse.Status, type: String, body: String) {
        try await execute(uri: uri, method: .get) { response in
            (response.status, response.headers[.contentType] ?? "", String(buffer: response.body))
        }
    }

    /// `POST uri` with a JSON body and, if given, the token.
    func post(_ uri: String, json: String, token: String? = nil) async throws -> (status: HTTPResponse.Status, body: String) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer " + token }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json)) { response in
            (response.status, String(buffer: response.body))
        }
    }
}

/// `value` as `partnergraph … --json` prints it.
func commandJSON<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try JSONDocument.encoder().encode(value), as: UTF8.self) + "\n"
}

/// The `{"error", "fix"}` of an API error response.
func errorDocument(_ body: String) throws -> ErrorDocument {
    try JSONDecoder().decode(ErrorDocument.self, from: Data(body.utf8))
}

/// `text` percent-encoded for a URL.
func encoded(_ text: String) -> String { HTMLText.urlComponent(text) }
