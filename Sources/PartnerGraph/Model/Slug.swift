/// Derives entity keys from names.
public enum Slug {
    /// Makes a key from a name: normalized, with every run of characters other than letters
    /// and digits turned into one hyphen.
    ///
    /// Letters of any script are kept, so an Arabic-only name gets an Arabic key.
    ///
    /// ```swift
    /// Slug.make(from: "Salim M. AlMalik")  // "salim-m-almalik"
    /// ```
    public static func make(from name: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in NameNormalizer.normalize(name) {
            if character.isLetter || character.isNumber {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}
