import Foundation
import Testing

/// Every command's `--json` output, on the bundled example and on empty results, validates
/// against its JSON Schema in `schema/json/` (checked by Python's `jsonschema`); and the exit
/// codes the README documents are the ones the commands return.
@Suite(.serialized)
struct JSONSchemaTests {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schemaFolder = projectRoot.appendingPathComponent("schema/json")

    /// One run of a command whose standard output must validate against a schema.
    struct Case {
        var schema: String
        var arguments: [String]
        /// `example` (the bundled example, read only), `scratch` (a copy of it that the case
        /// may change; cases run in order), or `empty` (a new database).
        var database: String
        var label: String { "\(arguments.joined(separator: " ")) on \(database)" }
    }

    /// The commands, in an order where each write finds what the one before left.
    static func cases(examples: URL, folder: URL) -> [Case] {
        let article = examples.appendingPathComponent("alecso-2024-05-14.en.txt").path
        let nodes = folder.appendingPathComponent("nodes.csv").path, edges = folder.appendingPathComponent("edges.csv").path
        let exported = folder.appendingPathComponent("exported.json").path
        return [
            Case(schema: "show", arguments: ["show", "ICESCO"], database: "example"),
            Case(schema: "show", arguments: ["show", "ICESCO", "--limit", "0"], database: "example"),
            Case(schema: "show", arguments: ["show", "azerbaijan", "--limit", "1"], database: "example"),
            Case(schema: "list", arguments: ["list"], database: "example"),
            Case(schema: "list", arguments: ["list"], database: "empty"),
            Case(schema: "list", arguments: ["list", "--type", "place", "--kind", "no-such-kind"], database: "example"),
            Case(schema: "vocab", arguments: ["vocab"], database: "example"),
            Case(schema: "vocab", arguments: ["vocab", "list"], database: "empty"),
            Case(schema: "source-list", arguments: ["source", "list"], database: "example"),
            Case(schema: "source-list", arguments: ["source", "list"], database: "empty"),
            Case(schema: "source-show", arguments: ["source", "show", "icesco-2024-03-26"], database: "example"),
            Case(schema: "path", arguments: ["path", "Salim M. AlMalik", "Sahiba Gafarova", "--k", "2"], database: "example"),
            Case(schema: "neighbors", arguments: ["neighbors", "ICESCO", "--depth", "2"], database: "example"),
            Case(schema: "neighbors", arguments: ["neighbors", "ICESCO", "--type", "place"], database: "example"),
            Case(schema: "common", arguments: ["common", "ICESCO", "Republic of Azerbaijan"], database: "example"),
            Case(schema: "common", arguments: ["common", "Baku", "Geneva"], database: "example"),
            Case(schema: "timeline", arguments: ["timeline"], database: "example"),
            Case(schema: "timeline", arguments: ["timeline", "ICESCO", "--limit", "2", "--earliest"], database: "example"),
            Case(schema: "timeline", arguments: ["timeline"], database: "empty"),
            Case(schema: "search", arguments: ["search", "أذربيجان"], database: "example"),
            Case(schema: "search", arguments: ["search", "zzzz"], database: "example"),
            Case(schema: "stats", arguments: ["stats"], database: "example"),
            Case(schema: "stats", arguments: ["stats", "--no-full"], database: "example"),
            Case(schema: "stats", arguments: ["stats"], database: "empty"),
            Case(schema: "export", arguments: ["export", "--format", "json", "-o", "-"], database: "example"),
            Case(schema: "export", arguments: ["export", "--format", "json", "-o", "-"], database: "empty"),
            Case(schema: "export", arguments: ["example", "--print"], database: "empty"),
            Case(schema: "add", arguments: ["add", "org", "Test Network", "--alias", "شبكة@ar", "--kind", "network"], database: "scratch"),
            Case(schema: "show", arguments: ["show", "Test Network"], database: "scratch"),
            Case(schema: "link", arguments: ["link", "Test Network", "partner_of", "ICESCO", "--role", "founding partner", "--start", "2024-05"], database: "scratch"),
            Case(schema: "update", arguments: ["update", "Test Network", "--note", "A network made for a test.", "--attr", "founded=2024"], database: "scratch"),
            Case(schema: "unlink", arguments: ["unlink", "Test Network", "partner_of", "ICESCO"], database: "scratch"),
            Case(schema: "remove", arguments: ["remove", "Test Network"], database: "scratch"),
            Case(schema: "ingest", arguments: ["ingest", article, "--publisher", "ICESCO"], database: "scratch"),
            Case(schema: "review", arguments: ["review"], database: "scratch"),
            Case(schema: "review-edit", arguments: ["review", "edit", "2", "--key", "alecso"], database: "scratch"),
            Case(schema: "review", arguments: ["review", "reject", "7", "9"], database: "scratch"),
            Case(schema: "review", arguments: ["review", "accept", "--all", "--min-confidence", "0.6"], database: "scratch"),
            Case(schema: "review", arguments: ["review"], database: "empty"),
            Case(schema: "update", arguments: ["update", "ICESCO", "--claim", "founded=1982", "--source", "icesco-2024-03-26", "--quote", "founded in 1982"], database: "scratch"),
            Case(schema: "show", arguments: ["show", "ICESCO", "--limit", "1"], database: "scratch"),
            Case(schema: "source-show", arguments: ["source", "show", "icesco-2024-03-26"], database: "scratch"),
            Case(schema: "add", arguments: ["add", "org", "ISESCO"], database: "scratch"),
            Case(schema: "duplicates", arguments: ["duplicates"], database: "scratch"),
            Case(schema: "duplicates", arguments: ["duplicates"], database: "empty"),
            Case(schema: "merge", arguments: ["merge", "ICESCO", "ISESCO"], database: "scratch"),
            Case(schema: "undo", arguments: ["undo"], database: "scratch"),
            Case(schema: "history", arguments: ["history", "--limit", "3"], database: "scratch"),
            Case(schema: "history", arguments: ["history", "ISESCO"], database: "scratch"),
            Case(schema: "history", arguments: ["history"], database: "empty"),
            Case(schema: "check", arguments: ["check"], database: "scratch"),
            Case(schema: "check", arguments: ["check"], database: "empty"),
            Case(schema: "import", arguments: ["import", exported], database: "empty"),
            Case(schema: "import", arguments: ["import", "--nodes", nodes, "--edges", edges], database: "empty"),
            Case(
                schema: "import",
                arguments: [
                    "import", "--csv", examples.appendingPathComponent("memberships.csv").path,
                    "--map", examples.appendingPathComponent("memberships.toml").path, "--dry-run",
                ],
                database: "example"),
        ]
    }

    @Test("Each command's --json output validates against its schema in schema/json/")
    func outputsValidate() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let examples = Self.projectRoot.appendingPathComponent("examples")
        let databases = ["example", "scratch", "empty"].reduce(into: [String: String]()) {
            $0[$1] = folder.appendingPathComponent("\($1).sqlite").path
        }
        for name in ["example", "scratch"] { try CommandLine.run(["example", "--db", databases[name]!]) }
        try CommandLine.run(["init", "--db", databases["empty"]!])
        try CommandLine.run(["export", "--format", "json", "-o", folder.appendingPathComponent("exported.json").path, "--db", databases["example"]!])
        try "key,type,name,alias_ar\nnew-org,organization,New Org,منظمة\nnew-person,person,New Person,\n"
            .write(to: folder.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)
        try "source,type,target,start,end\nnew-person,works_for,new-org,2024,\n"
            .write(to: folder.appendingPathComponent("edges.csv"), atomically: true, encoding: .utf8)

        var checks: [[String: String]] = []
        for (index, item) in Self.cases(examples: examples, folder: folder).enumerated() {
            let result = try CommandLine.run(item.arguments + (item.arguments.first == "export" || item.arguments.first == "example" ? [] : ["--json"]) + ["--db", databases[item.database]!])
            #expect(result.status == 0, "\(item.label) exited with \(result.status): \(result.stderr)")
            let file = folder.appendingPathComponent("output-\(index).json")
            try result.stdout.write(to: file, atomically: true, encoding: .utf8)
            checks.append(["label": item.label, "schema": item.schema, "file": file.path])
        }
        let casesFile = folder.appendingPathComponent("cases.json")
        try JSONSerialization.data(withJSONObject: checks).write(to: casesFile)
        let verdict = try runSchemaCheck(cases: casesFile, in: folder)
        #expect(verdict.checked == checks.count)
        #expect(verdict.failures.isEmpty, "\(verdict.failures.map { "\($0["label"] ?? ""): \($0["error"] ?? "")" }.joined(separator: "\n"))")
        // Every schema is used by some case, and every case's schema exists.
        let used = Set(checks.compactMap { $0["schema"] })
        #expect(Set(verdict.schemas).subtracting(["defs"]) == used, "schemas without a case, or cases without a schema")
    }

    @Test("Every command that takes --json has a schema and a case")
    func everyJSONCommandIsCovered() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commands = [
            ["init"], ["example"], ["add"], ["link"], ["unlink"], ["update"], ["remove"], ["show"], ["list"], ["vocab", "list"],
            ["vocab", "add"], ["source", "add"], ["source", "list"], ["source", "show"], ["export"], ["import"], ["ingest"],
            ["review", "list"], ["review", "accept"], ["review", "reject"], ["review", "edit"], ["neighbors"], ["path"],
            ["common"], ["timeline"], ["search"], ["stats"], ["render"], ["history"], ["undo"], ["duplicates"], ["merge"],
            ["distinct"], ["backup"], ["restore"], ["check"],
        ]
        let listed = try CommandLine.run(["--help"]).stdout
        for command in commands where command.count == 1 {
            #expect(listed.contains("  \(command[0])"), "`partnergraph --help` does not list \(command[0]): update this test's list")
        }
        let covered = Self.cases(examples: folder, folder: folder).map { item in
            item.arguments.prefix(2).joined(separator: " ")
        }
        for command in commands {
            let help = try CommandLine.run(command + ["--help"])
            guard help.stdout.contains("--json") else { continue }
            let name = command.joined(separator: " ")
            let isCovered = covered.contains { $0 == name || $0.hasPrefix(name + " ") || (command.last == "list" && $0 == command[0]) }
            #expect(isCovered, "`\(name)` takes --json but no case checks its output against a schema")
        }
    }

    static let exitCases: [([String], Int32)] = [
        (["show", "ICESCO"], 0),
        (["search", "zzzz"], 0),
        (["timeline", "Baku"], 0),
        (["show", "ICESCOO"], 1),
        (["path", "ICESCO", "Baku", "--relation", "heads"], 1),
        (["source", "show", "no-such-source"], 1),
        (["show"], 64),
        (["show", "ICESCO", "--limit", "many"], 64),
        (["show", "ICESCO", "--all", "--limit", "2"], 64),
        (["timeline", "--from", "2024", "--to", "2023"], 64),
        (["no-such-command"], 64),
        (["stats", "--no-such-flag"], 64),
    ]

    @Test("Exit codes: 0 on success, 1 when something is not found or not connected, 64 for bad usage", arguments: exitCases)
    func exitCodes(arguments: [String], status: Int32) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("example.sqlite").path
        try CommandLine.run(["example", "--db", db])
        let result = try CommandLine.run(arguments + ["--db", db])
        #expect(result.status == status, "partnergraph \(arguments.joined(separator: " ")): \(result.stderr)")
        if status != 0 { #expect(result.stderr.contains("Error:") || result.stderr.contains("Usage:"), "\(result.stderr)") }
    }
}

/// What scripts/check-json-schemas.py found.
struct SchemaVerdict: Decodable {
    var checked: Int
    var schemas: [String]
    var failures: [[String: String]]
}

/// Runs scripts/check-json-schemas.py (Python's jsonschema) over the cases.
///
/// A missing python3 or jsonschema fails the test with the fix: skipping would hide that the
/// outputs were not checked.
func runSchemaCheck(cases: URL, in folder: URL) throws -> SchemaVerdict {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
        "python3", JSONSchemaTests.projectRoot.appendingPathComponent("scripts/check-json-schemas.py").path,
        JSONSchemaTests.schemaFolder.path, cases.path,
    ]
    let output = Pipe()
    let errorFile = folder.appendingPathComponent("check.stderr")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    let errors = try FileHandle(forWritingTo: errorFile)
    defer { try? errors.close() }
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let err = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    guard process.terminationStatus == 0 else {
        let hint = err.contains("No module named")
            ? "Python's jsonschema is missing: `python3 -m pip install jsonschema` (make test does)" : "the schema check failed"
        throw SchemaCheckFailure(description: "\(hint); python3 exited with \(process.terminationStatus):\n\(err)")
    }
    return try JSONDecoder().decode(SchemaVerdict.self, from: out)
}

struct SchemaCheckFailure: Error, CustomStringConvertible {
    var description: String
}
