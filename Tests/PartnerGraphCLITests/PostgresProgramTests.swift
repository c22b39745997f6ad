import Testing
@testable import PartnerGraphCLI

/// When `partnergraph` hands a command line to `partnergraph-postgres`, and what messages show of a URL.
struct PostgresProgramTests {
    @Test(
        "a postgres:// database named by --db, --from, --to, --opt=URL or $PARTNERGRAPH_DB is handed over",
        arguments: [
            (["show", "ICESCO", "--db", "postgres://a@h/d"], nil as String?),
            (["copy", "--from", "graph.sqlite", "--to", "postgresql://a@h/d"], nil),
            (["neighbors", "ICESCO", "--db=postgres://a@h/d"], nil),
            (["path", "A", "B"], "postgres://a@h/d"),
        ])
    func handedOver(_ arguments: [String], _ environment: String?) {
        #expect(PostgresProgram.isNamed(in: arguments, environment: environment))
    }

    @Test(
        "a command line over SQLite files stays in partnergraph",
        arguments: [
            (["show", "ICESCO", "--db", "graph.sqlite"], nil as String?),
            (["path", "A", "B"], "partners.sqlite"),
            (["add", "org", "The postgres people"], nil),
            (["neighbors", "ICESCO"], ""),
        ])
    func staysHere(_ arguments: [String], _ environment: String?) {
        #expect(!PostgresProgram.isNamed(in: arguments, environment: environment))
    }

    @Test("a URL's password never reaches a message")
    func redacted() {
        #expect(PostgresProgram.redacted("postgres://analyst:secret@db.example.org:5432/partners?schema=a")
            == "postgres://analyst@db.example.org:5432/partners?schema=a")
        #expect(PostgresProgram.redacted("postgres://analyst@h/d") == "postgres://analyst@h/d")
        #expect(PostgresProgram.redacted("graph.sqlite") == "graph.sqlite")
    }
}
