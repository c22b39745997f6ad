/// What PartnerGraph accepts as a name, an alias, a role or a note, wherever the text comes
/// from: the command line, a JSON document, a CSV, GraphML or spreadsheet import, or a draft
/// under review.
///
/// - A **label** (an entity's name, an alias, a relation's role) is one line that a person
///   reads in a list, a message or a picture: it may not be blank, may hold no control
///   character (C0, DEL or C1: ESC, BEL, a line break, a tab…) nor U+2028 or U+2029, may not leave a bidirectional
///   embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) open or close one it did not
///   open, since that would reorder the text shown after it, and is at most
///   ``labelLimit`` characters long. Arabic text, and the marks U+200E and U+200F, ZWJ and
///   ZWNJ, are ordinary text.
/// - A **note** may run over several lines: line breaks (LF, or
///   CR LF) and tabs are kept, every other control character is refused, and it is at most
///   ``noteLimit`` bytes of UTF-8.
///
/// ```swift
/// try TextRules.check("ICESCO", as: .name)        // fine
/// try TextRules.check("  ", as: .name)            // PartnerGraphError.emptyName
/// try TextRules.check("A\u{1B}[31m", as: .alias)  // PartnerGraphError.controlCharacter
/// ```
public enum TextRules {
    /// The longest name, alias or role, in characters.
    public static let labelLimit = 500
    /// The longest note, in bytes of UTF-8 (100 kB).
    public static let noteLimit = 100_000

    /// A field with rules of its own; its raw value is the word messages use.
    public enum Field: String, Sendable {
        /// An entity's primary name: one line, at most ``TextRules/labelLimit`` characters.
        case name
        /// Another name of an entity: one line, at most ``TextRules/labelLimit`` characters.
        case alias
        /// A relation's role: one line, at most ``TextRules/labelLimit`` characters.
        case role
        /// A note: free text with line breaks and tabs, at most ``TextRules/noteLimit`` bytes.
        case note

        /// Whether the field is one line (a label) rather than free text.
        var isLabel: Bool { self == .name || self == .alias || self == .role }
    }

    /// Checks `text` against the rules of `field`.
    ///
    /// - Throws: ``PartnerGraphError/emptyName`` for a blank name,
    ///   ``PartnerGraphError/blankText(field:)`` for a blank alias or role,
    ///   ``PartnerGraphError/nulCharacter(field:)``,
    ///   ``PartnerGraphError/controlCharacter(field:scalar:)``,
    ///   ``PartnerGraphError/unbalancedBidiControl(field:scalar:)`` or
    ///   ``PartnerGraphError/textTooLong(field:length:limit:)``.
    public static func check(_ text: String, as field: Field) throws {
        if let problem = problem(in: text, as: field) { throw problem }
    }

    /// Checks `text` when there is one.
    public static func check(_ text: String?, as field: Field) throws {
        if let text { try check(text, as: field) }
    }

    /// The first rule `text` breaks as `field`, or `nil`.
    public static func problem(in text: String, as field: Field) -> PartnerGraphError? {
        var text = text
        // Most names are printable ASCII, or ASCII and Arabic without any control: decided on
        // the bytes, without Unicode's properties (a bulk import reads a million of them).
        if let quick = text.withUTF8({ quickVerdict($0, as: field) }), quick { return nil }
        return slowProblem(in: text, as: field)
    }

    /// Checks the bytes of a field, for the bulk CSV import: `nil` when they follow the rules
    /// (or are not UTF-8, which the caller reports), else the problem.
    static func problem(inUTF8 bytes: UnsafeBufferPointer<UInt8>, as field: Field) -> PartnerGraphError? {
        if quickVerdict(bytes, as: field) == true { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return slowProblem(in: text, as: field)
    }

    /// `true` when the bytes surely follow the rules; `nil` when only a full check can tell.
    ///
    /// A label passes when it has a visible character, no byte below 0x20 nor DEL, no C1
    /// control (C2 80–C2 9F), no line or paragraph separator and no bidirectional control
    /// (E2 80 A8–AE, E2 81 A6–A9), and at
    /// most ``labelLimit`` scalars (so at most as many characters). A note passes when it is
    /// within ``noteLimit`` bytes and has no control byte but LF and tab.
    static func quickVerdict(_ bytes: UnsafeBufferPointer<UInt8>, as field: Field) -> Bool? {
        if field.isLabel {
            var scalars = 0
            var visible = false
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F { return nil }
                if byte & 0xC0 != 0x80 { scalars += 1 }
                if byte == 0xC2, index + 1 < count, bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F { return nil }
                if byte == 0xE2, index + 2 < count {
                    let second = bytes[index + 1], third = bytes[index + 2]
                    if second == 0x80 && third >= 0xA8 && third <= 0xAE { return nil }
                    if second == 0x81 && third >= 0xA6 && third <= 0xA9 { return nil }
                }
                // A byte outside ASCII may belong to a white-space or format scalar: printable
                // ASCII, or an Arabic letter or digit, proves the label is not blank.
                if byte > 0x20 && byte < 0x7F {
                    visible = true
                } else if byte >= 0xD8 && byte <= 0xDB, index + 1 < count {
                    let scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    if (0x0620...0x064A).contains(scalar) || (0x0660...0x0669).contains(scalar) || (0x0671...0x06D3).contains(scalar) {
                        visible = true
                    }
                }
                index += 1
            }
            return visible && scalars <= labelLimit ? true : nil
        }
        if bytes.count > noteLimit { return nil }
        for byte in bytes where (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F { return nil }
        // C1 controls are two bytes, C2 80–C2 9F.
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0xC2 && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F { return nil }
            index += 1
        }
        return true
    }

    /// The full check, scalar by scalar.
    static func slowProblem(in text: String, as field: Field) -> PartnerGraphError? {
        let scalars = text.unicodeScalars
        if field.isLabel {
            if scalars.allSatisfy(isBlank) { return field == .name ? .emptyName : .blankText(field: field.rawValue) }
        }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            guard isControl(scalar) || (field.isLabel && isLineSeparator(scalar)) else { continue }
            if scalar.value == 0 { return .nulCharacter(field: field.rawValue) }
            if !field.isLabel {
                if scalar == "\n" || scalar == "\t" { continue }
                // CR LF is a line break written on Windows.
                if scalar == "\r" && pending == "\n" { continue }
            }
            return .controlCharacter(field: field.rawValue, scalar: scalar.value)
        }
        if field.isLabel {
            if let open = unbalancedBidiControl(in: scalars) {
                return .unbalancedBidiControl(field: field.rawValue, scalar: open.value)
            }
            if scalars.count > labelLimit {
                let characters = text.count
                if characters > labelLimit { return .textTooLong(field: field.rawValue, length: characters, limit: labelLimit) }
            }
        } else if text.utf8.count > noteLimit {
            return .textTooLong(field: field.rawValue, length: text.utf8.count, limit: noteLimit)
        }
        return nil
    }

    /// C0 controls, DEL and C1 controls (general category Cc).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }

    /// LINE SEPARATOR and PARAGRAPH SEPARATOR: line breaks, which a one-line label cannot hold.
    static func isLineSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// Scalars that show nothing: white space (tabs and line breaks included) and format
    /// characters (marks, joiners, bidirectional controls). A name made only of them cannot be
    /// seen nor found.
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
    }

    /// The first bidirectional control that is left open or closes nothing, if any.
    ///
    /// Embeddings and overrides (LRE, RLE, LRO, RLO) close with PDF; isolates (LRI, RLI, FSI)
    /// close with PDI. They must nest: a PDI does not close an embedding opened inside its
    /// isolate, as the Unicode Bidirectional Algorithm would let it, since a name that relies
    /// on that is a trick, not a name.
    static func unbalancedBidiControl(in scalars: String.UnicodeScalarView) -> Unicode.Scalar? {
        var open: [Unicode.Scalar] = []
        for scalar in scalars {
            switch scalar.value {
            case 0x202A, 0x202B, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068:
                open.append(scalar)
            case 0x202C:
                guard let last = open.last, (0x202A...0x202E).contains(last.value) else { return scalar }
                open.removeLast()
            case 0x2069:
                guard let last = open.last, (0x2066...0x2068).contains(last.value) else { return scalar }
                open.removeLast()
            default:
                continue
            }
        }
        return open.first
    }

    /// The name of a control or bidirectional character for messages: `U+001B (ESCAPE)`.
    static func describe(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let names: [UInt32: String] = [
            0x00: "NUL", 0x07: "BELL", 0x08: "BACKSPACE", 0x09: "TAB", 0x0A: "LINE FEED", 0x0B: "VERTICAL TAB",
            0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE",
            0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
            0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING", 0x202C: "POP DIRECTIONAL FORMATTING",
            0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x2066: "LEFT-TO-RIGHT ISOLATE",
            0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
        ]
        return names[value].map { "\(code) (\($0))" } ?? code
    }
}
