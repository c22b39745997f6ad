import Testing
@testable import PartnerGraph

struct TimelineTests {
    @Test func entriesSortPrecisionAwareYearBeforeMonthBeforeDay() throws {
        let store = try exampleStore()
        let timeline = try store.timeline(TimelineQuery())
        let dates = timeline.entries.map(\.date)
        #expect(dates == dates.sorted())
        let texts = dates.map(\.description)
        #expect(texts.first == "2022")
        let year = texts.firstIndex(of: "2024")!, month = texts.firstIndex(of: "2024-03")!, day = texts.firstIndex(of: "2024-03-25")!
        #expect(year < month && month < day)
    }

    @Test func entityTimelineAndWindow() throws {
        let store = try exampleStore()
        let icesco = try store.timeline(TimelineQuery(entity: "ICESCO"))
        #expect(icesco.entity?.key == "icesco")
        #expect(icesco.entries.contains { $0.kind == .relationStarts && $0.relation?.type == "party_to" })
        #expect(icesco.entries.contains { $0.kind == .dated && $0.entity?.key == "cop29" })
        let window = try store.timeline(TimelineQuery(from: try PartialDate("2024-03"), to: try PartialDate("2024-03")))
        #expect(!window.entries.isEmpty)
        #expect(window.entries.allSatisfy { ["2024", "2024-03"].contains($0.date.description) || $0.date.description.hasPrefix("2024-03-") })
        let limited = try store.timeline(TimelineQuery(limit: 2))
        #expect(limited.entries.count == 2 && limited.truncated)
    }
}
