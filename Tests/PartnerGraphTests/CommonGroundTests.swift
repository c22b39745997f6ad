import Testing
@testable import PartnerGraph

struct CommonGroundTests {
    @Test func icescoAndAzerbaijanShareThePlanTheForumCOP29AndShusha() throws {
        let store = try exampleStore()
        let shared = try store.common(CommonQuery("ICESCO", "Republic of Azerbaijan"))
        let keys = Set(shared.groups.flatMap { $0.entries.map(\.entity.key) } + shared.linked.map(\.entity.key))
        for key in ["icesco-azerbaijan-action-plan-2022", "world-forum-intercultural-dialogue", "cop29", "shusha-capital-of-culture-2024"] {
            #expect(keys.contains(key), "common should list \(key)")
        }
        #expect(shared.direct.map(\.type) == ["partner_of"])
        #expect(shared.groups.map(\.type) == [.agreement, .event])
        let shusha = shared.linked.first { $0.entity.key == "shusha-capital-of-culture-2024" }
        #expect(shusha?.through.key == "icesco-azerbaijan-action-plan-2022")
        #expect(shusha?.hop.phrase == "implemented through")
    }

    @Test func unrelatedEntitiesShareNothingAndAnEntityCannotBeComparedWithItself() throws {
        let store = try exampleStore()
        let shared = try store.common(CommonQuery("Switzerland", "Shusha"))
        #expect(shared.isEmpty)
        #expect(throws: QueryError.self) { try store.common(CommonQuery("ICESCO", "الإيسيسكو")) }
    }
}
