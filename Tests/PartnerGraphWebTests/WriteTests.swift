import Foundation
import Hummingbird
import HummingbirdTesting
import PartnerGraph
import Testing
@testable import PartnerGraphWeb

/// Writes over HTTP: refused by a read-only server, and on a writable one only with the token;
/// each is one change of the history, by `web:`.
struct WriteTests {
    static let newEntity = #"{"type": "org", "name": "Arab League Educational, Cultural and Scientific Organization", "key": "alecso", "aliases": [{"name": "ALECSO", "language": "en"}, {"name": "المنظمة العربية للتربية والثقافة والعلوم", "language": "ar"}]}"#

    @Test("A read-only server answers writes with 405 and a JSON error, and opened the database read-only")
    func readOnly() async throws {
        try await withServer { client, graph, database in
            for uri in ["/api/entities", "/api/relations"] {
                let response = try await client.post(uri, json: Self.newEntity, token: testToken)
                #expect(response.status == .methodNotAllowed)
                #expect(try errorDocument(response.body).error == "this server is read-only")
            }
            #expect(throws: PartnerGraphError.self, "the store's connection cannot write") {
                try graph.store.addEntity(NewEntity(type: .place, name: "Rabat"))
            }
            #expect(try database.store().history(limit: 5).count == 1, "only the example's change")
        }
    }

    @Test("Without the token a write is 401, with another token 403, and nothing is written")
    func tokenChecked() async throws {
        try await withServer(writes: true) { client, _, database in
            let missing = try await client.post("/api/entities", json: Self.newEntity)
            #expect(missing.status == .unauthorized)
            let wrong = try await client.post("/api/entities", json: Self.newEntity, token: "test-token-0123456789abcdeX")
            #expect(wrong.status == .forbidden)
            let short = try await client.post("/api/entities", json: Self.newEntity, token: "test")
            #expect(short.status == .forbidden)
            #expect(throws: PartnerGraphError.self) { try database.store().entity("alecso") }
        }
    }

    @Test("POST /api/entities adds as `add --json` does, recorded in the history by web:")
    func addEntity() async throws {
        try await withServer(writes: true) { client, _, database in
            let response = try await client.post("/api/entities", json: Self.newEntity, token: testToken)
            #expect(response.status == .created)
            let store = try database.store()
            let entity = try store.entity("المنظمة العربية للتربية والثقافة والعلوم")
            #expect(entity.key == "alecso")
            #expect(response.body == (try commandJSON(entity.ref)))
            let change = try #require(try store.history(limit: 1).first)
            #expect(change.user.hasPrefix("web:"))
            #expect(change.command.hasPrefix("POST /api/entities organization"))
        }
    }

    @Test("POST /api/relations links as `link --json` does, and the entity's page shows it at once")
    func link() async throws {
        try await withServer(writes: true) { client, _, database in
            _ = try await client.get("/entity/azerbaijan")
            _ = try await client.post("/api/entities", json: Self.newEntity, token: testToken)
            let response = try await client.post(
                "/api/relations",
                json: #"{"source": "ALECSO", "type": "partner_of", "target": "Azerbaijan", "start": "2024-05", "citations": [{"source": "icesco-2024-03-26", "quote": "a quote"}]}"#,
                token: testToken)
            #expect(response.status == .created, "\(response.body)")
            let profile = try database.store().profile(of: "alecso")
            let relation = try #require(profile.relations.first)
            #expect(relation.start?.description == "2024-05")
            #expect(relation.citations.first?.quote == "a quote")
            let page = try await client.get("/entity/azerbaijan")
            #expect(page.body.contains("<a href=\"/entity/alecso\">"), "the relation is listed")
            let svgStart = try #require(page.body.range(of: "<svg"))
            let svg = String(page.body[svgStart.lowerBound...])
            #expect(svg.contains("Arab League Educational"), "and drawn: the drawing of the older graph is not reused")
        }
    }

    @Test("A write the graph's rules refuse gets the command line's message, and writes nothing", arguments: [
        (#"{"source": "ICESCO", "type": "heads", "target": "Salim M. AlMalik"}"#, 400, "a heads relation cannot go from an organization to a person"),
        (#"{"source": "ICESCO", "type": "partner_of", "target": "Nobody"}"#, 404, "no entity matches \"Nobody\""),
        (#"{"source": "ICESCO", "type": "partner_of", "target": "Azerbaijan", "start": "2024-13"}"#, 400, "invalid date \"2024-13\""),
        (#"{"source": "ICESCO", "type": "partner_of", "target": "Azerbaijan", "rol": "x"}"#, 400, "unknown member \"rol\""),
        (#"{"source": "ICESCO", "type": "partner_of"}"#, 400, "no \"target\""),
        (#"{"source": 12, "type": "partner_of", "target": "Azerbaijan"}"#, 400, "\"source\" must be a string"),
        (#"not json"#, 400, "it is not JSON"),
        (#"{"source": "ICESCO", "type": "partner_of", "target": "UNFCCC", "citations": [{"source": "nowhere"}]}"#, 404, "nowhere"),
        (#"{"source": "ICESCO", "type": "partner_of", "target": "Azerbaijan"}"#, 409, "that relation already exists"),
    ])
    func refused(body: String, status: Int, message: String) async throws {
        try await withServer(writes: true) { client, _, database in
            let before = try database.store().history(limit: 1).first?.id
            let response = try await client.post("/api/relations", json: body, token: testToken)
            #expect(response.status.code == status, "\(response.body)")
            #expect(try errorDocument(response.body).error.contains(message), "\(response.body)")
            #expect(try database.store().history(limit: 1).first?.id == before, "nothing written")
        }
    }

    @Test("Adding a key that exists is a 409")
    func duplicate() async throws {
        try await withServer(writes: true) { client, _, _ in
            let response = try await client.post("/api/entities", json: #"{"type": "organization", "name": "ICESCO again", "key": "icesco"}"#, token: testToken)
            #expect(response.status == .conflict)
        }
    }

    @Test("A token is at least 16 printable characters, compared whole")
    func bearerToken() throws {
        #expect(throws: WebError.self) { try BearerToken("short") }
        #expect(throws: WebError.self) { try BearerToken("has a space in the middle of it") }
        let token = try BearerToken("  0123456789abcdef\n")
        #expect(token.accepts(authorization: "Bearer 0123456789abcdef"))
        #expect(token.accepts(authorization: "bearer 0123456789abcdef"))
        #expect(!token.accepts(authorization: "Bearer 0123456789abcde"))
        #expect(!token.accepts(authorization: "Bearer 0123456789abcdefX"))
        #expect(!token.accepts(authorization: "Basic 0123456789abcdef"))
        #expect(!token.accepts(authorization: nil))
    }
}

/// What `partnergraph serve` hands `partnergraph-serve`.
struct ServeSettingsTests {
    @Test("The settings survive the trip through the arguments; a bad one is named")
    func roundTrip() throws {
        let settings = ServeSettings(databasePath: "/data/team graph.sqlite", host: "::1", port: 0, allowWrites: true, tokenFile: "token.txt")
        #expect(try ServeSettings(arguments: settings.arguments) == settings)
        #expect(!settings.arguments.contains { $0.contains("Bearer") })
        #expect(throws: WebError.self) { try ServeSettings(arguments: ["--db", "x.sqlite", "--port", "70000"]) }
        #expect(throws: WebError.self) { try ServeSettings(arguments: ["--db", "x.sqlite", "--token", "secret"]) }
        #expect(throws: WebError.self) { try ServeSettings(arguments: ["--port", "8080"]) }
    }
}
