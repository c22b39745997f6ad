import ArgumentParser
import PartnerGraph

extension EntityType: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// Parses a date argument; used as an option's `transform` so that `2024-02-30` is refused
/// with the reason.
func parseDate(_ text: String) throws -> PartialDate {
    try PartialDate(text)
}

/// Parses `KEY=VALUE` attribute arguments.
func parseAttributes(_ items: [String]) throws -> [String: String] {
    var result: [String: String] = [:]
    for item in items {
        guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
            throw ValidationError(PartnerGraphError.invalidAttribute(item).description)
        }
        result[String(item[..<equals])] = String(item[item.index(after: equals)...])
    }
    return result
}

/// Parses `NAME@LANG` alias arguments; `NAME@` with no language is refused as bad usage.
func parseAliases(_ items: [String]) throws -> [Alias] {
    try items.map { item in
        do {
            return try Alias(parsing: item)
        } catch let error as PartnerGraphError {
            throw ValidationError(error.description)
        }
    }
}
