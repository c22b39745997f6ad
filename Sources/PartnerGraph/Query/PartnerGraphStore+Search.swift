import GRDB

extension PartnerGraphStore {
    /// Ranked full-text search over entity keys, names, aliases and notes, relation notes, and
    /// source titles and texts (SQLite FTS5), with Arabic folded as ``SearchText`` describes.
    ///
    /// ```swift
    /// try store.search(SearchQuery("أذربيجان")).hits.first?.key   // "azerbaijan"
    /// ```
    ///
    /// Before reading, the search indexes whatever was written since the last search (the
    /// `search_pending` queue of the schema); on a database it may not write, it searches the
    /// index as it stands.
    ///
    /// - Parameter query: The words, the limit, and the entity types; see ``SearchQuery``.
    /// - Returns: The hits, best first.
    /// - Throws: ``QueryError/invalidQuery(_:)`` when the text has no word to look for.
    public func search(_ query: SearchQuery) throws -> SearchResults {
        let words = SearchText.words(query.text)
        guard !words.isEmpty else { throw QueryError.invalidQuery("nothing to search for in \(quoted(query.text)); give a word") }
        guard query.limit >= 1 else { throw QueryError.invalidQuery("--limit must be at least 1") }
        try refreshSearchIndex()
        var terms: [String] = []
        var groups: [String] = []
        for (index, word) in words.enumerated() {
            let forms = [word] + SearchText.cliticVariants(of: word)
            terms += forms
            let isLast = index == words.count - 1
            groups.append("(" + forms.map { "\"\($0)\"" + (isLast ? "*" : "") }.joined(separator: " OR ") + ")")
        }
        let match = groups.joined(separator: " AND ")
        let termSet = Set(terms)
        let prefixes = [words.last!] + SearchText.cliticVariants(of: words.last!)
        return try read { db in
            let builder = try HopBuilder(db)
            let wanted = Set(query.entityTypes)
            // Fetch extra rows when filtering by type, which happens after ranking.
            let fetchLimit = wanted.isEmpty ? query.limit : query.limit * 20
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT rowid, -bm25(search_index, 10.0, 1.0) AS score FROM search_index
                    WHERE search_index MATCH ? ORDER BY bm25(search_index, 10.0, 1.0) LIMIT ?
                    """,
                arguments: [match, fetchLimit])
            var hits: [SearchHit] = []
            for row in rows where hits.count < query.limit {
                let rowid: Int64 = row[0]
                let score: Double = row[1]
                let owner = rowid / 4
                switch rowid % 4 {
                case 0:
                    guard let entity = try Entity.fetchOne(db, key: owner) else { continue }
                    if !wanted.isEmpty && !wanted.contains(entity.type) { continue }
                    var matched: String?
                    if !SearchText.words(entity.name + " " + entity.key).contains(where: {
                        SearchText.matches($0, terms: termSet, prefixes: prefixes)
                    }) {
                        let aliases = try String.fetchAll(db, sql: "SELECT name FROM alias WHERE entity_id = ? ORDER BY id", arguments: [owner])
                        matched = aliases.first { alias in
                            SearchText.words(alias).contains { SearchText.matches($0, terms: termSet, prefixes: prefixes) }
                        }
                    }
                    hits.append(SearchHit(
                        kind: .entity, key: entity.key, type: entity.type, name: entity.name, matched: matched,
                        snippet: entity.note.flatMap { Self.snippet($0, terms: termSet, prefixes: prefixes) }, relation: nil, score: score))
                case 1 where wanted.isEmpty:
                    guard let source = try Source.fetchOne(db, key: owner) else { continue }
                    hits.append(SearchHit(
                        kind: .source, key: source.key, type: nil, name: source.title, matched: nil,
                        snippet: source.text.flatMap { Self.snippet($0, terms: termSet, prefixes: prefixes) }, relation: nil, score: score))
                case 2 where wanted.isEmpty:
                    guard let relation = try Relation.fetchOne(db, id: owner) else { continue }
                    let hop = try builder.hop(relation: owner, from: relation.sourceId, to: relation.targetId)
                    hits.append(SearchHit(
                        kind: .relation, key: nil, type: nil, name: "\(hop.from.name) \(hop.phrase) \(hop.to.name)", matched: nil,
                        snippet: relation.note.flatMap { Self.snippet($0, terms: termSet, prefixes: prefixes) }, relation: hop,
                        score: score))
                default:
                    continue
                }
            }
            return SearchResults(query: query.text, terms: terms, hits: hits)
        }
    }

    /// Indexes what the `search_pending` queue lists. A database opened read-only is left as it is.
    ///
    /// ``search(_:)`` calls it first; an application that writes in bulk may call it to pay the
    /// indexing cost at a time of its choosing.
    ///
    /// - Returns: How many things were (re)indexed.
    /// - Throws: GRDB's `DatabaseError` when SQLite fails.
    @discardableResult
    public func refreshSearchIndex() throws -> Int {
        let pending = try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM search_pending)") ?? false }
        guard pending else { return 0 }
        do {
            return try write { db in try Self.indexPending(in: db) }
        } catch PartnerGraphError.readOnlyDatabase {
            return 0
        }
    }

    static func indexPending(in db: Database) throws -> Int {
        let queue = try Row.fetchAll(db, sql: "SELECT kind, owner FROM search_pending")
        let delete = try db.cachedStatement(sql: "DELETE FROM search_index WHERE rowid = ?")
        let insert = try db.cachedStatement(sql: "INSERT INTO search_index (rowid, names, body) VALUES (?, ?, ?)")
        for row in queue {
            let kind: Int64 = row[0]
            let owner: Int64 = row[1]
            let rowid = owner * 4 + kind
            try delete.execute(arguments: [rowid])
            var document: (names: String, body: String)?
            switch kind {
            case 0:
                if let entity = try Entity.fetchOne(db, key: owner) {
                    let aliases = try String.fetchAll(db, sql: "SELECT name FROM alias WHERE entity_id = ?", arguments: [owner])
                    document = (([entity.key, entity.name] + aliases).joined(separator: " \n "), entity.note ?? "")
                }
            case 1:
                if let source = try Source.fetchOne(db, key: owner) {
                    document = ("\(source.key) \n \(source.title)", source.text ?? "")
                }
            default:
                if let note = try String.fetchOne(db, sql: "SELECT note FROM relation WHERE id = ?", arguments: [owner]) {
                    document = ("", note)
                }
            }
            if let document {
                try insert.execute(arguments: [rowid, SearchText.indexed(document.names), SearchText.indexed(document.body)])
            }
        }
        try db.execute(sql: "DELETE FROM search_pending")
        // A change to an entity's names may have come with the queue: `ingest`'s compiled names are out of date.
        if queue.contains(where: { $0[0] as Int64 == 0 }) { try db.execute(sql: "DELETE FROM name_matcher WHERE name = 'graph'") }
        return queue.count
    }

    /// About a dozen words of `text` around the first word that matches.
    static func snippet(_ text: String, terms: Set<String>, prefixes: [String]) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard let hit = words.firstIndex(where: { word in
            SearchText.words(String(word)).contains { SearchText.matches($0, terms: terms, prefixes: prefixes) }
        }) else { return nil }
        let lower = max(0, hit - 6)
        let upper = min(words.count, hit + 7)
        return (lower > 0 ? "… " : "") + words[lower..<upper].joined(separator: " ") + (upper < words.count ? " …" : "")
    }
}
