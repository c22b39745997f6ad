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

/// The best pairs of likely duplicates, and how many pairs there are in all.
public struct DuplicateSuggestions: Sendable, Equatable {
    /// The pairs, best first: all of them, or the best of them when a limit was given.
    public var pairs: [DuplicatePair]
    /// How many pairs were found, before any limit.
    public var total: Int

    /// Pairs and their total.
    public init(pairs: [DuplicatePair], total: Int) {
        self.pairs = pairs
        self.total = total
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

    /// Why two names were grouped: which key they share.
    enum Kind: UInt8 {
        /// The same normalized name.
        case name
        /// The same spelling once spaces, hyphens, the article and doubled letters are left out.
        case spelling
        /// The same consonants.
        case consonants
        /// The same first and last word (initials are then compared).
        case words
        /// One letter apart.
        case oneLetter
    }

    /// A scored pair, before its reason is worded: the two names that matched and how.
    struct Candidate {
        var score: Double
        var kind: Kind
        var a: Int32
        var b: Int32

        /// Whether it scores more, or as much through names that come first (entities' own names
        /// before aliases): the groups are visited in no set order, and the reason shown must not
        /// depend on it.
        func isBetter(than other: Candidate) -> Bool {
            if score != other.score { return score > other.score }
            return (min(a, b), max(a, b)) < (min(other.a, other.b), max(other.a, other.b))
        }
    }

    /// Two entity ids, the smaller first: a pair's identity, hashed without allocating.
    struct PairKey: Hashable {
        var low: Int64
        var high: Int64

        init(_ a: Int64, _ b: Int64) {
            (low, high) = a < b ? (a, b) : (b, a)
        }
    }

    /// A grouping key: the entity type, what kind of key, and its text.
    struct GroupKey: Hashable {
        var type: EntityType
        var kind: Kind
        var text: String
    }

    static func find(in db: Database, minimumScore: Double, type: EntityType?, limit: Int? = nil) throws -> DuplicateSuggestions {
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
        var distinct = Set<PairKey>()
        for row in try Row.fetchAll(db, sql: "SELECT entity_a, entity_b FROM distinct_pair") {
            distinct.insert(PairKey(row[0], row[1]))
        }

        // Group the names by each key they have, within a type.
        var groups: [GroupKey: [Int32]] = [:]
        for (index, name) in names.enumerated() {
            guard let entity = entities[name.entity] else { continue }
            let member = Int32(index)
            func add(_ kind: Kind, _ text: String) { groups[GroupKey(type: entity.type, kind: kind, text: text), default: []].append(member) }
            add(.name, name.normalized)
            let spelling = NameVariants.spelling(name.normalized)
            if spelling.count >= 4 { add(.spelling, spelling) }
            let consonants = NameVariants.consonants(name.normalized)
            if consonants.count >= 4 { add(.consonants, consonants) }
            let words = NameVariants.significantWords(name.normalized)
            if words.count >= 2 { add(.words, words.first! + "\u{1F}" + words.last!) }
            // One letter apart (ICESCO, ISESCO): short names and acronyms, where one letter is
            // the whole difference (longer names differ by vowels or spelling, caught above;
            // keying them all would hold a dozen keys per name), without digits, whose numbers
            // would make every "Forum 2023" a neighbour of "Forum 2024".
            if (5...12).contains(spelling.count) && !spelling.contains(where: \.isNumber) {
                for key in Set(NameVariants.oneLetterAway(spelling)) { add(.oneLetter, key) }
            }
        }

        // The best candidate of each pair of entities; its reason is worded only if it is kept.
        var best: [PairKey: Candidate] = [:]
        for (key, members) in groups where members.count > 1 && members.count <= 200 {
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    let a = names[Int(members[i])], b = names[Int(members[j])]
                    guard a.entity != b.entity else { continue }
                    let pair = PairKey(a.entity, b.entity)
                    guard let score = Self.score(key.kind, a, b), score >= minimumScore, !distinct.contains(pair) else { continue }
                    let candidate = Candidate(score: score, kind: key.kind, a: members[i], b: members[j])
                    if let existing = best[pair], !candidate.isBetter(than: existing) { continue }
                    best[pair] = candidate
                }
            }
        }
        // Best first: by score, then by the two keys. With a limit, only the best `limit` are
        // kept as they come (one comparison with the worst kept, for most), and only they are
        // worded: a graph whose names repeat may have millions of pairs.
        func ordered(_ pair: PairKey) -> (DuplicatePair.EntityReference, DuplicatePair.EntityReference) {
            let a = entities[pair.low]!, b = entities[pair.high]!
            return a.key < b.key ? (a, b) : (b, a)
        }
        func precedes(_ x: (PairKey, Candidate), _ y: (PairKey, Candidate)) -> Bool {
            if x.1.score != y.1.score { return x.1.score > y.1.score }
            let (xFirst, xSecond) = ordered(x.0), (yFirst, ySecond) = ordered(y.0)
            return (xFirst.key, xSecond.key) < (yFirst.key, ySecond.key)
        }
        var chosen: [(PairKey, Candidate)]
        if let limit {
            chosen = []
            chosen.reserveCapacity(limit + 1)
            for entry in best where limit > 0 {
                if chosen.count == limit, let worst = chosen.last, !precedes(entry, worst) { continue }
                var low = 0, high = chosen.count
                while low < high {
                    let middle = (low + high) / 2
                    if precedes(chosen[middle], entry) { low = middle + 1 } else { high = middle }
                }
                chosen.insert(entry, at: low)
                if chosen.count > limit { chosen.removeLast() }
            }
        } else {
            chosen = best.sorted(by: precedes)
        }
        let pairs = chosen.map { pair, candidate -> DuplicatePair in
            let (first, second) = ordered(pair)
            let reason = Self.reason(candidate.kind, names[Int(candidate.a)], names[Int(candidate.b)], entities)
            return DuplicatePair(first: first, second: second, score: candidate.score, reason: reason)
        }
        return DuplicateSuggestions(pairs: pairs, total: best.count)
    }

    /// How alike two names grouped under one key are; `nil` when the key's promise does not hold.
    static func score(_ kind: Kind, _ a: Name, _ b: Name) -> Double? {
        switch kind {
        case .name:
            switch (a.primary, b.primary) {
            case (true, true): return 1.0
            case (true, false), (false, true): return 0.95
            case (false, false): return 0.9
            }
        case .spelling: return 0.85
        case .consonants: return 0.7
        case .words:
            guard NameVariants.initialsMatch(NameVariants.significantWords(a.normalized), NameVariants.significantWords(b.normalized))
            else { return nil }
            return 0.75
        case .oneLetter:
            guard NameVariants.spelling(a.normalized) != NameVariants.spelling(b.normalized) else { return nil }
            return 0.65
        }
    }

    /// Why two names make a pair, in words.
    static func reason(_ kind: Kind, _ a: Name, _ b: Name, _ entities: [Int64: DuplicatePair.EntityReference]) -> String {
        switch kind {
        case .name:
            switch (a.primary, b.primary) {
            case (true, true): return "same name \"\(a.text)\""
            case (true, false): return "\"\(a.text)\" is also a name of \(entities[b.entity]!.key)"
            case (false, true): return "\"\(b.text)\" is also a name of \(entities[a.entity]!.key)"
            case (false, false): return "both are also called \"\(a.text)\""
            }
        case .spelling: return "\"\(a.text)\" and \"\(b.text)\" differ in spaces, hyphens, the article or doubled letters"
        case .consonants: return "\"\(a.text)\" and \"\(b.text)\" differ in their vowels, as transliterations do"
        case .words: return "\"\(a.text)\" and \"\(b.text)\" differ by initials"
        case .oneLetter: return "\"\(a.text)\" and \"\(b.text)\" differ by one letter"
        }
    }
}
