/// Cypher literals and names for ``CypherWriter``, per dialect, that no user text can escape.
enum CypherText {
    /// A string literal.
    ///
    /// Kùzu 0.11 reads only `\\`, `\'` and `\"` as escapes in a string (`\n` is the letter `n`,
    /// `\u00e9` is `u00e9`), so a text with a line break or another control character cannot
    /// be a plain literal and stay on one line. Such text is written as
    /// `decode(BLOB('…'))`, its bytes as `\xHH` escapes, which Kùzu turns back into the exact
    /// string. Neo4j and Memgraph read `\uXXXX`.
    static func string(_ text: String, dialect: CypherDialect) -> String {
        var result = ""
        appendString(text, dialect: dialect, to: &result)
        return result
    }

    /// Appends ``string(_:dialect:)``'s literal to `out`; text that needs no escape, the usual
    /// case, is copied whole.
    static func appendString(_ text: String, dialect: CypherDialect, to out: inout String) {
        if !text.utf8Contains(where: mayNeedEscape) {
            out += "'"
            out += text
            out += "'"
            return
        }
        out += escaped(text, dialect: dialect)
    }

    private static func escaped(_ text: String, dialect: CypherDialect) -> String {
        switch dialect {
        case .kuzu:
            if text.unicodeScalars.contains(where: breaksLine) { return kuzuBlob(text) }
            var result = "'"
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\": result += "\\\\"
                case "'": result += "\\'"
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result + "'"
        case .neo4j:
            var result = "'"
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\": result += "\\\\"
                case "'": result += "\\'"
                default:
                    if breaksLine(scalar) {
                        let hex = String(scalar.value, radix: 16, uppercase: true)
                        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
            return result + "'"
        }
    }

    /// A list of strings: `['a', 'b']`.
    static func appendList(_ texts: [String], dialect: CypherDialect, to out: inout String) {
        out += "["
        for (index, text) in texts.enumerated() {
            if index > 0 { out += ", " }
            appendString(text, dialect: dialect, to: &out)
        }
        out += "]"
    }

    /// Whether a byte may belong to a character that ``string(_:dialect:)`` escapes: a quote, a
    /// backslash, a control character, or the first byte of U+0080…U+009F, U+2028 or U+2029.
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x27 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }

    /// Whether a character must not appear raw: the control characters and every character a
    /// line-splitting tool (Python's `splitlines`, editors) treats as a line end.
    private static func breaksLine(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `decode(BLOB('…'))`: letters, digits and spaces as they are, every other byte as `\\xHH`
    /// (the doubled backslash is the string literal's; BLOB reads `\xHH`).
    private static func kuzuBlob(_ text: String) -> String {
        var result = "decode(BLOB('"
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "\\\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result + "'))"
    }

    /// A property name made of lower-case letters, digits and `_`, after `prefix`, that is not
    /// in `taken` (a `_2`, `_3` … suffix tells apart names that sanitise alike); it is added to
    /// `taken`. The prefix keeps it clear of the dialects' keywords (`end`, `order`).
    static func propertyName(_ prefix: String, _ text: String, taken: inout Set<String>) -> String {
        var base = prefix
        for scalar in text.lowercased().unicodeScalars {
            let plain = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            base.unicodeScalars.append(plain ? scalar : "_")
        }
        var name = base
        var suffix = 2
        while taken.contains(name) {
            name = base + "_\(suffix)"
            suffix += 1
        }
        taken.insert(name)
        return name
    }

    /// A Neo4j relationship type: the relation type's name upper-cased, back-quoted (with
    /// back-quotes doubled) unless it is a plain word.
    static func relationshipType(_ name: String) -> String {
        let upper = name.uppercased()
        let plain = !upper.isEmpty && upper.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            && !("0"..."9").contains(upper.unicodeScalars.first!)
        return plain ? upper : "`" + upper.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// A one-line comment: line breaks and other control characters become spaces.
    static func comment(_ text: String) -> String {
        var result = "// "
        for scalar in text.unicodeScalars {
            result.unicodeScalars.append(breaksLine(scalar) ? " " : scalar)
        }
        return result + "\n"
    }
}
