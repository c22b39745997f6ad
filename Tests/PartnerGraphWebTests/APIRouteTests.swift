import Foundation
import Hummingbird
import HummingbirdTesting
import PartnerGraph
import Testing
@testable import PartnerGraphWeb

/// Every route of the JSON API answers with the document its command prints with `--json`.
struct APIRouteTests {
    @Test("GET /api/entity/{name} is `show --json`, found by any name (here the Arabic one)")
    func entity() async throws {
        try await withServer { client, _, database in
            let response = try await client.get("/api/entity/" + encoded("الإيسيسكو"))
            #expect(response.status == .ok)
            #expect(response.type == "application/json; charset=utf-8")
            #expect(response.body == (try commandJSON(try database.store().profile(of: "icesco"))))
            #expect(response.body.contains("\"key\" : \"icesco\""))
        }
    }

    @Test("GET /api/search is `search --json`, with limit and type")
    func search() async throws {
        try await withServer { client, _, database in
            let response = try await client.get("/api/search?q=" + encoded("أذربيجان") + "&limit=5&type=organization")
            #expect(response.status == .ok)
            let expected = try database.store().search(SearchQuery("أذربيجان", limit: 5, entityTypes: [.organization]))
            #expect(response.body == (try commandJSON(expected)))
            #expect(expected.hits.contains { $0.key == "azerbaijan" })
        }
    }

    @Test("GET /api/neighbors/{name} is `neighbors --json`, with depth, type and traversal options")
    func neighbors() async throws {
        try await withServer { client, _, database in
            let response = try await client.get("/api/neighbors/icesco?depth=2&type=person&exclude_relation=partner_of")
            #expect(response.status == .ok)
            let expected = try database.store().neighbors(
                NeighborQuery(entity: "icesco", depth: 2, excludeRelations: ["partner_of"], entityTypes: [.person]))
            #expect(response.body == (try commandJSON(expected)))
            #expect(expected.neighbors.contains { $0.entity.key == "salim-m-almalik" })
        }
    }

    @Test("GET /api/path is `path --json`: two paths, one avoided entity, form-encoded names")
    func path() async throws {
        try await withServer { client, _, database in
            let response = try await client.get(
                "/api/path?from=Salim+M.+AlMalik&to=Sahiba%20Gafarova&k=2&avoid=" + encoded("Meeting of AlMalik and Gafarova in Geneva"))
            #expect(response.status == .ok)
            let expected = try database.store().paths(
                PathQuery(from: "Salim M. AlMalik", to: "Sahiba Gafarova", k: 2, avoid: ["Meeting of AlMalik and Gafarova in Geneva"]))
            #expect(expected.count == 2)
            #expect(response.body == (try commandJSON(expected)))
        }
    }

    @Test("GET /api/timeline is `timeline --json`")
    func timeline() async throws {
        try await withServer { client, _, database in
            let response = try await client.get("/api/timeline?from=2024-03-25&entity=ICESCO")
            #expect(response.status == .ok)
            let expected = try database.store().timeline(TimelineQuery(entity: "ICESCO", from: try PartialDate("2024-03-25")))
            #expect(!expected.entries.isEmpty)
            #expect(response.body == (try commandJSON(expected)))
        }
    }

    @Test("GET /api/stats, /api/sources and /api/entities are `stats`, `source list` and `list --json`")
    func listings() async throws {
        try await withServer { client, _, database in
            let store = try database.store()
            let stats = try await client.get("/api/stats?top=3")
            #expect(stats.status == .ok)
            #expect(stats.body == (try commandJSON(try store.stats(top: 3))))
            let sources = try await client.get("/api/sources")
            #expect(sources.body == (try commandJSON(try store.sources())))
            #expect(sources.body.contains("icesco-2024-03-26"))
            let people = try await client.get("/api/entities?type=person")
            #expect(people.body == (try commandJSON(try store.entities(type: .person))))
            #expect(people.body.contains("sahiba-gafarova") && !people.body.contains("\"icesco\""))
        }
    }
}
