import PartnerGraph
import PostgresNIO

extension PostgresStore {
    /// The entity a key, name or alias designates, as ``PartnerGraph/PartnerGraphStore/entity(_:)`` finds it.
    ///
    /// - Throws: ``PartnerGraph/PartnerGraphError/entityNotFound(_:suggestions:)`` with the closest names, or
    ///   ``PartnerGraph/PartnerGraphError/ambiguousEntity(_:candidates:)``.
    public func entity(_ name: String) throws -> Entity {
        try session.transaction(readOnly: true) { try resolve(name) }
    }

    /// Everything known about an entity, as ``PartnerGraph/PartnerGraphStore/profile(of:relationsPerGroup:)`` answers.
    ///
    /// - Parameters:
    ///   - name: The entity's key, name or alias.
    ///   - relationsPerGroup: At most this many relations of each group (0: only the counts); `nil`: all.
    public func profile(of name: String, relationsPerGroup: Int? = nil) throws -> EntityProfile {
        if let relationsPerGroup, relationsPerGroup < 0 {
            throw QueryError.invalidQuery("the number of relations shown per group must be 0 or more, not \(relationsPerGroup)")
        }
        return try session.transaction(readOnly: true) {
            let entity = try resolve(name)
            let id = entity.id!
            let aliases = try session.run("SELECT name, language FROM alias WHERE entity_id = \(id) ORDER BY id").map {
                let (name, language) = try $0.decode((String, String?).self)
                return Alias(name: name, language: language)
            }
            var attributes: [String: String] = [:]
            for row in try session.run("SELECT key, value FROM attribute WHERE entity_id = \(id)") {
                let (key, value) = try row.decode((String, String).self)
                attributes[key] = value
            }
            let claims = try session.run(
                """
                SELECT c.field, c.value, s.key, s.title, c.quote FROM claim c LEFT JOIN source s ON s.id = c.source_id
                WHERE c.entity_id = \(id) ORDER BY c.field, c.value, s.key
                """
            ).map { row -> (field: String, value: String, citation: CitationView?) in
                let (field, value, key, title, quote) = try row.decode((String, String, String?, String?, String?).self)
                return (field, value, key.map { CitationView(cited: $0, title: title ?? "", quote: quote) })
            }
            let (groups, relations) = StoreRules.groupedForProfile(
                try relationViews(of: entity), types: try vocabulary(), limit: relationsPerGroup)
            return EntityProfile(
                entity: entity, aliases: aliases, attributes: attributes, citations: try citations(entityId: id),
                relations: relations, claims: StoreRules.fieldClaims(claims, entity: entity, attributes: attributes),
                groups: groups, limit: relationsPerGroup)
        }
    }

    // MARK: - Shared steps (inside a transaction)

    /// Finds the entity `text` designates: by key, by a merged key, else by folded name or alias.
    func resolve(_ text: String) throws -> Entity {
        if let row = try session.run("SELECT \(unescaped: Self.entityColumns) FROM entity WHERE key = \(text)").first {
            return try Self.entity(from: row)
        }
        if let row = try session.run(
            "SELECT \(unescaped: Self.entityColumns) FROM entity WHERE id = (SELECT entity_id FROM merged_key WHERE key = \(text))"
        ).first {
            return try Self.entity(from: row)
        }
        let normalized = NameNormalizer.normalize(text)
        var matchedBy: [Int64: String?] = [:]
        for row in try session.run(
            """
            SELECT id, NULL::text FROM entity WHERE name_normalized = \(normalized)
            UNION SELECT entity_id, name FROM alias WHERE name_normalized = \(normalized)
            """)
        {
            let (id, matched) = try row.decode((Int64, String?).self)
            if matchedBy[id] == nil || matched == nil { matchedBy[id] = matched }
        }
        if matchedBy.count == 1, let row = try session.run(
            "SELECT \(unescaped: Self.entityColumns) FROM entity WHERE id = \(matchedBy.keys.first!)"
        ).first {
            return try Self.entity(from: row)
        }
        if matchedBy.count > 1 {
            let entities = try session.run(
                "SELECT \(unescaped: Self.entityColumns) FROM entity WHERE id = ANY(\(Array(matchedBy.keys))) ORDER BY key"
            ).map(Self.entity(from:))
            throw PartnerGraphError.ambiguousEntity(
                text, candidates: entities.map { .init(key: $0.key, type: $0.type, name: $0.name, matched: matchedBy[$0.id!] ?? nil) })
        }
        throw PartnerGraphError.entityNotFound(text, suggestions: try suggestions(for: normalized))
    }

    /// The up to three names closest to `normalized`, as the SQLite store suggests them.
    private func suggestions(for normalized: String) throws -> [PartnerGraphError.Candidate] {
        guard !normalized.isEmpty else { return [] }
        let target = Array(normalized)
        let limit = max(2, target.count / 3)
        var best: [Int64: (score: Int, candidate: PartnerGraphError.Candidate)] = [:]
        let rows = try session.run(
            """
            SELECT e.id, e.key, e.type, e.name, e.name_normalized, NULL::text FROM entity e
            UNION ALL
            SELECT e.id, e.key, e.type, e.name, a.name_normalized, a.name FROM alias a JOIN entity e ON e.id = a.entity_id
            """)
        for row in rows {
            let (id, key, type, name, folded, alias) = try row.decode((Int64, String, String, String, String, String?).self)
            let score: Int
            if folded.contains(normalized) || key.contains(normalized) {
                score = 0
            } else if let distance = StoreRules.editDistance(Array(folded), target, limit: limit) {
                score = distance
            } else if let distance = folded.split(separator: " ")
                .compactMap({ StoreRules.editDistance(Array($0), target, limit: limit) }).min()
            {
                score = distance + 1
            } else {
                continue
            }
            if let existing = best[id], existing.score <= score { continue }
            best[id] = (score, .init(key: key, type: EntityType(rawValue: type) ?? .organization, name: name, matched: alias))
        }
        return best.values.sorted { ($0.score, $0.candidate.key) < ($1.score, $1.candidate.key) }.prefix(3).map(\.candidate)
    }

    /// The citations of one entity or one relation, by source key then quote.
    func citations(entityId: Int64? = nil, relationId: Int64? = nil) throws -> [CitationView] {
        let rows: [PostgresRow]
        if let entityId {
            rows = try session.run(
                """
                SELECT s.key, s.title, c.quote FROM citation c JOIN source s ON s.id = c.source_id
                WHERE c.entity_id = \(entityId) ORDER BY s.key, coalesce(c.quote, '')
                """)
        } else {
            rows = try session.run(
                """
                SELECT s.key, s.title, c.quote FROM citation c JOIN source s ON s.id = c.source_id
                WHERE c.relation_id = \(relationId ?? 0) ORDER BY s.key, coalesce(c.quote, '')
                """)
        }
        return try rows.map {
            let (key, title, quote) = try $0.decode((String, String, String?).self)
            return CitationView(cited: key, title: title, quote: quote)
        }
    }

    /// The citations of many relations at once, by relation id.
    func citations(relationIds: [Int64]) throws -> [Int64: [CitationView]] {
        guard !relationIds.isEmpty else { return [:] }
        var result: [Int64: [CitationView]] = [:]
        for row in try session.run(
            """
            SELECT c.relation_id, s.key, s.title, c.quote FROM citation c JOIN source s ON s.id = c.source_id
            WHERE c.relation_id = ANY(\(relationIds)) ORDER BY s.key, coalesce(c.quote, '')
            """)
        {
            let (relation, key, title, quote) = try row.decode((Int64, String, String, String?).self)
            result[relation, default: []].append(CitationView(cited: key, title: title, quote: quote))
        }
        return result
    }

    /// The relations of `entity` in both directions, in the order `show` lists them.
    func relationViews(of entity: Entity) throws -> [RelationView] {
        let id = entity.id!
        let types = try vocabulary()
        let rows = try session.run(
            """
            SELECT \(unescaped: Self.relationColumns.split(separator: ",").map { "r." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")),
                   o.key, o.type, o.name
            FROM relation r JOIN entity o ON o.id = CASE WHEN r.source_id = \(id) THEN r.target_id ELSE r.source_id END
            WHERE r.source_id = \(id) OR r.target_id = \(id)
            """)
        var relations: [(Relation, EntityRef)] = []
        for row in rows {
            let relation = try Self.relation(from: row)
            let cells = row.makeRandomAccess()
            let other = EntityRef(
                key: try cells[11].decode(String.self), type: EntityType(rawValue: try cells[12].decode(String.self)) ?? .organization,
                name: try cells[13].decode(String.self))
            relations.append((relation, other))
        }
        let citations = try citations(relationIds: relations.map { $0.0.id! })
        let views = try relations.map { relation, other in
            StoreRules.view(
                of: relation, type: try relationType(relation.type, in: types), from: entity.ref, outgoing: relation.sourceId == id,
                other: other, citations: citations[relation.id!] ?? [])
        }
        return views
    }
}
