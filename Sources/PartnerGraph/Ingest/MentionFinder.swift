/// Finds the known entities an article names, with a ``NameMatcher`` over their names.
///
/// A name is looked for at the start of every word, and inside an Arabic word after its
/// attached prefixes. In English and French a name begins with a capital letter or a digit.
/// A name found at a word that ends with one more `s` than the name (`ICESCOs`) counts too.
/// Where names overlap, the longest wins (`Parliamentary Network of the Non-Aligned Movement` is
/// the network, not the movement). A person's last name alone counts only after an honorific
/// (`Dr. AlMalik`, `الدكتور المالك`) or after a fuller mention of the same person, and so does a
/// person's first and last name without the middle ones (`Salim AlMalik`), which another person
/// may bear (`Mamadou Ndiaye` is not always `Mamadou Lamine Ndiaye`).
struct MentionFinder {
    /// A name found in the text.
    struct Found {
        /// The first and last word of the name.
        var tokens: ClosedRange<Int>
        /// Offsets in Unicode scalars, without the Arabic prefixes attached to the first word.
        var start: Int
        var end: Int
        /// The entities the name may stand for, strongest form first.
        var targets: [NameMatcher.Target]
        /// Whether the word had a plural `s` the name lacks.
        var plural: Bool
        /// Where the honorific before it starts, if one does.
        var honorificStart: Int?

        var form: NameMatcher.Form { targets.map(\.form).min() ?? .name }
    }

    let matcher: NameMatcher

    /// Every name of `article` that the matcher knows, in text order, not overlapping.
    func find(in article: ArticleText) -> [Found] {
        let raw = rawMatches(in: article)
        var chosen: [Found] = []
        var taken = [Bool](repeating: false, count: article.tokens.count)
        func free(_ range: ClosedRange<Int>) -> Bool { range.allSatisfy { !taken[$0] } }

        // Full names first, longest first.
        let strong = raw.compactMap { found -> Found? in
            var found = found
            found.targets = found.targets.filter { $0.form < .firstAndLast }
            return found.targets.isEmpty ? nil : found
        }
        for found in strong.sorted(by: Self.longerFirst) where free(found.tokens) {
            chosen.append(found)
            for index in found.tokens { taken[index] = true }
        }
        // Then shortened names of people, where an honorific or an earlier mention vouches for them.
        var firstSeen: [Int64: Int] = [:]
        for found in chosen {
            for target in found.targets where firstSeen[target.entityId].map({ $0 > found.start }) ?? true {
                firstSeen[target.entityId] = found.start
            }
        }
        for found in raw.sorted(by: Self.longerFirst) where free(found.tokens) {
            let surnames = found.targets.filter { $0.form >= .firstAndLast }
            guard !surnames.isEmpty else { continue }
            let seenBefore = surnames.filter { (firstSeen[$0.entityId] ?? .max) < found.start }
            let vouched: [NameMatcher.Target]
            if !seenBefore.isEmpty {
                // A capitalized word before the last name is another first name (`Elchin Karimov`).
                let previous = found.tokens.lowerBound - 1
                if found.honorificStart == nil, previous >= 0, article.tokens[previous].sentence == article.tokens[found.tokens.lowerBound].sentence,
                    article.tokens[previous].script == .latin, article.tokens[previous].isCapitalized,
                    !Lexicon.latinNonNames.contains(article.tokens[previous].folded),
                    !Lexicon.nameParticles.contains(article.tokens[previous].folded),
                    article.gap(after: previous).allSatisfy({ $0 == " " })
                {
                    continue
                }
                vouched = seenBefore
            } else if found.honorificStart != nil {
                // A first and last name is not vouched for by an honorific: `M. Mamadou Ndiaye` may be another man.
                vouched = surnames.filter { $0.form == .surname }
                if vouched.isEmpty { continue }
            } else {
                continue
            }
            var accepted = found
            accepted.targets = vouched
            chosen.append(accepted)
            for index in found.tokens { taken[index] = true }
        }
        return chosen.sorted { $0.start < $1.start }
    }

    private static func longerFirst(_ a: Found, _ b: Found) -> Bool {
        let lengthA = a.tokens.count, lengthB = b.tokens.count
        if lengthA != lengthB { return lengthA > lengthB }
        if a.end - a.start != b.end - b.start { return a.end - a.start > b.end - b.start }
        return a.start < b.start
    }

    /// Every place where a key ends at the end of a word, before choosing among overlaps.
    private func rawMatches(in article: ArticleText) -> [Found] {
        let tokens = article.tokens
        var found: [Found] = []
        for first in tokens.indices {
            let token = tokens[first]
            if token.script == .latin && !token.isCapitalized && !token.isAcronym { continue }
            if token.script == .other { continue }
            let cuts = [0] + (token.script == .arabic ? NameMatcher.procliticCuts(token.folded) : [])
            for cut in cuts {
                var cursor = matcher.root
                var index = first
                var plural: Int?
                walk: while index < tokens.count {
                    let bytes = tokens[index].folded.utf8
                    // Arabic letters are two bytes each in UTF-8.
                    let skip = index == first ? cut * 2 : 0
                    var position = 0
                    let lastPosition = bytes.count - 1
                    plural = nil
                    for byte in bytes {
                        defer { position += 1 }
                        if position < skip { continue }
                        if position == lastPosition && byte == UInt8(ascii: "s") && tokens[index].script == .latin && cursor.depth >= 4,
                            let key = matcher.exactKey(cursor)
                        {
                            plural = key
                        }
                        cursor = matcher.advance(cursor, byte)
                        if cursor.isEmpty { break }
                    }
                    if let key = matcher.exactKey(cursor) {
                        found.append(make(article, first, index, cut: cut, key: key, plural: false))
                    } else if let key = plural {
                        found.append(make(article, first, index, cut: cut, key: key, plural: true))
                    }
                    if cursor.isEmpty { break walk }
                    guard index + 1 < tokens.count, tokens[index + 1].sentence == tokens[index].sentence,
                        Self.joins(article.gap(after: index))
                    else { break walk }
                    index += 1
                }
            }
        }
        return found
    }

    /// Whether what separates two words may lie inside a name: spaces, a hyphen, a full stop
    /// (`M. AlMalik`), a comma (`Educational, Scientific and Cultural`), an apostrophe.
    static func joins(_ gap: String) -> Bool {
        guard gap.unicodeScalars.count <= 3 else { return false }
        return gap.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case " ", "\u{00A0}", "-", "\u{2010}", "\u{2011}", "\u{2013}", ".", ",", "\u{060C}", "'", "\u{2019}", "&", "/": return true
            default: return false
            }
        }
    }

    private func make(_ article: ArticleText, _ first: Int, _ last: Int, cut: Int, key: Int, plural: Bool) -> Found {
        let start = article.tokens[first].start + Self.originalOffset(article, token: first, foldedLetters: cut)
        var targets = matcher.targets(ofKey: key)
        targets.sort { $0.form < $1.form }
        return Found(
            tokens: first...last, start: start, end: article.tokens[last].end, targets: targets, plural: plural,
            honorificStart: cut == 0 ? Self.honorificBefore(first, in: article) : nil)
    }

    /// The offset, within token `token`, of its `foldedLetters`-th folded letter: folding drops
    /// harakat and tatweel, so the written word may be longer than its folded form.
    static func originalOffset(_ article: ArticleText, token: Int, foldedLetters: Int) -> Int {
        guard foldedLetters > 0 else { return 0 }
        let range = article.tokens[token].start..<article.tokens[token].end
        var counted = 0
        for position in range {
            let scalar = article.scalars[position]
            if NameNormalizer.normalize(String(Character(scalar))).isEmpty { continue }
            if counted == foldedLetters { return position - range.lowerBound }
            counted += 1
        }
        return range.count
    }

    /// The first word of the honorific right before token `index`, if one is there.
    static func honorificBefore(_ index: Int, in article: ArticleText) -> Int? {
        let tokens = article.tokens
        for length in [3, 2, 1] where index - length >= 0 {
            let start = index - length
            guard tokens[start].sentence == tokens[index].sentence else { continue }
            let words = tokens[start..<index].map(\.folded)
            if Lexicon.honorificLength(at: words[...]) == length,
                (start..<index).allSatisfy({ article.gap(after: $0).unicodeScalars.allSatisfy { $0 == " " || $0 == "." || $0 == "\u{00A0}" } })
            {
                return start
            }
        }
        return nil
    }
}
