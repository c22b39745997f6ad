/// Turns user text into XML 1.0 character data that every reader gives back as written.
///
/// - `&`, `<`, `>` and `"` become entities, so no name can close an element, open one, end an
///   attribute value or a CDATA section (`]]>` is written `]]&gt;`).
/// - In attribute values, tab, line feed and carriage return become character references
///   (`&#9;`, `&#10;`, `&#13;`): a parser replaces them by spaces when written as they are.
///   In element content only the carriage return is referenced, since parsers turn `\r\n`
///   into `\n`.
/// - The other control characters (U+0000–U+001F but tab, line feed and carriage return) and the
///   non-characters U+FFFE and U+FFFF cannot be carried by XML 1.0 at all, not even as `&#1;`:
///   a document holding them is not well formed and networkx, Gephi and yEd refuse it. They
///   become U+FFFD REPLACEMENT CHARACTER, so that the output stays readable and the loss is
///   visible where it happened. (The database refuses NUL already; the others are rare
///   leftovers of copy and paste.)
///
/// Surrogates never occur: a Swift string holds Unicode scalars only.
enum XMLEscaping {
    /// Text for element content.
    ///
    /// ```swift
    /// XMLEscaping.text("A & B <x>")   // "A &amp; B &lt;x&gt;"
    /// ```
    static func text(_ text: String) -> String {
        escape(text, attribute: false)
    }

    /// Text for a double-quoted attribute value.
    static func attribute(_ text: String) -> String {
        escape(text, attribute: true)
    }

    /// Whether a scalar may appear in an XML 1.0 document (its `Char` production).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        // Almost all names need nothing: find out on the bytes before building a new string.
        let needsWork = text.utf8Contains { byte in
            switch byte {
            // 0xEF leads U+FFFE and U+FFFF (and many allowed characters: the slow path decides).
            case 0x00..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), 0xEF: return true
            default: return false
            }
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\r": result += "&#13;"
            case "\n": if attribute { result += "&#10;" } else { result += "\n" }
            case "\t": if attribute { result += "&#9;" } else { result += "\t" }
            default:
                if isAllowed(scalar) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "\u{FFFD}"
                }
            }
        }
        return result
    }
}
