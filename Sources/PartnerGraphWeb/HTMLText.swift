/// Text made safe to put in an HTML page.
///
/// Every name, alias, role, quote and note a page shows passes through ``escape(_:)``: an entity
/// named `<script>alert(1)</script>` shows as those characters, never as markup.
///
/// ```swift
/// HTMLText.escape("<b>ICESCO & co</b>")   // "&lt;b&gt;ICESCO &amp; co&lt;/b&gt;"
/// ```
public enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, so that it reads
    /// as text both between tags and inside a quoted attribute value.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// `text` as a URL query value or path segment: everything but unreserved ASCII
    /// (letters, digits, `-`, `.`, `_`, `~`) percent-encoded as UTF-8.
    public static func urlComponent(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                encoded.unicodeScalars.append("%")
                encoded.unicodeScalars.append(hex[Int(byte >> 4)])
                encoded.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return encoded
    }
}
