import GRDB

/// Two entities that may be one, with how sure and why.
public struct DuplicatePair: Sendable, Equatable, Codable {
    /// One entity of the pair (the one with the smaller key).
    public var first: EntityReference
    /// The other.
    public var second: EntityReference
    /// From 0 to 1: 1 for the same name, less for looser matches.
    public var score: Double
    /// Why they look alike, in words: `same name "ICESCO"`, `"ISESCO" is also a name of …`.
    public var reason: String

    /// An entity of a pair: its key, type and name.
    public struct EntityReference: Sendable, Equatable, Codable {
        /// The entity's key.
        public var key: String
        /// The entity's type.
        public var type: EntityType
        /// The entity's primary name.
        public var name: String
    }
}

/// Finds likely duplicates among all entities' names and aliases, type by type.
///
/// Names are grouped by keys (the normalized name; its ``NameVariants`` spellings; its first
/// and last word, for initials), so the work grows with the number of names, not its square.
struct DuplicateFinder {
    struct Name {
        var entity: Int64
        var text: String
        var normalized: String
        var primary: Bool
    }

    struct Candidate {
        var score: Double
        var reason: String
    }

    static func find(in db: Database, minimumScore: Double, type: EntityType?) throws -> [DuplicatePair] {
        var entities: [Int64: DuplicatePair.EntityReference] = [:]
        var names: [Name] = []
        let sql = """
            SELECT e.id, e.key, e.type, e.name, e.name_normalized, 1 FROM entity e WHERE ?1 IS NULL OR e.type = ?1
            UNION ALL
            SELECT a.entity_id, NULL, NULL, a.name, a.name_normalized, 0 FROM alias a JOIN entity e ON e.id = a.entity_id
            WHERE ?1 IS NULL OR e.type = ?1
            """
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: [type?.rawValue])
        while let row = try cursor.next() {
            let id: Int64 = row[0]
            let primary: Bool = row[5]
            if primary {
                entities[id] = .init(key: row[1], type: EntityType(rawValue: row[2]) ?? .organization, name: row[3])
            }
            names.append(Name(entity: id, text: row[3], normalized: row[4], primary: primary))
        }
        var distinct = Set<[Int64]>()
        for row in try Row.fetchAll(db, sql: "SELECT entity_a, entity_b FROM distinct_pair") {
            distinct.insert([row[0], row[1]])
        }

        // Group the names by each key they have, within a type.
        var groups: [String: [Int]] = [:]
        for (index, name) in names.enumerated() {
            guard let entity = entities[name.entity] else { continue }
            let prefix = entity.type.rawValue + "\u{1F}"
            groups[prefix + "n" + name.normalized, default: []].append(index)
            let spelling = NameVariants.spelling(name.normalized)
            if spelling.count >= 4 { groups[prefix + "s" + spelling, default: []].append(index) }
            let consonants = NameVariants.consonants(name.normalized)
            if consonants.count >= 4 { groups[prefix + "c" + consonants, default: []].append(index) }
            let words = NameVariants.significantWords(name.normalized)
            if words.count >= 2 { groups[prefix + "w" + words.first! + "\u{1F}" + words.last!, default: []].append(index) }
            // One letter apart (ICESCO, ISESCO): short names and acronyms, where one letter is
            // the whole difference (longer names differ by vowels or spelling, caught above;
            // keying them all would hold a dozen keys per name), without digits, whose numbers
            // would make every "Forum 2023" a neighbour of "Forum 2024".
            if (5...12).contains(spelling.count) && !spelling.contains(where: \.isNumber) {
                for key in Set(NameVariants.oneLetterAway(spelling)) { groups[prefix + "e" + key, default: []].append(index) }
            }
        }

        var best: [[Int64]: Candidate] = [:]
        for (key, members) in groups where members.count > 1 && members.count <= 200 {
            let kind = key.split(separator: "\u{1F}", maxSplits: 1)[1].first!
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    let a = names[members[i]], b = names[members[j]]
                    guard a.entity != b.entity else { continue }
                    let pair = [min(a.entity, b.entity), max(a.entity, b.entity)]
                    guard !distinct.contains(pair), let candidate = Self.candidate(kind, a, b, entities) else { continue }
                    if let existing = best[pair], existing.score >= candidate.score { continue }
                    best[pair] = candidate
                }
            }
        }
        return best.compactMap { pair, candidate -> DuplicatePair? in
            guard candidate.score >= minimumScore, let a = entities[pair[0]], let b = entities[pair[1]] else { return nil }
            let (first, second) = a.key < b.key ? (a, b) : (b, a)
            return DuplicatePair(first: first, second: second, score: candidate.score, reason: candidate.reason)
        }
        .sorted { ($1.score, $0.first.key, $0.second.key) < ($0.score, $1.first.key, $1.second.key) }
    }

    /// How alike two names grouped under one key are.
    static func candidate(
        _ kind: Character, _ a: Name, _ b: Name, _ entities: [Int64: DuplicatePair.EntityReference]
    ) -> Candidate? {
        switch kind {
        case "n":
            switch (a.primary, b.primary) {
            case (true, true): return Candidate(score: 1.0, reason: "same name \"\(a.text)\"")
            case (true, false): return Candidate(score: 0.95, reason: "\"\(a.text)\" is also a name of \(entities[b.entity]!.key)")
            case (false, true): return Candidate(score: 0.95, reason: "\"\(b.text)\" is also a name of \(entities[a.entity]!.key)")
            case (false, false): return Candidate(score: 0.9, reason: "both are also called \"\(a.text)\"")
            }
        case "s":
            return Candidate(score: 0.85, reason: "\"\(a.text)\" and \"\(b.text)\" differ in spaces, hyphens, the article or doubled letters")
        case "c":
            return Candidate(score: 0.7, reason: "\"\(a.text)\" and \"\(b.text)\" differ in their vowels, as transliterations do")
        case "w":
            guard NameVariants.initialsMatch(NameVariants.significantWords(a.normalized), NameVariants.significantWords(b.normalized))
            else { return nil }
            return Candidate(score: 0.75, reason: "\"\(a.text)\" and \"\(b.text)\" differ by initials")
        case "e":
            guard NameVariants.spelling(a.normalized) != NameVariants.spelling(b.normalized) else { return nil }
            return Candidate(score: 0.65, reason: "\"\(a.text)\" and \"\(b.text)\" differ by one letter")
        default:
            return nil
        }
    }
}
