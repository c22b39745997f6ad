import Foundation
import Testing

/// A database written with schema 7 (before migration 008 stored relations compactly) reads the
/// same after the upgrade: the outputs of the release that wrote it, kept beside its rows in
/// `Tests/PartnerGraphTests/Fixtures/Schema7`, are the expected outputs.
@Suite(.serialized)
struct SchemaUpgradeCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PartnerGraphTests/Fixtures/Schema7")
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("schema")

    /// The schema-7 database: migrations 001–007 and the fixture's rows, written with the sqlite3 shell.
    static func makeSchema7Database(at path: String) throws {
        var script = "PRAGMA foreign_keys = ON;\nBEGIN;\n"
        for version in 1...7 {
            let file = try FileManager.default.contentsOfDirectory(atPath: schema.path).first { $0.hasPrefix(String(format: "%03d_", version)) }!
            script += try String(contentsOf: schema.appendingPathComponent(file), encoding: .utf8) + "\n"
        }
        script += try String(contentsOf: fixtures.appendingPathComponent("data.sql"), encoding: .utf8)
        script += "\nPRAGMA user_version = 7;\nCOMMIT;\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-bail", path]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "sqlite3 wrote the schema-7 database (make deps installs it)")
    }

    @Test("show, timeline, neighbors, path and export of an upgraded database print what schema 7 printed", arguments: [
        (["show", "ICESCO"], "show-icesco.txt"),
        (["show", "Salim M. AlMalik"], "show-salim.txt"),
        (["timeline", "ICESCO"], "timeline-icesco.txt"),
        (["timeline"], "timeline.txt"),
        (["neighbors", "COP29", "--as-of", "2024"], "neighbors-cop29-2024.txt"),
        (["path", "Salim M. AlMalik", "Sahiba Gafarova"], "path.txt"),
    ])
    func outputsUnchanged(arguments: [String], expected: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("schema7.sqlite").path
        try Self.makeSchema7Database(at: db)
        let result = try CommandLine.run(arguments + ["--db", db])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        let wanted = try String(contentsOf: Self.fixtures.appendingPathComponent(expected), encoding: .utf8)
        #expect(result.stdout == wanted, "partnergraph \(arguments.joined(separator: " ")) after the upgrade")
    }

    @Test("The JSON export of an upgraded database is the bytes schema 7 exported")
    func exportUnchanged() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("schema7.sqlite").path
        try Self.makeSchema7Database(at: db)
        let output = folder.appendingPathComponent("after.json").path
        let result = try CommandLine.run(["export", "--format", "json", "-o", output, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let after = try Data(contentsOf: URL(fileURLWithPath: output))
        let before = try Data(contentsOf: Self.fixtures.appendingPathComponent("export.json"))
        #expect(after == before)
        let check = try CommandLine.run(["check", "--db", db])
        #expect(check.status == 0 && check.stdout.contains("no problems"), "\(check.stdout)\(check.stderr)")
    }
}
