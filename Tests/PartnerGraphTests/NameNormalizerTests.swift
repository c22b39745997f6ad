import Testing
@testable import PartnerGraph

/// Spellings from the seed article and its usual variants must fold to one form.
struct NameNormalizerTests {
    @Test("Arabic spellings of ICESCO in the seed article fold together", arguments: [
        ("الإيسيسكو", "الايسيسكو"),  // hamza under alef
        ("إيسيسكو", "ايسيسكو"),
        ("أذربيجان", "اذربيجان"),  // hamza over alef
        ("جمهورية أذربيجان", "جمهوريه اذربيجان"),  // teh marbuta → heh
        ("الإيسـيسكو", "الايسيسكو"),  // tatweel
        ("سَالِم", "سالم"),  // harakat
        ("آل", "ال"),  // madda
        ("مستوى", "مستوي"),  // alef maksura → yeh
    ])
    func arabicVariantsFold(written: String, folded: String) {
        #expect(NameNormalizer.normalize(written) == NameNormalizer.normalize(folded))
        #expect(NameNormalizer.normalize(written) == folded)
    }

    @Test("Latin names are case-folded and lose their diacritics", arguments: [
        ("ICESCO", "icesco"),
        ("Salim M. AlMalik", "salim m. almalik"),
        ("Société Générale", "societe generale"),
        ("  Sahiba   Gafarova ", "sahiba gafarova"),
        ("Gafarová", "gafarova"),
    ])
    func latinFolds(written: String, folded: String) {
        #expect(NameNormalizer.normalize(written) == folded)
    }

    @Test("Bidi marks are not part of a name")
    func bidiMarksDropped() {
        #expect(NameNormalizer.normalize("\u{200F}الإيسيسكو\u{200E}") == "الايسيسكو")
    }

    @Test("Different names stay different")
    func differentNamesDiffer() {
        #expect(NameNormalizer.normalize("باكو") != NameNormalizer.normalize("شوشا"))
        #expect(NameNormalizer.normalize("NAM") != NameNormalizer.normalize("NAM PN"))
    }

    @Test("Keys are slugs of the name, in any script", arguments: [
        ("Salim M. AlMalik", "salim-m-almalik"),
        ("ICESCO", "icesco"),
        ("COP29", "cop29"),
        ("صاحبة غفاروفا", "صاحبه-غفاروفا"),
        ("  --Hello,  World!-- ", "hello-world"),
    ])
    func slugs(name: String, key: String) {
        #expect(Slug.make(from: name) == key)
    }
}
