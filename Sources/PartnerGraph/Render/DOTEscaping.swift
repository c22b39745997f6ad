/// Turns user text into DOT that Graphviz shows literally and never interprets.
///
/// Names, roles and titles are data: a name such as `"]; evil [label="x`, `\N`, `&amp;` or
/// `<IMG SRC="/etc/passwd"/>` must come out in the picture exactly as written, and must not
/// add attributes, nodes, or HTML-label markup (an `IMG` makes Graphviz read a file).
///
/// All user text goes into HTML-like labels (`label=<…>`) as character data, where:
/// - `&`, `<`, `>` and `"` become XML entities, so the DOT scanner, which only counts
///   angle brackets, and Graphviz's XML parser see text, never markup;
/// - `\` is doubled, because Graphviz expands `\N`, `\G`, `\\` … in label text after the XML
///   parser has decoded the entities (checked on Graphviz 2.43);
/// - a line break becomes `<BR/>`; other control characters, which XML forbids, are shown as
///   their Unicode control pictures (U+2400 …).
///
/// Identifiers are never user text: nodes are named by entity key when it is made only of
/// letters, digits, `-`, `_` and `.`, else by row id (``nodeID(key:id:)``).
public enum DOTEscaping {
    /// Character data for an HTML-like label: the text, shown as written.
    ///
    /// ```swift
    /// DOTEscaping.htmlText("A & B <x>")   // "A &amp; B &lt;x&gt;"
    /// ```
    public static func htmlText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\\": result += "\\\\"
            case "\r": result += "<BR/>"
            case "\n": if !previousWasCR { result += "<BR/>" }
            case "\t": result += " "
            default:
                switch scalar.value {
                case 0x00...0x1F:
                    result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
                case 0x7F:
                    result += "\u{2421}"
                case 0x80...0x9F, 0xFFFE, 0xFFFF:
                    // Not allowed in XML; shown as the replacement character.
                    result += "\u{FFFD}"
                default:
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A DOT identifier for a node: its key, quoted, when the key is made of safe characters;
    /// else `"#ID"` from the row id, which no key can take (keys have no `#`).
    public static func nodeID(key: String, id: Int64) -> String {
        let safe = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "-" || $0 == "_" || $0 == "."
        }
        return safe ? "\"\(key)\"" : "\"#\(id)\""
    }

    /// A quoted DOT string for our own attribute values (colours, font names): these are
    /// constants, but quotes and backslashes are still escaped so that no value can end the string.
    public static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "'"
            case "\\": result += "/"
            case "\n", "\r": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
