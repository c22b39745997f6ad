import Testing
@testable import PartnerGraph

struct GraphStatsTests {
    @Test func exampleCountsComponentsAndHubs() throws {
        let store = try exampleStore()
        try store.addEntity(NewEntity(type: .place, name: "Nowhere", key: "nowhere"))
        let stats = try store.stats()
        #expect(stats.entities == 22)
        #expect(stats.entitiesByType["person"] == 3)
        #expect(stats.full, "a small graph gets the full pass by default")
        #expect(stats.relationsByType?.values.reduce(0, +) == stats.relations)
        #expect(stats.components == 2)
        #expect(stats.largestComponent == 21)
        #expect(stats.isolated == 1 && stats.isolatedEntities?.map(\.key) == ["nowhere"])
        #expect(stats.mostConnected?.first?.entity.key == "icesco")
    }
}
