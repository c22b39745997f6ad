import PartnerGraph
import PostgresNIO

extension PostgresStore {
    /// Records a new entity with its aliases, attributes and citations, as
    /// ``PartnerGraph/PartnerGraphStore/addEntity(_:)`` does.
    ///
    /// Two writers adding the same key at once: one succeeds, the other gets
    /// ``PartnerGraph/PartnerGraphError/duplicateKey(_:existing:)`` (the key's unique index decides).
    @discardableResult
    public func addEntity(_ new: NewEntity) throws -> Entity {
        do {
            return try session.transaction { try insertEntity(new) }
        } catch let violation as PostgresRuleViolation where violation.constraint == "entity_key_key" {
            let key = new.key ?? StoreRules.slugKey(for: new.name)
            let existing = try entity(key)
            throw PartnerGraphError.duplicateKey(key, existing: .init(key: existing.key, type: existing.type, name: existing.name))
        }
    }

    /// Registers a document that facts can cite, as ``PartnerGraph/PartnerGraphStore/addSource(_:)`` does.
    @discardableResult
    public func addSource(_ source: Source) throws -> Source {
        try StoreRules.validateKey(source.key)
        try StoreRules.validateSource(source)
        do {
            return try session.transaction {
                var stored = source
                let rows = try session.run(
                    """
                    INSERT INTO source (key, title, publisher, url, published, language, text, created_at, updated_at)
                    VALUES (\(source.key), \(source.title), \(source.publisher), \(source.url), \(source.published?.description),
                            \(source.language), \(source.text), \(source.createdAt), \(source.updatedAt))
                    ON CONFLICT (key) DO NOTHING RETURNING id
                    """)
                guard let row = rows.first else { throw PartnerGraphError.duplicateSource(source.key) }
                stored.id = try row.decode(Int64.self)
                try index(kind: 1, owner: stored.id!, names: "\(source.key) \n \(source.title)", body: source.text ?? "")
                return stored
            }
        }
    }

    /// Records that `source` stands in relation `type` to `target`, as
    /// ``PartnerGraph/PartnerGraphStore/link(_:_:_:_:)`` does.
    ///
    /// The entity types are checked here for the message, and again by the database as the row is
    /// written (schema/postgres/001_core.sql, relation_check_types), so that writers racing with a
    /// change of the vocabulary cannot slip a forbidden relation in; likewise duplicates, by the
    /// unique index relation_identity.
    @discardableResult
    public func link(_ source: String, _ type: String, _ target: String, _ details: RelationDetails = RelationDetails()) throws
        -> RelationView
    {
        try StoreRules.validateText(details)
        var ends: (Entity, Entity)?
        do {
            return try session.transaction {
                let from = try resolve(source)
                let to = try resolve(target)
                ends = (from, to)
                let types = try vocabulary()
                var relation = Relation(
                    sourceId: from.id!, type: RelationType.canonicalName(type), targetId: to.id!, role: details.role,
                    startDate: details.startDate, endDate: details.endDate, date: details.date, note: details.note)
                let relationType = try relationType(relation.type, in: types)
                try insertRelation(&relation, type: relationType, from: from, to: to)
                try cite(details.citations, entityId: nil, relationId: relation.id)
                return StoreRules.view(
                    of: relation, type: relationType, from: from.ref, outgoing: true, other: to.ref,
                    citations: try citations(relationId: relation.id))
            }
        } catch let violation as PostgresRuleViolation {
            throw try refusal(violation, type: RelationType.canonicalName(type), details: details, ends: ends)
        }
    }

    /// Removes the relations `type` from `source` to `target` that match, as
    /// ``PartnerGraph/PartnerGraphStore/unlink(_:_:_:role:start:all:)`` does.
    @discardableResult
    public func unlink(
        _ source: String, _ type: String, _ target: String, role: String? = nil, start: PartialDate? = nil, all: Bool = false
    ) throws -> [RelationView] {
        try session.transaction {
            let from = try resolve(source)
            let to = try resolve(target)
            let typeName = RelationType.canonicalName(type)
            let relationType = try relationType(typeName, in: try vocabulary())
            let (a, b) = (from.id!, to.id!)
            // A symmetric relation was stored one way; either order of the ends names it. FOR UPDATE:
            // a concurrent unlink of the same relation waits, then finds it gone.
            let rows = try session.run(
                """
                SELECT \(unescaped: Self.relationColumns) FROM relation
                WHERE type = \(typeName)
                  AND ((source_id = \(a) AND target_id = \(b)) OR (\(relationType.symmetric) AND source_id = \(b) AND target_id = \(a)))
                  AND (\(role)::text IS NULL OR role = \(role)) AND (\(start?.description)::text IS NULL OR start_date = \(start?.description))
                ORDER BY id FOR UPDATE
                """)
            let matches = try rows.map(Self.relation(from:))
            let description = "\(from.key) —\(typeName)→ \(to.key)"
            if matches.isEmpty { throw PartnerGraphError.relationNotFound(description: description) }
            let citations = try citations(relationIds: matches.map { $0.id! })
            let views = matches.map { relation in
                StoreRules.view(
                    of: relation, type: relationType, from: from.ref, outgoing: relation.sourceId == from.id,
                    other: relation.sourceId == from.id ? to.ref : from.ref, citations: citations[relation.id!] ?? [])
            }
            if matches.count > 1 && !all {
                throw PartnerGraphError.ambiguousRelation(description: description, matches: views.map(\.summary))
            }
            let ids = matches.map { $0.id! }
            try session.run("DELETE FROM relation WHERE id = ANY(\(ids))")
            try session.run("DELETE FROM search_document WHERE kind = 2 AND owner = ANY(\(ids))")
            return views
        }
    }

    // MARK: - Shared steps (inside a transaction)

    func insertEntity(_ new: NewEntity) throws -> Entity {
        try StoreRules.validateText(new)
        try StoreRules.validateDates(date: new.date, start: new.startDate, end: new.endDate)
        let key: String
        if let given = new.key {
            try StoreRules.validateKey(given)
            key = given
        } else {
            key = try derivedKey(for: new)
        }
        if let row = try session.run("SELECT \(unescaped: Self.entityColumns) FROM entity WHERE key = \(key)").first {
            let existing = try Self.entity(from: row)
            throw PartnerGraphError.duplicateKey(key, existing: .init(key: existing.key, type: existing.type, name: existing.name))
        }
        var entity = Entity(
            key: key, type: new.type, name: new.name, nameLanguage: new.nameLanguage ?? StoreRules.guessLanguage(of: new.name),
            kind: new.kind, date: new.date, startDate: new.startDate, endDate: new.endDate, note: new.note)
        entity.id = try session.run(
            """
            INSERT INTO entity (key, type, name, name_normalized, name_language, kind, date, start_date, end_date, note, created_at, updated_at)
            VALUES (\(entity.key), \(entity.type.rawValue), \(entity.name), \(NameNormalizer.normalize(entity.name)), \(entity.nameLanguage),
                    \(entity.kind), \(entity.date?.description), \(entity.startDate?.description), \(entity.endDate?.description),
                    \(entity.note), \(entity.createdAt), \(entity.updatedAt))
            RETURNING id
            """
        )[0].decode(Int64.self)
        let id = entity.id!
        try insertAliases(new.aliases, entityId: id)
        try setAttributes(new.attributes, entityId: id)
        try cite(new.citations, entityId: id, relationId: nil)
        try addClaims(
            StoreRules.statedClaims(
                attributes: new.attributes, dates: [("date", new.date), ("start", new.startDate), ("end", new.endDate)],
                citations: new.citations),
            entityId: id)
        try index(
            kind: 0, owner: id, names: ([entity.key, entity.name] + new.aliases.map(\.name)).joined(separator: " \n "), body: entity.note ?? "")
        return entity
    }

    /// The slug of the name; a type-numbered key when the name has no letters or digits.
    private func derivedKey(for new: NewEntity) throws -> String {
        let slug = StoreRules.slugKey(for: new.name)
        if !slug.isEmpty { return slug }
        var number = Int(try session.run("SELECT count(*) FROM entity WHERE type = \(new.type.rawValue)")[0].decode(Int64.self)) + 1
        while try session.run("SELECT 1 FROM entity WHERE key = \("\(new.type.rawValue)-\(number)")").first != nil {
            number += 1
        }
        return "\(new.type.rawValue)-\(number)"
    }

    /// Checks a relation against the vocabulary and the graph, then inserts it.
    func insertRelation(_ relation: inout Relation, type: RelationType, from: Entity, to: Entity) throws {
        guard type.allows(from: from.type, to: to.type) else {
            throw PartnerGraphError.relationNotAllowed(
                type: type.name, from: from.type, to: to.type, sourceTypes: type.sourceTypes, targetTypes: type.targetTypes)
        }
        if from.id == to.id { throw PartnerGraphError.selfRelation(from.key) }
        try StoreRules.validateDates(date: relation.date, start: relation.startDate, end: relation.endDate)
        try StoreRules.check(relation.role, as: .role)
        try StoreRules.check(relation.note, as: .note)
        // The same fact already stored (either way round for a symmetric type): refused here for the
        // message; the unique index and the trigger refuse it too when another writer races this one.
        let duplicate = try session.run(
            """
            SELECT 1 FROM relation
            WHERE type = \(relation.type)
              AND ((source_id = \(relation.sourceId) AND target_id = \(relation.targetId))
                   OR (\(type.symmetric) AND source_id = \(relation.targetId) AND target_id = \(relation.sourceId)))
              AND coalesce(role, '') = \(relation.role ?? "") AND coalesce(start_date, '') = \(relation.startDate?.description ?? "")
              AND coalesce(date, '') = \(relation.date?.description ?? "")
            """)
        if !duplicate.isEmpty {
            throw PartnerGraphError.duplicateRelation(description: StoreRules.describe(relation, from: from, to: to))
        }
        relation.id = try session.run(
            """
            INSERT INTO relation (source_id, type, target_id, role, start_date, end_date, date, note, created_at, updated_at)
            VALUES (\(relation.sourceId), \(relation.type), \(relation.targetId), \(relation.role), \(relation.startDate?.description),
                    \(relation.endDate?.description), \(relation.date?.description), \(relation.note), \(relation.createdAt),
                    \(relation.updatedAt))
            RETURNING id
            """
        )[0].decode(Int64.self)
        if let note = relation.note { try index(kind: 2, owner: relation.id!, names: "", body: note) }
    }

    /// Ties an entity or a relation to sources; a citation already present is kept once.
    func cite(_ citations: [CitationRef], entityId: Int64?, relationId: Int64?) throws {
        for citation in citations {
            let sourceId = try sourceId(citation.source)
            try session.run(
                """
                INSERT INTO citation (source_id, entity_id, relation_id, quote) VALUES (\(sourceId), \(entityId), \(relationId), \(citation.quote))
                ON CONFLICT DO NOTHING
                """)
        }
    }

    /// Records claims about an entity, each once per source.
    func addClaims(_ claims: [Claim], entityId: Int64) throws {
        for claim in claims {
            guard !claim.field.isEmpty else { throw PartnerGraphError.invalidAttribute("=\(claim.value)") }
            if StoreRules.isDateField(claim.field) { _ = try PartialDate(claim.value) }
            let sourceId = try claim.citation.map { try self.sourceId($0.source) }
            try session.run(
                """
                INSERT INTO claim (entity_id, field, value, source_id, quote) VALUES (\(entityId), \(claim.field), \(claim.value), \(sourceId), \(claim.citation?.quote))
                ON CONFLICT (entity_id, field, value, coalesce(source_id, 0)) DO UPDATE SET quote = coalesce(excluded.quote, claim.quote)
                """)
        }
    }

    /// The row id of the source with key `key`, or the error listing some that exist.
    private func sourceId(_ key: String) throws -> Int64 {
        if let row = try session.run("SELECT id FROM source WHERE key = \(key)").first { return try row.decode(Int64.self) }
        let known = try session.run("SELECT key FROM source ORDER BY key LIMIT 10").map { try $0.decode(String.self) }
        throw PartnerGraphError.sourceNotFound(key, known: known)
    }

    /// Writes the search document of one thing (kind 0 an entity, 1 a source, 2 a relation).
    func index(kind: Int32, owner: Int64, names: String, body: String) throws {
        try session.run(
            """
            INSERT INTO search_document (kind, owner, document)
            VALUES (\(kind), \(owner), setweight(array_to_tsvector(\(StoreRules.searchWords(names))::text[]), 'A')
                                       || setweight(array_to_tsvector(\(StoreRules.searchWords(body))::text[]), 'D'))
            ON CONFLICT (kind, owner) DO UPDATE SET document = excluded.document
            """)
    }

    /// The error the SQLite store would throw for a rule the database enforced.
    private func refusal(_ violation: PostgresRuleViolation, type: String, details: RelationDetails, ends: (Entity, Entity)?) throws -> Error {
        guard let (from, to) = ends else {
            return PostgresStoreError.server(location: location, message: violation.message)
        }
        switch violation.state {
        case "PGR01":
            // The vocabulary as it now stands, for the message.
            let types = try session.transaction(readOnly: true) { try vocabulary() }
            let rule = types[type]
            return PartnerGraphError.relationNotAllowed(
                type: type, from: from.type, to: to.type, sourceTypes: rule?.sourceTypes ?? [], targetTypes: rule?.targetTypes ?? [])
        case "23505" where violation.constraint == "relation_identity":
            let relation = Relation(
                sourceId: from.id!, type: type, targetId: to.id!, role: details.role, startDate: details.startDate,
                endDate: details.endDate, date: details.date)
            return PartnerGraphError.duplicateRelation(description: StoreRules.describe(relation, from: from, to: to))
        case "PGR03":
            // An end was removed (`remove`) between its look-up and the insert.
            let remaining = try session.transaction(readOnly: true) {
                try session.run("SELECT id FROM entity WHERE id = ANY(\([from.id!, to.id!]))").map { try $0.decode(Int64.self) }
            }
            return PartnerGraphError.entityNotFound(remaining.contains(from.id!) ? to.key : from.key, suggestions: [])
        case "PGR02":
            return PartnerGraphError.unknownRelationType(type, known: try session.transaction(readOnly: true) { try vocabulary().keys.sorted() })
        default:
            return PostgresStoreError.server(location: location, message: violation.message)
        }
    }
}
