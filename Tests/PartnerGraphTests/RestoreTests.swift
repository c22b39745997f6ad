import Foundation
import GRDB
import Testing
@testable import PartnerGraph

@Suite("Restore")
struct RestoreTests {
    @Test("Restore puts back what the backup holds and replaces what came after, with --force")
    func roundTrip() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try exampleFile(in: folder)
        let backup = folder.appendingPathComponent("backup.sqlite").path
        let expected = try graphJSON(PartnerGraphStore(path: path))
        try PartnerGraphStore(path: path).backup(to: backup)
        try PartnerGraphStore(path: path).addEntity(NewEntity(type: .organization, name: "ALECSO"))

        #expect(throws: BackupError.databaseHasData(path: path, holds: "22 entities, 33 relations, 1 source")) {
            try PartnerGraphStore.restore(from: backup, to: path)
        }
        #expect(try PartnerGraphStore(path: path).entity("alecso").key == "alecso", "a refusal changes nothing")

        let report = try PartnerGraphStore.restore(from: backup, to: path, replacingData: true)
        #expect(report.counts == GraphCounts(entities: 21, relations: 33, sources: 1))
        #expect(report.replaced == GraphCounts(entities: 22, relations: 33, sources: 1))
        #expect(report.upgradedFrom == nil)
        #expect(report.problems == 0)
        let restored = try PartnerGraphStore(path: path)
        #expect(try graphJSON(restored) == expected)
        #expect(try restored.check().isClean)
        #expect(try !fileNames(in: folder).contains { $0.hasSuffix(".tmp") }, "no temporary file is left behind")
    }

    @Test("A missing or empty database is filled without --force, and takes WAL mode")
    func emptyTargets() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let backup = folder.appendingPathComponent("backup.sqlite").path
        try exampleStore().backup(to: backup)
        let fresh = folder.appendingPathComponent("fresh.sqlite").path
        _ = try PartnerGraphStore(path: fresh)
        let missing = folder.appendingPathComponent("missing.sqlite").path
        for target in [fresh, missing] {
            let report = try PartnerGraphStore.restore(from: backup, to: target)
            #expect(report.replaced == nil)
            let store = try PartnerGraphStore(path: target)
            #expect(try store.entities().count == 21)
            #expect(try store.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        }
    }

    @Test("A store that has the database open sees the restored data: the file is written in place, not swapped")
    func openStoreSeesRestore() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("live.sqlite").path
        let open = try PartnerGraphStore(path: path)
        try open.addEntity(NewEntity(type: .organization, name: "Before"))
        let backup = folder.appendingPathComponent("backup.sqlite").path
        try exampleStore().backup(to: backup)
        try PartnerGraphStore.restore(from: backup, to: path, replacingData: true)
        #expect(try open.entities().count == 21)
        #expect(throws: PartnerGraphError.self) { try open.entity("before") }
        try open.addEntity(NewEntity(type: .organization, name: "After"))
        #expect(try open.check().isClean)
    }

    @Test("A backup with a page size other than the database's is restored into it")
    func otherPageSize() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // An in-memory store's backup has SQLite's default 4 KiB pages; files PartnerGraph creates have 16 KiB.
        let small = folder.appendingPathComponent("small-pages.sqlite").path
        try PartnerGraphStore().backup(to: small)
        let path = folder.appendingPathComponent("db.sqlite").path
        try PartnerGraphStore.restore(from: small, to: path)
        let pageSize = { try PartnerGraphStore(path: path).read { try Int.fetchOne($0, sql: "PRAGMA page_size") } }
        #expect(try pageSize() == 4096)
        let example = try exampleFile(in: folder)
        try PartnerGraphStore.restore(from: example, to: path)
        #expect(try graphJSON(PartnerGraphStore(path: path)) == graphJSON(PartnerGraphStore(path: example)))
        #expect(try PartnerGraphStore(path: path).check().isClean)
    }

    @Test("A backup written by an older PartnerGraph is restored and brought up to date")
    func olderSchema() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("schema-3.sqlite").path
        let queue = try DatabaseQueue(path: old)
        try queue.writeWithoutTransaction { db in
            for migration in EmbeddedResources.migrations where migration.version <= 3 {
                try db.execute(sql: migration.sql)
                try db.execute(sql: "PRAGMA user_version = \(migration.version)")
            }
            try db.execute(
                sql: """
                    INSERT INTO entity (key, type, name, name_normalized, created_at, updated_at)
                    VALUES ('icesco', 'organization', 'ICESCO', 'icesco', '2024-03-26T00:00:00Z', '2024-03-26T00:00:00Z')
                    """)
        }
        try queue.close()
        let path = folder.appendingPathComponent("db.sqlite").path
        let report = try PartnerGraphStore.restore(from: old, to: path)
        #expect(report.upgradedFrom == 3)
        let store = try PartnerGraphStore(path: path)
        #expect(try store.recordedSchemaVersion() == PartnerGraphStore.schemaVersion)
        #expect(try store.entity("ICESCO").key == "icesco")
        #expect(try store.check().isClean)
    }

    /// Files that are not a sound PartnerGraph database, each made from a good backup.
    enum BadBackup: String, CaseIterable, CustomTestStringConvertible {
        case text, json, empty, png, otherSQLite, emptySQLite, missingTable, newerSchema, damagedPages, truncated, brokenIndex

        var testDescription: String { rawValue }

        func make(from good: String, in folder: URL) throws -> String {
            let path = folder.appendingPathComponent("bad-\(rawValue).sqlite").path
            func write(_ data: Data) throws { try data.write(to: URL(fileURLWithPath: path)) }
            func sql(_ statements: String) throws {
                try FileManager.default.copyItem(atPath: good, toPath: path)
                let queue = try DatabaseQueue(path: path)
                try queue.writeWithoutTransaction { try $0.execute(sql: statements) }
                try queue.close()
            }
            switch self {
            case .text: try write(Data("key,type,name\nicesco,organization,ICESCO\n".utf8))
            case .json: try write(Data(#"{"format": "partnergraph", "entities": []}"#.utf8))
            case .empty: try write(Data())
            case .png: try write(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 200)))
            case .otherSQLite:
                let queue = try DatabaseQueue(path: path)
                try queue.write { try $0.execute(sql: "CREATE TABLE contact (name TEXT, phone TEXT); INSERT INTO contact VALUES ('a', '1')") }
                try queue.close()
            case .emptySQLite:
                let queue = try DatabaseQueue(path: path)
                try queue.write { try $0.execute(sql: "PRAGMA user_version = 0") }
                try queue.close()
            case .missingTable: try sql("DROP TABLE relation_incoming")
            case .newerSchema: try sql("PRAGMA user_version = \(PartnerGraphStore.schemaVersion + 1)")
            case .damagedPages:
                try FileManager.default.copyItem(atPath: good, toPath: path)
                let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
                let size = try handle.seekToEnd()
                // Garbage over the second half of the file: table and index pages.
                try handle.seek(toOffset: size / 2)
                try handle.write(contentsOf: Data(repeating: 0xAB, count: Int(size - size / 2)))
                try handle.close()
            case .truncated:
                try FileManager.default.copyItem(atPath: good, toPath: path)
                let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
                try handle.truncate(atOffset: try handle.seekToEnd() / 2)
                try handle.close()
            case .brokenIndex:
                // The index's definition no longer matches its entries: SQLite's integrity check fails,
                // though every page reads.
                try sql("""
                    PRAGMA writable_schema = ON;
                    UPDATE sqlite_master SET sql = 'CREATE INDEX entity_by_type ON entity(name, type)' WHERE name = 'entity_by_type';
                    PRAGMA writable_schema = OFF;
                    """)
            }
            return path
        }

        func isExpected(_ error: BackupError) -> Bool {
            switch (self, error) {
            case (.text, .notSQLite(_, let reason)): return reason.contains("it looks like text")
            case (.json, .notSQLite(_, let reason)): return reason.contains("it looks like JSON")
            case (.empty, .notSQLite(_, let reason)): return reason == "it is empty"
            case (.png, .notSQLite(_, let reason)): return reason.contains("not an SQLite file")
            case (.otherSQLite, .notPartnerGraph(_, let reason)): return reason.contains("user_version is 0")
            case (.emptySQLite, .notPartnerGraph(_, let reason)): return reason == "it is empty"
            case (.missingTable, .notPartnerGraph(_, let reason)): return reason.contains("no table relation_incoming")
            case (.newerSchema, .newerSchema(_, let version, let supported)):
                return version == PartnerGraphStore.schemaVersion + 1 && supported == PartnerGraphStore.schemaVersion
            case (.damagedPages, .damaged), (.truncated, .damaged), (.brokenIndex, .damaged): return true
            default: return false
            }
        }
    }

    @Test("A file that is not a sound PartnerGraph database is refused with the reason, even with --force, and nothing changes",
          arguments: BadBackup.allCases)
    func refusals(bad: BadBackup) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try exampleFile(in: folder)
        try PartnerGraphStore(path: path).addEntity(NewEntity(type: .organization, name: "Only here"))
        let before = try graphJSON(PartnerGraphStore(path: path))
        let good = folder.appendingPathComponent("good.sqlite").path
        try exampleStore().backup(to: good)
        let file = try bad.make(from: good, in: folder)
        let names = try fileNames(in: folder)

        let error = #expect(throws: BackupError.self) {
            try PartnerGraphStore.restore(from: file, to: path, replacingData: true)
        }
        if let error {
            #expect(bad.isExpected(error), "unexpected refusal: \(error)")
            #expect(error.description.contains(file) && error.description.contains("nothing was changed"), "\(error)")
        }
        #expect(try graphJSON(PartnerGraphStore(path: path)) == before, "the database is as it was")
        #expect(try fileNames(in: folder).subtracting(names).filter { !$0.hasPrefix("partners.sqlite") }.isEmpty,
                "nothing is left behind")
    }

    @Test("The database itself, a missing file and a folder are refused")
    func badSources() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try exampleFile(in: folder)
        #expect(throws: BackupError.sameFile(path: path)) { try PartnerGraphStore.restore(from: path, to: path, replacingData: true) }
        let missing = folder.appendingPathComponent("nope.sqlite").path
        #expect(throws: BackupError.unreadable(path: missing, reason: "no such file")) {
            try PartnerGraphStore.restore(from: missing, to: path, replacingData: true)
        }
        #expect(throws: BackupError.isAFolder(path: folder.path)) {
            try PartnerGraphStore.restore(from: folder.path, to: path, replacingData: true)
        }
    }

    @Test("A database that is not PartnerGraph's is replaced only with --force")
    func unreadableTarget() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("notes.sqlite")
        try Data("my notes, not a database".utf8).write(to: target)
        let backup = folder.appendingPathComponent("backup.sqlite").path
        try exampleStore().backup(to: backup)
        let error = #expect(throws: BackupError.self) { try PartnerGraphStore.restore(from: backup, to: target.path) }
        if case .databaseUnreadable(_, let reason)? = error {
            #expect(reason.contains("not an SQLite file"))
        } else {
            Issue.record("expected databaseUnreadable, got \(String(describing: error))")
        }
        #expect(try Data(contentsOf: target) == Data("my notes, not a database".utf8))
        try PartnerGraphStore.restore(from: backup, to: target.path, replacingData: true)
        #expect(try PartnerGraphStore(path: target.path).entities().count == 21)
    }
}
