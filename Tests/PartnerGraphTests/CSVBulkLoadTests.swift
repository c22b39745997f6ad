import Foundation
import GRDB
import Testing

@testable import PartnerGraph

/// The fast paths of the CSV bulk import: the byte-level reader, the rollback-journal load of a
/// new file, and the deferred indexes of a large load.
struct CSVBulkLoadTests {
    /// A graph large enough for the deferred-index path (more than 10,000 nodes and relations).
    private func writeLargeGraph(in folder: URL, brokenLine: Bool = false) throws -> (nodes: String, edges: String) {
        var nodes = "key,type,name,alias_ar\n"
        for index in 0..<12_000 {
            nodes += "org-\(index),organization,Org Number \(index),\(index % 5 == 0 ? "منظمة \(index)" : "")\n"
        }
        var edges = "source,type,target,start,end\n"
        for offset in [1, 38] {
            for source in stride(from: 11_999, through: 0, by: -1) {
                edges += "org-\(source),partner_of,org-\((source + offset) % 12_000),\(1990 + source % 30),\n"
            }
        }
        if brokenLine { edges += "org-1,partner_of,org-999999,,\n" }
        let nodesURL = folder.appendingPathComponent("nodes.csv"), edgesURL = folder.appendingPathComponent("edges.csv")
        try nodes.write(to: nodesURL, atomically: true, encoding: .utf8)
        try edges.write(to: edgesURL, atomically: true, encoding: .utf8)
        return (nodesURL.path, edgesURL.path)
    }

    @Test("a large import into a new file is complete, indexed, searchable, and leaves the file in WAL mode")
    func largeImportIntoANewFile() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try writeLargeGraph(in: folder)
        let path = folder.appendingPathComponent("graph.sqlite").path
        let store = try PartnerGraphStore(path: path)
        let report = try store.importCSV(nodes: files.nodes, edges: files.edges)
        #expect(report.entitiesAdded == 12_000)
        #expect(report.aliasesAdded == 2_400)
        #expect(report.relationsAdded == 24_000)
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM relation") == report.relationsAdded)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
            for name in ["relation_identity", "entity_by_normalized_name", "entity_by_type"] {
                #expect(indexes.contains(name), "index \(name) is missing after the import")
            }
            #expect(try Int.fetchOne(db, sql: CSVImportTests.incomingMismatchSQL) == 0, "relation_incoming must hold exactly the relations")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM relation_incoming") == report.relationsAdded)
            let triggers = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_queue_%'")
            #expect(triggers == 12, "the search-queue triggers are not all back")
            let incomingTriggers = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'relation_incoming_%'")
            #expect(incomingTriggers == 3, "relation_incoming's triggers are not all back")
        }
        #expect(try store.search(SearchQuery("منظمة 10")).hits.contains { $0.key == "org-10" })
        #expect(try store.search(SearchQuery("Number 11999")).hits.first?.key == "org-11999")
        #expect(try store.profile(of: "org number 42").key == "org-42")
    }

    @Test("the search index built on another thread replaces the empty one, even on a connection that searched before")
    func detachedSearchIndex() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try writeLargeGraph(in: folder)
        let store = try PartnerGraphStore(path: folder.appendingPathComponent("graph.sqlite").path)
        // This connection reads the empty index first: FTS5 caches its structure per connection.
        #expect(try store.search(SearchQuery("Number")).hits.isEmpty)
        try store.importCSV(nodes: files.nodes, edges: files.edges)
        // Every new entity, alias included, is indexed already: nothing is left for the first search.
        let pending = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_pending") }
        #expect(pending == 0)
        #expect(try store.search(SearchQuery("Number 11999")).hits.first?.key == "org-11999")
        #expect(try store.search(SearchQuery("منظمة 10")).hits.contains { $0.key == "org-10" })
        let (check, rows) = try store.writer.write { db in
            try db.execute(sql: "INSERT INTO search_index (search_index) VALUES ('integrity-check')")
            return ("ok", try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index"))
        }
        #expect(check == "ok")
        #expect(rows == 12_000)
        // Later edits are indexed as usual.
        try store.addEntity(NewEntity(type: .organization, name: "Zanzibar Heritage Fund"))
        #expect(try store.search(SearchQuery("Zanzibar")).hits.first?.key == "zanzibar-heritage-fund")
        #expect(try store.search(SearchQuery("Number 11998")).hits.first?.key == "org-11998")
    }

    @Test("the detached index's temporary file is attached only for the copy, then detached and deleted, installed or not")
    func detachedSearchIndexLeavesNoFileBehind() throws {
        let store = try PartnerGraphStore()
        let createSQL = try store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'search_index'")!
        }
        let queue = DispatchQueue(label: "test.detached-search-index")
        let installed = DetachedSearchIndex(createSQL: createSQL, on: queue) { [(4, "alpha beta"), (8, "gamma")] }
        let afterTransaction = AfterTransaction()
        try store.writer.writeWithoutTransaction { db in
            try db.inTransaction {
                try installed.install(in: db)
                #expect(FileManager.default.fileExists(atPath: installed.path))
                return .commit
            }
            afterTransaction.add { installed.detach(from: $0) }
            afterTransaction.run(db)
            #expect(try String.fetchAll(db, sql: "SELECT name FROM pragma_database_list") == ["main"])
        }
        #expect(!FileManager.default.fileExists(atPath: installed.path))
        let rows = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE search_index MATCH 'beta'") }
        #expect(rows == 1)
        // An index never installed (an import that failed) deletes its file when released.
        var abandoned: DetachedSearchIndex? = DetachedSearchIndex(createSQL: createSQL, on: queue) { [(4, "delta")] }
        let path = abandoned!.path
        queue.sync {}  // the build has run
        #expect(FileManager.default.fileExists(atPath: path))
        abandoned = nil
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("relations between entities stored by an earlier import fill relation_incoming through SQLite's sort")
    func relationsBetweenStoredEntities() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try writeLargeGraph(in: folder)
        let store = try PartnerGraphStore(path: folder.appendingPathComponent("graph.sqlite").path)
        try store.importCSV(nodes: files.nodes, edges: nil)
        let report = try store.importCSV(nodes: nil, edges: files.edges)
        #expect(report.relationsAdded == 24_000)
        let (mismatches, entries) = try store.writer.read { db in
            (try Int.fetchOne(db, sql: CSVImportTests.incomingMismatchSQL), try Int.fetchOne(db, sql: "SELECT count(*) FROM relation_incoming"))
        }
        #expect(mismatches == 0)
        #expect(entries == 24_000)
        // Keys were numbered in key order: org-0, org-1, org-10, org-100, …
        let first = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT key FROM entity ORDER BY id LIMIT 4") }
        #expect(first == ["org-0", "org-1", "org-10", "org-100"])
        #expect(try store.neighbors(NeighborQuery(entity: "org-5", depth: 1)).neighbors.count == 4)
    }

    @Test("a failed import into a new file writes nothing and leaves it in WAL mode")
    func failedImportIntoANewFile() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try writeLargeGraph(in: folder, brokenLine: true)
        let path = folder.appendingPathComponent("graph.sqlite").path
        let store = try PartnerGraphStore(path: path)
        #expect(throws: CSVImportError.self) { try store.importCSV(nodes: files.nodes, edges: files.edges) }
        let queue = try DatabaseQueue(path: path)
        let (mode, entities, indexed) = try queue.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "SELECT count(*) FROM entity"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index")
            )
        }
        #expect(mode == "wal")
        #expect(entities == 0)
        #expect(indexed == 0)
    }

    @Test("the reader splits records across buffer refills, quoted fields, CRLF and blank lines", arguments: [1, 3, 16, 1 << 20])
    func readerAcrossChunks(chunkSize: Int) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("x.csv")
        let text = "a,b,c\r\n\n\"q,1\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,ünïcode,\nlast,row,no-newline"
        try text.write(to: url, atomically: true, encoding: .utf8)
        var reader = try CSVReader(path: url.path, chunkSize: chunkSize)
        defer { reader.close() }
        var records: [[String]] = []
        var lines: [Int] = []
        while try reader.next() {
            records.append((0..<reader.fieldCount).map { reader.string($0) ?? "<not UTF-8>" })
            lines.append(reader.line)
        }
        #expect(records == [["a", "b", "c"], ["q,1", "say \"hi\"", "two\nlines"], ["plain", "ünïcode", ""], ["last", "row", "no-newline"]])
        #expect(lines == [1, 3, 5, 6])
    }
}
