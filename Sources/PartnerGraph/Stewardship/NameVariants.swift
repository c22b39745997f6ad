/// The spellings of one name that transliteration produces, folded to one form.
///
/// Press releases spell the same Arabic or Azerbaijani name many ways in Latin letters:
/// `AlMalik`, `Al-Malik`, `Al Malek`; `Mohammed`, `Mohamed`; `Samadov`, `Samedov`. Two names
/// that fold to the same ``spelling(_:)`` differ only in spaces, hyphens, the article `al`/`el`
/// and doubled letters; two that fold to the same ``consonants(_:)`` differ also in their vowels.
enum NameVariants {
    /// The words of a normalized name (``NameNormalizer``), split on anything but letters and digits.
    static func words(_ normalized: String) -> [String] {
        normalized.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The words of a normalized name without their articles: a lone `al` or `el` joins the
    /// next word, and is then dropped like a leading one (`al-malik`, `al malik`, `almalik`
    /// all give `malik`).
    static func significantWords(_ normalized: String) -> [String] {
        words(normalized).map(withoutArticle).filter { !$0.isEmpty }
    }

    /// The keys of the spellings one letter away: the spelling with each letter left out in turn.
    static func oneLetterAway(_ spelling: String) -> [String] {
        let letters = Array(spelling)
        return letters.indices.map { index in String(letters[..<index] + letters[(index + 1)...]) }
    }

    /// The name without spaces, hyphens and the article of each word, doubled letters single.
    static func spelling(_ normalized: String) -> String {
        var text = ""
        for word in words(normalized) {
            text += withoutArticle(word)
        }
        return singleLetters(text)
    }

    /// ``spelling(_:)`` without its vowels but the first letter: `almalik` and `al malek`
    /// both give `mlk`.
    static func consonants(_ normalized: String) -> String {
        let spelled = spelling(normalized)
        guard let first = spelled.first else { return "" }
        return singleLetters(String(first) + spelled.dropFirst().filter { !"aeiouy".contains($0) })
    }

    /// A word without a leading Arabic article, in Latin (`al`, `el`) or Arabic letters.
    static func withoutArticle(_ word: String) -> String {
        for article in ["al", "el", "ال"] where word.hasPrefix(article) && word.count > article.count + 2 {
            return String(word.dropFirst(article.count))
        }
        if word == "al" || word == "el" { return "" }
        return word
    }

    /// Runs of one letter as one: `mohammed` → `mohamed`.
    static func singleLetters(_ text: String) -> String {
        var result = ""
        for character in text where character != result.last {
            result.append(character)
        }
        return result
    }

    /// Whether two names are one with initials for some of the other's words:
    /// `salim m. almalik` and `salim mohammed almalik`.
    static func initialsMatch(_ a: [String], _ b: [String]) -> Bool {
        guard a.count == b.count, a.count >= 2, a != b else { return false }
        var usedInitial = false
        for (x, y) in zip(a, b) {
            if x == y { continue }
            if x.count == 1 && y.hasPrefix(x) || y.count == 1 && x.hasPrefix(y) {
                usedInitial = true
                continue
            }
            return false
        }
        return usedInitial
    }
}
