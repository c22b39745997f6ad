import Foundation
import Testing
@testable import PartnerGraph

@Suite("Cypher export")
struct CypherExportTests {
    static let pip = "pip install kuzu==0.11.3"

    /// Names that would end a string literal, a statement or a line if escaped carelessly.
    static let hostileName = "O'Brien \\' \"quoted\" back\\slash\nnew line\r\t tab '); MATCH (n) DETACH DELETE n; //"
    static let hostileKey = "evil'key\\"

    static let nodes = ExportFixture.nodes + [
        ExportNode(
            key: hostileKey, type: .person, name: hostileName, nameLanguage: "en", note: "nul \u{0} and \u{2028} and é",
            aliases: [Alias(name: "الاسم\nالثاني", language: "ar"), Alias(name: "sans langue")],
            attributes: [(key: "headquarters", value: "'; DROP TABLE Entity; //")]),
    ]
    static let edges = ExportFixture.edges + [
        ExportEdge(id: 10, source: hostileKey, target: "icesco", type: "member_of", role: "a'b\\c\n'); //", note: "x\u{1}y")
    ]

    @Test("Kùzu's script declares the tables, then one line per node and relation")
    func kuzuScriptShape() throws {
        let text = try ExportFixture.export { CypherWriter(sink: $0) }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "// PartnerGraph export: Whole graph")
        #expect(
            lines[2]
                == "CREATE NODE TABLE Entity(key STRING PRIMARY KEY, type STRING, name STRING, name_language STRING, kind STRING, date STRING, start_date STRING, end_date STRING, note STRING, name_ar STRING[], name_en STRING[], name_und STRING[], attr_headquarters STRING, sources STRING[]);"
        )
        #expect(lines.contains(
            "CREATE (:Entity {key: 'icesco', type: 'organization', name: 'ICESCO', name_language: 'en', kind: 'igo', start_date: '1979', note: 'Islamic World Educational, Scientific and Cultural Organization.', name_ar: ['الإيسيسكو'], name_und: ['ISESCO'], attr_headquarters: 'Rabat', sources: ['icesco-2024-03-26']});"
        ))
        #expect(lines.contains(
            "MATCH (a:Entity), (b:Entity) WHERE a.key = 'salim-m-almalik' AND b.key = 'icesco' CREATE (a)-[:Relation {id: 1, type: 'heads', role: 'Director-General', start_date: '2021', sources: ['icesco-2024-03-26']}]->(b);"
        ))
        #expect(lines.count == 1 + 3 + 1 + 7 + 9)
    }

    @Test("Neo4j's script has a constraint on key, labels per type and upper-case relationship types")
    func neo4jScript() throws {
        let text = try ExportFixture.export(nodes: Self.nodes, edges: Self.edges) { CypherWriter(sink: $0, dialect: .neo4j) }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("CREATE CONSTRAINT partnergraph_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;"))
        #expect(lines.contains { $0.hasPrefix("MERGE (n:Entity {key: 'icesco'}) SET n:Organization, n += {key: 'icesco', type: 'organization'") })
        #expect(lines.contains(
            "MATCH (a:Entity {key: 'salim-m-almalik'}), (b:Entity {key: 'icesco'}) MERGE (a)-[r:HEADS {id: 1}]->(b) SET r += {id: 1, role: 'Director-General', start_date: '2021', sources: ['icesco-2024-03-26']};"
        ))
        #expect(lines.contains { $0.contains("name: 'O\\'Brien \\\\\\' \"quoted\" back\\\\slash\\u000Anew line\\u000D\\u0009 tab \\'); MATCH") })
        #expect(lines.count == 1 + 2 + 1 + 8 + 10, "every statement should be on one line")
        #expect(CypherText.relationshipType("participated_in") == "PARTICIPATED_IN")
        #expect(CypherText.relationshipType("a`b c") == "`A``B C`")
    }

    /// Loads a script into a new Kùzu database, statement by statement, and reports what it holds.
    static let loader = #"""
        import json, os, sys, tempfile
        import kuzu
        db = kuzu.Database(os.path.join(tempfile.mkdtemp(), "graph.kuzu"))
        conn = kuzu.Connection(db)
        statements = 0
        with open(sys.argv[1], encoding="utf-8") as script:
            for line in script.read().split("\n"):
                if not line or line.startswith("//"):
                    continue
                conn.execute(line)
                statements += 1
        def rows(query):
            result = conn.execute(query)
            out = []
            while result.has_next():
                out.append(result.get_next())
            return out
        entities = {r[0]: {"name": r[1], "name_ar": r[2], "name_und": r[3], "note": r[4], "attr": r[5], "sources": r[6]}
                    for r in rows("MATCH (n:Entity) RETURN n.key, n.name, n.name_ar, n.name_und, n.note, n.attr_headquarters, n.sources")}
        relations = [{"source": r[0], "type": r[1], "role": r[2], "start": r[3], "target": r[4], "note": r[5]}
                     for r in rows("MATCH (a:Entity)-[r:Relation]->(b:Entity) RETURN a.key, r.type, r.role, r.start_date, b.key, r.note ORDER BY r.id")]
        print(json.dumps({
            "statements": statements,
            "nodes": rows("MATCH (n:Entity) RETURN count(n)")[0][0],
            "edges": rows("MATCH ()-[r:Relation]->() RETURN count(r)")[0][0],
            "sources": rows("MATCH (s:Source) RETURN s.key, s.published")[0],
            "entities": entities,
            "relations": relations,
        }))
        """#

    @Test("Kùzu 0.11.3 loads the script: counts, the Arabic name and hostile names come back exactly")
    func kuzuLoadsScript() throws {
        if let missing = Python.missing(["kuzu"], pip: Self.pip) {
            Issue.record(Comment(rawValue: missing))
            return
        }
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("graph.cypher")
        let script = try ExportFixture.export(nodes: Self.nodes, edges: Self.edges) { CypherWriter(sink: $0) }
        try script.write(to: file, atomically: true, encoding: .utf8)
        let result = try Python.run(Self.loader, arguments: [file.path])
        #expect(result.status == 0, "Kùzu refused the script: \(result.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "no report: \(result.stderr)")
        #expect(report["statements"] as? Int == 3 + 1 + 8 + 10)
        #expect(report["nodes"] as? Int == 8)
        #expect(report["edges"] as? Int == 10)
        #expect((report["sources"] as? [String]) == ["icesco-2024-03-26", "2024-03-26"])
        let entities = try #require(report["entities"] as? [String: [String: Any]])
        #expect((entities["icesco"]?["name_ar"] as? [String]) == ["الإيسيسكو"])
        #expect((entities["icesco"]?["sources"] as? [String]) == ["icesco-2024-03-26"])
        let hostile = try #require(entities[Self.hostileKey], "the hostile key should come back exactly")
        #expect(hostile["name"] as? String == Self.hostileName)
        #expect(hostile["note"] as? String == "nul \u{0} and \u{2028} and é")
        #expect((hostile["name_ar"] as? [String]) == ["الاسم\nالثاني"])
        #expect((hostile["name_und"] as? [String]) == ["sans langue"])
        #expect(hostile["attr"] as? String == "'; DROP TABLE Entity; //")
        let relations = try #require(report["relations"] as? [[String: Any]])
        #expect(relations.first?["role"] as? String == "Director-General")
        #expect(relations.first?["start"] as? String == "2021")
        #expect(relations.last?["role"] as? String == "a'b\\c\n'); //")
        #expect(relations.last?["note"] as? String == "x\u{1}y")
        #expect(relations.last?["source"] as? String == Self.hostileKey)
    }

    @Test("alias and attribute columns are sanitised and never collide")
    func columnNames() {
        var taken: Set<String> = ["name_language"]
        #expect(CypherText.propertyName("name_", "language", taken: &taken) == "name_language_2")
        #expect(CypherText.propertyName("name_", "zh-Hans", taken: &taken) == "name_zh_hans")
        #expect(CypherText.propertyName("name_", "zh_hans", taken: &taken) == "name_zh_hans_2")
        #expect(CypherText.propertyName("attr_", "x`) RETURN 1; //", taken: &taken) == "attr_x___return_1____")
    }
}
