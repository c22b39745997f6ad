import Foundation
import Hummingbird
import HummingbirdTesting
import PartnerGraph
import Testing
@testable import PartnerGraphWeb

/// The pages a person reads: search, entity, connection.
struct PageTests {
    @Test("The search page is a form that works without script, in English with Arabic names right to left")
    func searchForm() async throws {
        try await withServer { client, _, _ in
            let page = try await client.get("/")
            #expect(page.status == .ok)
            #expect(page.type == "text/html; charset=utf-8")
            #expect(page.body.contains("<html lang=\"en\">"))
            #expect(page.body.contains("<form action=\"/\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\""))
            #expect(!page.body.contains("<script"))
            #expect(!page.body.contains("src=\"http"), "no external asset")
        }
    }

    @Test("Searching الإيسيسكو finds ICESCO, links to its page and shows its names in every language")
    func searchResults() async throws {
        try await withServer { client, _, _ in
            let page = try await client.get("/?q=" + encoded("الإيسيسكو"))
            #expect(page.status == .ok)
            #expect(page.body.contains("<a href=\"/entity/icesco\"><bdi dir=\"auto\">ICESCO</bdi></a>"))
            #expect(page.body.contains("<bdi dir=\"auto\" lang=\"ar\">منظمة العالم الإسلامي للتربية والعلوم والثقافة</bdi>"))
            #expect(page.body.contains("Islamic World Educational, Scientific and Cultural Organization"))
        }
    }

    @Test("A search that finds nothing says so")
    func searchNothing() async throws {
        try await withServer { client, _, _ in
            let page = try await client.get("/?q=zzzqqq")
            #expect(page.status == .ok)
            #expect(page.body.contains("Nothing matches <bdi dir=\"auto\">zzzqqq</bdi>"))
        }
    }

    @Test("The entity page shows what `show` prints, grouped by phrase, with sources, quotes and a drawing")
    func entityPage() async throws {
        try await withServer { client, _, database in
            let page = try await client.get("/entity/icesco")
            #expect(page.status == .ok)
            let profile = try database.store().profile(of: "icesco")
            #expect(page.body.contains("<h1><bdi dir=\"auto\" lang=\"en\">ICESCO</bdi></h1>"))
            #expect(page.body.contains("<p class=\"meta\">icesco · organization · igo</p>"))
            #expect(page.body.contains("<h2>Relations (\(profile.relations.count))</h2>"))
            #expect(page.body.contains("<h3>headed by</h3>"))
            #expect(page.body.contains("<a href=\"/entity/salim-m-almalik\"><bdi dir=\"auto\">Salim M. AlMalik</bdi></a> — <bdi dir=\"auto\">Director-General</bdi>"))
            #expect(page.body.contains("<dt>headquarters</dt><dd dir=\"auto\">Rabat</dd>"))
            #expect(page.body.contains("<cite title=\"التأكيد على تعزيز الشراكة"))
            // The drawing: inline SVG from the renderer, every neighbour labelled.
            let svgStart = try #require(page.body.range(of: "<svg"))
            let svg = String(page.body[svgStart.lowerBound...])
            #expect(!page.body.contains("<?xml"), "the XML declaration is not allowed inside HTML")
            for relation in profile.relations { #expect(svg.contains(relation.other.name), "\(relation.other.name) is drawn") }
        }
    }

    @Test("An entity page is found by any name, the drawing cached until the graph changes")
    func entityByAliasAndCache() async throws {
        try await withServer { client, graph, _ in
            let byAlias = try await client.get("/entity/" + encoded("الإيسيسكو"))
            #expect(byAlias.status == .ok)
            #expect(graph.drawings.count == 1)
            let again = try await client.get("/entity/icesco")
            #expect(again.body == byAlias.body, "the same page")
            #expect(graph.drawings.count == 1, "drawn once")
        }
    }

    @Test("The connection page prints the paths hop by hop, with quotes, and draws them")
    func connectPage() async throws {
        try await withServer { client, _, _ in
            let page = try await client.get("/connect?from=Salim+M.+AlMalik&to=Sahiba+Gafarova&k=2")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h2>Path 1 of 2, "))
            #expect(page.body.contains("<h2>Path 2 of 2, "))
            #expect(page.body.contains("participated in"))
            #expect(page.body.contains("<cite title="))
            #expect(page.body.contains("<svg"))
            #expect(page.body.contains("value=\"Salim M. AlMalik\""), "the form keeps what was asked")
            let empty = try await client.get("/connect")
            #expect(empty.status == .ok)
            #expect(empty.body.contains("<form action=\"/connect\" method=\"get\""))
        }
    }

    @Test("A name that is markup shows as text on every page and in the drawing")
    func hostileNames() async throws {
        try await withServer(writes: true) { client, _, _ in
            let script = "<script>alert(1)</script>"
            let added = try await client.post(
                "/api/entities", json: #"{"type": "organization", "name": "<script>alert(1)</script>", "key": "hostile", "aliases": [{"name": "\"><img src=x onerror=alert(2)>", "language": "en"}], "attributes": {"motto": "</dd><script>alert(3)</script>"}}"#,
                token: testToken)
            #expect(added.status == .created, "\(added.body)")
            let linked = try await client.post(
                "/api/relations", json: #"{"source": "hostile", "type": "partner_of", "target": "ICESCO", "note": "<b onmouseover=alert(4)>x</b>"}"#, token: testToken)
            #expect(linked.status == .created, "\(linked.body)")
            for uri in ["/entity/hostile", "/entity/icesco", "/?q=alert", "/connect?from=hostile&to=Azerbaijan"] {
                let page = try await client.get(uri)
                #expect(page.status == .ok, "\(uri)")
                #expect(!page.body.contains("<script"), "\(uri) holds no script element")
                #expect(!page.body.contains("<img"), "\(uri)")
                #expect(!page.body.contains("<b onmouseover"), "\(uri)")
            }
            let page = try await client.get("/entity/hostile")
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(page.body.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
            _ = script
        }
    }
}
