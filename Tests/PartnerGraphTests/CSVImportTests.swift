import Foundation
import GRDB
import Testing
@testable import PartnerGraph

/// Writes the two CSV files into a fresh folder.
private func csvFiles(nodes: String, edges: String) throws -> (folder: URL, nodes: String, edges: String) {
    let folder = try temporaryDirectory()
    let nodesURL = folder.appendingPathComponent("nodes.csv"), edgesURL = folder.appendingPathComponent("edges.csv")
    try nodes.write(to: nodesURL, atomically: true, encoding: .utf8)
    try edges.write(to: edgesURL, atomically: true, encoding: .utf8)
    return (folder, nodesURL.path, edgesURL.path)
}

/// Imports the two files into a new store, expecting the import to fail; the problems it lists,
/// how many it found, and the store, to check that nothing was written.
private func failedImport(nodes: String, edges: String) throws -> (problems: [CSVImportError.Problem], count: Int, store: PartnerGraphStore) {
    let files = try csvFiles(nodes: nodes, edges: edges)
    defer { try? FileManager.default.removeItem(at: files.folder) }
    let store = try PartnerGraphStore()
    do {
        try store.importCSV(nodes: files.nodes, edges: files.edges)
    } catch let CSVImportError.invalidFiles(problems, count) {
        return (problems, count, store)
    }
    Issue.record("expected the import to fail")
    return ([], 0, store)
}

private let goodNodes = """
    key,type,name,alias_ar
    org-000001,organization,Gulf Energy Council,مجلس الطاقة
    org-000002,organization,"Trade League, Northern",
    per-000001,person,Anna Bakr,
    agr-000001,agreement,Babel Accord 1999,
    plc-000001,place,Kalama,

    """

private let goodEdges = """
    source,type,target,start,end
    per-000001,works_for,org-000001,1996-02-16,
    per-000001,heads,org-000002,2001,2003-05
    org-000001,party_to,agr-000001,,
    org-000002,partner_of,org-000001,1990-01,
    org-000001,located_in,plc-000001,,

    """

struct CSVImportTests {
    /// Counts the relations missing from relation_incoming and its entries with no relation,
    /// dates included (migration 007).
    static let incomingMismatchSQL = """
        SELECT (SELECT count(*) FROM (SELECT target_id, type_id, source_id, id, start_date, end_date, date FROM relation
                                      EXCEPT SELECT target_id, type_id, source_id, relation_id, start_date, end_date, date FROM relation_incoming))
             + (SELECT count(*) FROM (SELECT target_id, type_id, source_id, relation_id, start_date, end_date, date FROM relation_incoming
                                      EXCEPT SELECT target_id, type_id, source_id, id, start_date, end_date, date FROM relation))
        """

    @Test("new entities are numbered in the byte order of their keys, long shared prefixes included")
    func entitiesAreNumberedInKeyOrder() throws {
        let keys = [
            "organization-of-islamic-cooperation-2", "organization-of-islamic-cooperation-10", "organization-of-islamic-cooperation-1",
            "organization-of-islamic-cooperation", "b", "a", "ab", "A", "a-b", "a.b", "a_b", "z9", "z10", "icesco", "icesco-2024",
            "org-5", "org-50", "org-05", "العربية", "الإيسيسكو", "é",
        ]
        let nodes = "key,type,name\n" + keys.map { "\($0),organization,Name of \($0)\n" }.joined()
        let files = try csvFiles(nodes: nodes, edges: "source,type,target\n")
        defer { try? FileManager.default.removeItem(at: files.folder) }
        let store = try PartnerGraphStore()
        try store.importCSV(nodes: files.nodes, edges: files.edges)
        let byId = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT key FROM entity ORDER BY id") }
        #expect(byId.count == keys.count)
        #expect(byId == keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    @Test func importsNodesEdgesAliasesAndDatesAsWritten() throws {
        let files = try csvFiles(nodes: goodNodes, edges: goodEdges)
        defer { try? FileManager.default.removeItem(at: files.folder) }
        let store = try PartnerGraphStore()
        var phases: Set<String> = []
        let report = try store.importCSV(nodes: files.nodes, edges: files.edges) { phases.insert($0.phase.rawValue) }
        #expect(report == CSVImportReport(entitiesAdded: 5, entitiesMatched: 0, aliasesAdded: 1, relationsAdded: 5, relationsMatched: 0))
        #expect(phases.contains("writing relations"))
        let profile = try store.profile(of: "مجلس الطاقة")
        #expect(profile.key == "org-000001")
        #expect(try store.profile(of: "org-000002").name == "Trade League, Northern")
        let heads = try store.profile(of: "per-000001").relations.first { $0.type == "heads" }!
        #expect(heads.start?.description == "2001" && heads.end?.description == "2003-05")
        #expect(try store.paths(PathQuery(from: "per-000001", to: "plc-000001"))[0].length == 2)
        #expect(try store.search(SearchQuery("الطاقة")).hits.first?.key == "org-000001")
        // Again: everything is matched, nothing duplicated.
        let again = try store.importCSV(nodes: files.nodes, edges: files.edges)
        #expect(again.entitiesAdded == 0 && again.entitiesMatched == 5 && again.relationsAdded == 0 && again.relationsMatched == 5)
    }

    @Test func problemsAreReportedWithFileAndLineAndNothingIsWritten() throws {
        let edges = """
            source,type,target,start,end
            per-000001,works_for,org-000001,1996-02-16,
            per-000001,funds,org-000001,,
            per-000001,works_for,org-999999,,
            per-000001,works_for,org-000002,2024-02-30,
            per-000001,member_of,org-000002,2020,2019
            org-000001,works_for,org-000002,,
            per-000001,works_for,org-000001,1996-02-16,
            """
        let nodes = goodNodes + "per-000002,robot,R2,\norg-000001,organization,Duplicate,\n"
        let (problems, count, store) = try failedImport(nodes: nodes, edges: edges)
        let lines = problems.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line)" }
        #expect(count == 8)
        #expect(lines == ["nodes.csv:7", "nodes.csv:8", "edges.csv:3", "edges.csv:4", "edges.csv:5", "edges.csv:6", "edges.csv:7", "edges.csv:8"])
        try #require(problems.count == 8)
        #expect(problems[0].message.contains("unknown entity type"))
        #expect(problems[1].message.contains("already on line 2"))
        #expect(problems[2].message.contains("unknown relation type \"funds\""))
        #expect(problems[3].message.contains("no entity \"org-999999\""))
        #expect(problems[4].message.contains("2024-02-30"))
        #expect(problems[5].message.contains("before the start"))
        #expect(problems[6].message.contains("cannot go from"))
        #expect(problems[7].message.contains("already on line 2"))
        #expect(CSVImportError.invalidFiles(problems: problems, count: count).description.contains("edges.csv:3: unknown relation type"))
        let counts = try store.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM entity")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM relation")!)
        }
        #expect(counts == (0, 0), "a file with errors writes nothing")
    }

    @Test("problems are listed in the order of the file, whether found before or after the nodes are known")
    func problemsFoundBeforeAndAfterTheNodesAreKnownAreListedInFileOrder() throws {
        // Line 2: a missing endpoint and a bad date; line 3: a relation the types forbid; then
        // 60 lines alternating a missing endpoint and a bad date: more than are listed.
        var edges = "source,type,target,start,end\n"
        edges += "per-000001,works_for,org-404,2024-13,\n"
        edges += "org-000001,works_for,org-000002,,\n"
        for index in 0..<60 {
            edges += index.isMultiple(of: 2) ? "per-000001,works_for,org-\(500 + index),,\n" : "per-000001,works_for,org-000001,1999-02-30,\n"
        }
        let (problems, count, _) = try failedImport(nodes: goodNodes, edges: edges)
        #expect(count == 63)
        try #require(problems.count == CSVImportError.listedProblems)
        #expect(problems.map(\.line) == [2, 2, 3] + Array(4..<(4 + CSVImportError.listedProblems - 3)))
        #expect(problems[0].message.contains("no entity \"org-404\""))
        #expect(problems[1].message.contains("invalid start date \"2024-13\""))
        #expect(problems[2].message.contains("cannot go from"))
        #expect(problems[3].message.contains("no entity \"org-500\""))
        #expect(problems[4].message.contains("1999-02-30"))
    }

    @Test("a name of white space only is refused, Unicode spaces included; a name with one visible letter is kept")
    func blankNamesAreRefused() throws {
        let nodes = "key,type,name\norg-1,organization,\"   \"\norg-2,organization,\u{3000}\u{00A0}\norg-3,organization, x \n"
        let (problems, count, _) = try failedImport(nodes: nodes, edges: "source,type,target\n")
        #expect(count == 2)
        #expect(problems.map(\.line) == [2, 3])
        #expect(problems.allSatisfy { $0.message.contains("is empty") })
    }

    @Test("an import whose nodes file cannot be read fails at once, while the edges file is being read")
    func anUnreadableNodesFileStopsTheEdgeReading() throws {
        var edges = "source,type,target,start,end\n"
        for index in 0..<200_000 { edges += "per-\(index),works_for,org-\(index % 100),,\n" }
        let files = try csvFiles(nodes: goodNodes, edges: edges)
        defer { try? FileManager.default.removeItem(at: files.folder) }
        let store = try PartnerGraphStore()
        #expect(throws: PartnerGraphError.self) {
            try store.importCSV(nodes: files.folder.appendingPathComponent("missing.csv").path, edges: files.edges)
        }
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM entity") } == 0)
    }

    @Test func edgesMayNameEntitiesAlreadyStoredAndBadHeadersAreRefused() throws {
        let store = try exampleStore()
        let files = try csvFiles(
            nodes: "key,type,name\nper-9,person,New Person\n",
            edges: "source,type,target\nper-9,works_for,icesco\n")
        defer { try? FileManager.default.removeItem(at: files.folder) }
        let report = try store.importCSV(nodes: files.nodes, edges: files.edges)
        #expect(report.relationsAdded == 1)
        #expect(try store.paths(PathQuery(from: "New Person", to: "Salim M. AlMalik"))[0].length == 2)
        let bad = try csvFiles(nodes: "id,kind\n1,x\n", edges: "source,type,target\n")
        defer { try? FileManager.default.removeItem(at: bad.folder) }
        #expect(throws: CSVImportError.self) { try store.importCSV(nodes: bad.nodes, edges: nil) }
    }

    @Test func aLargerGeneratedGraphTakesTheBulkPathAndMatchesBreadthFirstSearch() throws {
        // 2,000 entities and 20,000 relations: above the threshold where the import defers an index.
        var generator = SplitMix(seed: 11)
        var nodes = "key,type,name,alias_ar\n"
        for index in 0..<2000 { nodes += "org-\(index),organization,Org \(index),\n" }
        var edges = "source,type,target,start,end\n"
        var seen = Set<[Int]>()
        var adjacency = [[Int]](repeating: [], count: 2000)
        while seen.count < 20_000 {
            let a = Int(2000 * pow(generator.unit(), 3)), b = Int(generator.next() % 2000)
            if a == b || !seen.insert([a, b]).inserted { continue }
            adjacency[a].append(b)
            adjacency[b].append(a)
            edges += "org-\(a),member_of,org-\(b),\(1950 + a % 70),\n"
        }
        let files = try csvFiles(nodes: nodes, edges: edges)
        defer { try? FileManager.default.removeItem(at: files.folder) }
        let store = try PartnerGraphStore(path: files.folder.appendingPathComponent("bulk.sqlite").path)
        let report = try store.importCSV(nodes: files.nodes, edges: files.edges)
        #expect(report.relationsAdded == 20_000)
        let (indexes, incomingMismatches) = try store.writer.read { db in
            (
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'relation'"),
                try Int.fetchOne(db, sql: Self.incomingMismatchSQL)
            )
        }
        #expect(Set(indexes).contains("relation_identity"))
        #expect(incomingMismatches == 0, "relation_incoming must hold exactly the relations")
        for _ in 0..<40 {
            let a = Int(generator.next() % 2000), b = Int(generator.next() % 2000)
            var distance = [Int: Int]()
            distance[a] = 0
            var queue = [a], head = 0
            while head < queue.count {
                let node = queue[head]; head += 1
                for other in adjacency[node] where distance[other] == nil {
                    distance[other] = distance[node]! + 1
                    queue.append(other)
                }
            }
            let found = try? store.paths(PathQuery(from: "org-\(a)", to: "org-\(b)", maxDepth: 30)).first?.length
            #expect(found == distance[b])
        }
    }
}
