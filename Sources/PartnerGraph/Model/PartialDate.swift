/// A calendar date known to the year, the month or the day: `2022`, `2024-03`, `2024-03-25`.
///
/// Press releases and treaties rarely give full dates, and PartnerGraph never invents
/// precision: a date stays as written. Dates order by their start, so `2024` sorts before
/// `2024-03`, which sorts before `2024-03-01`.
///
/// ```swift
/// let date = try PartialDate("2024-03")
/// date.precision    // .month
/// date.description  // "2024-03"
/// ```
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How much of a date is known.
    public enum Precision: Int, Sendable, Comparable, Codable {
        /// A year (`2022`), a month (`2024-03`) or a day (`2024-03-25`); they order from least to most precise.
        case year = 1, month, day
        /// Whether `lhs` is less precise than `rhs`.
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The year.
    public let year: Int
    /// The month, 1 to 12, when known.
    public let month: Int?
    /// The day of the month, when known (only with a month).
    public let day: Int?

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    ///
    /// - Throws: ``PartnerGraphError/invalidDate(_:reason:)`` when the text is not one of
    ///   those forms or names a day that does not exist, such as `2024-02-30`.
    public init(_ text: String) throws {
        // Read over the UTF-8 bytes: dates are parsed for every relation an import or export
        // touches, and only ASCII digits and hyphens can make a valid one.
        var fields: [Int] = []
        var widths: [Int] = []
        var value = 0
        var width = 0
        var valid = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if width < 4 { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
                width += 1
            case UInt8(ascii: "-"):
                fields.append(value)
                widths.append(width)
                value = 0
                width = 0
            default:
                valid = false
            }
        }
        fields.append(value)
        widths.append(width)
        func number(_ index: Int, digits: Int) -> Int? {
            guard valid, index < fields.count, widths[index] == digits else { return nil }
            return fields[index]
        }
        guard (1...3).contains(fields.count), let year = number(0, digits: 4), year >= 1 else {
            throw PartnerGraphError.invalidDate(text, reason: "use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-03-25")
        }
        var month: Int?
        var day: Int?
        if fields.count >= 2 {
            guard let m = number(1, digits: 2), (1...12).contains(m) else {
                throw PartnerGraphError.invalidDate(
                    text, reason: widths[1] != 2 && widths[1] > 0 ? Self.twoDigits : "the month must be 01 to 12")
            }
            month = m
        }
        if fields.count == 3 {
            let last = Self.daysIn(month: month!, year: year)
            guard let d = number(2, digits: 2), (1...last).contains(d) else {
                throw PartnerGraphError.invalidDate(
                    text,
                    reason: widths[2] != 2 && widths[2] > 0
                        ? Self.twoDigits
                        : "\(zeroPadded(year, width: 4))-\(zeroPadded(month!, width: 2)) has days 01 to \(last)")
            }
            day = d
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Why `2024-1-5` is refused.
    private static let twoDigits = "months and days take two digits, e.g. 2024-01-05"

    /// A date from numbers already known to be valid (a bound of another date).
    init(year: Int, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The precision the date was written with.
    public var precision: Precision {
        day != nil ? .day : month != nil ? .month : .year
    }

    /// The date as written: `2022`, `2024-03` or `2024-03-25`, zero-padded.
    public var description: String {
        guard (0...9999).contains(year) else {
            var text = zeroPadded(year, width: 4)
            if let month { text += "-" + zeroPadded(month, width: 2) }
            if let day { text += "-" + zeroPadded(day, width: 2) }
            return text
        }
        let length = day != nil ? 10 : month != nil ? 7 : 4
        return String(unsafeUninitializedCapacity: length) { bytes in
            func put(_ value: Int, width: Int, at offset: Int) {
                var value = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    bytes[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, width: 4, at: 0)
            if let month {
                bytes[4] = UInt8(ascii: "-")
                put(month, width: 2, at: 5)
            }
            if let day {
                bytes[7] = UInt8(ascii: "-")
                put(day, width: 2, at: 8)
            }
            return length
        }
    }

    /// The first day the date covers, as a sortable `(year, month, day)` triple.
    var lowerBound: (Int, Int, Int) { (year, month ?? 1, day ?? 1) }

    /// The last day the date covers.
    var upperBound: (Int, Int, Int) {
        let m = month ?? 12
        return (year, m, day ?? Self.daysIn(month: m, year: year))
    }

    /// Whether `other` falls within the period this date covers (`2024` contains `2024-03-25`).
    public func contains(_ other: PartialDate) -> Bool {
        lowerBound <= other.lowerBound && other.upperBound <= upperBound
    }

    /// Whether this period lies wholly before `other`: no day of it is on or after `other`'s first day.
    public func endsBefore(_ other: PartialDate) -> Bool {
        upperBound < other.lowerBound
    }

    /// Dates order by their start, a less precise date first: `2024` < `2024-03` < `2024-03-01`.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        let l = (lhs.year, lhs.month ?? 0, lhs.day ?? 0)
        let r = (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
        return l < r
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension PartialDate: Codable {
    /// Decodes a date from its text, `"2024-03"`; an invalid date throws
    /// ``PartnerGraphError/invalidDate(_:reason:)``.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    /// Encodes the date as its text, at its precision: `"2024-03"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// `value` in decimal, padded with zeros to `width` digits.
func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = value.description
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// Checks that a period's end does not come before its start.
///
/// A period may start and end within the same partial date (`2024` to `2024-03`), so the
/// check fails only when the end lies wholly before the start.
func validatePeriod(start: PartialDate?, end: PartialDate?) throws {
    if let start, let end, end.endsBefore(start) {
        throw PartnerGraphError.endBeforeStart(start: start, end: end)
    }
}

/// A fact that happened on one date or over a period, such as a relation.
public protocol DatedFact {
    /// The single date, for a fact that happened once.
    var date: PartialDate? { get }
    /// When the period starts, for a fact that lasted.
    var start: PartialDate? { get }
    /// When the period ends; `nil` while it lasts.
    var end: PartialDate? { get }
}

extension DatedFact {
    /// The dates as one phrase: `2024-03-25`, `2022–2024`, `since 2024-03`, `until 2020`.
    public var dateSummary: String? {
        if let date { return date.description }
        switch (start, end) {
        case let (start?, end?): return "\(start)–\(end)"
        case let (start?, nil): return "since \(start)"
        case let (nil, end?): return "until \(end)"
        default: return nil
        }
    }
}
