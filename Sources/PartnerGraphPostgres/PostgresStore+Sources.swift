import PartnerGraph
import PostgresNIO

extension PostgresStore {
    /// The registered sources, by key, each with how often it is cited, as
    /// ``PartnerGraph/PartnerGraphStore/sources()`` lists them.
    public func sources() throws -> [SourceSummary] {
        try session.transaction(readOnly: true) {
            try session.run(
                """
                SELECT s.key, s.title, s.publisher, s.published, s.language, s.text IS NOT NULL,
                       (SELECT count(*) FROM citation c WHERE c.source_id = s.id)
                FROM source s ORDER BY s.key
                """
            ).map { row in
                let (key, title, publisher, published, language, hasText, count) = try row.decode(
                    (String, String, String?, String?, String?, Bool, Int64).self)
                return SourceSummary(
                    listing: key, title: title, publisher: publisher, published: try published.map(PartialDate.init), language: language,
                    citationCount: Int(count), hasText: hasText)
            }
        }
    }

    /// One source with the entities, relations and claims that cite it, as
    /// ``PartnerGraph/PartnerGraphStore/source(_:)`` shows it.
    ///
    /// - Parameter key: The source's key.
    /// - Throws: ``PartnerGraph/PartnerGraphError/sourceNotFound(_:known:)``, with some keys that exist.
    public func source(_ key: String) throws -> SourceDetail {
        try session.transaction(readOnly: true) {
            guard let row = try session.run(
                """
                SELECT id, key, title, publisher, url, published, language, text, created_at, updated_at
                FROM source WHERE key = \(key)
                """
            ).first else {
                let known = try session.run("SELECT key FROM source ORDER BY key LIMIT 10").map { try $0.decode(String.self) }
                throw PartnerGraphError.sourceNotFound(key, known: known)
            }
            let (id, key, title, publisher, url, published, language, text, created, updated) = try row.decode(
                (Int64, String, String, String?, String?, String?, String?, String?, String, String).self)
            let source = Source(
                id: id, key: key, title: title, publisher: publisher, url: url, published: try published.map(PartialDate.init),
                language: language, text: text, createdAt: created, updatedAt: updated)
            let entities = try session.run(
                "SELECT \(unescaped: Self.entityColumns.split(separator: ",").map { "e." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")) FROM entity e JOIN citation c ON c.entity_id = e.id WHERE c.source_id = \(id) ORDER BY e.key"
            ).map { try Self.entity(from: $0).ref }
            let relations = try session.run(
                """
                SELECT r.id, a.key, r.type, b.key, r.role FROM relation r
                JOIN citation c ON c.relation_id = r.id
                JOIN entity a ON a.id = r.source_id JOIN entity b ON b.id = r.target_id
                WHERE c.source_id = \(id) ORDER BY a.key, r.type, b.key
                """
            ).map { row in
                let (relation, from, type, to, role) = try row.decode((Int64, String, String, String, String?).self)
                return StoreRules.citingRelationSummary(id: relation, source: from, type: type, target: to, role: role)
            }
            let claims = try session.run(
                """
                SELECT e.key, c.field, c.value, c.quote FROM claim c JOIN entity e ON e.id = c.entity_id
                WHERE c.source_id = \(id) ORDER BY e.key, c.field, c.value
                """
            ).map { row in
                let (entity, field, value, quote) = try row.decode((String, String, String, String?).self)
                return StoreRules.claimSummary(entity: entity, field: field, value: value, quote: quote)
            }
            return SourceDetail(showing: source, entities: entities, relations: relations, claims: claims)
        }
    }

    // MARK: - Vocabulary

    /// The relation vocabulary, built-in types first, each group by name, as
    /// ``PartnerGraph/PartnerGraphStore/relationTypes()`` lists it.
    public func relationTypes() throws -> [RelationType] {
        try session.transaction(readOnly: true) {
            try vocabulary().values.sorted {
                $0.builtin != $1.builtin ? $0.builtin : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
            }
        }
    }

    /// Adds a relation type of the user's own, as ``PartnerGraph/PartnerGraphStore/addRelationType(_:)`` does.
    ///
    /// The rules go in with the type's row; the trigger that checks every relation written
    /// (schema/postgres/001_core.sql, relation_check_types) reads them from there, so the next
    /// `link` of any writer is held to them. Two writers adding the same name at once: one adds
    /// it, the other is told it exists (`ON CONFLICT`).
    ///
    /// - Throws: ``PartnerGraph/PartnerGraphError/relationTypeExists(_:)``,
    ///   ``PartnerGraph/PartnerGraphError/invalidRelationTypeName(_:)`` or
    ///   ``PartnerGraph/PartnerGraphError/invalidRelationType(_:reason:)``.
    public func addRelationType(_ type: RelationType) throws {
        try StoreRules.validateRelationType(type)
        try session.transaction {
            guard try insertRelationType(type) else { throw PartnerGraphError.relationTypeExists(type.name) }
        }
    }

    /// Inserts a relation type of the user's vocabulary; `false` when one of that name exists.
    func insertRelationType(_ type: RelationType) throws -> Bool {
        let inserted = try session.run(
            """
            INSERT INTO relation_type (name, forward_phrase, inverse_phrase, source_types, target_types, "symmetric", builtin, description)
            VALUES (\(type.name), \(type.forwardPhrase), \(type.inversePhrase), \(type.sourceTypes.map(\.rawValue).joined(separator: ",")),
                    \(type.targetTypes.map(\.rawValue).joined(separator: ",")), \(Int32(type.symmetric ? 1 : 0)), 0, \(type.description))
            ON CONFLICT (name) DO NOTHING RETURNING name
            """)
        return !inserted.isEmpty
    }
}
