import Foundation
import Testing

/// The commands that draw, export and report, on a PostgreSQL database: they must print what
/// they print on SQLite, byte for byte (`make test` starts the server and sets
/// $PARTNERGRAPH_TEST_POSTGRES).
@Suite(
    "Reports, drawings and exports on PostgreSQL",
    .enabled(
        if: ProcessInfo.processInfo.environment["PARTNERGRAPH_TEST_POSTGRES"] != nil
            || ProcessInfo.processInfo.environment["PARTNERGRAPH_REQUIRE_POSTGRES"] != nil,
        "no PostgreSQL server: set PARTNERGRAPH_TEST_POSTGRES (`make test` starts one) to run these"))
struct PostgresReportCommandTests {
    /// The example in an SQLite file, and copied into a new schema of the test database.
    private func example() throws -> (folder: URL, sqlite: String, postgres: String) {
        guard let url = ProcessInfo.processInfo.environment["PARTNERGRAPH_TEST_POSTGRES"], !url.isEmpty else {
            throw ReportTestError("PARTNERGRAPH_TEST_POSTGRES is not set: run the tests with `make test`, which starts a PostgreSQL server")
        }
        let schema = "r_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        let postgres = url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
        let folder = try temporaryFolder()
        let sqlite = folder.appendingPathComponent("example.sqlite").path
        try #require(try CommandLine.run(["example", "--db", sqlite]).status == 0)
        let copied = try CommandLine.run(["copy", "--from", sqlite, "--to", postgres])
        try #require(copied.status == 0, "\(copied.stderr)")
        return (folder, sqlite, postgres)
    }

    /// Runs `arguments` on both databases, with the same fixed clock for the drawings' dates.
    private func onBoth(_ arguments: [String], _ graph: (folder: URL, sqlite: String, postgres: String)) throws
        -> (sqlite: CommandLine.Result, postgres: CommandLine.Result)
    {
        let clock = ["SOURCE_DATE_EPOCH": "1717200000"]
        return (
            try CommandLine.run(arguments + ["--db", graph.sqlite], environment: clock),
            try CommandLine.run(arguments + ["--db", graph.postgres], environment: clock)
        )
    }

    @Test(
        "list, stats, timeline, common, render and export print the same bytes from PostgreSQL as from SQLite",
        arguments: [
            ["list"], ["list", "--type", "person", "--json"], ["stats"], ["stats", "--json", "--top", "3"],
            ["timeline"], ["timeline", "ICESCO"], ["timeline", "الإيسيسكو", "--json", "--from", "2024"],
            ["common", "ICESCO", "Azerbaijan"], ["common", "ICESCO", "Azerbaijan", "--json"],
            ["render", "--around", "ICESCO", "--format", "dot", "-o", "-"],
            ["render", "--around", "ICESCO", "--depth", "2", "--lang", "ar", "--format", "svg", "-o", "-"],
            ["render", "--source", "icesco-2024-03-26", "--format", "json", "-o", "-"],
            ["render", "--path", "Salim M. AlMalik", "Sahiba Gafarova", "--format", "dot", "-o", "-"],
            ["export", "--format", "graphml"], ["export", "--around", "ICESCO", "--depth", "1", "--format", "mermaid"],
            ["export", "--format", "cypher"], ["export", "--around", "COP29", "--format", "jsonld"],
            ["export", "--format", "gexf", "--type", "organization"],
        ])
    func sameOutput(_ arguments: [String]) throws {
        let graph = try example()
        defer { try? FileManager.default.removeItem(at: graph.folder) }
        let (sqlite, postgres) = try onBoth(arguments, graph)
        #expect(sqlite.status == 0, "\(arguments): \(sqlite.stderr)")
        #expect(postgres.status == sqlite.status, "\(arguments): exit status")
        #expect(postgres.stderr == sqlite.stderr, "\(arguments): errors")
        #expect(!sqlite.stdout.isEmpty)
        #expect(postgres.stdout == sqlite.stdout, "\(arguments): output")
    }

    @Test("their refusals are the same too: an unknown entity, an unknown entity type")
    func sameRefusals() throws {
        let graph = try example()
        defer { try? FileManager.default.removeItem(at: graph.folder) }
        for arguments in [
            ["timeline", "ICESCOO"], ["common", "ICESCO", "nobody"], ["render", "--around", "nobody", "--format", "dot", "-o", "-"],
            ["export", "--around", "ICESCO", "--format", "graphml", "--type", "nothing"],
        ] {
            let (sqlite, postgres) = try onBoth(arguments, graph)
            #expect(sqlite.status != 0, "\(arguments)")
            #expect(postgres.status == sqlite.status, "\(arguments): exit status")
            #expect(postgres.stderr == sqlite.stderr, "\(arguments): errors")
        }
    }

    @Test("an export of a neighbourhood sees a change made a moment before, as on SQLite")
    func freshAndScoped() throws {
        let graph = try example()
        defer { try? FileManager.default.removeItem(at: graph.folder) }
        for database in [graph.sqlite, graph.postgres] {
            #expect(try CommandLine.run(["add", "org", "Isolated Body", "--db", database]).status == 0)
            #expect(try CommandLine.run(["link", "Isolated Body", "partner_of", "ICESCO", "--db", database]).status == 0)
        }
        let (sqlite, postgres) = try onBoth(["export", "--around", "Isolated Body", "--depth", "1", "--format", "mermaid"], graph)
        #expect(sqlite.stdout.contains("Isolated Body"))
        #expect(postgres.stdout == sqlite.stdout)
    }

    @Test("backup of a PostgreSQL database writes an SQLite file holding the same graph, ids included")
    func backup() throws {
        let graph = try example()
        defer { try? FileManager.default.removeItem(at: graph.folder) }
        let file = graph.folder.appendingPathComponent("backup.sqlite").path
        let backedUp = try CommandLine.run(["backup", file, "--db", graph.postgres])
        #expect(backedUp.status == 0, "\(backedUp.stderr)")
        #expect(backedUp.stdout.contains("21 entities, 33 relations, 1 source"))
        for arguments in [["export"], ["show", "ICESCO", "--json"], ["path", "Salim M. AlMalik", "Sahiba Gafarova", "--json"]] {
            #expect(try CommandLine.run(arguments + ["--db", file]).stdout == CommandLine.run(arguments + ["--db", graph.sqlite]).stdout, "\(arguments)")
        }
        // Not over an existing file without --force, as on SQLite.
        let again = try CommandLine.run(["backup", file, "--db", graph.postgres])
        #expect(again.status != 0)
    }

    @Test("import of a JSON document: the same reports, refusals and graph on PostgreSQL as on SQLite")
    func importJSON() throws {
        let graph = try example()
        defer { try? FileManager.default.removeItem(at: graph.folder) }
        func file(_ name: String, _ text: String) throws -> String {
            let path = graph.folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let new = try file("new.json", """
            {"format": "partnergraph", "version": 1,
             "relation_types": [{"name": "funds", "forward": "funds", "inverse": "funded by", "source_types": ["organization"], "target_types": ["event"]}],
             "entities": [{"key": "isdb", "type": "organization", "name": "Islamic Development Bank", "aliases": [{"name": "البنك الإسلامي للتنمية", "language": "ar"}]},
                          {"key": "icesco", "type": "organization", "name": "ICESCO", "attributes": {"founded": "1979"}}],
             "relations": [{"source": "isdb", "type": "funds", "target": "cop29", "start": "2024"},
                           {"source": "isdb", "type": "partner_of", "target": "icesco", "citations": [{"source": "icesco-2024-03-26", "quote": "a quote"}]}]}
            """)
        let bad = try file("bad.json", """
            {"format": "partnergraph", "version": 1,
             "entities": [{"key": "cop29", "type": "person", "name": "COP29"}],
             "relations": [{"source": "nobody", "type": "heads", "target": "icesco"}, {"source": "icesco", "type": "unknown_type", "target": "cop29"}]}
            """)
        let twice = try file("twice.json", #"{"format": "partnergraph", "version": 1, "entities": [], "entities": []}"#)
        for arguments in [
            ["import", new, "--dry-run"], ["import", new], ["import", new], ["import", new, "--json"], ["import", bad], ["import", twice],
            ["show", "البنك الإسلامي للتنمية", "--json"], ["export"],
        ] {
            let (sqlite, postgres) = try onBoth(arguments, graph)
            #expect(sqlite.status == (arguments.contains(bad) || arguments.contains(twice) ? 1 : 0), "\(arguments): \(sqlite.stderr)")
            #expect(postgres.status == sqlite.status, "\(arguments): exit status")
            #expect(postgres.stderr == sqlite.stderr, "\(arguments): errors")
            #expect(PostgresCommandTests.withoutIds(postgres.stdout) == PostgresCommandTests.withoutIds(sqlite.stdout), "\(arguments): output")
        }
        let refused = try CommandLine.run(["import", bad, "--db", graph.postgres])
        #expect(refused.stderr.contains("no entity \"nobody\" in the file or the database"))
        #expect(refused.stderr.contains("the database already holds cop29 as a event, not a person") || refused.stderr.contains("cop29"))
        let added = try CommandLine.run(["show", "isdb", "--db", graph.postgres])
        #expect(added.stdout.contains("funds") && added.stdout.contains("COP29"))
    }
}

private struct ReportTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
