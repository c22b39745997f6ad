import Foundation
import Testing
@testable import PartnerGraph

struct UpsertTests {
    /// Memberships as a spreadsheet states them: keys, types and names, little else.
    static func memberships() -> InterchangeDocument {
        var document = InterchangeDocument()
        document.entities = [
            EntityRecord(
                key: "tajikistan", type: .organization, name: "Tajikistan", kind: "state",
                aliases: [Alias(name: "طاجيكستان", language: "ar")], attributes: [:], citations: []),
            EntityRecord(
                key: "oic", type: .organization, name: "Organisation of Islamic Cooperation", kind: "igo", aliases: [],
                attributes: ["founded": "1969"], citations: []),
        ]
        document.relations = [
            RelationRecord(source: "tajikistan", type: "member_of", target: "icesco", start: try! PartialDate("1992"), citations: []),
            RelationRecord(source: "tajikistan", type: "member_of", target: "oic", citations: []),
        ]
        return document
    }

    @Test("New facts are added, and the same file a second time changes nothing")
    func idempotent() throws {
        let store = try exampleStore()
        let first = try store.upsert(Self.memberships(), file: "memberships")
        #expect(first.entitiesAdded == 2 && first.relationsAdded == 2)
        let before = try store.exportDocument().jsonData()
        let second = try store.upsert(Self.memberships(), file: "memberships")
        #expect(second.isEmpty, "second import: \(second.changes)")
        #expect(second.entitiesUnchanged == 2 && second.relationsUnchanged == 2)
        #expect(try store.exportDocument().jsonData() == before, "not even a timestamp moved")
    }

    @Test("A field the file leaves out keeps its stored value; a field it gives is changed")
    func partialRecordsKeepWhatTheyDoNotSay() throws {
        let store = try exampleStore()
        try store.upsert(Self.memberships(), file: "memberships")
        var note = EntityChanges()
        note.note = .set("Founded in Rabat.")
        try store.update("oic", with: note)
        var document = InterchangeDocument()
        document.entities = [
            EntityRecord(key: "oic", type: .organization, name: "Organisation of Islamic Cooperation", kind: "igo-2", aliases: [], attributes: [:], citations: [])
        ]
        let report = try store.upsert(document, file: "x")
        #expect(report.entitiesChanged == 1)
        #expect(report.changes == ["~ entity oic: kind \"igo\" → \"igo-2\""])
        let oic = try store.profile(of: "oic")
        #expect(oic.note == "Founded in Rabat." && oic.kind == "igo-2")
        #expect(oic.attributes["founded"] == "1969")
    }

    @Test("A dry run reports what it would do and writes nothing")
    func dryRun() throws {
        let store = try exampleStore()
        let before = try store.exportDocument().jsonData()
        let report = try store.upsert(Self.memberships(), file: "memberships", options: UpsertOptions(dryRun: true))
        #expect(report.dryRun && report.entitiesAdded == 2 && report.relationsAdded == 2)
        #expect(report.changes.contains("+ relation tajikistan member_of icesco"))
        #expect(try store.exportDocument().jsonData() == before)
    }

    @Test("With a source, every imported entity and relation cites it; an unknown source is refused")
    func citingASource() throws {
        let store = try exampleStore()
        #expect(throws: ImportError.self) {
            try store.upsert(Self.memberships(), file: "m", options: UpsertOptions(citing: "no-such-source"))
        }
        #expect(try store.entities().count == 21, "nothing was written")
        let source = try #require(try store.exportDocument().sources.first?.key)
        let report = try store.upsert(Self.memberships(), file: "m", options: UpsertOptions(citing: source))
        #expect(report.citationsAdded == 4)
        let again = try store.upsert(Self.memberships(), file: "m", options: UpsertOptions(citing: source))
        #expect(again.isEmpty)
    }

    @Test("A relation the vocabulary forbids is refused with its place, and nothing is written")
    func refusedRelation() throws {
        let store = try exampleStore()
        var document = Self.memberships()
        document.relations.append(RelationRecord(source: "tajikistan", type: "heads", target: "oic", citations: []))
        let error = try #require(throws: ImportError.self) { try store.upsert(document, file: "m.csv") }
        #expect(error.description.contains("$.relations[2].type"))
        #expect(try store.entities().count == 21)
    }
}
