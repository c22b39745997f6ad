import Testing

@testable import PartnerGraphCLI

/// Names are printed on one line, whatever they hold.
struct TerminalSafeTests {
    @Test("printable ASCII is printed as it is", arguments: ["ICESCO", "Salim M. AlMalik", "per-000001", " ~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./", ""])
    func printableASCII(text: String) {
        #expect(terminalSafe(text) == text)
    }

    @Test("control characters are shown escaped, in ASCII text too")
    func controlCharacters() {
        #expect(terminalSafe("a\nb") == "a\\nb")
        #expect(terminalSafe("a\tb") == "a\\tb")
        #expect(terminalSafe("evil\u{1B}[2Jname") == "evil\\u{1b}[2Jname")
        #expect(terminalSafe("del\u{7F}") == "del\\u{7f}")
        #expect(terminalSafe("\u{0}") == "\\u{0}")
        #expect(terminalSafe("x\u{85}y") == "x\\u{85}y")
    }

    @Test("every ASCII byte is either kept or escaped, never passed through raw as a control")
    func everyASCIIByte() {
        for value in UInt8(0)..<0x80 {
            let text = "k" + String(UnicodeScalar(value)) + "k"
            let safe = terminalSafe(text)
            #expect(!safe.unicodeScalars.contains { $0.properties.generalCategory == .control }, "byte \(value)")
            if value >= 0x20 && value < 0x7F { #expect(safe == text) }
        }
    }

    @Test("Arabic is kept; off a terminal it is not wrapped in isolates")
    func arabic() {
        #expect(terminalSafe("الإيسيسكو").unicodeScalars.filter { $0.value == 0x2068 || $0.value == 0x2069 }.count == (Terminal.isInteractive ? 2 : 0))
        #expect(terminalSafe("الإيسيسكو").contains("الإيسيسكو"))
    }
}
