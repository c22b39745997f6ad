import Testing

@testable import PartnerGraph

/// The ASCII fast path of `NameNormalizer` must give exactly what the Unicode path gives.
struct NameNormalizerFastPathTests {
    @Test("every ASCII scalar, alone and between letters, folds as the Unicode path folds it")
    func everyASCIIScalar() {
        for value in UInt8(0)..<0x80 {
            let scalar = String(UnicodeScalar(value))
            for text in [scalar, "a" + scalar + "B", scalar + scalar + "Z" + scalar, " " + scalar + " x "] {
                #expect(NameNormalizer.normalizeASCII(text) == NameNormalizer.normalizeUnicode(text), "for \(Array(text.utf8))")
            }
        }
    }

    @Test("random ASCII strings fold the same on both paths")
    func randomASCII() {
        var generator = SplitMix(seed: 42)
        let alphabet = Array("aZ09 \t\n\r\u{0B}\u{0C}\u{1C}\u{1F}.-_,'\"()&/ÀQ".unicodeScalars.filter(\.isASCII))
        for _ in 0..<5000 {
            let length = Int(generator.next() % 24)
            var text = String.UnicodeScalarView()
            for _ in 0..<length { text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let string = String(text)
            #expect(NameNormalizer.normalizeASCII(string) == NameNormalizer.normalizeUnicode(string), "for \(string.debugDescription)")
        }
    }

    @Test(
        "non-ASCII text takes the Unicode path and normalize gives its result",
        arguments: [
            "Société Générale", "  ÉCOLE   d'Été ", "Ångström", "naïve café", "Øresund", "ﬁnance", "Straße",
            "الإيسيسكو", "وأذربيجان", "للإيسيسكو", "مُنَظَّمَة", "ـالعربيةـ", "یکی", "ک", "آسيا", "\u{200C}x\u{200C}",
            "Gulf Energy Council\u{00A0}", "ICESCO\u{2003}Rabat", "x\u{0085}y", "Ｆｕｌｌ", "İstanbul",
        ])
    func nonASCII(text: String) {
        #expect(NameNormalizer.normalizeASCII(text) == nil)
        #expect(NameNormalizer.normalize(text) == NameNormalizer.normalizeUnicode(text))
    }

    @Test("mixed strings made of ASCII and non-ASCII pieces fold the same through normalize")
    func randomMixed() {
        var generator = SplitMix(seed: 7)
        let pieces = ["a", "B", " ", "\t", "é", "E\u{0301}", "أ", "ى", "ة", "ـ", "\u{064E}", "-", "9", "  ", "\u{200C}", "ß"]
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 12) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let expected = NameNormalizer.normalizeUnicode(text)
            #expect(NameNormalizer.normalize(text) == expected, "for \(text.debugDescription)")
            if let fast = NameNormalizer.normalizeASCII(text) { #expect(fast == expected) }
        }
    }
}
