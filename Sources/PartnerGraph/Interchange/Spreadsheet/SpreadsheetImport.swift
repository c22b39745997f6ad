import Foundation
import GRDB

/// Turns a spreadsheet of links, one row per relation, into an ``InterchangeDocument`` by a
/// ``SpreadsheetMapping``, against what a database already holds.
///
/// The document holds:
/// - the relation types the mapping defines that the database lacks;
/// - an entity for each name the database does not know: its key is `Slug.make(from: name)`,
///   its type, kind and language come from the mapping, its name is as first written, and its
///   aliases come from the mapping's alias columns. The same name in many rows (compared after
///   ``NameNormalizer`` folding) is one entity;
/// - one relation for each row, between the keys of its two entities; rows that state the same
///   relation twice are folded into one.
///
/// A name the database knows (as a key, or as a name or alias after folding, as the command
/// line finds entities) is referred to by its key and not created again. Nothing is written:
/// the caller imports the document, in the same transaction as the reading when the two must agree.
///
/// ```swift
/// let mapping = try SpreadsheetMapping(contentsOf: "examples/memberships.toml")
/// let document = try store.spreadsheetDocument("examples/memberships.csv", mapping: mapping)
/// ```
public struct SpreadsheetImport: Sendable {
    /// The spreadsheet, a CSV file.
    public let path: String
    /// How its columns become relations.
    public let mapping: SpreadsheetMapping

    /// An import of the spreadsheet at `path` by `mapping`; nothing is read until
    /// ``document(in:)`` is called.
    public init(path: String, mapping: SpreadsheetMapping) {
        self.path = path
        self.mapping = mapping
    }

    /// Reads the spreadsheet and builds the document, reading `db` to find the names and
    /// relation types it already holds.
    ///
    /// - Parameter db: the database, inside the caller's transaction.
    /// - Throws: ``SpreadsheetImportError`` listing every problem at its file and line (a
    ///   column the header lacks, a blank required cell, a relation value the mapping does not
    ///   name, a bad date, a name matching two entities or one of another type, …);
    ///   ``PartnerGraphError/fileNotReadable(path:reason:)``; a database error.
    public func document(in db: Database) throws -> InterchangeDocument {
        var builder = SpreadsheetDocumentBuilder(path: path, mapping: mapping)
        return try builder.build(in: db)
    }
}

extension PartnerGraphStore {
    /// The interchange document a spreadsheet makes against this store (see ``SpreadsheetImport``);
    /// nothing is written.
    ///
    /// To import it, pass it to ``upsert(_:file:options:)``; to make it and import it in one
    /// transaction, build it inside ``upsert(file:options:progress:build:)`` with
    /// ``SpreadsheetImport/document(in:)``.
    ///
    /// - Parameters:
    ///   - path: The spreadsheet, a CSV file.
    ///   - mapping: How its columns become relations.
    /// - Throws: ``SpreadsheetImportError`` listing every problem, or ``PartnerGraphError/fileNotReadable(path:reason:)``.
    public func spreadsheetDocument(_ path: String, mapping: SpreadsheetMapping) throws -> InterchangeDocument {
        try read { db in try SpreadsheetImport(path: path, mapping: mapping).document(in: db) }
    }
}

/// The work of ``SpreadsheetImport/document(in:)``: one pass over the file, then the names
/// looked up once each.
struct SpreadsheetDocumentBuilder {
    let path: String
    let mapping: SpreadsheetMapping
    private var problems: [SpreadsheetImportError.Problem] = []

    /// A name of one end of the relations: its entity type and its folded form.
    struct NameKey: Hashable {
        var type: EntityType
        var normalized: String
    }

    /// What the file says of a name: as first written, where, and its aliases.
    struct Name {
        var spelling: String
        var line: Int
        /// `source` or `target`: the end it was first read at.
        var end: String
        var kind: String?
        var language: String?
        var aliases: [Alias] = []
        var aliasKeys: Set<String> = []
    }

    /// One row that had no problem of its own.
    struct Row {
        var line: Int
        var source: NameKey
        var target: NameKey
        var type: String
        var role: String?
        var start: PartialDate?
        var end: PartialDate?
        var date: PartialDate?
        var note: String?
    }

    private var names: [NameKey: Name] = [:]
    private var nameOrder: [NameKey] = []
    private var rows: [Row] = []
    /// The vocabulary: the database's and the mapping's.
    private var vocabulary: [String: RelationType] = [:]
    /// Relation types already found wanting, by name: rows of such a type are skipped without
    /// a message of their own (the mapping's problem says it once).
    private var refusedTypes: Set<String> = []

    init(path: String, mapping: SpreadsheetMapping) {
        self.path = path
        self.mapping = mapping
    }

    private mutating func problem(_ line: Int?, _ message: String) {
        problems.append(.init(file: path, line: line, message: message))
    }

    private mutating func mappingProblem(_ message: String) {
        problems.append(.init(file: mapping.origin, line: nil, message: message))
    }

    mutating func build(in db: Database) throws -> InterchangeDocument {
        var document = InterchangeDocument()
        document.relationTypes = try readVocabulary(db)
        try readFile()
        let keys = try resolveNames(db)
        document.entities = newEntities(keys)
        document.relations = relations(keys)
        if !problems.isEmpty {
            // Problems of the mapping first, then the file's in line order.
            let sorted = problems.enumerated().sorted { a, b in
                (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset)
            }.map(\.element)
            throw SpreadsheetImportError(file: path, problems: sorted)
        }
        return document
    }

    // MARK: - Vocabulary

    /// Reads the database's vocabulary, adds the mapping's, and checks every type the mapping
    /// names; returns the mapping's types the database lacks.
    private mutating func readVocabulary(_ db: Database) throws -> [RelationTypeRecord] {
        for type in try RelationType.fetchAll(db, sql: "SELECT * FROM relation_type") {
            vocabulary[type.name] = type
        }
        var added: [RelationTypeRecord] = []
        for record in mapping.relationTypes {
            if let stored = vocabulary[record.name] {
                if Set(stored.sourceTypes) != Set(record.sourceTypes) || Set(stored.targetTypes) != Set(record.targetTypes)
                    || stored.symmetric != record.symmetric
                {
                    mappingProblem(
                        "[relation_types.\(record.name)] differs from the database's \(record.name) (from \(typeList(stored.sourceTypes)) to \(typeList(stored.targetTypes))\(stored.symmetric ? ", symmetric" : "")); remove it from the mapping to use the database's, or give the new type another name")
                    refusedTypes.insert(record.name)
                }
                continue
            }
            added.append(record)
            vocabulary[record.name] = RelationType(
                name: record.name, forwardPhrase: record.forward, inversePhrase: record.inverse, sourceTypes: record.sourceTypes,
                targetTypes: record.targetTypes, symmetric: record.symmetric, description: record.description)
        }
        switch mapping.relation {
        case let .fixed(type):
            if let message = check(type) {
                mappingProblem("relation.type: \(message)")
                refusedTypes.insert(type)
            }
        case let .column(_, values):
            for (value, type) in values.sorted(by: { $0.key < $1.key }) where !refusedTypes.contains(type) {
                if let message = check(type) {
                    mappingProblem("relation.values.\(quoted(value)) = \(quoted(type)): \(message)")
                    refusedTypes.insert(type)
                }
            }
        }
        return added.sorted { $0.name < $1.name }
    }

    private func typeList(_ types: [EntityType]) -> String {
        types.map(\.rawValue).joined(separator: " or ")
    }

    /// Why `type` cannot join the mapping's two ends, or `nil` when it can.
    private func check(_ type: String) -> String? {
        guard let relationType = vocabulary[type] else {
            return "the database has no relation type \(quoted(type)); define it in the mapping under [relation_types.\(type)] "
                + "(forward, inverse, source_types, target_types), or use one of: "
                + vocabulary.keys.sorted().joined(separator: ", ")
        }
        let from = mapping.source.type, to = mapping.target.type
        if !relationType.allows(from: from, to: to) {
            return "a \(type) relation goes from \(relationType.sourceTypes.map(\.withArticle).joined(separator: " or ")) to "
                + relationType.targetTypes.map(\.withArticle).joined(separator: " or ")
                + ", but the mapping's source.type is \(from.rawValue) and its target.type \(to.rawValue); correct the types or the relation"
        }
        return nil
    }

    // MARK: - Reading the file

    /// The columns the mapping reads, by index in the header.
    private struct Columns {
        var source = 0, target = 0
        var relation: Int?
        var role: Int?, start: Int?, end: Int?, date: Int?, note: Int?
        var sourceAliases: [(language: String, index: Int)] = []
        var targetAliases: [(language: String, index: Int)] = []
        /// The header's names, as written, by index.
        var header: [String] = []
    }

    /// Finds the mapping's columns in the header; `nil` (with problems) when one is missing.
    private mutating func readHeader(_ reader: inout CSVReader) throws -> Columns? {
        guard try reader.next() else {
            problem(1, "the file is empty; it needs a header line naming its columns, such as " + mapping.namedColumns.map(\.column).joined(separator: ","))
            return nil
        }
        var columns = Columns()
        var byName: [String: [Int]] = [:]
        for index in 0..<reader.fieldCount {
            var name = (reader.string(index) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if name.hasPrefix("\u{FEFF}") { name.removeFirst() }
            columns.header.append(name)
            byName[name.lowercased(), default: []].append(index)
        }
        var found: [String: Int] = [:]
        for (key, column) in mapping.namedColumns {
            let indices = byName[column.trimmingCharacters(in: .whitespaces).lowercased()] ?? []
            if indices.isEmpty {
                problem(
                    1,
                    "\(key) names the column \(quoted(column)), which the header lacks; the header has: "
                        + columns.header.map { quoted($0) }.joined(separator: ", ") + "; correct \(key) in the mapping or the header")
            } else if indices.count > 1 {
                problem(
                    1,
                    "the header has \(indices.count) columns named \(quoted(column)) (columns \(indices.map { String($0 + 1) }.joined(separator: ", "))); rename all but one, so that \(key) names one column")
            } else {
                found[key] = indices[0]
            }
        }
        guard found.count == mapping.namedColumns.count else { return nil }
        columns.source = found["source.column"]!
        columns.target = found["target.column"]!
        columns.relation = found["relation.column"]
        columns.role = found["columns.role"]
        columns.start = found["columns.start"]
        columns.end = found["columns.end"]
        columns.date = found["columns.date"]
        columns.note = found["columns.note"]
        columns.sourceAliases = mapping.source.aliasColumns.keys.sorted().map { ($0, found["source.alias_columns.\($0)"]!) }
        columns.targetAliases = mapping.target.aliasColumns.keys.sorted().map { ($0, found["target.alias_columns.\($0)"]!) }
        return columns
    }

    private mutating func readFile() throws {
        var reader = try CSVReader(path: path, delimiter: mapping.delimiter.byte)
        defer { reader.close() }
        do {
            guard let columns = try readHeader(&reader) else { return }
            // A relation column without values holds type names: each checked once.
            var checkedNames: [String: String?] = [:]
            while try reader.next() {
                let line = reader.line
                // A row short of cells, as spreadsheets save rows whose last cells are empty,
                // has blanks there.
                var cells: [String?] = []
                var notUTF8 = false
                func cell(_ index: Int?) -> String? {
                    guard let index, index < reader.fieldCount else { return nil }
                    guard let text = reader.string(index) else {
                        notUTF8 = true
                        return nil
                    }
                    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if trimmed.isEmpty { return nil }
                    return trimmed.contains("\r\n") ? trimmed.replacingOccurrences(of: "\r\n", with: "\n") : trimmed
                }
                let sourceName = cell(columns.source), targetName = cell(columns.target)
                let relationValue = cell(columns.relation)
                let role = cell(columns.role), note = cell(columns.note)
                let dateTexts = [("start", columns.start), ("end", columns.end), ("date", columns.date)].map { ($0.0, $0.1, cell($0.1)) }
                let sourceAliases = columns.sourceAliases.map { ($0.language, cell($0.index)) }
                let targetAliases = columns.targetAliases.map { ($0.language, cell($0.index)) }
                cells = [sourceName, targetName, relationValue, role, note]
                if notUTF8 {
                    problem(line, "the row is not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)")
                    continue
                }
                if cells.contains(where: { $0?.utf8.contains(0) == true }) {
                    problem(line, "the row contains a NUL character (\\0), which PartnerGraph cannot store; remove it")
                    continue
                }
                var valid = true
                func required(_ value: String?, _ index: Int, what: String) {
                    if value == nil {
                        problem(line, "the \(columns.header[index]) cell is blank; every row needs its \(what)")
                        valid = false
                    }
                }
                required(sourceName, columns.source, what: "source (source.column)")
                required(targetName, columns.target, what: "target (target.column)")

                // The relation type.
                var type = ""
                switch mapping.relation {
                case let .fixed(name):
                    type = name
                case let .column(_, values):
                    let index = columns.relation!
                    required(relationValue, index, what: "relation (relation.column)")
                    guard let value = relationValue else { break }
                    if let name = mapping.relationType(forValue: value) {
                        type = name
                        if values.isEmpty {
                            if checkedNames[name] == nil { checkedNames[name] = .some(check(name)) }
                            if let message = checkedNames[name]!, !refusedTypes.contains(name) {
                                problem(line, "the \(columns.header[index]) cell: \(message)")
                                valid = false
                            }
                        }
                    } else if values.isEmpty {
                        problem(
                            line,
                            "the \(columns.header[index]) cell \(quoted(value)) is not a relation type name; write one such as member_of, or map the column's values under [relation.values] in \(mapping.origin)")
                        valid = false
                    } else {
                        problem(
                            line,
                            "unknown \(columns.header[index]) \(quoted(value)); add it under [relation.values] in \(mapping.origin), e.g. \(quoted(value)) = \"member_of\" (known: \(values.keys.sorted().map { quoted($0) }.joined(separator: ", ")))")
                        valid = false
                    }
                }
                if refusedTypes.contains(type) { valid = false }

                // The dates.
                var dates: [String: PartialDate] = [:]
                for (which, index, text) in dateTexts {
                    guard let text, let index else { continue }
                    do {
                        dates[which] = try PartialDate(text)
                    } catch {
                        problem(line, "the \(columns.header[index]) cell: \(error)")
                        valid = false
                    }
                }
                do {
                    try validateDates(date: dates["date"], start: dates["start"], end: dates["end"])
                } catch PartnerGraphError.conflictingDates {
                    problem(line, "the row gives a date (columns.date) and a period (columns.start, columns.end); leave one blank")
                    valid = false
                } catch {
                    problem(line, "\(error)")
                    valid = false
                }

                let source = sourceName.map { register($0, end: "source", line: line, aliases: sourceAliases) }
                let target = targetName.map { register($0, end: "target", line: line, aliases: targetAliases) }
                guard valid, let source, let target else { continue }
                rows.append(
                    Row(
                        line: line, source: source, target: target, type: type, role: role, start: dates["start"], end: dates["end"],
                        date: dates["date"], note: note))
            }
        } catch CSVReaderError.unterminatedQuote(let line) {
            problem(line, "a quoted cell is never closed: add the closing quote, or remove the opening one")
        }
    }

    /// Records a name read at one end of a row, with its aliases; the key it goes by.
    private mutating func register(_ spelling: String, end: String, line: Int, aliases: [(String, String?)]) -> NameKey {
        let settings = end == "source" ? mapping.source : mapping.target
        let key = NameKey(type: settings.type, normalized: NameNormalizer.normalize(spelling))
        if names[key] == nil {
            names[key] = Name(spelling: spelling, line: line, end: end, kind: settings.kind, language: settings.language)
            nameOrder.append(key)
        }
        for case let (language, alias?) in aliases {
            let folded = NameNormalizer.normalize(alias)
            guard folded != key.normalized, !names[key]!.aliasKeys.contains(folded) else { continue }
            names[key]!.aliasKeys.insert(folded)
            names[key]!.aliases.append(Alias(name: alias, language: language))
        }
        return key
    }

    // MARK: - Names

    /// The key of each name: the database's entity's, or the one a new entity gets.
    private mutating func resolveNames(_ db: Database) throws -> [NameKey: (key: String, isNew: Bool)] {
        var result: [NameKey: (key: String, isNew: Bool)] = [:]
        var newKeys: [String: NameKey] = [:]
        for nameKey in nameOrder {
            let name = names[nameKey]!
            let matches = try EntityResolver.matches(name.spelling, in: db)
            if matches.count > 1 {
                problem(
                    name.line,
                    "\(quoted(name.spelling)) matches \(matches.count) entities in the database: "
                        + matches.map { "\($0.key) (the \($0.type.rawValue) \(quoted($0.name)))" }.joined(separator: ", ")
                        + "; write the key of the one you mean in the \(name.end) cell")
                continue
            }
            if let entity = matches.first {
                if entity.type != nameKey.type {
                    problem(
                        name.line,
                        "\(quoted(name.spelling)) is the \(entity.type.rawValue) \(entity.key) in the database, not \(nameKey.type.withArticle) as \(name.end).type says; correct \(name.end).type in the mapping, or name another entity")
                    continue
                }
                result[nameKey] = (entity.key, false)
                continue
            }
            let key = Slug.make(from: name.spelling)
            if key.isEmpty || (try? validateKey(key)) == nil {
                problem(name.line, "\(quoted(name.spelling)) gives no usable key (\(quoted(key))); write a name with letters or digits")
                continue
            }
            if let other = newKeys[key] {
                let first = names[other]!
                let sameName = other.normalized == nameKey.normalized
                problem(
                    name.line,
                    sameName
                        ? "\(quoted(name.spelling)) is \(nameKey.type.withArticle) here but \(other.type.withArticle) on line \(first.line); one name cannot be both, so correct source.type or target.type in the mapping"
                        : "\(quoted(name.spelling)) and \(quoted(first.spelling)) (line \(first.line)) would both get the key \(key); write them the same way if they are one entity, or tell them apart")
                continue
            }
            if let holder = try Entity.fetchOne(db.cachedStatement(sql: "SELECT * FROM entity WHERE key = ?"), arguments: [key]) {
                problem(
                    name.line,
                    "\(quoted(name.spelling)) would get the key \(key), which the database gives to the \(holder.type.rawValue) \(quoted(holder.name)); write \(key) in the cell if you mean that entity (and add the name as its alias), or name it otherwise")
                continue
            }
            newKeys[key] = nameKey
            result[nameKey] = (key, true)
        }
        return result
    }

    private func newEntities(_ keys: [NameKey: (key: String, isNew: Bool)]) -> [EntityRecord] {
        var entities: [EntityRecord] = []
        for nameKey in nameOrder {
            guard let resolved = keys[nameKey], resolved.isNew else { continue }
            let name = names[nameKey]!
            entities.append(
                EntityRecord(
                    key: resolved.key, type: nameKey.type, name: name.spelling, nameLanguage: name.language, kind: name.kind, date: nil,
                    start: nil, end: nil, note: nil, aliases: name.aliases, attributes: [:], citations: [], createdAt: nil, updatedAt: nil))
        }
        return entities.sorted { $0.key < $1.key }
    }

    // MARK: - Relations

    /// One relation a row, rows stating the same relation folded into the first.
    private mutating func relations(_ keys: [NameKey: (key: String, isNew: Bool)]) -> [RelationRecord] {
        var relations: [RelationRecord] = []
        var lines: [Int] = []
        var seen: [[String]: Int] = [:]
        for row in rows {
            guard let source = keys[row.source]?.key, let target = keys[row.target]?.key else { continue }
            if source == target {
                problem(row.line, "the source and the target are the same entity (\(source)); a relation joins two entities")
                continue
            }
            let relation = RelationRecord(
                source: source, type: row.type, target: target, role: row.role, start: row.start, end: row.end, date: row.date,
                note: row.note, citations: [], createdAt: nil, updatedAt: nil)
            var swapped = relation
            swap(&swapped.source, &swapped.target)
            // A symmetric relation stated from either end is one relation.
            let earlier = seen[relation.identity] ?? (vocabulary[row.type]?.symmetric == true ? seen[swapped.identity] : nil)
            guard let earlier else {
                seen[relation.identity] = relations.count
                relations.append(relation)
                lines.append(row.line)
                continue
            }
            for (what, mine, theirs) in [("end", relation.end?.description, relations[earlier].end?.description), ("note", relation.note, relations[earlier].note)] {
                if let mine, let theirs, mine != theirs {
                    problem(
                        row.line,
                        "states the relation of line \(lines[earlier]) again (\(source) \(row.type) \(target)) with another \(what) (\(quoted(mine)), not \(quoted(theirs))); keep one row")
                }
            }
            if relations[earlier].end == nil { relations[earlier].end = relation.end }
            if relations[earlier].note == nil { relations[earlier].note = relation.note }
        }
        return relations.sorted { $0.identity.lexicographicallyPrecedes($1.identity) }
    }
}
