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
    /// For speed, the import sorts the relations by source before inserting them, builds the
    /// incoming-relation index after loading when the database had no relations, indexes the
    /// new names for search directly, and runs with `PRAGMA synchronous = OFF` for the length of
    /// its one transaction (a power cut during the import can lose the import, never
    /// corrupt what was committed before it).
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
                let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 2
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? true
                try db.execute(sql: "PRAGMA synchronous = OFF")
                try db.execute(sql: "PRAGMA cache_size = -262144")
                // Every reference was checked against the file and the database before writing,
                // so SQLite need not check them again, a million times over.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer {
                    try? db.execute(sql: "PRAGMA foreign_keys = \(foreignKeys ? "ON" : "OFF")")
                    try? db.execute(sql: "PRAGMA synchronous = \(synchronous)")
                    try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
                }
                var report = CSVImportReport()
                try db.inTransaction(.immediate) {
                    var importer = try CSVBulkImporter(db: db, progress: progress)
                    if let nodes { try importer.readNodes(nodes) }
                    if let edges { try importer.readEdges(edges) }
                    try importer.checkDuplicates()
                    if !importer.problems.isEmpty {
                        throw CSVImportError.invalidFiles(problems: importer.problems, count: importer.problemCount)
                    }
                    report = try importer.write()
                    return .commit
                }
                // Fold the import's write-ahead log into the database now rather than on some later command.
                _ = try? db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                return report
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }
}

/// A date packed as `yyyymmdd`, with `00` for a month or day not given; 0 for no date.
private typealias PackedDate = UInt32

/// The state of one CSV import: the checked rows, held compactly until they are written.
private struct CSVBulkImporter {
    struct Node {
        var key: String
        var type: EntityType
        var name: String
        var alias: String?
        /// The stored entity's id when the key is already in the database.
        var existing: Int64?
    }

    struct Edge {
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

    let db: Database
    let progress: ((CSVImportProgress) -> Void)?
    var problems: [CSVImportError.Problem] = []
    var problemCount = 0
    var nodes: [Node] = []
    var nodeLines: [Int32] = []
    var nodeIndex: [String: Int] = [:]
    var stored: [String: (id: Int64, type: EntityType)] = [:]
    var storedTypes: [Int64: EntityType] = [:]
    var vocabulary: [RelationType]
    var typeIndex: [String: Int32] = [:]
    var edges: [Edge] = []
    var extras: [(role: String?, note: String?)] = []
    var edgesFile = ""

    init(db: Database, progress: ((CSVImportProgress) -> Void)?) throws {
        self.db = db
        self.progress = progress
        vocabulary = try RelationType.fetchAll(db, sql: "SELECT * FROM relation_type ORDER BY name")
        for (index, type) in vocabulary.enumerated() { typeIndex[type.name] = Int32(index) }
        for row in try Row.fetchAll(db, sql: "SELECT id, key, type FROM entity") {
            let type = EntityType(rawValue: row[2]) ?? .organization
            stored[row[1]] = (row[0], type)
            storedTypes[row[0]] = type
        }
    }

    mutating func problem(_ file: String, _ line: Int, _ message: String) {
        problemCount += 1
        if problems.count < CSVImportError.listedProblems {
            problems.append(.init(file: file, line: line, message: message))
        }
    }

    /// The columns of a header, by name; records a problem for each required one missing.
    mutating func columns(_ reader: inout CSVReader, required: [String], optional: [String]) throws -> [String: Int]? {
        guard try reader.next() else {
            problem(reader.path, 1, "the file is empty; it needs a header line: " + required.joined(separator: ","))
            return nil
        }
        var found: [String: Int] = [:]
        for index in 0..<reader.fieldCount {
            let name = (reader.string(index) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            found[name.hasPrefix("\u{FEFF}") ? String(name.dropFirst()) : name] = index
        }
        let missing = required.filter { found[$0] == nil }
        if !missing.isEmpty {
            problem(
                reader.path, 1,
                "the header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); expected "
                    + (required + optional).joined(separator: ","))
            return nil
        }
        return found
    }

    mutating func readNodes(_ path: String) throws {
        var reader = try CSVReader(path: path)
        defer { reader.close() }
        guard let columns = try columns(&reader, required: ["key", "type", "name"], optional: ["alias_ar"]) else { return }
        let keyColumn = columns["key"]!, typeColumn = columns["type"]!, nameColumn = columns["name"]!
        let aliasColumn = columns["alias_ar"]
        let width = columns.values.max()! + 1
        do {
            while try reader.next() {
                let line = reader.line
                if nodes.count % 65536 == 0 { progress?(.init(phase: .readingNodes, done: reader.bytesRead, total: reader.fileSize)) }
                guard reader.fieldCount >= width else {
                    problem(path, line, "expected \(width) fields, found \(reader.fieldCount)")
                    continue
                }
                guard let key = reader.string(keyColumn), let typeText = reader.string(typeColumn),
                    let name = reader.string(nameColumn)
                else {
                    problem(path, line, "the line is not UTF-8 text")
                    continue
                }
                var alias: String?
                if let aliasColumn, !reader.isEmpty(aliasColumn) {
                    guard let text = reader.string(aliasColumn) else {
                        problem(path, line, "the line is not UTF-8 text")
                        continue
                    }
                    alias = text
                }
                guard let type = EntityType(parsing: typeText) else {
                    problem(path, line, "unknown entity type \(quoted(typeText)); use one of: \(EntityType.spellings)")
                    continue
                }
                if (try? validateKey(key)) == nil {
                    problem(path, line, PartnerGraphError.invalidKey(key).description)
                    continue
                }
                if name.allSatisfy(\.isWhitespace) {
                    problem(path, line, "the name of \(key) is empty")
                    continue
                }
                if let first = nodeIndex[key] {
                    problem(path, line, "the key \(quoted(key)) is already on line \(nodeLines[first])")
                    continue
                }
                var existing: Int64?
                if let known = stored[key] {
                    if known.type != type {
                        problem(path, line, "the database already holds \(key) as a \(known.type.rawValue), not a \(type.rawValue)")
                        continue
                    }
                    existing = known.id
                }
                nodeIndex[key] = nodes.count
                nodeLines.append(Int32(clamping: line))
                nodes.append(Node(key: key, type: type, name: name, alias: alias, existing: existing))
            }
        } catch CSVReaderError.unterminatedQuote(let line) {
            problem(path, line, "a quoted field is never closed")
        }
        progress?(.init(phase: .readingNodes, done: reader.fileSize, total: reader.fileSize))
    }

    mutating func readEdges(_ path: String) throws {
        edgesFile = path
        var reader = try CSVReader(path: path)
        defer { reader.close() }
        guard let columns = try columns(
            &reader, required: ["source", "type", "target"], optional: ["start", "end", "role", "date", "note"])
        else { return }
        let sourceColumn = columns["source"]!, typeColumn = columns["type"]!, targetColumn = columns["target"]!
        let startColumn = columns["start"], endColumn = columns["end"], dateColumn = columns["date"]
        let roleColumn = columns["role"], noteColumn = columns["note"]
        let width = columns.values.max()! + 1
        edges.reserveCapacity(max(0, reader.fileSize / 40))
        do {
            while try reader.next() {
                let line = reader.line
                if edges.count % 65536 == 0 { progress?(.init(phase: .readingEdges, done: reader.bytesRead, total: reader.fileSize)) }
                guard reader.fieldCount >= width else {
                    problem(path, line, "expected \(width) fields, found \(reader.fieldCount)")
                    continue
                }
                guard let sourceKey = reader.string(sourceColumn), let targetKey = reader.string(targetColumn),
                    let typeText = reader.string(typeColumn)
                else {
                    problem(path, line, "the line is not UTF-8 text")
                    continue
                }
                var ok = true
                let source = endpoint(sourceKey, path: path, line: line, ok: &ok)
                let target = endpoint(targetKey, path: path, line: line, ok: &ok)
                guard let type = typeIndex[typeText] ?? typeIndex[RelationType.canonicalName(typeText)] else {
                    problem(
                        path, line,
                        "unknown relation type \(quoted(typeText)); known types: \(vocabulary.map(\.name).joined(separator: ", ")) "
                            + "(`partnergraph vocab add` defines a new one)")
                    continue
                }
                func date(_ column: Int?, _ label: String) -> PackedDate {
                    guard let column, !reader.isEmpty(column) else { return 0 }
                    if let packed = reader.withField(column, Self.parseDate) { return packed }
                    let text = reader.string(column) ?? "?"
                    problem(path, line, "invalid \(label) date \(quoted(text)): use YYYY, YYYY-MM or YYYY-MM-DD, with a day that exists")
                    ok = false
                    return 0
                }
                let start = date(startColumn, "start"), end = date(endColumn, "end"), single = date(dateColumn, "")
                guard ok, let source, let target else { continue }
                if start != 0 && end != 0 && Self.upperBound(end) < Self.lowerBound(start) {
                    problem(path, line, "the end date \(Self.format(end)) is before the start date \(Self.format(start))")
                    continue
                }
                if single != 0 && (start != 0 || end != 0) {
                    problem(path, line, "give either a date or a start and end, not both")
                    continue
                }
                if source == target {
                    problem(path, line, "an entity cannot be related to itself (\(sourceKey))")
                    continue
                }
                let relationType = vocabulary[Int(type)]
                let fromType = entityType(source), toType = entityType(target)
                if !relationType.allows(from: fromType, to: toType) {
                    problem(
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
                    extra = Int32(extras.count)
                    extras.append((role, note))
                }
                edges.append(Edge(
                    source: source, target: target, start: start, end: end, date: single, type: type,
                    line: Int32(clamping: line), extra: extra))
            }
        } catch CSVReaderError.unterminatedQuote(let line) {
            problem(path, line, "a quoted field is never closed")
        }
        progress?(.init(phase: .readingEdges, done: reader.fileSize, total: reader.fileSize))
    }

    mutating func endpoint(_ key: String, path: String, line: Int, ok: inout Bool) -> Int64? {
        if let index = nodeIndex[key] { return Int64(index) }
        if let known = stored[key] { return -known.id }
        problem(path, line, "no entity \(quoted(key)) in the nodes file or the database")
        ok = false
        return nil
    }

    func entityType(_ endpoint: Int64) -> EntityType {
        endpoint >= 0 ? nodes[Int(endpoint)].type : storedTypes[-endpoint] ?? .organization
    }

    func role(_ edge: Edge) -> String { edge.extra < 0 ? "" : extras[Int(edge.extra)].role ?? "" }

    /// Sorts the relations by source, type and target (the order of the identity index, which
    /// makes its inserts appends) and reports the same relation given twice.
    mutating func checkDuplicates() throws {
        let extras = self.extras
        func role(_ edge: Edge) -> String { edge.extra < 0 ? "" : extras[Int(edge.extra)].role ?? "" }
        edges.sort { a, b in
            if a.source != b.source { return a.source < b.source }
            if a.type != b.type { return a.type < b.type }
            if a.target != b.target { return a.target < b.target }
            if a.start != b.start { return a.start < b.start }
            if a.date != b.date { return a.date < b.date }
            if a.extra < 0 && b.extra < 0 { return a.line < b.line }
            return (role(a), a.line) < (role(b), b.line)
        }
        guard edges.count > 1 else { return }
        for index in 1..<edges.count {
            let a = edges[index - 1], b = edges[index]
            if a.source == b.source && a.type == b.type && a.target == b.target && a.start == b.start && a.date == b.date
                && role(a) == role(b)
            {
                problem(edgesFile, Int(b.line), "the same relation is already on line \(a.line)")
            }
        }
    }

    // MARK: - Writing

    mutating func write() throws -> CSVImportReport {
        var report = CSVImportReport()
        let now = Timestamp.now()
        let connection = db.sqliteConnection!
        // The search queue's triggers would queue every new row; the import indexes its
        // entities itself and queues only the entities it changes. The triggers are put back,
        // unchanged, in the same transaction.
        let triggers = try Row.fetchAll(
            db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_queue_%' AND tbl_name IN ('entity', 'alias', 'relation')")
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(String(trigger[0]).quotedDatabaseIdentifier)") }

        // Entities.
        var ids = [Int64](repeating: 0, count: nodes.count)
        let insertEntity = try db.makeStatement(
            sql: "INSERT INTO entity (key, type, name, name_normalized, name_language, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        let insertAlias = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO alias (entity_id, name, name_normalized, language) VALUES (?, ?, ?, 'ar')")
        let insertSearch = try db.makeStatement(sql: "INSERT INTO search_index (rowid, names, body) VALUES (?, ?, '')")
        let queueSearch = try db.makeStatement(sql: "INSERT OR IGNORE INTO search_pending (kind, owner) VALUES (0, ?)")
        // Folding names is the costly part of writing entities; it runs on every core first.
        let folded = Self.fold(nodes)
        for (index, node) in nodes.enumerated() {
            if index % 16384 == 0 { progress?(.init(phase: .writingEntities, done: index, total: nodes.count)) }
            let id: Int64
            let (normalizedName, normalizedAlias, searchText) = folded[index]
            if let existing = node.existing {
                id = existing
                report.entitiesMatched += 1
            } else {
                let handle = insertEntity.sqliteStatement
                Self.bind(handle, 1, node.key)
                Self.bind(handle, 2, node.type.rawValue)
                Self.bind(handle, 3, node.name)
                Self.bind(handle, 4, normalizedName)
                Self.bind(handle, 5, guessLanguage(of: node.name))
                Self.bind(handle, 6, now)
                Self.bind(handle, 7, now)
                try step(handle)
                id = sqlite3_last_insert_rowid(connection)
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
                let handle = insertSearch.sqliteStatement
                sqlite3_bind_int64(handle, 1, id * 4)
                Self.bind(handle, 2, searchText)
                try step(handle)
            } else if aliasAdded {
                let handle = queueSearch.sqliteStatement
                sqlite3_bind_int64(handle, 1, id)
                try step(handle)
            }
        }

        // Relations.
        let hadRelations = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM relation)") ?? false
        // On an empty relation table, building the incoming-relation index once after the load
        // (a sort) is much faster than updating it a million times in random order.
        var deferredIndexes: [String] = []
        if !hadRelations && edges.count > 10_000 {
            deferredIndexes = try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'relation' AND name = 'relation_by_target'")
            try db.execute(sql: "DROP INDEX IF EXISTS relation_by_target")
        }
        let insertRelation = try db.makeStatement(
            sql: """
                INSERT INTO relation (source_id, type, target_id, role, start_date, end_date, date, note, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
        let handle = insertRelation.sqliteStatement
        let typeNames = vocabulary.map(\.name)
        Self.bind(handle, 9, now)
        Self.bind(handle, 10, now)
        for (index, edge) in edges.enumerated() {
            if index % 65536 == 0 { progress?(.init(phase: .writingRelations, done: index, total: edges.count)) }
            sqlite3_bind_int64(handle, 1, edge.source >= 0 ? ids[Int(edge.source)] : -edge.source)
            Self.bind(handle, 2, typeNames[Int(edge.type)])
            sqlite3_bind_int64(handle, 3, edge.target >= 0 ? ids[Int(edge.target)] : -edge.target)
            Self.bindDate(handle, 5, edge.start)
            Self.bindDate(handle, 6, edge.end)
            Self.bindDate(handle, 7, edge.date)
            if edge.extra >= 0 {
                let extra = extras[Int(edge.extra)]
                Self.bind(handle, 4, extra.role)
                Self.bind(handle, 8, extra.note)
            } else {
                sqlite3_bind_null(handle, 4)
                sqlite3_bind_null(handle, 8)
            }
            try step(handle)
            if sqlite3_changes(connection) > 0 {
                report.relationsAdded += 1
                if edge.extra >= 0 && extras[Int(edge.extra)].note != nil {
                    let queue = try db.cachedStatement(sql: "INSERT OR IGNORE INTO search_pending (kind, owner) VALUES (2, ?)")
                    try queue.execute(arguments: [sqlite3_last_insert_rowid(connection)])
                }
            } else {
                report.relationsMatched += 1
            }
        }
        progress?(.init(phase: .indexing, done: 0, total: 1))
        if !deferredIndexes.isEmpty {
            // Let SQLite sort with a second thread while it builds the index.
            try db.execute(sql: "PRAGMA threads = 2")
            for sql in deferredIndexes { try db.execute(sql: sql) }
        }
        for trigger in triggers { try db.execute(sql: trigger[1]) }
        progress?(.init(phase: .indexing, done: 1, total: 1))
        return report
    }

    /// Each node's folded name, folded alias and search-index text, computed in parallel.
    static func fold(_ nodes: [Node]) -> [(String, String?, String)] {
        let chunks = max(1, min(8, nodes.count / 4096))
        let results = FoldedChunks(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (nodes.count * chunk / chunks)..<(nodes.count * (chunk + 1) / chunks)
            results.store(chunk, nodes[range].map { node in
                let name = NameNormalizer.normalize(node.name)
                let alias = node.alias.map(NameNormalizer.normalize)
                return (name, alias, SearchText.indexed(normalized: [node.key.lowercased(), name, alias ?? ""]))
            })
        }
        return results.joined()
    }

    func step(_ handle: OpaquePointer) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
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
        guard [4, 7, 10].contains(bytes.count), let year = number(0, 4), year >= 1 else { return nil }
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

/// The per-chunk results of ``CSVBulkImporter/fold(_:)``; each chunk is written by one thread.
private final class FoldedChunks: @unchecked Sendable {
    private var chunks: [[(String, String?, String)]]
    private let lock = NSLock()

    init(count: Int) { chunks = Array(repeating: [], count: count) }

    func store(_ index: Int, _ values: [(String, String?, String)]) {
        lock.lock()
        chunks[index] = values
        lock.unlock()
    }

    func joined() -> [(String, String?, String)] { chunks.flatMap { $0 } }
}
