import Foundation
import Testing

@testable import PartnerGraph

/// GEXFWriter: GEXF 1.3 that networkx (and so Gephi's format) reads, with partial dates as
/// whole-day intervals for Gephi's timeline.
@Suite struct GEXFWriterTests {
    @Test(arguments: [
        // (date, start, end) → the start and end attributes
        ("", "2024", "", #" start="2024-01-01""#),
        ("", "", "2024", #" end="2024-12-31""#),
        ("", "2024", "2024", #" start="2024-01-01" end="2024-12-31""#),
        ("", "2021-05", "2024-02", #" start="2021-05-01" end="2024-02-29""#),
        ("2024-03-26", "", "", #" start="2024-03-26" end="2024-03-26""#),
        ("2023-02", "", "", #" start="2023-02-01" end="2023-02-28""#),
        ("", "", "", ""),
    ])
    func partialDatesBecomeWholeDays(date: String, start: String, end: String, expected: String) throws {
        func parse(_ text: String) throws -> PartialDate? { text.isEmpty ? nil : try PartialDate(text) }
        #expect(GEXFWriter.interval(date: try parse(date), start: try parse(start), end: try parse(end)) == expected)
    }

    @Test func writesADynamicGraphWithDeclaredAttributes() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try XMLSample.export(to: folder.appendingPathComponent("g.gexf")) { GEXFWriter(sink: $0) }
        let text = String(decoding: data, as: UTF8.self)
        #expect(XMLSample.isWellFormed(data), "the output must be well-formed XML")
        #expect(text.contains(#"<gexf xmlns="http://gexf.net/1.3""#) && text.contains(#"version="1.3">"#))
        #expect(text.contains(#"<graph mode="dynamic" defaultedgetype="directed" timeformat="date">"#))
        #expect(text.contains(#"<attribute id="7" title="name_ar" type="string"/>"#))
        #expect(text.contains(#"<attribute id="11" title="attr_web site" type="string"/>"#))
        #expect(text.contains(#"<node id="icesco" label="ICESCO" start="1982-01-01">"#))
        #expect(text.contains(
            #"<edge id="r7" source="salim-m-almalik" target="icesco" label="heads" start="2021-05-01">"#))
        #expect(text.contains(
            #"<edge id="r9" source="hostile-1" target="icesco" label="partner_of" start="2024-03-26" end="2024-03-26">"#))
        #expect(text.contains(#"<attvalue for="7" value="الإيسيسكو&#10;منظمة العالم الإسلامي للتربية والعلوم والثقافة"/>"#),
            "a line feed in an attribute value is a character reference, or parsers would make it a space")
        #expect(text.contains(#"label="&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt; ]]&gt; 'q'\#u{FFFD}\#u{FFFD}&#9;end""#))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func sameCallsGiveSameBytes() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try XMLSample.export(to: folder.appendingPathComponent("a.gexf")) { GEXFWriter(sink: $0) }
        let second = try XMLSample.export(to: folder.appendingPathComponent("b.gexf")) { GEXFWriter(sink: $0) }
        #expect(first == second)
    }

    @Test func writesAGraphWithoutEdges() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try XMLSample.export(to: folder.appendingPathComponent("n.gexf"), edges: []) { GEXFWriter(sink: $0) }
        #expect(XMLSample.isWellFormed(data))
        #expect(String(decoding: data, as: UTF8.self).contains("    </nodes>\n    <edges>\n    </edges>\n  </graph>\n</gexf>\n"))
    }

    struct NetworkxView: Decodable {
        var nodes: Int
        var edges: Int
        var mode: String
        var label: String
        var name_ar: String
        var hostile: String
        var hostile_note: String
        var heads_start: String
        var heads_end: String?
        var member_start: String
        var member_end: String
        var partner_start: String
        var partner_end: String
        var role: String
        var edge_label: String
        var dates: String
    }

    @Test func networkxReadsOurGEXF() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("graph.gexf")
        _ = try XMLSample.export(to: file) { GEXFWriter(sink: $0) }
        let view = try runNetworkx(
            """
            g = nx.read_gexf(sys.argv[1])
            def edge(u, v):
                return g.edges[u, v]  # networkx makes a simple DiGraph of a file without parallel edges
            heads = edge("salim-m-almalik", "icesco")
            member = edge("icesco", "hostile-1")
            partner = edge("hostile-1", "icesco")
            print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "mode": g.graph["mode"],
                "label": g.nodes["icesco"]["label"], "name_ar": g.nodes["icesco"]["name_ar"],
                "hostile": g.nodes["hostile-1"]["label"], "hostile_note": g.nodes["hostile-1"]["note"],
                "heads_start": heads["start"], "heads_end": heads.get("end"), "member_start": member["start"],
                "member_end": member["end"], "partner_start": partner["start"], "partner_end": partner["end"],
                "role": heads["role"], "edge_label": heads["label"], "dates": member["dates"]}))
            """, arguments: [file.path], in: folder, as: NetworkxView.self)
        #expect(view.nodes == 3)
        #expect(view.edges == 3)
        #expect(view.mode == "dynamic")
        #expect(view.label == "ICESCO")
        #expect(view.name_ar == "الإيسيسكو\nمنظمة العالم الإسلامي للتربية والعلوم والثقافة")
        #expect(view.hostile == XMLSample.hostileNameAsCarried)
        #expect(view.hostile_note == XMLSample.hostileNote)
        #expect(view.heads_start == "2021-05-01" && view.heads_end == nil, "a start without an end is open")
        #expect(view.member_start == "2024-01-01" && view.member_end == "2024-12-31")
        #expect(view.partner_start == "2024-03-26" && view.partner_end == "2024-03-26")
        #expect(view.role == "Director-General")
        #expect(view.edge_label == "heads")
        #expect(view.dates == "2024–2024")
    }
}
