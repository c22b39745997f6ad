import Foundation
import GRDB
import Testing
@testable import PartnerGraph

struct SchemaTests {
    @Test("The schema embedded in the binary is exactly the files in schema/")
    func embeddedSchemaMatchesFiles() throws {
        let folder = projectRoot.appendingPathComponent("schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files == EmbeddedResources.migrations.map(\.file), "run `make embed` after changing schema/")
        for migration in EmbeddedResources.migrations {
            let text = try String(contentsOf: folder.appendingPathComponent(migration.file), encoding: .utf8)
            #expect(text == migration.sql, "\(migration.file) differs from the embedded copy; run `make embed`")
        }
    }

    @Test("The example embedded in the binary is exactly examples/icesco-azerbaijan.json")
    func embeddedExampleMatchesFile() throws {
        let text = try String(contentsOf: projectRoot.appendingPathComponent("examples/icesco-azerbaijan.json"), encoding: .utf8)
        #expect(text == EmbeddedResources.exampleGraph, "run `make embed` after changing examples/")
    }

    @Test("Opening records the schema version, and a second open changes nothing")
    func recordsVersion() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("g.sqlite").path
        #expect(try PartnerGraphStore(path: path).recordedSchemaVersion() == PartnerGraphStore.schemaVersion)
        #expect(try PartnerGraphStore(path: path).recordedSchemaVersion() == PartnerGraphStore.schemaVersion)
        let (journal, pageSize) = try DatabaseQueue(path: path).read {
            (try String.fetchOne($0, sql: "PRAGMA journal_mode"), try Int.fetchOne($0, sql: "PRAGMA page_size"))
        }
        #expect(journal == "wal")
        #expect(pageSize == PartnerGraphStore.pageSize)
    }

    @Test("A database written by a newer PartnerGraph is refused with the fix")
    func newerSchemaRefused() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.sqlite").path
        _ = try PartnerGraphStore(path: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "PRAGMA user_version = 999") }
        #expect(throws: PartnerGraphError.newerSchema(path: path, version: 999, supported: PartnerGraphStore.schemaVersion)) {
            try PartnerGraphStore(path: path)
        }
    }

    @Test("A file that is not an SQLite database is refused and left as it was")
    func notADatabase() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.txt").path
        let content = String(repeating: "These are my notes, not a database.\n", count: 200)
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: PartnerGraphError.notADatabase(path: path)) { try PartnerGraphStore(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
    }

    @Test("Another application's SQLite database is refused, not migrated")
    func foreignDatabase() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE t(x)") }
        #expect(throws: PartnerGraphError.self) { try PartnerGraphStore(path: path) }
        let tables = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") }
        #expect(tables == ["t"])
    }

    @Test("Reading a database that does not exist says how to create one, and creates nothing")
    func missingDatabase() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing.sqlite").path
        #expect(throws: PartnerGraphError.self) { try PartnerGraphStore(path: path, mode: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
