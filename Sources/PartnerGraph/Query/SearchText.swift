/// Turns text into the words PartnerGraph's full-text index stores and looks up.
///
/// Words are folded with ``NameNormalizer`` (case, Latin diacritics, Arabic letter variants,
/// harakat). An Arabic word also stands for its forms without the one-letter clitics and the
/// article that are written joined to it: the conjunctions و and ف, the prepositions ب and ل,
/// the article ال, and لل (ل + ال). So `وأذربيجان` is indexed as `واذربيجان`, `اذربيجان`,
/// and `للإيسيسكو` as `للايسيسكو`, `لايسيسكو`, `ايسيسكو`; a search for `الإيسيسكو` looks for
/// `الايسيسكو` or `ايسيسكو` and finds both.
public enum SearchText {
    /// The shortest stem a clitic may be stripped down to, in letters: shorter ones would
    /// make common short words match everything.
    static let minimumStem = 3

    /// The folded words of `text`, in order.
    public static func words(_ text: String) -> [String] {
        NameNormalizer.normalize(text)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
    }

    /// `word` (already folded) without its leading clitics, every way they can be read,
    /// longest first; empty when nothing can be stripped.
    public static func cliticVariants(of word: String) -> [String] {
        let letters = Array(word.unicodeScalars)
        guard letters.count > minimumStem, let first = letters.first, isArabic(first) else { return [] }
        let waw: Unicode.Scalar = "\u{0648}", fa: Unicode.Scalar = "\u{0641}", ba: Unicode.Scalar = "\u{0628}"
        let lam: Unicode.Scalar = "\u{0644}", alef: Unicode.Scalar = "\u{0627}"
        var cuts: Set<Int> = []
        func at(_ index: Int, _ scalar: Unicode.Scalar) -> Bool { index < letters.count && letters[index] == scalar }
        for conjunction in [0, 1] {
            if conjunction == 1 && !(at(0, waw) || at(0, fa)) { continue }
            let i = conjunction
            if conjunction == 1 { cuts.insert(i) }
            if at(i, alef) && at(i + 1, lam) { cuts.insert(i + 2) }  // ال
            if at(i, lam) && at(i + 1, lam) { cuts.insert(i + 2) }  // لل
            if at(i, ba) || at(i, lam) {
                cuts.insert(i + 1)  // ب ل
                if at(i + 1, alef) && at(i + 2, lam) { cuts.insert(i + 3) }  // بال
            }
        }
        return cuts.filter { $0 > 0 && letters.count - $0 >= minimumStem }.sorted().map { cut in
            var stem = String.UnicodeScalarView()
            stem.append(contentsOf: letters[cut...])
            return String(stem)
        }
    }

    /// The text stored in the index for `text`: its words, each followed by its variants.
    static func indexed(_ text: String) -> String {
        var output: [String] = []
        for word in words(text) {
            output.append(word)
            output += cliticVariants(of: word)
        }
        return output.joined(separator: " ")
    }

    /// The same, for texts already folded by ``NameNormalizer``.
    static func indexed(normalized texts: [String]) -> String {
        indexedFast(normalized: texts) ?? indexedGeneral(normalized: texts)
    }

    /// ``indexed(normalized:)`` for any text, splitting words on `Character` properties.
    static func indexedGeneral(normalized texts: [String]) -> String {
        var output: [String] = []
        for text in texts {
            for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                let word = String(word)
                output.append(word)
                output += cliticVariants(of: word)
            }
        }
        return output.joined(separator: " ")
    }

    /// ``indexed(normalized:)`` for texts of ASCII and the Arabic letters, digits and
    /// punctuation that ``NameNormalizer`` leaves as they are, split into words on their UTF-8
    /// bytes; `nil` for any other text. A word is a run of ASCII letters and digits and Arabic
    /// letters and digits, the scalars for which `Character.isLetter || isNumber` holds among
    /// these; `SearchTextTests` checks both paths agree.
    static func indexedFast(normalized texts: [String]) -> String? {
        var output: [UInt8] = []
        for var text in texts {
            let done = text.withUTF8 { bytes -> Bool in
                var index = 0
                var wordStart = -1
                func endWord(at end: Int) {
                    guard wordStart >= 0 else { return }
                    let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<end])
                    if !output.isEmpty { output.append(0x20) }
                    output.append(contentsOf: word)
                    if word[0] >= 0xD8 {
                        for variant in cliticVariants(of: String(decoding: word, as: UTF8.self)) {
                            output.append(0x20)
                            output.append(contentsOf: variant.utf8)
                        }
                    }
                    wordStart = -1
                }
                while index < bytes.count {
                    let byte = bytes[index]
                    let isWord: Bool
                    let width: Int
                    if byte < 0x80 {
                        isWord = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                        width = 1
                    } else {
                        guard byte >= 0xD8 && byte <= 0xDB, index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 else { return false }
                        let value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        guard NameNormalizer.arabicFolding(value) == value else { return false }
                        isWord = !isArabicPunctuation(value)
                        width = 2
                    }
                    if isWord {
                        if wordStart < 0 { wordStart = index }
                    } else {
                        endWord(at: index)
                    }
                    index += width
                }
                endWord(at: bytes.count)
                return true
            }
            if !done { return nil }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The punctuation among the Arabic scalars ``NameNormalizer/arabicFolding(_:)`` keeps.
    private static func isArabicPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x060C, 0x060D, 0x061B, 0x061F, 0x066A...0x066D, 0x06D4: return true
        default: return false
        }
    }

    /// Whether the folded word `word`, or one of its variants, is one of `terms`, or starts
    /// with one of `prefixes`.
    static func matches(_ word: String, terms: Set<String>, prefixes: [String]) -> Bool {
        let forms = [word] + cliticVariants(of: word)
        return forms.contains { form in terms.contains(form) || prefixes.contains { form.hasPrefix($0) } }
    }

    private static func isArabic(_ scalar: Unicode.Scalar) -> Bool {
        (0x0600...0x06FF).contains(scalar.value)
    }
}
