import PartnerGraph
import PostgresNIO

extension PostgresStore {
    /// An SQLite store in memory holding the part of the graph `scope` names, read from one
    /// repeatable-read snapshot, under the same ids: what `render`, `export`, `list`, `stats`,
    /// `timeline` and `common` run on, so that they print what they print on SQLite.
    ///
    /// An ``PartnerGraph/GraphScope/around(_:depth:)`` scope is found here, one batched query
    /// per level (`= ANY($1)` over the frontier, both directions): the named entities, those
    /// within `depth` relations, and every relation among them. Sources and the user's relation
    /// types are copied whole.
    ///
    /// - Parameter scope: The part of the graph the command reads.
    /// - Throws: The look-up errors of ``entity(_:)``.
    /// - Complexity: Rows in proportion to the scope: the whole graph for ``PartnerGraph/GraphScope/whole``.
    public func readableCopy(of scope: GraphScope) throws -> PartnerGraphStore {
        var scope = scope
        if case let .paths(query, depth) = scope {
            // The connections, found here as `path` finds them; the copy holds their entities,
            // both ends (so that "no connection" reads as on SQLite) and what lies around them.
            let keys = try paths(query).flatMap { $0.entities.map(\.key) }
            scope = .around([query.from, query.to] + keys, depth: depth)
        }
        let rows: GraphSnapshot = try session.transaction(readOnly: true) {
            try session.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            switch scope {
            case .whole:
                return try graphRows(of: nil)
            case let .around(names, depth):
                return try graphRows(of: try entityIds(around: names.map { try resolve($0).id! }, depth: depth))
            case .paths:
                preconditionFailure("a path scope is turned into its neighbourhood above")
            }
        }
        return try PartnerGraphStore(holding: rows)
    }

    /// The entities within `depth` relations of `start`, either way, `start` included.
    private func entityIds(around start: [Int64], depth: Int) throws -> [Int64] {
        var reached = Set(start)
        var frontier = Array(reached)
        for _ in 0..<max(depth, 0) where !frontier.isEmpty {
            let rows = try session.run(
                """
                SELECT target_id FROM relation WHERE source_id = ANY(\(frontier))
                UNION SELECT source_id FROM relation WHERE target_id = ANY(\(frontier))
                """)
            frontier = try rows.map { try $0.decode(Int64.self) }.filter { reached.insert($0).inserted }
        }
        return reached.sorted()
    }

    /// The rows of the entities `ids` (all when `nil`), the relations among them, and what they cite.
    private func graphRows(of ids: [Int64]?) throws -> GraphSnapshot {
        var snapshot = GraphSnapshot()
        snapshot.relationTypes = try vocabulary().values.filter { !$0.builtin }.sorted { $0.name < $1.name }
        let everything = ids == nil
        let ids = ids ?? []
        let entityColumns = "id, key, type, name, name_normalized, name_language, kind, date, start_date, end_date, note, created_at, updated_at"
        snapshot.entities = try session.run(
            everything
                ? "SELECT \(unescaped: entityColumns) FROM entity ORDER BY id"
                : "SELECT \(unescaped: entityColumns) FROM entity WHERE id = ANY(\(ids)) ORDER BY id"
        ).map { row in
            let (id, key, type, name, normalized, language, kind, date, start, end, note, created, updated) = try row.decode(
                (Int64, String, String, String, String, String?, String?, String?, String?, String?, String?, String, String).self)
            return .init(
                id: id, key: key, type: type, name: name, nameNormalized: normalized, nameLanguage: language, kind: kind, date: date,
                startDate: start, endDate: end, note: note, createdAt: created, updatedAt: updated)
        }
        snapshot.aliases = try session.run(
            everything
                ? "SELECT id, entity_id, name, name_normalized, language FROM alias ORDER BY id"
                : "SELECT id, entity_id, name, name_normalized, language FROM alias WHERE entity_id = ANY(\(ids)) ORDER BY id"
        ).map { row in
            let (id, entity, name, normalized, language) = try row.decode((Int64, Int64, String, String, String?).self)
            return .init(id: id, entityId: entity, name: name, nameNormalized: normalized, language: language)
        }
        snapshot.attributes = try session.run(
            everything
                ? "SELECT entity_id, key, value FROM attribute"
                : "SELECT entity_id, key, value FROM attribute WHERE entity_id = ANY(\(ids))"
        ).map { row in
            let (entity, key, value) = try row.decode((Int64, String, String).self)
            return .init(entityId: entity, key: key, value: value)
        }
        snapshot.mergedKeys = try session.run(
            everything
                ? "SELECT key, entity_id FROM merged_key"
                : "SELECT key, entity_id FROM merged_key WHERE entity_id = ANY(\(ids))"
        ).map { row in
            let (key, entity) = try row.decode((String, Int64).self)
            return (key, entity)
        }
        snapshot.sources = try session.run(
            "SELECT id, key, title, publisher, url, published, language, text, text_hash, created_at, updated_at FROM source ORDER BY id"
        ).map { row in
            let (id, key, title, publisher, url, published, language, text, hash, created, updated) = try row.decode(
                (Int64, String, String, String?, String?, String?, String?, String?, String?, String, String).self)
            return .init(
                id: id, key: key, title: title, publisher: publisher, url: url, published: published, language: language, text: text,
                textHash: hash, createdAt: created, updatedAt: updated)
        }
        let relationColumns = "id, source_id, type, target_id, role, start_date, end_date, date, note, created_at, updated_at"
        snapshot.relations = try session.run(
            everything
                ? "SELECT \(unescaped: relationColumns) FROM relation ORDER BY id"
                : "SELECT \(unescaped: relationColumns) FROM relation WHERE source_id = ANY(\(ids)) AND target_id = ANY(\(ids)) ORDER BY id"
        ).map { row in
            let (id, source, type, target, role, start, end, date, note, created, updated) = try row.decode(
                (Int64, Int64, String, Int64, String?, String?, String?, String?, String?, String, String).self)
            return .init(
                id: id, sourceId: source, type: type, targetId: target, role: role, startDate: start, endDate: end, date: date,
                note: note, createdAt: created, updatedAt: updated)
        }
        let relationIds = snapshot.relations.map(\.id)
        snapshot.citations = try session.run(
            everything
                ? "SELECT id, source_id, entity_id, relation_id, quote FROM citation ORDER BY id"
                : """
                SELECT id, source_id, entity_id, relation_id, quote FROM citation
                WHERE entity_id = ANY(\(ids)) OR relation_id = ANY(\(relationIds)) ORDER BY id
                """
        ).map { row in
            let (id, source, entity, relation, quote) = try row.decode((Int64, Int64, Int64?, Int64?, String?).self)
            return .init(id: id, sourceId: source, entityId: entity, relationId: relation, quote: quote)
        }
        snapshot.claims = try session.run(
            everything
                ? "SELECT id, entity_id, field, value, source_id, quote FROM claim ORDER BY id"
                : "SELECT id, entity_id, field, value, source_id, quote FROM claim WHERE entity_id = ANY(\(ids)) ORDER BY id"
        ).map { row in
            let (id, entity, field, value, source, quote) = try row.decode((Int64, Int64, String, String, Int64?, String?).self)
            return .init(id: id, entityId: entity, field: field, value: value, sourceId: source, quote: quote)
        }
        return snapshot
    }
}
