import Foundation
import PartnerGraph
@testable import PartnerGraphPostgres
import Testing

/// `update`, `remove` and `vocab add` with many writers at once on one PostgreSQL graph.
extension ConcurrencyTests {
    @Test("16 writers updating one entity at once each keep their change")
    func sixteenUpdaters() throws {
        let url = try TestServer.freshURL()
        let setup = try PostgresStore(url: url, mode: .create)
        try setup.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        let results = try concurrently(16, url: url) { writer, store in
            var changes = EntityChanges()
            changes.setAttributes = ["field \(writer)": "value \(writer)"]
            changes.addAliases = [Alias(name: "ICESCO \(writer)", language: "en")]
            if writer == 0 { changes.kind = .set("igo") }
            if writer == 1 { changes.note = .set("Rabat") }
            return try store.update("ICESCO", with: changes).key
        }
        #expect(results.allSatisfy { (try? $0.get()) == "icesco" }, "every update finished: \(results)")
        let profile = try setup.profile(of: "ICESCO", relationsPerGroup: nil)
        #expect(profile.attributes.count == 16)
        #expect(profile.aliases.count == 16)
        #expect(profile.kind == "igo" && profile.note == "Rabat", "a change of one field is not undone by another's")
    }

    @Test("remove --cascade while 8 writers link to the entity leaves no relation to it")
    func removeWhileLinking() throws {
        let url = try TestServer.freshURL()
        let setup = try PostgresStore(url: url, mode: .create)
        try setup.addEntity(NewEntity(type: .organization, name: "Old Forum"))
        for number in 0..<8 { try setup.addEntity(NewEntity(type: .person, name: "Member \(number)")) }
        let results = try concurrently(9, url: url) { writer, store in
            if writer == 8 { return try store.remove("Old Forum", cascade: true).removedRelations.count }
            for number in 0..<5 {
                try store.link("Member \(writer)", "works_for", "Old Forum", RelationDetails(role: "role \(number)"))
            }
            return 5
        }
        let removed = try #require(try? results[8].get(), "remove succeeded: \(results[8])")
        for case let .failure(error) in results.prefix(8) {
            guard case .entityNotFound? = error as? PartnerGraphError else {
                Issue.record("a link after the removal is told the entity is gone, not \(error)")
                continue
            }
        }
        #expect(try setup.graphSize() == (8, 0), "every relation linked before the removal went with it (\(removed) removed)")
    }

    @Test("the database's type-rule trigger holds every writer to a relation type added with vocab add")
    func triggerSeesNewRules() throws {
        let url = try TestServer.freshURL()
        let store = try PostgresStore(url: url, mode: .create)
        try store.addRelationType(RelationType(
            name: "funds", forwardPhrase: "funds", inversePhrase: "funded by", sourceTypes: [.organization], targetTypes: [.event]))
        let icesco = try store.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        let person = try store.addEntity(NewEntity(type: .person, name: "Anar Karimov"))
        let cop29 = try store.addEntity(NewEntity(type: .event, name: "COP29"))
        // Rows written past the program's checks (psql, another tool) meet the trigger, which reads the new rules.
        func insert(_ source: Entity) throws {
            _ = try store.session.exclusive {
                try store.session.run(
                    "INSERT INTO relation (source_id, type, target_id, created_at, updated_at) VALUES (\(source.id!), 'funds', \(cop29.id!), 'now', 'now')")
            }
        }
        #expect((thrownError { try insert(person) } as? PostgresRuleViolation)?.state == "PGR01", "a person may not fund")
        try insert(icesco)
        #expect(try store.graphSize().relations == 1)
    }

    @Test("16 writers adding the same relation type at once: one adds it, the others are told it exists")
    func sameRelationTypeOnce() throws {
        let url = try TestServer.freshURL()
        let setup = try PostgresStore(url: url, mode: .create)
        let results = try concurrently(16, url: url) { writer, store in
            try store.addRelationType(RelationType(
                name: "funds", forwardPhrase: "funds \(writer)", inversePhrase: "funded by", sourceTypes: [.organization], targetTypes: [.event]))
        }
        #expect(results.filter { (try? $0.get()) != nil }.count == 1)
        #expect(results.allSatisfy {
            if case let .failure(error) = $0 { return error as? PartnerGraphError == .relationTypeExists("funds") }
            return true
        })
        #expect(try setup.relationTypes().filter { $0.name == "funds" }.count == 1)
    }
}
