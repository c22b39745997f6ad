/// Turns user text into a Mermaid label that Mermaid shows literally and never interprets.
///
/// Labels are always written in double quotes. Inside, every character Mermaid, Markdown or
/// HTML could read as syntax is written as a Mermaid entity code (`#quot;`, `#lt;`, `#35;` …),
/// which Mermaid decodes only after parsing, into an HTML character reference:
/// - `"` cannot end the label; `|` cannot end an edge label; brackets, braces and parentheses
///   cannot close a node shape;
/// - `<`, `>` and `&` cannot open HTML (`<img onerror=…>`) or a character reference;
/// - `#` cannot start an entity code of its own, `$$` cannot start KaTeX math, `%` cannot start a `%%` comment or a
///   `%%{init}%%` directive, a backtick cannot start a Markdown string, `*` and `_` cannot
///   emphasise, `;` cannot end a statement;
/// - line breaks become spaces, so no text reaches a new line where `click` or `style` would
///   be read; other control characters become their Unicode control pictures (U+2400 …).
public enum MermaidText {
    /// The text of a label, without the quotes.
    ///
    /// ```swift
    /// MermaidText.label("A \"B\" <i>")   // "A #quot;B#quot; #lt;i#gt;"
    /// ```
    public static func label(_ text: String) -> String {
        // Letters, digits, spaces and harmless punctuation need nothing: most names are copied whole.
        if text.utf8.allSatisfy({ $0 >= 0x80 ? $0 != 0xC2 && $0 != 0xE2 && $0 != 0xEF : plain[Int($0)] }) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "#quot;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "&": result += "#amp;"
            case "#", "%", "$", "`", "|", "[", "]", "{", "}", "(", ")", ";", "*", "_", "~", "\\", ":", "@", "=":
                result += "#\(scalar.value);"
            case "\u{FB02}":
                // Mermaid marks decoded entity codes with "ﬂ°" and "¶ß" while it parses: a raw
                // "ﬂ°" would come out as "&".
                result += "#64258;"
            case "\r", "\n", "\t", "\u{2028}", "\u{2029}": result += " "
            default:
                switch scalar.value {
                case 0x00...0x1F: result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
                case 0x7F: result += "\u{2421}"
                case 0x80...0x9F: result += "\u{FFFD}"
                default: result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// The ASCII bytes ``label(_:)`` keeps as they are.
    private static let plain: [Bool] = (0..<128).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || " .,-'/!?+^".unicodeScalars.contains(scalar)
    }
}
