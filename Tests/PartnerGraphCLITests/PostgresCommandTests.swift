import Foundation
import Testing

/// The command line against a PostgreSQL database, end to end: the built binary with
/// `--db postgres://…` (`make test` starts the server and sets $PARTNERGRAPH_TEST_POSTGRES).
@Suite(
    "Commands on PostgreSQL",
    .enabled(
        if: ProcessInfo.processInfo.environment["PARTNERGRAPH_TEST_POSTGRES"] != nil
            || ProcessInfo.processInfo.environment["PARTNERGRAPH_REQUIRE_POSTGRES"] != nil,
        "no PostgreSQL server: set PARTNERGRAPH_TEST_POSTGRES (`make test` starts one) to run these"))
struct PostgresCommandTests {
    /// A URL naming a new schema of the test database.
    private func freshURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["PARTNERGRAPH_TEST_POSTGRES"], !url.isEmpty else {
            throw PostgresTestError("PARTNERGRAPH_TEST_POSTGRES is not set: run the tests with `make test`, which starts a PostgreSQL server")
        }
        let schema = "c_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    @Test("init, add, link, show, neighbors, path and search work on PostgreSQL as on SQLite")
    func slice() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = folder.appendingPathComponent("graph.sqlite").path
        let postgres = try freshURL()
        let steps: [[String]] = [
            ["add", "org", "ICESCO", "--alias", "الإيسيسكو@ar", "--kind", "igo"],
            ["add", "person", "Salim M. AlMalik"],
            ["add", "org", "NAM Parliamentary Network", "--key", "nam-pn"],
            ["add", "person", "Sahiba Gafarova"],
            ["link", "Salim M. AlMalik", "heads", "ICESCO", "--role", "Director-General"],
            ["link", "ICESCO", "observer_of", "nam-pn", "--start", "2024-03"],
            ["link", "Sahiba Gafarova", "heads", "nam-pn", "--role", "President"],
            ["show", "الايسيسكو"],
            ["show", "ICESCO", "--json"],
            ["neighbors", "ICESCO", "--depth", "2"],
            ["path", "Salim M. AlMalik", "Sahiba Gafarova"],
            ["path", "Salim M. AlMalik", "Sahiba Gafarova", "--json"],
            ["search", "nam", "--type", "organization"],
            ["link", "ICESCO", "heads", "Salim M. AlMalik"],
            ["unlink", "ICESCO", "observer_of", "nam-pn"],
            ["path", "Salim M. AlMalik", "Sahiba Gafarova"],
        ]
        #expect(try CommandLine.run(["init", "--db", postgres]).status == 0)
        for step in steps {
            let onSQLite = try CommandLine.run(step + ["--db", sqlite])
            let onPostgres = try CommandLine.run(step + ["--db", postgres])
            #expect(onPostgres.status == onSQLite.status, "\(step): exit status")
            #expect(onPostgres.stderr == onSQLite.stderr, "\(step): errors")
            // Row ids and timestamps differ between the two databases; the rest must not.
            #expect(Self.withoutIds(onPostgres.stdout) == Self.withoutIds(onSQLite.stdout), "\(step): output")
        }
    }

    @Test("copy moves a graph SQLite → PostgreSQL → SQLite, and export writes the same bytes from all three")
    func copyRoundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("original.sqlite").path
        let back = folder.appendingPathComponent("back.sqlite").path
        let postgres = try freshURL()
        #expect(try CommandLine.run(["example", "--db", original]).status == 0)
        let toPostgres = try CommandLine.run(["copy", "--from", original, "--to", postgres])
        #expect(toPostgres.status == 0, "\(toPostgres.stderr)")
        #expect(toPostgres.stdout.hasPrefix("Copied 21 entities, 33 relations and 1 sources from \(original) to postgres://"))
        #expect(try CommandLine.run(["copy", "--from", postgres, "--to", back]).status == 0)
        let exports = try [original, postgres, back].map { try CommandLine.run(["export", "--format", "json", "--db", $0]) }
        #expect(exports.allSatisfy { $0.status == 0 })
        #expect(exports[1].stdout == exports[0].stdout)
        #expect(exports[2].stdout == exports[0].stdout)
        // Into a graph that is not empty: refused, nothing written.
        let again = try CommandLine.run(["copy", "--from", original, "--to", postgres])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already holds 21 entities and 33 relations; copy writes into an empty graph"))
    }

    @Test("a command that does not work on PostgreSQL yet says so and exits non-zero")
    func unsupportedCommands() throws {
        let postgres = try freshURL()
        #expect(try CommandLine.run(["init", "--db", postgres]).status == 0)
        for command in [["history"], ["check"], ["duplicates"], ["undo"], ["merge", "a", "b"], ["review"]] {
            let result = try CommandLine.run(command + ["--db", postgres])
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("`partnergraph \(command[0])` is not available on PostgreSQL yet"), "\(command): \(result.stderr)")
        }
        // $PARTNERGRAPH_DB selects it too.
        let shown = try CommandLine.run(["show", "nobody"], environment: ["PARTNERGRAPH_DB": postgres])
        #expect(shown.status == 1)
        #expect(shown.stderr.contains("no entity matches \"nobody\""))
    }

    @Test("update, remove, source and vocab work on PostgreSQL as on SQLite, refusals included")
    func maintenance() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = folder.appendingPathComponent("graph.sqlite").path
        let postgres = try freshURL()
        let article = folder.appendingPathComponent("article.txt")
        try Data("ICESCO and the Republic of Azerbaijan agreed to strengthen their partnership.\n".utf8).write(to: article)
        let steps: [[String]] = [
            ["source", "add", "walaw-2024-05-06", "--title", "ICESCO and Azerbaijan", "--publisher", "WALAW", "--published", "2024-05-06",
             "--language", "en", "--text-file", article.path],
            ["source", "add", "walaw-2024-05-06", "--title", "The same key again"],
            ["source", "add", "allafrica-2024-05-06", "--title", "Another report"],
            ["add", "org", "ICESCO", "--alias", "IEO@en", "--kind", "ngo"],
            ["add", "person", "Salim M. AlMalik"],
            ["add", "org", "Old Forum"],
            ["link", "Salim M. AlMalik", "heads", "ICESCO", "--role", "Director-General", "--source", "walaw-2024-05-06", "--quote", "Director-General"],
            ["link", "ICESCO", "partner_of", "Old Forum", "--note", "a forum that closed"],
            ["update", "ICESCO", "--rename", "Islamic World Educational, Scientific and Cultural Organization", "--add-alias", "الإيسيسكو@ar",
             "--remove-alias", "IEO", "--attr", "founded=1979", "--attr", "headquarters=Rabat", "--kind", "igo", "--start", "1979",
             "--source", "walaw-2024-05-06"],
            ["update", "الايسيسكو", "--claim", "founded=1982", "--source", "allafrica-2024-05-06", "--quote", "founded in 1982", "--json"],
            ["update", "icesco", "--remove-attr", "headquarters", "--clear-start", "--note", "Based in Rabat", "--lang", "en"],
            ["update", "icesco", "--remove-alias", "IEO"],
            ["update", "nobody", "--kind", "igo"],
            ["update", "icesco", "--start", "2000", "--end", "1990"],
            ["update", "icesco", "--attr", "founded=1979", "--source", "nowhere"],
            ["show", "ICESCO"],
            ["show", "ICESCO", "--json"],
            ["search", "Educational"],
            ["source"],
            ["source", "list", "--json"],
            ["source", "show", "walaw-2024-05-06"],
            ["source", "show", "walaw-2024-05-06", "--text"],
            ["source", "show", "allafrica-2024-05-06", "--json"],
            ["source", "show", "nowhere"],
            ["remove", "Old Forum"],
            ["remove", "Old Forum", "--cascade"],
            ["search", "forum"],
            ["remove", "Salim M. AlMalik", "--cascade", "--json"],
            ["remove", "nobody"],
            ["source", "show", "walaw-2024-05-06"],
            ["vocab"],
            ["vocab", "list", "--json"],
            ["vocab", "add", "funds", "--forward", "funds", "--inverse", "funded by", "--from", "organization", "--to", "event",
             "--description", "pays for"],
            ["vocab", "add", "funds", "--forward", "funds", "--inverse", "funded by", "--from", "person", "--to", "event"],
            ["vocab", "add", "twinned_with", "--forward", "twinned with", "--symmetric", "--from", "place", "--to", "organization"],
            ["vocab", "add", "Funded-By", "--forward", "funded by", "--inverse", "funds", "--from", "event", "--to", "organization"],
            ["vocab", "add", "funded_by", "--forward", "funded by", "--from", "event", "--to", "organization"],
            ["add", "event", "COP29", "--date", "2024-11"],
            ["add", "person", "Anar Karimov"],
            ["link", "ICESCO", "funds", "COP29"],
            ["link", "Anar Karimov", "funds", "COP29"],
            ["vocab", "list"],
            ["show", "COP29"],
        ]
        #expect(try CommandLine.run(["init", "--db", postgres]).status == 0)
        for step in steps {
            let onSQLite = try CommandLine.run(step + ["--db", sqlite])
            let onPostgres = try CommandLine.run(step + ["--db", postgres])
            #expect(onPostgres.status == onSQLite.status, "\(step): exit status")
            #expect(onPostgres.stderr == onSQLite.stderr, "\(step): errors")
            #expect(Self.withoutIds(onPostgres.stdout) == Self.withoutIds(onSQLite.stdout), "\(step): output")
        }
        let exports = try [sqlite, postgres].map { try CommandLine.run(["export", "--format", "json", "--db", $0]) }
        #expect(exports.allSatisfy { $0.status == 0 })
        #expect(Self.withoutIds(exports[1].stdout) == Self.withoutIds(exports[0].stdout), "the two graphs are the same")
    }

    @Test("example loads the bundled graph into PostgreSQL, without init, and a second time adds nothing, as on SQLite")
    func example() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = folder.appendingPathComponent("example.sqlite").path
        let postgres = try freshURL()
        for _ in 0..<2 {
            let onSQLite = try CommandLine.run(["example", "--db", sqlite])
            let onPostgres = try CommandLine.run(["example", "--db", postgres])
            #expect(onSQLite.status == 0 && onPostgres.status == 0, "\(onPostgres.stderr)")
            #expect(onPostgres.stderr == onSQLite.stderr)
            #expect(onPostgres.stdout.hasPrefix("Loaded the ICESCO–Azerbaijan example into postgres://"))
            #expect(
                onPostgres.stdout.replacingOccurrences(of: #"into \S+: "#, with: "into DB: ", options: .regularExpression)
                    == onSQLite.stdout.replacingOccurrences(of: #"into \S+: "#, with: "into DB: ", options: .regularExpression))
        }
        for step in [["export", "--format", "json"], ["show", "ICESCO"], ["source", "show", "icesco-2024-03-26"], ["vocab"]] {
            let onSQLite = try CommandLine.run(step + ["--db", sqlite])
            let onPostgres = try CommandLine.run(step + ["--db", postgres])
            #expect(onPostgres.status == 0 && onPostgres.status == onSQLite.status, "\(step): \(onPostgres.stderr)")
            #expect(onPostgres.stdout == onSQLite.stdout, "\(step): the same bytes")
        }
        // A graph that contradicts the example: refused alike, nothing written.
        let other = folder.appendingPathComponent("other.sqlite").path
        let otherPostgres = try freshURL()
        for database in [other, otherPostgres] {
            if database == otherPostgres { #expect(try CommandLine.run(["init", "--db", database]).status == 0) }
            #expect(try CommandLine.run(["add", "person", "ICESCO", "--db", database]).status == 0)
        }
        let refusedOnSQLite = try CommandLine.run(["example", "--db", other])
        let refusedOnPostgres = try CommandLine.run(["example", "--db", otherPostgres])
        #expect(refusedOnSQLite.status == 1 && refusedOnPostgres.status == 1)
        #expect(refusedOnPostgres.stderr == refusedOnSQLite.stderr)
        #expect(refusedOnPostgres.stderr.contains("the database already holds icesco as a person"), "\(refusedOnPostgres.stderr)")
        #expect(try CommandLine.run(["source", "list", "--db", otherPostgres]).stdout.hasPrefix("No sources."))
    }

    /// Text with `#12`-style relation numbers and JSON ids and timestamps blanked.
    static func withoutIds(_ text: String) -> String {
        var result = text.replacingOccurrences(of: #"#\d+"#, with: "#N", options: .regularExpression)
        result = result.replacingOccurrences(of: #""(id|relation_id)" : \d+"#, with: "\"$1\" : N", options: .regularExpression)
        result = result.replacingOccurrences(of: #""(created_at|updated_at)" : "[^"]*""#, with: "\"$1\" : T", options: .regularExpression)
        return result
    }
}

private struct PostgresTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
