import Foundation
import Testing
@testable import PartnerGraph

/// The look-ups behind a shell's completion: what starts with the text typed, as typed.
struct CompletionQueryTests {
    private static func store() throws -> PartnerGraphStore {
        let store = try PartnerGraphStore()
        for (key, name) in [("dup-1", "Dup"), ("dup-2", "Dup"), ("dup-3", "Dup"), ("dupont", "Dupont"), ("societe", "Société Générale")] {
            try store.addEntity(NewEntity(type: .organization, name: name, key: key))
        }
        try store.addEntity(NewEntity(type: .person, name: "Ahmed", key: "ahmed", aliases: [Alias(name: "أحمد", language: "ar")]))
        return store
    }

    @Test("Names, keys and aliases that start with the prefix, distinct and sorted by their bytes")
    func prefixes() throws {
        let store = try Self.store()
        #expect(try store.entityNames(startingWith: "Dup") == ["Dup", "Dupont"])
        #expect(try store.entityNames(startingWith: "dup") == ["dup-1", "dup-2", "dup-3", "dupont"])
        #expect(try store.entityNames(startingWith: "Soci") == ["Société Générale"])
        #expect(try store.entityNames(startingWith: "Socie").isEmpty, "as written: é is not e")
        #expect(try store.entityNames(startingWith: "أ") == ["أحمد"])
        #expect(try store.entityNames(startingWith: "ا").isEmpty, "as written: أ is not ا")
        #expect(try store.entityNames(startingWith: "").contains("ahmed"))
        #expect(try !store.entityNames(startingWith: "").contains("أحمد"), "aliases only once a prefix is typed")
    }

    @Test("The limit keeps the first distinct candidates: same-named entities do not crowd out others")
    func limit() throws {
        let store = try Self.store()
        #expect(try store.entityNames(startingWith: "Dup", limit: 2) == ["Dup", "Dupont"])
        #expect(try store.entityNames(startingWith: "", limit: 3) == ["Ahmed", "Dup", "Dupont"])
    }

    @Test("Source keys that start with the prefix")
    func sources() throws {
        let store = try Self.store()
        try store.addSource(Source(key: "icesco-2024-03-26", title: "A"))
        try store.addSource(Source(key: "icesco-2024-05-14", title: "B"))
        try store.addSource(Source(key: "alecso", title: "C"))
        #expect(try store.sourceKeys(startingWith: "icesco-2024-0") == ["icesco-2024-03-26", "icesco-2024-05-14"])
        #expect(try store.sourceKeys(startingWith: "") == ["alecso", "icesco-2024-03-26", "icesco-2024-05-14"])
        #expect(try store.sourceKeys(startingWith: "x").isEmpty)
    }
}
