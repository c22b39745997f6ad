import Testing
@testable import PartnerGraph

@Suite("DOT escaping")
struct DOTEscapingTests {
    @Test(
        "user text becomes inert HTML-label character data",
        arguments: [
            ("A & B", "A &amp; B"),
            ("<IMG SRC=\"/etc/passwd\"/>", "&lt;IMG SRC=&quot;/etc/passwd&quot;/&gt;"),
            ("&amp;", "&amp;amp;"),
            ("back\\slash \\N", "back\\\\slash \\\\N"),
            ("two\nlines", "two<BR/>lines"),
            ("crlf\r\nline", "crlf<BR/>line"),
            ("tab\there", "tab here"),
            ("bell\u{07}", "bell\u{2407}"),
            ("c1\u{85}", "c1\u{FFFD}"),
            ("سالم بن محمد المالك", "سالم بن محمد المالك"),
        ])
    func htmlText(input: String, expected: String) {
        #expect(DOTEscaping.htmlText(input) == expected, "escaping \(input.debugDescription)")
    }

    @Test("escaped text never holds a raw angle bracket, quote or lone ampersand")
    func noMarkupSurvives() {
        let hostile = "</FONT><IMG SRC=\"x\"/>\"]; evil [label=\"x\" & ' \\"
        let escaped = DOTEscaping.htmlText(hostile)
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\""))
        let ampersands = escaped.components(separatedBy: "&").dropFirst()
        #expect(ampersands.allSatisfy { $0.hasPrefix("amp;") || $0.hasPrefix("lt;") || $0.hasPrefix("gt;") || $0.hasPrefix("quot;") })
    }

    @Test("node identifiers are keys when safe, else the row id")
    func nodeIDs() {
        #expect(DOTEscaping.nodeID(key: "icesco", id: 1) == "\"icesco\"")
        #expect(DOTEscaping.nodeID(key: "nam-pn_2.0", id: 2) == "\"nam-pn_2.0\"")
        #expect(DOTEscaping.nodeID(key: "a\"b", id: 3) == "\"#3\"")
        #expect(DOTEscaping.nodeID(key: "x\\", id: 4) == "\"#4\"")
        #expect(DOTEscaping.nodeID(key: "", id: 5) == "\"#5\"")
    }

    @Test("long names wrap into balanced lines, cut after the line limit")
    func wrapping() {
        let writer = DOTWriter(style: RenderStyle(drawnOn: "2024-03-26"))
        #expect(writer.lines("Short", width: 26, limit: 4) == "Short")
        #expect(writer.lines("Third Conference of the NAM Parliamentary Network", width: 26, limit: 4)
            == "Third Conference of the<BR/>NAM Parliamentary Network")
        let long = Array(repeating: "word", count: 100).joined(separator: " ")
        let wrapped = writer.lines(long, width: 26, limit: 4)
        #expect(wrapped.components(separatedBy: "<BR/>").count == 4)
        #expect(wrapped.hasSuffix("…"))
    }
}
