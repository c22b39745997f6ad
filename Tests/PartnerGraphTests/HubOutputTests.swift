import Testing
@testable import PartnerGraph

/// A hub: an organization with 45 employees (dated, added in shuffled order), 25 partners (12
/// links from it, 13 to it, names interleaved), 3 memberships, and 10 meetings on one day.
func hubStore() throws -> PartnerGraphStore {
    let store = try PartnerGraphStore()
    try store.addEntity(NewEntity(type: .organization, name: "Hub", key: "hub"))
    var random = SplitMix(seed: 13)
    var people = Array(0..<45)
    people.shuffle(using: &random)
    for i in people {
        let key = "person-\(i)"
        try store.addEntity(NewEntity(type: .person, name: "Person \(zeroPadded(i, width: 2))", key: key))
        try store.link(key, "works_for", "hub", RelationDetails(startDate: try PartialDate("\(2000 + i)")))
    }
    for i in 0..<25 {
        let key = "partner-\(i)"
        try store.addEntity(NewEntity(type: .organization, name: "Partner \(zeroPadded(i, width: 2))", key: key))
        if i % 2 == 0 { try store.link(key, "partner_of", "hub") } else { try store.link("hub", "partner_of", key) }
    }
    for i in 0..<3 {
        try store.addEntity(NewEntity(type: .organization, name: "Network \(i)", key: "network-\(i)"))
        try store.link(
            "hub", "member_of", "network-\(i)",
            RelationDetails(
                role: i == 0 ? "founding member" : nil, startDate: try PartialDate("2010"), endDate: try PartialDate("2012"),
                note: i == 1 ? "suspended in 2011" : nil))
    }
    for i in 0..<10 {
        try store.addEntity(NewEntity(type: .event, name: "Meeting \(i)", key: "meeting-\(i)"))
        try store.link(
            "hub", "participated_in", "meeting-\(i)", RelationDetails(role: i % 2 == 0 ? "observer" : nil, date: try PartialDate("2020-05-01")))
    }
    return store
}

extension SplitMix: RandomNumberGenerator {}

struct HubProfileTests {
    @Test("show of a hub counts every group and reads only the first N of each, by name")
    func groupsAreCountedAndCut() throws {
        let store = try hubStore()
        let hub = try store.profile(of: "hub", relationsPerGroup: 20)
        #expect(hub.relationCount == 83)
        #expect(hub.relationLimit == 20)
        #expect(hub.relationGroups.map { "\($0.type)/\($0.direction.rawValue) \($0.shown)/\($0.count)" } == [
            "member_of/outgoing 3/3", "participated_in/outgoing 10/10", "partner_of/both 20/25", "works_for/incoming 20/45",
        ])
        #expect(hub.relationGroups.map(\.phrase) == ["member of", "participated in", "partner of", "employs"])
        #expect(hub.relations.count == 3 + 10 + 20 + 20)
        let employees = hub.relations.filter { $0.type == "works_for" }
        #expect(employees.map(\.other.key) == (0..<20).map { "person-\($0)" }, "the first 20 by name, not by insertion")
        #expect(employees.allSatisfy { $0.direction == .incoming && $0.phrase == "employs" && $0.target.key == "hub" })
        // A symmetric type is one group, both directions ordered together by name.
        let partners = hub.relations.filter { $0.type == "partner_of" }
        #expect(partners.map(\.other.key) == (0..<20).map { "partner-\($0)" })
        #expect(partners.map(\.direction) == (0..<20).map { $0 % 2 == 0 ? .incoming : .outgoing })
        #expect(partners.allSatisfy { $0.phrase == "partner of" })
        #expect(hub.isTruncated)
    }

    @Test("Without a limit every relation is there, in the same order the limited view starts with")
    func everyRelationWithoutLimit() throws {
        let store = try hubStore()
        let all = try store.profile(of: "hub")
        #expect(all.relations.count == 83 && all.relationCount == 83 && all.relationLimit == nil && !all.isTruncated)
        #expect(all.relationGroups.allSatisfy { $0.shown == $0.count })
        let limited = try store.profile(of: "hub", relationsPerGroup: 2)
        var offset = 0
        for group in all.relationGroups {
            let first = Array(all.relations[offset..<offset + min(2, group.count)])
            #expect(limited.relations.filter { $0.type == group.type } == first, "group \(group.type)")
            offset += group.count
        }
        let counts = try store.profile(of: "hub", relationsPerGroup: 0)
        #expect(counts.relations.isEmpty && counts.relationGroups.map(\.count) == [3, 10, 25, 45])
        #expect(throws: QueryError.self) { try store.profile(of: "hub", relationsPerGroup: -1) }
    }

    @Test("An entity seen from the other end of a hub's relations still reads them its own way")
    func otherEndOfTheHub() throws {
        let person = try hubStore().profile(of: "person-3", relationsPerGroup: 20)
        #expect(person.relationGroups.map { "\($0.phrase) \($0.count)" } == ["works for 1"])
        #expect(person.relations.first?.other.key == "hub")
        #expect(person.relations.first?.start?.description == "2003")
    }
}

struct HubTimelineTests {
    @Test("A limited timeline keeps the latest entries, in date order, and counts the rest")
    func latestEntries() throws {
        let store = try hubStore()
        let full = try store.timeline(TimelineQuery(entity: "hub"))
        // 45 starts, 3 starts and 3 ends of memberships, 10 meetings.
        #expect(full.entries.count == 61 && full.total == 61 && !full.truncated && full.kept == nil)
        for limit in [1, 5, 9, 12, 20, 60] {
            let latest = try store.timeline(TimelineQuery(entity: "hub", limit: limit))
            #expect(latest.entries == Array(full.entries.suffix(limit)), "latest \(limit)")
            #expect(latest.total == 61 && latest.truncated && latest.kept == .latest)
            let earliest = try store.timeline(TimelineQuery(entity: "hub", limit: limit, keep: .earliest))
            #expect(earliest.entries == Array(full.entries.prefix(limit)), "earliest \(limit)")
            #expect(earliest.kept == .earliest)
        }
        let all = try store.timeline(TimelineQuery(entity: "hub", limit: 61))
        #expect(all.entries == full.entries && !all.truncated)
        #expect(full.entries.contains { $0.relation?.note == "suspended in 2011" && $0.summary == "Hub member of Network 1 — ends" })
        #expect(full.entries.contains { $0.summary == "Hub member of Network 0 (founding member) — starts" })
    }

    @Test("Ties on the last date kept are ordered by their text, as in the whole timeline")
    func tiesAtTheCut() throws {
        let store = try hubStore()
        let window = TimelineQuery(entity: "hub", from: try PartialDate("2020"), to: try PartialDate("2020"))
        let full = try store.timeline(window)
        #expect(full.entries.count == 11, "the ten meetings of 2020-05-01 and one employee's start")
        var limited = window
        limited.limit = 4
        let latest = try store.timeline(limited)
        #expect(latest.entries.map(\.summary) == Array(full.entries.suffix(4)).map(\.summary))
        #expect(latest.entries.map(\.summary) == [
            "Hub participated in Meeting 6 (observer)", "Hub participated in Meeting 7", "Hub participated in Meeting 8 (observer)",
            "Hub participated in Meeting 9",
        ])
        #expect(latest.total == 11)
    }
}

extension HubTimelineTests {
    @Test("A dated event tied to the entity is in its timeline, whether found by look-ups (few relations) or a pass (a hub)")
    func datedNeighborsBothWays() throws {
        let store = try hubStore()
        try store.addEntity(NewEntity(type: .event, name: "Summit", key: "summit", date: try PartialDate("2021-06")))
        try store.link("hub", "participated_in", "summit")
        try store.link("person-0", "participated_in", "summit")
        for entity in ["hub", "person-0"] {
            let timeline = try store.timeline(TimelineQuery(entity: entity))
            #expect(timeline.entries.filter { $0.kind == .dated }.map { $0.entity?.key } == ["summit"], "\(entity)")
        }
        #expect(try store.timeline(TimelineQuery(entity: "person-1")).entries.allSatisfy { $0.kind != .dated })
    }
}

extension HubTimelineTests {
    @Test("Dates are read from the stored text: well-formed ones at their precision, others (written with raw SQL) left out", arguments: [
        ("2024", "2024"), ("2024-02", "2024-02"), ("2024-02-29", "2024-02-29"), ("2023-02-29", nil), ("2024-13", nil),
        ("2024-1-05", nil), ("24-01-05", nil), ("abcd", nil), ("2024-02-3x", nil), ("0000", nil),
    ])
    func storedDatesAreReadAsPartialDateReadsThem(stored: String, read: String?) throws {
        let store = try PartnerGraphStore()
        try store.addEntity(NewEntity(type: .organization, name: "A", key: "a"))
        try store.addEntity(NewEntity(type: .organization, name: "B", key: "b"))
        try store.link("a", "partner_of", "b", RelationDetails(startDate: try PartialDate("1999")))
        try store.write { db in try db.execute(sql: "UPDATE relation_view SET start_date = ?", arguments: [stored]) }
        let timeline = try store.timeline(TimelineQuery(entity: "a"))
        #expect(timeline.entries.map(\.date.description) == (read.map { [$0] } ?? []))
        #expect((try? PartialDate(stored))?.description == read, "the same as PartialDate's own reading")
    }
}

struct HubStatsTests {
    @Test("Without the full pass, stats gives only what indexes count, and says so")
    func countsOnly() throws {
        let store = try hubStore()
        let quick = try store.stats(full: false)
        #expect(quick.entities == 84 && quick.relations == 83 && quick.sources == 0)
        #expect(quick.entitiesByType == ["organization": 29, "person": 45, "event": 10, "agreement": 0, "place": 0])
        #expect(!quick.full)
        #expect(quick.relationsByType == nil && quick.mostConnected == nil && quick.components == nil && quick.isolated == nil)
        let automatic = try store.stats()
        #expect(automatic.full, "a small graph gets the full pass by default")
        #expect(automatic.relationsByType == ["works_for": 45, "partner_of": 25, "member_of": 3, "participated_in": 10])
        #expect(automatic.mostConnected?.first.map { "\($0.entity.key) \($0.relations)" } == "hub 83")
    }

    @Test("The full pass agrees with a breadth-first count on a random graph with removed entities")
    func fullPassMatchesABreadthFirstCount() throws {
        let store = try PartnerGraphStore()
        var random = SplitMix(seed: 7)
        let count = 300
        for i in 0..<count { try store.addEntity(NewEntity(type: .organization, name: "Org \(i)", key: "org-\(i)")) }
        var edges = Set<[Int]>()
        while edges.count < 260 {
            let a = Int(random.next() % UInt64(count)), b = Int(random.next() % UInt64(count))
            if a != b { edges.insert([a, b]) }
        }
        for edge in edges { try store.link("org-\(edge[0])", "member_of", "org-\(edge[1])") }
        // Removing entities leaves gaps in the ids; the last ones removed make the span sparse.
        var removed = Set<Int>()
        for i in stride(from: 0, to: count, by: 7) where i < 250 || i > 290 {
            _ = try store.remove("org-\(i)", cascade: true)
            removed.insert(i)
        }
        let remaining = edges.filter { !removed.contains($0[0]) && !removed.contains($0[1]) }
        var neighbours: [Int: [Int]] = [:]
        for edge in remaining {
            neighbours[edge[0], default: []].append(edge[1])
            neighbours[edge[1], default: []].append(edge[0])
        }
        var seen = Set<Int>()
        var sizes: [Int] = []
        for start in 0..<count where !removed.contains(start) && !seen.contains(start) {
            var queue = [start]
            seen.insert(start)
            var size = 0
            while let node = queue.popLast() {
                size += 1
                for next in neighbours[node] ?? [] where seen.insert(next).inserted { queue.append(next) }
            }
            sizes.append(size)
        }
        let stats = try store.stats(top: 3, full: true)
        #expect(stats.entities == count - removed.count)
        #expect(stats.relations == remaining.count)
        #expect(stats.components == sizes.count)
        #expect(stats.largestComponent == sizes.max())
        #expect(stats.isolated == sizes.filter { $0 == 1 }.count)
        let degrees = neighbours.mapValues(\.count)
        #expect(stats.mostConnected?.map(\.relations) == Array(degrees.values.sorted(by: >).prefix(3)))
    }
}
