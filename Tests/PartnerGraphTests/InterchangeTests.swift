import Foundation
import Testing
@testable import PartnerGraph

struct InterchangeTests {
    @Test("Export, import into an empty database, export again: the same bytes")
    func roundTripIsByteIdentical() throws {
        let first = try exampleStore().exportDocument().jsonData()
        let copy = try PartnerGraphStore()
        try copy.importJSON(first, file: "first.json")
        let second = try copy.exportDocument().jsonData()
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self).contains("\"name\" : \"الإيسيسكو\""), "Arabic is written as text, not escaped")
    }

    @Test("The bundled example file is already in canonical export form")
    func exampleFileIsCanonical() throws {
        let exported = try exampleStore().exportDocument().jsonData()
        #expect(String(decoding: exported, as: UTF8.self) == PartnerGraphStore.exampleJSON)
    }

    @Test("Importing the same file twice adds nothing the second time")
    func importIsIdempotent() throws {
        let data = try exampleStore().exportDocument().jsonData()
        let store = try PartnerGraphStore()
        let first = try store.importJSON(data, file: "x.json")
        let second = try store.importJSON(data, file: "x.json")
        #expect(first.entitiesAdded == 21 && first.relationsAdded == 33)
        #expect(second.entitiesAdded == 0 && second.relationsAdded == 0 && second.sourcesAdded == 0)
        #expect(second.entitiesUpdated == 21 && second.relationsUpdated == 33)
        #expect(try store.exportDocument().jsonData() == data)
    }

    @Test("User vocabulary travels with the document")
    func vocabularyRoundTrip() throws {
        let store = try PartnerGraphStore()
        try store.addRelationType(
            RelationType(name: "funded_by", forwardPhrase: "funded by", inversePhrase: "funds", sourceTypes: [.event], targetTypes: [.organization]))
        try store.addEntity(NewEntity(type: .event, name: "Forum"))
        try store.addEntity(NewEntity(type: .organization, name: "Fund"))
        try store.link("Forum", "funded_by", "Fund")
        let data = try store.exportDocument().jsonData()
        let copy = try PartnerGraphStore()
        let report = try copy.importJSON(data, file: "v.json")
        #expect(report.relationTypesAdded == 1)
        #expect(try copy.profile(of: "fund").relations.first?.phrase == "funds")
    }

    @Test("A file that is not valid JSON is refused and nothing is written")
    func invalidJSON() throws {
        let store = try PartnerGraphStore()
        #expect(throws: ImportError.self) { try store.importJSON(Data("{\"format\": ".utf8), file: "bad.json") }
        #expect(try store.entities().isEmpty)
    }

    @Test("A file that is not UTF-8 is refused with a message that says so")
    func notUTF8() throws {
        let store = try PartnerGraphStore()
        let latin1 = Data([0x7B, 0x22, 0xE9, 0x22, 0x7D])  // {"é"} in Latin-1
        #expect(throws: ImportError.notUTF8(file: "latin1.json")) { try store.importJSON(latin1, file: "latin1.json") }
    }

    @Test("Every problem is reported with its JSON path, and a file with any problem writes nothing")
    func reportsEveryProblem() throws {
        let json = """
            {"format": "partnergraph", "version": 1,
             "entities": [
               {"key": "ok", "type": "organization", "name": "Fine Org"},
               {"key": "bad key", "type": "planet", "name": "X", "date": "2024-02-30"},
               {"key": "p", "type": "person", "name": "P", "start": "2024", "end": "2020", "colour": "red"}
             ],
             "relations": [
               {"source": "ok", "type": "heads", "target": "p"},
               {"source": "ok", "type": "befriends", "target": "ghost"},
               {"source": "p", "type": "works_for", "target": "ok", "citations": [{"source": "nowhere"}]}
             ]}
            """
        let store = try PartnerGraphStore()
        do {
            try store.importJSON(Data(json.utf8), file: "bad.json")
            Issue.record("expected the import to be refused")
        } catch let ImportError.invalidDocument(file, problems) {
            #expect(file == "bad.json")
            let paths = Set(problems.map(\.path))
            for expected in ["$.entities[1].key", "$.entities[1].type", "$.entities[1].date", "$.entities[2]", "$.entities[2].colour"] {
                #expect(paths.contains(expected), "expected a problem at \(expected); got \(problems)")
            }
        }
        #expect(try store.entities().isEmpty, "nothing may be written")

        // Once the shapes are right, references are checked against the file and the database.
        let shapely = """
            {"format": "partnergraph", "version": 1,
             "entities": [{"key": "ok", "type": "organization", "name": "Fine Org"}, {"key": "p", "type": "person", "name": "P"}],
             "relations": [
               {"source": "ok", "type": "heads", "target": "p"},
               {"source": "ok", "type": "befriends", "target": "ghost"},
               {"source": "p", "type": "works_for", "target": "ok", "citations": [{"source": "nowhere"}]}
             ]}
            """
        do {
            try store.importJSON(Data(shapely.utf8), file: "refs.json")
            Issue.record("expected the import to be refused")
        } catch let ImportError.invalidDocument(_, problems) {
            #expect(problems.map(\.path) == [
                "$.relations[0].type", "$.relations[1].target", "$.relations[1].type", "$.relations[2].citations[0].source",
            ])
        }
        #expect(try store.entities().isEmpty, "nothing may be written")
    }

    @Test("A document from a newer format version is refused with the fix")
    func newerVersion() throws {
        let store = try PartnerGraphStore()
        do {
            try store.importJSON(Data(#"{"format": "partnergraph", "version": 9}"#.utf8), file: "new.json")
            Issue.record("expected a refusal")
        } catch let error as ImportError {
            #expect(error.description.contains("upgrade partnergraph"))
        }
    }
}
