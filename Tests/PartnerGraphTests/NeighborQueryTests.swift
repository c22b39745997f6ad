import Testing
@testable import PartnerGraph

struct NeighborQueryTests {
    @Test func depthOneListsDirectRelationsWithTheirHop() throws {
        let store = try exampleStore()
        let around = try store.neighbors(NeighborQuery(entity: "Sahiba Gafarova"))
        #expect(Set(around.neighbors.map(\.entity.key)) == ["milli-majlis", "nam-pn", "almalik-gafarova-meeting-2024", "nam-pn-third-conference"])
        #expect(around.neighbors.allSatisfy { $0.distance == 1 && $0.via.count == 1 })
        #expect(around.relationIds.count == 4)
        #expect(around.entities.first?.key == "sahiba-gafarova")
    }

    @Test func depthTwoGivesChainsAndTypeFilterKeepsTraversal() throws {
        let store = try exampleStore()
        let people = try store.neighbors(NeighborQuery(entity: "ICESCO", depth: 2, entityTypes: [.person]))
        let keys = Set(people.neighbors.map(\.entity.key))
        #expect(keys.contains("salim-m-almalik"))
        #expect(keys.contains("sahiba-gafarova"))  // through the NAM network
        #expect(people.neighbors.allSatisfy { $0.entity.type == .person })
        let gafarova = people.neighbors.first { $0.entity.key == "sahiba-gafarova" }!
        #expect(gafarova.distance == 2)
        #expect(gafarova.via.last?.phrase == "headed by")
    }

    @Test func relationAndDateFiltersAndLimit() throws {
        let store = try exampleStore()
        let heads = try store.neighbors(NeighborQuery(entity: "Sahiba Gafarova", relations: ["heads"]))
        #expect(Set(heads.neighbors.map(\.entity.key)) == ["milli-majlis", "nam-pn"])
        let before = try store.neighbors(NeighborQuery(entity: "Sahiba Gafarova", asOf: try PartialDate("2023")))
        #expect(Set(before.neighbors.map(\.entity.key)) == ["milli-majlis", "nam-pn"])
        let limited = try store.neighbors(NeighborQuery(entity: "ICESCO", depth: 3, limit: 3))
        #expect(limited.neighbors.count == 3)
        #expect(limited.truncated)
        #expect(throws: QueryError.self) { try store.neighbors(NeighborQuery(entity: "ICESCO", depth: 0)) }
    }
}
