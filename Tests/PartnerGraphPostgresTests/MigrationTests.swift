import Foundation
import PartnerGraph
import PostgresNIO
@testable import PartnerGraphPostgres
import Testing

@Suite("PostgreSQL schema and URLs")
struct MigrationTests {
    @Test("the binary holds schema/postgres as it is on disk (run `make embed` after changing it)")
    func embeddedMigrationsMatchFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("schema/postgres")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(PostgresMigrations.all.map(\.file) == files)
        for migration in PostgresMigrations.all {
            let text = try String(contentsOf: folder.appendingPathComponent(migration.file), encoding: .utf8)
            #expect(migration.sql + "\n" == text || migration.sql == text, "\(migration.file) differs from the embedded copy")
        }
    }

    @Test("a postgres:// URL is read into its parts, and a bad one refused with what is wrong")
    func urls() throws {
        let location = try PostgresLocation("postgres://analyst:secret@db.example.org:6543/partners?schema=team_a", environment: [:])
        #expect(location.host == "db.example.org" && location.port == 6543 && location.user == "analyst")
        #expect(location.password == "secret" && location.database == "partners" && location.schema == "team_a")
        #expect(location.description == "postgres://analyst@db.example.org:6543/partners?schema=team_a")
        #expect(try PostgresLocation("postgresql://a@h/d", environment: ["PGPASSWORD": "p"]).password == "p")
        #expect(PostgresLocation.isPostgresURL("postgres://a@h/d") && !PostgresLocation.isPostgresURL("graph.sqlite"))
        let noDatabase = thrownError { _ = try PostgresLocation("postgres://a:pw@h:5432", environment: [:]) }
        #expect("\(noDatabase!)".contains("it names no database") && !"\(noDatabase!)".contains("pw"))
        let badSchema = thrownError { _ = try PostgresLocation("postgres://a@h/d?schema=Robert;DROP", environment: [:]) }
        #expect("\(badSchema!)".contains("schema must be"))
    }

    @Test("a server that does not answer is reported with the URL and what to check")
    func unreachableServer() throws {
        let error = thrownError { _ = try PostgresStore(url: "postgres://nobody@127.0.0.1:1/none") }
        guard case let .cannotConnect(location, _)? = error as? PostgresStoreError else {
            Issue.record("expected cannotConnect, got \(String(describing: error))")
            return
        }
        #expect(location == "postgres://nobody@127.0.0.1:1/none")
    }

    @Test("a database without a graph is refused until init", .enabled(if: TestServer.enabled, TestServer.skipReason))
    func notInitialized() throws {
        let url = try TestServer.freshURL()
        #expect(thrownError { _ = try PostgresStore(url: url) } as? PostgresStoreError
            == .notInitialized(location: try PostgresLocation(url).description))
        let store = try PostgresStore(url: url, mode: .create)
        #expect(try store.recordedSchemaVersion() == PostgresStore.schemaVersion)
        // init again changes nothing.
        #expect(try PostgresStore(url: url, mode: .create).recordedSchemaVersion() == PostgresStore.schemaVersion)
    }

    @Test(
        "a graph written at PostgreSQL schema version 1 is brought up to date when opened, and keeps its rows",
        .enabled(if: TestServer.enabled, TestServer.skipReason))
    func upgradeFromVersion1() throws {
        let url = try TestServer.freshURL()
        let location = try PostgresLocation(url)
        let session = try PostgresSession(location)
        try session.run(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(location.schema!)"))
        let first = try #require(PostgresMigrations.all.first { $0.version == 1 })
        for statement in SQLScript.statements(first.sql) { try session.run(PostgresQuery(unsafeSQL: statement)) }
        try session.run("INSERT INTO partnergraph_migration (version, applied_at) VALUES (1, '2026-12-01T00:00:00Z')")
        try session.run(
            """
            INSERT INTO entity (key, type, name, name_normalized, created_at, updated_at)
            VALUES ('icesco', 'organization', 'ICESCO', 'icesco', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')
            """)
        let store = try PostgresStore(url: url)
        #expect(try store.recordedSchemaVersion() == PostgresStore.schemaVersion)
        #expect(try store.entity("ICESCO").key == "icesco")
        let before = try store.graphVersion()
        try store.addEntity(NewEntity(type: .person, name: "Salim M. AlMalik"))
        #expect(try store.graphVersion() > before, "migration 002's triggers advance the version")
    }
}
