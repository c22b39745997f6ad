import Foundation
import Testing
@testable import PartnerGraph

/// Names and notes are data, never code.
struct HostileInputTests {
    static let hostileNames: [String] = [
        #"Quote " and 'single' and `back`"#,
        #"Back\slash \" \\ \n"#,
        "<b>bold</b> & <IMG SRC=\"/etc/passwd\"> >",
        "x'); DROP TABLE entity; --",
        "Robert\"; DELETE FROM relation WHERE 1=1; --",
        "\u{202E}evil\u{202C} \u{200F}الإيسيسكو\u{200E}",
        "graph { a -> b } [label=\"x\"] node edge strict digraph",
        // As long as a name may be, once " alias" is added to it: 500 characters.
        String(repeating: "ح", count: 247) + String(repeating: "x", count: 247),
    ]

    @Test("Hostile names and notes round-trip exactly through the store and the interchange format", arguments: hostileNames)
    func roundTrip(name: String) throws {
        let store = try PartnerGraphStore()
        let entity = try store.addEntity(
            NewEntity(type: .organization, name: name, key: "hostile", aliases: [Alias(name: name + " alias", language: "ar")],
                      attributes: [name: name], note: name))
        try store.addEntity(NewEntity(type: .person, name: "Someone"))
        try store.link("someone", "works_for", "hostile", RelationDetails(role: name, note: name))
        let profile = try store.profile(of: entity.key)
        #expect(profile.name == name)
        #expect(profile.note == name)
        #expect(profile.aliases.first?.name == name + " alias")
        #expect(profile.attributes[name] == name)
        #expect(profile.relations.first?.role == name)
        #expect(profile.relations.first?.note == name)

        let data = try store.exportDocument().jsonData()
        let copy = try PartnerGraphStore()
        try copy.importJSON(data, file: "hostile.json")
        #expect(try copy.exportDocument().jsonData() == data)
        #expect(try copy.profile(of: "hostile").name == name)
        #expect(try copy.entities().count == 2, "no statement was injected")
    }

    @Test("A note keeps its line breaks and tabs, and may be 100 kB long", arguments: [
        "Line one\nLine two\r\nLine three\ttab",
        String(repeating: "ح", count: 25_000) + String(repeating: "x", count: 50_000),
    ])
    func noteRoundTrip(note: String) throws {
        let store = try PartnerGraphStore()
        try store.addEntity(NewEntity(type: .organization, name: "Noted", key: "noted", note: note))
        try store.addEntity(NewEntity(type: .person, name: "Someone"))
        try store.link("someone", "works_for", "noted", RelationDetails(note: note))
        let profile = try store.profile(of: "noted")
        #expect(profile.note == note)
        #expect(profile.relations.first?.note == note)
        let data = try store.exportDocument().jsonData()
        let copy = try PartnerGraphStore()
        try copy.importJSON(data, file: "notes.json")
        #expect(try copy.exportDocument().jsonData() == data)
    }

    @Test("A NUL character, which SQLite would cut the text at, is refused rather than truncated")
    func nulRefused() throws {
        let store = try PartnerGraphStore()
        #expect(throws: PartnerGraphError.nulCharacter(field: "name")) {
            try store.addEntity(NewEntity(type: .organization, name: "NUL\u{0}inside"))
        }
        #expect(try store.entities().isEmpty)
        let json = #"{"format": "partnergraph", "version": 1, "entities": [{"key": "k", "type": "person", "name": "a\u0000b"}]}"#
        #expect(throws: ImportError.self) { try store.importJSON(Data(json.utf8), file: "nul.json") }
    }

    @Test("A hostile name is found again by itself")
    func findsByHostileName() throws {
        let store = try PartnerGraphStore()
        let name = "x'); DROP TABLE entity; --"
        try store.addEntity(NewEntity(type: .organization, name: name))
        #expect(try store.entity(name).name == name)
    }
}
