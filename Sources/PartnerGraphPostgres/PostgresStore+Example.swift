import Foundation
import PartnerGraph
import PostgresNIO

extension PostgresStore {
    /// Loads the bundled ICESCO–Azerbaijan example, as ``PartnerGraph/PartnerGraphStore/loadExample()``
    /// does: what is new is added, what is already there (sources and entities by key, relations by
    /// their identity) is set to the example's values, so that loading it twice adds nothing.
    ///
    /// - Returns: What was added and updated.
    /// - Throws: ``PartnerGraph/ImportError/invalidDocument(file:problems:)`` when the graph holds
    ///   something the example contradicts: an entity of the example's key with another type, a
    ///   relation type of the example's name defined otherwise.
    @discardableResult
    public func loadExample() throws -> ImportReport {
        let document = try JSONDecoder().decode(InterchangeDocument.self, from: Data(PartnerGraphStore.exampleJSON.utf8))
        return try merge(document, file: "the bundled example")
    }

    /// Writes a checked document into the graph, adding what is new and updating what matches,
    /// as the SQLite store's import does; in one transaction, with nothing written when the
    /// graph contradicts the document.
    ///
    /// The tables are locked against other writers (not readers) for the length of it, so that
    /// what is found to exist still exists, and nothing found missing is added by another
    /// writer, when the rows are written.
    private func merge(_ document: InterchangeDocument, file: String, dryRun: Bool = false) throws -> ImportReport {
        do {
            return try session.transaction {
                let report = try mergeInTransaction(document, file: file)
                // Everything checked and counted: undone by the rollback of the thrown error.
                if dryRun { throw DryRun(report: report) }
                return report
            }
        } catch let dryRun as DryRun {
            return dryRun.report
        }
    }

    /// Imports an interchange document (`partnergraph import FILE.json`), as
    /// ``PartnerGraph/PartnerGraphStore/importJSON(_:file:dryRun:)`` does: the file is checked
    /// whole first, every problem reported with its JSON path, and nothing written when there is
    /// one; entities and sources matched by key, relations by identity, so that importing the
    /// same file twice adds nothing the second time.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - file: The name to use in messages.
    ///   - dryRun: Check and count everything, then roll back: nothing is written.
    /// - Throws: ``PartnerGraph/ImportError``.
    @discardableResult
    public func importJSON(_ data: Data, file: String, dryRun: Bool = false) throws -> ImportReport {
        try merge(try PartnerGraphStore.readDocument(data, file: file), file: file, dryRun: dryRun)
    }

    /// The report of a dry run, thrown to roll its transaction back.
    private struct DryRun: Error {
        var report: ImportReport
    }

    private func mergeInTransaction(_ document: InterchangeDocument, file: String) throws -> ImportReport {
        try session.run("LOCK TABLE relation_type, source, entity, relation IN SHARE ROW EXCLUSIVE MODE")
        let problems = try referenceProblems(of: document)
        if !problems.isEmpty { throw ImportError.invalidDocument(file: file, problems: problems) }
        var report = ImportReport(loading: ())
        let now = Timestamp.now()
        for record in document.relationTypes {
            if try insertRelationType(StoreRules.relationType(of: record)) { report.relationTypesAdded += 1 }
        }
        for record in document.sources {
            if try mergeSource(record, now: now) { report.sourcesAdded += 1 } else { report.sourcesUpdated += 1 }
        }
        var entities: [String: Entity] = [:]
        for record in document.entities {
            let (entity, added) = try mergeEntity(record, now: now)
            if added { report.entitiesAdded += 1 } else { report.entitiesUpdated += 1 }
            entities[record.key] = entity
        }
        let types = try vocabulary()
        for record in document.relations {
            let from = try entities[record.source] ?? resolve(record.source)
            let to = try entities[record.target] ?? resolve(record.target)
            if try mergeRelation(record, type: try relationType(record.type, in: types), from: from, to: to, now: now) {
                report.relationsAdded += 1
            } else {
                report.relationsUpdated += 1
            }
        }
        return report
    }

    /// What the graph holds that the document contradicts, or what it names that neither holds,
    /// worded as the SQLite import words it: the same check on the rows the document names.
    private func referenceProblems(of document: InterchangeDocument) throws -> [ImportError.Problem] {
        var keys = Set(document.entities.map(\.key))
        for relation in document.relations { keys.formUnion([relation.source, relation.target]) }
        var entityTypes: [String: EntityType] = [:]
        for row in try session.run("SELECT key, type FROM entity WHERE key = ANY(\(Array(keys)))") {
            let (key, type) = try row.decode((String, String).self)
            entityTypes[key] = EntityType(rawValue: type)
        }
        var cited = Set(document.entities.flatMap { $0.citations.map(\.source) })
        cited.formUnion(document.relations.flatMap { $0.citations.map(\.source) })
        let sourceKeys = Set(try session.run("SELECT key FROM source WHERE key = ANY(\(Array(cited)))").map { try $0.decode(String.self) })
        return PartnerGraphStore.referenceProblems(document, vocabulary: try vocabulary(), sourceKeys: sourceKeys, entityTypes: entityTypes)
    }

    /// Adds or updates a source by key; `true` when added.
    private func mergeSource(_ record: SourceRecord, now: String) throws -> Bool {
        let existing = try session.run("SELECT id FROM source WHERE key = \(record.key)").first.map { try $0.decode(Int64.self) }
        let id: Int64
        if let existing {
            id = existing
            try session.run(
                """
                UPDATE source SET title = \(record.title), publisher = \(record.publisher), url = \(record.url),
                    published = \(record.published?.description), language = \(record.language), text = \(record.text),
                    created_at = coalesce(\(record.createdAt), created_at), updated_at = \(record.updatedAt ?? now)
                WHERE id = \(id)
                """)
        } else {
            id = try session.run(
                """
                INSERT INTO source (key, title, publisher, url, published, language, text, created_at, updated_at)
                VALUES (\(record.key), \(record.title), \(record.publisher), \(record.url), \(record.published?.description),
                        \(record.language), \(record.text), \(record.createdAt ?? now), \(record.updatedAt ?? now))
                RETURNING id
                """
            )[0].decode(Int64.self)
        }
        try index(kind: 1, owner: id, names: "\(record.key) \n \(record.title)", body: record.text ?? "")
        return existing == nil
    }

    /// Adds or updates an entity by key, with its aliases, attributes and citations.
    private func mergeEntity(_ record: EntityRecord, now: String) throws -> (Entity, added: Bool) {
        var entity = Entity(
            key: record.key, type: record.type, name: record.name, nameLanguage: record.nameLanguage, kind: record.kind,
            date: record.date, startDate: record.start, endDate: record.end, note: record.note,
            createdAt: record.createdAt ?? now, updatedAt: record.updatedAt ?? now)
        let existing = try session.run("SELECT id, created_at FROM entity WHERE key = \(record.key)").first.map { try $0.decode((Int64, String).self) }
        if case let (id, created)? = existing {
            entity.id = id
            entity.createdAt = record.createdAt ?? created
            try session.run(
                """
                UPDATE entity SET type = \(entity.type.rawValue), name = \(entity.name), name_normalized = \(NameNormalizer.normalize(entity.name)),
                    name_language = \(entity.nameLanguage), kind = \(entity.kind), date = \(entity.date?.description),
                    start_date = \(entity.startDate?.description), end_date = \(entity.endDate?.description), note = \(entity.note),
                    created_at = \(entity.createdAt), updated_at = \(entity.updatedAt)
                WHERE id = \(id)
                """)
        } else {
            entity.id = try session.run(
                """
                INSERT INTO entity (key, type, name, name_normalized, name_language, kind, date, start_date, end_date, note, created_at, updated_at)
                VALUES (\(entity.key), \(entity.type.rawValue), \(entity.name), \(NameNormalizer.normalize(entity.name)), \(entity.nameLanguage),
                        \(entity.kind), \(entity.date?.description), \(entity.startDate?.description), \(entity.endDate?.description),
                        \(entity.note), \(entity.createdAt), \(entity.updatedAt))
                RETURNING id
                """
            )[0].decode(Int64.self)
        }
        try insertAliases(record.aliases, entityId: entity.id!)
        try setAttributes(record.attributes, entityId: entity.id!)
        try cite(record.citations, entityId: entity.id!, relationId: nil)
        try reindex(entity)
        return (entity, existing == nil)
    }

    /// Adds a relation, or updates the one of the same identity (either way round for a symmetric
    /// type) to the record's end, note and timestamps; then cites its sources. `true` when added.
    private func mergeRelation(_ record: RelationRecord, type: RelationType, from: Entity, to: Entity, now: String) throws -> Bool {
        var relation = Relation(
            sourceId: from.id!, type: record.type, targetId: to.id!, role: record.role, startDate: record.start, endDate: record.end,
            date: record.date, note: record.note, createdAt: record.createdAt ?? now, updatedAt: record.updatedAt ?? now)
        let existing = try session.run(
            """
            SELECT id, created_at FROM relation
            WHERE type = \(relation.type)
              AND ((source_id = \(relation.sourceId) AND target_id = \(relation.targetId))
                   OR (\(type.symmetric) AND source_id = \(relation.targetId) AND target_id = \(relation.sourceId)))
              AND coalesce(role, '') = \(relation.role ?? "") AND coalesce(start_date, '') = \(relation.startDate?.description ?? "")
              AND coalesce(date, '') = \(relation.date?.description ?? "")
            """
        ).first.map { try $0.decode((Int64, String).self) }
        if case let (id, created)? = existing {
            relation.id = id
            try session.run(
                """
                UPDATE relation SET end_date = \(relation.endDate?.description), note = \(relation.note),
                    created_at = \(record.createdAt ?? created), updated_at = \(relation.updatedAt)
                WHERE id = \(id)
                """)
            if let note = relation.note {
                try index(kind: 2, owner: id, names: "", body: note)
            } else {
                try session.run("DELETE FROM search_document WHERE kind = 2 AND owner = \(id)")
            }
        } else {
            try insertRelation(&relation, type: type, from: from, to: to)
        }
        try cite(record.citations, entityId: nil, relationId: relation.id)
        return existing == nil
    }
}
