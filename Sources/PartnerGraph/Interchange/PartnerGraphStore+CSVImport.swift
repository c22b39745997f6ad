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
    /// order of their keys; the edges file is read, checked and sorted on the second thread
    /// while the entities are written; the relations go in sorted by source (a counting sort),
    /// many rows to a statement, so the identity index grows by appends; into an empty relation
    /// table, `relation_incoming` is filled in its own key order (sorted on the second thread)
    /// rather than by its trigger; with many new entities and an empty search index, the second
    /// thread builds the search index in a private database while the relations are written, and
    /// it is copied in at the end (see `DetachedSearchIndex`). Into a new, empty database the
    /// import writes through a rollback journal instead of the write-ahead log (each page written
    /// once, one sync at the commit) and switches back to WAL afterwards. Once it returns, the
    /// import is durable.
    ///
    /// - Parameters:
    ///   - nodes: The nodes file, if any.
    ///   - edges: The edges file, if any.
    ///   - progress: Called now and then with how far the import has got.
    /// - Throws: ``CSVImportError`` listing the problems, ``PartnerGraphError/fileNotReadable(path:reason:)``.
    /// - Complexity: O(n + m log m) for n nodes and m edges; memory O(n + m) for the checked rows
    ///   (about 48 bytes a relation).
    @discardableResult
    public func importCSV(
        nodes: String?, edges: String?, progress: ((CSVImportProgress) -> Void)? = nil
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
                try db.inTransaction(.immediate) {
                    var importer = try CSVBulkImporter(db: db, progress: progress)
                    if let nodes { try importer.readNodes(nodes) }
                    report = try importer.importEdgesAndWrite(edges)
                    return .commit
                }
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

/// A date packed as `yyyymmdd`, with `00` for a month or day not given; 0 for no date.
private typealias PackedDate = UInt32

/// The entities of a nodes file and of the database, as the edges file refers to them. Built
/// by ``CSVBulkImporter/readNodes(_:)`` and read-only afterwards, so that the edges file can be
/// read on a second thread while the entities are written.
private struct NodeTable: Sendable {
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

    static func number(of type: EntityType) -> Int { EntityType.allCases.firstIndex(of: type)! }

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

/// An open-addressing hash table from byte strings (entity keys) to their index, so that the
/// million endpoints of an edges file are found without making a `String` for each.
private struct ByteKeyTable: Sendable {
    private var bytes: [UInt8] = []
    private var bounds: [(start: Int, end: Int)] = []
    /// Index + 1 of the key in each slot; 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 1024)

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a, then MurmurHash3's finalizer to mix the low bits
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        hash = (hash ^ (hash >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return Int(truncatingIfNeeded: hash ^ (hash >> 33))
    }

    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        return bytes.withUnsafeBufferPointer { all in
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return nil }
                let (start, end) = bounds[entry - 1]
                if end - start == key.count && (key.count == 0 || memcmp(all.baseAddress! + start, key.baseAddress!, key.count) == 0) {
                    return entry - 1
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The keys' numbers in the order of their bytes (shorter first on a common prefix), the
    /// order of SQLite's BINARY collation. Keys are compared by their first 16 bytes as two
    /// big-endian integers (zero-padded) and their length, then by `memcmp` past the 16th byte.
    func sortedOrder() -> [Int] {
        struct SortKey {
            var high: UInt64, low: UInt64
            var index: Int
        }
        return bytes.withUnsafeBufferPointer { all in
            func prefix(_ start: Int, _ end: Int, skip: Int) -> UInt64 {
                var value: UInt64 = 0
                for offset in 0..<8 {
                    let position = start + skip + offset
                    value = value << 8 | UInt64(position < end ? all[position] : 0)
                }
                return value
            }
            var keys = bounds.indices.map { index in
                let (start, end) = bounds[index]
                return SortKey(high: prefix(start, end, skip: 0), low: prefix(start, end, skip: 8), index: index)
            }
            keys.sort { a, b in
                if a.high != b.high { return a.high < b.high }
                if a.low != b.low { return a.low < b.low }
                let (x, y) = (bounds[a.index], bounds[b.index])
                let (xCount, yCount) = (x.end - x.start, y.end - y.start)
                let common = min(xCount, yCount)
                // Equal first 16 bytes (zero padding aside): the rest, then the length, decides.
                if common > 16 {
                    let order = memcmp(all.baseAddress! + x.start + 16, all.baseAddress! + y.start + 16, common - 16)
                    if order != 0 { return order < 0 }
                }
                return xCount < yCount
            }
            return keys.map(\.index)
        }
    }

    /// The same keys, numbered in `order` (a permutation of their numbers).
    func reordered(_ order: [Int]) -> ByteKeyTable {
        var table = ByteKeyTable()
        bytes.withUnsafeBufferPointer { all in
            for index in order {
                let (start, end) = bounds[index]
                table.insert(UnsafeBufferPointer(rebasing: all[start..<end]))
            }
        }
        return table
    }

    /// Adds `key` as number `bounds.count`; the caller has checked it is not there yet.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) {
        if (bounds.count + 1) * 2 > slots.count { grow() }
        bounds.append((bytes.count, bytes.count + key.count))
        bytes.append(contentsOf: key)
        place(bounds.count - 1, hash: Self.hash(key))
    }

    private mutating func place(_ index: Int, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for index in bounds.indices {
            let (start, end) = bounds[index]
            let hash = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start..<end])) }
            place(index, hash: hash)
        }
    }
}

/// The checked relations of an edges file, sorted, ready to write.
private struct EdgeList: Sendable {
    struct Edge: Sendable {
        /// ≥ 0: index into `nodes`; < 0: the negated id of an entity already stored.
        var source: Int64
        var target: Int64
        var start: PackedDate
        var end: PackedDate
        var date: PackedDate
        var type: Int32
        var line: Int32
        /// Index into `extras`, or -1.
        var extra: Int32
    }

    var edges: [Edge] = []
    var extras: [(role: String?, note: String?)] = []
    var problems = ProblemList()
    /// The relations in the key order of relation_incoming, when every endpoint is in the nodes
    /// file: see ``EdgeReader/incomingEntries(_:nodeCount:typeCount:)``.
    var incoming: [IncomingEntry]?
}

/// One relation as relation_incoming holds it, by node index and place in the sorted edges.
private struct IncomingEntry: Sendable {
    var target: Int32
    var source: Int32
    var position: Int32
    var type: Int32
}

/// The problems found, the first ``CSVImportError/listedProblems`` of them kept.
private struct ProblemList: Sendable {
    var problems: [CSVImportError.Problem] = []
    var count = 0

    mutating func add(_ file: String, _ line: Int, _ message: String) {
        count += 1
        if problems.count < CSVImportError.listedProblems {
            problems.append(.init(file: file, line: line, message: message))
        }
    }

    mutating func append(_ other: ProblemList) {
        for problem in other.problems { add(problem.file, problem.line, problem.message) }
        count += other.count - other.problems.count
    }
}

/// The reading of the edges file on a second thread; `result` is set when `done` is signalled.
private final class EdgeReading: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var result: Result<EdgeList, Error> = .success(EdgeList())
    private let lock = NSLock()
    /// Bytes read so far, of how many, for progress.
    private var read = (done: 0, total: 0)

    var progress: (done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        return read
    }

    func report(_ done: Int, of total: Int) {
        lock.lock()
        read = (done, total)
        lock.unlock()
    }
}

/// The state of one CSV import: the checked rows, held compactly until they are written.
private struct CSVBulkImporter {
    let db: Database
    let progress: ((CSVImportProgress) -> Void)?
    var problems = ProblemList()
    var table = NodeTable()
    let vocabulary: [RelationType]

    init(db: Database, progress: ((CSVImportProgress) -> Void)?) throws {
        self.db = db
        self.progress = progress
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

    mutating func readNodes(_ path: String) throws {
        var reader = try CSVReader(path: path)
        defer { reader.close() }
        guard let columns = try Self.columns(&reader, required: ["key", "type", "name"], optional: ["alias_ar"], problems: &problems)
        else { return }
        let keyColumn = columns["key"]!, typeColumn = columns["type"]!, nameColumn = columns["name"]!
        let aliasColumn = columns["alias_ar"]
        let width = columns.values.max()! + 1
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
                if name.allSatisfy(\.isWhitespace) {
                    problems.add(path, line, "the name of \(key) is empty")
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

    /// Reads and checks the edges file on a second thread while this one writes the entities,
    /// then writes the relations; throws, having written nothing that is kept, on any problem.
    mutating func importEdgesAndWrite(_ edgesPath: String?) throws -> CSVImportReport {
        // A serial queue: the search index (see `CSVBulkWriter`) is built after the edges are read.
        let background = DispatchQueue(label: "PartnerGraph.import", qos: .userInitiated)
        let reading = EdgeReading()
        if let edgesPath {
            let table = self.table, vocabulary = self.vocabulary
            background.async {
                reading.result = Result { try EdgeReader.read(edgesPath, table: table, vocabulary: vocabulary, reading: reading) }
                reading.done.signal()
            }
        } else {
            reading.done.signal()
        }
        // The nodes file's problems are known already; the entities are written only when
        // there are none (and rolled back if the edges file has some).
        var report = CSVImportReport()
        var writer = problems.count == 0 ? try CSVBulkWriter(db: db, progress: progress, vocabulary: vocabulary, background: background) : nil
        var ids: [Int64] = []
        if writer != nil {
            ids = try writer!.writeEntities(table.nodes, report: &report)
            // While the second thread may still be reading the edges.
            try writer!.buildEntityIndexes()
        }
        // Wait for the edges, showing how far their reading has got.
        while reading.done.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            let read = reading.progress
            progress?(.init(phase: .readingEdges, done: read.done, total: read.total))
        }
        let edges = try reading.result.get()
        problems.append(edges.problems)
        if problems.count > 0 {
            throw CSVImportError.invalidFiles(problems: problems.problems, count: problems.count)
        }
        try writer!.writeRelations(edges, ids: ids, report: &report)
        try writer!.finish()
        return report
    }
}

/// Reads and checks an edges file against a node table; runs on its own thread.
private enum EdgeReader {
    static func read(_ path: String, table: NodeTable, vocabulary: [RelationType], reading: EdgeReading) throws -> EdgeList {
        var list = EdgeList()
        var reader = try CSVReader(path: path)
        defer { reader.close() }
        guard let columns = try CSVBulkImporter.columns(
            &reader, required: ["source", "type", "target"], optional: ["start", "end", "role", "date", "note"],
            problems: &list.problems)
        else { return list }
        let sourceColumn = columns["source"]!, typeColumn = columns["type"]!, targetColumn = columns["target"]!
        let startColumn = columns["start"], endColumn = columns["end"], dateColumn = columns["date"]
        let roleColumn = columns["role"], noteColumn = columns["note"]
        let width = columns.values.max()! + 1
        let typeNames = vocabulary.map { Array($0.name.utf8) }
        // allowed[type][from][to], by the entity types' order in `EntityType.allCases`.
        let entityTypes = EntityType.allCases
        let allowed = vocabulary.map { type in entityTypes.map { from in entityTypes.map { to in type.allows(from: from, to: to) } } }
        var typeIndex: [String: Int32] = [:]
        for (index, type) in vocabulary.enumerated() { typeIndex[type.name] = Int32(index) }
        list.edges.reserveCapacity(max(0, reader.fileSize / 40))
        do {
            while try reader.next() {
                let line = reader.line
                if list.edges.count % 65536 == 0 { reading.report(reader.bytesRead, of: reader.fileSize) }
                guard reader.fieldCount >= width else {
                    list.problems.add(path, line, "expected \(width) fields, found \(reader.fieldCount)")
                    continue
                }
                var ok = true
                func endpoint(_ column: Int) -> Int64?? {
                    if let found = table.endpoint(reader.field(column)) { return found }
                    guard let key = reader.string(column) else { return .some(nil) }
                    list.problems.add(path, line, "no entity \(quoted(key)) in the nodes file or the database")
                    ok = false
                    return nil
                }
                let source = endpoint(sourceColumn), target = endpoint(targetColumn)
                if source == .some(nil) || target == .some(nil) {
                    list.problems.add(path, line, "the line is not UTF-8 text")
                    continue
                }
                var typeMatch: Int32?
                let typeBytes = reader.field(typeColumn)
                for (index, name) in typeNames.enumerated() where name.count == typeBytes.count {
                    if name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, typeBytes.baseAddress!, typeBytes.count) == 0 }) {
                        typeMatch = Int32(index)
                        break
                    }
                }
                guard let type = typeMatch ?? reader.string(typeColumn).flatMap({ typeIndex[RelationType.canonicalName($0)] }) else {
                    guard let typeText = reader.string(typeColumn) else {
                        list.problems.add(path, line, "the line is not UTF-8 text")
                        continue
                    }
                    list.problems.add(
                        path, line,
                        "unknown relation type \(quoted(typeText)); known types: \(vocabulary.map(\.name).joined(separator: ", ")) "
                            + "(`partnergraph vocab add` defines a new one)")
                    continue
                }
                func date(_ column: Int?, _ label: String) -> PackedDate {
                    guard let column, !reader.isEmpty(column) else { return 0 }
                    if let packed = CSVBulkWriter.parseDate(reader.field(column)) { return packed }
                    let text = reader.string(column) ?? "?"
                    list.problems.add(path, line, "invalid \(label) date \(quoted(text)): use YYYY, YYYY-MM or YYYY-MM-DD, with a day that exists")
                    ok = false
                    return 0
                }
                let start = date(startColumn, "start"), end = date(endColumn, "end"), single = date(dateColumn, "")
                guard ok, let source = source ?? nil, let target = target ?? nil else { continue }
                if start != 0 && end != 0 && CSVBulkWriter.upperBound(end) < CSVBulkWriter.lowerBound(start) {
                    list.problems.add(
                        path, line, "the end date \(CSVBulkWriter.format(end)) is before the start date \(CSVBulkWriter.format(start))")
                    continue
                }
                if single != 0 && (start != 0 || end != 0) {
                    list.problems.add(path, line, "give either a date or a start and end, not both")
                    continue
                }
                if source == target {
                    list.problems.add(path, line, "an entity cannot be related to itself (\(reader.string(sourceColumn) ?? "?"))")
                    continue
                }
                if !allowed[Int(type)][table.entityTypeNumber(source)][table.entityTypeNumber(target)] {
                    let fromType = table.entityType(source), toType = table.entityType(target)
                    let relationType = vocabulary[Int(type)]
                    list.problems.add(
                        path, line,
                        PartnerGraphError.relationNotAllowed(
                            type: relationType.name, from: fromType, to: toType, sourceTypes: relationType.sourceTypes,
                            targetTypes: relationType.targetTypes
                        ).description)
                    continue
                }
                var extra: Int32 = -1
                let role = roleColumn.flatMap { reader.isEmpty($0) ? nil : reader.string($0) }
                let note = noteColumn.flatMap { reader.isEmpty($0) ? nil : reader.string($0) }
                if role != nil || note != nil {
                    extra = Int32(list.extras.count)
                    list.extras.append((role, note))
                }
                list.edges.append(.init(
                    source: source, target: target, start: start, end: end, date: single, type: type,
                    line: Int32(clamping: line), extra: extra))
            }
        } catch CSVReaderError.unterminatedQuote(let line) {
            list.problems.add(path, line, "a quoted field is never closed")
        }
        reading.report(reader.fileSize, of: reader.fileSize)
        sortAndCheckDuplicates(&list, nodeCount: table.nodes.count, path: path)
        if list.problems.count == 0 && list.edges.count > 10_000 {
            list.incoming = incomingEntries(list.edges, nodeCount: table.nodes.count, typeCount: vocabulary.count)
        }
        return list
    }

    /// The relations in the key order of relation_incoming (target, type, source, then place),
    /// by node index; the writer turns indexes into ids, which grow with the index when every
    /// entity is new. Two stable counting sorts of the edges (already sorted by source): by
    /// type, then by target. The vocabulary is sorted by name, the order SQLite compares the
    /// type's text in. Done here, on the reading thread, so that the writer reads the result in
    /// order instead of jumping about the edges. `nil` when some endpoint is an entity already
    /// stored.
    static func incomingEntries(_ edges: [EdgeList.Edge], nodeCount: Int, typeCount: Int) -> [IncomingEntry]? {
        guard edges.allSatisfy({ $0.source >= 0 && $0.target >= 0 }) else { return nil }
        var byType = [Int32](repeating: 0, count: edges.count)
        var typeStarts = [Int](repeating: 0, count: typeCount + 1)
        for edge in edges { typeStarts[Int(edge.type) + 1] += 1 }
        for type in 0..<typeCount { typeStarts[type + 1] += typeStarts[type] }
        for (position, edge) in edges.enumerated() {
            byType[typeStarts[Int(edge.type)]] = Int32(position)
            typeStarts[Int(edge.type)] += 1
        }
        var targetStarts = [Int](repeating: 0, count: nodeCount + 1)
        for edge in edges { targetStarts[Int(edge.target) + 1] += 1 }
        for node in 0..<nodeCount { targetStarts[node + 1] += targetStarts[node] }
        return [IncomingEntry](unsafeUninitializedCapacity: edges.count) { buffer, count in
            for position in byType {
                let edge = edges[Int(position)]
                let target = Int(edge.target)
                buffer[targetStarts[target]] = IncomingEntry(
                    target: Int32(edge.target), source: Int32(edge.source), position: position, type: edge.type)
                targetStarts[target] += 1
            }
            count = edges.count
        }
    }

    /// Sorts the relations by source, type and target (the order of the identity index, which
    /// makes its inserts appends) and reports the same relation given twice.
    ///
    /// When every source is in the nodes file, a counting sort by source does most of the work
    /// in one pass; each source's few relations are then sorted on the rest of the key.
    static func sortAndCheckDuplicates(_ list: inout EdgeList, nodeCount: Int, path: String) {
        let extras = list.extras
        func role(_ edge: EdgeList.Edge) -> String { edge.extra < 0 ? "" : extras[Int(edge.extra)].role ?? "" }
        func precedes(_ a: EdgeList.Edge, _ b: EdgeList.Edge) -> Bool {
            if a.source != b.source { return a.source < b.source }
            if a.type != b.type { return a.type < b.type }
            if a.target != b.target { return a.target < b.target }
            if a.start != b.start { return a.start < b.start }
            if a.date != b.date { return a.date < b.date }
            if a.extra < 0 && b.extra < 0 { return a.line < b.line }
            return (role(a), a.line) < (role(b), b.line)
        }
        let edges = list.edges
        if edges.allSatisfy({ $0.source >= 0 }) {
            var offsets = [Int](repeating: 0, count: nodeCount + 1)
            for edge in edges { offsets[Int(edge.source) + 1] += 1 }
            for index in 0..<nodeCount { offsets[index + 1] += offsets[index] }
            let bucketStarts = offsets
            var sorted = [EdgeList.Edge](unsafeUninitializedCapacity: edges.count) { buffer, count in
                for edge in edges {
                    let source = Int(edge.source)
                    (buffer.baseAddress! + offsets[source]).initialize(to: edge)
                    offsets[source] += 1
                }
                count = edges.count
            }
            sorted.withUnsafeMutableBufferPointer { buffer in
                for node in 0..<nodeCount where bucketStarts[node + 1] - bucketStarts[node] > 1 {
                    buffer[bucketStarts[node]..<bucketStarts[node + 1]].sort(by: precedes)
                }
            }
            list.edges = sorted
        } else {
            list.edges.sort(by: precedes)
        }
        guard list.edges.count > 1 else { return }
        for index in 1..<list.edges.count {
            let a = list.edges[index - 1], b = list.edges[index]
            if a.source == b.source && a.type == b.type && a.target == b.target && a.start == b.start && a.date == b.date
                && role(a) == role(b)
            {
                list.problems.add(path, Int(b.line), "the same relation is already on line \(a.line)")
            }
        }
    }
}

/// A multi-row INSERT: rows are bound as they come and written `batchSize` to a statement
/// step, which spares SQLite most of its per-statement work (opening cursors, evaluating the
/// `IN` list of a CHECK constraint into a temporary table, checking the schema): most of the
/// cost of a small row. Parameter 1 is shared by every row (a timestamp); row `r`'s
/// parameters start at `2 + r * width`. Use it with `OR FAIL` or `OR IGNORE`: with the
/// default `OR ABORT`, SQLite must keep a statement journal (a copy of every page a statement
/// touches) to undo a multi-row statement that fails half-way, which costs more than the
/// batching saves. A failure aborts the whole import anyway.
private struct BatchedInsert {
    static let batchSize = 64

    let db: Database
    let head: String
    let width: Int
    let row: (Int) -> String
    let tail: String
    let shared: (OpaquePointer) -> Void
    private let full: Statement
    private var pending: [Int] = []
    /// The rows written so far (`sqlite3_changes`).
    private(set) var changes = 0

    init(
        _ db: Database, head: String, width: Int, row: @escaping (Int) -> String, tail: String = "",
        shared: @escaping (OpaquePointer) -> Void = { _ in }
    ) throws {
        self.db = db
        self.head = head
        self.width = width
        self.row = row
        self.tail = tail
        self.shared = shared
        full = try db.makeStatement(sql: Self.sql(head: head, width: width, row: row, tail: tail, count: Self.batchSize))
        shared(full.sqliteStatement)
        pending.reserveCapacity(Self.batchSize)
    }

    private static func sql(head: String, width: Int, row: (Int) -> String, tail: String, count: Int) -> String {
        head + (0..<count).map { row(2 + $0 * width) }.joined(separator: ", ") + tail
    }

    /// Adds item `item`, bound by `bind(statement, first parameter, item)`.
    mutating func add(_ item: Int, _ bind: (OpaquePointer, Int32, Int) -> Void) throws {
        bind(full.sqliteStatement, Int32(2 + pending.count * width), item)
        pending.append(item)
        if pending.count == Self.batchSize {
            try step(full.sqliteStatement)
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Writes the rows of the last, partial batch.
    mutating func flush(_ bind: (OpaquePointer, Int32, Int) -> Void) throws {
        guard !pending.isEmpty else { return }
        let statement = try db.makeStatement(sql: Self.sql(head: head, width: width, row: row, tail: tail, count: pending.count))
        let handle = statement.sqliteStatement
        shared(handle)
        for (position, item) in pending.enumerated() { bind(handle, Int32(2 + position * width), item) }
        try step(handle)
        pending.removeAll()
    }

    private mutating func step(_ handle: OpaquePointer) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        changes += Int(sqlite3_changes(db.sqliteConnection))
    }
}

/// Writes checked entities and relations with prepared statements stepped through the raw
/// SQLite API.
private struct CSVBulkWriter {
    let db: Database
    let progress: ((CSVImportProgress) -> Void)?
    let vocabulary: [RelationType]
    let connection: OpaquePointer
    let now: String
    /// The search queue's triggers, dropped for the import and put back, unchanged, by `finish()`.
    let triggers: [Row]
    var deferredIndexes: [String] = []
    /// The import's second thread: it reads the edges file, then builds the search index.
    let background: DispatchQueue
    /// The search index of the new entities, when built on another thread.
    var searchBuild: DetachedSearchIndex?
    /// relation_incoming's insert trigger, when a bulk load fills the table itself.
    var incomingTrigger: String?

    init(db: Database, progress: ((CSVImportProgress) -> Void)?, vocabulary: [RelationType], background: DispatchQueue) throws {
        self.background = background
        self.db = db
        self.progress = progress
        self.vocabulary = vocabulary
        connection = db.sqliteConnection!
        now = Timestamp.now()
        // The triggers would queue every new row; the import indexes its entities itself and
        // queues only the entities it changes.
        triggers = try Row.fetchAll(
            db,
            sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_queue_%' AND tbl_name IN ('entity', 'alias', 'relation')")
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(String(trigger[0]).quotedDatabaseIdentifier)") }
    }

    mutating func writeEntities(_ nodes: [NodeTable.Node], report: inout CSVImportReport) throws -> [Int64] {
        var ids = [Int64](repeating: 0, count: nodes.count)
        // New entities get the ids SQLite would give them, set here so that rows can be written
        // many to a statement.
        var nextId = (try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM entity") ?? 0) + 1
        let now = self.now
        var insertEntity = try BatchedInsert(
            db, head: "INSERT OR FAIL INTO entity (id, key, type, name, name_normalized, name_language, created_at, updated_at) VALUES ",
            width: 6, row: { "(?\($0), ?\($0 + 1), ?\($0 + 2), ?\($0 + 3), ?\($0 + 4), ?\($0 + 5), ?1, ?1)" },
            shared: { Self.bind($0, 1, now) })
        // The search index is filled by one INSERT … SELECT at the end: FTS5 flushes the terms
        // it holds in memory at every statement of the transaction, so rows inserted among the
        // entity and alias statements would each cost a flush and a tiny segment to merge.
        try db.execute(sql: "CREATE TEMP TABLE csv_import_search (rowid INTEGER PRIMARY KEY, names TEXT NOT NULL)")
        var insertSearch = try BatchedInsert(
            db, head: "INSERT OR FAIL INTO temp.csv_import_search (rowid, names) VALUES ", width: 2, row: { "(?\($0), ?\($0 + 1))" })
        let insertAlias = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO alias (entity_id, name, name_normalized, language) VALUES (?, ?, ?, 'ar')")
        let queueSearch = try db.makeStatement(sql: "INSERT OR IGNORE INTO search_pending (kind, owner) VALUES (0, ?)")
        // Into an empty entity table, the two secondary indexes are built after the load, by a
        // sort, rather than updated row by row in random order.
        let entitiesStored = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM entity)") ?? false
        if !entitiesStored && nodes.count > 10_000 {
            let indexes = try Row.fetchAll(
                db,
                sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entity' AND name IN ('entity_by_normalized_name', 'entity_by_type')")
            for index in indexes {
                try db.execute(sql: "DROP INDEX \(String(index[0]).quotedDatabaseIdentifier)")
                deferredIndexes.append(index[1])
            }
        }
        // With many new entities and nothing indexed yet, the search index is built on another
        // thread while the relations are written (see `DetachedSearchIndex`).
        let createSearchSQL = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_index'")
        let searchIndexEmpty = !(try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM search_index)") ?? true)
        let detachedSearch = createSearchSQL != nil && searchIndexEmpty && nodes.lazy.filter({ $0.existing == nil }).count > 10_000
        var normalizedNames = [String](repeating: "", count: nodes.count)
        var searchTexts = [String](repeating: "", count: nodes.count)
        func bindEntity(_ handle: OpaquePointer, _ base: Int32, _ index: Int) {
            let node = nodes[index]
            sqlite3_bind_int64(handle, base, ids[index])
            Self.bind(handle, base + 1, node.key)
            Self.bind(handle, base + 2, node.type.rawValue)
            Self.bind(handle, base + 3, node.name)
            Self.bind(handle, base + 4, normalizedNames[index])
            Self.bind(handle, base + 5, guessLanguage(of: node.name))
        }
        func bindSearch(_ handle: OpaquePointer, _ base: Int32, _ index: Int) {
            sqlite3_bind_int64(handle, base, ids[index] * 4)
            Self.bind(handle, base + 1, searchTexts[index])
        }
        for (index, node) in nodes.enumerated() {
            if index % 16384 == 0 { progress?(.init(phase: .writingEntities, done: index, total: nodes.count)) }
            let normalizedName = NameNormalizer.normalize(node.name)
            let normalizedAlias = node.alias.map(NameNormalizer.normalize)
            let id: Int64
            if let existing = node.existing {
                id = existing
                report.entitiesMatched += 1
            } else {
                id = nextId
                nextId += 1
                ids[index] = id
                normalizedNames[index] = normalizedName
                try insertEntity.add(index, bindEntity)
                report.entitiesAdded += 1
            }
            ids[index] = id
            var aliasAdded = false
            if let alias = node.alias {
                let handle = insertAlias.sqliteStatement
                sqlite3_bind_int64(handle, 1, id)
                Self.bind(handle, 2, alias)
                Self.bind(handle, 3, normalizedAlias)
                try step(handle)
                aliasAdded = sqlite3_changes(connection) > 0
                if aliasAdded { report.aliasesAdded += 1 }
            }
            if node.existing == nil {
                // A new entity is indexed here, or by the detached index with its alias.
                if !detachedSearch {
                    searchTexts[index] = SearchText.indexed(normalized: [node.key.lowercased(), normalizedName, normalizedAlias ?? ""])
                    try insertSearch.add(index, bindSearch)
                }
            } else if aliasAdded {
                let handle = queueSearch.sqliteStatement
                sqlite3_bind_int64(handle, 1, id)
                try step(handle)
            }
        }
        try insertEntity.flush(bindEntity)
        try insertSearch.flush(bindSearch)
        try db.execute(sql: "INSERT INTO search_index (rowid, names, body) SELECT rowid, names, '' FROM temp.csv_import_search")
        try db.execute(sql: "DROP TABLE temp.csv_import_search")
        if detachedSearch, let createSearchSQL {
            let ids = ids, normalizedNames = normalizedNames
            searchBuild = DetachedSearchIndex(createSQL: createSearchSQL, on: background) {
                nodes.indices.compactMap { index in
                    let node = nodes[index]
                    guard node.existing == nil else { return nil }
                    let alias = node.alias.map(NameNormalizer.normalize) ?? ""
                    return (ids[index] * 4, SearchText.indexed(normalized: [node.key.lowercased(), normalizedNames[index], alias]))
                }
            }
        }
        return ids
    }

    mutating func writeRelations(_ list: EdgeList, ids: [Int64], report: inout CSVImportReport) throws {
        let hadRelations = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM relation)") ?? false
        // Into an empty relation table, the relations get their ids here (in the order of the
        // identity index, so that it grows by appends), and relation_incoming is filled after
        // them in its own key order rather than by its trigger, row by row, in random order.
        // Otherwise SQLite numbers the rows, skips those already stored, and the trigger keeps
        // relation_incoming.
        let bulk = !hadRelations && list.edges.count > 10_000
        if bulk {
            incomingTrigger = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'relation_incoming_insert'")
            try db.execute(sql: "DROP TRIGGER IF EXISTS relation_incoming_insert")
        }
        // SQLite numbers the new rows max(id) + 1, + 2, … in the order they are inserted: an
        // explicit id would cost a look-up per row. Into an empty table, where none is skipped,
        // edge i gets firstId + i; checked below.
        let firstId = (try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM relation") ?? 0) + 1
        let columns = "INSERT INTO relation (source_id, type, target_id, role, start_date, end_date, date, note, created_at, updated_at) VALUES "
        let now = self.now
        // OR IGNORE skips a relation already stored, as ON CONFLICT DO NOTHING does (the identity
        // index is the table's one uniqueness constraint, and the NOT NULL columns are always
        // bound), and unlike it lets a multi-row statement run without a statement journal.
        var insert = try BatchedInsert(
            db, head: "INSERT OR IGNORE" + columns.dropFirst("INSERT".count), width: 7,
            row: { base in "(" + (base..<(base + 7)).map { "?\($0)" }.joined(separator: ", ") + ", NULL, ?1, ?1)" },
            shared: { Self.bind($0, 1, now) })
        let single = try db.makeStatement(sql: columns + "(?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?1, ?1) ON CONFLICT DO NOTHING")
        let singleHandle = single.sqliteStatement
        Self.bind(singleHandle, 1, now)
        // The type names, bound without a copy: they outlive every step.
        let typeNames = vocabulary.map { strdup($0.name)! }
        defer { typeNames.forEach { free($0) } }
        let typeLengths = vocabulary.map { Int32($0.name.utf8.count) }
        let extras = list.extras
        let edges = list.edges

        /// Binds the seven columns of edge `index` from parameter `base` on.
        func bindRow(_ handle: OpaquePointer, _ base: Int32, _ index: Int) {
            let edge = edges[index]
            sqlite3_bind_int64(handle, base, edge.source >= 0 ? ids[Int(edge.source)] : -edge.source)
            sqlite3_bind_text(handle, base + 1, typeNames[Int(edge.type)], typeLengths[Int(edge.type)], nil)
            sqlite3_bind_int64(handle, base + 2, edge.target >= 0 ? ids[Int(edge.target)] : -edge.target)
            Self.bind(handle, base + 3, edge.extra >= 0 ? extras[Int(edge.extra)].role : nil)
            Self.bindDate(handle, base + 4, edge.start)
            Self.bindDate(handle, base + 5, edge.end)
            Self.bindDate(handle, base + 6, edge.date)
        }

        var batched = 0
        for (index, edge) in edges.enumerated() {
            if index % 65536 == 0 { progress?(.init(phase: .writingRelations, done: index, total: edges.count)) }
            let note = edge.extra >= 0 ? extras[Int(edge.extra)].note : nil
            guard let note else {
                try insert.add(index, bindRow)
                batched += 1
                continue
            }
            // A relation with a note is searchable: it goes in alone, to queue its id.
            bindRow(singleHandle, 2, index)
            Self.bind(singleHandle, 9, note)
            try step(singleHandle)
            if sqlite3_changes(connection) > 0 {
                report.relationsAdded += 1
                let queue = try db.cachedStatement(sql: "INSERT OR IGNORE INTO search_pending (kind, owner) VALUES (2, ?)")
                try queue.execute(arguments: [sqlite3_last_insert_rowid(connection)])
            } else {
                report.relationsMatched += 1
            }
        }
        try insert.flush(bindRow)
        report.relationsAdded += insert.changes
        report.relationsMatched += batched - insert.changes
        guard bulk else { return }

        progress?(.init(phase: .indexing, done: 0, total: 1))
        let lastId = try Int64.fetchOne(db, sql: "SELECT max(id) FROM relation") ?? 0
        let idsGrowWithIndex = zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 }
        guard let entries = list.incoming, idsGrowWithIndex, report.relationsAdded == edges.count,
            lastId == firstId + Int64(edges.count) - 1
        else {
            // Some endpoint was stored before, or the ids are not the expected ones: SQLite
            // sorts the entries.
            try db.execute(sql: """
                INSERT INTO relation_incoming (target_id, type, source_id, relation_id)
                SELECT target_id, type, source_id, id FROM relation ORDER BY target_id, type, source_id, id
                """)
            return
        }
        // relation_incoming, in its key order, so that SQLite appends every entry.
        var incoming = try BatchedInsert(
            db, head: "INSERT OR FAIL INTO relation_incoming (target_id, type, source_id, relation_id) VALUES ", width: 4,
            row: { "(?\($0), ?\($0 + 1), ?\($0 + 2), ?\($0 + 3))" })
        func bindIncoming(_ handle: OpaquePointer, _ base: Int32, _ index: Int) {
            let entry = entries[index]
            sqlite3_bind_int64(handle, base, ids[Int(entry.target)])
            sqlite3_bind_text(handle, base + 1, typeNames[Int(entry.type)], typeLengths[Int(entry.type)], nil)
            sqlite3_bind_int64(handle, base + 2, ids[Int(entry.source)])
            sqlite3_bind_int64(handle, base + 3, firstId + Int64(entry.position))
        }
        for index in entries.indices { try incoming.add(index, bindIncoming) }
        try incoming.flush(bindIncoming)
    }

    /// Builds the entity indexes put off while the entities were written.
    func buildEntityIndexes() throws {
        for sql in deferredIndexes { try db.execute(sql: sql) }
    }

    /// Puts the search index in place when it was built on another thread, and the triggers back.
    func finish() throws {
        progress?(.init(phase: .indexing, done: 0, total: 1))
        try searchBuild?.install(in: db)
        for trigger in triggers { try db.execute(sql: trigger[1]) }
        if let incomingTrigger { try db.execute(sql: incomingTrigger) }
        progress?(.init(phase: .indexing, done: 1, total: 1))
    }

    func step(_ handle: OpaquePointer) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    // MARK: - Binding and dates

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    static func bind(_ handle: OpaquePointer, _ index: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        _ = text.withUTF8 { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), transient) }
    }

    static func bindDate(_ handle: OpaquePointer, _ index: Int32, _ date: PackedDate) {
        guard date != 0 else {
            sqlite3_bind_null(handle, index)
            return
        }
        var bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let year = Int(date / 10000), month = Int(date / 100 % 100), day = Int(date % 100)
        let count = withUnsafeMutableBytes(of: &bytes) { raw -> Int in
            func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(value) }
            raw[0] = digit(year / 1000 % 10)
            raw[1] = digit(year / 100 % 10)
            raw[2] = digit(year / 10 % 10)
            raw[3] = digit(year % 10)
            guard month > 0 else { return 4 }
            raw[4] = UInt8(ascii: "-")
            raw[5] = digit(month / 10)
            raw[6] = digit(month % 10)
            guard day > 0 else { return 7 }
            raw[7] = UInt8(ascii: "-")
            raw[8] = digit(day / 10)
            raw[9] = digit(day % 10)
            return 10
        }
        withUnsafeBytes(of: &bytes) { raw in
            _ = sqlite3_bind_text(handle, index, raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(count), transient)
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` without making a string; `nil` when invalid.
    static func parseDate(_ bytes: UnsafeBufferPointer<UInt8>) -> PackedDate? {
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in from..<(from + count) {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10, let year = number(0, 4), year >= 1 else { return nil }
        var month = 0, day = 0
        if bytes.count >= 7 {
            guard bytes[4] == UInt8(ascii: "-"), let m = number(5, 2), (1...12).contains(m) else { return nil }
            month = m
        }
        if bytes.count == 10 {
            guard bytes[7] == UInt8(ascii: "-"), let d = number(8, 2), (1...PartialDate.daysIn(month: month, year: year)).contains(d)
            else { return nil }
            day = d
        }
        return PackedDate(year * 10000 + month * 100 + day)
    }

    static func lowerBound(_ date: PackedDate) -> UInt32 {
        let month = date / 100 % 100, day = date % 100
        return date / 10000 * 10000 + (month == 0 ? 1 : month) * 100 + (day == 0 ? 1 : day)
    }

    static func upperBound(_ date: PackedDate) -> UInt32 {
        let month = date / 100 % 100, day = date % 100
        return date / 10000 * 10000 + (month == 0 ? 12 : month) * 100 + (day == 0 ? 31 : day)
    }

    static func format(_ date: PackedDate) -> String {
        let year = Int(date / 10000), month = Int(date / 100 % 100), day = Int(date % 100)
        var text = zeroPadded(year, width: 4)
        if month > 0 { text += "-" + zeroPadded(month, width: 2) }
        if day > 0 { text += "-" + zeroPadded(day, width: 2) }
        return text
    }
}
