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
