import Foundation
import Testing
@testable import PartnerGraph

@Suite("Mermaid export")
struct MermaidExportTests {
    @Test("a tiny graph comes out as this exact flowchart")
    func exactText() throws {
        let nodes = [
            ExportNode(
                key: "icesco", type: .organization, name: "ICESCO", nameLanguage: "en",
                aliases: [Alias(name: "ISESCO"), Alias(name: "الإيسيسكو", language: "ar")]),
            ExportNode(key: "salim-m-almalik", type: .person, name: "Salim M. AlMalik"),
            ExportNode(key: "uia", type: .organization, name: "UIA"),
        ]
        let edges = [
            ExportEdge(id: 1, source: "icesco", target: "uia", type: "partner_of"),
            ExportEdge(id: 2, source: "salim-m-almalik", target: "icesco", type: "heads", role: "Director-General"),
        ]
        let text = try ExportFixture.export(nodes: nodes, edges: edges) { MermaidWriter(sink: $0) }
        #expect(
            text == """
                flowchart LR
                  %% PartnerGraph: Whole graph
                  classDef organization fill:#DBEAFE,stroke:#1D4ED8,color:#111827
                  classDef person fill:#FFEDD5,stroke:#C2410C,color:#111827
                  classDef agreement fill:#DCFCE7,stroke:#15803D,color:#111827
                  classDef event fill:#F3E8FF,stroke:#7E22CE,color:#111827
                  classDef place fill:#FEF3C7,stroke:#B45309,color:#111827
                  n1["ICESCO<br/>الإيسيسكو"]:::organization
                  n2(["Salim M. AlMalik"]):::person
                  n3["UIA"]:::organization
                  n1 ---|"partner of"| n3
                  n2 -->|"heads · Director-General"| n1

                """)
    }

    @Test("each entity type has its own shape and class")
    func shapes() throws {
        let text = try ExportFixture.export { MermaidWriter(sink: $0) }
        #expect(text.contains(##"n1[/"ICESCO–Azerbaijan Action Plan 2024–2025<br/>خطة العمل المشتركة"/]:::agreement"##))
        #expect(text.contains(##"n3(("Baku<br/>باكو")):::place"##))
        #expect(text.contains(##"n4{{"Baku Forum 2024"}}:::event"##))
        #expect(text.contains(##"n7(["Salim M. AlMalik<br/>سالم بن محمد المالك"]):::person"##))
        #expect(text.contains(##"n7 -->|"participated in · keynote speaker"| n4"##))
    }

    @Test("hostile names stay inside their label: no quote, bracket, pipe, HTML, directive or new line gets out")
    func hostileLabels() throws {
        let hostile = [
            "A\"] --> X[\"pwned", "<img src=x onerror=alert(1)>", "x\nclick n1 call alert()", "%%{init: {'theme':'dark'}}%%",
            "`**bold**`", "a|b", "#quot; & &amp; #35;", "end", "ﬂ°°60¶ß", "}} ]) )) /] ;",
        ]
        let nodes = hostile.enumerated().map { ExportNode(key: "k\($0.offset)", type: .event, name: $0.element) }
        let edges = [ExportEdge(id: 1, source: "k0", target: "k1", type: "x\"|y", role: "r|\"]\n<b>")]
        let text = try ExportFixture.export(nodes: nodes, edges: edges) { MermaidWriter(sink: $0) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // One line per node and edge, after the header and seven classDef and comment lines.
        #expect(lines.count == 7 + hostile.count + 1 + 1)
        for (index, line) in lines.enumerated() where line.hasPrefix("  n") {
            // Each node line: an id, the shape's opening, one quoted label, the closing and a class.
            let quotes = line.filter { $0 == "\"" }.count
            #expect(quotes == 2, "line \(index) has \(quotes) double quotes: \(line)")
            let inside = line.split(separator: "\"", omittingEmptySubsequences: false)[1]
            let bare = String(inside).replacingOccurrences(of: "<br/>", with: "").replacing(try Regex("#[0-9A-Za-z]+;"), with: "")
            for forbidden: Character in ["<", ">", "[", "]", "{", "}", "(", ")", "|", "`", "%", ";", "&", "#", "\n"] {
                #expect(!bare.contains(forbidden), "label on line \(index) shows \(forbidden) raw: \(inside)")
            }
        }
        #expect(text.contains(##"n1{{"A#quot;#93; --#gt; X#91;#quot;pwned"}}:::event"##))
        #expect(text.contains(##"n2{{"#lt;img src#61;x onerror#61;alert#40;1#41;#gt;"}}:::event"##))
        #expect(text.contains(##"n3{{"x click n1 call alert#40;#41;"}}:::event"##))
        #expect(text.contains(##"n5{{"#96;#42;#42;bold#42;#42;#96;"}}:::event"##))
        #expect(text.contains(##"n7{{"#35;quot#59; #amp; #amp;amp#59; #35;35#59;"}}:::event"##))
        #expect(text.contains(##"n9{{"#64258;°°60¶ß"}}:::event"##))
        #expect(text.contains(##"n1 -->|"x#quot;#124;y · r#124;#quot;#93; #lt;b#gt;"| n2"##))
        #expect(!text.contains("%%{"))
    }

    @Test("more than 300 entities are refused with a message naming --force, --around and --type")
    func refusesLargeCharts() throws {
        let header = ExportHeader(caption: "Whole graph", nodeCount: 301, edgeCount: 0)
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = try ExportSink(path: folder.appendingPathComponent("big.mmd").path)
        defer { sink.discard() }
        var writer = MermaidWriter(sink: sink)
        #expect(throws: ExportError.tooLargeForMermaid(nodes: 301, limit: 300)) { try writer.begin(header) }
        let message = ExportError.tooLargeForMermaid(nodes: 301, limit: 300).description
        for flag in ["--force", "--around", "--type", "301", "300"] {
            #expect(message.contains(flag), "the message should name \(flag): \(message)")
        }
        #expect(sink.byteCount == 0)
    }

    @Test("300 entities pass, and force writes more")
    func forceWritesLargeCharts() throws {
        let nodes = (1...301).map { ExportNode(key: String(format: "org-%03d", $0), type: .organization, name: "Org \($0)") }
        let forced = try ExportFixture.export(nodes: nodes, edges: []) { MermaidWriter(sink: $0, force: true) }
        #expect(forced.contains(##"n301["Org 301"]:::organization"##))
        let limit = try ExportFixture.export(nodes: Array(nodes.prefix(300)), edges: []) { MermaidWriter(sink: $0) }
        #expect(limit.contains(##"n300["Org 300"]:::organization"##))
    }
}
