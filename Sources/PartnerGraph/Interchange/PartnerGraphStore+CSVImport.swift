import Foundation
import GRDB
import GRDBSQLite

extension PartnerGraphStore {
    /// Bulk-loads a graph from the CSV workload format: `nodes.csv` (`key,type,name,alias_ar`)
    /// and `edges.csv` (`source,type,target,start,end`; optional `role`, `date` and `note`
    /// columns). Columns are found by their header names, in any order.
    ///
    /// ```swift
    /// let report = try store.importCSV(nodes: "nodes.csv", edges: "edges.csv")
    /// ```
    ///
    /// Both files are read in chunks and checked in full before anything is written; every
    /// problem (unknown relation type or entity type, missing endpoint, bad or reversed date, a
    /// relation the vocabulary forbids, a duplicate key or relation) is reported with its file
    /// and line, and a file with any problem writes nothing. The whole import is one
    /// transaction. Edge endpoints may name entities of the nodes file or of the database;
    /// nodes whose key is already stored are matched, not duplicated, and so are relations
    /// already stored (same ends, type, role, start and date).
    ///
    /// For speed, every B-tree is written in key order, so that SQLite appends to it, and all
    /// the work that is not SQLite's is done on a second thread. The nodes are numbered in the
    /// order of their keys. The edges file is parsed on the second thread while the nodes file
    /// is read, then resolved against the nodes, checked and sorted while the entities are
    /// written. The relations go in sorted by source (a counting sort), many rows to a
    /// statement, so the identity index grows by appends; into an empty relation table,
    /// `relation_incoming` is filled in its own key order (sorted on the second thread) rather
    /// than by its trigger. With many new entities and an empty search index, the second thread
    /// builds the search index in a temporary database file while the relations are written,
    /// and it is copied in at the end (see `DetachedSearchIndex`). Into a new, empty database the
    /// import writes through a rollback journal instead of the write-ahead log (each page
    /// written once, one sync at the commit) and switches back to WAL afterwards. Once it
    /// returns, the import is durable. `PARTNERGRAPH_IMPORT_TIMING` prints the time of each step.
    ///
    /// - Parameters:
    ///   - nodes: The nodes file, if any.
    ///   - edges: The edges file, if any.
    ///   - progress: Called now and then with how far the import has got.
    ///   - dryRun: Check and count everything, then roll back: the report says what would be
    ///     added and what is there already, and nothing is written.
    /// - Throws: ``CSVImportError`` listing the problems, ``PartnerGraphError/fileNotReadable(path:reason:)``.
    /// - Complexity: O(n + m log m) for n nodes and m edges; memory O(n + m) for the checked rows
    ///   (about 48 bytes a relation).
    @discardableResult
    public func importCSV(
        nodes: String?, edges: String?, dryRun: Bool = false, progress: ((CSVImportProgress) -> Void)? = nil
    ) throws -> CSVImportReport {
        guard nodes != nil || edges != nil else { throw CSVImportError.noFiles }
        do {
            return try writer.writeWithoutTransaction { db in
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? true
                let tempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
                // A 64 MiB page cache: B-trees written in key order touch few pages again, so
                // letting SQLite write the others out as it goes costs less than holding the
                // whole new database in memory (a 1 GiB cache made the import of M 0.3–0.5 s
                // slower, in page faults, and 120 MB larger).
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                // Every reference was checked against the file and the database before writing,
                // so SQLite need not check them again, a million times over.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                // Into a new, empty database, write through a rollback journal rather than the
                // write-ahead log: the journal then holds only the few schema pages that existed
                // (new pages need no undo record), every page is written once instead of twice
                // (log, then checkpoint), and the commit makes it all durable with one sync of
                // the file. `synchronous` is left as it is: a rollback journal syncs only at the
                // commit anyway. The database goes back to WAL right after the commit. Readers are
                // kept out for the length of the import, which on an empty file costs nobody
                // anything; when another connection holds the file, SQLite refuses the switch and
                // the import runs in WAL mode as before.
                var restoreWAL = false
                let empty = try Bool.fetchOne(
                    db, sql: "SELECT NOT EXISTS (SELECT 1 FROM entity) AND NOT EXISTS (SELECT 1 FROM relation)") ?? false
                if empty, try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" {
                    restoreWAL = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete"
                }
                defer {
                    if restoreWAL { _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
                    try? db.execute(sql: "PRAGMA foreign_keys = \(foreignKeys ? "ON" : "OFF")")
                    try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
                    try? db.execute(sql: "PRAGMA temp_store = \(tempStore)")
                }
                var report = CSVImportReport()
                // What must wait for the end of the transaction, committed or not.
                let afterTransaction = AfterTransaction()
                defer { afterTransaction.run(db) }
                try db.inTransaction(.immediate) {
                    ImportTiming.mark("begun")
                    // One change in the history, recorded as the id ranges of the rows added
                    // (the bulk writer drops the row-by-row history triggers with the search ones).
                    let change = try ChangeLog.begin(db, author: author)
                    let idsBefore = try ChangeLog.maxIds(db, tables: ["entity", "alias", "relation"])
                    var importer = try CSVBulkImporter(db: db, progress: progress, afterTransaction: afterTransaction)
                    // The edges file is parsed on the second thread while this one reads the nodes.
                    if let edges { importer.reading.start(edges, vocabulary: importer.vocabulary, on: importer.background) }
                    defer { importer.reading.stop() }
                    if let nodes { try importer.readNodes(nodes) }
                    ImportTiming.mark("nodes read")
                    report = try importer.importEdgesAndWrite()
                    // The names changed without passing through search_pending: the compiled
                    // name matcher of `ingest` is out of date.
                    try db.execute(sql: "DELETE FROM name_matcher WHERE name = 'graph'")
                    try ChangeLog.recordRanges(db, change: change, since: idsBefore)
                    try ChangeLog.end(db, change: change)
                    ImportTiming.mark("committing")
                    return dryRun ? .rollback : .commit
                }
                ImportTiming.mark("committed")
                if !restoreWAL {
                    // Fold the import's write-ahead log into the database now rather than on some later command.
                    _ = try? db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                }
                return report
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }
}

/// The entities of a nodes file and of the database, as the edges file refers to them. Built
/// by ``CSVBulkImporter/readNodes(_:)`` and read-only afterwards, so that the edges file can be
/// read on a second thread while the entities are written.
struct NodeTable: Sendable {
    struct Node: Sendable {
        var key: String
        var type: EntityType
        var name: String
        var alias: String?
        /// The stored entity's id when the key is already in the database.
        var existing: Int64?
    }

    var nodes: [Node] = []
    var nodeTypes: [EntityType] = []
    /// Each node's type as its place in `EntityType.allCases`, for the table of allowed relations.
    var nodeTypeNumbers: [UInt8] = []
    var nodeLines: [Int32] = []
    /// The nodes' keys as bytes, for look-ups straight from the CSV buffer.
    var keys = ByteKeyTable()
    var stored: [String: (id: Int64, type: EntityType)] = [:]
    var storedTypes: [Int64: EntityType] = [:]

    /// ≥ 0: index into `nodes`; < 0: the negated id of an entity already stored; `nil`: unknown.
    func endpoint(_ key: UnsafeBufferPointer<UInt8>) -> Int64? {
        if let index = keys.find(key) { return Int64(index) }
        if stored.isEmpty { return nil }
        if let known = stored[String(decoding: key, as: UTF8.self)] { return -known.id }
        return nil
    }

    func entityType(_ endpoint: Int64) -> EntityType {
        endpoint >= 0 ? nodeTypes[Int(endpoint)] : storedTypes[-endpoint] ?? .organization
    }

    func entityTypeNumber(_ endpoint: Int64) -> Int {
        endpoint >= 0 ? Int(nodeTypeNumbers[Int(endpoint)]) : Self.number(of: entityType(endpoint))
    }

    static func number(of type: EntityType) -> Int { allTypes.firstIndex(of: type)! }

    /// `EntityType.allCases`, made once (the synthesized property builds a new array each call).
    private static let allTypes = EntityType.allCases

    /// Puts the nodes in the order of their keys as SQLite compares them (bytes), so that new
    /// entities, numbered in this order, go into the key's unique index by appends rather than
    /// at random places (a third of the time of writing the entities, otherwise).
    mutating func sortByKey() {
        let order = keys.sortedOrder()
        if order.indices.allSatisfy({ order[$0] == $0 }) { return }
        nodes = order.map { nodes[$0] }
        nodeTypes = order.map { nodeTypes[$0] }
        nodeTypeNumbers = order.map { nodeTypeNumbers[$0] }
        nodeLines = order.map { nodeLines[$0] }
        keys = keys.reordered(order)
    }
}

/// The state of one CSV import: the checked rows, held compactly until they are written.
struct CSVBulkImporter {
    let db: Database
    let progress: ((CSVImportProgress) -> Void)?
    var problems = ProblemList()
    var table = NodeTable()
    let vocabulary: [RelationType]
    /// The import's second thread, a serial queue: it reads the edges file, then builds the
    /// search index (see `CSVBulkWriter`).
    let background = DispatchQueue(label: "PartnerGraph.import", qos: .userInitiated)
    /// The edges file, read on `background`.
    let reading = EdgeReading()
    let afterTransaction: AfterTransaction

    init(db: Database, progress: ((CSVImportProgress) -> Void)?, afterTransaction: AfterTransaction) throws {
        self.db = db
        self.progress = progress
        self.afterTransaction = afterTransaction
        vocabulary = try RelationType.fetchAll(db, sql: "SELECT * FROM relation_type ORDER BY name")
        for row in try Row.fetchAll(db, sql: "SELECT id, key, type FROM entity") {
            let type = EntityType(rawValue: row[2]) ?? .organization
            table.stored[row[1]] = (row[0], type)
            table.storedTypes[row[0]] = type
        }
    }

    /// The columns of a header, by name; records a problem for each required one missing.
    static func columns(
        _ reader: inout CSVReader, required: [String], optional: [String], problems: inout ProblemList
    ) throws -> [String: Int]? {
        guard try reader.next() else {
            problems.add(reader.path, 1, "the file is empty; it needs a header line: " + required.joined(separator: ","))
            return nil
        }
        var found: [String: Int] = [:]
        for index in 0..<reader.fieldCount {
            let name = (reader.string(index) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            found[name.hasPrefix("\u{FEFF}") ? String(name.dropFirst()) : name] = index
        }
        let missing = required.filter { found[$0] == nil }
        if !missing.isEmpty {
            problems.add(
                reader.path, 1,
                "the header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); expected "
                    + (required + optional).joined(separator: ","))
            return nil
        }
        return found
    }

    /// Whether `bytes` is a valid key: the ASCII fast path of `validateKey`, which it defers to
    /// for anything else.
    static func isValidKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.isEmpty { return false }
        if bytes.count <= 200 && bytes.allSatisfy({ byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }) {
            return true
        }
        if CSVReader.isASCII(bytes) { return false }
        return (try? validateKey(String(decoding: bytes, as: UTF8.self))) != nil
    }

    /// Whether `bytes` hold a printable ASCII character other than the space: then the text is
    /// not all white space, which is known without Unicode's character properties.
    static func hasVisibleASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 > 0x20 && $0 < 0x7F }
    }

    mutating func readNodes(_ path: String) throws {
        var reader = try CSVReader(path: path)
        defer { reader.close() }
        guard let columns = try Self.columns(&reader, required: ["key", "type", "name"], optional: ["alias_ar"], problems: &problems)
        else { return }
        let keyColumn = columns["key"]!, typeColumn = columns["type"]!, nameColumn = columns["name"]!
        let aliasColumn = columns["alias_ar"]
        let width = columns.values.max()! + 1
        // About 40 bytes a line: room for the keys without growing the table again and again.
        if table.keys.count == 0 { table.keys = ByteKeyTable(capacity: reader.fileSize / 40) }
        do {
            while try reader.next() {
                let line = reader.line
                if table.nodes.count % 65536 == 0 { progress?(.init(phase: .readingNodes, done: reader.bytesRead, total: reader.fileSize)) }
                guard reader.fieldCount >= width else {
                    problems.add(path, line, "expected \(width) fields, found \(reader.fieldCount)")
                    continue
                }
                guard let key = reader.string(keyColumn), let typeText = reader.string(typeColumn),
                    let name = reader.string(nameColumn)
                else {
                    problems.add(path, line, "the line is not UTF-8 text")
                    continue
                }
                var alias: String?
                if let aliasColumn, !reader.isEmpty(aliasColumn) {
                    guard let text = reader.string(aliasColumn) else {
                        problems.add(path, line, "the line is not UTF-8 text")
                        continue
                    }
                    alias = text
                }
                guard let type = EntityType(rawValue: typeText) ?? EntityType(parsing: typeText) else {
                    problems.add(path, line, "unknown entity type \(quoted(typeText)); use one of: \(EntityType.spellings)")
                    continue
                }
                if !Self.isValidKey(reader.field(keyColumn)) {
                    problems.add(path, line, PartnerGraphError.invalidKey(key).description)
                    continue
                }
                if !Self.hasVisibleASCII(reader.field(nameColumn)) && name.allSatisfy(\.isWhitespace) {
                    problems.add(path, line, "the name of \(key) is empty")
                    continue
                }
                if let broken = TextRules.problem(inUTF8: reader.field(nameColumn), as: .name) {
                    problems.add(path, line, "\(key): \(broken)")
                    continue
                }
                if alias != nil, let aliasColumn, let broken = TextRules.problem(inUTF8: reader.field(aliasColumn), as: .alias) {
                    problems.add(path, line, "\(key), alias_ar: \(broken)")
                    continue
                }
                if let first = table.keys.find(reader.field(keyColumn)) {
                    problems.add(path, line, "the key \(quoted(key)) is already on line \(table.nodeLines[first])")
                    continue
                }
                var existing: Int64?
                if let known = table.stored[key] {
                    if known.type != type {
                        problems.add(path, line, "the database already holds \(key) as a \(known.type.rawValue), not a \(type.rawValue)")
                        continue
                    }
                    existing = known.id
                }
                table.keys.insert(reader.field(keyColumn))
                table.nodeLines.append(Int32(clamping: line))
                table.nodeTypes.append(type)
                table.nodeTypeNumbers.append(UInt8(NodeTable.number(of: type)))
                table.nodes.append(.init(key: key, type: type, name: name, alias: alias, existing: existing))
            }
        } catch CSVReaderError.unterminatedQuote(let line) {
            problems.add(path, line, "a quoted field is never closed")
        }
        progress?(.init(phase: .readingNodes, done: reader.fileSize, total: reader.fileSize))
        table.sortByKey()
    }

    /// Lets the second thread resolve the edges it has read against the nodes while this one
    /// writes the entities, then writes the relations; throws, having written nothing that is
    /// kept, on any problem.
    mutating func importEdgesAndWrite() throws -> CSVImportReport {
        reading.provide(table)
        // The nodes file's problems are known already; the entities are written only when
        // there are none (and rolled back if the edges file has some).
        var report = CSVImportReport()
        var writer = problems.count == 0 ? try CSVBulkWriter(db: db, progress: progress, vocabulary: vocabulary, background: background, afterTransaction: afterTransaction) : nil
        var ids: [Int64] = []
        if writer != nil {
            ids = try writer!.writeEntities(table.nodes, report: &report)
            // While the second thread may still be reading the edges.
            ImportTiming.mark("entities written")
            try writer!.buildEntityIndexes()
            ImportTiming.mark("entity indexes built")
        }
        // Wait for the edges, showing how far their reading has got.
        var result = reading.result(waitingUntil: .now())
        while result == nil {
            let read = reading.progress
            progress?(.init(phase: .readingEdges, done: read.done, total: read.total))
            result = reading.result(waitingUntil: .now() + .milliseconds(100))
        }
        let edges = try result!.get()
        ImportTiming.mark("edges ready for writing")
        problems.append(edges.problems)
        if problems.count > 0 {
            throw CSVImportError.invalidFiles(problems: problems.problems, count: problems.count)
        }
        try writer!.writeRelations(edges, ids: ids, report: &report)
        ImportTiming.mark("relation_incoming written")
        try writer!.finish()
        ImportTiming.mark("search index installed, triggers restored")
        return report
    }
}

/// Work that must wait until an import's transaction has ended, whether it was committed or
/// rolled back, on the same connection.
final class AfterTransaction {
    private var actions: [(Database) -> Void] = []

    func add(_ action: @escaping (Database) -> Void) { actions.append(action) }

    func run(_ db: Database) {
        for action in actions { action(db) }
        actions.removeAll()
    }
}
