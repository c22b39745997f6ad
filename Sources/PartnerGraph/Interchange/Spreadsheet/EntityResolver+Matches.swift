import GRDB

extension EntityResolver {
    /// Every entity `text` names, as ``resolve(_:in:)`` matches it, without choosing or throwing:
    /// the entity whose key is `text`, else those whose primary name or an alias is `text`
    /// after ``NameNormalizer`` folding, ordered by key.
    static func matches(_ text: String, in db: Database) throws -> [Entity] {
        let byKey = try db.cachedStatement(sql: "SELECT * FROM entity WHERE key = ?")
        if let entity = try Entity.fetchOne(byKey, arguments: [text]) {
            return [entity]
        }
        let normalized = NameNormalizer.normalize(text)
        let byName = try db.cachedStatement(
            sql: """
                SELECT * FROM entity WHERE id IN (
                    SELECT id FROM entity WHERE name_normalized = ?
                    UNION
                    SELECT entity_id FROM alias WHERE name_normalized = ?)
                ORDER BY key
                """)
        return try Entity.fetchAll(byName, arguments: [normalized, normalized])
    }
}
