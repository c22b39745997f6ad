/// An article cut into words and sentences, each word with its folded form.
///
/// Offsets are in Unicode scalars of the text, the unit ``DateMention`` and every position
/// `ingest` prints use: `Array(text.unicodeScalars)[start..<end]` is the thing found.
struct ArticleText {
    /// A word: a run of letters, digits and combining marks.
    struct Token {
        var start: Int
        var end: Int
        /// The word folded by ``NameNormalizer`` (case, diacritics, Arabic letter variants).
        var folded: String
        /// The word as written.
        var text: String
        var script: Script
        /// Whether its first letter is upper case (Latin), the sign of a name in English and French.
        var isCapitalized: Bool
        /// Whether every letter is upper case and there are at least two: an acronym (`ICESCO`).
        var isAcronym: Bool
        /// The sentence it belongs to.
        var sentence: Int
        /// The folded word, then each way of reading it without its Arabic prefixes (`للإيسيسكو`:
        /// `لايسيسكو`, `ايسيسكو`), computed once for the cue look-ups.
        var forms: [String] = []
    }

    enum Script { case latin, arabic, digits, other }

    /// A sentence: its tokens and where it stands.
    struct Sentence {
        var start: Int
        var end: Int
        var tokens: Range<Int>
    }

    let text: String
    let scalars: [Unicode.Scalar]
    private(set) var tokens: [Token] = []
    private(set) var sentences: [Sentence] = []

    init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars)
        tokenize()
        splitSentences()
    }

    /// The text between two offsets.
    func slice(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
        return String(view)
    }

    /// The characters between token `index` and the next one (or the end of the text).
    func gap(after index: Int) -> String {
        let end = index + 1 < tokens.count ? tokens[index + 1].start : scalars.count
        return slice(tokens[index].end, end)
    }

    /// The text of a sentence, with its white space squeezed: the quote a draft cites.
    func sentenceText(_ index: Int) -> String {
        let sentence = sentences[index]
        return slice(sentence.start, sentence.end)
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    // MARK: - Cutting

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        if value == 0x200C || value == 0x200D { return false }
        if value == 0x0640 { return true }  // tatweel, inside Arabic words
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }

    static func script(of scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x30...0x39, 0x0660...0x0669, 0x06F0...0x06F9: return .digits
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
        default: return .other
        }
    }

    private mutating func tokenize() {
        var index = 0
        while index < scalars.count {
            guard Self.isWordScalar(scalars[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < scalars.count && Self.isWordScalar(scalars[index]) { index += 1 }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[start..<index])
            let text = String(word)
            let folded = NameNormalizer.normalize(text)
            if folded.isEmpty { continue }
            var script = Script.other
            for scalar in scalars[start..<index] {
                let candidate = Self.script(of: scalar)
                if candidate == .latin || candidate == .arabic {
                    script = candidate
                    break
                }
                if candidate == .digits { script = .digits }
            }
            let letters = scalars[start..<index].filter { $0.properties.isAlphabetic }
            let first = letters.first
            let capitalized = first.map { $0.properties.isUppercase } ?? false
            let acronym = letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
            let forms = script == .arabic ? [folded] + NameMatcher.procliticCuts(folded).map { String(folded.unicodeScalars.dropFirst($0)) } : [folded]
            tokens.append(
                Token(
                    start: start, end: index, folded: folded, text: text, script: script, isCapitalized: capitalized,
                    isAcronym: acronym, sentence: 0, forms: forms))
        }
    }

    /// Abbreviations after which a full stop does not end a sentence (folded).
    static let abbreviations: Set<String> = [
        "dr", "mr", "mrs", "ms", "prof", "pr", "st", "no", "mme", "mlle", "me", "jr", "sr", "amb", "gen", "vol", "art",
        "etc", "vs", "cf", "dept", "inc", "co", "ltd", "he", "se", "mgr", "ste", "av", "bd", "hon",
    ]

    private mutating func splitSentences() {
        var sentenceStart = 0
        var firstToken = 0
        for index in tokens.indices {
            tokens[index].sentence = sentences.count
            let gapEnd = index + 1 < tokens.count ? tokens[index + 1].start : scalars.count
            if index + 1 < tokens.count && endsSentence(after: index, gapEnd: gapEnd) {
                sentences.append(Sentence(start: sentenceStart, end: terminatorEnd(after: index, gapEnd: gapEnd), tokens: firstToken..<(index + 1)))
                sentenceStart = tokens[index + 1].start
                firstToken = index + 1
            }
        }
        if !tokens.isEmpty {
            sentences.append(Sentence(start: sentenceStart, end: scalars.count, tokens: firstToken..<tokens.count))
        }
    }

    /// Where the sentence that ends after token `index` ends: after its closing punctuation and quotes.
    private func terminatorEnd(after index: Int, gapEnd: Int) -> Int {
        var end = tokens[index].end
        var position = end
        while position < gapEnd {
            let scalar = scalars[position]
            if scalar.properties.isWhitespace { break }
            position += 1
            end = position
        }
        return end
    }

    private func endsSentence(after index: Int, gapEnd: Int) -> Bool {
        let gap = scalars[tokens[index].end..<gapEnd]
        if gap.contains("\n") || gap.contains("\u{2029}") { return true }
        var sawStop = false
        var sawSpace = false
        for scalar in gap {
            switch scalar {
            case "!", "?", "\u{061F}", "\u{06D4}": return gap.contains(where: { $0.properties.isWhitespace })
            case ".": sawStop = true
            default:
                if scalar.properties.isWhitespace && sawStop { sawSpace = true }
            }
        }
        guard sawStop && sawSpace else { return false }
        let token = tokens[index]
        // Initials (`Salim M. AlMalik`) and titles (`Dr.`, `H.E.`) do not end a sentence.
        if token.script == .latin && token.folded.count == 1 { return false }
        if Self.abbreviations.contains(token.folded) { return false }
        let next = tokens[index + 1]
        if next.script == .latin && !next.isCapitalized { return false }
        return true
    }
}
