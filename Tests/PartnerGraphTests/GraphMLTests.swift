import Foundation
import Testing

@testable import PartnerGraph

#if canImport(FoundationXML)
import FoundationXML
#endif

/// GraphMLWriter's output (exact text, escaping, networkx reading it) and GraphMLReader
/// (networkx, yEd, defaults, every refusal, and our own output read back).
@Suite struct GraphMLWriterTests {
    @Test func writesTypedKeysNodesAndEdgesExactly() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = ExportHeader(caption: "ICESCO", nodeCount: 1, edgeCount: 1, aliasLanguages: ["ar"], attributeKeys: ["founded"])
        let node = ExportNode(
            key: "icesco", type: .organization, name: "ICESCO", kind: "igo", start: try PartialDate("1982"),
            aliases: [Alias(name: "الإيسيسكو", language: "ar")], attributes: [("founded", "1979")],
            citations: [CitationRef(source: "src-1")])
        let edge = ExportEdge(id: 7, source: "icesco", target: "icesco", type: "partner_of", role: "host")
        let data = try XMLSample.export(to: folder.appendingPathComponent("one.graphml"), header: header, nodes: [node], edges: [edge]) {
            GraphMLWriter(sink: $0)
        }
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="d0" for="graph" attr.name="caption" attr.type="string"/>
              <key id="d1" for="graph" attr.name="filters" attr.type="string"/>
              <key id="d2" for="node" attr.name="key" attr.type="string"/>
              <key id="d3" for="node" attr.name="type" attr.type="string"/>
              <key id="d4" for="node" attr.name="kind" attr.type="string"/>
              <key id="d5" for="node" attr.name="name" attr.type="string"/>
              <key id="d6" for="node" attr.name="name_language" attr.type="string"/>
              <key id="d7" for="node" attr.name="name_ar" attr.type="string"/>
              <key id="d8" for="node" attr.name="date" attr.type="string"/>
              <key id="d9" for="node" attr.name="start" attr.type="string"/>
              <key id="d10" for="node" attr.name="end" attr.type="string"/>
              <key id="d11" for="node" attr.name="note" attr.type="string"/>
              <key id="d12" for="node" attr.name="attr_founded" attr.type="string"/>
              <key id="d13" for="node" attr.name="sources" attr.type="string"/>
              <key id="d14" for="edge" attr.name="type" attr.type="string"/>
              <key id="d15" for="edge" attr.name="role" attr.type="string"/>
              <key id="d16" for="edge" attr.name="start" attr.type="string"/>
              <key id="d17" for="edge" attr.name="end" attr.type="string"/>
              <key id="d18" for="edge" attr.name="date" attr.type="string"/>
              <key id="d19" for="edge" attr.name="note" attr.type="string"/>
              <key id="d20" for="edge" attr.name="sources" attr.type="string"/>
              <graph id="G" edgedefault="directed">
                <data key="d0">ICESCO</data>
                <node id="icesco">
                  <data key="d2">icesco</data>
                  <data key="d3">organization</data>
                  <data key="d4">igo</data>
                  <data key="d5">ICESCO</data>
                  <data key="d7">الإيسيسكو</data>
                  <data key="d9">1982</data>
                  <data key="d12">1979</data>
                  <data key="d13">src-1</data>
                </node>
                <edge id="r7" source="icesco" target="icesco">
                  <data key="d14">partner_of</data>
                  <data key="d15">host</data>
                </edge>
              </graph>
            </graphml>

            """
        #expect(String(decoding: data, as: UTF8.self) == expected)
    }

    @Test func escapesHostileTextAndDropsWhatXMLCannotCarry() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try XMLSample.export(to: folder.appendingPathComponent("g.graphml")) { GraphMLWriter(sink: $0) }
        let text = String(decoding: data, as: UTF8.self)
        #expect(XMLSample.isWellFormed(data), "the output must be well-formed XML")
        #expect(text.contains("&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt; ]]&gt; 'q'\u{FFFD}\u{FFFD}\tend"))
        #expect(!text.contains("<script>"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" },
            "no control character but line feed and tab may reach the file")
        #expect(text.contains("line 2&#13;\nline 3 &amp; &lt;b&gt;"), "a carriage return survives as a reference")
        #expect(text.contains("attr.name=\"attr_web site\""), "attribute keys are kept exactly")
        #expect(text.contains("<data key=\"d7\">الإيسيسكو\nمنظمة العالم الإسلامي للتربية والعلوم والثقافة</data>"))
        #expect(text.contains("icesco-2024-03-26 wam-2024</data>"), "each cited source once, by key")
        #expect(text.contains("<data key=\"d1\">relations: heads · as of 2024</data>"))
    }

    @Test func sameCallsGiveSameBytes() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try XMLSample.export(to: folder.appendingPathComponent("a.graphml")) { GraphMLWriter(sink: $0) }
        let second = try XMLSample.export(to: folder.appendingPathComponent("b.graphml")) { GraphMLWriter(sink: $0) }
        #expect(first == second)
    }

    @Test func refusesANodeWithAnUndeclaredLanguage() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let node = ExportNode(key: "a", type: .place, name: "A", aliases: [Alias(name: "B", language: "de")])
        #expect(throws: XMLExportError.undeclaredAliasLanguage("de", entity: "a")) {
            _ = try XMLSample.export(
                to: folder.appendingPathComponent("x.graphml"), header: ExportHeader(caption: "", nodeCount: 1, edgeCount: 0),
                nodes: [node], edges: []
            ) { GraphMLWriter(sink: $0) }
        }
    }

    struct NetworkxView: Decodable {
        var nodes: Int
        var edges: Int
        var directed: Bool
        var name_ar: String
        var name_fr: String
        var name_und: String
        var hostile: String
        var hostile_note: String
        var web_site: String
        var role: String
        var edge_sources: String
        var edge_note: String
    }

    @Test func networkxReadsOurGraphML() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("graph.graphml")
        _ = try XMLSample.export(to: file) { GraphMLWriter(sink: $0) }
        let view = try runNetworkx(
            """
            g = nx.read_graphml(sys.argv[1])
            icesco = g.nodes["icesco"]
            hostile = g.nodes["hostile-1"]
            heads = g.edges["salim-m-almalik", "icesco"]
            partner = g.edges["hostile-1", "icesco"]
            print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(),
                "name_ar": icesco["name_ar"], "name_fr": icesco["name_fr"], "name_und": icesco["name_und"],
                "hostile": hostile["name"], "hostile_note": hostile["note"], "web_site": hostile["attr_web site"],
                "role": heads["role"], "edge_sources": partner["sources"], "edge_note": partner["note"]}))
            """, arguments: [file.path], in: folder, as: NetworkxView.self)
        #expect(view.nodes == 3)
        #expect(view.edges == 3)
        #expect(view.directed)
        #expect(view.name_ar == "الإيسيسكو\nمنظمة العالم الإسلامي للتربية والعلوم والثقافة")
        #expect(view.name_fr == "Organisation du monde islamique pour l'éducation, la science et la culture")
        #expect(view.name_und == "ISESCO\nIslamic World Educational, Scientific and Cultural Organization")
        #expect(view.hostile == XMLSample.hostileNameAsCarried)
        #expect(view.hostile_note == XMLSample.hostileNote)
        #expect(view.web_site == "https://example.org/?a=1&b=<2>")
        #expect(view.role == "Director-General")
        #expect(view.edge_sources == "wam-2024")
        #expect(view.edge_note == "&<>\"\u{FFFD}")
    }
}

@Suite struct GraphMLReaderTests {
    let reader = GraphMLReader(vocabulary: XMLSample.vocabulary)

    /// Reads GraphML text, failing with the error's message when it throws.
    func read(_ text: String, reader: GraphMLReader? = nil) throws -> InterchangeDocument {
        try (reader ?? self.reader).read(Data(text.utf8), file: "test.graphml")
    }

    /// The error a GraphML text gives, or `nil` with a recorded issue when it reads.
    func error(_ text: String, reader: GraphMLReader? = nil) -> GraphMLImportError? {
        error(Data(text.utf8), reader: reader)
    }

    func error(_ data: Data, reader: GraphMLReader? = nil) -> GraphMLImportError? {
        do {
            _ = try (reader ?? self.reader).read(data, file: "test.graphml")
            Issue.record("expected the file to be refused")
            return nil
        } catch let error as GraphMLImportError {
            #expect(error.description.contains("Nothing was imported."))
            return error
        } catch {
            Issue.record("expected a GraphMLImportError, got \(error)")
            return nil
        }
    }

    /// A GraphML document around some keys and graph content.
    func graphML(keys: String = "", _ body: String, edgeDefault: String = "directed") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="name" for="node" attr.name="name" attr.type="string"/>
        <key id="type" for="node" attr.name="type" attr.type="string"/>
        <key id="rel" for="edge" attr.name="type" attr.type="string"/>
        \(keys)
        <graph id="G" edgedefault="\(edgeDefault)">
        \(body)
        </graph>
        </graphml>
        """
    }

    func problems(_ error: GraphMLImportError?) -> [GraphMLImportError.Problem] {
        if case let .invalidFile(_, problems, _)? = error { return problems }
        Issue.record("expected problems, got \(String(describing: error))")
        return []
    }

    // MARK: Our own output

    @Test func readsBackWhatTheWriterWrote() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try XMLSample.export(to: folder.appendingPathComponent("g.graphml")) { GraphMLWriter(sink: $0) }
        let document = try reader.read(data, file: "g.graphml")
        #expect(document.entities.map(\.key) == ["hostile-1", "icesco", "salim-m-almalik"])
        let byKey = Dictionary(uniqueKeysWithValues: document.entities.map { ($0.key, $0) })
        for node in XMLSample.nodes {
            let entity = try #require(byKey[node.key])
            #expect(entity.type == node.type)
            #expect(entity.nameLanguage == node.nameLanguage)
            #expect(entity.start == node.start && entity.end == node.end && entity.date == node.date)
            #expect(entity.note == node.note)
            #expect(entity.attributes == Dictionary(uniqueKeysWithValues: node.attributes.map { ($0.key, $0.value) }))
            #expect(entity.citations.map(\.source) == Array(Set(node.citations.map(\.source))).sorted())
            // Aliases come back grouped by language, each language's names in their order;
            // "und" means no language.
            let written = node.aliases.map { Alias(name: $0.name, language: $0.language == "und" ? nil : $0.language) }
            for language in Set(written.map(\.language)) {
                #expect(entity.aliases.filter { $0.language == language } == written.filter { $0.language == language })
            }
            #expect(entity.aliases.count == written.count)
        }
        #expect(byKey["hostile-1"]?.name == XMLSample.hostileNameAsCarried)
        #expect(byKey["hostile-1"]?.kind == "a\u{FFFD}b")
        #expect(byKey["salim-m-almalik"]?.name == "سالم بن محمد المالك")

        #expect(document.relations.count == 3)
        for (relation, edge) in zip(document.relations, XMLSample.edges) {
            #expect(relation.source == edge.source && relation.target == edge.target && relation.type == edge.type)
            #expect(relation.role == edge.role)
            #expect(relation.start == edge.start && relation.end == edge.end && relation.date == edge.date)
            #expect(relation.citations == edge.citations.map { CitationRef(source: $0.source) })
        }
        #expect(document.relations[0].note == "&<>\"\u{FFFD}")
    }

    // MARK: Other tools' files

    @Test func readsGraphMLWrittenByNetworkx() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nx.graphml")
        // An undirected networkx graph: the `heads` edge is added organization first, and must
        // come back turned round, from the person to the organization.
        struct Done: Decodable { var written: Bool }
        _ = try runNetworkx(
            """
            g = nx.Graph()
            g.add_node("icesco", name="ICESCO", type="organization", name_ar="الإيسيسكو", weight=0.5, member=True, x=1.0, y=2.0, size=10.0)
            g.add_node("salim", name="Salim M. AlMalik", type="person", start="2021-05")
            g.add_node("baku", label="Baku")
            g.add_edge("icesco", "salim", type="heads", role="Director-General", weight=2.0)
            g.add_edge("icesco", "baku", weight=1.0)
            nx.write_graphml(g, sys.argv[1])
            print(json.dumps({"written": True}))
            """, arguments: [file.path], in: folder, as: Done.self)
        let reader = GraphMLReader(defaultType: .place, defaultRelation: "member_of", vocabulary: XMLSample.vocabulary)
        let document = try reader.read(try Data(contentsOf: file), file: "nx.graphml")
        #expect(document.entities.map(\.key) == ["baku", "icesco", "salim"])
        let icesco = document.entities[1]
        #expect(icesco.name == "ICESCO" && icesco.type == .organization)
        #expect(icesco.aliases == [Alias(name: "الإيسيسكو", language: "ar")])
        #expect(icesco.attributes == ["weight": "0.5", "member": "true"], "layout attributes dropped, others kept as text")
        #expect(document.entities[0].name == "Baku" && document.entities[0].type == .place, "label as name, default type")
        #expect(document.entities[2].start == (try PartialDate("2021-05")))
        let heads = try #require(document.relations.first { $0.type == "heads" })
        #expect(heads.source == "salim" && heads.target == "icesco" && heads.role == "Director-General")
        let member = try #require(document.relations.first { $0.type == "member_of" })
        #expect(
            member.source == "baku" && member.target == "icesco",
            "an edge without a type takes the default, and an undirected one turns round to fit it (place → organization)")
    }

    @Test func readsAYEdFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/GraphML/yed-partners.graphml")
        let reader = GraphMLReader(defaultType: .organization, defaultRelation: "member_of", vocabulary: XMLSample.vocabulary)
        let document = try reader.read(try Data(contentsOf: file), file: "yed-partners.graphml")
        let names = Dictionary(uniqueKeysWithValues: document.entities.map { ($0.key, $0.name) })
        #expect(names == [
            "n0": "ICESCO", "n1": "وزارة التربية الأذربيجانية", "n2": "Baku Summit 2024", "azerbaijan": "Azerbaijan",
        ], "the first NodeLabel names a node; an id that is no key gives way to the name's slug")
        #expect(document.entities.first { $0.key == "n0" }?.attributes == ["url": "https://icesco.org"])
        #expect(document.entities.first { $0.key == "n1" }?.attributes == ["description": "Minister of Education"])
        #expect(document.relations.map(\.type) == ["partner_of", "member_of"], "the EdgeLabel names the relation type")
        #expect(document.relations.map(\.target) == ["n1", "azerbaijan"])
    }

    @Test func appliesKeyDefaultsToNodesWithoutData() throws {
        let document = try read(
            graphML(
                keys: """
                    <key id="k" for="node" attr.name="kind" attr.type="string"><default>igo</default></key>
                    <key id="t2" for="all" attr.name="note" attr.type="string"><default>from the 2024 list</default></key>
                    """,
                """
                <node id="a"><data key="name">A</data><data key="type">organization</data></node>
                <node id="b"><data key="name">B</data><data key="type">organization</data><data key="k">ngo</data></node>
                <edge source="a" target="b"><data key="rel">partner_of</data></edge>
                """))
        #expect(document.entities.map(\.kind) == ["igo", "ngo"])
        #expect(document.entities.map(\.note) == ["from the 2024 list", "from the 2024 list"])
        #expect(document.relations.first?.note == "from the 2024 list", "a key for all applies to edges too")
    }

    @Test func readsTypedValuesAsText() throws {
        let document = try read(
            graphML(
                keys: """
                    <key id="w" for="node" attr.name="weight" attr.type="double"/>
                    <key id="n" for="node" attr.name="members" attr.type="long"/>
                    <key id="f" for="node" attr.name="active" attr.type="boolean"/>
                    """,
                """
                <node id="a"><data key="name">A</data><data key="type">org</data><data key="w">1.5e3</data>
                <data key="n"> 57 </data><data key="f">true</data></node>
                """))
        #expect(document.entities.first?.attributes == ["weight": "1.5e3", "members": "57", "active": "true"])
        #expect(document.entities.first?.type == .organization, "the short spellings of entity types are read too")
    }

    // MARK: Refusals

    @Test func reportsDuplicateNodeIDsEdgesToMissingNodesAndBadDates() throws {
        let found = problems(error(graphML(
            keys: #"<key id="s" for="all" attr.name="start" attr.type="string"/>"#,
            """
            <node id="a"><data key="name">A</data><data key="type">organization</data></node>
            <node id="a"><data key="name">A again</data><data key="type">organization</data></node>
            <node id="c"><data key="name">C</data><data key="type">organization</data><data key="s">2024-13</data></node>
            <edge id="e1" source="a" target="ghost"><data key="rel">partner_of</data></edge>
            """)))
        #expect(found.map(\.line) == [9, 10, 11])
        #expect(found[0].message.contains("the node id \"a\" is used already on line 8"))
        #expect(found[1].message.contains("the month must be 01 to 12"))
        #expect(found[2].message.contains("edge \"e1\" goes to node \"ghost\", which the file does not declare"))
        #expect(found[0].description.hasPrefix("test.graphml:9: "))
    }

    @Test func asksForADefaultTypeAndADefaultRelation() throws {
        let found = problems(error(graphML(
            """
            <node id="a"><data key="name">A</data></node>
            <node id="b"><data key="name">B</data><data key="type">country</data></node>
            <edge source="a" target="b"/>
            <edge source="b" target="a"><data key="rel">funds</data></edge>
            """)))
        #expect(found.count == 4)
        #expect(found[0].message.contains("node \"a\" has no entity type") && found[0].message.contains("--default-type organization"))
        #expect(found[1].message.contains("\"country\", which is not an entity type"))
        #expect(found[2].message.contains("has no relation type") && found[2].message.contains("--default-relation partner_of"))
        #expect(found[3].message.contains("\"funds\", which is not in the vocabulary") && found[3].message.contains("heads, member_of, partner_of"))
        // With the defaults, the same file reads; the unknown type is kept as an attribute.
        let reader = GraphMLReader(defaultType: .organization, defaultRelation: "partner-of", vocabulary: XMLSample.vocabulary)
        let document = try read(graphML(
            """
            <node id="a"><data key="name">A</data></node>
            <node id="b"><data key="name">B</data><data key="type">country</data></node>
            <edge source="a" target="b"/>
            """), reader: reader)
        #expect(document.entities.map(\.type) == [.organization, .organization])
        #expect(document.entities[1].attributes == ["type": "country"])
        #expect(document.relations.map(\.type) == ["partner_of"])
    }

    @Test func refusesAnUnknownDefaultRelation() {
        let reader = GraphMLReader(defaultRelation: "funds", vocabulary: XMLSample.vocabulary)
        let found = error(graphML(""), reader: reader)
        #expect(found == .unknownDefaultRelation("funds", known: ["heads", "member_of", "partner_of"]))
    }

    @Test func reportsUnknownAttributeTypesWithTheirLine() {
        let found = problems(error(graphML(keys: #"<key id="w" for="node" attr.name="weight" attr.type="integer"/>"#, "")))
        #expect(found.map(\.line) == [6])
        #expect(found.first?.message.contains("unknown attribute type \"integer\"") == true)
    }

    @Test func reportsMalformedXMLWithLineAndColumn() {
        let found = problems(error("<?xml version=\"1.0\"?>\n<graphml>\n<graph edgedefault=\"directed\">\n<node id=\"a\">\n</graph>\n</graphml>\n"))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.line == 5, "\(found)")
        #expect(found.first?.column != nil)
        #expect(found.first?.message.contains("not well formed") == true)
    }

    @Test func refusesWhatIsNotUTF8OrNotGraphML() {
        var latin1 = Data("<?xml version=\"1.0\"?>\n<graphml>\n<graph>\n<node id=\"Caf".utf8)
        latin1.append(0xE9)  // é in Latin-1
        latin1.append(contentsOf: Data("\"/>\n</graph>\n</graphml>\n".utf8))
        guard case .notUTF8(_, let detail)? = error(latin1) else {
            Issue.record("Latin-1 bytes must be refused as not UTF-8")
            return
        }
        #expect(detail.contains("offset 53, on line 4"))
        #expect(error("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><graphml/>") == .notUTF8(
            file: "test.graphml", detail: "its XML declaration says encoding=\"ISO-8859-1\""))
        #expect(error("<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\"/>") == .notGraphML(file: "test.graphml", root: "gexf"))
    }

    @Test func caps50ProblemsAndCountsTheRest() {
        let nodes = (1...60).map { "<node id=\"n\($0)\"><data key=\"name\">N\($0)</data></node>" }.joined(separator: "\n")
        let found = error(graphML(nodes))
        guard case let .invalidFile(_, listed, count)? = found else { return }
        #expect(listed.count == 50 && count == 60)
        #expect(found?.description.contains("… and 10 more") == true)
    }

    // MARK: Entities are inert

    /// A file that asks for a local file's content through an external entity.
    func externalEntityDocument(reading secretFile: URL) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE graphml [<!ENTITY secret SYSTEM "file://\(secretFile.path)">]>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="name" for="node" attr.name="name" attr.type="string"/>
        <graph edgedefault="directed"><node id="a"><data key="name">&secret;</data></node></graph>
        </graphml>
        """
    }

    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
         <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
         <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
         <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
         <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
         <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
         <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="name" for="node" attr.name="name" attr.type="string"/>
        <graph edgedefault="directed"><node id="a"><data key="name">&lol9;</data></node></graph>
        </graphml>
        """

    @Test func refusesExternalEntitiesWithoutReadingTheFile() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secretFile = folder.appendingPathComponent("secret.txt")
        try "TOP-SECRET-4711".write(to: secretFile, atomically: true, encoding: .utf8)
        let text = externalEntityDocument(reading: secretFile)
        let found = error(text)
        #expect(found == .documentTypeDeclaration(file: "test.graphml", line: 2))
        #expect(found?.description.contains("TOP-SECRET") == false)

        // Without the reader's check in front of it, the parser still loads no external entity.
        let parser = GraphMLParser()
        _ = parser.parse(Data(text.utf8))
        #expect(!parser.graph.nodes.flatMap(\.data).contains { $0.value.contains("TOP-SECRET") })
    }

    @Test func refusesBillionLaughsQuickly() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let found = error(Self.billionLaughs)
        #expect(found == .documentTypeDeclaration(file: "test.graphml", line: 2))
        #expect(clock.now - started < .seconds(2))
        // Without the reader's check in front of it, on three levels only (a thousand laughs, so
        // that a broken lock cannot take the machine's memory): no laugh reaches a value.
        let small = Self.billionLaughs
            .replacingOccurrences(of: "<data key=\"name\">&lol9;</data>", with: "<data key=\"name\">&lol3;</data>")
            .split(separator: "\n").filter { line in !(4...9).contains { line.contains("<!ENTITY lol\($0) ") } }
            .joined(separator: "\n")
        let parser = GraphMLParser()
        _ = parser.parse(Data(small.utf8))
        #expect(!parser.graph.nodes.flatMap(\.data).contains { $0.value.contains("lol") })
    }
}
