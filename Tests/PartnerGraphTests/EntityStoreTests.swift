import Testing
@testable import PartnerGraph

struct EntityStoreTests {
    @Test("An entity is found by key, by name and by an alias in another script and spelling")
    func resolvesByKeyNameAndAlias() throws {
        let store = try PartnerGraphStore()
        let added = try store.addEntity(
            NewEntity(type: .organization, name: "ICESCO", kind: "igo", aliases: [try Alias(parsing: "الإيسيسكو@ar")]))
        #expect(added.key == "icesco")
        for name in ["icesco", "ICESCO", "Icesco", "الإيسيسكو", "الايسيسكو", "الإيسـيسكو"] {
            #expect(try store.entity(name).key == "icesco", "\(name) should find ICESCO")
        }
        let profile = try store.profile(of: "الإيسيسكو")
        #expect(profile.aliases == [Alias(name: "الإيسيسكو", language: "ar")])
        #expect(profile.kind == "igo")
    }

    @Test("An unknown name is refused with the closest candidates")
    func notFoundSuggests() throws {
        let store = try PartnerGraphStore()
        try store.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        try store.addEntity(NewEntity(type: .person, name: "Sahiba Gafarova"))
        #expect(throws: PartnerGraphError.entityNotFound(
            "ICESCOO", suggestions: [.init(key: "icesco", type: .organization, name: "ICESCO")])) {
            try store.entity("ICESCOO")
        }
        do {
            _ = try store.entity("Gafarva")
            Issue.record("expected a not-found error")
        } catch let error as PartnerGraphError {
            #expect(error.description.contains("did you mean \"Sahiba Gafarova\" (sahiba-gafarova)?"))
        }
    }

    @Test("A name shared by two entities is refused with each candidate's key and type")
    func ambiguousNameListsCandidates() throws {
        let store = try PartnerGraphStore()
        try store.addEntity(NewEntity(type: .organization, name: "Azerbaijan", key: "azerbaijan-state"))
        try store.addEntity(NewEntity(type: .place, name: "Azerbaijan", key: "azerbaijan-place"))
        do {
            _ = try store.entity("azerbaijan")
            Issue.record("expected an ambiguity error")
        } catch let PartnerGraphError.ambiguousEntity(_, candidates) {
            #expect(candidates.map(\.key) == ["azerbaijan-place", "azerbaijan-state"])
            #expect(candidates.map(\.type) == [.place, .organization])
        }
        #expect(try store.entity("azerbaijan-place").type == .place)
    }

    @Test("A key already taken is refused, and nothing is written")
    func duplicateKey() throws {
        let store = try PartnerGraphStore()
        try store.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        #expect(throws: PartnerGraphError.self) {
            try store.addEntity(NewEntity(type: .organization, name: "icesco", aliases: [Alias(name: "x")]))
        }
        #expect(try store.entities().count == 1)
        #expect(try store.profile(of: "icesco").aliases.isEmpty)
    }

    @Test("Keys given by the user must be valid", arguments: ["has space", "", "semi;colon", "quote\"d"])
    func invalidKeys(key: String) throws {
        let store = try PartnerGraphStore()
        #expect(throws: PartnerGraphError.self) {
            try store.addEntity(NewEntity(type: .organization, name: "X", key: key))
        }
    }

    @Test("Invalid dates and periods that end before they start are refused")
    func entityDates() throws {
        let store = try PartnerGraphStore()
        #expect(throws: PartnerGraphError.endBeforeStart(start: try PartialDate("2024"), end: try PartialDate("2023"))) {
            try store.addEntity(NewEntity(type: .event, name: "E", startDate: PartialDate("2024"), endDate: PartialDate("2023")))
        }
        #expect(throws: PartnerGraphError.self) {
            try store.addEntity(NewEntity(type: .event, name: "E", date: PartialDate("2024"), startDate: PartialDate("2024")))
        }
        #expect(try store.entities().isEmpty)
    }

    @Test("Update renames, adds and removes aliases and attributes, and changes kind, dates and note")
    func update() throws {
        let store = try PartnerGraphStore()
        try store.addEntity(
            NewEntity(type: .organization, name: "Milli Majlis", aliases: [Alias(name: "Majlis", language: "en")],
                      attributes: ["seats": "125"], note: "old"))
        var changes = EntityChanges()
        changes.name = "National Assembly of the Republic of Azerbaijan"
        changes.addAliases = [try Alias(parsing: "المجلس الوطني لجمهورية أذربيجان@ar")]
        changes.removeAliases = ["Majlis"]
        changes.setAttributes = ["founded": "1918"]
        changes.removeAttributes = ["seats"]
        changes.kind = .set("parliament")
        changes.startDate = .set(try PartialDate("1918"))
        changes.note = .clear
        try store.update("milli-majlis", with: changes)
        let profile = try store.profile(of: "المجلس الوطني لجمهورية اذربيجان")
        #expect(profile.key == "milli-majlis", "the key stays stable across a rename")
        #expect(profile.name == "National Assembly of the Republic of Azerbaijan")
        #expect(profile.aliases.map(\.name) == ["المجلس الوطني لجمهورية أذربيجان"])
        #expect(profile.attributes == ["founded": "1918"])
        #expect(profile.kind == "parliament")
        #expect(profile.start?.description == "1918")
        #expect(profile.note == nil)
    }

    @Test("Removing an alias the entity does not have is refused and changes nothing")
    func removeMissingAlias() throws {
        let store = try PartnerGraphStore()
        try store.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        var changes = EntityChanges()
        changes.name = "Renamed"
        changes.removeAliases = ["nope"]
        #expect(throws: PartnerGraphError.aliasNotFound(entity: "icesco", alias: "nope")) {
            try store.update("icesco", with: changes)
        }
        #expect(try store.entity("icesco").name == "ICESCO")
    }

    @Test("Remove refuses while relations exist, and --cascade removes and reports them")
    func removeCascade() throws {
        let store = try PartnerGraphStore()
        try store.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        try store.addEntity(NewEntity(type: .person, name: "Salim M. AlMalik"))
        try store.link("Salim M. AlMalik", "heads", "ICESCO", RelationDetails(role: "Director-General"))
        #expect(throws: PartnerGraphError.entityHasRelations("icesco", count: 1)) {
            try store.remove("ICESCO", cascade: false)
        }
        #expect(try store.profile(of: "icesco").relations.count == 1)
        let report = try store.remove("ICESCO", cascade: true)
        #expect(report.entity.key == "icesco")
        #expect(report.removedRelations.map(\.type) == ["heads"])
        #expect(try store.profile(of: "salim-m-almalik").relations.isEmpty)
        #expect(throws: PartnerGraphError.self) { try store.entity("icesco") }
    }

    @Test("List filters by type and kind and counts relations")
    func list() throws {
        let store = try exampleStore()
        let people = try store.entities(type: .person)
        #expect(people.map(\.key) == ["anar-karimov", "sahiba-gafarova", "salim-m-almalik"])
        #expect(people.first { $0.key == "sahiba-gafarova" }?.relationCount == 4)
        #expect(try store.entities(type: .organization, kind: "state").map(\.key) == ["azerbaijan"])
    }
}
