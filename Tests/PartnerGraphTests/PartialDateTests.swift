import Testing
@testable import PartnerGraph

struct PartialDateTests {
    @Test("Dates keep the precision they were written with", arguments: [
        ("2022", PartialDate.Precision.year),
        ("2024-03", .month),
        ("2024-03-25", .day),
        ("2024-02-29", .day),
    ])
    func keepsPrecision(text: String, precision: PartialDate.Precision) throws {
        let date = try PartialDate(text)
        #expect(date.description == text)
        #expect(date.precision == precision)
    }

    @Test("Impossible or malformed dates are refused", arguments: [
        "2024-02-30", "2023-02-29", "2024-13", "2024-00", "2024-04-31", "24", "2024-3", "2024-03-5", "2024/03/25",
        "", "abcd", "2024-03-25T10:00", "0000", "٢٠٢٤", "-2024", "2024-", "12024", "2024--03",
    ])
    func refusesInvalid(text: String) {
        #expect(throws: PartnerGraphError.self) { try PartialDate(text) }
    }

    @Test("The message for an impossible day says which days the month has")
    func messageNamesTheFix() {
        #expect(throws: PartnerGraphError.invalidDate("2024-02-30", reason: "2024-02 has days 01 to 29")) {
            try PartialDate("2024-02-30")
        }
    }

    @Test("A month or day written with one digit is told to take two", arguments: ["2024-1-05", "2024-01-5", "2024-1"])
    func oneDigitMonthOrDay(text: String) {
        #expect(throws: PartnerGraphError.invalidDate(text, reason: "months and days take two digits, e.g. 2024-01-05")) {
            try PartialDate(text)
        }
    }

    @Test("Dates print as they were written, zero-padded", arguments: ["0800", "2024", "2024-03", "2024-03-05", "1999-12-31"])
    func printsAsWritten(text: String) throws {
        #expect(try PartialDate(text).description == text)
    }

    @Test("Coarser dates sort before finer ones that start with them")
    func ordering() throws {
        let dates = try ["2024-03-01", "2024", "2023-12-31", "2024-03"].map(PartialDate.init)
        #expect(dates.sorted().map(\.description) == ["2023-12-31", "2024", "2024-03", "2024-03-01"])
    }

    @Test("A period may end within the date it starts, but not before it")
    func periods() throws {
        try validatePeriod(start: PartialDate("2024"), end: PartialDate("2024-03"))
        try validatePeriod(start: PartialDate("2024-03-25"), end: PartialDate("2024-03"))
        #expect(throws: PartnerGraphError.self) {
            try validatePeriod(start: PartialDate("2024-03"), end: PartialDate("2024-02-28"))
        }
    }

    @Test("A year contains its months and days")
    func containment() throws {
        #expect(try PartialDate("2024").contains(PartialDate("2024-03-25")))
        #expect(try !PartialDate("2024-03").contains(PartialDate("2024-04-01")))
    }
}
