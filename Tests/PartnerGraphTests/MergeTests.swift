import Foundation
import Testing

@testable import PartnerGraph

/// Finding duplicates, merging them, and taking a merge back.
@Suite("Duplicates and merge") struct MergeTests {
    /// The example with a second ICESCO, a second AlMalik and two spellings of one more name.
    static func store() throws -> PartnerGraphStore {
        let store = try HistoryTests.store()
        try store.addEntity(
            NewEntity(
                type: .organization, name: "ISESCO", aliases: [Alias(name: "الإيسيسكو", language: "ar")],
                attributes: ["founded": "1982"], note: "Former name"))
        try store.addEntity(NewEntity(type: .person, name: "Salim Mohammed Al-Malik"))
        try store.addEntity(NewEntity(type: .person, name: "Rauf Samadov"))
        try store.addEntity(NewEntity(type: .person, name: "Rauf Samedov"))
        try store.addEntity(NewEntity(type: .place, name: "ISESCO", key: "isesco-place"))
        try store.link("isesco", "partner_of", "Azerbaijan")
        try store.link("ICESCO", "partner_of", "isesco")
        try store.link("Salim Mohammed Al-Malik", "heads", "isesco", RelationDetails(role: "Director-General"))
        return store
    }

    @Test("duplicates finds shared names, initials and transliterations within a type, best first")
    func findsDuplicates() throws {
        let store = try Self.store()
        let pairs = try store.duplicates()
        func pair(_ a: String, _ b: String) -> DuplicatePair? {
            pairs.first { Set([$0.first.key, $0.second.key]) == Set([a, b]) }
        }
        #expect(pair("icesco", "isesco")?.score == 0.9, "\(pairs)")
        #expect(pair("icesco", "isesco")?.reason.contains("الإيسيسكو") == true)
        #expect(pair("salim-m-almalik", "salim-mohammed-al-malik")?.reason.contains("initials") == true)
        #expect(pair("rauf-samadov", "rauf-samedov")?.reason.contains("vowels") == true)
        #expect(pair("isesco", "isesco-place") == nil, "an organization and a place are not duplicates")
        #expect(pairs.map(\.score) == pairs.map(\.score).sorted(by: >))
        #expect(try store.duplicates(minimumScore: 0.8).allSatisfy { $0.score >= 0.8 })
    }

    @Test("the best N duplicates are the first N of the full list, with the total")
    func limitedDuplicates() throws {
        let store = try Self.store()
        let all = try store.duplicates()
        #expect(all.count >= 3)
        for limit in [0, 1, 2, all.count, all.count + 5] {
            let best = try store.duplicates(limit: limit)
            #expect(best.pairs == Array(all.prefix(limit)), "limit \(limit)")
            #expect(best.total == all.count)
        }
    }

    @Test("merge moves names, relations and citations, folds identical relations, reports conflicts, and the old key still resolves")
    func merges() throws {
        let store = try Self.store()
        let report = try store.merge("ICESCO", "isesco")
        #expect(report.aliasesAdded == ["ISESCO"])
        #expect(report.relationsFolded == 1, "ISESCO partner_of Azerbaijan is one ICESCO already has")
        #expect(report.relationsDropped == 1, "ICESCO partner_of ISESCO would tie ICESCO to itself")
        #expect(report.relationsMoved == 1)
        #expect(report.conflicts.contains(MergeReport.Conflict(field: "note", kept: try store.entity("ICESCO").note ?? "", other: "Former name")))
        #expect(try store.entity("isesco").key == "icesco")
        #expect(try store.profile(of: "ICESCO").aliases.contains { $0.name == "ISESCO" })
        let heads = try store.neighbors(NeighborQuery(entity: "Salim Mohammed Al-Malik", depth: 1))
        #expect(heads.neighbors.contains { $0.entity.key == "icesco" })
        #expect(try store.duplicates().contains { Set([$0.first.key, $0.second.key]) == Set(["icesco", "isesco"]) } == false)
    }

    @Test("undo of a merge gives back both entities exactly: the export before and after is the same")
    func undoMerge() throws {
        let store = try Self.store()
        let before = try HistoryTests.snapshot(store)
        let exportBefore = try HistoryTests.exported(store)
        try store.merge("ICESCO", "isesco")
        try store.undo()
        #expect(try HistoryTests.snapshot(store) == before)
        #expect(try HistoryTests.exported(store) == exportBefore)
        #expect(try store.entity("isesco").name == "ISESCO")
    }

    @Test("distinct pairs are no longer proposed, and merging them needs force")
    func distinct() throws {
        let store = try Self.store()
        try store.markDistinct("Rauf Samadov", "Rauf Samedov")
        #expect(try store.duplicates().contains { $0.first.key == "rauf-samadov" } == false)
        #expect(throws: MergeError.markedDistinct(keep: "rauf-samadov", other: "rauf-samedov")) {
            try store.merge("Rauf Samadov", "Rauf Samedov")
        }
        try store.merge("Rauf Samadov", "Rauf Samedov", force: true)
        #expect(throws: MergeError.self) { try store.merge("ICESCO", "Baku") }
    }

    @Test("merge refuses one entity with itself and two of different types")
    func refusals() throws {
        let store = try Self.store()
        #expect(throws: MergeError.sameEntity("icesco")) { try store.merge("ICESCO", "icesco") }
        #expect {
            try store.merge("icesco", "Baku")
        } throws: { error in
            guard case MergeError.differentTypes = error else { return false }
            return true
        }
    }
}
