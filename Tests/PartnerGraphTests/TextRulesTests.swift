import Foundation
import Testing
@testable import PartnerGraph

/// Names, aliases, roles and notes that should be refused, not stored: wherever they come from.
@Suite("Text that is refused")
struct TextRulesTests {
    /// A JSON document with one entity whose fields are `fields` (JSON text).
    static func document(entity fields: String) -> Data {
        Data(#"{"format": "partnergraph", "version": 1, "entities": [{"key": "k", "type": "organization", \#(fields)}]}"#.utf8)
    }

    /// The problems an import reports, or none when it succeeds.
    static func importProblems(_ data: Data, into store: PartnerGraphStore) -> [ImportError.Problem] {
        do {
            try store.importJSON(data, file: "test.json")
            return []
        } catch let ImportError.invalidDocument(_, problems) {
            return problems
        } catch {
            Issue.record("unexpected error: \(error)")
            return []
        }
    }

    // MARK: - Blank names

    @Test("A blank name is refused by add, update --rename, a JSON entity, an alias and a role", arguments: ["", "   ", "\u{3000}\t ", "\u{200F}\u{200E}"])
    func blankNamesAreRefused(blank: String) throws {
        let store = try exampleStore()
        let before = try store.exportDocument().jsonData()
        #expect(throws: PartnerGraphError.emptyName) { try store.addEntity(NewEntity(type: .organization, name: blank)) }
        var rename = EntityChanges()
        rename.name = blank
        #expect(throws: PartnerGraphError.emptyName) { try store.update("ICESCO", with: rename) }
        var alias = EntityChanges()
        alias.addAliases = [Alias(name: blank, language: "ar")]
        #expect(throws: PartnerGraphError.blankText(field: "alias")) { try store.update("ICESCO", with: alias) }
        #expect(throws: PartnerGraphError.blankText(field: "role")) {
            try store.link("Salim M. AlMalik", "member_of", "ICESCO", RelationDetails(role: blank))
        }
        let name = String(decoding: try JSONEncoder().encode(blank), as: UTF8.self)
        let problems = Self.importProblems(Self.document(entity: #""name": \#(name)"#), into: store)
        #expect(problems.map(\.path) == ["$.entities[0].name"])
        #expect(problems.first?.message.contains("cannot be empty or blank") == true, "\(problems)")
        #expect(try store.exportDocument().jsonData() == before, "nothing was written")
    }

    @Test("The blank-name message says what to do")
    func blankNameMessage() {
        #expect(PartnerGraphError.emptyName.description.contains("cannot be empty or blank"))
        #expect(PartnerGraphError.blankText(field: "alias").description.hasPrefix("an alias cannot be empty or blank"))
    }

    // MARK: - Control characters

    @Test("C0 and C1 controls are refused in names, aliases and roles", arguments: ["\u{1B}[31mred", "bell\u{07}", "next\u{85}line", "two\nlines", "tab\there", "line\u{2028}separator"])
    func controlsInLabels(text: String) throws {
        let store = try exampleStore()
        #expect(throws: PartnerGraphError.self) { try store.addEntity(NewEntity(type: .organization, name: text)) }
        var alias = EntityChanges()
        alias.addAliases = [Alias(name: text)]
        #expect(throws: PartnerGraphError.self) { try store.update("ICESCO", with: alias) }
        #expect(throws: PartnerGraphError.self) {
            try store.link("Salim M. AlMalik", "member_of", "ICESCO", RelationDetails(role: text))
        }
        let problem = try #require(TextRules.problem(in: text, as: .name))
        guard case let .controlCharacter(field, scalar) = problem else {
            Issue.record("expected a control character, got \(problem)")
            return
        }
        #expect(field == "name")
        #expect(problem.description.contains(TextRules.describe(scalar)), "the message names the character: \(problem)")
        #expect(try store.entities().count == 21)
    }

    @Test("A note keeps line breaks (LF and CR LF) and tabs, and refuses every other control")
    func controlsInNotes() throws {
        let store = try exampleStore()
        var note = EntityChanges()
        note.note = .set("first line\nsecond\r\nthird\tcolumn")
        try store.update("ICESCO", with: note)
        #expect(try store.profile(of: "ICESCO").note == "first line\nsecond\r\nthird\tcolumn")
        for bad in ["escape \u{1B}[2J", "bell \u{07}", "lone carriage\rreturn", "C1 \u{9B}"] {
            note.note = .set(bad)
            #expect(throws: PartnerGraphError.self, "\(bad.debugDescription)") { try store.update("ICESCO", with: note) }
        }
        #expect(throws: PartnerGraphError.controlCharacter(field: "note", scalar: 0x1B)) {
            try store.link("Salim M. AlMalik", "member_of", "ICESCO", RelationDetails(note: "\u{1B}"))
        }
    }

    // MARK: - Bidirectional controls

    @Test("Arabic names, with their marks and joiners, pass", arguments: [
        "الإيسيسكو", "\u{200F}الإيسيسكو\u{200E}", "مُنَظَّمَة", "می\u{200C}خواهم", "ICESCO \u{200D}x", "ICESCO – الإيسيسكو",
        "\u{202B}embedded\u{202C}", "\u{2067}isolated\u{2069}", "\u{2068}nested \u{202E}override\u{202C}\u{2069}",
    ])
    func arabicAndBalancedPass(name: String) throws {
        #expect(TextRules.problem(in: name, as: .name) == nil)
        let store = try PartnerGraphStore()
        try store.addEntity(NewEntity(type: .organization, name: name, key: "k", aliases: [Alias(name: name, language: "ar")]))
        #expect(try store.profile(of: "k").name == name)
    }

    @Test("An unbalanced bidirectional control is refused in a name, naming the control", arguments: [
        ("\u{202E}evil", 0x202E), ("evil\u{202C}", 0x202C), ("\u{2066}open isolate", 0x2066), ("close\u{2069}", 0x2069),
        ("\u{2067}crossed\u{202C}\u{2069}", 0x202C), ("\u{202A}a\u{202B}b\u{202C}", 0x202A),
    ] as [(String, UInt32)])
    func unbalancedBidiRefused(name: String, control: UInt32) throws {
        let store = try PartnerGraphStore()
        #expect(throws: PartnerGraphError.unbalancedBidiControl(field: "name", scalar: control)) {
            try store.addEntity(NewEntity(type: .organization, name: name))
        }
        let message = PartnerGraphError.unbalancedBidiControl(field: "name", scalar: control).description
        #expect(message.contains(TextRules.describe(control)) && message.contains("remove it"))
        #expect(try store.entities().isEmpty)
    }

    // MARK: - Lengths

    @Test("A name, alias or role is at most 500 characters, counted as a reader counts them")
    func labelLimit() throws {
        let store = try PartnerGraphStore()
        let longest = String(repeating: "مُ", count: 500)  // 500 characters, 1,000 scalars
        try store.addEntity(NewEntity(type: .organization, name: longest, key: "long"))
        let tooLong = String(repeating: "a", count: 501)
        #expect(throws: PartnerGraphError.textTooLong(field: "name", length: 501, limit: 500)) {
            try store.addEntity(NewEntity(type: .organization, name: tooLong))
        }
        #expect(PartnerGraphError.textTooLong(field: "name", length: 501, limit: 500).description.contains("at most 500 characters"))
        var alias = EntityChanges()
        alias.addAliases = [Alias(name: String(repeating: "ب", count: 1_048_576))]
        #expect(throws: PartnerGraphError.textTooLong(field: "alias", length: 1_048_576, limit: 500)) { try store.update("long", with: alias) }
    }

    @Test("A note is at most 100 kB, and the message gives the limit")
    func noteLimit() throws {
        let store = try PartnerGraphStore()
        let tooLong = String(repeating: "x", count: 100_001)
        #expect(throws: PartnerGraphError.textTooLong(field: "note", length: 100_001, limit: 100_000)) {
            try store.addEntity(NewEntity(type: .organization, name: "N", note: tooLong))
        }
        #expect(PartnerGraphError.textTooLong(field: "note", length: 100_001, limit: 100_000).description.contains("100 kB"))
        let problems = Self.importProblems(Self.document(entity: #""name": "N", "note": "\#(tooLong)""#), into: store)
        #expect(problems.map(\.path) == ["$.entities[0].note"])
    }

    // MARK: - Imports

    @Test("JSON import reports every broken name, alias and role with its path, and writes nothing")
    func jsonImportChecksText() throws {
        let store = try exampleStore()
        let json = #"""
            {"format": "partnergraph", "version": 1,
             "entities": [
               {"key": "a", "type": "person", "name": "Esc\u001b[31m"},
               {"key": "b", "type": "person", "name": "B", "aliases": [{"name": "\u202eevil", "language": "ar"}]}
             ],
             "relations": [{"source": "a", "type": "member_of", "target": "icesco", "role": "two\nlines"}]}
            """#
        let problems = Self.importProblems(Data(json.utf8), into: store)
        #expect(problems.map(\.path) == ["$.entities[0].name", "$.entities[1].aliases[0].name", "$.relations[0].role"])
        #expect(try store.entities().count == 21)
    }

    @Test("A JSON object with the same key twice is refused with its path, wherever it is")
    func duplicateKeys() throws {
        let store = try PartnerGraphStore()
        let json = #"""
            {"format": "partnergraph", "version": 1,
             "entities": [{"key": "a", "type": "person", "name": "A", "name": "B"},
                          {"key": "b", "type": "person", "name": "C", "aliases": [{"name": "x", "language": "en", "language": "ar"}]}],
             "relations": [], "relations": []}
            """#
        let problems = Self.importProblems(Data(json.utf8), into: store)
        #expect(Set(problems.map(\.path)) == ["$.entities[0].name", "$.entities[1].aliases[0].language", "$.relations"], "\(problems)")
        #expect(problems.allSatisfy { $0.message.contains("appears 2 times in the same object") })
        #expect(try store.entities().isEmpty)
        // The same document without the repetitions imports.
        let fixed = #"{"format": "partnergraph", "version": 1, "entities": [{"key": "a", "type": "person", "name": "A"}]}"#
        #expect(Self.importProblems(Data(fixed.utf8), into: store).isEmpty)
    }

    @Test("Bulk CSV import refuses a control character in a name and an unclosed override in an alias, with file and line")
    func csvImportChecksText() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = folder.appendingPathComponent("nodes.csv"), edges = folder.appendingPathComponent("edges.csv")
        try "key,type,name,alias_ar\na,organization,Esc\u{1B}ape,\nb,organization,B,\u{202E}ب\nc,organization,C,ج\nd,organization,D,\n"
            .write(to: nodes, atomically: true, encoding: .utf8)
        try "source,type,target,role\nc,partner_of,d,\u{07}\n".write(to: edges, atomically: true, encoding: .utf8)
        let store = try PartnerGraphStore()
        do {
            try store.importCSV(nodes: nodes.path, edges: edges.path)
            Issue.record("expected the import to fail")
        } catch let CSVImportError.invalidFiles(problems, _) {
            #expect(problems.map(\.line) == [2, 3, 2], "\(problems)")
            #expect(problems.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["nodes.csv", "nodes.csv", "edges.csv"])
            #expect(problems[0].message.contains("U+001B (ESCAPE)"))
            #expect(problems[1].message.contains("U+202E"))
            #expect(problems[2].message.contains("role") && problems[2].message.contains("U+0007"), "\(problems[2])")
        }
        #expect(try store.entities().isEmpty)
    }

    @Test("GraphML and spreadsheet merges refuse what add refuses, naming the entity or relation")
    func upsertChecksText() throws {
        let store = try exampleStore()
        var document = InterchangeDocument()
        document.entities = [
            EntityRecord(key: "x", type: .organization, name: "  ", aliases: [], attributes: [:], citations: []),
            EntityRecord(key: "y", type: .organization, name: "Y\u{1B}", aliases: [Alias(name: "\u{202E}ي", language: "ar")], attributes: [:], citations: []),
        ]
        document.relations = [RelationRecord(source: "y", type: "member_of", target: "icesco", role: "a\nb", citations: [])]
        do {
            try store.upsert(document, file: "sheet.csv")
            Issue.record("expected the merge to be refused")
        } catch let ImportError.invalidDocument(file, problems) {
            #expect(file == "sheet.csv")
            #expect(problems.map(\.path) == ["entity x", "entity y", "entity y", "relation y member_of icesco"], "\(problems)")
        }
        #expect(try store.entities().count == 21)
    }

    // MARK: - Aliases on the command line

    @Test("NAME@ with no language is refused with the form NAME@LANG; an @ inside a name stays")
    func aliasForms() throws {
        #expect(throws: PartnerGraphError.aliasWithoutLanguage("bar@")) { try Alias(parsing: "bar@") }
        #expect(PartnerGraphError.aliasWithoutLanguage("bar@").description.contains("NAME@LANG"))
        #expect(try Alias(parsing: "الإيسيسكو@ar") == Alias(name: "الإيسيسكو", language: "ar"))
        #expect(try Alias(parsing: "UN@75") == Alias(name: "UN@75"))
        #expect(try Alias(parsing: "ICESCO") == Alias(name: "ICESCO"))
    }

    // MARK: - The byte-level check agrees with the full one

    @Test("What the quick check on bytes lets pass, the full check lets pass too", arguments: [
        "ICESCO", "  ", "", "الإيسيسكو", "\u{200F}", "a\u{1B}", "a\u{85}", "\u{202E}x", "\u{202E}x\u{202C}", "x\u{2028}y",
        String(repeating: "a", count: 500), String(repeating: "a", count: 501), String(repeating: "ب", count: 501), "note\nline",
        "\u{061C}", "\u{0600}", String(repeating: "x", count: 100_001),
    ])
    func quickAndFullAgree(text: String) {
        for field in [TextRules.Field.name, .alias, .role, .note] {
            var copy = text
            let quick = copy.withUTF8 { TextRules.quickVerdict($0, as: field) }
            let full = TextRules.slowProblem(in: text, as: field)
            if quick == true { #expect(full == nil, "the quick check passed \(text.debugDescription) as \(field); the full check says \(String(describing: full))") }
            #expect(TextRules.problem(in: text, as: field) == full)
        }
    }
}
