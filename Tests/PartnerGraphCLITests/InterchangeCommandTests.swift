import Foundation
import Testing

/// `partnergraph export` in every format and `partnergraph import` of GraphML and spreadsheets,
/// run as a user runs them.
@Suite(.serialized)
struct InterchangeCommandTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    @Test("Every format exports the example, twice the same bytes; a failed write is an error")
    func exportEveryFormat() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        try CommandLine.run(["example", "--db", db])
        for format in ["graphml", "gexf", "jsonld", "mermaid", "cypher", "json"] {
            let first = try CommandLine.run(["export", "--format", format, "--db", db])
            let second = try CommandLine.run(["export", "--format", format, "--db", db])
            #expect(first.status == 0, "\(format): \(first.stderr)")
            #expect(!first.stdout.isEmpty && first.stdout == second.stdout, "\(format) is deterministic")
            #expect(first.stdout.contains("الإيسيسكو") || first.stdout.contains("منظمة العالم الإسلامي"), "\(format) carries Arabic names")
            let full = try CommandLine.run(["export", "--format", format, "-o", "/dev/full", "--db", db])
            #expect(full.status != 0, "\(format) to a full device must fail")
            #expect(try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType == .typeCharacterSpecial,
                "a device is written to, never replaced")
        }
        let csv = try CommandLine.run(["export", "--format", "csv", "-o", folder.appendingPathComponent("csv").path, "--db", db])
        #expect(csv.status == 0 && csv.stderr.contains("21 entities and 33 relations"))
        let nodes = try String(contentsOf: folder.appendingPathComponent("csv/nodes.csv"), encoding: .utf8)
        #expect(nodes.split(separator: "\n").count == 22)
    }

    @Test("Refused combinations say what to do", arguments: [
        (["export", "--format", "csv"], "name their folder with -o"),
        (["export", "--around", "ICESCO", "-o", "x.json"], "json exports the whole database"),
        (["export", "-o", "graph.xyz"], "cannot tell the format"),
        (["export", "--dialect", "neo4j", "--format", "graphml"], "--dialect goes with --format cypher"),
        (["import", "--csv", "links.csv"], "--csv needs a mapping"),
        (["import", "--graphml", "a.graphml", "--csv", "b.csv"], "give one kind of file"),
    ])
    func refused(arguments: [String], message: String) throws {
        let result = try CommandLine.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    }

    @Test("A Mermaid chart of more than 300 entities is refused unless forced")
    func mermaidLimit() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        var nodes = "key,type,name\n"
        for index in 0..<301 { nodes += "org-\(index),organization,Organization \(index)\n" }
        try nodes.write(to: folder.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)
        try CommandLine.run(["import", "--nodes", folder.appendingPathComponent("nodes.csv").path, "--db", db])
        let refused = try CommandLine.run(["export", "--format", "mermaid", "--db", db])
        #expect(refused.status != 0 && refused.stderr.contains("--force") && refused.stdout.isEmpty)
        let forced = try CommandLine.run(["export", "--format", "mermaid", "--force", "--db", db])
        #expect(forced.status == 0 && forced.stdout.hasPrefix("flowchart LR"))
    }

    @Test("GraphML out of one database and into another gives the same GraphML; a second import changes nothing")
    func graphMLRoundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first.sqlite").path
        let second = folder.appendingPathComponent("second.sqlite").path
        let file = folder.appendingPathComponent("example.graphml").path
        try CommandLine.run(["example", "--db", first])
        #expect(try CommandLine.run(["export", "-o", file, "--db", first]).status == 0)
        let dryRun = try CommandLine.run(["import", "--graphml", file, "--dry-run", "--db", second])
        #expect(dryRun.stdout.contains("Dry run, nothing written") && dryRun.stdout.contains("would add 21 entities and 33 relations"))
        #expect(try CommandLine.run(["show", "ICESCO", "--db", second]).status != 0, "the dry run wrote nothing")
        let imported = try CommandLine.run(["import", "--graphml", file, "--db", second])
        #expect(imported.status == 0, "\(imported.stderr)")
        let again = try CommandLine.run(["import", "--graphml", file, "--json", "--db", second])
        #expect(again.stdout.contains("\"change_count\" : 0"))
        let exported = try CommandLine.run(["export", "--format", "graphml", "--db", second])
        #expect(exported.stdout == (try String(contentsOfFile: file, encoding: .utf8)))
    }

    @Test("The memberships spreadsheet imports with its mapping; the second time nothing changes; bad input writes nothing")
    func spreadsheet() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        let csv = Self.examples.appendingPathComponent("memberships.csv").path
        let map = Self.examples.appendingPathComponent("memberships.toml").path
        try CommandLine.run(["example", "--db", db])
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count - 1
        let first = try CommandLine.run(["import", "--csv", csv, "--map", map, "--json", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("\"relations_added\" : \(rows)"))
        let second = try CommandLine.run(["import", "--csv", csv, "--map", map, "--json", "--db", db])
        #expect(second.stdout.contains("\"change_count\" : 0") && second.stdout.contains("\"relations_unchanged\" : \(rows)"))
        let broken = try CommandLine.run(["import", "--csv", csv, "--map", map, "--set", "source.column=pays", "--db", db])
        #expect(broken.status != 0 && broken.stderr.contains("pays"))
        let show = try CommandLine.run(["show", "Tajikistan", "--db", db])
        #expect(show.stdout.contains("طاجيكستان"), "the Arabic column became an alias")
    }
}
