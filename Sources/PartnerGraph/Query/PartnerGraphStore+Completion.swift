import GRDB

extension PartnerGraphStore {
    /// Entity keys, names and aliases that start with `prefix`, for a shell's completion.
    ///
    /// ```swift
    /// try store.entityNames(startingWith: "Sa")   // ["Sahiba Gafarova", "Salim M. AlMalik"]
    /// try store.entityNames(startingWith: "sa")   // ["sahiba-gafarova", "salim-m-almalik"]
    /// ```
    ///
    /// The prefix is matched exactly as written, case included, as shells match it. Aliases are
    /// offered only once a prefix is typed: with nothing typed, every name and key is already a
    /// long list.
    ///
    /// - Parameters:
    ///   - prefix: The text typed so far.
    ///   - limit: The most candidates to return: the first ones in sorted order.
    /// - Returns: Distinct candidates, sorted by their UTF-8 bytes.
    /// - Complexity: Through indexes: keys by their own, names and aliases by their normalized
    ///   form (``NameNormalizer`` folds each character on its own, so a name that starts with the
    ///   prefix has a normalized form that starts with the prefix's), then checked as written.
    ///   For 100,000 entities a whole completion process costs about 20 M instructions with a
    ///   prefix typed (as much as starting it), and 250 M with nothing typed, when every name is
    ///   read and sorted.
    public func entityNames(startingWith prefix: String, limit: Int = 500) throws -> [String] {
        guard !prefix.isEmpty else {
            // Every key and name: read in table order and sorted, rather than row by row through
            // an index range that holds them all.
            return try read { db in
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT value FROM (
                          SELECT * FROM (SELECT key AS value FROM entity ORDER BY key LIMIT :limit)
                          UNION SELECT * FROM (SELECT DISTINCT name FROM entity ORDER BY name LIMIT :limit)
                        ) ORDER BY value LIMIT :limit
                        """,
                    arguments: ["limit": limit])
            }
        }
        let normalized = NameNormalizer.normalize(prefix)
        return try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT value FROM (
                      SELECT * FROM (
                        SELECT key AS value FROM entity WHERE key >= :prefix AND key < :end ORDER BY key LIMIT :limit)
                      UNION SELECT * FROM (
                        SELECT DISTINCT name FROM entity
                        WHERE name_normalized >= :normalized AND name_normalized < :normalizedEnd AND name >= :prefix AND name < :end
                        ORDER BY name LIMIT :limit)
                      UNION SELECT * FROM (
                        SELECT DISTINCT name FROM alias
                        WHERE name_normalized >= :normalized AND name_normalized < :normalizedEnd AND name >= :prefix AND name < :end
                        ORDER BY name LIMIT :limit)
                    ) ORDER BY value LIMIT :limit
                    """,
                arguments: [
                    "prefix": prefix, "end": Self.endOfRange(prefix), "normalized": normalized,
                    "normalizedEnd": Self.endOfRange(normalized), "limit": limit,
                ])
        }
    }

    /// The keys of the registered sources that start with `prefix`, for a shell's completion.
    ///
    /// - Parameters:
    ///   - prefix: The text typed so far, matched as ``entityNames(startingWith:limit:)`` does.
    ///   - limit: The most keys to return: the first ones in sorted order.
    /// - Returns: The keys, sorted.
    public func sourceKeys(startingWith prefix: String, limit: Int = 500) throws -> [String] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT key FROM source WHERE key >= ? AND key < ? ORDER BY key LIMIT ?",
                arguments: [prefix, Self.endOfRange(prefix), limit])
        }
    }

    /// The text that sorts after every text that starts with `prefix` (SQLite compares text by its
    /// UTF-8 bytes, and U+10FFFF has the greatest): `prefix <= text < endOfRange(prefix)` is
    /// "text starts with prefix", in a form an index can answer.
    private static func endOfRange(_ prefix: String) -> String {
        prefix + "\u{10FFFF}"
    }
}
