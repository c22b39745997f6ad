import Testing

@testable import PartnerGraph

/// The Arabic fast paths of `NameNormalizer` and `SearchText` must give exactly what the
/// general paths give, for every scalar of the Arabic block they take.
struct ArabicFastPathTests {
    /// The scalars of U+0600–U+06FF the fast path takes.
    static let takenScalars: [Unicode.Scalar] = (0x0600...0x06FF).compactMap { value in
        NameNormalizer.arabicFolding(UInt32(value)) == NameNormalizer.notFolded ? nil : Unicode.Scalar(UInt32(value))
    }

    @Test("every scalar the table takes folds, alone and in context, as the Unicode path folds it")
    func everyTakenScalar() {
        #expect(Self.takenScalars.count > 200, "the table should take the letters, digits and punctuation of the block")
        for scalar in Self.takenScalars {
            let alone = String(scalar)
            for text in [alone, "ب" + alone + "ب", "a" + alone + "Z", " " + alone + " x ", alone + alone, "\u{0623}" + alone + "\u{064E}"] {
                let fast = NameNormalizer.normalizeArabic(text)
                #expect(fast != nil, "the fast path should take \(text.debugDescription)")
                #expect(fast == NameNormalizer.normalizeUnicode(text), "for U+\(String(scalar.value, radix: 16)) in \(text.debugDescription)")
            }
        }
    }

    @Test("what a taken scalar folds to is a letter, a digit or punctuation, or nothing")
    func foldedScalarsAreSimple() {
        for scalar in Self.takenScalars {
            let folded = NameNormalizer.arabicFolding(scalar.value)
            if folded == NameNormalizer.dropped { continue }
            let result = Unicode.Scalar(folded)!
            #expect([.otherLetter, .decimalNumber, .otherPunctuation].contains(result.properties.generalCategory), "U+\(String(folded, radix: 16))")
            #expect(result.properties.canonicalCombiningClass == .notReordered)
            #expect(NameNormalizer.arabicFolding(folded) == folded, "folding is idempotent for U+\(String(folded, radix: 16))")
        }
    }

    @Test("the scalars the table leaves out take the Unicode path", arguments: [0x0600, 0x0610, 0x06D6, 0x06DD, 0x060B, 0x06E5, 0x06DE])
    func leftOut(value: Int) {
        let text = "ب" + String(Unicode.Scalar(UInt32(value))!)
        #expect(NameNormalizer.normalizeArabic(text) == nil)
        #expect(NameNormalizer.normalize(text) == NameNormalizer.normalizeUnicode(text))
    }

    @Test("random names of Arabic and ASCII fold the same on both paths, and index the same")
    func randomMixed() {
        var generator = SplitMix(seed: 11)
        let alphabet: [String] = Self.takenScalars.map { String($0) } + ["a", "Z", "7", " ", "\t", "-", ".", "ال", "و", "لل", "ب"]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 16) { text += alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let expected = NameNormalizer.normalizeUnicode(text)
            #expect(NameNormalizer.normalize(text) == expected, "for \(text.debugDescription)")
            let fast = SearchText.indexedFast(normalized: ["key-1", expected])
            #expect(fast != nil)
            #expect(fast == SearchText.indexedGeneral(normalized: ["key-1", expected]), "indexing \(expected.debugDescription)")
        }
    }

    @Test("the article and clitics are indexed on the fast path as on the general one")
    func clitics() {
        for name in ["وأذربيجان", "للإيسيسكو", "الإيسيسكو", "بالرباط", "فالمنظمة", "Baku باكو"] {
            let folded = NameNormalizer.normalize(name)
            #expect(SearchText.indexedFast(normalized: [folded]) != nil)
            #expect(SearchText.indexed(normalized: [folded]) == SearchText.indexedGeneral(normalized: [folded]))
        }
        #expect(SearchText.indexed(normalized: ["للايسيسكو"]).split(separator: " ").contains("ايسيسكو"))
    }
}
