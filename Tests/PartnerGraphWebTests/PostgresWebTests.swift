import Foundation
import Hummingbird
import HummingbirdTesting
import PartnerGraph
import PartnerGraphPostgres
import Testing
@testable import PartnerGraphWeb

/// The web view and API served from a PostgreSQL database answer as from the SQLite file holding
/// the same graph (`make test` starts the server and sets $PARTNERGRAPH_TEST_POSTGRES).
@Suite(
    "Serving a PostgreSQL database",
    .enabled(
        if: ProcessInfo.processInfo.environment["PARTNERGRAPH_TEST_POSTGRES"] != nil
            || ProcessInfo.processInfo.environment["PARTNERGRAPH_REQUIRE_POSTGRES"] != nil,
        "no PostgreSQL server: set PARTNERGRAPH_TEST_POSTGRES (`make test` starts one) to run these"))
struct PostgresWebTests {
    /// A new schema of the test database holding the example, copied from `database`.
    private static func postgresCopy(of database: ExampleDatabase) throws -> PostgresStore {
        guard let url = ProcessInfo.processInfo.environment["PARTNERGRAPH_TEST_POSTGRES"], !url.isEmpty else {
            throw PostgresWebTestError("PARTNERGRAPH_TEST_POSTGRES is not set: run the tests with `make test`, which starts a PostgreSQL server")
        }
        let schema = "w_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        let store = try PostgresStore(url: url + (url.contains("?") ? "&" : "?") + "schema=\(schema)", mode: .create)
        try store.load(try database.store().exportDocument())
        return store
    }

    /// Runs `body` with a client of a server over the PostgreSQL copy and one over the file.
    private func withBothServers(
        writes: Bool = false,
        _ body: @escaping @Sendable (_ postgres: any TestClientProtocol, _ sqlite: any TestClientProtocol) async throws -> Void
    ) async throws {
        let database = try ExampleDatabase()
        defer { database.remove() }
        let postgres = try Self.postgresCopy(of: database)
        let token = writes ? try BearerToken(testToken) : nil
        let onPostgres = Application(router: WebServer(graph: WebGraph(sharedStore: postgres, acceptsWrites: writes), token: token).router().router)
        let sqliteGraph = WebGraph(store: try PartnerGraphStore(path: database.path, mode: .readOnlyConnection), indexPath: database.path)
        let onSQLite = Application(router: WebServer(graph: sqliteGraph).router().router)
        try await onPostgres.test(.router) { postgresClient in
            try await onSQLite.test(.router) { sqliteClient in try await body(postgresClient, sqliteClient) }
        }
    }

    @Test(
        "every API route and page answers the same from PostgreSQL as from SQLite",
        arguments: [
            "/api/entity/" + HTMLText.urlComponent("الإيسيسكو"), "/api/search?q=" + HTMLText.urlComponent("أذربيجان") + "&limit=5",
            "/api/neighbors/icesco?depth=2&exclude_relation=partner_of", "/api/path?from=Salim+M.+AlMalik&to=Sahiba%20Gafarova&k=2",
            "/api/timeline?entity=ICESCO&from=2024-03-25", "/api/stats?top=3", "/api/sources", "/api/entities?type=person",
            "/api/entity/nobody", "/", "/?q=" + HTMLText.urlComponent("الإيسيسكو"), "/entity/icesco", "/entity/cop29",
            "/connect?from=Salim+M.+AlMalik&to=Sahiba+Gafarova", "/connect?from=icesco&to=nobody",
        ])
    func sameAnswers(_ uri: String) async throws {
        try await withBothServers { postgres, sqlite in
            let fromPostgres = try await postgres.get(uri)
            let fromSQLite = try await sqlite.get(uri)
            #expect(fromPostgres.status == fromSQLite.status, "\(uri)")
            #expect(fromPostgres.type == fromSQLite.type, "\(uri)")
            if uri.hasPrefix("/?q=") {
                // Search ranks with each engine's own scoring (SQLite's bm25, PostgreSQL's
                // ts_rank): the hits are the same, near ties may come in another order.
                #expect(Self.lines(fromPostgres.body) == Self.lines(fromSQLite.body), "\(uri)")
            } else {
                #expect(Self.withoutScores(fromPostgres.body) == Self.withoutScores(fromSQLite.body), "\(uri)")
            }
        }
    }

    /// The page's elements, one per line, sorted.
    static func lines(_ html: String) -> [String] {
        html.replacingOccurrences(of: "><", with: ">\n<").split(separator: "\n").map(String.init).sorted()
    }

    /// `text` with the scores of search hits blanked.
    static func withoutScores(_ text: String) -> String {
        text.replacingOccurrences(of: #""score" : [0-9.e-]+"#, with: "\"score\" : S", options: .regularExpression)
    }

    @Test("a write through the API lands in PostgreSQL, and the entity's page shows it at once")
    func writeThenRead() async throws {
        try await withBothServers(writes: true) { postgres, _ in
            let before = try await postgres.get("/entity/icesco")
            #expect(!before.body.contains("Islamic Solidarity Fund"))
            let added = try await postgres.post(
                "/api/entities", json: #"{"type": "organization", "name": "Islamic Solidarity Fund"}"#, token: testToken)
            #expect(added.status == .created, "\(added.body)")
            let linked = try await postgres.post(
                "/api/relations", json: #"{"source": "Islamic Solidarity Fund", "type": "partner_of", "target": "ICESCO"}"#, token: testToken)
            #expect(linked.status == .created, "\(linked.body)")
            let after = try await postgres.get("/entity/icesco")
            #expect(after.body.contains("Islamic Solidarity Fund"))
            let refused = try await postgres.post("/api/entities", json: #"{"type": "person", "name": "X"}"#, token: "wrong-token-0123456789abc")
            #expect(refused.status == .forbidden)
        }
    }
}

private struct PostgresWebTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
