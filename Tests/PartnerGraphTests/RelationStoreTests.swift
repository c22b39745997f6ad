import Testing
@testable import PartnerGraph

struct RelationStoreTests {
    private func store() throws -> PartnerGraphStore {
        let store = try PartnerGraphStore()
        try store.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        try store.addEntity(NewEntity(type: .organization, name: "Republic of Azerbaijan", key: "azerbaijan"))
        try store.addEntity(NewEntity(type: .person, name: "Salim M. AlMalik"))
        try store.addEntity(NewEntity(type: .place, name: "Geneva"))
        return store
    }

    @Test("A relation reads forwards from its source and inversely from its target")
    func directionsAndPhrases() throws {
        let store = try store()
        try store.link("Salim M. AlMalik", "heads", "ICESCO", RelationDetails(role: "Director-General", startDate: PartialDate("2021")))
        let fromPerson = try #require(try store.profile(of: "salim-m-almalik").relations.first)
        #expect(fromPerson.direction == .outgoing)
        #expect(fromPerson.phrase == "heads")
        #expect(fromPerson.other.key == "icesco")
        let fromOrganization = try #require(try store.profile(of: "icesco").relations.first)
        #expect(fromOrganization.direction == .incoming)
        #expect(fromOrganization.phrase == "headed by")
        #expect(fromOrganization.role == "Director-General")
        #expect(fromOrganization.start?.description == "2021")
    }

    @Test("A symmetric relation reads the same from both ends and cannot be recorded twice, either way")
    func symmetric() throws {
        let store = try store()
        try store.link("ICESCO", "partner_of", "azerbaijan")
        #expect(try store.profile(of: "azerbaijan").relations.first?.phrase == "partner of")
        #expect(throws: PartnerGraphError.self) { try store.link("azerbaijan", "partner_of", "ICESCO") }
        try store.unlink("azerbaijan", "partner-of", "icesco")
        #expect(try store.profile(of: "icesco").relations.isEmpty)
    }

    @Test("A link the vocabulary forbids is refused with the allowed types")
    func typeRules() throws {
        let store = try store()
        do {
            try store.link("ICESCO", "heads", "Salim M. AlMalik")
            Issue.record("expected a refusal")
        } catch let error as PartnerGraphError {
            #expect(error.description == "a heads relation cannot go from an organization to a person: it goes from a person to an organization or an event; did you mean it the other way round? Swap the two entities")
        }
        #expect(try store.profile(of: "icesco").relations.isEmpty)
    }

    @Test("An unknown relation type is refused with the known ones")
    func unknownType() throws {
        let store = try store()
        do {
            try store.link("ICESCO", "befriends", "azerbaijan")
            Issue.record("expected a refusal")
        } catch let PartnerGraphError.unknownRelationType(name, known) {
            #expect(name == "befriends")
            #expect(known.contains("partner_of"))
        }
    }

    @Test("Duplicates, self-relations and bad dates are refused")
    func refusals() throws {
        let store = try store()
        try store.link("Salim M. AlMalik", "heads", "ICESCO", RelationDetails(role: "Director-General"))
        #expect(throws: PartnerGraphError.self) {
            try store.link("Salim M. AlMalik", "heads", "ICESCO", RelationDetails(role: "Director-General"))
        }
        #expect(throws: PartnerGraphError.selfRelation("icesco")) { try store.link("ICESCO", "partner_of", "ICESCO") }
        #expect(throws: PartnerGraphError.self) {
            try store.link("ICESCO", "located_in", "Geneva", RelationDetails(startDate: PartialDate("2024"), endDate: PartialDate("2020")))
        }
        #expect(throws: PartnerGraphError.self) {
            try store.link("ICESCO", "located_in", "Geneva", RelationDetails(startDate: PartialDate("2020"), date: PartialDate("2021")))
        }
        // A different role is a different fact.
        try store.link("Salim M. AlMalik", "heads", "ICESCO", RelationDetails(role: "Acting Director-General"))
        #expect(try store.profile(of: "icesco").relations.count == 2)
    }

    @Test("Unlink asks which relation when several match, and --all removes them all")
    func unlinkAmbiguous() throws {
        let store = try store()
        try store.link("Salim M. AlMalik", "works_for", "ICESCO", RelationDetails(role: "Advisor"))
        try store.link("Salim M. AlMalik", "works_for", "ICESCO", RelationDetails(role: "Director"))
        #expect(throws: PartnerGraphError.self) { try store.unlink("Salim M. AlMalik", "works_for", "ICESCO") }
        #expect(try store.unlink("Salim M. AlMalik", "works_for", "ICESCO", role: "Advisor").map(\.role) == ["Advisor"])
        try store.link("Salim M. AlMalik", "works_for", "ICESCO", RelationDetails(role: "Advisor"))
        #expect(try store.unlink("Salim M. AlMalik", "works_for", "ICESCO", all: true).count == 2)
        #expect(throws: PartnerGraphError.self) { try store.unlink("Salim M. AlMalik", "works_for", "ICESCO") }
    }

    @Test("Relations and entities cite sources, with quotes; an unknown source is refused")
    func citations() throws {
        let store = try store()
        try store.addSource(Source(key: "icesco-2024-03-26", title: "Press release", publisher: "ICESCO", published: PartialDate("2024-03-26"), language: "ar"))
        try store.link(
            "Salim M. AlMalik", "heads", "ICESCO",
            RelationDetails(role: "Director-General", citations: [CitationRef(source: "icesco-2024-03-26", quote: "المدير العام")]))
        let relation = try #require(try store.profile(of: "icesco").relations.first)
        #expect(relation.citations == [CitationView(source: "icesco-2024-03-26", title: "Press release", quote: "المدير العام")])
        #expect(throws: PartnerGraphError.self) {
            try store.link("ICESCO", "partner_of", "azerbaijan", RelationDetails(citations: [CitationRef(source: "nope")]))
        }
        #expect(try store.profile(of: "azerbaijan").relations.isEmpty, "a failed link writes nothing")
        let detail = try store.source("icesco-2024-03-26")
        #expect(detail.relations.count == 1)
        #expect(try store.sources().first?.citationCount == 1)
    }

    @Test("The vocabulary has the built-in types, and users can add their own")
    func vocabulary() throws {
        let store = try store()
        let names = Set(try store.relationTypes().map(\.name))
        for name in ["heads", "works_for", "member_of", "observer_of", "part_of", "partner_of", "party_to", "signed",
                     "participated_in", "organized", "co_organized", "held_in", "located_in", "implements"] {
            #expect(names.contains(name), "missing built-in relation type \(name)")
        }
        try store.addRelationType(
            RelationType(name: "funded_by", forwardPhrase: "funded by", inversePhrase: "funds", sourceTypes: [.event], targetTypes: [.organization]))
        try store.addEntity(NewEntity(type: .event, name: "Forum"))
        try store.link("Forum", "funded_by", "ICESCO")
        #expect(try store.profile(of: "icesco").relations.first?.phrase == "funds")
        #expect(throws: PartnerGraphError.relationTypeExists("funded_by")) {
            try store.addRelationType(
                RelationType(name: "funded_by", forwardPhrase: "x", inversePhrase: "y", sourceTypes: [.event], targetTypes: [.organization]))
        }
        #expect(throws: PartnerGraphError.invalidRelationTypeName("Funded By")) {
            try store.addRelationType(
                RelationType(name: "Funded By", forwardPhrase: "x", inversePhrase: "y", sourceTypes: [.event], targetTypes: [.organization]))
        }
    }
}
