import Foundation
import PartnerGraph
import PartnerGraphPostgres
import Testing

/// `update`, `remove`, `source`, `vocab` and `example` through `GraphStore`: each test runs once on
/// SQLite and once on PostgreSQL, with the same expectations.
@Suite("Updating, removing, sources, vocabulary and the example on SQLite and PostgreSQL")
struct MaintenanceStoreTests {
    @Test("update renames, changes aliases, attributes, kind, dates and note, and records the claims its sources make", arguments: StoreKind.tested)
    func updateChangesEverything(kind: StoreKind) throws {
        let store = try makeStore(kind)
        try store.addSource(Source(key: "walaw", title: "A report"))
        try store.addSource(Source(key: "allafrica", title: "Another report"))
        try store.addEntity(NewEntity(
            type: .organization, name: "Islamic Educational Organization", key: "icesco", kind: "ngo",
            aliases: [Alias(name: "IEO", language: "en")], attributes: ["headquarters": "Fez"], note: "to be checked"))

        var changes = EntityChanges()
        changes.name = "ICESCO"
        changes.nameLanguage = .set("en")
        changes.kind = .set("igo")
        changes.startDate = .set(try PartialDate("1979"))
        changes.note = .clear
        changes.addAliases = [Alias(name: "الإيسيسكو", language: "ar")]
        changes.removeAliases = ["IEO"]
        changes.setAttributes = ["founded": "1979"]
        changes.removeAttributes = ["headquarters"]
        changes.addCitations = [CitationRef(source: "walaw")]
        changes.addClaims = [Claim(field: "founded", value: "1982", citation: CitationRef(source: "allafrica", quote: "founded in 1982"))]
        let updated = try store.update("IEO", with: changes)
        #expect(updated.key == "icesco", "the key never changes")
        #expect(updated.name == "ICESCO")

        let profile = try store.profile(of: "الايسيسكو", relationsPerGroup: nil)
        #expect(profile.name == "ICESCO" && profile.kind == "igo" && profile.note == nil)
        #expect(profile.start?.description == "1979")
        #expect(profile.aliases == [Alias(name: "الإيسيسكو", language: "ar")])
        #expect(profile.attributes == ["founded": "1979"])
        #expect(profile.citations.map(\.source) == ["walaw"])
        let founded = profile.claims.first { $0.field == "founded" }
        #expect(founded?.values.map(\.value) == ["1979", "1982"], "the current value first, then the one another source states")
        #expect(founded?.values.map { $0.sources.map(\.source) } == [["walaw"], ["allafrica"]])
        #expect(profile.claims.map(\.field) == ["founded", "start"])
        // The new name and alias are found by search; the old alias no longer names it.
        #expect(try store.search(SearchQuery("ICESCO")).hits.first?.key == "icesco")
        #expect(thrownError { _ = try store.entity("IEO") } is PartnerGraphError)
    }

    @Test("update refuses an alias the entity lacks, a period that ends before it starts, an unknown source, and changes nothing", arguments: StoreKind.tested)
    func updateRefusals(kind: StoreKind) throws {
        let store = try makeStore(kind)
        try store.addEntity(NewEntity(type: .organization, name: "ICESCO", startDate: try PartialDate("1979")))
        let before = try comparable(store.profile(of: "ICESCO", relationsPerGroup: nil))

        var missingAlias = EntityChanges()
        missingAlias.name = "Renamed"
        missingAlias.removeAliases = ["IEO"]
        #expect(thrownError { try store.update("ICESCO", with: missingAlias) } as? PartnerGraphError == .aliasNotFound(entity: "icesco", alias: "IEO"))

        var backwards = EntityChanges()
        backwards.kind = .set("igo")
        backwards.endDate = .set(try PartialDate("1970"))
        #expect(thrownError { try store.update("ICESCO", with: backwards) } is PartnerGraphError)

        var unknownSource = EntityChanges()
        unknownSource.setAttributes = ["founded": "1979"]
        unknownSource.addCitations = [CitationRef(source: "nowhere")]
        #expect(thrownError { try store.update("ICESCO", with: unknownSource) } as? PartnerGraphError == .sourceNotFound("nowhere", known: []))

        #expect(thrownError { try store.update("ICESCOO", with: EntityChanges()) } is PartnerGraphError)
        #expect(try comparable(store.profile(of: "ICESCO", relationsPerGroup: nil)) == before, "nothing of a refused update is written")
    }

    @Test("remove refuses an entity with relations unless cascading, then removes them with it", arguments: StoreKind.tested)
    func removeWithAndWithoutCascade(kind: StoreKind) throws {
        let store = try makeStore(kind)
        try store.addSource(Source(key: "press", title: "A press release"))
        try store.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        try store.addEntity(NewEntity(type: .organization, name: "Old Forum", aliases: [Alias(name: "المنتدى القديم", language: "ar")]))
        try store.addEntity(NewEntity(type: .person, name: "Anar Karimov"))
        try store.link("ICESCO", "partner_of", "Old Forum", RelationDetails(note: "a searchable note", citations: [CitationRef(source: "press")]))
        try store.link("Anar Karimov", "works_for", "Old Forum", RelationDetails(role: "adviser"))

        let refused = thrownError { _ = try store.remove("المنتدى القديم", cascade: false) }
        #expect(refused as? PartnerGraphError == .entityHasRelations("old-forum", count: 2))
        #expect(try store.graphSize() == (3, 2), "nothing is removed when remove refuses")

        let report = try store.remove("Old Forum", cascade: true)
        #expect(report.entity.key == "old-forum")
        #expect(report.removedRelations.map { $0.summary.replacingOccurrences(of: #"#\d+ "#, with: "", options: .regularExpression) } == [
            "icesco —partner_of→ old-forum", "anar-karimov —works_for→ old-forum as \"adviser\"",
        ])
        #expect(try store.graphSize() == (2, 0))
        #expect(thrownError { _ = try store.entity("Old Forum") } is PartnerGraphError)
        #expect(try store.search(SearchQuery("searchable")).hits.isEmpty, "the removed relation's note is no longer found")
        #expect(try store.source("press").relations.isEmpty, "its citations went with it")

        // Without relations, no --cascade is needed; an unknown name is refused.
        #expect(try store.remove("Anar Karimov", cascade: false).removedRelations.isEmpty)
        #expect(thrownError { _ = try store.remove("Nobody", cascade: true) } is PartnerGraphError)
    }

    @Test("sources are listed with their citation counts and shown with what cites them", arguments: StoreKind.tested)
    func sourcesListAndShow(kind: StoreKind) throws {
        let store = try makeStore(kind)
        try store.addSource(Source(key: "walaw", title: "A report", publisher: "WALAW", published: try PartialDate("2024-05-06"), language: "en"))
        try store.addSource(Source(key: "allafrica", title: "Another report", text: "ICESCO was founded in 1982."))
        #expect(thrownError { try store.addSource(Source(key: "walaw", title: "Again")) } as? PartnerGraphError == .duplicateSource("walaw"))
        try store.addEntity(NewEntity(type: .organization, name: "ICESCO", attributes: ["founded": "1979"], citations: [CitationRef(source: "walaw")]))
        try store.addEntity(NewEntity(type: .organization, name: "Azerbaijan"))
        try store.link("ICESCO", "partner_of", "Azerbaijan", RelationDetails(role: "host", citations: [CitationRef(source: "walaw", quote: "partners")]))
        var claim = EntityChanges()
        claim.addClaims = [Claim(field: "founded", value: "1982", citation: CitationRef(source: "allafrica", quote: "founded in 1982"))]
        try store.update("ICESCO", with: claim)

        let listed = try store.sources()
        #expect(listed.map(\.key) == ["allafrica", "walaw"])
        #expect(listed.map(\.citationCount) == [0, 2])
        #expect(listed.map(\.hasText) == [true, false])
        #expect(listed[1].published?.description == "2024-05-06")

        let walaw = try store.source("walaw")
        #expect(walaw.source.publisher == "WALAW")
        #expect(walaw.entities.map(\.key) == ["icesco"])
        #expect(walaw.relations.map { $0.replacingOccurrences(of: #"#\d+ "#, with: "", options: .regularExpression) } == [
            "icesco —partner_of→ azerbaijan as \"host\"",
        ])
        #expect(walaw.claims == ["icesco founded = 1979"], "the attribute set with the citation")
        #expect(try store.source("allafrica").claims == ["icesco founded = 1982 “founded in 1982”"])
        #expect(thrownError { _ = try store.source("nowhere") } as? PartnerGraphError == .sourceNotFound("nowhere", known: ["allafrica", "walaw"]))
    }

    @Test("a relation type added to the vocabulary is listed and its rules hold for the next link", arguments: StoreKind.tested)
    func vocabularyAddsTypes(kind: StoreKind) throws {
        let store = try makeStore(kind)
        let builtin = try store.relationTypes()
        #expect(builtin.count == 14 && builtin.allSatisfy(\.builtin))
        try store.addRelationType(RelationType(
            name: "funds", forwardPhrase: "funds", inversePhrase: "funded by", sourceTypes: [.organization], targetTypes: [.event],
            description: "pays for"))
        let types = try store.relationTypes()
        #expect(types.last?.name == "funds" && types.last?.builtin == false && types.last?.description == "pays for")

        try store.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        try store.addEntity(NewEntity(type: .event, name: "COP29"))
        try store.addEntity(NewEntity(type: .person, name: "Anar Karimov"))
        try store.link("ICESCO", "funds", "COP29", RelationDetails())
        let forbidden = thrownError { try store.link("Anar Karimov", "funds", "COP29", RelationDetails()) }
        #expect(forbidden as? PartnerGraphError == .relationNotAllowed(
            type: "funds", from: .person, to: .event, sourceTypes: [.organization], targetTypes: [.event]))

        let again = RelationType(name: "funds", forwardPhrase: "x", inversePhrase: "y", sourceTypes: [.person], targetTypes: [.event])
        #expect(thrownError { try store.addRelationType(again) } as? PartnerGraphError == .relationTypeExists("funds"))
        let badName = RelationType(name: "Funds-By", forwardPhrase: "x", inversePhrase: "y", sourceTypes: [.person], targetTypes: [.event])
        #expect(thrownError { try store.addRelationType(badName) } as? PartnerGraphError == .invalidRelationTypeName("Funds-By"))
        let lopsided = RelationType(
            name: "twinned_with", forwardPhrase: "twinned with", inversePhrase: "twinned with", sourceTypes: [.place], targetTypes: [.organization],
            symmetric: true)
        #expect(thrownError { try store.addRelationType(lopsided) } is PartnerGraphError)
        #expect(try store.relationTypes().count == 15, "refused types are not added")
    }

    @Test("the example loads into an empty graph, and a second time adds nothing", arguments: StoreKind.tested)
    func exampleLoadsTwice(kind: StoreKind) throws {
        let store = try makeStore(kind)
        let first = try store.loadExample()
        #expect(first.entitiesAdded == 21 && first.relationsAdded == 33 && first.sourcesAdded == 1)
        let exported = try store.exportDocument().jsonData()
        #expect(try store.exportDocument() == exampleDocument(), "the graph is the example, timestamps included")

        let second = try store.loadExample()
        #expect(second.entitiesAdded == 0 && second.relationsAdded == 0 && second.sourcesAdded == 0)
        #expect(second.entitiesUpdated == 21 && second.relationsUpdated == 33 && second.sourcesUpdated == 1)
        #expect(try store.exportDocument().jsonData() == exported)
        #expect(try store.search(SearchQuery("الإيسيسكو", entityTypes: [.organization])).hits.first?.key == "icesco")
    }

    @Test("the example is refused, with nothing written, where the graph holds one of its keys as another type", arguments: StoreKind.tested)
    func exampleContradicted(kind: StoreKind) throws {
        let store = try makeStore(kind)
        try store.addEntity(NewEntity(type: .person, name: "ICESCO"))
        let error = thrownError { try store.loadExample() }
        guard case let .invalidDocument(file, problems)? = error as? ImportError else {
            Issue.record("expected invalidDocument, got \(String(describing: error))")
            return
        }
        #expect(file == "the bundled example")
        #expect(problems.contains { $0.message == "the database already holds icesco as a person, not a organization" })
        #expect(try store.graphSize() == (1, 0))
    }
}

/// After the same updates and removals, both stores hold the same graph.
@Suite("The same graph from SQLite and PostgreSQL after updates", .enabled(if: TestServer.enabled, TestServer.skipReason))
struct MaintenanceParityTests {
    @Test("update and remove leave both stores with the same export and profiles")
    func sameGraphAfterChanges() throws {
        let stores = [try makeStore(.sqlite), try makeStore(.postgres)]
        for store in stores {
            try store.loadExample()
            var changes = EntityChanges()
            changes.name = "Islamic World Educational, Scientific and Cultural Organization"
            changes.addAliases = [Alias(name: "إيسيسكو", language: "ar")]
            changes.setAttributes = ["founded": "1979", "headquarters": "Rabat"]
            changes.addCitations = [CitationRef(source: "icesco-2024-03-26", quote: "ICESCO")]
            changes.date = .clear
            try store.update("ICESCO", with: changes)
            _ = try store.remove("Anar Karimov", cascade: true)
            try store.addRelationType(RelationType(
                name: "funds", forwardPhrase: "funds", inversePhrase: "funded by", sourceTypes: [.organization], targetTypes: [.event]))
            try store.link("icesco", "funds", "COP29", RelationDetails())
        }
        #expect(try comparable(stores[0].exportDocument()) == comparable(stores[1].exportDocument()))
        for name in ["icesco", "COP29", "Republic of Azerbaijan"] {
            #expect(
                try comparable(stores[0].profile(of: name, relationsPerGroup: nil)) == comparable(stores[1].profile(of: name, relationsPerGroup: nil)),
                "show \(name)")
        }
        #expect(try comparable(stores[0].sources()) == comparable(stores[1].sources()))
        #expect(try comparable(stores[0].source("icesco-2024-03-26")) == comparable(stores[1].source("icesco-2024-03-26")))
        #expect(try stores[0].relationTypes() == stores[1].relationTypes())
    }
}
