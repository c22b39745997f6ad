import Foundation
import GRDB

extension PartnerGraphStore {
    /// Stores an article as a source, finds the entities it mentions, the dates it gives and the
    /// names it introduces, and records the facts it states as drafts for review.
    ///
    /// Nothing enters the graph but the source: every proposed entity and relation waits as a
    /// ``Draft`` until ``acceptDrafts(_:)`` accepts it. An article whose text is already stored is
    /// not stored again: its source is reused, and its drafts are those it already has.
    ///
    /// ```swift
    /// let article = try Article(data: data, origin: "release.txt")
    /// let report = try store.ingest(article, publisher: "ICESCO")
    /// report.mentions.map(\.entity?.key)   // ["icesco", "azerbaijan", …]
    /// ```
    ///
    /// - Parameters:
    ///   - article: The article, checked and its language known.
    ///   - key: The source's key; derived from the publisher and date, or the title, when `nil`.
    ///   - title: The title; the article's first line when `nil`.
    ///   - publisher: Who published the article (`ICESCO`); part of the derived key.
    ///   - published: The publication date; a full date written in the article's first lines when `nil`.
    ///   - url: Where the article can be read.
    /// - Throws: ``IngestError/keyTaken(key:)``, and the store's validation errors.
    /// - Complexity: The article is read once against all names at once (`NameMatcher`), whatever
    ///   the size of the graph; the matcher is compiled when names changed since the last ingest,
    ///   and kept in the database.
    public func ingest(
        _ article: Article, key: String? = nil, title: String? = nil, publisher: String? = nil, published: PartialDate? = nil,
        url: String? = nil
    ) throws -> IngestReport {
        try write { db in
            try validateText([key, title, publisher, url], field: "source's key, title, publisher or URL")
            // Names changed since the last search: index them, which marks the stored matcher stale.
            // (Other queued texts, such as earlier articles, wait for `search`.)
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM search_pending WHERE kind = 0)") ?? false {
                _ = try Self.indexPending(in: db)
            }
            let text = ArticleText(article.text)
            // The date line of a press release is its publication date.
            let published = published ?? Self.dateLine(of: article)
            var (source, reused) = try Self.register(
                article, key: key, title: title, publisher: publisher, published: published, url: url, in: db)
            let matcher = try Self.nameMatcher(in: db)
            GazetteerIndex.install(try Self.gazetteerMatcher(in: db))
            let publication = published ?? source.published
            let dates = DateExtractor.dates(in: article.text, published: publication)
            let vocabulary = try Self.vocabulary(in: db)
            var analysis = try Self.analyze(
                text, article: article, published: publication, dates: dates, matcher: matcher, vocabulary: vocabulary, in: db)
            try Self.findRecorded(&analysis, vocabulary: vocabulary, in: db)
            var drafts: [DraftView]
            if reused, try Draft.filter(Column("source_id") == source.id!).fetchCount(db) > 0 {
                drafts = try Self.draftViews(sql: "SELECT * FROM draft WHERE source_id = ? ORDER BY id", arguments: [source.id!], in: db)
            } else {
                drafts = try Self.storeDrafts(&analysis, source: source, in: db)
            }
            if source.language == nil {
                source.language = article.language.rawValue
                try source.update(db)
            }
            return IngestReport(
                source: .init(
                    key: source.key, title: source.title, publisher: source.publisher, published: source.published,
                    language: source.language, url: source.url),
                reused: reused, language: article.language.rawValue, languageDetected: article.languageDetected,
                mentions: analysis.mentions, candidates: analysis.candidateViews, dates: dates, drafts: drafts,
                alreadyRecorded: analysis.alreadyRecorded)
        }
    }

    // MARK: - The source

    /// A full date on one of the first three lines, where a press release gives its date.
    static func dateLine(of article: Article) -> PartialDate? {
        let head = article.text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: true).prefix(3).joined(separator: "\n")
        return DateExtractor.dates(in: head, published: nil).first { $0.date.precision == .day }?.date
    }

    /// The stored source with the article's text, or a new one.
    private static func register(
        _ article: Article, key: String?, title: String?, publisher: String?, published: PartialDate?, url: String?, in db: Database
    ) throws -> (Source, reused: Bool) {
        // Sources stored before fingerprints were kept (or by `source add`, `import`) get theirs now.
        for row in try Row.fetchAll(db, sql: "SELECT id, text FROM source WHERE text IS NOT NULL AND text_hash IS NULL") {
            try db.execute(sql: "UPDATE source SET text_hash = ? WHERE id = ?", arguments: [textHash(row["text"]), row["id"] as Int64])
        }
        let hash = textHash(article.text)
        let trimmed = article.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let sameText = try Source.fetchAll(db, sql: "SELECT * FROM source WHERE text_hash = ? ORDER BY id", arguments: [hash])
            .first { $0.text?.trimmingCharacters(in: .whitespacesAndNewlines) == trimmed }
        if let sameText { return (sameText, true) }
        let sourceKey: String
        if let key {
            try validateKey(key)
            if try Source.filter(Source.Columns.key == key).fetchCount(db) > 0 { throw IngestError.keyTaken(key: key) }
            sourceKey = key
        } else {
            sourceKey = try derivedSourceKey(article: article, publisher: publisher, published: published, in: db)
        }
        var source = Source(
            key: sourceKey, title: title ?? article.firstLine, publisher: publisher, url: url, published: published,
            language: article.language.rawValue, text: article.text)
        if source.title.isEmpty { source.title = sourceKey }
        try source.insert(db)
        try db.execute(sql: "UPDATE source SET text_hash = ? WHERE id = ?", arguments: [hash, source.id])
        return (source, false)
    }

    /// `publisher-date` (`icesco-2024-03-26`), else the title's first words, made unique with `-2`, `-3`….
    private static func derivedSourceKey(article: Article, publisher: String?, published: PartialDate?, in db: Database) throws -> String {
        var base: String
        if let publisher, let published {
            base = Slug.make(from: publisher).prefix(40) + "-\(published)"
        } else {
            // A key is typed on command lines: the title's first words when they are Latin, else `article`.
            let words = article.firstLine.split(whereSeparator: { $0.isWhitespace }).prefix(5).joined(separator: " ")
            base = String(Slug.make(from: words).prefix(50))
            if !base.allSatisfy({ $0.isASCII }) { base = "article" }
            if let published { base += "-\(published)" }
        }
        while base.hasSuffix("-") { base.removeLast() }
        if base.isEmpty || (try? validateKey(base)) == nil { base = "article" }
        var candidate = base
        var number = 2
        while try Source.filter(Source.Columns.key == candidate).fetchCount(db) > 0 {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }

    /// FNV-1a over the text's UTF-8 bytes: a fingerprint to find a stored copy, which the texts
    /// themselves then confirm.
    /// Surrounding white space is left out, so that a copy with another final newline is the same text.
    static func textHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.trimmingCharacters(in: .whitespacesAndNewlines).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    // MARK: - The name matcher

    /// The graph's names compiled into a ``NameMatcher``: the stored one when it is current,
    /// else a new one, which is stored.
    static func nameMatcher(in db: Database) throws -> NameMatcher {
        let counts = try Row.fetchOne(
            db,
            sql: """
                SELECT (SELECT count(*) FROM entity), (SELECT ifnull(max(id), 0) FROM entity),
                       (SELECT count(*) FROM alias), (SELECT ifnull(max(id), 0) FROM alias),
                       EXISTS (SELECT 1 FROM search_pending WHERE kind = 0)
                """)!
        let fingerprint = "\(counts[0] as Int64):\(counts[1] as Int64):\(counts[2] as Int64):\(counts[3] as Int64)"
        let pending: Bool = counts[4]
        if !pending, let matcher = try storedMatcher("graph", fingerprint: fingerprint, in: db) { return matcher }
        let matcher = try compileNames(in: db)
        try store(matcher, as: "graph", fingerprint: fingerprint, in: db)
        return matcher
    }

    /// Every entity's name and aliases, compiled into a new matcher.
    static func compileNames(in db: Database) throws -> NameMatcher {
        var builder = NameMatcher.Builder()
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, type, name_normalized FROM entity
                UNION ALL
                SELECT a.entity_id, e.type, a.name_normalized FROM alias a JOIN entity e ON e.id = a.entity_id
                """)
        while let row = try rows.next() {
            builder.add(normalizedName: row[2], entityId: row[0], isPerson: (row[1] as String) == "person")
        }
        return builder.build()
    }

    /// The gazetteer's places compiled into a matcher: the stored one when it is of this build's
    /// gazetteer, else a new one, which is stored.
    static func gazetteerMatcher(in db: Database) throws -> NameMatcher {
        let fingerprint = GazetteerIndex.fingerprint
        if let matcher = try storedMatcher("gazetteer", fingerprint: fingerprint, in: db) { return matcher }
        let matcher = GazetteerIndex.build()
        try store(matcher, as: "gazetteer", fingerprint: fingerprint, in: db)
        return matcher
    }

    private static func storedMatcher(_ name: String, fingerprint: String, in db: Database) throws -> NameMatcher? {
        guard let row = try Row.fetchOne(db, sql: "SELECT format, fingerprint, data FROM name_matcher WHERE name = ?", arguments: [name]),
            row["format"] == NameMatcher.format, row["fingerprint"] == fingerprint, let data: Data = row["data"]
        else { return nil }
        return NameMatcher(data: data)
    }

    private static func store(_ matcher: NameMatcher, as name: String, fingerprint: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO name_matcher (name, format, fingerprint, data) VALUES (?, ?, ?, ?)",
            arguments: [name, NameMatcher.format, fingerprint, matcher.data])
    }

    // MARK: - Analysis

    /// What the analysis of one article holds before its drafts are stored.
    struct ArticleAnalysis {
        var mentions: [IngestReport.Mention]
        var candidates: [CandidateFinder.Candidate]
        var entities: [FactDrafter.ProposedEntity]
        var relations: [FactDrafter.ProposedRelation]
        /// Proposed entities (by index) found to be in the graph already.
        var recorded: [Int: Int64] = [:]
        var alreadyRecorded: [String] = []
        var candidateDrafts: [Int: Int64] = [:]
        var text: ArticleText

        var candidateViews: [IngestReport.Candidate] {
            candidates.enumerated().map { index, candidate in
                let words = text.tokens
                let from = max(0, candidate.tokens.lowerBound - 6), to = min(words.count - 1, candidate.tokens.upperBound + 6)
                let context = text.slice(words[from].start, words[to].end).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                return IngestReport.Candidate(
                    draft: candidateDrafts[index], name: candidate.name, type: candidate.type, kind: candidate.kind, aliases: candidate.aliases,
                    score: (candidate.score * 100).rounded() / 100, evidence: candidate.evidence, occurrences: candidate.occurrences,
                    start: candidate.start, end: candidate.end, context: context)
            }
        }
    }

    /// The relation vocabulary, by name.
    private static func vocabulary(in db: Database) throws -> [String: RelationType] {
        var vocabulary: [String: RelationType] = [:]
        for type in try RelationType.fetchAll(db) { vocabulary[type.name] = type }
        return vocabulary
    }

    private static func analyze(
        _ text: ArticleText, article: Article, published: PartialDate?, dates: [DateMention], matcher: NameMatcher,
        vocabulary: [String: RelationType], in db: Database
    ) throws -> ArticleAnalysis {
        let found = MentionFinder(matcher: matcher).find(in: text)
        // The entities named, by one statement: a common name in a large graph stands for dozens.
        let ids = Set(found.flatMap { $0.targets.map(\.entityId) })
        var entities: [Int64: EntityRef] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, key, type, name FROM entity WHERE id IN (SELECT value FROM json_each(?))",
            arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"])
        while let row = try rows.next() {
            entities[row[0]] = EntityRef(key: row[1], type: EntityType(rawValue: row[2]) ?? .organization, name: row[3])
        }
        var mentions: [IngestReport.Mention] = []
        var parties: [FactDrafter.Party] = []
        for item in found {
            let targets = item.targets.map(\.entityId).filter { entities[$0] != nil }
            var distinct: [Int64] = []
            for id in targets where !distinct.contains(id) { distinct.append(id) }
            guard !distinct.isEmpty else { continue }
            let written = text.slice(item.start, item.end)
            let matched = item.plural ? "plural" : item.form.label
            if distinct.count == 1, let entity = entities[distinct[0]] {
                mentions.append(.init(entity: entity, text: written, start: item.start, end: item.end, matched: matched))
                parties.append(.init(tokens: item.tokens, type: entity.type, end: .entity(distinct[0]), name: written))
            } else {
                let refs = distinct.compactMap { entities[$0] }.sorted { $0.key < $1.key }
                mentions.append(
                    .init(
                        candidates: Array(refs.prefix(IngestReport.Mention.listedCandidates)), candidateCount: refs.count, text: written,
                        start: item.start, end: item.end, matched: matched))
            }
        }
        // New names: those the graph knows under the same name are not new.
        var candidates = CandidateFinder(
            article: text, language: article.language, known: found.map(\.tokens), dates: dates.map { $0.start..<$0.end }
        ).find()
        candidates = try candidates.filter { candidate in
            let names = [candidate.name] + candidate.aliases.map(\.name)
            return try knownEntity(named: names, in: db) == nil
        }
        let occurrences = CandidateFinder.occurrences(of: &candidates, in: text, known: found.map(\.tokens))
        let proposed = candidates.map { candidate in
            FactDrafter.ProposedEntity(
                type: candidate.type, name: candidate.name, language: candidate.language, kind: candidate.kind, aliases: candidate.aliases,
                date: nil, sentence: text.tokens[candidate.tokens.lowerBound].sentence, cue: candidate.evidence,
                confidence: (candidate.score * 100).rounded() / 100, start: candidate.start, end: candidate.end)
        }
        // Parties of the facts: the new names where they occur, outside the known mentions.
        for (index, occurrence) in occurrences {
            parties.append(
                .init(tokens: occurrence.tokens, type: candidates[index].type, end: .proposed(index), name: text.slice(occurrence.start, occurrence.end)))
        }
        var drafter = FactDrafter(
            article: text, language: article.language.rawValue, published: published, dates: dates, parties: parties, candidates: proposed,
            allows: { name, from, to in vocabulary[name]?.allows(from: from, to: to) ?? false })
        drafter.draft()
        return ArticleAnalysis(
            mentions: mentions, candidates: candidates, entities: drafter.entities, relations: drafter.relations, text: text)
    }

    /// The entity one of `names` designates, if the graph has one by that name.
    private static func knownEntity(named names: [String], in db: Database) throws -> Int64? {
        for name in names {
            let normalized = NameNormalizer.normalize(name)
            if let id = try Int64.fetchOne(
                db,
                sql: "SELECT id FROM entity WHERE name_normalized = ?1 UNION SELECT entity_id FROM alias WHERE name_normalized = ?1 LIMIT 1",
                arguments: [normalized])
            {
                return id
            }
        }
        return nil
    }

    /// Marks what the graph already holds: a meeting its participants already share, an
    /// agreement its parties are already party to, and relations already recorded.
    private static func findRecorded(_ analysis: inout ArticleAnalysis, vocabulary: [String: RelationType], in db: Database) throws {
        let generated = analysis.entities.indices.filter { $0 >= analysis.candidates.count }
        for index in generated {
            let entity = analysis.entities[index]
            let members = entity.members.compactMap { end -> Int64? in if case .entity(let id) = end { return id } else { return nil } }
            guard members.count == entity.members.count, members.count >= 2 else { continue }
            let relation = entity.type == .event ? "participated_in" : "party_to"
            let sql = members.map { _ in "SELECT target_id FROM relation_view WHERE type = ? AND source_id = ?" }.joined(separator: " INTERSECT ")
            let shared = try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(members.flatMap { [relation, $0] as [DatabaseValueConvertible] }))
            let candidates = try Entity.fetchAll(db, keys: shared).filter { $0.type == entity.type }
            let compatible = candidates.filter { existing in
                guard let date = entity.date, let other = existing.date ?? existing.startDate else { return true }
                return date.contains(other) || other.contains(date)
            }
            if let match = compatible.sorted(by: { ($0.kind == "meeting" ? 0 : 1, $0.id!) < ($1.kind == "meeting" ? 0 : 1, $1.id!) }).first {
                analysis.recorded[index] = match.id!
                analysis.alreadyRecorded.append("\(entity.name) is recorded as \(match.name) (\(match.key))")
            }
        }
        var kept: [FactDrafter.ProposedRelation] = []
        for var relation in analysis.relations {
            if case .proposed(let index) = relation.from, let id = analysis.recorded[index] { relation.from = .entity(id) }
            if case .proposed(let index) = relation.to, let id = analysis.recorded[index] { relation.to = .entity(id) }
            if case .entity(let from) = relation.from, case .entity(let to) = relation.to {
                let symmetric = vocabulary[relation.type]?.symmetric ?? false
                let exists = try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM relation_view WHERE type = ?1 AND ((source_id = ?2 AND target_id = ?3)
                                                                         OR (?4 AND source_id = ?3 AND target_id = ?2)))
                        """,
                    arguments: [relation.type, from, to, symmetric]) ?? false
                if exists {
                    let names = try String.fetchAll(db, sql: "SELECT name FROM entity WHERE id IN (?, ?) ORDER BY id = ?", arguments: [from, to, to])
                    analysis.alreadyRecorded.append("\(names.first ?? "?") \(vocabulary[relation.type]?.forwardPhrase ?? relation.type) \(names.last ?? "?")")
                    continue
                }
            }
            kept.append(relation)
        }
        analysis.relations = kept
    }

    // MARK: - Storing drafts

    private static func storeDrafts(_ analysis: inout ArticleAnalysis, source: Source, in db: Database) throws -> [DraftView] {
        var draftIds: [Int: Int64] = [:]
        let needed = Set(analysis.relations.flatMap { [$0.from, $0.to] }.compactMap { end -> Int? in
            if case .proposed(let index) = end { return index } else { return nil }
        })
        for (index, entity) in analysis.entities.enumerated() where analysis.recorded[index] == nil {
            // Generated entities (a meeting, an agreement) are proposed only with the relations that need them.
            if index >= analysis.candidates.count && !needed.contains(index) { continue }
            var draft = Draft(
                sourceId: source.id!, kind: .entity, entityType: entity.type, name: entity.name, nameLanguage: entity.language,
                entityKind: entity.kind, aliases: entity.aliases, date: entity.date, sentence: analysis.text.sentenceText(entity.sentence),
                cue: entity.cue, confidence: entity.confidence, textStart: entity.start, textEnd: entity.end)
            try draft.insert(db)
            draftIds[index] = draft.id!
            if index < analysis.candidates.count { analysis.candidateDrafts[index] = draft.id! }
        }
        var keys: [Int64: String] = [:]
        func key(_ id: Int64) throws -> String {
            if let known = keys[id] { return known }
            let found = try String.fetchOne(db, sql: "SELECT key FROM entity WHERE id = ?", arguments: [id]) ?? ""
            keys[id] = found
            return found
        }
        for relation in analysis.relations {
            var draft = Draft(
                sourceId: source.id!, kind: .relation, relationType: relation.type, role: relation.role, date: relation.date,
                startDate: relation.start, sentence: analysis.text.sentenceText(relation.sentence), cue: relation.cue,
                confidence: relation.confidence, textStart: relation.textStart, textEnd: relation.textEnd)
            switch relation.from {
            case .entity(let id): draft.sourceKey = try key(id)
            case .proposed(let index):
                guard let id = draftIds[index] else { continue }
                draft.sourceDraft = id
            }
            switch relation.to {
            case .entity(let id): draft.targetKey = try key(id)
            case .proposed(let index):
                guard let id = draftIds[index] else { continue }
                draft.targetDraft = id
            }
            try draft.insert(db)
        }
        return try draftViews(sql: "SELECT * FROM draft WHERE source_id = ? AND status = 'open' ORDER BY id", arguments: [source.id!], in: db)
    }

    // MARK: - Evaluation

    /// What the analysis of an article finds, before anything is stored or compared with the
    /// graph: for measuring it against a labelled set. A relation's end is an entity's key, or
    /// `@meeting`, `@meeting2`, `@agreement`… for the meetings and agreements it proposes, in
    /// order, or `@new:NAME` for another proposed entity.
    struct Findings {
        var mentions: [IngestReport.Mention]
        var dates: [DateMention]
        var facts: [(type: String, from: String, to: String, role: String?)]
        var candidates: [CandidateFinder.Candidate]
    }

    func findings(in article: Article, published: PartialDate?) throws -> Findings {
        try read { db in
            let text = ArticleText(article.text)
            let published = published ?? Self.dateLine(of: article)
            let dates = DateExtractor.dates(in: article.text, published: published)
            let analysis = try Self.analyze(
                text, article: article, published: published, dates: dates, matcher: Self.compileNames(in: db), vocabulary: Self.vocabulary(in: db),
                in: db)
            var placeholders: [Int: String] = [:]
            var counts: [String: Int] = [:]
            func name(_ end: FactDrafter.End) throws -> String {
                switch end {
                case .entity(let id): return try String.fetchOne(db, sql: "SELECT key FROM entity WHERE id = ?", arguments: [id]) ?? "?"
                case .proposed(let index):
                    if let known = placeholders[index] { return known }
                    let entity = analysis.entities[index]
                    let base = entity.kind == "meeting" ? "@meeting" : entity.type == .agreement ? "@agreement" : "@new:\(entity.name)"
                    counts[base, default: 0] += 1
                    let placeholder = base.hasPrefix("@new") || counts[base] == 1 ? base : "\(base)\(counts[base]!)"
                    placeholders[index] = placeholder
                    return placeholder
                }
            }
            let facts = try analysis.relations.map { (type: $0.type, from: try name($0.from), to: try name($0.to), role: $0.role) }
            return Findings(mentions: analysis.mentions, dates: dates, facts: facts, candidates: analysis.candidates)
        }
    }
}
