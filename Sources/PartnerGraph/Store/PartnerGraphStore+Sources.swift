import GRDB

/// A source with how often it is cited, for `source list`.
public struct SourceSummary: Codable, Hashable, Sendable {
    /// The source's key.
    public var key: String
    /// Its title.
    public var title: String
    /// Who published it.
    public var publisher: String?
    /// When it was published.
    public var published: PartialDate?
    /// Its language tag.
    public var language: String?
    /// How many citations of entities and relations name it.
    public var citationCount: Int
    /// Whether its full text is stored.
    public var hasText: Bool

    enum CodingKeys: String, CodingKey {
        case key, title, publisher, published, language
        case citationCount = "citation_count"
        case hasText = "has_text"
    }
}

/// A source with what cites it, for `source show`.
public struct SourceDetail: Codable, Hashable, Sendable {
    /// The source itself.
    public var source: Source
    /// The entities that cite the source.
    public var entities: [EntityRef]
    /// The relations that cite the source, as one-line summaries.
    public var relations: [String]
    /// The values the source states for entities' attributes and dates, as one-line summaries:
    /// `icesco founded = 1982 “…”`.
    public var claims: [String] = []
}

extension PartnerGraphStore {
    /// Registers a document that facts can cite.
    ///
    /// ```swift
    /// try store.addSource(Source(
    ///     key: "icesco-2024-03-26", title: "Emphasis on strengthening the partnership between ICESCO and Azerbaijan",
    ///     publisher: "ICESCO", published: try PartialDate("2024-03-26"), language: "ar"))
    /// ```
    ///
    /// - Parameter source: The source; its ``Source/id`` is ignored.
    /// - Returns: The stored source, with its row id.
    /// - Throws: ``PartnerGraphError/duplicateSource(_:)`` when the key is taken,
    ///   ``PartnerGraphError/invalidKey(_:)``, ``PartnerGraphError/emptyName`` for an empty title.
    @discardableResult
    public func addSource(_ source: Source) throws -> Source {
        try write { db in
            try validateKey(source.key)
            try validateText(
                [source.title, source.publisher, source.url, source.language, source.text], field: "source's title, publisher, URL, language or text")
            guard !source.title.isEmpty else { throw PartnerGraphError.emptyName }
            if try Source.filter(Source.Columns.key == source.key).fetchCount(db) > 0 {
                throw PartnerGraphError.duplicateSource(source.key)
            }
            var stored = source
            try stored.insert(db)
            return stored
        }
    }

    /// The registered sources, by key.
    public func sources() throws -> [SourceSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.key, s.title, s.publisher, s.published, s.language, s.text IS NOT NULL AS has_text,
                           (SELECT count(*) FROM citation c WHERE c.source_id = s.id) AS n
                    FROM source s ORDER BY s.key
                    """
            ).map {
                SourceSummary(
                    key: $0["key"], title: $0["title"], publisher: $0["publisher"], published: $0["published"],
                    language: $0["language"], citationCount: $0["n"], hasText: $0["has_text"])
            }
        }
    }

    /// One source, with the entities and relations that cite it.
    ///
    /// - Parameter key: The source's key.
    /// - Throws: ``PartnerGraphError/sourceNotFound(_:known:)``.
    public func source(_ key: String) throws -> SourceDetail {
        try read { db in
            guard let source = try Source.filter(Source.Columns.key == key).fetchOne(db) else {
                let known = try String.fetchAll(db, sql: "SELECT key FROM source ORDER BY key LIMIT 10")
                throw PartnerGraphError.sourceNotFound(key, known: known)
            }
            let entities = try Entity.fetchAll(
                db,
                sql: "SELECT e.* FROM entity e JOIN citation c ON c.entity_id = e.id WHERE c.source_id = ? ORDER BY e.key",
                arguments: [source.id]
            ).map(\.ref)
            let relations = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, a.key AS source, r.type, b.key AS target, r.role FROM relation_view r
                    JOIN citation c ON c.relation_id = r.id
                    JOIN entity a ON a.id = r.source_id JOIN entity b ON b.id = r.target_id
                    WHERE c.source_id = ? ORDER BY a.key, r.type, b.key
                    """,
                arguments: [source.id]
            ).map { row -> String in
                let role: String? = row["role"]
                return "#\(row["id"] as Int64) \(row["source"] as String) —\(row["type"] as String)→ \(row["target"] as String)"
                    + (role.map { " as \(quoted($0))" } ?? "")
            }
            let claims = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.key, c.field, c.value, c.quote FROM claim c JOIN entity e ON e.id = c.entity_id
                    WHERE c.source_id = ? ORDER BY e.key, c.field, c.value
                    """,
                arguments: [source.id]
            ).map { row -> String in
                let quote: String? = row[3]
                return "\(row[0] as String) \(row[1] as String) = \(row[2] as String)" + (quote.map { " “\($0)”" } ?? "")
            }
            return SourceDetail(source: source, entities: entities, relations: relations, claims: claims)
        }
    }
}
