import PartnerGraph
import PostgresNIO

extension PostgresStore {
    /// Ranked full-text search over names, aliases, keys, notes and source texts, as
    /// ``PartnerGraph/PartnerGraphStore/search(_:)`` answers it.
    ///
    /// Words are folded and their Arabic clitics handled exactly as in SQLite (the same
    /// ``PartnerGraph/SearchText``); every word must occur, the last may be the start of a word. Ranking is
    /// PostgreSQL's `ts_rank` with a match in a name weighing ten times one in a note or text,
    /// divided by 1 + the logarithm of the document's length (normalization 1), where SQLite
    /// uses bm25 with the same weights and its own length normalization: the order of hits
    /// agrees on clear cases (a name before a long text that mentions it), the scores do not.
    public func search(_ query: SearchQuery) throws -> SearchResults {
        let words = SearchText.words(query.text)
        guard !words.isEmpty else { throw QueryError.invalidQuery("nothing to search for in \"\(query.text)\"; give a word") }
        guard query.limit >= 1 else { throw QueryError.invalidQuery("--limit must be at least 1") }
        var terms: [String] = []
        var groups: [String] = []
        for (index, word) in words.enumerated() {
            let forms = [word] + SearchText.cliticVariants(of: word)
            terms += forms
            let isLast = index == words.count - 1
            // Folded words are letters and digits only: nothing in them needs quoting but the quotes.
            groups.append("(" + forms.map { "'\($0)'" + (isLast ? ":*" : "") }.joined(separator: " | ") + ")")
        }
        let match = groups.joined(separator: " & ")
        let termSet = Set(terms)
        let prefixes = [words.last!] + SearchText.cliticVariants(of: words.last!)
        return try session.transaction(readOnly: true) {
            let wanted = Set(query.entityTypes)
            let fetchLimit = Int64(wanted.isEmpty ? query.limit : query.limit * 20)
            let rows = try session.run(
                """
                SELECT kind, owner, ts_rank('{0.1, 0.1, 0.1, 1.0}', document, \(match)::tsquery, 1)::float8 AS score FROM search_document
                WHERE document @@ \(match)::tsquery ORDER BY score DESC, kind, owner LIMIT \(fetchLimit)
                """)
            let types = try vocabulary()
            var hits: [SearchHit] = []
            for row in rows where hits.count < query.limit {
                let (kind, owner, rank) = try row.decode((Int32, Int64, Double).self)
                let score = (rank * 100_000).rounded() / 100
                switch kind {
                case 0:
                    guard let entityRow = try session.run("SELECT \(unescaped: Self.entityColumns) FROM entity WHERE id = \(owner)").first
                    else { continue }
                    let entity = try Self.entity(from: entityRow)
                    if !wanted.isEmpty && !wanted.contains(entity.type) { continue }
                    var matched: String?
                    if !SearchText.words(entity.name + " " + entity.key).contains(where: {
                        StoreRules.searchMatches($0, terms: termSet, prefixes: prefixes)
                    }) {
                        let aliases = try session.run("SELECT name FROM alias WHERE entity_id = \(owner) ORDER BY id").map { try $0.decode(String.self) }
                        matched = aliases.first { alias in
                            SearchText.words(alias).contains { StoreRules.searchMatches($0, terms: termSet, prefixes: prefixes) }
                        }
                    }
                    hits.append(SearchHit(
                        found: .entity, key: entity.key, type: entity.type, name: entity.name, matched: matched,
                        snippet: entity.note.flatMap { StoreRules.snippet($0, terms: termSet, prefixes: prefixes) }, relation: nil,
                        score: score))
                case 1 where wanted.isEmpty:
                    guard let sourceRow = try session.run("SELECT key, title, text FROM source WHERE id = \(owner)").first else { continue }
                    let (key, title, text) = try sourceRow.decode((String, String, String?).self)
                    hits.append(SearchHit(
                        found: .source, key: key, type: nil, name: title, matched: nil,
                        snippet: text.flatMap { StoreRules.snippet($0, terms: termSet, prefixes: prefixes) }, relation: nil, score: score))
                case 2 where wanted.isEmpty:
                    guard let relationRow = try session.run("SELECT \(unescaped: Self.relationColumns) FROM relation WHERE id = \(owner)").first
                    else { continue }
                    let relation = try Self.relation(from: relationRow)
                    let builder = try PostgresHopBuilder(
                        store: self, entityIds: [relation.sourceId, relation.targetId], relationIds: [owner], known: [], types: types)
                    let hop = try builder.hop(relation: owner, from: relation.sourceId, to: relation.targetId)
                    hits.append(SearchHit(
                        found: .relation, key: nil, type: nil, name: "\(hop.from.name) \(hop.phrase) \(hop.to.name)", matched: nil,
                        snippet: relation.note.flatMap { StoreRules.snippet($0, terms: termSet, prefixes: prefixes) }, relation: hop,
                        score: score))
                default:
                    continue
                }
            }
            return SearchResults(query: query.text, terms: terms, found: hits)
        }
    }
}
