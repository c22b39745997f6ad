import PartnerGraph
import PostgresNIO

extension PostgresStore {
    /// The whole graph as an interchange document, in canonical order: the same bytes as
    /// ``PartnerGraph/PartnerGraphStore/exportDocument()`` writes for the same graph.
    ///
    /// Read in one repeatable-read transaction: a consistent snapshot while others write.
    public func exportDocument() throws -> InterchangeDocument {
        try session.transaction(readOnly: true) {
            try session.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            var document = InterchangeDocument()
            document.relationTypes = try vocabulary().values.filter { !$0.builtin }.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
                .map {
                    RelationTypeRecord(
                        exporting: $0.name, forward: $0.forwardPhrase, inverse: $0.inversePhrase, sourceTypes: $0.sourceTypes,
                        targetTypes: $0.targetTypes, symmetric: $0.symmetric, description: $0.description)
                }
            document.sources = try session.run(
                "SELECT key, title, publisher, url, published, language, text, created_at, updated_at FROM source ORDER BY key"
            ).map { row in
                let (key, title, publisher, url, published, language, text, created, updated) = try row.decode(
                    (String, String, String?, String?, String?, String?, String?, String, String).self)
                return SourceRecord(
                    exporting: key, title: title, publisher: publisher, url: url, published: try published.map(PartialDate.init),
                    language: language, text: text, createdAt: created, updatedAt: updated)
            }
            var entityCitations: [Int64: [CitationRef]] = [:]
            var relationCitations: [Int64: [CitationRef]] = [:]
            for row in try session.run(
                "SELECT c.entity_id, c.relation_id, s.key, c.quote FROM citation c JOIN source s ON s.id = c.source_id ORDER BY s.key, coalesce(c.quote, ''), c.id")
            {
                let (entity, relation, key, quote) = try row.decode((Int64?, Int64?, String, String?).self)
                let ref = CitationRef(source: key, quote: quote)
                if let entity { entityCitations[entity, default: []].append(ref) }
                if let relation { relationCitations[relation, default: []].append(ref) }
            }
            var aliases: [Int64: [Alias]] = [:]
            for row in try session.run("SELECT entity_id, name, language FROM alias ORDER BY id") {
                let (entity, name, language) = try row.decode((Int64, String, String?).self)
                aliases[entity, default: []].append(Alias(name: name, language: language))
            }
            var attributes: [Int64: [String: String]] = [:]
            for row in try session.run("SELECT entity_id, key, value FROM attribute") {
                let (entity, key, value) = try row.decode((Int64, String, String).self)
                attributes[entity, default: [:]][key] = value
            }
            let entities = try session.run("SELECT \(unescaped: Self.entityColumns) FROM entity ORDER BY key").map(Self.entity(from:))
            var keys: [Int64: String] = [:]
            for entity in entities { keys[entity.id!] = entity.key }
            document.entities = entities.map {
                EntityRecord(
                    exporting: $0, aliases: aliases[$0.id!] ?? [], attributes: attributes[$0.id!] ?? [:],
                    citations: entityCitations[$0.id!] ?? [])
            }
            document.relations = try session.run("SELECT \(unescaped: Self.relationColumns) FROM relation").map { row in
                let relation = try Self.relation(from: row)
                return RelationRecord(
                    exporting: relation, source: keys[relation.sourceId]!, target: keys[relation.targetId]!,
                    citations: relationCitations[relation.id!] ?? [])
            }
            .sorted { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }
            return document
        }
    }

    /// Loads a whole document into an empty graph, keeping its timestamps: how `copy` writes.
    ///
    /// One transaction, batched: each table's rows go in with one `INSERT … SELECT FROM unnest(…)`
    /// per 10,000 rows. The relations' type rules are checked for the whole batch at once, with
    /// the table locked against other writers for the length of the load, rather than by the
    /// per-row trigger that guards every other write.
    ///
    /// - Throws: ``PartnerGraph/CopyError/destinationNotEmpty(location:entities:relations:)`` when the graph
    ///   already holds entities or relations; ``PartnerGraph/PartnerGraphError`` for a relation its type forbids or
    ///   of an unknown type, or naming an entity or source the document lacks.
    @discardableResult
    public func load(_ document: InterchangeDocument) throws -> ImportReport {
        let report = try loadInTransaction(document)
        // Statistics for the planner, and the visibility map that lets traversal read the
        // relations from their indexes alone; VACUUM runs outside a transaction.
        _ = try session.exclusive { try session.run("VACUUM (ANALYZE) entity, alias, relation, citation, search_document") }
        return report
    }

    private func loadInTransaction(_ document: InterchangeDocument) throws -> ImportReport {
        try session.transaction {
            try session.run("LOCK TABLE entity, relation, source IN EXCLUSIVE MODE")
            let size = try session.run("SELECT (SELECT count(*) FROM entity), (SELECT count(*) FROM relation)")[0].decode((Int64, Int64).self)
            if size.0 > 0 || size.1 > 0 {
                throw CopyError.destinationNotEmpty(location: location, entities: Int(size.0), relations: Int(size.1))
            }
            var report = ImportReport(loading: ())
            for type in document.relationTypes {
                let inserted = try session.run(
                    """
                    INSERT INTO relation_type (name, forward_phrase, inverse_phrase, source_types, target_types, \"symmetric\", builtin, description)
                    VALUES (\(type.name), \(type.forward), \(type.inverse), \(type.sourceTypes.map(\.rawValue).joined(separator: ",")),
                            \(type.targetTypes.map(\.rawValue).joined(separator: ",")), \(Int32(type.symmetric ? 1 : 0)), 0, \(type.description))
                    ON CONFLICT (name) DO NOTHING RETURNING name
                    """)
                report.relationTypesAdded += inserted.count
            }
            let types = try vocabulary()
            let base = try session.run(
                "SELECT (SELECT coalesce(max(id), 0) FROM source), (SELECT coalesce(max(id), 0) FROM entity), (SELECT coalesce(max(id), 0) FROM relation), (SELECT coalesce(max(id), 0) FROM alias)"
            )[0].decode((Int64, Int64, Int64, Int64).self)
            var sourceIds: [String: Int64] = [:]
            for (offset, source) in document.sources.enumerated() { sourceIds[source.key] = base.0 + Int64(offset) + 1 }
            var entityIds: [String: Int64] = [:]
            for (offset, entity) in document.entities.enumerated() { entityIds[entity.key] = base.1 + Int64(offset) + 1 }
            let now = Timestamp.now()

            for batch in document.sources.batched() {
                try session.run(
                    """
                    INSERT INTO source (id, key, title, publisher, url, published, language, text, created_at, updated_at)
                    SELECT * FROM unnest(\(batch.map { sourceIds[$0.key]! })::bigint[], \(batch.map(\.key))::text[], \(batch.map(\.title))::text[],
                        \(NullableArray(batch.map(\.publisher)))::text[], \(NullableArray(batch.map(\.url)))::text[], \(NullableArray(batch.map { $0.published?.description }))::text[],
                        \(NullableArray(batch.map(\.language)))::text[], \(NullableArray(batch.map(\.text)))::text[], \(batch.map { $0.createdAt ?? now })::text[],
                        \(batch.map { $0.updatedAt ?? $0.createdAt ?? now })::text[])
                    """)
                try indexBatch(kind: 1, owners: batch.map { sourceIds[$0.key]! }, names: batch.map { "\($0.key) \n \($0.title)" }, bodies: batch.map { $0.text ?? "" })
            }
            report.sourcesAdded = document.sources.count

            for batch in document.entities.batched() {
                try session.run(
                    """
                    INSERT INTO entity (id, key, type, name, name_normalized, name_language, kind, date, start_date, end_date, note, created_at, updated_at)
                    SELECT * FROM unnest(\(batch.map { entityIds[$0.key]! })::bigint[], \(batch.map(\.key))::text[],
                        \(batch.map(\.type.rawValue))::text[], \(batch.map(\.name))::text[], \(batch.map { NameNormalizer.normalize($0.name) })::text[],
                        \(NullableArray(batch.map { $0.nameLanguage }))::text[], \(NullableArray(batch.map(\.kind)))::text[], \(NullableArray(batch.map { $0.date?.description }))::text[],
                        \(NullableArray(batch.map { $0.start?.description }))::text[], \(NullableArray(batch.map { $0.end?.description }))::text[], \(NullableArray(batch.map(\.note)))::text[],
                        \(batch.map { $0.createdAt ?? now })::text[], \(batch.map { $0.updatedAt ?? $0.createdAt ?? now })::text[])
                    """)
                try indexBatch(
                    kind: 0, owners: batch.map { entityIds[$0.key]! },
                    names: batch.map { ([$0.key, $0.name] + $0.aliases.map(\.name)).joined(separator: " \n ") }, bodies: batch.map { $0.note ?? "" })
            }
            report.entitiesAdded = document.entities.count

            let aliases = document.entities.flatMap { entity in entity.aliases.map { (entityIds[entity.key]!, $0) } }
            for batch in aliases.batched() {
                try session.run(
                    """
                    INSERT INTO alias (entity_id, name, name_normalized, language)
                    SELECT * FROM unnest(\(batch.map(\.0))::bigint[], \(batch.map(\.1.name))::text[],
                        \(batch.map { NameNormalizer.normalize($0.1.name) })::text[], \(NullableArray(batch.map(\.1.language)))::text[])
                    """)
            }
            let attributes = document.entities.flatMap { entity in entity.attributes.sorted { $0.key < $1.key }.map { (entityIds[entity.key]!, $0.key, $0.value) } }
            for batch in attributes.batched() {
                try session.run(
                    "INSERT INTO attribute (entity_id, key, value) SELECT * FROM unnest(\(batch.map(\.0))::bigint[], \(batch.map(\.1))::text[], \(batch.map(\.2))::text[])")
            }

            // Relations: every end and type checked here, for messages that name the record; the
            // type rules checked by one query below, the table being locked against other writers.
            var relationIds: [Int64] = []
            for (offset, relation) in document.relations.enumerated() {
                guard let type = types[relation.type] else { throw PartnerGraphError.unknownRelationType(relation.type, known: types.keys.sorted()) }
                guard entityIds[relation.source] != nil, entityIds[relation.target] != nil else {
                    throw PartnerGraphError.entityNotFound(entityIds[relation.source] == nil ? relation.source : relation.target, suggestions: [])
                }
                _ = type
                relationIds.append(base.2 + Int64(offset) + 1)
            }
            try session.run("ALTER TABLE relation DISABLE TRIGGER relation_check_types")
            for (slice, range) in document.relations.batchedWithRanges() {
                let batch = Array(slice)
                let ids = Array(relationIds[range])
                let sources = batch.map { entityIds[$0.source]! }
                let targets = batch.map { entityIds[$0.target]! }
                try session.run(
                    """
                    INSERT INTO relation (id, source_id, type, target_id, role, start_date, end_date, date, note, created_at, updated_at)
                    SELECT * FROM unnest(\(ids)::bigint[], \(sources)::bigint[], \(batch.map(\.type))::text[], \(targets)::bigint[],
                        \(NullableArray(batch.map(\.role)))::text[], \(NullableArray(batch.map { $0.start?.description }))::text[],
                        \(NullableArray(batch.map { $0.end?.description }))::text[], \(NullableArray(batch.map { $0.date?.description }))::text[],
                        \(NullableArray(batch.map(\.note)))::text[], \(batch.map { $0.createdAt ?? now })::text[],
                        \(batch.map { $0.updatedAt ?? $0.createdAt ?? now })::text[])
                    """)
                let noted = batch.indices.filter { batch[$0].note != nil }
                if !noted.isEmpty {
                    try indexBatch(kind: 2, owners: noted.map { ids[$0] }, names: noted.map { _ in "" }, bodies: noted.map { batch[$0].note! })
                }
            }
            try session.run("ALTER TABLE relation ENABLE TRIGGER relation_check_types")
            if let row = try session.run(
                """
                SELECT r.type, s.key, s.type, t.key, t.type FROM relation r
                JOIN relation_type rt ON rt.name = r.type JOIN entity s ON s.id = r.source_id JOIN entity t ON t.id = r.target_id
                WHERE NOT (s.type = ANY (string_to_array(rt.source_types, ',')) AND t.type = ANY (string_to_array(rt.target_types, ',')))
                LIMIT 1
                """
            ).first {
                let (type, _, sourceType, _, targetType) = try row.decode((String, String, String, String, String).self)
                let rule = types[type]!
                throw PartnerGraphError.relationNotAllowed(
                    type: type, from: EntityType(rawValue: sourceType) ?? .organization, to: EntityType(rawValue: targetType) ?? .organization,
                    sourceTypes: rule.sourceTypes, targetTypes: rule.targetTypes)
            }
            report.relationsAdded = document.relations.count

            var citations: [(Int64, Int64?, Int64?, String?)] = []
            for entity in document.entities {
                for citation in entity.citations {
                    guard let source = sourceIds[citation.source] else { throw PartnerGraphError.sourceNotFound(citation.source, known: []) }
                    citations.append((source, entityIds[entity.key]!, nil, citation.quote))
                }
            }
            for (offset, relation) in document.relations.enumerated() {
                for citation in relation.citations {
                    guard let source = sourceIds[citation.source] else { throw PartnerGraphError.sourceNotFound(citation.source, known: []) }
                    citations.append((source, nil, relationIds[offset], citation.quote))
                }
            }
            for batch in citations.batched() {
                try session.run(
                    """
                    INSERT INTO citation (source_id, entity_id, relation_id, quote)
                    SELECT * FROM unnest(\(batch.map(\.0))::bigint[], \(NullableArray(batch.map(\.1)))::bigint[], \(NullableArray(batch.map(\.2)))::bigint[], \(NullableArray(batch.map(\.3)))::text[])
                    ON CONFLICT DO NOTHING
                    """)
            }
            // The identity columns go on from the largest id loaded.
            for table in ["source", "entity", "relation", "alias", "citation"] {
                try session.run(PostgresQuery(unsafeSQL: "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), greatest((SELECT max(id) FROM \(table)), 1))"))
            }
            return report
        }
    }

    /// Writes the search documents of many things of one kind.
    private func indexBatch(kind: Int32, owners: [Int64], names: [String], bodies: [String]) throws {
        let names = names.map { StoreRules.searchWords($0).joined(separator: " ") }
        let bodies = bodies.map { StoreRules.searchWords($0).joined(separator: " ") }
        try session.run(
            """
            INSERT INTO search_document (kind, owner, document)
            SELECT \(kind), o, setweight(array_to_tsvector(array_remove(string_to_array(n, ' '), '')), 'A')
                              || setweight(array_to_tsvector(array_remove(string_to_array(b, ' '), '')), 'D')
            FROM unnest(\(owners)::bigint[], \(names)::text[], \(bodies)::text[]) AS d(o, n, b)
            ON CONFLICT (kind, owner) DO UPDATE SET document = excluded.document
            """)
    }
}

extension Array {
    /// The elements in slices of at most `size`, for batched statements.
    func batched(_ size: Int = 10_000) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }

    /// The same, with each slice's range.
    func batchedWithRanges(_ size: Int = 10_000) -> [(ArraySlice<Element>, Range<Int>)] {
        stride(from: 0, to: count, by: size).map { ($0..<Swift.min($0 + size, count)) }.map { (self[$0], $0) }
    }
}
