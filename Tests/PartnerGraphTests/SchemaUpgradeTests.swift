import Foundation
import GRDB
import Testing
@testable import PartnerGraph

/// Migration 008 (compact relations) on a database written with schema 7: the fixture
/// `Fixtures/Schema7/data.sql` holds the rows of one, made by the release before 008 (the
/// example, a relation type added, a source, relations with a role, a period, a point date and a
/// note, citations with quotes, a claim, an unlink and its history).
struct SchemaUpgradeTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Schema7")

    /// A schema-7 database at `path`: migrations 001–007 as they shipped, then the fixture's rows.
    static func makeSchema7Database(at path: String) throws {
        let data = try String(contentsOf: fixtures.appendingPathComponent("data.sql"), encoding: .utf8)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for migration in EmbeddedResources.migrations where migration.version <= 7 {
                try db.execute(sql: migration.sql)
            }
            try db.execute(sql: data)
            try db.execute(sql: "PRAGMA user_version = 7")
        }
    }

    /// Every row of `sql`, as values.
    static func rows(_ sql: String, at path: String) throws -> [[DatabaseValue]] {
        try DatabaseQueue(path: path).read { db in try Row.fetchAll(db, sql: sql).map { Array($0.databaseValues) } }
    }

    @Test("Upgrading a schema-7 database keeps every relation, citation and history image as it was, and check finds nothing wrong")
    func upgradeKeepsEveryFact() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("schema7.sqlite").path
        try Self.makeSchema7Database(at: path)
        let relations = try Self.rows("SELECT * FROM relation ORDER BY id", at: path)
        let citations = try Self.rows("SELECT * FROM citation ORDER BY id", at: path)
        let history = try Self.rows("SELECT * FROM change_row ORDER BY id", at: path)
        #expect(relations.count == 36 && citations.count > 50, "the fixture holds the example and more")

        let pages = try Self.rows("PRAGMA page_count", at: path)
        let store = try PartnerGraphStore(path: path)
        #expect(try store.recordedSchemaVersion() == 8)
        #expect(try Self.rows("PRAGMA freelist_count", at: path) == [[0.databaseValue]], "the upgrade compacts the file")
        #expect(try Self.rows("PRAGMA page_count", at: path)[0][0] != pages[0][0])
        #expect(try Self.rows("SELECT * FROM relation_view ORDER BY id", at: path) == relations, "relation_view shows the rows as they were")
        #expect(try Self.rows("SELECT * FROM citation ORDER BY id", at: path) == citations, "the citations of relations survive the rebuild")
        #expect(try Self.rows("SELECT * FROM change_row ORDER BY id", at: path) == history)
        let incoming = try Self.rows("SELECT count(*) FROM relation_incoming", at: path)
        #expect(incoming == [[36.databaseValue]])
        let report = try store.check()
        #expect(report.problems.isEmpty, "check after the upgrade: \(report.problems.map(\.message))")
        #expect(try store.search(SearchQuery("funding")).hits.contains { $0.kind == .relation }, "a relation's note is still found")
    }

    @Test("The upgraded rows are stored compactly: type ids, packed dates, Unix seconds, no repeated updated_at")
    func upgradeStoresCompactly() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("schema7.sqlite").path
        try Self.makeSchema7Database(at: path)
        _ = try PartnerGraphStore(path: path)
        let row = try #require(try Self.rows(
            "SELECT typeof(type_id), start_date, end_date, typeof(created_at), updated_at FROM relation WHERE id = 34", at: path).first)
        #expect(row == ["integer".databaseValue, 20230500.databaseValue, 20241231.databaseValue, "integer".databaseValue, .null])
        let funds = try Self.rows("SELECT c.name FROM relation r JOIN relation_type_code c ON c.id = r.type_id WHERE r.id = 34", at: path)
        #expect(funds == [["funds".databaseValue]])
        // Type ids follow the names' order, as the indexes did: a node's relations keep their order.
        let names = try Self.rows("SELECT name FROM relation_type_code ORDER BY id", at: path).map { $0[0] }
        #expect(names == names.sorted { (String.fromDatabaseValue($0) ?? "") < (String.fromDatabaseValue($1) ?? "") })
    }

    @Test("Undo of changes recorded before the upgrade puts back what they changed")
    func undoAcrossTheUpgrade() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("schema7.sqlite").path
        try Self.makeSchema7Database(at: path)
        let removed = try Self.rows("SELECT * FROM relation WHERE id = 25", at: path)
        let removedCitations = try Self.rows("SELECT source_id, quote FROM citation WHERE relation_id = 25", at: path)
        #expect(removed.isEmpty, "the fixture's change 8 unlinked relation #25")

        let store = try PartnerGraphStore(path: path)
        let last = try store.undo()
        #expect(last.undone.id == 9)
        #expect(try Self.rows("SELECT id FROM relation WHERE id = 37", at: path).isEmpty, "the link of change 9 is undone")
        let unlink = try store.undo(8)
        #expect(unlink.undone.command.contains("unlink"))
        let restored = try Self.rows("SELECT * FROM relation_view WHERE id = 25", at: path)
        #expect(restored.count == 1)
        #expect(restored.first?[2] == "heads".databaseValue && restored.first?[4] == "Director-General".databaseValue)
        #expect(try Self.rows("SELECT source_id, quote FROM citation WHERE relation_id = 25", at: path).count == 1)
        #expect(removedCitations.isEmpty)
        let report = try store.check()
        #expect(report.problems.isEmpty, "check after the undos: \(report.problems.map(\.message))")
        // And undo of the undo removes it again, through the new triggers' images.
        _ = try store.undo()
        #expect(try Self.rows("SELECT id FROM relation WHERE id = 25", at: path).isEmpty)
    }

    @Test("Packed dates and stored timestamps convert both ways", arguments: ["2024", "2024-03", "2024-03-26", "0001-01-01", "9999-12"])
    func packedDates(text: String) throws {
        let date = try PartialDate(text)
        #expect(PartialDate(packed: date.packed) == date)
        #expect(PartialDate(packed: date.packed)?.description == text)
    }

    @Test("A packed value that is not a date is no date")
    func invalidPackedDates() {
        for packed: Int64 in [20241300, 20240031, 20240230, 0, 99] { #expect(PartialDate(packed: packed) == nil, "\(packed)") }
    }

    @Test("Canonical timestamps are stored as Unix seconds, others as their text")
    func timestamps() {
        #expect(Timestamp.stored("2024-03-26T00:00:00Z") == 1711411200.databaseValue)
        #expect(Timestamp.text(1711411200.databaseValue) == "2024-03-26T00:00:00Z")
        #expect(Timestamp.stored("1969-12-31T23:59:59Z") == (-1).databaseValue)
        #expect(Timestamp.text((-1).databaseValue) == "1969-12-31T23:59:59Z")
        for text in ["2024-03-26T00:00:00.5Z", "2024-02-30T00:00:00Z", "yesterday"] {
            #expect(Timestamp.stored(text) == text.databaseValue, "\(text) is kept as written")
        }
        let now = Timestamp.now()
        #expect(Timestamp.text(Timestamp.stored(now)) == now)
    }
}
