import Foundation
import PartnerGraph

/// Where output goes and whether it may use colour: only on a terminal, and never when
/// `NO_COLOR` is set (https://no-color.org).
enum Terminal {
    static let isInteractive: Bool = isatty(STDOUT_FILENO) != 0

    static let usesColor: Bool = {
        if let noColor = environmentVariable("NO_COLOR"), !noColor.isEmpty { return false }
        if environmentVariable("TERM") == "dumb" { return false }
        return isInteractive
    }()

    static func bold(_ text: String) -> String { usesColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    static func dim(_ text: String) -> String { usesColor ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

    /// Writes a line to standard error, for progress and notes that must not mix with data.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints a value as JSON in the documented shape: pretty-printed, keys sorted.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// A plain text table: columns padded to their widest cell, in display width.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    func rendered() -> String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(displayWidth).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - displayWidth(cell))
            }
            .joined(separator: "  ")
            .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([Terminal.bold(line(headers))] + rows.map(line)).joined(separator: "\n")
    }
}

/// The number of terminal columns a string takes: combining marks take none.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return width
        default: return width + (scalar.properties.isEmojiPresentation ? 2 : 1)
        }
    }
}

/// Makes a name safe to print on one line of a terminal: control characters are shown escaped,
/// and right-to-left text is isolated so that it cannot reorder what follows it.
func terminalSafe(_ text: String) -> String {
    // Printable ASCII, most names and keys, has nothing to escape or isolate.
    var text = text
    if text.withUTF8({ bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }) { return text }
    var result = ""
    var hasRightToLeft = false
    for scalar in text.unicodeScalars {
        if scalar.properties.generalCategory == .control {
            result += scalar == "\n" ? "\\n" : scalar == "\t" ? "\\t" : "\\u{\(String(scalar.value, radix: 16))}"
        } else {
            if (0x0590...0x08FF).contains(scalar.value) { hasRightToLeft = true }
            result.unicodeScalars.append(scalar)
        }
    }
    // FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE keeps mixed-direction lines in order.
    return hasRightToLeft && Terminal.isInteractive ? "\u{2068}\(result)\u{2069}" : result
}
