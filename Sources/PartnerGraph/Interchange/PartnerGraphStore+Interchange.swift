import Foundation
import GRDB

/// What an import did, counted by kind.
public struct ImportReport: Codable, Equatable, Sendable {
    /// Relation types added to the vocabulary; those already there are kept as they are.
    public var relationTypesAdded = 0
    /// Sources created.
    public var sourcesAdded = 0
    /// Sources matched by key and set to the file's values.
    public var sourcesUpdated = 0
    /// Entities created.
    public var entitiesAdded = 0
    /// Entities matched by key and set to the file's values.
    public var entitiesUpdated = 0
    /// Relations created.
    public var relationsAdded = 0
    /// Relations matched by their identity (ends, type, role, start, date) and set to the file's values.
    public var relationsUpdated = 0

    enum CodingKeys: String, CodingKey {
        case relationTypesAdded = "relation_types_added"
        case sourcesAdded = "sources_added"
        case sourcesUpdated = "sources_updated"
        case entitiesAdded = "entities_added"
        case entitiesUpdated = "entities_updated"
        case relationsAdded = "relations_added"
        case relationsUpdated = "relations_updated"
    }
}

extension InterchangeDocument {
    /// The document as canonical JSON: pretty-printed, keys sorted, ending in a newline.
    ///
    /// - Throws: An `EncodingError`, which a document of valid values does not raise.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}

extension PartnerGraphStore {
    /// The whole graph as an interchange document, in canonical order.
    ///
    /// ```swift
    /// try store.exportDocument().jsonData().write(to: URL(fileURLWithPath: "graph.json"))
    /// ```
    ///
    /// Read in one transaction: a consistent snapshot, even while other processes write.
    ///
    /// - Throws: GRDB's `DatabaseError` when SQLite fails.
    public func exportDocument() throws -> InterchangeDocument {
        try read { db in
            var document = InterchangeDocument()
            document.relationTypes = try RelationType.fetchAll(db, sql: "SELECT * FROM relation_type WHERE builtin = 0 ORDER BY name")
                .map {
                    RelationTypeRecord(
                        name: $0.name, forward: $0.forwardPhrase, inverse: $0.inversePhrase, sourceTypes: $0.sourceTypes,
                        targetTypes: $0.targetTypes, symmetric: $0.symmetric, description: $0.description)
                }
            document.sources = try Source.order(Source.Columns.key).fetchAll(db).map {
                SourceRecord(
                    key: $0.key, title: $0.title, publisher: $0.publisher, url: $0.url, published: $0.published,
                    language: $0.language, text: $0.text, createdAt: $0.createdAt, updatedAt: $0.updatedAt)
            }
            let citations = try Self.citationRefs(in: db)
            let aliases = try Self.aliasesByEntity(in: db)
            var attributes: [Int64: [String: String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT entity_id, key, value FROM attribute") {
                attributes[row["entity_id"], default: [:]][row["key"]] = row["value"] as String
            }
            let entities = try Entity.order(Entity.Columns.key).fetchAll(db)
            var keys: [Int64: String] = [:]
            for entity in entities { keys[entity.id!] = entity.key }
            document.entities = entities.map {
                EntityRecord(
                    key: $0.key, type: $0.type, name: $0.name, nameLanguage: $0.nameLanguage, kind: $0.kind, date: $0.date,
                    start: $0.startDate, end: $0.endDate, note: $0.note, aliases: aliases[$0.id!] ?? [],
                    attributes: attributes[$0.id!] ?? [:], citations: citations.entities[$0.id!] ?? [],
                    createdAt: $0.createdAt, updatedAt: $0.updatedAt)
            }
            document.relations = try Relation.fetchAll(db).map {
                RelationRecord(
                    source: keys[$0.sourceId]!, type: $0.type, target: keys[$0.targetId]!, role: $0.role, start: $0.startDate,
                    end: $0.endDate, date: $0.date, note: $0.note, citations: citations.relations[$0.id!] ?? [],
                    createdAt: $0.createdAt, updatedAt: $0.updatedAt)
            }
            .sorted { $0.identity.lexicographicallyPrecedes($1.identity) }
            return document
        }
    }

    /// Imports an interchange document from JSON.
    ///
    /// The whole file is checked first and every problem reported with its JSON path; a file
    /// with any problem writes nothing. Entities and sources are matched by key and updated to
    /// the file's values; relations are matched by their identity (ends, type, role, start,
    /// date), so importing the same file twice adds nothing the second time.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - file: The name to use in messages.
    ///   - dryRun: Check and count everything, then roll back: nothing is written.
    /// - Throws: ``ImportError``.
    @discardableResult
    public func importJSON(_ data: Data, file: String, dryRun: Bool = false) throws -> ImportReport {
        let document = try Self.readDocument(data, file: file, reader: writer)
        do {
            return try writer.writeWithoutTransaction { db in
                var report = ImportReport()
                try db.inTransaction(.immediate) {
                    let problems = try Self.checkReferences(document, in: db)
                    if !problems.isEmpty { throw ImportError.invalidDocument(file: file, problems: problems) }
                    report = try recordingChange(db) { db in try Self.apply(document, in: db) }
                    return dryRun ? .rollback : .commit
                }
                return report
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// Reads an interchange document from a file's bytes, with every problem of its own (bad
    /// UTF-8 or JSON, a key given twice, a field of the wrong kind) reported with its JSON path.
    ///
    /// For the other stores: SQLite's JSON parser, which finds the keys given twice, runs in memory.
    ///
    /// - Throws: ``ImportError``.
    package static func readDocument(_ data: Data, file: String) throws -> InterchangeDocument {
        try readDocument(data, file: file, reader: try DatabaseQueue())
    }

    private static func readDocument(_ data: Data, file: String, reader: some DatabaseReader) throws -> InterchangeDocument {
        guard let text = String(data: data, encoding: .utf8) else { throw ImportError.notUTF8(file: file) }
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch let DecodingError.dataCorrupted(context) {
            let detail = (context.underlyingError.map { "\($0)" } ?? context.debugDescription)
            throw ImportError.invalidJSON(file: file, detail: detail)
        } catch {
            throw ImportError.invalidJSON(file: file, detail: "\(error)")
        }
        let duplicates: [ImportError.Problem]
        do {
            duplicates = try reader.read { db in try JSONValue.duplicateKeys(in: text, root: root, db: db) }
        } catch let error as DatabaseError {
            // JSONDecoder read the text; SQLite's parser is the stricter on depth.
            throw ImportError.invalidJSON(file: file, detail: error.message ?? "\(error)")
        }
        var validator = DocumentValidator()
        let document = validator.read(root)
        if !duplicates.isEmpty || !validator.problems.isEmpty {
            throw ImportError.invalidDocument(file: file, problems: duplicates + validator.problems)
        }
        return document
    }

    /// Loads the bundled ICESCO–Azerbaijan example (embedded in the binary) into this database.
    ///
    /// The example is imported as ``importJSON(_:file:dryRun:)`` imports a file: loading it twice
    /// adds nothing the second time.
    ///
    /// - Returns: What the import added and updated.
    /// - Throws: ``PartnerGraphError/readOnlyDatabase(path:)`` when the file cannot be written.
    @discardableResult
    public func loadExample() throws -> ImportReport {
        try importJSON(Data(EmbeddedResources.exampleGraph.utf8), file: "the bundled example")
    }

    /// The bundled example, as interchange JSON.
    public static var exampleJSON: String { EmbeddedResources.exampleGraph }

    // MARK: - Import steps

    /// Checks what the document refers to against the document and the database together.
    static func checkReferences(_ document: InterchangeDocument, in db: Database) throws -> [ImportError.Problem] {
        var vocabulary: [String: RelationType] = [:]
        for type in try RelationType.fetchAll(db) { vocabulary[type.name] = type }
        let sourceKeys = Set(try String.fetchAll(db, sql: "SELECT key FROM source"))
        var entityTypes: [String: EntityType] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, type FROM entity") {
            entityTypes[row["key"]] = EntityType(rawValue: row["type"])
        }
        return referenceProblems(document, vocabulary: vocabulary, sourceKeys: sourceKeys, entityTypes: entityTypes)
    }

    /// What a document contradicts in a graph, or names without defining, given what the graph
    /// holds: its vocabulary, and the source keys and entity types by key (at least those the
    /// document names).
    package static func referenceProblems(
        _ document: InterchangeDocument, vocabulary: [String: RelationType], sourceKeys: Set<String>, entityTypes: [String: EntityType]
    ) -> [ImportError.Problem] {
        var problems: [ImportError.Problem] = []
        var vocabulary = vocabulary
        var sourceKeys = sourceKeys
        var entityTypes = entityTypes
        for (index, record) in document.relationTypes.enumerated() {
            if let existing = vocabulary[record.name] {
                var candidate = record.relationType
                candidate.builtin = existing.builtin
                if candidate != existing {
                    problems.append(.init(
                        path: "$.relation_types[\(index)]",
                        message: "the relation type \(quoted(record.name)) already exists with another definition; rename it in the file"))
                }
            } else {
                vocabulary[record.name] = record.relationType
            }
        }
        sourceKeys.formUnion(document.sources.map(\.key))
        for (index, record) in document.entities.enumerated() {
            if let stored = entityTypes[record.key], stored != record.type {
                problems.append(.init(
                    path: "$.entities[\(index)].type",
                    message: "the database already holds \(record.key) as a \(stored.rawValue), not a \(record.type.rawValue)"))
            }
            entityTypes[record.key] = record.type
            for (c, citation) in record.citations.enumerated() where !sourceKeys.contains(citation.source) {
                problems.append(.init(
                    path: "$.entities[\(index)].citations[\(c)].source",
                    message: "no source \(quoted(citation.source)) in the file or the database"))
            }
        }
        var identities: Set<[String]> = []
        for (index, record) in document.relations.enumerated() {
            let path = "$.relations[\(index)]"
            let from = entityTypes[record.source]
            let to = entityTypes[record.target]
            if from == nil { problems.append(.init(path: path + ".source", message: "no entity \(quoted(record.source)) in the file or the database")) }
            if to == nil { problems.append(.init(path: path + ".target", message: "no entity \(quoted(record.target)) in the file or the database")) }
            if let type = vocabulary[record.type] {
                if let from, let to, !type.allows(from: from, to: to) {
                    let error = PartnerGraphError.relationNotAllowed(
                        type: type.name, from: from, to: to, sourceTypes: type.sourceTypes, targetTypes: type.targetTypes)
                    problems.append(.init(path: path + ".type", message: error.description))
                }
            } else {
                problems.append(.init(
                    path: path + ".type",
                    message: "unknown relation type \(quoted(record.type)); define it in relation_types or use one of \(vocabulary.keys.sorted().joined(separator: ", "))"))
            }
            if !identities.insert(record.identity).inserted {
                problems.append(.init(path: path, message: "the same relation appears more than once in the file"))
            }
            for (c, citation) in record.citations.enumerated() where !sourceKeys.contains(citation.source) {
                problems.append(.init(
                    path: "\(path).citations[\(c)].source", message: "no source \(quoted(citation.source)) in the file or the database"))
            }
        }
        return problems
    }

    /// Writes a checked document: adds what is new, updates what matches.
    static func apply(_ document: InterchangeDocument, in db: Database) throws -> ImportReport {
        var report = ImportReport()
        let now = Timestamp.now()
        for record in document.relationTypes where try RelationType.fetchOne(db, key: record.name) == nil {
            try record.relationType.insert(db)
            report.relationTypesAdded += 1
        }
        for record in document.sources {
            var source = Source(
                key: record.key, title: record.title, publisher: record.publisher, url: record.url,
                published: record.published, language: record.language, text: record.text,
                createdAt: record.createdAt ?? now, updatedAt: record.updatedAt ?? now)
            if let existing = try Source.filter(Source.Columns.key == record.key).fetchOne(db) {
                source.id = existing.id
                source.createdAt = record.createdAt ?? existing.createdAt
                try source.update(db)
                report.sourcesUpdated += 1
            } else {
                try source.insert(db)
                report.sourcesAdded += 1
            }
        }
        var ids: [String: Entity] = [:]
        for record in document.entities {
            var entity = Entity(
                key: record.key, type: record.type, name: record.name, nameLanguage: record.nameLanguage, kind: record.kind,
                date: record.date, startDate: record.start, endDate: record.end, note: record.note,
                createdAt: record.createdAt ?? now, updatedAt: record.updatedAt ?? now)
            if let existing = try Entity.filter(Entity.Columns.key == record.key).fetchOne(db) {
                entity.id = existing.id
                entity.createdAt = record.createdAt ?? existing.createdAt
                try entity.update(db)
                report.entitiesUpdated += 1
            } else {
                try entity.insert(db)
                report.entitiesAdded += 1
            }
            try insertAliases(record.aliases, for: entity.id!, in: db)
            try setAttributes(record.attributes, for: entity.id!, in: db)
            try cite(record.citations, entityId: entity.id!, relationId: nil, in: db)
            ids[record.key] = entity
        }
        for record in document.relations {
            let from = try ids[record.source] ?? Entity.filter(Entity.Columns.key == record.source).fetchOne(db)!
            let to = try ids[record.target] ?? Entity.filter(Entity.Columns.key == record.target).fetchOne(db)!
            var relation = Relation(
                sourceId: from.id!, type: record.type, targetId: to.id!, role: record.role, startDate: record.start,
                endDate: record.end, date: record.date, note: record.note, createdAt: record.createdAt ?? now,
                updatedAt: record.updatedAt ?? now)
            let symmetric = try relationType(record.type, in: db).symmetric
            if let existing = try existingRelation(like: relation, symmetric: symmetric, in: db) {
                relation.id = existing.id
                relation.sourceId = existing.sourceId
                relation.targetId = existing.targetId
                relation.createdAt = record.createdAt ?? existing.createdAt
                try relation.update(db)
                report.relationsUpdated += 1
            } else {
                try insertRelation(&relation, from: from, to: to, in: db)
                report.relationsAdded += 1
            }
            try cite(record.citations, entityId: nil, relationId: relation.id, in: db)
        }
        return report
    }

    /// Every citation as a reference, grouped by what cites.
    private static func citationRefs(in db: Database) throws -> (entities: [Int64: [CitationRef]], relations: [Int64: [CitationRef]]) {
        var entities: [Int64: [CitationRef]] = [:]
        var relations: [Int64: [CitationRef]] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.entity_id, c.relation_id, s.key, c.quote FROM citation c JOIN source s ON s.id = c.source_id
                ORDER BY s.key, ifnull(c.quote, '')
                """)
        for row in rows {
            let ref = CitationRef(source: row["key"], quote: row["quote"])
            if let id: Int64 = row["entity_id"] { entities[id, default: []].append(ref) }
            if let id: Int64 = row["relation_id"] { relations[id, default: []].append(ref) }
        }
        return (entities, relations)
    }
}
