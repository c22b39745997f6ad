import Foundation

/// Folds a name to the form PartnerGraph compares names in.
///
/// The same organisation is written many ways: `ICESCO`, `icesco`, `الإيسيسكو`, `الايسيسكو`,
/// `إيسيسكو`. Normalization makes them compare equal without changing what is stored:
/// - Latin text is case-folded and its diacritics are removed (`Société` → `societe`);
/// - Arabic hamza-bearing alefs (أ إ آ ٱ) become ا, ى becomes ي, ة becomes ه, Persian
///   yeh and kaf become their Arabic forms, and tatweel and harakat are removed;
/// - runs of white space become one space, and the ends are trimmed.
public enum NameNormalizer {
    /// Returns the normalized form of `text`.
    public static func normalize(_ text: String) -> String {
        if let folded = normalizeASCII(text) { return folded }
        return normalizeUnicode(text)
    }

    /// The fast path for ASCII text, which has nothing to decompose or compose and no letter
    /// for ``fold(_:)`` to change: lower-case A–Z, squeeze runs of white space (tab, line feed,
    /// vertical tab, form feed, carriage return, space: the ASCII scalars with the Unicode
    /// White_Space property) into one space, trim the ends. `nil` for any other text.
    /// Gives the same result as ``normalizeUnicode(_:)``; `NameNormalizerTests` checks it.
    static func normalizeASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            for byte in bytes where byte >= 0x80 { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { output in
                var count = 0
                var pendingSpace = false
                for byte in bytes {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    output[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
                    count += 1
                }
                return count
            }
        }
    }

    /// The general path: canonical decomposition, folding scalar by scalar, composition.
    static func normalizeUnicode(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        // Decomposing first exposes Latin diacritics as combining marks; Arabic letters
        // with hamza or madda decompose too, which the Arabic folding below relies on.
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200C}" {
                pendingSpace = !scalars.isEmpty
                continue
            }
            guard let folded = fold(scalar) else { continue }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            for lower in String(folded).lowercased().unicodeScalars {
                scalars.append(lower)
            }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// Folds one decomposed scalar; `nil` drops it.
    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x0300...0x036F: return nil  // Latin combining diacritics
        case 0x064B...0x065F, 0x0670: return nil  // harakat, hamza and madda marks, dagger alef
        case 0x0640: return nil  // tatweel
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF, 0x200B, 0x200D:
            return nil  // bidi controls and invisible joiners
        case 0x0622, 0x0623, 0x0625, 0x0671: return "\u{0627}"  // آ أ إ ٱ → ا
        case 0x0649, 0x06CC: return "\u{064A}"  // ى ی → ي
        case 0x0629: return "\u{0647}"  // ة → ه
        case 0x06A9: return "\u{0643}"  // ک → ك
        default: return scalar
        }
    }
}
