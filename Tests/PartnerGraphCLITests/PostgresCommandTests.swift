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
        for command in [["history"], ["check"], ["duplicates"], ["source", "list"]] {
            let result = try CommandLine.run(command + ["--db", postgres])
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("`partnergraph \(command[0])` is not available on PostgreSQL yet"), "\(command): \(result.stderr)")
        }
        // $PARTNERGRAPH_DB selects it too.
        let shown = try CommandLine.run(["show", "nobody"], environment: ["PARTNERGRAPH_DB": postgres])
        #expect(shown.status == 1)
        #expect(shown.stderr.contains("no entity matches \"nobody\""))
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
