import Foundation
import GRDB
import Testing

@testable import PartnerGraph

/// Every change is recorded, can be taken back exactly, and taken back again.
@Suite("History and undo") struct HistoryTests {
    static let author = ChangeAuthor(user: "amina", command: "test")

    /// The example in memory, recorded as change 1 by amina.
    static func store() throws -> PartnerGraphStore {
        let store = try PartnerGraphStore(author: author)
        try store.loadExample()
        return store
    }

    /// Every row of every table that holds the graph, in a fixed order: two equal snapshots are
    /// the same graph, ids, timestamps and derived tables included.
    static func snapshot(_ store: PartnerGraphStore) throws -> String {
        try store.read { db in
            var text = ""
            for (table, order) in [
                ("entity", "id"), ("alias", "id"), ("attribute", "entity_id, key"), ("relation", "id"),
                ("relation_incoming", "target_id, type_id, source_id, relation_id"), ("citation", "id"), ("source", "id"),
                ("relation_type", "name"), ("draft", "id"), ("claim", "id"), ("merged_key", "key"),
                ("distinct_pair", "entity_a, entity_b"),
            ] {
                text += "== \(table)\n"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") { text += "\(row)\n" }
            }
            return text
        }
    }

    /// The graph as `export` writes it.
    static func exported(_ store: PartnerGraphStore) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(store.exportDocument())
    }

    /// Makes a change, checks it is one recorded change, undoes it and checks the graph is as
    /// before, then undoes the undo and checks the change is back.
    static func checkUndo(_ name: String, _ change: (PartnerGraphStore) throws -> Void) throws {
        let store = try store()
        let before = try snapshot(store)
        let exportBefore = try exported(store)
        let changesBefore = try store.history().count
        try change(store)
        let after = try snapshot(store)
        #expect(after != before, "\(name) changed nothing")
        #expect(try store.history().count == changesBefore + 1, "\(name) is not exactly one recorded change")

        let undo = try store.undo()
        #expect(undo.undone.id == Int64(changesBefore + 1))
        let restored = try snapshot(store)
        #expect(restored == before, "undo of \(name) did not restore every row: \(Set(restored.split(separator: "\n")).symmetricDifference(before.split(separator: "\n")))")
        #expect(try exported(store) == exportBefore, "undo of \(name): the export differs")

        let redo = try store.undo()
        #expect(redo.undone.id == undo.change.id)
        #expect(try snapshot(store) == after, "undo of the undo of \(name) did not make it again")
    }

    @Test("add is undone and redone")
    func add() throws {
        try Self.checkUndo("add") { store in
            try store.addEntity(
                NewEntity(
                    type: .organization, name: "Arab League", aliases: [Alias(name: "جامعة الدول العربية", language: "ar")],
                    attributes: ["founded": "1945"], citations: [CitationRef(source: "icesco-2024-03-26")]))
        }
    }

    @Test("link and unlink are undone and redone")
    func linkAndUnlink() throws {
        try Self.checkUndo("link") { store in
            try store.link("ICESCO", "partner_of", "Milli Majlis", RelationDetails(role: "host", startDate: PartialDate("2024")))
        }
        try Self.checkUndo("unlink") { store in
            try store.unlink("Sahiba Gafarova", "heads", "Milli Majlis")
        }
    }

    @Test("update of names, dates, note, aliases and attributes is undone and redone")
    func update() throws {
        try Self.checkUndo("update") { store in
            var changes = EntityChanges()
            changes.name = "ICESCO (renamed)"
            changes.note = .set("Founded in 1979")
            changes.startDate = .set(try PartialDate("1979"))
            changes.addAliases = [Alias(name: "ISESCO", language: "en")]
            changes.setAttributes = ["headquarters": "Rabat"]
            try store.update("ICESCO", with: changes)
        }
    }

    @Test("remove with its relations is undone with every id as it was")
    func remove() throws {
        try Self.checkUndo("remove --cascade") { store in
            try store.remove("ICESCO", cascade: true)
        }
    }

    @Test("a JSON import, a vocabulary addition and a source are each one change, undone and redone")
    func importsVocabularyAndSources() throws {
        try Self.checkUndo("vocab add") { store in
            try store.addRelationType(
                RelationType(
                    name: "funds", forwardPhrase: "funds", inversePhrase: "funded by", sourceTypes: [.organization],
                    targetTypes: [.event]))
        }
        try Self.checkUndo("source add") { store in
            try store.addSource(Source(key: "walaw-2024-05-06", title: "ICESCO at 45", publisher: "Walaw"))
        }
        // A file holding the example again, and ALECSO with a partnership: only the new facts are written.
        let other = try exampleStore()
        try other.addEntity(NewEntity(type: .organization, name: "ALECSO"))
        try other.link("ALECSO", "partner_of", "ICESCO")
        let file = try JSONEncoder().encode(other.exportDocument())
        try Self.checkUndo("import") { store in
            try store.importJSON(file, file: "alecso.json")
        }
    }

    @Test("a GraphML or spreadsheet import (an upsert), a distinct pair and a claim are each undone and redone (merge: MergeTests)")
    func upsertMergeDistinctClaim() throws {
        try Self.checkUndo("upsert") { store in
            try store.upsert(UpsertTests.memberships(), file: "memberships", options: UpsertOptions(citing: "icesco-2024-03-26"))
        }
        try Self.checkUndo("distinct") { store in
            try store.markDistinct("ICESCO", "Republic of Azerbaijan")
        }
        try Self.checkUndo("claim") { store in
            var changes = EntityChanges()
            changes.addClaims = [Claim(field: "founded", value: "1979", citation: CitationRef(source: "icesco-2024-03-26"))]
            try store.update("ICESCO", with: changes)
        }
    }

    @Test("ingest and the acceptance of its drafts are undone and redone")
    func ingestAndReview() throws {
        let text = """
            ICESCO and ALECSO sign a memorandum
            14 May 2024
            Dr. Salim M. AlMalik, Director-General of ICESCO, received on Monday in Rabat Dr. Hatem Ben Salah, Director-General of ALECSO.
            """
        try Self.checkUndo("ingest") { store in
            try store.ingest(Article(data: Data(text.utf8), origin: "alecso.txt"), publisher: "ICESCO")
        }
        let store = try Self.store()
        try store.ingest(Article(data: Data(text.utf8), origin: "alecso.txt"), publisher: "ICESCO")
        let before = try Self.snapshot(store)
        let accepted = try store.acceptDrafts(source: nil, minimumConfidence: 0)
        #expect(!accepted.isEmpty)
        try store.undo()
        #expect(try Self.snapshot(store) == before, "undo of review accept did not restore the drafts and the graph")
    }

    @Test("a bulk CSV import is one change recorded as id ranges, undone whole")
    func bulkImport() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = folder.appendingPathComponent("nodes.csv")
        let edges = folder.appendingPathComponent("edges.csv")
        var nodeLines = "key,type,name,alias_ar\n"
        var edgeLines = "source,type,target,start,end\n"
        for n in 0..<200 {
            nodeLines += "org-\(n),organization,Organization \(n),منظمة \(n)\n"
            if n > 0 { edgeLines += "org-\(n),partner_of,org-\(n - 1),2020,\n" }
        }
        edgeLines += "org-0,partner_of,icesco,2021,\n"
        try nodeLines.write(to: nodes, atomically: true, encoding: .utf8)
        try edgeLines.write(to: edges, atomically: true, encoding: .utf8)

        let store = try Self.store()
        let before = try Self.snapshot(store)
        try store.importCSV(nodes: nodes.path, edges: edges.path)
        let change = try #require(try store.history().first)
        #expect(change.bulk)
        #expect(change.counts.first { $0.kind == "entity" }?.added == 200)
        #expect(change.counts.first { $0.kind == "relation" }?.added == 200)
        let rowImages = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM change_row WHERE change_id = ?", arguments: [change.id]) }
        #expect(rowImages == 0, "a bulk import copied \(rowImages ?? 0) rows into the history")
        // The triggers the import dropped are back: the next change is recorded row by row.
        try store.link("ICESCO", "partner_of", "Milli Majlis")
        #expect(try store.history().first?.counts.first { $0.kind == "relation" }?.added == 1)
        try store.undo()
        #expect(try store.history().first?.undoes != nil)

        try store.undo(change.id)
        let restored = try Self.snapshot(store)
        #expect(restored == before, "\(Set(restored.split(separator: "\n")).symmetricDifference(before.split(separator: "\n")).prefix(5))")
        #expect(try store.search(SearchQuery("Organization 12")).hits.isEmpty, "the search index still finds an undone import")
    }

    @Test("undo refuses when a later change builds on it, and names that change")
    func laterChangeDepends() throws {
        let store = try Self.store()
        try store.addEntity(NewEntity(type: .organization, name: "Arab League"))
        try store.link("ICESCO", "partner_of", "Arab League")
        let added = try #require(try store.history().dropFirst().first)
        #expect(added.command == "test")
        #expect {
            try store.undo(added.id)
        } throws: { error in
            guard case let HistoryError.laterChangeDepends(change, later, _, reason) = error else { return false }
            return change == added.id && later == added.id + 1 && reason.contains("arab-league")
        }
        // Once the later change is undone, the earlier one can be.
        try store.undo(added.id + 1)
        try store.undo(added.id)
        #expect(throws: PartnerGraphError.self) { try store.entity("Arab League") }
    }

    @Test("undo refuses to change back a row a later change changed again")
    func rowChangedAgain() throws {
        let store = try Self.store()
        var note = EntityChanges()
        note.note = .set("first")
        try store.update("ICESCO", with: note)
        let first = try store.history()[0].id
        note.note = .set("second")
        try store.update("ICESCO", with: note)
        #expect(throws: HistoryError.self) { try store.undo(first) }
        #expect(try store.entity("ICESCO").note == "second")
    }

    @Test("history lists newest first, for one entity, since a date; who and which command are recorded")
    func listing() throws {
        let store = try Self.store()
        try store.addEntity(NewEntity(type: .organization, name: "Arab League"))
        try store.link("ICESCO", "partner_of", "Arab League")
        try store.addEntity(NewEntity(type: .person, name: "Ahmed Aboul Gheit"))
        let all = try store.history()
        #expect(all.map(\.id) == [4, 3, 2, 1])
        #expect(all.allSatisfy { $0.user == "amina" && $0.command == "test" })
        #expect(try store.history(entity: "Arab League").map(\.id) == [3, 2])
        #expect(try store.history(entity: "ICESCO").map(\.id) == [3, 1])
        #expect(try store.history(since: PartialDate("2999")).isEmpty)
        #expect(try store.history(since: PartialDate("2020"), limit: 2).map(\.id) == [4, 3])
        // A removed entity is still found by its old key.
        try store.remove("Ahmed Aboul Gheit", cascade: false)
        #expect(try store.history(entity: "ahmed-aboul-gheit").map(\.id) == [5, 4])
    }

    @Test("a write that changes nothing records no change")
    func nothingChanged() throws {
        let store = try Self.store()
        try store.upsert(UpsertTests.memberships(), file: "memberships")
        let count = try store.history().count
        #expect(count == 2)
        try store.upsert(UpsertTests.memberships(), file: "memberships")
        #expect(try store.history().count == count)
    }

    @Test("undo with nothing recorded, or an unknown number, says so")
    func nothingToUndo() throws {
        let store = try PartnerGraphStore(author: Self.author)
        #expect(throws: HistoryError.nothingToUndo) { try store.undo() }
        try store.loadExample()
        #expect(throws: HistoryError.changeNotFound(9, last: 1)) { try store.undo(9) }
    }
}
