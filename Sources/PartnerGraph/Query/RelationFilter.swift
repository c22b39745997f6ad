/// Which relations a traversal may follow: by type, by date, and by direction.
///
/// Shared by ``PathQuery``, ``NeighborQuery`` and the common-ground query.
struct RelationFilter: Sendable {
    /// Only these relation types, when non-empty (canonical names).
    var included: Set<String> = []
    /// Never these relation types.
    var excluded: Set<String> = []
    /// Only relations in force at some time within this date.
    var asOf: PartialDate?
    /// Follow relations only from source to target (symmetric ones both ways).
    var directed = false

    /// Whether the filter needs each relation's type.
    var needsType: Bool { !included.isEmpty || !excluded.isEmpty || directed }
    /// Whether the filter needs each relation's dates.
    var needsDates: Bool { asOf != nil }
    var isEmpty: Bool { !needsType && !needsDates }

    func allows(type: String) -> Bool {
        (included.isEmpty || included.contains(type)) && !excluded.contains(type)
    }

    /// The options as typed, for "no path" messages.
    var descriptions: [String] {
        var result: [String] = []
        result += included.sorted().map { "--relation \($0)" }
        result += excluded.sorted().map { "--exclude-relation \($0)" }
        if let asOf { result.append("--as-of \(asOf)") }
        if directed { result.append("--directed") }
        return result
    }
}

/// Precision-aware "in force on" for relation periods, on dates as stored (`YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD`).
///
/// A relation is in force at a date when its period overlaps the period the date covers: one
/// that started in `2022` is in force on `2022-06-01`, one that started on `2022-06-15` is in
/// force in `2022` and in `2022-06`. No start means "always was", no end "still is"; a single
/// point date (an occurrence, such as taking part in a meeting) counts as a start: the fact
/// holds from then on. A relation with no dates is always in force.
enum DateWindow {
    /// The first day `text` covers, as `YYYY-MM-DD` (comparable as text).
    static func lowerBound(_ text: String) -> String {
        switch text.utf8.count {
        case 4: return text + "-01-01"
        case 7: return text + "-01"
        default: return text
        }
    }

    /// A day on or after the last day `text` covers, as `YYYY-MM-DD` text: `-31` is past
    /// every month's end, which is all a comparison needs.
    static func upperBound(_ text: String) -> String {
        switch text.utf8.count {
        case 4: return text + "-12-31"
        case 7: return text + "-31"
        default: return text
        }
    }

    /// Whether a fact with these dates is in force at some time within `asOf`: it has not
    /// started after `asOf` ends, nor ended before `asOf` starts. A fact without dates always is.
    static func inForce(start: PartialDate?, end: PartialDate?, date: PartialDate?, at asOf: PartialDate) -> Bool {
        if let begin = start ?? date, asOf.endsBefore(begin) { return false }
        if let end, end.endsBefore(asOf) { return false }
        return true
    }

    /// The same rule on dates as stored, for the traversal loop, which reads them as text.
    static func inForce(start: String?, end: String?, date: String?, at asOf: PartialDate) -> Bool {
        let text = asOf.description
        if let begin = start ?? date, lowerBound(begin) > upperBound(text) { return false }
        if let end, upperBound(end) < lowerBound(text) { return false }
        return true
    }

    /// Whether `date` overlaps the window from `from` to `to` (either may be open).
    static func overlaps(_ date: PartialDate, from: PartialDate?, to: PartialDate?) -> Bool {
        let text = date.description
        if let from, upperBound(text) < lowerBound(from.description) { return false }
        if let to, lowerBound(text) > upperBound(to.description) { return false }
        return true
    }
}
