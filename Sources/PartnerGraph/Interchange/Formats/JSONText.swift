/// JSON text for the streaming writers, built by appending UTF-8 bytes to one buffer (a byte
/// copy is several times cheaper than a `String` append), so that a million relations cost no
/// intermediate strings; keys come in the order written, so the bytes are fixed.
///
/// ```swift
/// var json = JSONText()
/// json.openObject(); json.key("@id"); json.string("urn:x"); json.closeObject()
/// json.bytes  // {"@id": "urn:x"} in UTF-8
/// ```
struct JSONText {
    private(set) var bytes: [UInt8] = []
    /// For each open object or array, whether nothing has been written in it yet.
    private var empty: [Bool] = []
    private var afterKey = false

    init() {
        bytes.reserveCapacity(1024)
    }

    /// Empties the text, keeping its storage.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        empty.removeAll(keepingCapacity: true)
        afterKey = false
    }

    mutating func openObject() {
        beginValue()
        bytes.append(contentsOf: "{".utf8)
        empty.append(true)
    }

    mutating func closeObject() {
        bytes.append(contentsOf: "}".utf8)
        empty.removeLast()
    }

    mutating func openArray() {
        beginValue()
        bytes.append(contentsOf: "[".utf8)
        empty.append(true)
    }

    mutating func closeArray() {
        bytes.append(contentsOf: "]".utf8)
        empty.removeLast()
    }

    mutating func key(_ name: String) {
        separate()
        Self.appendString(name, to: &bytes)
        bytes.append(contentsOf: ": ".utf8)
        afterKey = true
    }

    mutating func string(_ value: String) {
        beginValue()
        Self.appendString(value, to: &bytes)
    }

    /// A member whose value is a string, when there is one.
    mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func number(_ value: Int64) {
        beginValue()
        bytes.append(contentsOf: String(value).utf8)
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
            bytes.append(contentsOf: ", ".utf8)
        }
    }

    /// Appends a JSON string literal: `"`, `\` and the control characters escaped (as RFC 8259
    /// requires); U+2028 and U+2029 too, so that the text is also valid JavaScript.
    static func appendString(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Most text needs no escape: one pass over the bytes finds out. (0xE2 starts U+2028 and U+2029.)
        if !value.utf8Contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
            bytes.append(utf8: value)
        } else {
            var escaped = ""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\r": escaped += "\\r"
                case "\t": escaped += "\\t"
                case "\u{2028}": escaped += "\\u2028"
                case "\u{2029}": escaped += "\\u2029"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        let hex = String(scalar.value, radix: 16, uppercase: false)
                        escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        escaped.unicodeScalars.append(scalar)
                    }
                }
            }
            bytes.append(contentsOf: escaped.utf8)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
