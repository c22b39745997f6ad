/// JSON text for the streaming writers, built by appending to one string so that a million
/// relations cost no intermediate arrays; keys come in the order written, so the bytes are fixed.
///
/// ```swift
/// var json = JSONText()
/// json.openObject(); json.key("@id"); json.string("urn:x"); json.closeObject()
/// json.text   // {"@id": "urn:x"}
/// ```
struct JSONText {
    private(set) var text = ""
    /// For each open object or array, whether nothing has been written in it yet.
    private var empty: [Bool] = []
    private var afterKey = false

    init() {
        text.reserveCapacity(1024)
    }

    /// Empties the text, keeping its storage.
    mutating func reset() {
        text.removeAll(keepingCapacity: true)
        empty.removeAll(keepingCapacity: true)
        afterKey = false
    }

    mutating func openObject() {
        beginValue()
        text += "{"
        empty.append(true)
    }

    mutating func closeObject() {
        text += "}"
        empty.removeLast()
    }

    mutating func openArray() {
        beginValue()
        text += "["
        empty.append(true)
    }

    mutating func closeArray() {
        text += "]"
        empty.removeLast()
    }

    mutating func key(_ name: String) {
        separate()
        Self.appendString(name, to: &text)
        text += ": "
        afterKey = true
    }

    mutating func string(_ value: String) {
        beginValue()
        Self.appendString(value, to: &text)
    }

    /// A member whose value is a string, when there is one.
    mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func number(_ value: Int64) {
        beginValue()
        text += String(value)
    }

    /// `{"@id": iri}`.
    mutating func reference(_ iri: String) {
        openObject()
        member("@id", iri)
        closeObject()
    }

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else {
            separate()
        }
    }

    private mutating func separate() {
        guard let last = empty.last else { return }
        if last {
            empty[empty.count - 1] = false
        } else {
            text += ", "
        }
    }

    /// Appends a JSON string literal: `"`, `\` and the control characters escaped (as RFC 8259
    /// requires); U+2028 and U+2029 too, so that the text is also valid JavaScript.
    static func appendString(_ value: String, to text: inout String) {
        // Most text needs no escape: one pass over the bytes finds out. (0xE2 starts U+2028 and U+2029.)
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
            text += "\""
            text += value
            text += "\""
            return
        }
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{2028}": text += "\\u2028"
            case "\u{2029}": text += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
