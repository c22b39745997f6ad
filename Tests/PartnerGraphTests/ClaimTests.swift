import Foundation
import Testing

@testable import PartnerGraph

/// Sources that disagree: every value a source states is kept with its source.
@Suite("Sources that disagree") struct ClaimTests {
    static func store() throws -> PartnerGraphStore {
        let store = try HistoryTests.store()
        try store.addSource(Source(key: "walaw-2024-05-06", title: "ICESCO at 45", publisher: "Walaw"))
        try store.addSource(Source(key: "allafrica-2024-05-06", title: "ICESCO's anniversary", publisher: "AllAfrica"))
        return store
    }

    @Test("a value set with a source is that source's claim; another source's value is kept beside it")
    func disagreement() throws {
        let store = try Self.store()
        var founded = EntityChanges()
        founded.setAttributes = ["founded": "1979"]
        founded.addCitations = [CitationRef(source: "walaw-2024-05-06")]
        try store.update("ICESCO", with: founded)
        #expect(try store.profile(of: "ICESCO").claims.first { $0.field == "founded" }?.disagree == false)

        var other = EntityChanges()
        other.addClaims = [Claim(field: "founded", value: "1982", citation: CitationRef(source: "allafrica-2024-05-06", quote: "founded in 1982"))]
        try store.update("ICESCO", with: other)
        let profile = try store.profile(of: "ICESCO")
        #expect(profile.attributes["founded"] == "1979", "a claim does not change the current value")
        let claims = try #require(profile.claims.first { $0.field == "founded" })
        #expect(claims.disagree)
        #expect(claims.values.map(\.value) == ["1979", "1982"])
        #expect(claims.values.map(\.current) == [true, false])
        #expect(claims.values[1].sources.first?.quote == "founded in 1982")
        #expect(try store.source("allafrica-2024-05-06").claims == ["icesco founded = 1982 “founded in 1982”"])

        // One undo takes the claim back.
        try store.undo()
        #expect(try store.profile(of: "ICESCO").claims.first { $0.field == "founded" }?.disagree == false)
    }

    @Test("a date claim must be a date")
    func dateClaim() throws {
        let store = try Self.store()
        var changes = EntityChanges()
        changes.addClaims = [Claim(field: "start", value: "1979-13", citation: CitationRef(source: "walaw-2024-05-06"))]
        #expect(throws: PartnerGraphError.self) { try store.update("ICESCO", with: changes) }
        changes.addClaims = [Claim(field: "start", value: "1982", citation: CitationRef(source: "walaw-2024-05-06"))]
        try store.update("ICESCO", with: changes)
        let start = try #require(try store.profile(of: "ICESCO").claims.first { $0.field == "start" })
        #expect(start.values.map(\.value) == ["1982"], "the entity has no start date: nothing to disagree with yet")
    }

    @Test("merging two entities that disagree keeps both values as claims with their entities' sources")
    func mergeKeepsBothValues() throws {
        let store = try Self.store()
        try store.addEntity(
            NewEntity(
                type: .organization, name: "ISESCO", attributes: ["founded": "1982"],
                citations: [CitationRef(source: "allafrica-2024-05-06")]))
        var founded = EntityChanges()
        founded.setAttributes = ["founded": "1979"]
        try store.update("ICESCO", with: founded)
        try store.merge("ICESCO", "ISESCO")
        let claims = try #require(try store.profile(of: "ICESCO").claims.first { $0.field == "founded" })
        #expect(claims.disagree)
        #expect(claims.values.first { $0.value == "1982" }?.sources.map(\.source) == ["allafrica-2024-05-06"])
        #expect(claims.values.first { $0.current }?.value == "1979")
    }
}
