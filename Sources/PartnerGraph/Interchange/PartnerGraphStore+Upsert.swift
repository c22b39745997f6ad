import Foundation
import GRDB

/// How ``PartnerGraphStore/upsert(file:options:progress:build:)`` writes.
public struct UpsertOptions: Sendable, Equatable {
    /// Work everything out and report it, then write nothing.
    public var dryRun: Bool
    /// The key of a source every imported entity and relation cites.
    public var citing: String?

    /// The options; by default an import writes and cites nothing more than its document does.
    public init(dryRun: Bool = false, citing: String? = nil) {
        self.dryRun = dryRun
        self.citing = citing
    }
}

/// What an import added, changed and left alone, by kind, with the first changes in words.
public struct UpsertReport: Codable, Equatable, Sendable {
    /// Whether nothing was written: the counts say what the import would do.
    public var dryRun = false
    /// Relation types added to the vocabulary.
    public var relationTypesAdded = 0
    /// Entities created.
    public var entitiesAdded = 0
    /// Entities matched by key with a field, alias, attribute or citation added or changed.
    public var entitiesChanged = 0
    /// Entities matched by key that the document left as they were.
    public var entitiesUnchanged = 0
    /// Relations created.
    public var relationsAdded = 0
    /// Relations matched by identity whose end date, note or citations changed.
    public var relationsChanged = 0
    /// Relations matched by identity that the document left as they were.
    public var relationsUnchanged = 0
    /// Citations added, to entities and relations.
    public var citationsAdded = 0
    /// The first ``UpsertReport/listedChanges`` additions and changes, one line each:
    /// `+ entity azerbaijan (organization) "Azerbaijan"`, `~ entity icesco: kind igo → state`.
    public var changes: [String] = []
    /// How many additions and changes there were in all.
    public var changeCount = 0

    /// How many changes are listed in words.
    public static let listedChanges = 200

    /// Whether the import changed nothing.
    public var isEmpty: Bool { changeCount == 0 }

    mutating func record(_ change: String) {
        changeCount += 1
        if changes.count < Self.listedChanges { changes.append(change) }
    }

    enum CodingKeys: String, CodingKey {
        case dryRun = "dry_run"
        case relationTypesAdded = "relation_types_added"
        case entitiesAdded = "entities_added"
        case entitiesChanged = "entities_changed"
        case entitiesUnchanged = "entities_unchanged"
        case relationsAdded = "relations_added"
        case relationsChanged = "relations_changed"
        case relationsUnchanged = "relations_unchanged"
        case citationsAdded = "citations_added"
        case changes
        case changeCount = "change_count"
    }
}

extension PartnerGraphStore {
    /// Makes the document an import merges, inside its write transaction.
    public typealias DocumentBuilder = (Database) throws -> InterchangeDocument

    /// Merges a document into the graph, keyed on entity keys and relation identity: what is new
    /// is added, what differs is changed, what is the same is left alone, so importing the same
    /// file twice changes nothing the second time.
    ///
    /// Unlike ``importJSON(_:file:dryRun:)``, which makes stored entities equal to the file's, a field
    /// the document leaves out (`nil`) keeps its stored value: a spreadsheet that names only a
    /// country does not erase what the graph knows about it. Aliases, attributes and citations
    /// are added to those stored. A relation matches a stored one with the same ends, type, role,
    /// start and date; its end date and note are updated when the document gives them.
    ///
    /// The document is built by `build` inside the import's write transaction, so that what it
    /// looks up in the database is what the import writes against. Every reference is checked
    /// before anything is written, and any problem writes nothing.
    ///
    /// - Parameters:
    ///   - file: The name of the imported file, for messages.
    ///   - options: Dry run, and a source to cite.
    ///   - progress: Called now and then with the entities and relations written so far, and their total.
    ///   - build: Makes the document; it may read the database.
    /// - Throws: ``ImportError/invalidDocument(file:problems:)`` and `build`'s errors.
    @discardableResult
    public func upsert(
        file: String, options: UpsertOptions = UpsertOptions(), progress: ((Int, Int) -> Void)? = nil,
        build: DocumentBuilder
    ) throws -> UpsertReport {
        do {
            return try writer.writeWithoutTransaction { db in
                var report = UpsertReport()
                try db.inTransaction(.immediate) {
                    let change = try ChangeLog.begin(db, author: author)
                    let document = try build(db)
                    var problems = Self.textProblems(document) + (try Self.checkReferences(document, in: db))
                    var citing: CitationRef?
                    if let key = options.citing {
                        if try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [key]) == nil {
                            let known = try String.fetchAll(db, sql: "SELECT key FROM source ORDER BY key LIMIT 10")
                            problems.append(.init(path: "--source", message: PartnerGraphError.sourceNotFound(key, known: known).description))
                        }
                        citing = CitationRef(source: key)
                    }
                    if !problems.isEmpty { throw ImportError.invalidDocument(file: file, problems: Self.folded(problems)) }
                    var upsert = Upsert(db: db, citing: citing, progress: progress)
                    try upsert.apply(document)
                    report = upsert.report
                    report.dryRun = options.dryRun
                    try ChangeLog.end(db, change: change)
                    return options.dryRun ? .rollback : .commit
                }
                return report
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// The names, aliases, roles and notes of a document that break ``TextRules``, each placed by
    /// the entity's key or the relation's ends, so that every one is reported before anything is written.
    static func textProblems(_ document: InterchangeDocument) -> [ImportError.Problem] {
        var problems: [ImportError.Problem] = []
        func check(_ text: String?, _ field: TextRules.Field, at place: String) {
            if let text, let broken = TextRules.problem(in: text, as: field) {
                problems.append(.init(path: place, message: broken.description))
            }
        }
        for record in document.entities {
            let place = "entity \(record.key)"
            check(record.name, .name, at: place)
            for alias in record.aliases { check(alias.name, .alias, at: place) }
            check(record.note, .note, at: place)
        }
        for record in document.relations {
            let place = "relation \(record.source) \(record.type) \(record.target)"
            check(record.role, .role, at: place)
            check(record.note, .note, at: place)
        }
        return problems
    }

    /// The same message at many places (a source every fact cites, missing) once, with the
    /// number of other places.
    static func folded(_ problems: [ImportError.Problem]) -> [ImportError.Problem] {
        var order: [String] = []
        var groups: [String: [ImportError.Problem]] = [:]
        for problem in problems {
            if groups[problem.message] == nil { order.append(problem.message) }
            groups[problem.message, default: []].append(problem)
        }
        return order.map { message in
            let group = groups[message]!
            guard group.count > 1 else { return group[0] }
            return ImportError.Problem(path: group[0].path, message: message + " (and at \(group.count - 1) more places)")
        }
    }

    /// Merges a document that needs nothing from the database to be built.
    ///
    /// See ``upsert(file:options:progress:build:)`` for how the document is merged.
    ///
    /// - Parameters:
    ///   - document: The entities, relations, sources and relation types to merge.
    ///   - file: The name of the imported file, for messages.
    ///   - options: Dry run, and a source to cite.
    /// - Throws: ``ImportError/invalidDocument(file:problems:)``.
    @discardableResult
    public func upsert(_ document: InterchangeDocument, file: String, options: UpsertOptions = UpsertOptions()) throws -> UpsertReport {
        try upsert(file: file, options: options) { _ in document }
    }
}

/// One upsert, inside its transaction.
private struct Upsert {
    let db: Database
    let citing: CitationRef?
    var report = UpsertReport()
    let now = Timestamp.now()
    let progress: ((Int, Int) -> Void)?

    init(db: Database, citing: CitationRef?, progress: ((Int, Int) -> Void)?) {
        self.db = db
        self.citing = citing
        self.progress = progress
    }

    mutating func apply(_ document: InterchangeDocument) throws {
        for record in document.relationTypes where try RelationType.fetchOne(db, key: record.name) == nil {
            try PartnerGraphStore.insertRelationType(record.relationType, in: db)
            report.relationTypesAdded += 1
            report.record("+ relation type \(record.name) (\(record.forward))")
        }
        for record in document.sources where try Source.filter(Source.Columns.key == record.key).fetchOne(db) == nil {
            var source = Source(
                key: record.key, title: record.title, publisher: record.publisher, url: record.url, published: record.published,
                language: record.language, text: record.text, createdAt: now, updatedAt: now)
            try source.insert(db)
            report.record("+ source \(record.key)")
        }
        let total = document.entities.count + document.relations.count
        var done = 0
        func advance() {
            done += 1
            if done % 1000 == 0 || done == total { progress?(done, total) }
        }
        var entities: [String: Entity] = [:]
        for record in document.entities {
            entities[record.key] = try upsert(record)
            advance()
        }
        var symmetric: [String: Bool] = [:]
        for type in try RelationType.fetchAll(db) { symmetric[type.name] = type.symmetric }
        for record in document.relations {
            let from = try entities[record.source] ?? Entity.filter(Entity.Columns.key == record.source).fetchOne(db)!
            let to = try entities[record.target] ?? Entity.filter(Entity.Columns.key == record.target).fetchOne(db)!
            try upsert(record, from: from, to: to, symmetric: symmetric[record.type] ?? false)
            advance()
        }
    }

    private mutating func upsert(_ record: EntityRecord) throws -> Entity {
        try Self.check(record)
        guard var entity = try Entity.filter(Entity.Columns.key == record.key).fetchOne(db) else {
            var entity = Entity(
                key: record.key, type: record.type, name: record.name, nameLanguage: record.nameLanguage, kind: record.kind,
                date: record.date, startDate: record.start, endDate: record.end, note: record.note, createdAt: now)
            try entity.insert(db)
            try PartnerGraphStore.insertAliases(record.aliases, for: entity.id!, in: db)
            try PartnerGraphStore.setAttributes(record.attributes, for: entity.id!, in: db)
            _ = try cite(record.citations, entityId: entity.id!, relationId: nil)
            report.entitiesAdded += 1
            report.record("+ entity \(record.key) (\(record.type.rawValue)) \(quoted(record.name))")
            return entity
        }
        var changes: [String] = []
        func update<T: Equatable & CustomStringConvertible>(_ label: String, _ stored: inout T?, _ given: T?) {
            guard let given, given != stored else { return }
            changes.append("\(label) \(stored.map { quoted($0.description) } ?? "none") → \(quoted(given.description))")
            stored = given
        }
        if record.name != entity.name {
            changes.append("name \(quoted(entity.name)) → \(quoted(record.name))")
            entity.name = record.name
        }
        update("name language", &entity.nameLanguage, record.nameLanguage)
        update("kind", &entity.kind, record.kind)
        update("date", &entity.date, record.date)
        update("start", &entity.startDate, record.start)
        update("end", &entity.endDate, record.end)
        update("note", &entity.note, record.note)
        if !changes.isEmpty {
            try validateDates(date: entity.date, start: entity.startDate, end: entity.endDate)
            entity.updatedAt = now
            try entity.update(db)
        }
        let id = entity.id!
        let storedAliases = Set(try String.fetchAll(db, sql: "SELECT name FROM alias WHERE entity_id = ?", arguments: [id]))
        let newAliases = record.aliases.filter { !storedAliases.contains($0.name) && $0.name != entity.name }
        if !newAliases.isEmpty {
            try PartnerGraphStore.insertAliases(newAliases, for: id, in: db)
            changes.append("aliases + " + newAliases.map { quoted($0.name) }.joined(separator: ", "))
        }
        var storedAttributes: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM attribute WHERE entity_id = ?", arguments: [id]) {
            storedAttributes[row[0]] = row[1] as String
        }
        let changedAttributes = record.attributes.filter { storedAttributes[$0.key] != $0.value }
        if !changedAttributes.isEmpty {
            try PartnerGraphStore.setAttributes(changedAttributes, for: id, in: db)
            changes.append("attributes " + changedAttributes.keys.sorted().joined(separator: ", "))
        }
        if try cite(record.citations, entityId: id, relationId: nil) > 0 { changes.append("citations") }
        if changes.isEmpty {
            report.entitiesUnchanged += 1
        } else {
            report.entitiesChanged += 1
            report.record("~ entity \(record.key): " + changes.joined(separator: "; "))
        }
        return entity
    }

    private mutating func upsert(_ record: RelationRecord, from: Entity, to: Entity, symmetric: Bool) throws {
        var relation = Relation(
            sourceId: from.id!, type: record.type, targetId: to.id!, role: record.role, startDate: record.start,
            endDate: record.end, date: record.date, note: record.note, createdAt: now, updatedAt: now)
        try validateText([record.role, record.note], field: "role or note")
        try TextRules.check(record.role, as: .role)
        try TextRules.check(record.note, as: .note)
        let described = "\(record.source) \(record.type) \(record.target)" + (record.role.map { " as \(quoted($0))" } ?? "")
        guard var existing = try PartnerGraphStore.existingRelation(like: relation, symmetric: symmetric, in: db) else {
            try PartnerGraphStore.insertRelation(&relation, from: from, to: to, in: db)
            _ = try cite(record.citations, entityId: nil, relationId: relation.id)
            report.relationsAdded += 1
            report.record("+ relation " + described)
            return
        }
        var changes: [String] = []
        if let end = record.end, end != existing.endDate {
            changes.append("end \(existing.endDate?.description ?? "none") → \(end)")
            existing.endDate = end
        }
        if let note = record.note, note != existing.note {
            changes.append("note")
            existing.note = note
        }
        if !changes.isEmpty {
            try validateDates(date: existing.date, start: existing.startDate, end: existing.endDate)
            existing.updatedAt = now
            try existing.update(db)
        }
        if try cite(record.citations, entityId: nil, relationId: existing.id) > 0 { changes.append("citations") }
        if changes.isEmpty {
            report.relationsUnchanged += 1
        } else {
            report.relationsChanged += 1
            report.record("~ relation \(described): " + changes.joined(separator: "; "))
        }
    }

    /// Refuses what `add` refuses: a bad key, a name or alias that breaks ``TextRules``, NUL characters.
    private static func check(_ record: EntityRecord) throws {
        try validateKey(record.key)
        try validateText([record.name] + record.aliases.map(\.name), field: "name or alias")
        try TextRules.check(record.name, as: .name)
        for alias in record.aliases { try TextRules.check(alias.name, as: .alias) }
        try TextRules.check(record.note, as: .note)
        try validateText([record.kind, record.note, record.nameLanguage], field: "kind, language or note")
        try validateText(Array(record.attributes.keys) + Array(record.attributes.values), field: "attribute")
        try validateDates(date: record.date, start: record.start, end: record.end)
    }

    /// Adds the citations not stored yet, and the import's own source; returns how many were added.
    private mutating func cite(_ citations: [CitationRef], entityId: Int64?, relationId: Int64?) throws -> Int {
        // Counted, not taken from SQLite's change counter, which also counts the history's rows.
        let count = "SELECT count(*) FROM citation WHERE entity_id IS ? AND relation_id IS ?"
        let before = try Int.fetchOne(db, sql: count, arguments: [entityId, relationId]) ?? 0
        try PartnerGraphStore.cite(citations + (citing.map { [$0] } ?? []), entityId: entityId, relationId: relationId, in: db)
        let added = (try Int.fetchOne(db, sql: count, arguments: [entityId, relationId]) ?? 0) - before
        report.citationsAdded += added
        return added
    }
}
