import Foundation
import GRDB
import Testing
@testable import PartnerGraph

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Spreadsheet")
private let shippedCSV = projectRoot.appendingPathComponent("examples/memberships.csv").path
private let shippedMapping = projectRoot.appendingPathComponent("examples/memberships.toml").path

/// The smallest mapping of a `country,organization,status,joined` file.
private let membershipSettings = [
    "source.column": "country", "source.type": "organization", "source.kind": "state",
    "target.column": "organization", "target.type": "organization", "target.kind": "igo",
    "relation.column": "status", "relation.values.member": "member_of", "relation.values.observer": "observer_of",
    "columns.start": "joined",
]

/// Writes `text` to a fresh CSV file; its folder is removed by the caller.
private func csvFile(_ text: String, name: String = "links.csv") throws -> (folder: URL, path: String) {
    let folder = try temporaryDirectory()
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return (folder, url.path)
}

/// The mapping's problems, expecting it to be refused.
private func mappingProblems(toml: String = "", settings: [String: String] = [:]) -> [SpreadsheetMappingError.Problem] {
    do {
        _ = try SpreadsheetMapping(toml: toml, file: "test.toml", settings: settings)
        Issue.record("expected the mapping to be refused")
    } catch let error as SpreadsheetMappingError {
        return error.problems
    } catch {
        Issue.record("expected a SpreadsheetMappingError, got \(error)")
    }
    return []
}

/// The import's problems, expecting it to fail.
private func importProblems(_ path: String, _ mapping: SpreadsheetMapping, store: PartnerGraphStore? = nil) throws -> SpreadsheetImportError? {
    let store = try store ?? PartnerGraphStore()
    do {
        _ = try store.spreadsheetDocument(path, mapping: mapping)
        Issue.record("expected the import to fail")
    } catch let error as SpreadsheetImportError {
        return error
    }
    return nil
}

/// The shipped CSV's rows as cells: it has no quoted cells, so splitting at commas is exact.
private func shippedRows() throws -> (header: [String], rows: [[String]]) {
    let lines = try String(contentsOfFile: shippedCSV, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    return (lines[0], Array(lines.dropFirst()))
}

@Suite struct SpreadsheetMappingTests {
    @Test func theShippedMappingFileParses() throws {
        let mapping = try SpreadsheetMapping(contentsOf: shippedMapping)
        #expect(mapping.delimiter == .comma)
        #expect(mapping.source == .init(column: "country", type: .organization, kind: "state", language: "en", aliasColumns: ["ar": "country_ar"]))
        #expect(mapping.target.column == "organization" && mapping.target.kind == "igo")
        #expect(mapping.relation == .column("status", values: ["member": "member_of", "observer": "observer_of", "associate member": "associate_member_of"]))
        #expect(mapping.startColumn == "joined" && mapping.endColumn == nil)
        #expect(mapping.relationTypes.map(\.name) == ["associate_member_of"])
        #expect(mapping.relationTypes.first?.sourceTypes == [.organization])
    }

    @Test func settingsAloneMakeAMapping() throws {
        let mapping = try SpreadsheetMapping(settings: [
            "source.column": "person", "source.type": "person", "target.column": "employer", "target.type": "org",
            "relation.type": "works-for", "delimiter": "\\t", "columns.role": "title",
            "relation_types.advises.forward": "advises", "relation_types.advises.inverse": "advised by",
            "relation_types.advises.source_types": "person, organization", "relation_types.advises.target_types": "organization",
        ])
        #expect(mapping.relation == .fixed("works_for"))
        #expect(mapping.target.type == .organization)
        #expect(mapping.delimiter == .tab)
        #expect(mapping.roleColumn == "title")
        #expect(mapping.relationTypes.first?.sourceTypes == [.person, .organization])
    }

    @Test("settings merge over the file; an empty setting removes the file's value")
    func settingsMergeOverTheFile() throws {
        let toml = try String(contentsOfFile: shippedMapping, encoding: .utf8)
        let mapping = try SpreadsheetMapping(
            toml: toml, file: "memberships.toml",
            settings: ["target.kind": "regional-organization", "relation.column": "", "relation.values.member": "", "relation.values.observer": "",
                       "relation.values.associate member": "", "relation.type": "member_of", "delimiter": ";"])
        #expect(mapping.target.kind == "regional-organization")
        #expect(mapping.source.kind == "state")
        #expect(mapping.relation == .fixed("member_of"))
        #expect(mapping.delimiter == .semicolon)
    }

    @Test func settingsParseFromAssignments() throws {
        #expect(try SpreadsheetMapping.settings(parsing: ["source.column=country", "relation.values.associate member=associate_member_of"])
            == ["source.column": "country", "relation.values.associate member": "associate_member_of"])
        #expect(throws: SpreadsheetMappingError.self) { try SpreadsheetMapping.settings(parsing: ["source.column"]) }
        #expect(throws: SpreadsheetMappingError.self) { try SpreadsheetMapping.settings(parsing: ["a.b=1", "a.b=2"]) }
    }

    @Test("a typo'd key is refused by its name, with the key it resembles")
    func typoKeyIsRefused() {
        let problems = mappingProblems(settings: membershipSettings.merging(["source.colum": "country", "columns.joined": "x"]) { $1 })
        #expect(problems.map(\.key) == ["columns.joined", "source.colum"])
        #expect(problems.last?.message == "unknown key; did you mean source.column?")
        let fromFile = mappingProblems(toml: "[sourse]\ncolumn = \"country\"\n", settings: membershipSettings)
        #expect(fromFile.first?.key == "sourse.column")
        #expect(fromFile.first?.message.contains("did you mean source.column?") == true)
    }

    @Test(
        "invalid mappings are refused with the key and the fix",
        arguments: [
            (["source.column": ""], "source.column", "missing: name the column"),
            (["target.column": ""], "target.column", "missing: name the column"),
            (["relation.type": "member_of"], "relation", "not both"),
            (["source.type": "country"], "source.type", "unknown entity type \"country\"; use one of: organization (org)"),
            (["relation.values.member": "Member Of!"], "relation.values.member", "is not a valid relation type name"),
            (["delimiter": "|"], "delimiter", "use \",\", \";\" or \"\\t\""),
            (["relation_types.Bad Name.forward": "x"], "relation_types.\"Bad Name\"", "is not a valid relation type name"),
            (["relation_types.funds.forward": "funds"], "relation_types.funds.inverse", "missing"),
        ])
    func invalidMappings(changes: [String: String], key: String, fragment: String) {
        let problems = mappingProblems(settings: membershipSettings.merging(changes) { $1 })
        #expect(problems.contains { $0.key == key && $0.message.contains(fragment) }, "expected \(key): …\(fragment)…, got \(problems)")
    }

    @Test func aMappingWithoutRelationIsRefused() {
        var settings = membershipSettings
        settings["relation.column"] = nil
        settings = settings.filter { !$0.key.hasPrefix("relation.values") }
        let problems = mappingProblems(settings: settings)
        #expect(problems.map(\.key) == ["relation"])
        #expect(problems.first?.message.contains("give relation.column") == true)
    }

    @Test("TOML syntax errors, duplicate keys included, are reported with their line")
    func tomlErrors() {
        let problems = mappingProblems(toml: "[source]\ncolumn = \"a\"\ncolumn = \"b\"\n")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message.hasPrefix("not valid TOML") == true)
        let error = SpreadsheetMappingError(origin: "m.toml", problems: problems)
        #expect(error.description.hasPrefix("the mapping m.toml is not valid: line 3: not valid TOML"))
        #expect(error.description.hasSuffix("Nothing was imported."))
    }

    @Test(
        "the delimiter is a comma, a semicolon or a tab, as TOML text or spelled out",
        arguments: [("\"\\t\"", SpreadsheetMapping.Delimiter.tab), ("\"tab\"", .tab), ("\";\"", .semicolon), ("'\\t'", .tab)])
    func delimiterSpellings(toml: String, expected: SpreadsheetMapping.Delimiter) throws {
        let mapping = try SpreadsheetMapping(toml: "delimiter = \(toml)\n", file: "test.toml", settings: membershipSettings)
        #expect(mapping.delimiter == expected)
    }

    @Test func relationValuesMatchIgnoringCaseAndSpaces() throws {
        let mapping = try SpreadsheetMapping(contentsOf: shippedMapping)
        #expect(mapping.relationType(forValue: "  Associate   MEMBER ") == "associate_member_of")
        #expect(mapping.relationType(forValue: "OBSERVER") == "observer_of")
        #expect(mapping.relationType(forValue: "former member") == nil)
    }
}

@Suite struct SpreadsheetImportTests {
    @Test("the shipped memberships fixture makes one entity a name and one relation a row")
    func shippedFixtureIntoAnEmptyDatabase() throws {
        let (header, rows) = try shippedRows()
        #expect(rows.count >= 300)
        let column = { (name: String) in header.firstIndex(of: name)! }
        let countries = Set(rows.map { $0[column("country")] })
        let organizations = Set(rows.map { $0[column("organization")] })
        let store = try PartnerGraphStore()
        let mapping = try SpreadsheetMapping(contentsOf: shippedMapping)
        let document = try store.spreadsheetDocument(shippedCSV, mapping: mapping)

        #expect(document.relationTypes.map(\.name) == ["associate_member_of"])
        #expect(document.entities.count == countries.count + organizations.count)
        #expect(Set(document.entities.map(\.name)) == countries.union(organizations))
        #expect(document.relations.count == rows.count)
        for (status, type) in [("member", "member_of"), ("observer", "observer_of"), ("associate member", "associate_member_of")] {
            let expected = rows.filter { $0[column("status")] == status }.count
            #expect(expected > 0)
            #expect(document.relations.filter { $0.type == type }.count == expected, "\(status) rows become \(type)")
        }
        let dated = rows.filter { !$0[column("joined")].isEmpty }.count
        #expect(document.relations.filter { $0.start != nil }.count == dated)

        let morocco = try #require(document.entities.first { $0.key == "morocco" })
        #expect(morocco.kind == "state" && morocco.nameLanguage == "en")
        #expect(morocco.aliases == [Alias(name: "المغرب", language: "ar")])
        let ivoire = try #require(document.entities.first { $0.name == "Côte d'Ivoire" })
        #expect(ivoire.key == "cote-d-ivoire")
        let oic = try #require(document.entities.first { $0.key == "organisation-of-islamic-cooperation" })
        #expect(oic.kind == "igo")
        #expect(document.relations.contains {
            $0.source == "cote-d-ivoire" && $0.type == "member_of" && $0.target == oic.key && $0.start?.description == "2001"
        })
    }

    @Test("names the database holds are referred to by key, not created again; the document imports")
    func shippedFixtureIntoTheExample() throws {
        let (header, rows) = try shippedRows()
        let countries = Set(rows.map { $0[header.firstIndex(of: "country")!] })
        let organizations = Set(rows.map { $0[header.firstIndex(of: "organization")!] })
        let store = try exampleStore()
        let document = try store.spreadsheetDocument(shippedCSV, mapping: try SpreadsheetMapping(contentsOf: shippedMapping))
        // "ICESCO" is ICESCO's name and "Azerbaijan" an alias of the Republic of Azerbaijan.
        #expect(!document.entities.contains { ["icesco", "azerbaijan"].contains($0.key) })
        #expect(document.entities.count == countries.count + organizations.count - 2)
        #expect(document.relations.contains { $0.source == "azerbaijan" && $0.type == "member_of" && $0.target == "icesco" })

        let data = try JSONEncoder().encode(document)
        let report = try store.importJSON(data, file: "memberships")
        #expect(report.entitiesAdded == document.entities.count)
        #expect(report.relationsAdded == rows.count)
        #expect(try store.entity("أذربيجان").key == "azerbaijan")
        #expect(try store.entity("المغرب").key == "morocco")
    }

    @Test("a UTF-8 BOM, CRLF line ends, ';' and a quoted line break are read as written")
    func bomCRLFSemicolonAndQuotedNewline() throws {
        let mapping = try SpreadsheetMapping(settings: [
            "delimiter": ";", "source.column": "COUNTRY", "source.type": "organization", "target.column": "organisation",
            "target.type": "organization", "relation.column": "status", "relation.values.member": "member_of",
            "relation.values.observer": "observer_of", "columns.start": "since", "columns.note": "note",
        ])
        let document = try PartnerGraphStore().spreadsheetDocument(fixtures.appendingPathComponent("semicolon-bom-crlf.csv").path, mapping: mapping)
        #expect(document.entities.map(\.key) == ["alecso", "egypt", "morocco", "organisation-of-islamic-cooperation", "thailand", "tunisia"])
        let tunisia = try #require(document.relations.first { $0.source == "tunisia" })
        #expect(tunisia.note == "founding member;\nseat of ALECSO")
        #expect(tunisia.type == "member_of" && tunisia.start == nil)
        #expect(document.relations.first { $0.source == "egypt" }?.start?.description == "1970-05")
        #expect(document.relations.first { $0.source == "thailand" }?.note == "quoted \"observer\" status")
        #expect(document.relations.first { $0.source == "thailand" }?.type == "observer_of")
    }

    @Test("a row after a quoted line break is reported at the line it starts on")
    func lineNumbersAfterQuotedLineBreaks() throws {
        let file = try csvFile("country,organization,status,joined\r\nMorocco,ALECSO,member,\"19\r\n70\"\r\nTunisia,ALECSO,member,1970\r\nEgypt,ALECSO,member,70\r\n")
        defer { try? FileManager.default.removeItem(at: file.folder) }
        let error = try #require(try importProblems(file.path, try SpreadsheetMapping(settings: membershipSettings)))
        #expect(error.problems.map(\.line) == [2, 5])
    }

    @Test("bad dates, blank cells and unknown values are all reported with their lines")
    func problemsWithLineNumbers() throws {
        let path = fixtures.appendingPathComponent("problems.csv").path
        let error = try #require(try importProblems(path, try SpreadsheetMapping(settings: membershipSettings)))
        let lines = error.problems.map { "\($0.line ?? 0): \($0.message)" }
        #expect(lines == [
            "3: the joined cell: invalid date \"1969.0\": use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-03-25",
            "4: the country cell is blank; every row needs its source (source.column)",
            "6: unknown status \"memebr\"; add it under [relation.values] in settings, e.g. \"memebr\" = \"member_of\" (known: \"member\", \"observer\")",
            "7: the joined cell: invalid date \"2024-02-30\": 2024-02 has days 01 to 29",
            "8: the organization cell is blank; every row needs its target (target.column)",
        ])
        #expect(error.problems.allSatisfy { $0.file == path })
        #expect(error.description.hasPrefix("5 problems in \(path):\n  \(path):3: the joined cell"))
        #expect(error.description.hasSuffix("\nNothing was imported."))
    }

    @Test("a column the header lacks is named with the file and the header found")
    func missingColumn() throws {
        let file = try csvFile("\u{FEFF}Country,org,status\nMorocco,ALECSO,member\n")
        defer { try? FileManager.default.removeItem(at: file.folder) }
        let error = try #require(try importProblems(file.path, try SpreadsheetMapping(settings: membershipSettings)))
        #expect(error.problems.map(\.description) == [
            "\(file.path):1: target.column names the column \"organization\", which the header lacks; the header has: \"Country\", \"org\", \"status\"; correct target.column in the mapping or the header",
            "\(file.path):1: columns.start names the column \"joined\", which the header lacks; the header has: \"Country\", \"org\", \"status\"; correct columns.start in the mapping or the header",
        ])
    }

    @Test("a name matching two entities is a problem naming both keys")
    func ambiguousName() throws {
        let store = try PartnerGraphStore()
        try store.addEntity(NewEntity(type: .organization, name: "Arab League Educational Organization", key: "alecso", aliases: [Alias(name: "ALECSO")]))
        try store.addEntity(NewEntity(type: .organization, name: "Arab Labour Organization", key: "alo", aliases: [Alias(name: "alecso")]))
        let file = try csvFile("country,organization,status\nMorocco,ALECSO,member\nTunisia,ALECSO,member\n")
        defer { try? FileManager.default.removeItem(at: file.folder) }
        let error = try #require(try importProblems(file.path, try SpreadsheetMapping(settings: membershipSettings.filter { $0.key != "columns.start" }), store: store))
        // Matched by its key, "alecso" would be one entity; "ALECSO" is not a key but a name of two.
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.line == 2)
        #expect(error.problems.first?.message.contains("\"ALECSO\" matches 2 entities in the database: alecso (") == true)
        #expect(error.problems.first?.message.contains("alo (the organization \"Arab Labour Organization\")") == true)
    }

    @Test("an existing entity of another type is a problem")
    func wrongType() throws {
        let file = try csvFile("country,organization,status\nSwitzerland,ICESCO,observer\n")
        defer { try? FileManager.default.removeItem(at: file.folder) }
        let error = try #require(try importProblems(file.path, try SpreadsheetMapping(settings: membershipSettings.filter { $0.key != "columns.start" }), store: try exampleStore()))
        #expect(error.problems.map(\.message) == [
            "\"Switzerland\" is the place switzerland in the database, not an organization as source.type says; correct source.type in the mapping, or name another entity"
        ])
    }

    @Test("rows stating the same relation twice are folded; different spellings of one name are one entity")
    func duplicatesFold() throws {
        let file = try csvFile("country,organization,status,joined\nMorocco,ALECSO,member,1970\nmorocco ,alecso, Member,1970\nMOROCCO,ALECSO,observer,\n")
        defer { try? FileManager.default.removeItem(at: file.folder) }
        let document = try PartnerGraphStore().spreadsheetDocument(file.path, mapping: try SpreadsheetMapping(settings: membershipSettings))
        #expect(document.entities.map(\.name) == ["ALECSO", "Morocco"])
        #expect(document.relations.map(\.type) == ["member_of", "observer_of"])
    }

    @Test("a relation type neither the database nor the mapping defines is a problem of the mapping")
    func undefinedRelationType() throws {
        let file = try csvFile("country,organization,status\nMorocco,ALECSO,associate\n")
        defer { try? FileManager.default.removeItem(at: file.folder) }
        var settings = membershipSettings.filter { $0.key != "columns.start" }
        settings["relation.values.associate"] = "associate_member_of"
        let error = try #require(try importProblems(file.path, try SpreadsheetMapping(settings: settings)))
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.file == "settings" && error.problems.first?.line == nil)
        #expect(error.problems.first?.message.hasPrefix(
            "relation.values.\"associate\" = \"associate_member_of\": the database has no relation type \"associate_member_of\"; define it in the mapping under [relation_types.associate_member_of]") == true)
    }

    @Test("a new name whose key the database gives to another entity is a problem")
    func keyTaken() throws {
        let store = try PartnerGraphStore()
        try store.addEntity(NewEntity(type: .organization, name: "Royaume du Maroc", key: "morocco"))
        let file = try csvFile("country,organization,status\nMorocco!,ALECSO,member\n")
        defer { try? FileManager.default.removeItem(at: file.folder) }
        let error = try #require(try importProblems(file.path, try SpreadsheetMapping(settings: membershipSettings.filter { $0.key != "columns.start" }), store: store))
        #expect(error.problems.first?.message.hasPrefix("\"Morocco!\" would get the key morocco, which the database gives to the organization \"Royaume du Maroc\"") == true)
    }
}

@Suite struct CSVReaderDelimiterTests {
    @Test(
        "records split at the delimiter across buffer refills, quoted line breaks kept",
        arguments: [",", ";", "\t"], [16, 1 << 20])
    func delimiters(d: String, chunkSize: Int) throws {
        let text = "\u{FEFF}a\(d)b\(d)c\r\n1\(d)\"two\r\nlines\"\(d)3\r\n\r\n\"x\"\"y\"\(d)\(d)z\n"
        let file = try csvFile(text)
        defer { try? FileManager.default.removeItem(at: file.folder) }
        var reader = try CSVReader(path: file.path, delimiter: d.utf8.first!, chunkSize: chunkSize)
        defer { reader.close() }
        var records: [(Int, [String])] = []
        while try reader.next() {
            records.append((reader.line, (0..<reader.fieldCount).map { reader.string($0) ?? "?" }))
        }
        #expect(records.map(\.0) == [1, 2, 5])
        #expect(records.map(\.1) == [["a", "b", "c"], ["1", "two\r\nlines", "3"], ["x\"y", "", "z"]])
    }
}
