import Foundation
import Synchronization

/// Finds names in an article that the graph does not know yet: candidate new entities.
///
/// - In English and French, runs of capitalized words (with the small words names carry:
///   `Organization of Islamic Cooperation`, `Ministère de la Culture`), without the titles,
///   honorifics, months and sentence openers around them.
/// - In Arabic, which has no capitals, the words that follow a cue: a person's name after
///   `السيد`, `الدكتورة`, `معالي`…; an organization's, event's or agreement's name starting with
///   `منظمة`, `وزارة`, `المؤتمر`, `مذكرة تفاهم`…; a place after `مدينة` or `العاصمة`. The name runs to
///   the next punctuation, particle or relative pronoun.
/// - In all three, the states and cities of the ``Gazetteer``, with their names in the three
///   languages, and the states named by an adjective (`السويسرية`, `Azerbaijani`).
///
/// An acronym in parentheses right after a name becomes its alias. Each candidate has a score
/// from 0 to 1 (the evidence, how often it occurs), and candidates come ranked by it.
struct CandidateFinder {
    /// A name the graph does not know.
    struct Candidate {
        var tokens: ClosedRange<Int>
        var start: Int
        var end: Int
        var name: String
        var type: EntityType
        var kind: String?
        var language: String
        var aliases: [Alias]
        var score: Double
        /// Why it was proposed: `after "السيدة"`, `capitalized words`, `gazetteer`.
        var evidence: String
        var occurrences: Int
        /// The gazetteer place it is, if it is one.
        var place: GazetteerPlace?
    }

    let article: ArticleText
    /// The article's language: a name in Latin letters is taken to be in it, or in English in an Arabic article.
    let language: Article.Language
    /// Tokens already taken by mentions of known entities.
    let known: [ClosedRange<Int>]
    /// Scalar ranges taken by dates.
    let dates: [Range<Int>]

    func find() -> [Candidate] {
        var taken = [Bool](repeating: false, count: article.tokens.count)
        for range in known { for index in range { taken[index] = true } }
        var inDate = [Bool](repeating: false, count: article.tokens.count)
        for (index, token) in article.tokens.enumerated() where dates.contains(where: { $0.contains(token.start) }) {
            inDate[index] = true
        }
        var found = latinCandidates(taken: taken, inDate: inDate) + arabicCandidates(taken: taken)
        found += gazetteerCandidates(taken: taken)
        return merge(found)
    }

    // MARK: - English and French

    /// The sentences written in title case, as English headlines are (`ICESCO Director-General Receives Ambassador`).
    private var titleCase: Set<Int> {
        var result = Set<Int>()
        for (index, sentence) in article.sentences.enumerated() {
            // A headline is a line of its own, without a full stop: not a sentence of the body.
            let text = article.slice(sentence.start, sentence.end).trimmingCharacters(in: .whitespacesAndNewlines)
            if let last = text.unicodeScalars.last, ".!?\u{061F}\u{06D4}»\"”".unicodeScalars.contains(last) { continue }
            let words = article.tokens[sentence.tokens].filter { $0.script == .latin && !Lexicon.latinNameConnectors.contains($0.folded) }
            if words.count >= 4 && words.filter({ $0.isCapitalized }).count * 10 >= words.count * 8 { result.insert(index) }
        }
        return result
    }

    private var latinLanguage: String { language == .french ? "fr" : "en" }

    private func latinCandidates(taken: [Bool], inDate: [Bool]) -> [Candidate] {
        let tokens = article.tokens
        let titleCase = self.titleCase
        var result: [Candidate] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.script == .latin, token.isCapitalized || token.isAcronym, !taken[index], !inDate[index] else {
                index += 1
                continue
            }
            // The run: capitalized words, and small words between them.
            var last = index
            var probe = index
            // Where a comma joined the run: kept only in a name that ends with what it names
            // (`Arab League Educational, Cultural and Scientific Organization`), not in a list (`Rabat, Morocco`).
            var firstComma: Int?
            while probe + 1 < tokens.count {
                let next = probe + 1
                guard tokens[next].sentence == token.sentence, !taken[next], !inDate[next] else { break }
                let gap = article.gap(after: probe)
                // A title or honorific after a name ends it (`Rabat Dr. Hatem`, `Salah, Director-General of`).
                if probe == last && probe > index && !Lexicon.latinNameConnectors.contains(tokens[next].folded)
                    && (Lexicon.latinNonNames.contains(tokens[next].folded) || Lexicon.honorificLength(at: [tokens[next].folded][...]) != nil)
                {
                    break
                }
                let comma = gap == ", " && !tokens[probe].isAcronym && tokens[next].isCapitalized && !tokens[next].isAcronym && probe == last
                    && !Lexicon.latinNonNames.contains(tokens[next].folded)
                guard comma || gap.unicodeScalars.allSatisfy({ $0 == " " || $0 == "-" || $0 == "'" || $0 == "\u{2019}" || $0 == "\u{00A0}" }),
                    !gap.isEmpty
                else { break }
                if comma && firstComma == nil { firstComma = probe }
                let word = tokens[next]
                if word.script == .latin && (word.isCapitalized || word.isAcronym) {
                    last = next
                    probe = next
                } else if Lexicon.latinNameConnectors.contains(word.folded) || word.script == .digits && word.folded.count == 4 {
                    probe = next
                    if word.script == .digits { last = next }
                } else {
                    break
                }
            }
            if let firstComma, Lexicon.latinTypeWords[tokens[last].folded] == nil { last = firstComma }
            defer { index = max(last, index) + 1 }
            var first = index
            // Titles, honorifics and sentence openers are not part of the name.
            var strippedTitle = false
            while first <= last,
                Lexicon.latinNonNames.contains(tokens[first].folded) || Lexicon.latinNameConnectors.contains(tokens[first].folded)
                    || Lexicon.honorificLength(at: [tokens[first].folded][...]) != nil
            {
                if !Lexicon.latinNameConnectors.contains(tokens[first].folded) { strippedTitle = true }
                first += 1
            }
            guard first <= last else { continue }
            // "Minister of Culture": what follows a title is the office, unless it is a name
            // (`Director-General of the Arab League … Organization`).
            if strippedTitle, tokens[first...last].allSatisfy({
                Lexicon.latinCommonNouns.contains($0.folded) || Lexicon.latinNameConnectors.contains($0.folded)
            }) {
                continue
            }
            var end = last
            while end > first,
                Lexicon.latinNameConnectors.contains(tokens[end].folded) || Lexicon.latinNonNames.contains(tokens[end].folded)
                    || Lexicon.honorificLength(at: [tokens[end].folded][...]) != nil
            {
                end -= 1
            }
            let words = tokens[first...end]
            if words.count == 1 {
                let only = words.first!
                // One capitalized word opening a sentence is most often just a word.
                let opensSentence = article.sentences[only.sentence].tokens.lowerBound == first
                if Lexicon.latinNonNames.contains(only.folded) || Lexicon.latinCommonNouns.contains(only.folded) || (opensSentence && !only.isAcronym)
                    || only.folded.count < 2
                {
                    continue
                }
            }
            // A headline in title case capitalizes every word: its runs are not names.
            if titleCase.contains(token.sentence) && !words.allSatisfy({ $0.isAcronym }) { continue }
            if words.allSatisfy({ Lexicon.latinCommonNouns.contains($0.folded) || Lexicon.latinNameConnectors.contains($0.folded) }) { continue }
            if words.allSatisfy({ Lexicon.latinTypeWords[$0.folded] != nil || Lexicon.latinNameConnectors.contains($0.folded) }) { continue }
            var candidate = makeCandidate(first...end, type: latinType(first...end), language: latinLanguage, evidence: "capitalized words", score: 0.45)
            if first > 0, MentionFinder.honorificBefore(first, in: article) != nil {
                candidate.type = .person
                candidate.score = 0.6
                candidate.evidence = "after an honorific"
            } else if Lexicon.latinTypeWords[tokens[end].folded] != nil || words.count >= 2 && words.contains(where: { Lexicon.latinTypeWords[$0.folded] != nil }) {
                candidate.score = 0.55
            }
            candidate.aliases = parenthesizedAlias(after: end)
            result.append(candidate)
        }
        return result
    }

    /// The type a name's words tell: its last type word, else a person for two or three words.
    private func latinType(_ range: ClosedRange<Int>) -> EntityType {
        let words = article.tokens[range]
        for word in words.reversed() {
            if let type = Lexicon.latinTypeWords[word.folded] { return type }
        }
        if words.count == 1 && words.first!.isAcronym { return .organization }
        if (2...4).contains(words.count), words.allSatisfy({ $0.script == .latin && !$0.isAcronym }) { return .person }
        return .organization
    }

    // MARK: - Arabic

    private func arabicCandidates(taken: [Bool]) -> [Candidate] {
        let tokens = article.tokens
        var result: [Candidate] = []
        for index in tokens.indices where tokens[index].script == .arabic {
            let token = tokens[index]
            for cut in [0] + NameMatcher.procliticCuts(token.folded) {
                let word = String(token.folded.unicodeScalars.dropFirst(cut))
                if Lexicon.arabicPersonCues.contains(word) {
                    if let candidate = arabicPerson(after: index, cue: token.text, taken: taken) { result.append(candidate) }
                    break
                }
                if let cue = Lexicon.arabicNameCueByWord[word] {
                    if taken[index] { break }
                    if let candidate = arabicName(at: index, cut: cut, type: cue.type, partOfName: cue.partOfName, taken: taken) {
                        result.append(candidate)
                    }
                    break
                }
            }
        }
        return result
    }

    private func arabicPerson(after cueIndex: Int, cue: String, taken: [Bool]) -> Candidate? {
        let tokens = article.tokens
        var first = cueIndex + 1
        // Further honorifics (`معالي السيد`).
        while first < tokens.count, Lexicon.honorificLength(at: [tokens[first].folded][...]) != nil { first += 1 }
        guard first < tokens.count, tokens[first].sentence == tokens[cueIndex].sentence, tokens[first].script == .arabic, !taken[first],
            Self.plainSpace(article.gap(after: first - 1)), !isTitle(at: first), !isStop(tokens[first].folded)
        else { return nil }
        var last = first
        while last + 1 < tokens.count, last - first < 4, tokens[last + 1].sentence == tokens[first].sentence, !taken[last + 1],
            tokens[last + 1].script == .arabic, Self.plainSpace(article.gap(after: last)),
            !isStop(tokens[last + 1].folded), !isTitle(at: last + 1), !isCue(tokens[last + 1].folded),
            !tokens[last + 1].folded.hasPrefix("\u{0648}\u{0627}\u{0644}")
        {
            last += 1
        }
        var candidate = makeCandidate(first...last, type: .person, language: "ar", evidence: "after \(quoted(cue))", score: 0.6)
        candidate.aliases = parenthesizedAlias(after: last)
        return candidate
    }

    private func arabicName(at index: Int, cut: Int, type: EntityType, partOfName: Bool, taken: [Bool]) -> Candidate? {
        let tokens = article.tokens
        let first = partOfName ? index : index + 1
        guard first < tokens.count, tokens[first].sentence == tokens[index].sentence, !taken[first] else { return nil }
        if !partOfName && !Self.plainSpace(article.gap(after: index)) { return nil }
        var last = first
        let limit = partOfName ? 9 : 2
        while last + 1 < tokens.count, last - first < limit {
            let next = last + 1
            guard tokens[next].sentence == tokens[first].sentence, !taken[next], Self.plainSpace(article.gap(after: last)) else { break }
            let word = tokens[next]
            if word.script == .digits {
                // A year closes a name (`عاصمة الثقافة في العالم الإسلامي 2024`).
                if word.folded.count == 4 { last = next }
                break
            }
            guard word.script == .arabic else { break }
            if word.folded == "\u{0641}\u{064A}" {  // في
                if let length = continuation(at: next + 1) {
                    last = next + length
                    continue
                }
                break
            }
            // `للحوار بين الثقافات`: بين stays in a name before a definite noun.
            let between = word.folded == "\u{0628}\u{064A}\u{0646}" && next + 1 < tokens.count && tokens[next + 1].folded.hasPrefix("\u{0627}\u{0644}")
                && !taken[next + 1] && Self.plainSpace(article.gap(after: next))
            if (isStop(word.folded) && !between) || isTitle(at: next) { break }
            // A verb in the future (`سيتضمن`, `ستعقد`) starts a clause.
            let letters = word.folded.unicodeScalars.count
            if letters >= 5 && (word.folded.hasPrefix("\u{0633}\u{064A}") || word.folded.hasPrefix("\u{0633}\u{062A}")) { break }
            // An agreement's name does not run into what it is for (`… لتنظيم`, `… للتحضير`).
            if type == .agreement && word.folded.hasPrefix("\u{0644}") { break }
            // A word joined by و continues the name only as a definite noun (`والثقافة`); else a clause begins.
            if word.folded.hasPrefix("\u{0648}") {
                let rest = String(word.folded.unicodeScalars.dropFirst())
                guard rest.hasPrefix("\u{0627}\u{0644}"), !Lexicon.arabicPersonCues.contains(rest), Lexicon.arabicNameCueByWord[rest] == nil else { break }
            }
            if !partOfName {
                // A place is one word, or two that the gazetteer knows (`الدار البيضاء`).
                let pair = article.slice(tokens[first].start, word.end)
                if GazetteerIndex.place(named: pair) != nil { last = next }
                break
            }
            last = next
        }
        if partOfName && last == first { return nil }  // the cue word alone: "المنظمة", "المؤتمر"
        // An indefinite cue and an adjective describe a thing, not name it: "ندوة دولية", "برنامج مشترك".
        let cueWord = String(tokens[index].folded.unicodeScalars.dropFirst(cut))
        if partOfName, !cueWord.hasPrefix("\u{0627}\u{0644}") {
            let next = tokens[first + 1].folded
            let nisba = !next.hasPrefix("\u{0627}\u{0644}") && !isCue(next) && GazetteerIndex.place(named: tokens[first + 1].text) == nil
                && (next.hasSuffix("\u{064A}\u{0647}") || next.hasSuffix("\u{064A}") && next.unicodeScalars.count >= 5)
            if Lexicon.arabicDescriptiveWords.contains(next) || nisba { return nil }
        }
        // A name right before a known one of the same thing is another name of it: "مؤتمر الأطراف كوب 29".
        if last + 1 < tokens.count, taken[last + 1], Self.plainSpace(article.gap(after: last)) { return nil }
        // Words that say what a thing is without naming it: "مذكرة تفاهم".
        let words = article.tokens[first...last].map(\.folded)
        if Lexicon.agreementWords.phrases.contains(where: { $0 == words }) { return nil }
        let skip = partOfName ? cut : 0
        var candidate = makeCandidate(
            first...last, type: type, language: "ar", evidence: "after \(quoted(tokens[index].text))", score: partOfName ? 0.55 : 0.6,
            skipLetters: skip)
        candidate.aliases = parenthesizedAlias(after: last)
        if type == .place, let place = GazetteerIndex.place(named: candidate.name) { candidate.place = place }
        return candidate
    }

    /// The number of words of a phrase that may follow في inside a name, starting at `index`.
    private func continuation(at index: Int) -> Int? {
        for phrase in Lexicon.arabicNameContinuations where index + phrase.count <= article.tokens.count {
            if zip(phrase, article.tokens[index...].prefix(phrase.count)).allSatisfy({ $0 == $1.folded }) { return phrase.count }
        }
        return nil
    }

    private func isStop(_ folded: String) -> Bool {
        Lexicon.arabicNameStops.contains(folded)
    }

    private func isCue(_ folded: String) -> Bool {
        ([folded] + NameMatcher.procliticCuts(folded).map { String(folded.unicodeScalars.dropFirst($0)) }).contains {
            Lexicon.arabicPersonCues.contains($0) || Lexicon.arabicNameCueByWord[$0] != nil
        }
    }

    private func isTitle(at index: Int) -> Bool {
        let word = article.tokens[index].folded
        let forms = article.tokens[index].forms
        return Lexicon.titles.contains { title in title.phrase.count == 1 && forms.contains(title.phrase[0]) }
            || Lexicon.deputyWords.contains(word)
    }

    static func plainSpace(_ gap: String) -> Bool {
        !gap.isEmpty && gap.unicodeScalars.allSatisfy { $0 == " " || $0 == "\u{00A0}" }
    }

    // MARK: - Gazetteer

    private func gazetteerCandidates(taken: [Bool]) -> [Candidate] {
        let finder = MentionFinder(matcher: GazetteerIndex.matcher)
        var result: [Candidate] = []
        for found in finder.find(in: article) where !found.tokens.contains(where: { taken[$0] }) {
            guard let target = found.targets.first else { continue }
            let place = Gazetteer.places[Int(target.entityId / 2)]
            let isAdjective = target.entityId % 2 == 1
            result.append(
                Candidate(
                    tokens: found.tokens, start: found.start, end: found.end, name: place.english,
                    type: place.kind == .state ? .organization : .place, kind: place.kind.rawValue, language: "en",
                    aliases: place.names.filter { $0.name != place.english }.map { Alias(name: $0.name, language: $0.language) },
                    score: isAdjective ? 0.4 : 0.7, evidence: isAdjective ? "adjective of a state in the gazetteer" : "gazetteer",
                    occurrences: 1, place: place))
        }
        return result
    }

    // MARK: - Assembling

    private func makeCandidate(
        _ range: ClosedRange<Int>, type: EntityType, language: String, evidence: String, score: Double, skipLetters: Int = 0
    ) -> Candidate {
        let first = article.tokens[range.lowerBound]
        // `للشبكة` is ل + `الشبكة`: the name keeps its article.
        let lamLam = skipLetters == 2 && first.folded.hasPrefix("\u{0644}\u{0644}")
        let letters = lamLam ? 1 : skipLetters
        let start = first.start + MentionFinder.originalOffset(article, token: range.lowerBound, foldedLetters: letters)
        let end = article.tokens[range.upperBound].end
        var name = article.slice(start, end).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if lamLam { name = "\u{0627}" + name }
        return Candidate(
            tokens: range, start: start, end: end, name: name, type: type, kind: nil, language: language, aliases: [], score: score,
            evidence: evidence, occurrences: 1, place: nil)
    }

    /// `(ICESCO)` or `(إيسيسكو)` right after a name: a short name for it.
    private func parenthesizedAlias(after index: Int) -> [Alias] {
        let tokens = article.tokens
        guard index + 1 < tokens.count else { return [] }
        let gap = article.gap(after: index).trimmingCharacters(in: .whitespaces)
        guard gap == "(" else { return [] }
        var last = index + 1
        while last + 1 < tokens.count, last - index < 4, article.gap(after: last).trimmingCharacters(in: .whitespaces).isEmpty { last += 1 }
        guard article.gap(after: last).trimmingCharacters(in: .whitespaces).hasPrefix(")") else { return [] }
        let text = article.slice(tokens[index + 1].start, tokens[last].end)
        return [Alias(name: text, language: tokens[index + 1].script == .arabic ? "ar" : tokens[index + 1].isAcronym ? nil : "en")]
    }

    /// One candidate a name: occurrences counted, the best evidence kept, gazetteer places
    /// preferred; ranked by score, then by first position.
    private func merge(_ found: [Candidate]) -> [Candidate] {
        var found = found
        // A short name in parentheses belongs to the longest name it follows, not to those nested in it.
        for index in found.indices where !found[index].aliases.isEmpty {
            if found.contains(where: { $0.tokens.upperBound == found[index].tokens.upperBound && $0.tokens.count > found[index].tokens.count }) {
                found[index].aliases = []
            }
        }
        // A place the gazetteer knows goes by its names there.
        for index in found.indices {
            if found[index].place == nil, found[index].type == .place || found[index].type == .organization,
                let place = GazetteerIndex.place(named: found[index].name),
                found[index].type == .place || place.kind == .state || found[index].evidence == "capitalized words"
            {
                found[index].place = place
            }
            if let place = found[index].place, !found[index].evidence.hasPrefix("adjective") {
                found[index].name = place.english
                found[index].type = place.kind == .state ? .organization : .place
                found[index].kind = place.kind.rawValue
                found[index].language = "en"
                found[index].aliases = place.names.filter { $0.name != place.english }.map { Alias(name: $0.name, language: $0.language) }
            }
        }
        var byName: [String: Int] = [:]
        var merged: [Candidate] = []
        for candidate in found.sorted(by: { $0.start < $1.start }) {
            let key = candidate.place?.key ?? NameNormalizer.normalize(candidate.name)
            if let index = byName[key] {
                merged[index].occurrences += 1
                merged[index].score = min(0.95, max(merged[index].score, candidate.score) + 0.05)
                for alias in candidate.aliases where !merged[index].aliases.contains(alias) { merged[index].aliases.append(alias) }
                continue
            }
            byName[key] = merged.count
            merged.append(candidate)
        }
        // A name that is another's short form in parentheses (`ALECSO`) is that one.
        var dropped = Set<Int>()
        for (index, candidate) in merged.enumerated() where !candidate.aliases.isEmpty {
            let short = Set(candidate.aliases.map { NameNormalizer.normalize($0.name) })
            for (other, shorter) in merged.enumerated() where other != index && !dropped.contains(index)
                && short.contains(NameNormalizer.normalize(shorter.name))
            {
                merged[index].occurrences += shorter.occurrences
                merged[index].score = min(0.95, max(merged[index].score, shorter.score) + 0.05)
                dropped.insert(other)
            }
        }
        merged = merged.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        return merged.sorted { ($0.score, -$0.start) > ($1.score, -$1.start) }
    }
}

extension CandidateFinder {
    /// Where the new names occur in the article, by any of their names: a new organization named
    /// in full once (`منظمة العالم الإسلامي … (إيسيسكو)`) is then found as `الإيسيسكو` too, and a new
    /// person by their last name after an honorific. Outside the known mentions, longest first.
    ///
    /// Also drops the names that ran on past a person's name (`صاحبة غفاروفا بمجهودات …` when
    /// `صاحبة غفاروفا` is one) or that are another new name's short form (`المالك`), counting them
    /// as occurrences of it.
    static func occurrences(
        of candidates: inout [Candidate], in article: ArticleText, known: [ClosedRange<Int>]
    ) -> [(candidate: Int, found: MentionFinder.Found)] {
        // A person's last name alone, or a person's name run on into the next words, is that person.
        let people = candidates.indices.filter { candidates[$0].type == .person }
        var shortOrLong = Set<Int>()
        for index in people {
            let words = NameMatcher.words(of: NameNormalizer.normalize(candidates[index].name))
            for other in people where other != index {
                let full = NameMatcher.words(of: NameNormalizer.normalize(candidates[other].name))
                guard full.count >= 2 else { continue }
                let isSurname = words.count < full.count && Array(full.suffix(words.count)) == words
                let runsOn = words.count > full.count && Array(words.prefix(full.count)) == full
                if isSurname || runsOn {
                    shortOrLong.insert(index)
                    candidates[other].occurrences += 1
                }
            }
        }
        if !shortOrLong.isEmpty {
            candidates = candidates.enumerated().filter { !shortOrLong.contains($0.offset) }.map(\.element)
        }
        var builder = NameMatcher.Builder()
        for (index, candidate) in candidates.enumerated() where !candidate.evidence.hasPrefix("adjective") {
            for name in [candidate.name] + candidate.aliases.map(\.name) {
                builder.add(normalizedName: NameNormalizer.normalize(name), entityId: Int64(index), isPerson: candidate.type == .person)
            }
        }
        var taken = Set(known.flatMap { Array($0) })
        let found = MentionFinder(matcher: builder.build()).find(in: article).filter { !$0.tokens.contains { taken.contains($0) } }
        var result: [(Int, MentionFinder.Found)] = []
        var dropped = Set<Int>()
        for item in found {
            guard let target = item.targets.first else { continue }
            let index = Int(target.entityId)
            // Another candidate that starts here and is longer, or this very span, is this one run on or cut short.
            for (other, candidate) in candidates.enumerated() where other != index && candidate.type == candidates[index].type {
                if candidate.tokens.lowerBound == item.tokens.lowerBound || candidate.tokens == item.tokens {
                    if candidate.type == .person || candidate.tokens == item.tokens { dropped.insert(other) }
                }
            }
            result.append((index, item))
            for token in item.tokens { taken.insert(token) }
        }
        var counts: [Int: Int] = [:]
        for (index, _) in result { counts[index, default: 0] += 1 }
        for index in candidates.indices { candidates[index].occurrences = max(candidates[index].occurrences, counts[index] ?? 0) }
        // Renumber, leaving out the dropped ones.
        var newIndex: [Int: Int] = [:]
        var kept: [Candidate] = []
        for (index, candidate) in candidates.enumerated() where !dropped.contains(index) {
            newIndex[index] = kept.count
            kept.append(candidate)
        }
        candidates = kept
        return result.compactMap { entry in newIndex[entry.0].map { ($0, entry.1) } }
    }
}

/// The ``Gazetteer`` compiled into a ``NameMatcher``, once per process: the target of a key is
/// twice the place's index, plus one for an adjective.
enum GazetteerIndex {
    /// The matcher: the one ``install(_:)`` was given (read from the database), else built here.
    static var matcher: NameMatcher {
        installed.withLock { installed in
            if installed == nil { installed = build() }
            return installed!
        }
    }

    private static let installed = Mutex<NameMatcher?>(nil)

    /// Uses `matcher`, read from where it was stored, instead of building one.
    static func install(_ matcher: NameMatcher) {
        installed.withLock { $0 = matcher }
    }

    /// A fingerprint of the gazetteer's tables, to tell a stored matcher of another build.
    static let fingerprint: String = PartnerGraphStore.textHash(Gazetteer.stateTable + "\n" + Gazetteer.cityTable)

    static func build() -> NameMatcher {
        var builder = NameMatcher.Builder()
        for (index, place) in Gazetteer.places.enumerated() {
            for name in place.names {
                builder.add(normalizedName: NameNormalizer.normalize(name.name), entityId: Int64(index * 2), isPerson: false)
            }
            for adjective in place.adjectives {
                builder.add(normalizedName: NameNormalizer.normalize(adjective), entityId: Int64(index * 2 + 1), isPerson: false)
            }
        }
        return builder.build()
    }

    /// The place with this name, in any of its languages: looked up in ``matcher``, so that
    /// no second table of names is built.
    static func place(named name: String) -> GazetteerPlace? {
        var cursor = matcher.root
        for word in NameMatcher.words(of: NameNormalizer.normalize(name)) {
            for byte in word.utf8 {
                cursor = matcher.advance(cursor, byte)
                if cursor.isEmpty { return nil }
            }
        }
        guard let key = matcher.exactKey(cursor),
            let target = matcher.targets(ofKey: key).first(where: { $0.entityId % 2 == 0 && $0.form <= .withoutArticle })
        else { return nil }
        return Gazetteer.places[Int(target.entityId / 2)]
    }
}
