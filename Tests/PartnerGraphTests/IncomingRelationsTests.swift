import Foundation
import GRDB
import Testing

@testable import PartnerGraph

/// relation_incoming (migration 003) must hold exactly the relations, whatever wrote them.
struct IncomingRelationsTests {
    func mismatches(_ store: PartnerGraphStore) throws -> Int {
        try store.writer.read { db in try Int.fetchOne(db, sql: CSVImportTests.incomingMismatchSQL) ?? -1 }
    }

    func incomingCount(_ store: PartnerGraphStore) throws -> Int {
        try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM relation_incoming") ?? -1 }
    }

    @Test("link, unlink, remove and raw SQL updates keep relation_incoming equal to the relations")
    func writesKeepItInStep() throws {
        let store = try exampleStore()
        let relations = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM relation") ?? 0 }
        #expect(relations > 10)
        #expect(try incomingCount(store) == relations)
        #expect(try mismatches(store) == 0)

        try store.addEntity(NewEntity(type: .organization, name: "Gulf Energy Council"))
        try store.link("Gulf Energy Council", "partner_of", "ICESCO")
        #expect(try incomingCount(store) == relations + 1)
        #expect(try mismatches(store) == 0)

        try store.unlink("Gulf Energy Council", "partner_of", "ICESCO")
        #expect(try incomingCount(store) == relations)
        #expect(try mismatches(store) == 0)

        // An edit made outside PartnerGraph, with SQL, is followed too.
        try store.writer.write { db in
            try db.execute(sql: "UPDATE relation SET target_id = (SELECT id FROM entity WHERE key = 'gulf-energy-council') WHERE id = (SELECT min(id) FROM relation)")
        }
        #expect(try mismatches(store) == 0)
        // A date changed in place is copied too: timelines read it from relation_incoming.
        try store.writer.write { db in
            try db.execute(sql: "UPDATE relation_view SET start_date = '1999-09', end_date = NULL, date = '2001' WHERE id = (SELECT max(id) FROM relation)")
        }
        #expect(try mismatches(store) == 0)
        let copied = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT start_date, end_date, date FROM relation_incoming WHERE relation_id = (SELECT max(id) FROM relation)")
        }
        #expect(copied?["start_date"] == 19990900 && copied?["date"] == 20010000 && (copied?["end_date"] as Int64?) == nil, "packed, as in relation (migration 008)")

        let removed = try store.remove("ICESCO", cascade: true)
        #expect(!removed.removedRelations.isEmpty)
        #expect(try incomingCount(store) == relations - removed.removedRelations.count)
        #expect(try mismatches(store) == 0)
    }

    @Test("a database of schema version 2 gets relation_incoming filled from its relations")
    func migrationFillsTheTable() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v2.sqlite").path
        // Build a version-2 file with the migrations as they shipped, and some relations in it.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for migration in EmbeddedResources.migrations where migration.version <= 2 { try db.execute(sql: migration.sql) }
            try db.execute(sql: "PRAGMA user_version = 2")
            try db.execute(sql: """
                INSERT INTO entity (id, key, type, name, name_normalized, created_at, updated_at) VALUES
                    (1, 'a', 'organization', 'A', 'a', 'now', 'now'), (2, 'b', 'organization', 'B', 'b', 'now', 'now'),
                    (3, 'c', 'person', 'C', 'c', 'now', 'now');
                INSERT INTO relation (source_id, type, target_id, created_at, updated_at) VALUES
                    (1, 'member_of', 2, 'now', 'now'), (3, 'works_for', 2, 'now', 'now'), (3, 'heads', 1, 'now', 'now');
                """)
        }
        try queue.close()
        let store = try PartnerGraphStore(path: path)
        #expect(try store.recordedSchemaVersion() == PartnerGraphStore.schemaVersion)
        #expect(try incomingCount(store) == 3)
        #expect(try mismatches(store) == 0)
        let indexes = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'") }
        #expect(!indexes.contains("relation_by_target"))
        // Incoming relations are found through it.
        let around = try store.neighbors(NeighborQuery(entity: "b", depth: 1))
        #expect(Set(around.neighbors.map(\.entity.key)) == ["a", "c"])
    }

    @Test("a database of schema version 6 gets its relations' dates into relation_incoming, and timelines read them")
    func migrationCopiesTheDates() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v6.sqlite").path
        // The example as schema version 6 stored it: every migration up to 006, then the rows.
        let example = try exampleStore()
        let tables = ["entity", "alias", "attribute", "source", "relation", "citation"]
        let rows = try example.writer.read { db in
            try tables.map { try Row.fetchAll(db, sql: "SELECT * FROM \($0 == "relation" ? "relation_view" : $0)") }
        }
        let relations = rows[tables.firstIndex(of: "relation")!]
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for migration in EmbeddedResources.migrations where migration.version <= 6 { try db.execute(sql: migration.sql) }
            try db.execute(sql: "PRAGMA user_version = 6")
            let columns = try db.columns(in: "relation_incoming").map(\.name)
            #expect(columns == ["target_id", "type", "source_id", "relation_id"])
            for (table, tableRows) in zip(tables, rows) {
                for row in tableRows {
                    let names = Array(row.columnNames)
                    try db.execute(
                        sql: "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                        arguments: StatementArguments(names.map { row[$0] as DatabaseValue }))
                }
            }
        }
        try queue.close()

        let store = try PartnerGraphStore(path: path)
        #expect(try store.recordedSchemaVersion() == PartnerGraphStore.schemaVersion)
        #expect(try incomingCount(store) == relations.count)
        #expect(try mismatches(store) == 0)
        let dated = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM relation_incoming WHERE start_date IS NOT NULL OR end_date IS NOT NULL OR date IS NOT NULL")
        }
        #expect((dated ?? 0) > 5, "the example's dated relations carry their dates")
        // The same timeline, limited or whole, as the store the rows came from.
        for query in [TimelineQuery(entity: "ICESCO"), TimelineQuery(entity: "Republic of Azerbaijan", limit: 3)] {
            #expect(try store.timeline(query) == example.timeline(query))
        }
        #expect(try store.check().isClean)
    }
}
