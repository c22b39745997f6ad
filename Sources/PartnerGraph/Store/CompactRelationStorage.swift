import GRDB
import GRDBSQLite

// How migration 008 stores a relation (see schema/008_compact_relations.sql): the type as the
// id of its name in relation_type_code, dates as the integers YYYYMMDD (00 for an unknown month
// or day), timestamps as Unix seconds, updated_at NULL while it equals created_at. The
// library reads relations through the view relation_view, which shows them as text, except on
// the hot paths (traversal, timeline, the bulk import), which read and write the integers.

extension PartialDate {
    /// The date as the integer `YYYYMMDD`, with `00` for an unknown month or day:
    /// `2024` is `20240000`, `2024-03` is `20240300`. Packed dates order as the dates' text does.
    public var packed: Int64 { Int64(year) * 10000 + Int64(month ?? 0) * 100 + Int64(day ?? 0) }

    /// The date that `packed` stands for; `nil` when it is not one (a month above 12, a day
    /// without a month, or a day the month does not have).
    public init?(packed: Int64) {
        let year = Int(packed / 10000), month = Int(packed / 100 % 100), day = Int(packed % 100)
        guard (1...9999).contains(year), (0...12).contains(month), month > 0 || day == 0,
            day == 0 || day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.init(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day)
    }
}

/// Packed dates (`YYYYMMDD`) as the traversal loop reads them, and the in-force rule on them.
enum PackedDateWindow {
    /// The first day `packed` covers, packed: `20240000` → `20240101`.
    static func lowerBound(_ packed: Int64) -> Int64 {
        if packed % 10000 == 0 { return packed + 101 }
        if packed % 100 == 0 { return packed + 1 }
        return packed
    }

    /// A day on or after the last day `packed` covers: `20240000` → `20241231`, `20240300` → `20240331`.
    static func upperBound(_ packed: Int64) -> Int64 {
        if packed % 10000 == 0 { return packed + 1231 }
        if packed % 100 == 0 { return packed + 31 }
        return packed
    }

    /// ``DateWindow/inForce(start:end:date:at:)`` on packed dates (`nil` for none).
    static func inForce(start: Int64?, end: Int64?, date: Int64?, at asOf: PartialDate) -> Bool {
        let packed = asOf.packed
        if let begin = start ?? date, lowerBound(begin) > upperBound(packed) { return false }
        if let end, upperBound(end) < lowerBound(packed) { return false }
        return true
    }
}

extension Timestamp {
    /// A timestamp as the relation table stores it: Unix seconds when `text` is in the canonical
    /// form (`2024-03-26T09:15:00Z`), else the text itself, so that nothing is lost.
    static func stored(_ text: String) -> DatabaseValue {
        guard let seconds = seconds(text), self.text(seconds: seconds) == text else { return text.databaseValue }
        return seconds.databaseValue
    }

    /// The stored value as text: Unix seconds formatted, or text as it is.
    static func text(_ stored: DatabaseValue) -> String? {
        switch stored.storage {
        case .int64(let seconds): return text(seconds: seconds)
        case .string(let text): return text
        default: return nil
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` as Unix seconds; `nil` for any other text.
    private static func seconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z")
        else { return nil }
        func number(_ from: Int, _ width: Int) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[from..<from + width] {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second
    }

    /// Unix seconds as `YYYY-MM-DDTHH:MM:SSZ`.
    static func text(seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let rest = seconds - days * 86400
        let (year, month, day) = civilFromDays(days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(zeroPadded(Int(year), width: 4))-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    // Howard Hinnant's days_from_civil and civil_from_days, on the proleptic Gregorian calendar.
    private static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    private static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// The ids of relation type names (relation_type_code), read once per query that needs them.
struct RelationTypeCodes {
    let names: [Int64: String]
    let ids: [String: Int64]

    init(_ db: Database) throws {
        var names: [Int64: String] = [:], ids: [String: Int64] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name FROM relation_type_code")) {
            names[row[0]] = row[1]
            ids[row[1]] = row[0]
        }
        self.names = names
        self.ids = ids
    }

    /// The id of `name`, adding one when the name has none yet.
    static func id(of name: String, in db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM relation_type_code WHERE name = ?"), arguments: [name]) {
            return id
        }
        try db.execute(sql: "INSERT INTO relation_type_code (name) VALUES (?)", arguments: [name])
        return db.lastInsertedRowID
    }
}

/// A date column of the row a raw statement stands on: a packed date, or a date's text (written
/// by hand with the sqlite3 shell); `nil` for NULL or a value that is not a date.
func columnDate(_ handle: OpaquePointer, _ column: Int32) -> PartialDate? {
    switch sqlite3_column_type(handle, column) {
    case SQLITE_INTEGER: return PartialDate(packed: sqlite3_column_int64(handle, column))
    case SQLITE_NULL: return nil
    default: return columnText(handle, column).flatMap { try? PartialDate($0) }
    }
}

/// A date column as a packed date, for comparisons in the traversal loop; `nil` for NULL, and
/// a date's text packed.
func columnPackedDate(_ handle: OpaquePointer, _ column: Int32) -> Int64? {
    switch sqlite3_column_type(handle, column) {
    case SQLITE_INTEGER: return sqlite3_column_int64(handle, column)
    case SQLITE_NULL: return nil
    default: return columnText(handle, column).flatMap { try? PartialDate($0) }?.packed
    }
}
