import Foundation

/// The parameters of a URL's query, decoded as a browser's form sends them.
///
/// `+` stands for a space and `%XX` for a byte of UTF-8, as in `application/x-www-form-urlencoded`;
/// a parameter may repeat (`?relation=heads&relation=member_of`).
struct QueryItems: Sendable {
    private var items: [(name: String, value: String)] = []

    /// The parameters of `query`, the part of a URL after `?` (or `nil` when there is none).
    ///
    /// - Throws: ``WebError`` (400) when a name or value is not valid percent-encoded UTF-8.
    init(query: String?) throws {
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            items.append((name, value))
        }
    }

    private static func decode(_ text: Substring) throws -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw WebError.badRequest(
                "the query \(String(text).debugDescription) is not valid percent-encoded UTF-8",
                fix: "encode each parameter as UTF-8 and percent-encode it, as a browser's form does")
        }
        return decoded
    }

    /// The names given, in order, each once.
    var names: [String] {
        var seen = Set<String>()
        return items.map(\.name).filter { seen.insert($0).inserted }
    }

    /// The last value of `name`, trimmed of surrounding white space; `nil` when absent or blank.
    func value(_ name: String) -> String? {
        guard let value = items.last(where: { $0.name == name })?.value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Every non-blank value of `name`, in order.
    func values(_ name: String) -> [String] {
        items.filter { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Refuses a parameter the route does not know, so that a typo (`?dept=2`) is not silently ignored.
    func refuseUnknown(_ known: Set<String>) throws {
        for name in names where !known.contains(name) {
            throw WebError.badRequest(
                "unknown parameter \(name.debugDescription)",
                fix: known.isEmpty ? "this route takes no parameters" : "use " + known.sorted().joined(separator: ", "))
        }
    }

    /// `name` as a whole number of at least `minimum`, or `defaultValue` when absent.
    func integer(_ name: String, minimum: Int, default defaultValue: Int? = nil) throws -> Int? {
        guard let text = value(name) else { return defaultValue }
        guard let number = Int(text), number >= minimum else {
            throw WebError.badRequest(
                "\(name) must be a whole number of at least \(minimum), not \(text.debugDescription)",
                fix: "pass \(name)=\(max(minimum, 1)) or more")
        }
        return number
    }

    /// `name` as `true`/`false` (`1`/`0`, `yes`/`no`, `on` from a checkbox); `false` when absent.
    func flag(_ name: String) throws -> Bool {
        guard let text = value(name) else { return false }
        switch text.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default:
            throw WebError.badRequest("\(name) must be true or false, not \(text.debugDescription)", fix: "pass \(name)=true or \(name)=false")
        }
    }
}
