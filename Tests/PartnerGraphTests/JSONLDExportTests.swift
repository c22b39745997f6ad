import Foundation
import Testing
@testable import PartnerGraph

@Suite("JSON-LD export")
struct JSONLDExportTests {
    static let pip = "pip install rdflib==7.6.0"

    func document() throws -> (text: String, graph: [[String: Any]]) {
        let text = try ExportFixture.export { JSONLDWriter(sink: $0) }
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let graph = try #require(json?["@graph"] as? [[String: Any]], "the document should have a @graph array")
        return (text, graph)
    }

    func objects(_ id: String, in graph: [[String: Any]]) -> [[String: Any]] {
        graph.filter { $0["@id"] as? String == "urn:partnergraph:entity:" + id }
    }

    @Test("the document is valid JSON with schema.org as its vocabulary")
    func validJSON() throws {
        let (text, graph) = try document()
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let context = try #require(json?["@context"] as? [String: Any])
        #expect(context["@vocab"] as? String == "https://schema.org/")
        #expect(context["pg"] as? String == "urn:partnergraph:vocab:")
        // The dataset, one source, seven entities, and the relations' node objects.
        #expect(graph.filter { $0["@type"] != nil }.count == 1 + 1 + 7)
        #expect(text == (try ExportFixture.export { JSONLDWriter(sink: $0) }), "the same calls should give the same bytes")
    }

    @Test("entities take schema.org types; a state is a Country; an agreement a CreativeWork of pg:Agreement")
    func types() throws {
        let (_, graph) = try document()
        func type(_ key: String) -> String? {
            objects(key, in: graph).compactMap { $0["@type"] }.first.map { "\($0)" }
        }
        #expect(type("icesco") == "Organization")
        #expect((objects("azerbaijan", in: graph).first?["@type"] as? [String]) == ["Country", "Organization"])
        #expect(type("salim-m-almalik") == "Person")
        #expect(type("baku-forum-2024") == "Event")
        #expect(type("baku") == "Place")
        #expect(type("action-plan-2024") == "CreativeWork")
        #expect(objects("action-plan-2024", in: graph).first?["additionalType"] as? String == "pg:Agreement")
    }

    @Test("names carry their languages; kind, dates, note, attributes and citations are kept")
    func entityFields() throws {
        let (_, graph) = try document()
        let icesco = try #require(objects("icesco", in: graph).first)
        #expect(icesco["identifier"] as? String == "icesco")
        let names = try #require(icesco["name"] as? [Any])
        #expect(names.count == 3)
        #expect((names[0] as? [String: String]) == ["@value": "ICESCO", "@language": "en"])
        #expect((names[1] as? [String: String]) == ["@value": "الإيسيسكو", "@language": "ar"])
        #expect(names[2] as? String == "ISESCO", "an alias without a language is a plain string")
        #expect(icesco["pg:kind"] as? String == "igo")
        #expect(icesco["foundingDate"] as? String == "1979")
        #expect((icesco["description"] as? String)?.hasPrefix("Islamic World") == true)
        let property = try #require((icesco["additionalProperty"] as? [[String: String]])?.first)
        #expect(property == ["@type": "PropertyValue", "name": "headquarters", "value": "Rabat"])
        let citations = try #require(icesco["citation"] as? [[String: Any]])
        #expect(citations.first?["@id"] as? String == "urn:partnergraph:source:icesco-2024-03-26")
        #expect(citations.last?["@type"] as? String == "Quotation")
        let azerbaijan = try #require(objects("azerbaijan", in: graph).first)
        #expect((azerbaijan["name"] as? [[String: String]])?.map { $0["@value"]! } == ["Republic of Azerbaijan", "Azerbaijan", "أذربيجان"])
        #expect(objects("baku-forum-2024", in: graph).first?["startDate"] as? String == "2024-05")
        #expect(objects("action-plan-2024", in: graph).first?["dateCreated"] as? String == "2024-03")
        let source = try #require(graph.first { $0["@id"] as? String == "urn:partnergraph:source:icesco-2024-03-26" })
        #expect(source["@type"] as? String == "CreativeWork")
        #expect(source["datePublished"] as? String == "2024-03-26")
        #expect(source["inLanguage"] as? String == "en")
        #expect((source["publisher"] as? [String: String])?["name"] == "ICESCO")
    }

    @Test("a head works for the organization through a Role with the role's name, dates and sources")
    func headsAsRole() throws {
        let (_, graph) = try document()
        let statements = objects("salim-m-almalik", in: graph).filter { $0["@type"] == nil }
        #expect(statements.count == 1, "the relations of one source share one node object")
        let statement = try #require(statements.first)
        let role = try #require((statement["worksFor"] as? [[String: Any]])?.first)
        #expect(role["@type"] as? String == "Role")
        #expect(role["roleName"] as? String == "Director-General")
        #expect(role["startDate"] as? String == "2021")
        #expect(role["pg:relationType"] as? String == "heads")
        #expect((role["worksFor"] as? [String: String])?["@id"] == "urn:partnergraph:entity:icesco")
        #expect((role["citation"] as? [[String: String]])?.first?["@id"] == "urn:partnergraph:source:icesco-2024-03-26")
        #expect((statement["pg:heads"] as? [[String: String]])?.first?["@id"] == "urn:partnergraph:entity:icesco")
    }

    @Test("relations use the schema.org property that fits, stated on the event for organizer and attendee")
    func relationProperties() throws {
        let (_, graph) = try document()
        func property(_ subject: String, _ name: String) -> [String: Any]? {
            objects(subject, in: graph).compactMap { ($0[name] as? [[String: Any]])?.first }.first
        }
        #expect(property("azerbaijan", "memberOf")?["startDate"] as? String == "1991")
        #expect(property("baku", "containedInPlace") != nil)
        #expect(property("baku-forum-2024", "location") != nil)
        #expect(property("action-plan-2024", "locationCreated") != nil)
        #expect((property("baku-forum-2024", "organizer")?["organizer"] as? [String: String])?["@id"] == "urn:partnergraph:entity:icesco")
        #expect(property("baku-forum-2024", "attendee")?["roleName"] as? String == "keynote speaker")
        #expect(property("icesco", "pg:party_to")?["pg:date"] as? String == "2024-03")
        #expect(property("icesco", "pg:partner_of") != nil)
    }

    /// Checks, in Python, that every language-tagged value is a string and every reference
    /// names a node of the graph; then parses the document as RDF with rdflib.
    static let checker = #"""
        import json, sys
        from rdflib import Graph, Literal, URIRef
        text = open(sys.argv[1], encoding="utf-8").read()
        doc = json.loads(text)
        graph = doc["@graph"]
        nodes = {o["@id"] for o in graph if "@type" in o}
        problems, references = [], 0
        def walk(value):
            global references
            if isinstance(value, dict):
                if "@language" in value and not (isinstance(value.get("@value"), str) and isinstance(value["@language"], str)):
                    problems.append("bad language value: %r" % value)
                if set(value) == {"@id"}:
                    references += 1
                    if value["@id"] not in nodes:
                        problems.append("dangling reference: %s" % value["@id"])
                for member in value.values():
                    walk(member)
            elif isinstance(value, list):
                for member in value:
                    walk(member)
        walk(graph)
        rdf = Graph().parse(data=text, format="json-ld")
        schema = "https://schema.org/"
        icesco = URIRef("urn:partnergraph:entity:icesco")
        print(json.dumps({
            "problems": problems,
            "references": references,
            "triples": len(rdf),
            "arabicName": (icesco, URIRef(schema + "name"), Literal("الإيسيسكو", lang="ar")) in rdf,
            "roles": sorted(str(o) for o in rdf.objects(None, URIRef(schema + "roleName"))),
            "agreement": (URIRef("urn:partnergraph:entity:action-plan-2024"), URIRef(schema + "additionalType"), URIRef("urn:partnergraph:vocab:Agreement")) in rdf,
        }))
        """#

    @Test("python's json finds every language value a string and every reference a node; rdflib reads it as RDF")
    func checkedInPython() throws {
        if let missing = Python.missing(["rdflib"], pip: Self.pip) {
            Issue.record(Comment(rawValue: missing))
            return
        }
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("graph.jsonld")
        try ExportFixture.export { JSONLDWriter(sink: $0) }.write(to: file, atomically: true, encoding: .utf8)
        let result = try Python.run(Self.checker, arguments: [file.path])
        #expect(result.status == 0, "the checker failed: \(result.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "no report: \(result.stderr)")
        #expect((report["problems"] as? [String]) == [])
        #expect((report["references"] as? Int ?? 0) >= 9)
        #expect((report["triples"] as? Int ?? 0) > 50)
        #expect(report["arabicName"] as? Bool == true)
        #expect((report["roles"] as? [String]) == ["Director-General", "keynote speaker"])
        #expect(report["agreement"] as? Bool == true)
    }
}
