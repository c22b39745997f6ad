import Foundation
import Testing
@testable import PartnerGraphCLI

/// Runs `script` with /bin/sh, with `$PG` set to the built binary: for command lines a
/// `Process` cannot pass (bytes that are not UTF-8) and redirections.
@discardableResult
func shell(_ script: String, in folder: URL) throws -> CommandLine.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    var environment = ProcessInfo.processInfo.environment
    environment["PG"] = CommandLine.binary.path
    environment["NO_COLOR"] = "1"
    environment.removeValue(forKey: "PARTNERGRAPH_DB")
    process.environment = environment
    process.currentDirectoryURL = folder
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return .init(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}

/// Bad input and failed writes, as a user meets them: a clear message, a non-zero exit, and
/// nothing half-written.
@Suite(.serialized)
struct RefusalCommandTests {
    /// A folder with the example loaded into `g.sqlite`.
    static func exampleFolder() throws -> (folder: URL, db: String) {
        let folder = try temporaryFolder()
        let db = folder.appendingPathComponent("g.sqlite").path
        let loaded = try CommandLine.run(["example", "--db", db])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        return (folder, db)
    }

    // MARK: - Arguments that are not UTF-8

    @Test("An argument that is not UTF-8 is refused, naming the option, before anything is written")
    func invalidUTF8Argument() throws {
        let (folder, db) = try Self.exampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let renamed = try shell(#""$PG" update ICESCO --rename "$(printf '\377\376')" --db g.sqlite"#, in: folder)
        #expect(renamed.status == 64, "\(renamed.stderr)")
        #expect(renamed.stderr.contains(#"the value of --rename (argument 4) is not UTF-8 text: "\xFF\xFE""#), "\(renamed.stderr)")
        let inline = try shell(#""$PG" add org "$(printf 'caf\351')" --db g.sqlite"#, in: folder)
        #expect(inline.status == 64 && inline.stderr.contains(#"argument 3 is not UTF-8 text: "caf\xE9""#), "\(inline.stderr)")
        let equals = try shell(#""$PG" add org X "--note=$(printf '\377')" --db g.sqlite"#, in: folder)
        #expect(equals.stderr.contains("the value of --note is not UTF-8"), "\(equals.stderr)")
        let fast = try shell(#""$PG" neighbors "$(printf '\377')" --db g.sqlite"#, in: folder)
        #expect(fast.status == 64, "neighbors' own fast parser sees the check too: \(fast.stderr)")
        let shown = try CommandLine.run(["show", "ICESCO", "--db", db])
        #expect(shown.stdout.hasPrefix("ICESCO  (icesco"), "the name was not replaced: \(shown.stdout)")
        #expect(!shown.stdout.contains("\u{FFFD}"))
    }

    @Test("The message names the argument by its option, or by its place")
    func argumentNaming() {
        let bad: [UInt8] = [0xFF, 0xFE]
        #expect(ArgumentEncoding.problem(in: [Array("update".utf8), Array("x".utf8)]) == nil)
        #expect(ArgumentEncoding.problem(in: [Array("update".utf8), Array("--rename".utf8), bad])?.hasPrefix("the value of --rename (argument 3)") == true)
        #expect(ArgumentEncoding.problem(in: [Array("add".utf8), Array("org".utf8), bad])?.hasPrefix("argument 3 is not UTF-8") == true)
        #expect(ArgumentEncoding.problem(in: [Array("--note=".utf8) + bad])?.hasPrefix("the value of --note is") == true)
        #expect(ArgumentEncoding.escaped(Array("a\"b".utf8) + bad) == #""a\x22b\xFF\xFE""#)
        // Valid UTF-8 beyond ASCII passes: Arabic, and a 4-byte scalar.
        #expect(ArgumentEncoding.problem(in: [Array("الإيسيسكو".utf8), Array("😀".utf8)]) == nil)
        // Overlong forms and encoded surrogates are not UTF-8.
        #expect(ArgumentEncoding.problem(in: [[0xC0, 0xAF]]) != nil)
        #expect(ArgumentEncoding.problem(in: [[0xED, 0xA0, 0x80]]) != nil)
    }

    // MARK: - Values that should be refused

    @Test("Blank names, NAME@ aliases and control characters are refused on the command line", arguments: [
        (["update", "ICESCO", "--rename", "  "], 1, "a name cannot be empty or blank"),
        (["add", "org", "   "], 1, "a name cannot be empty or blank"),
        (["add", "org", "Bar", "--alias", "bar@"], 64, "write NAME@LANG"),
        (["update", "ICESCO", "--add-alias", "x@"], 64, "write NAME@LANG"),
        (["add", "org", "Esc\u{1B}[31m"], 1, "U+001B (ESCAPE)"),
        (["add", "org", "\u{202E}evil"], 1, "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        (["add", "org", String(repeating: "a", count: 501)], 1, "at most 500 characters"),
        (["link", "Salim M. AlMalik", "member_of", "ICESCO", "--role", "x\u{07}"], 1, "U+0007 (BELL)"),
    ] as [([String], Int32, String)])
    func refusedValues(arguments: [String], status: Int32, message: String) throws {
        let (folder, db) = try Self.exampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try CommandLine.run(["export", "--db", db]).stdout
        let result = try CommandLine.run(arguments + ["--db", db])
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try CommandLine.run(["export", "--db", db]).stdout == before, "nothing was written")
    }

    // MARK: - Failed writes

    @Test("render to a full device fails, whether named with -o or reached through standard output", arguments: ["dot", "svg"])
    func renderToFullDevice(format: String) throws {
        let (folder, _) = try Self.exampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let named = try shell(#""$PG" render --format \#(format) -o /dev/full --db g.sqlite"#, in: folder)
        #expect(named.status == 1, "\(named.stderr)")
        #expect(named.stderr.contains("cannot write /dev/full: no space left on the device") && !named.stderr.contains("Wrote"), "\(named.stderr)")
        let piped = try shell(#""$PG" render --format \#(format) -o - --db g.sqlite > /dev/full"#, in: folder)
        #expect(piped.status == 1, "\(piped.stderr)")
        #expect(piped.stderr.contains("cannot write standard output: no space left on the device"), "\(piped.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType == .typeCharacterSpecial)
    }

    @Test("A failed render leaves an older picture as it was")
    func renderKeepsOlderFile() throws {
        let (folder, db) = try Self.exampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("old.svg")
        try Data("older picture".utf8).write(to: file)
        let failed = try CommandLine.run(["render", "--around", "Nobody", "-o", file.path, "--db", db])
        #expect(failed.status == 1)
        #expect(try String(contentsOf: file, encoding: .utf8) == "older picture")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("partnergraph-") }
        #expect(leftovers.isEmpty, "no temporary file is left: \(leftovers)")
    }

    // MARK: - Paths that name the wrong thing

    @Test("A folder where a file is wanted, or a folder that does not exist, is named as such", arguments: [
        (["render", "-o", "DIR"], 64, #"-o "DIR" is a folder, not a file; name a file in it, e.g. -o "DIR/graph.svg""#),
        (["render", "--format", "png", "-o", "DIR"], 64, #"e.g. -o "DIR/graph.png""#),
        (["render", "-o", "nodir/x.svg"], 1, "cannot write nodir/x.svg: the folder nodir does not exist; create it first"),
        (["export", "-o", "DIR"], 64, "is a folder, not a file; name a file in it, e.g. -o \"DIR/graph.json\", or pass --format csv"),
        (["export", "-o", "nodir/x.graphml"], 1, "the folder nodir does not exist"),
        (["import", "DIR"], 1, "cannot read DIR: it is a folder, not a JSON file"),
        (["import", "nodir/x.json"], 1, "cannot read nodir/x.json: no such file: the folder nodir does not exist"),
        (["import", "--nodes", "DIR"], 1, "cannot read DIR: it is a folder, not a CSV file"),
        (["import", "--graphml", "DIR"], 1, "it is a folder, not a GraphML file"),
        (["import", "--csv", "links.csv", "--map", "DIR"], 1, "cannot read DIR: it is a folder, not a TOML mapping file"),
        (["ingest", "DIR"], 1, "cannot read DIR: it is a folder, not a text file"),
        (["ingest", "nodir/a.txt"], 1, "the folder nodir does not exist"),
    ] as [([String], Int32, String)])
    func pathMessages(arguments: [String], status: Int32, message: String) throws {
        let (folder, _) = try Self.exampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("DIR"), withIntermediateDirectories: true)
        try "a,b\n".write(to: folder.appendingPathComponent("links.csv"), atomically: true, encoding: .utf8)
        let result = try CommandLine.run(arguments + ["--db", "g.sqlite"], directory: folder)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("the file is empty"))
    }

    // MARK: - Databases

    @Test("A damaged database is told from a foreign file, with the command that recovers it")
    func damagedDatabase() throws {
        let (folder, db) = try Self.exampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Data(contentsOf: URL(fileURLWithPath: db))
        let half = folder.appendingPathComponent("half.sqlite").path
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: half))
        let shown = try CommandLine.run(["show", "ICESCO", "--db", half])
        #expect(shown.status == 1)
        #expect(shown.stderr.contains("is an SQLite database, but it is damaged") && shown.stderr.contains(".recover"), "\(shown.stderr)")
        let foreign = folder.appendingPathComponent("notes.sqlite").path
        try Data(String(repeating: "plain text\n", count: 500).utf8).write(to: URL(fileURLWithPath: foreign))
        let refused = try CommandLine.run(["show", "ICESCO", "--db", foreign])
        #expect(refused.status == 1 && refused.stderr.contains("not an SQLite file"), "\(refused.stderr)")
    }

    // MARK: - Pictures

    @Test("render draws no date unless asked: the same database gives the same bytes; --drawn shows one")
    func renderDate() throws {
        let (folder, db) = try Self.exampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try CommandLine.run(["render", "--format", "dot", "-o", "-", "--db", db])
        let otherDay = try CommandLine.run(["render", "--format", "dot", "-o", "-", "--db", db], environment: ["SOURCE_DATE_EPOCH": "1715644800"])
        #expect(plain.status == 0 && !plain.stdout.contains("drawn"), "\(plain.stderr)")
        #expect(plain.stdout == otherDay.stdout)
        let dated = try CommandLine.run(["render", "--format", "dot", "-o", "-", "--drawn", "2024-05-14", "--db", db])
        #expect(dated.stdout.contains("drawn 2024-05-14 with PartnerGraph"))
        let today = try CommandLine.run(
            ["render", "--format", "dot", "-o", "-", "--drawn", "today", "--db", db], environment: ["SOURCE_DATE_EPOCH": "1715644800"])
        #expect(today.stdout.contains("drawn 2024-05-14 with PartnerGraph"), "today is SOURCE_DATE_EPOCH's date")
        let bad = try CommandLine.run(["render", "--format", "dot", "-o", "-", "--drawn", "2024-05", "--db", db])
        #expect(bad.status == 64 && bad.stderr.contains("--drawn"), "\(bad.stderr)")
    }
}
