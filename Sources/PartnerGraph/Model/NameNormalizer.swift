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
        if let folded = normalizeArabic(text) { return folded }
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
            return foldChecked(bytes)
        }
    }

    /// The fast path for text of ASCII and the common scalars of the Arabic block
    /// (U+0600–U+06FF), the names and aliases of most entities: each scalar is folded on its own
    /// by ``arabicFolding(_:)``, straight from UTF-8 to UTF-8. `nil` for any other text, or for
    /// a scalar the table does not take. Gives the same result as ``normalizeUnicode(_:)``;
    /// `NameNormalizerFastPathTests` checks it for every scalar of the block.
    static func normalizeArabic(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // First make sure every scalar is one the table takes, so that the pass that writes
            // cannot fail half-way.
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    continue
                }
                guard byte >= 0xD8 && byte <= 0xDB, index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80,
                    arabicFolding(UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)) != notFolded
                else { return nil }
                index += 2
            }
            return foldChecked(bytes)
        }
    }

    /// The folding of both fast paths, for UTF-8 already checked to hold only ASCII and scalars
    /// that ``arabicFolding(_:)`` takes: ASCII white space runs become one space and the ends
    /// are trimmed, A–Z become lower case, Arabic scalars go through the table. Every scalar of
    /// the block is two bytes of UTF-8 and folds to one of the block or to none, so the result is
    /// never longer than the text.
    private static func foldChecked(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { output in
            var count = 0
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let folded: UInt32
                if byte < 0x80 {
                    index += 1
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = count > 0
                        continue
                    }
                    folded = UInt32(byte)
                } else {
                    folded = arabicFolding(UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))
                    index += 2
                    if folded == dropped { continue }
                }
                if pendingSpace {
                    output[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                if folded < 0x80 {
                    output[count] = folded >= 0x41 && folded <= 0x5A ? UInt8(folded) + 0x20 : UInt8(folded)
                    count += 1
                } else {
                    output[count] = 0xC0 | UInt8(folded >> 6)
                    output[count + 1] = 0x80 | UInt8(folded & 0x3F)
                    count += 2
                }
            }
            return count
        }
    }

    /// ``arabicFolding(_:)``'s answer for a scalar that folds to nothing.
    static let dropped: UInt32 = 0
    /// ``arabicFolding(_:)``'s answer for a scalar the fast path leaves to ``normalizeUnicode(_:)``.
    static let notFolded: UInt32 = 0xFFFF_FFFF

    /// What ``normalizeUnicode(_:)`` makes of `value`, a scalar of the Arabic block, wherever it
    /// stands: ``dropped``, the scalar it becomes (itself, or the letter without its hamza or
    /// madda, or the letter it is folded to), or ``notFolded`` for the scalars that are not
    /// letters, digits or punctuation (marks that stay, format and prepended characters,
    /// symbols), whose decomposition or grapheme breaks the fast paths do not model.
    static func arabicFolding(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x064B...0x065F, 0x0670, 0x0640, 0x061C: return dropped  // harakat, hamza and madda marks, dagger alef, tatweel, ALM
        case 0x0622, 0x0623, 0x0625, 0x0671: return 0x0627  // آ أ إ ٱ → ا
        case 0x0624: return 0x0648  // ؤ → و
        case 0x0626, 0x0649, 0x06CC: return 0x064A  // ئ ى ی → ي
        case 0x0629: return 0x0647  // ة → ه
        case 0x06A9: return 0x0643  // ک → ك
        case 0x06C0: return 0x06D5  // ۀ → ە
        case 0x06C2: return 0x06C1  // ۂ → ہ
        case 0x06D3: return 0x06D2  // ۓ → ے
        case 0x0620...0x063F, 0x0641...0x064A, 0x066E, 0x066F, 0x0672...0x06D3, 0x06D5, 0x06EE, 0x06EF, 0x06FA...0x06FC, 0x06FF:
            return value  // letters
        case 0x0660...0x0669, 0x06F0...0x06F9: return value  // digits
        case 0x060C, 0x060D, 0x061B, 0x061F, 0x066A...0x066D, 0x06D4: return value  // punctuation
        default: return notFolded
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
