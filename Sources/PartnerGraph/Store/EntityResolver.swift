import GRDB

/// Finds the entity a person means by a name typed on the command line.
///
/// The text matches an entity's key exactly; failing that, its primary name or any alias
/// after ``NameNormalizer`` folding, so `الإيسيسكو`, `الايسيسكو` and `icesco` all find ICESCO.
enum EntityResolver {
    /// - Throws: ``PartnerGraphError/entityNotFound(_:suggestions:)`` with the closest names,
    ///   or ``PartnerGraphError/ambiguousEntity(_:candidates:)`` listing every match.
    static func resolve(_ text: String, in db: Database) throws -> Entity {
        // Raw SQL: the query interface's generic machinery costs a fresh process more than the query.
        let byKey = try db.cachedStatement(sql: "SELECT * FROM entity WHERE key = ?")
        if let entity = try Entity.fetchOne(byKey, arguments: [text]) {
            return entity
        }
        // The key of an entity merged into another names the one it was merged into.
        let merged = try db.cachedStatement(sql: "SELECT e.* FROM merged_key m JOIN entity e ON e.id = m.entity_id WHERE m.key = ?")
        if let entity = try Entity.fetchOne(merged, arguments: [text]) {
            return entity
        }
        let normalized = NameNormalizer.normalize(text)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, NULL AS matched FROM entity WHERE name_normalized = ?
                UNION
                SELECT entity_id, name FROM alias WHERE name_normalized = ?
                """,
            arguments: [normalized, normalized])
        var matchedBy: [Int64: String?] = [:]
        for row in rows {
            let id: Int64 = row["id"]
            let matched: String? = row["matched"]
            if matchedBy[id] == nil || matched == nil { matchedBy[id] = matched }
        }
        if matchedBy.count == 1, let entity = try Entity.fetchOne(db, key: matchedBy.keys.first!) {
            return entity
        }
        if matchedBy.count > 1 {
            let entities = try Entity.fetchAll(db, keys: Array(matchedBy.keys)).sorted { $0.key < $1.key }
            throw PartnerGraphError.ambiguousEntity(
                text,
                candidates: entities.map {
                    .init(key: $0.key, type: $0.type, name: $0.name, matched: matchedBy[$0.id!] ?? nil)
                })
        }
        throw PartnerGraphError.entityNotFound(text, suggestions: try suggestions(for: normalized, in: db))
    }

    /// The up to three names closest to `normalized`: containing it, or within a small edit distance.
    static func suggestions(for normalized: String, in db: Database) throws -> [PartnerGraphError.Candidate] {
        guard !normalized.isEmpty else { return [] }
        let target = Array(normalized)
        let limit = max(2, target.count / 3)
        var best: [Int64: (score: Int, candidate: PartnerGraphError.Candidate)] = [:]
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.id, e.key, e.type, e.name, e.name_normalized AS folded, NULL AS alias FROM entity e
                UNION ALL
                SELECT e.id, e.key, e.type, e.name, a.name_normalized, a.name FROM alias a JOIN entity e ON e.id = a.entity_id
                """)
        while let row = try cursor.next() {
            let folded: String = row["folded"]
            let key: String = row["key"]
            let score: Int
            if folded.contains(normalized) || key.contains(normalized) {
                score = 0
            } else if let distance = editDistance(Array(folded), target, limit: limit) {
                score = distance
            } else if let distance = folded.split(separator: " ")
                .compactMap({ editDistance(Array($0), target, limit: limit) }).min()
            {
                // A word of a longer name comes after whole names at the same distance.
                score = distance + 1
            } else {
                continue
            }
            let id: Int64 = row["id"]
            if let existing = best[id], existing.score <= score { continue }
            let type = EntityType(rawValue: row["type"]) ?? .organization
            best[id] = (score, .init(key: key, type: type, name: row["name"], matched: row["alias"]))
        }
        return best.values
            .sorted { ($0.score, $0.candidate.key) < ($1.score, $1.candidate.key) }
            .prefix(3)
            .map(\.candidate)
    }

    /// Levenshtein distance, or `nil` as soon as it must exceed `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
