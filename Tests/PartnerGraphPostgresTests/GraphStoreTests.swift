import Foundation
import PartnerGraph
import PartnerGraphPostgres
import Testing

/// The same behaviour from both stores: each test runs once on SQLite and once on PostgreSQL.
@Suite("GraphStore on SQLite and PostgreSQL")
struct GraphStoreTests {
    @Test("init applies every migration", arguments: StoreKind.tested)
    func initAppliesMigrations(kind: StoreKind) throws {
        let store = try makeStore(kind)
        let expected = kind == .sqlite ? PartnerGraphStore.schemaVersion : PostgresStore.schemaVersion
        #expect(try store.recordedSchemaVersion() == expected)
        #expect(try store.graphSize() == (0, 0))
    }

    @Test("add stores names, aliases, attributes, dates and citations, and show reads them back", arguments: StoreKind.tested)
    func addThenShow(kind: StoreKind) throws {
        let store = try makeStore(kind)
        try store.addSource(Source(key: "icesco-2024-03-26", title: "Partnership between ICESCO and Azerbaijan", publisher: "ICESCO"))
        let added = try store.addEntity(NewEntity(
            type: .organization, name: "ICESCO", kind: "igo", aliases: [Alias(name: "الإيسيسكو", language: "ar")],
            attributes: ["headquarters": "Rabat", "founded": "1979"], startDate: try PartialDate("1979"),
            note: "Intergovernmental organization", citations: [CitationRef(source: "icesco-2024-03-26", quote: "ICESCO")]))
        #expect(added.key == "icesco")
        let profile = try store.profile(of: "الايسيسكو", relationsPerGroup: nil)
        #expect(profile.key == "icesco")
        #expect(profile.aliases == [Alias(name: "الإيسيسكو", language: "ar")])
        #expect(profile.attributes == ["headquarters": "Rabat", "founded": "1979"])
        #expect(profile.start?.description == "1979")
        #expect(profile.citations.map(\.quote) == ["ICESCO"])
        #expect(profile.claims.map(\.field) == ["founded", "headquarters", "start"])
        // The key is taken: the second entity of that name is refused with the existing one named.
        let error = thrownError { try store.addEntity(NewEntity(type: .person, name: "ICESCO")) }
        #expect(error as? PartnerGraphError == .duplicateKey("icesco", existing: .init(key: "icesco", type: .organization, name: "ICESCO")))
    }

    @Test("link checks the vocabulary's type rules, dates and duplicates", arguments: StoreKind.tested)
    func linkRules(kind: StoreKind) throws {
        let store = try makeStore(kind)
        try store.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        try store.addEntity(NewEntity(type: .person, name: "Salim M. AlMalik"))
        try store.addEntity(NewEntity(type: .organization, name: "Azerbaijan"))
        let view = try store.link("Salim M. AlMalik", "heads", "ICESCO", RelationDetails(role: "Director-General", startDate: try PartialDate("2021")))
        #expect(view.summary.hasSuffix("salim-m-almalik —heads→ icesco as \"Director-General\" (since 2021)"))

        let backwards = thrownError { try store.link("ICESCO", "heads", "Salim M. AlMalik", RelationDetails()) }
        #expect(backwards as? PartnerGraphError == .relationNotAllowed(
            type: "heads", from: .organization, to: .person, sourceTypes: [.person], targetTypes: [.organization, .event]))
        let duplicate = thrownError {
            try store.link("Salim M. AlMalik", "heads", "ICESCO", RelationDetails(role: "Director-General", startDate: try PartialDate("2021")))
        }
        #expect(duplicate is PartnerGraphError, "a second identical relation is refused")
        let badDates = thrownError {
            try store.link("ICESCO", "partner_of", "Azerbaijan", RelationDetails(startDate: try PartialDate("2024"), endDate: try PartialDate("2020")))
        }
        #expect(badDates is PartnerGraphError)

        // A symmetric relation is one fact whichever way it was written.
        try store.link("ICESCO", "partner_of", "Azerbaijan", RelationDetails())
        let reversed = thrownError { try store.link("Azerbaijan", "partner_of", "ICESCO", RelationDetails()) }
        #expect(reversed as? PartnerGraphError == .duplicateRelation(description: "azerbaijan —partner_of→ icesco"))
        #expect(try store.graphSize() == (3, 2))
    }

    @Test("link cites sources, and unlink removes what it names", arguments: StoreKind.tested)
    func linkCitesAndUnlinks(kind: StoreKind) throws {
        let store = try makeStore(kind)
        try store.addSource(Source(key: "press", title: "A press release"))
        try store.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        try store.addEntity(NewEntity(type: .event, name: "COP29", date: try PartialDate("2024")))
        try store.link("ICESCO", "participated_in", "COP29", RelationDetails(date: try PartialDate("2024"), citations: [CitationRef(source: "press", quote: "took part")]))
        try store.link("ICESCO", "participated_in", "COP29", RelationDetails(role: "observer", date: try PartialDate("2024")))
        let unknown = thrownError { try store.link("ICESCO", "organized", "COP29", RelationDetails(citations: [CitationRef(source: "nowhere")])) }
        #expect(unknown as? PartnerGraphError == .sourceNotFound("nowhere", known: ["press"]))

        let shown = try store.profile(of: "COP29", relationsPerGroup: nil).relations
        #expect(shown.map(\.phrase) == ["had participant", "had participant"])
        #expect(shown.flatMap(\.citations).map(\.quote) == ["took part"])

        let ambiguous = thrownError { try store.unlink("ICESCO", "participated_in", "COP29", role: nil, start: nil, all: false) }
        #expect(ambiguous.map { "\($0)" }?.contains("--all") ?? false || ambiguous is PartnerGraphError)
        let removed = try store.unlink("ICESCO", "participated-in", "COP29", role: "observer", start: nil, all: false)
        #expect(removed.map(\.role) == ["observer"])
        #expect(try store.graphSize().relations == 1)
        let gone = thrownError { try store.unlink("ICESCO", "participated_in", "COP29", role: "observer", start: nil, all: false) }
        #expect(gone as? PartnerGraphError == .relationNotFound(description: "icesco —participated_in→ cop29"))
    }

    @Test("an unknown name is refused with the closest names", arguments: StoreKind.tested)
    func unknownName(kind: StoreKind) throws {
        let store = try makeExampleStore(kind)
        let error = thrownError { _ = try store.profile(of: "ICESCOO", relationsPerGroup: nil) }
        guard case let .entityNotFound(name, suggestions)? = error as? PartnerGraphError else {
            Issue.record("expected entityNotFound, got \(String(describing: error))")
            return
        }
        #expect(name == "ICESCOO")
        #expect(suggestions.first?.key == "icesco")
    }

    @Test("search finds names in any spelling, Arabic clitics included", arguments: StoreKind.tested)
    func search(kind: StoreKind) throws {
        let store = try makeExampleStore(kind)
        let arabic = try store.search(SearchQuery("الإيسيسكو", entityTypes: [.organization]))
        #expect(arabic.hits.first?.key == "icesco")
        let prefix = try store.search(SearchQuery("azerb"))
        #expect(prefix.hits.contains { $0.key == "azerbaijan" })
        let none = try store.search(SearchQuery("zzzzqqq"))
        #expect(none.hits.isEmpty)
    }
}

/// The example graph answers the same from both stores: `show`, `neighbors`, `path`, `export`.
@Suite("The same answers from SQLite and PostgreSQL", .enabled(if: TestServer.enabled, TestServer.skipReason))
struct StoreParityTests {
    @Test("show, neighbors and path give the same answers from both stores")
    func sameAnswers() throws {
        let sqlite = try makeExampleStore(.sqlite)
        let postgres = try makeExampleStore(.postgres)
        for name in ["ICESCO", "Sahiba Gafarova", "COP29", "الإيسيسكو"] {
            #expect(try comparable(sqlite.profile(of: name, relationsPerGroup: nil)) == comparable(postgres.profile(of: name, relationsPerGroup: nil)), "show \(name)")
        }
        let neighborQueries = [
            NeighborQuery(entity: "ICESCO", depth: 2),
            NeighborQuery(entity: "ICESCO", depth: 3, limit: 7),
            NeighborQuery(entity: "Sahiba Gafarova", depth: 2, relations: ["heads", "participated_in"], asOf: try PartialDate("2024")),
            NeighborQuery(entity: "ICESCO", depth: 2, entityTypes: [.person], directed: true),
        ]
        for query in neighborQueries {
            #expect(try comparable(sqlite.neighbors(query)) == comparable(postgres.neighbors(query)), "neighbors \(query)")
        }
        let pathQueries = [
            PathQuery(from: "Salim M. AlMalik", to: "Sahiba Gafarova"),
            PathQuery(from: "Salim M. AlMalik", to: "Sahiba Gafarova", k: 3, avoid: ["Meeting of AlMalik and Gafarova in Geneva"]),
            PathQuery(from: "ICESCO", to: "COP29", relations: ["participated_in"]),
            PathQuery(from: "ICESCO", to: "Republic of Azerbaijan", k: 4, directed: true),
        ]
        for query in pathQueries {
            #expect(try comparable(sqlite.paths(query)) == comparable(postgres.paths(query)), "path \(query)")
        }
        let noPath = PathQuery(from: "ICESCO", to: "Sahiba Gafarova", maxDepth: 1)
        #expect(thrownError { _ = try sqlite.paths(noPath) } as? QueryError == thrownError { _ = try postgres.paths(noPath) } as? QueryError)
    }

    @Test("copy SQLite → PostgreSQL → SQLite keeps export byte for byte")
    func copyRoundTrip() throws {
        let original = try PartnerGraphStore()
        try original.loadExample()
        try original.addRelationType(RelationType(
            name: "funds", forwardPhrase: "funds", inversePhrase: "funded by", sourceTypes: [.organization], targetTypes: [.event]))
        try original.link("ICESCO", "funds", "COP29", RelationDetails(note: "a note to search"))
        let exported = try original.exportDocument().jsonData()

        let postgres = try makeStore(.postgres)
        let report = try postgres.load(try original.exportDocument())
        #expect(report.entitiesAdded == 21 && report.relationsAdded == 34 && report.relationTypesAdded == 1)
        #expect(try postgres.exportDocument().jsonData() == exported)

        let back = try PartnerGraphStore()
        try back.load(try postgres.exportDocument())
        #expect(try back.exportDocument().jsonData() == exported)

        // A copy goes into an empty graph only.
        let again = thrownError { try postgres.load(try original.exportDocument()) }
        #expect(again as? CopyError == .destinationNotEmpty(location: postgres.location, entities: 21, relations: 34))
        // What was copied is searchable and linkable as any other graph.
        #expect(try postgres.search(SearchQuery("note to search")).hits.first?.kind == .relation)
        try postgres.addEntity(NewEntity(type: .event, name: "Forum 2025"))
        try postgres.link("ICESCO", "funds", "Forum 2025", RelationDetails())
    }
}
