import Foundation

/// The checked relations of an edges file, sorted, ready to write.
struct EdgeList: Sendable {
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
struct IncomingEntry: Sendable {
    var target: Int32
    var source: Int32
    var position: Int32
    var type: Int32
}

/// The problems found, the first ``CSVImportError/listedProblems`` of them kept.
struct ProblemList: Sendable {
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

    /// The problems of `lists`, each in the order of its lines, in the order of their lines;
    /// on the same line, those of an earlier list first.
    static func merging(_ lists: ProblemList...) -> ProblemList {
        var merged = ProblemList()
        var next = [Int](repeating: 0, count: lists.count)
        while merged.problems.count < CSVImportError.listedProblems {
            var pick: Int?
            for (index, list) in lists.enumerated() where next[index] < list.problems.count {
                if let chosen = pick, lists[chosen].problems[next[chosen]].line <= list.problems[next[index]].line { continue }
                pick = index
            }
            guard let pick else { break }
            merged.problems.append(lists[pick].problems[next[pick]])
            next[pick] += 1
        }
        merged.count = lists.reduce(0) { $0 + $1.count }
        return merged
    }
}

/// The reading of the edges file on the import's second thread. It starts before the nodes
/// file is read: the edges file is parsed and checked on its own first, its endpoints numbered
/// by key, and resolved against the entities once the writing thread provides the node table.
final class EdgeReading: @unchecked Sendable {
    private let finished = DispatchGroup()
    private let tableReady = DispatchSemaphore(value: 0)
    /// Set before `tableReady` is signalled; `nil` when the import gave up before reading the nodes.
    private var table: NodeTable?
    /// Whether `provide(_:)` was called; touched by the writing thread only.
    private var provided = false
    private var outcome: Result<EdgeList, Error> = .success(EdgeList())
    private let lock = NSLock()
    /// Bytes read so far, of how many, for progress.
    private var read = (done: 0, total: 0)
    private var cancelled = false

    /// Starts reading `path` on `queue`.
    func start(_ path: String, vocabulary: [RelationType], on queue: DispatchQueue) {
        finished.enter()
        queue.async { [self] in
            outcome = Result {
                let parsed = try EdgeReader.parse(path, vocabulary: vocabulary, reading: self)
                ImportTiming.mark("second thread: edges file parsed")
                tableReady.wait()
                guard let table else { throw CancellationError() }
                let list = EdgeReader.resolve(parsed, table: table, vocabulary: vocabulary)
                ImportTiming.mark("second thread: edges resolved and sorted")
                return list
            }
            finished.leave()
        }
    }

    /// Hands the entities of the nodes file and the database to the reading thread.
    func provide(_ table: NodeTable?) {
        precondition(!provided, "the node table is provided once")
        self.table = table
        provided = true
        tableReady.signal()
    }

    /// Waits up to `timeout` for the result; `nil` if it is not ready by then.
    func result(waitingUntil timeout: DispatchTime) -> Result<EdgeList, Error>? {
        finished.wait(timeout: timeout) == .success ? outcome : nil
    }

    /// Stops the reading if it is still going, and waits for the thread: an import that fails
    /// early leaves nothing running behind it.
    func stop() {
        lock.lock()
        cancelled = true
        lock.unlock()
        if !provided { provide(nil) }
        finished.wait()
    }

    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

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

/// An edges file parsed and checked as far as it can be without the nodes: its endpoints are
/// numbers into `keys`, in the order first seen.
struct ParsedEdges: Sendable {
    /// `source` and `target` are numbers into `keys`; `type` is -1 for a line with a problem
    /// already, kept so that its endpoints are checked too.
    var edges: [EdgeList.Edge] = []
    var extras: [(role: String?, note: String?)] = []
    var keys = ByteKeyTable()
    var problems = ProblemList()
    var path = ""
}

/// Reads and checks an edges file on the import's second thread, in two steps: `parse` needs
/// only the file and the vocabulary, `resolve` needs the node table.
enum EdgeReader {
    /// Reads the file and checks each line as far as the nodes are not needed: field count,
    /// UTF-8, relation type, dates, and an entity related to itself.
    static func parse(_ path: String, vocabulary: [RelationType], reading: EdgeReading) throws -> ParsedEdges {
        var parsed = ParsedEdges(path: path)
        var reader = try CSVReader(path: path)
        defer { reader.close() }
        guard let columns = try CSVBulkImporter.columns(
            &reader, required: ["source", "type", "target"], optional: ["start", "end", "role", "date", "note"],
            problems: &parsed.problems)
        else { return parsed }
        let sourceColumn = columns["source"]!, typeColumn = columns["type"]!, targetColumn = columns["target"]!
        let startColumn = columns["start"], endColumn = columns["end"], dateColumn = columns["date"]
        let roleColumn = columns["role"], noteColumn = columns["note"]
        let width = columns.values.max()! + 1
        let typeNames = vocabulary.map { Array($0.name.utf8) }
        var typeIndex: [String: Int32] = [:]
        for (index, type) in vocabulary.enumerated() { typeIndex[type.name] = Int32(index) }
        parsed.edges.reserveCapacity(max(0, reader.fileSize / 40))
        // Room for a key every ~500 bytes (the benchmark's M has one every 445) before the table grows.
        parsed.keys = ByteKeyTable(capacity: reader.fileSize / 512)
        do {
            while try reader.next() {
                let line = reader.line
                if parsed.edges.count % 65536 == 0 {
                    reading.report(reader.bytesRead, of: reader.fileSize)
                    if reading.isCancelled { throw CancellationError() }
                }
                guard reader.fieldCount >= width else {
                    parsed.problems.add(path, line, "expected \(width) fields, found \(reader.fieldCount)")
                    continue
                }
                let sourceKey = reader.field(sourceColumn), targetKey = reader.field(targetColumn)
                guard isText(sourceKey), isText(targetKey) else {
                    parsed.problems.add(path, line, "the line is not UTF-8 text")
                    continue
                }
                let source = Int64(parsed.keys.intern(sourceKey)), target = Int64(parsed.keys.intern(targetKey))
                var hasProblem = false
                func note(_ message: String) {
                    hasProblem = true
                    parsed.problems.add(path, line, message)
                }
                var typeMatch: Int32?
                let typeBytes = reader.field(typeColumn)
                for (index, name) in typeNames.enumerated() where name.count == typeBytes.count {
                    if name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, typeBytes.baseAddress!, typeBytes.count) == 0 }) {
                        typeMatch = Int32(index)
                        break
                    }
                }
                var type: Int32 = -1
                if let match = typeMatch ?? reader.string(typeColumn).flatMap({ typeIndex[RelationType.canonicalName($0)] }) {
                    type = match
                } else if let typeText = reader.string(typeColumn) {
                    note(
                        "unknown relation type \(quoted(typeText)); known types: \(vocabulary.map(\.name).joined(separator: ", ")) "
                            + "(`partnergraph vocab add` defines a new one)")
                } else {
                    note("the line is not UTF-8 text")
                }
                var start: PackedDate = 0, end: PackedDate = 0, single: PackedDate = 0
                if type >= 0 {
                    func date(_ column: Int?, _ label: String) -> PackedDate {
                        guard let column, !reader.isEmpty(column) else { return 0 }
                        if let packed = PackedDates.parse(reader.field(column)) { return packed }
                        let text = reader.string(column) ?? "?"
                        note("invalid \(label) date \(quoted(text)): use YYYY, YYYY-MM or YYYY-MM-DD, with a day that exists")
                        return 0
                    }
                    start = date(startColumn, "start")
                    end = date(endColumn, "end")
                    single = date(dateColumn, "")
                }
                if !hasProblem {
                    if start != 0 && end != 0 && PackedDates.upperBound(end) < PackedDates.lowerBound(start) {
                        note("the end date \(PackedDates.format(end)) is before the start date \(PackedDates.format(start))")
                    } else if single != 0 && (start != 0 || end != 0) {
                        note("give either a date or a start and end, not both")
                    } else if source == target {
                        note("an entity cannot be related to itself (\(reader.string(sourceColumn) ?? "?"))")
                    }
                }
                if !hasProblem {
                    if let roleColumn, !reader.isEmpty(roleColumn), let broken = TextRules.problem(inUTF8: reader.field(roleColumn), as: .role) {
                        note("\(broken)")
                    } else if let noteColumn, !reader.isEmpty(noteColumn),
                        let broken = TextRules.problem(inUTF8: reader.field(noteColumn), as: .note)
                    {
                        note("\(broken)")
                    }
                }
                var extra: Int32 = -1
                if !hasProblem {
                    let role = roleColumn.flatMap { reader.isEmpty($0) ? nil : reader.string($0) }
                    let note = noteColumn.flatMap { reader.isEmpty($0) ? nil : reader.string($0) }
                    if role != nil || note != nil {
                        extra = Int32(parsed.extras.count)
                        parsed.extras.append((role, note))
                    }
                }
                parsed.edges.append(.init(
                    source: source, target: target, start: start, end: end, date: single, type: hasProblem ? -1 : type,
                    line: Int32(clamping: line), extra: extra))
            }
        } catch CSVReaderError.unterminatedQuote(let line) {
            parsed.problems.add(path, line, "a quoted field is never closed")
        }
        reading.report(reader.fileSize, of: reader.fileSize)
        return parsed
    }

    /// Whether an endpoint's bytes are UTF-8 text (ASCII, the common case, is checked fast).
    private static func isText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        CSVReader.isASCII(bytes) || String(validating: bytes, as: UTF8.self) != nil
    }

    /// Resolves the endpoints of `parsed` to entities of the nodes file or the database,
    /// checks that the vocabulary allows each relation between their types, and sorts.
    static func resolve(_ parsed: ParsedEdges, table: NodeTable, vocabulary: [RelationType]) -> EdgeList {
        let path = parsed.path
        var list = EdgeList()
        list.extras = parsed.extras
        // Each key once: a node's index, a stored entity's negated id, or nil.
        let endpoints = (0..<parsed.keys.count).map { number in parsed.keys.withKey(number) { table.endpoint($0) } }
        // allowed[type][from][to], by the entity types' order in `EntityType.allCases`.
        let entityTypes = EntityType.allCases
        let allowed = vocabulary.map { type in entityTypes.map { from in entityTypes.map { to in type.allows(from: from, to: to) } } }
        var missing = ProblemList(), forbidden = ProblemList()
        list.edges.reserveCapacity(parsed.edges.count)
        for var edge in parsed.edges {
            let line = Int(edge.line)
            let source = endpoints[Int(edge.source)], target = endpoints[Int(edge.target)]
            for (number, endpoint) in [(edge.source, source), (edge.target, target)] where endpoint == nil {
                let key = parsed.keys.withKey(Int(number)) { String(decoding: $0, as: UTF8.self) }
                missing.add(path, line, "no entity \(quoted(key)) in the nodes file or the database")
            }
            guard edge.type >= 0, let source, let target else { continue }
            if !allowed[Int(edge.type)][table.entityTypeNumber(source)][table.entityTypeNumber(target)] {
                let relationType = vocabulary[Int(edge.type)]
                forbidden.add(
                    path, line,
                    PartnerGraphError.relationNotAllowed(
                        type: relationType.name, from: table.entityType(source), to: table.entityType(target),
                        sourceTypes: relationType.sourceTypes, targetTypes: relationType.targetTypes
                    ).description)
                continue
            }
            edge.source = source
            edge.target = target
            list.edges.append(edge)
        }
        // In the order of the file; within a line, missing endpoints first, then what the
        // parse found, then a relation the vocabulary forbids.
        list.problems = ProblemList.merging(missing, parsed.problems, forbidden)
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

/// A date packed as `yyyymmdd`, with `00` for a month or day not given; 0 for no date.
typealias PackedDate = UInt32

/// Reading, bounding and writing packed dates.
enum PackedDates {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` without making a string; `nil` when invalid.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> PackedDate? {
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
