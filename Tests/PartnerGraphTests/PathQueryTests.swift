import Foundation
import GRDB
import Testing
@testable import PartnerGraph

/// A small graph built by hand: organizations o1…, people p1…, with keys equal to names.
private func graph(
    _ entities: [(String, EntityType)], _ links: [(String, String, String, RelationDetails)] = []
) throws -> PartnerGraphStore {
    let store = try PartnerGraphStore()
    for (key, type) in entities { try store.addEntity(NewEntity(type: type, name: key, key: key)) }
    for (source, type, target, details) in links { try store.link(source, type, target, details) }
    return store
}

private func lengths(_ paths: [GraphPath]) -> [Int] { paths.map(\.length) }

struct PathQueryTests {
    @Test func examplePathFromAlMalikToGafarovaHasAtMostThreeHops() throws {
        let store = try exampleStore()
        let paths = try store.paths(PathQuery(from: "Salim M. AlMalik", to: "Sahiba Gafarova"))
        #expect(paths.count == 1)
        #expect(paths[0].length <= 3, "expected at most 3 hops, got \(paths[0].length)")
        #expect(paths[0].entities.first?.key == "salim-m-almalik")
        #expect(paths[0].entities.last?.key == "sahiba-gafarova")
    }

    @Test func hopsCarryTheirTrueDirectionAndTheInversePhraseWhenWalkedBackwards() throws {
        let store = try exampleStore()
        // Without the two shared events, the path runs through ICESCO and the NAM network.
        let paths = try store.paths(PathQuery(
            from: "Salim M. AlMalik", to: "Sahiba Gafarova",
            avoid: ["almalik-gafarova-meeting-2024", "nam-pn-third-conference"]))
        let hops = paths[0].hops
        #expect(hops.map(\.type) == ["heads", "observer_of", "heads"])
        #expect(hops.map(\.forward) == [true, true, false])
        #expect(hops.map(\.phrase) == ["heads", "observer of", "headed by"])
        #expect(hops[2].forwardPhrase == "heads")
        #expect(hops[2].source.key == "sahiba-gafarova" && hops[2].target.key == "nam-pn")
        #expect(hops[0].role == "Director-General")
        #expect(hops[2].role == "President")
        #expect(hops[1].start == (try PartialDate("2024-03")))
        #expect(hops.allSatisfy { $0.citations.map(\.source) == ["icesco-2024-03-26"] })
    }

    @Test func symmetricRelationsReadTheSameBothWays() throws {
        let store = try exampleStore()
        let path = try store.paths(PathQuery(from: "Republic of Azerbaijan", to: "ICESCO", relations: ["partner_of"]))[0]
        #expect(path.hops.count == 1)
        #expect(path.hops[0].symmetric)
        #expect(path.hops[0].phrase == "partner of")
    }

    @Test func avoidFindsAPathAroundAnEntityOrNone() throws {
        let store = try graph(
            [("a", .person), ("hub", .organization), ("b", .person), ("side", .organization), ("c", .person)],
            [
                ("a", "works_for", "hub", .init()), ("b", "works_for", "hub", .init()),
                ("a", "member_of", "side", .init()), ("c", "member_of", "side", .init()), ("c", "works_for", "hub", .init()),
            ])
        #expect(lengths(try store.paths(PathQuery(from: "a", to: "b"))) == [2])
        // Around the hub: a — side — c — hub? No: hub is avoided, so b (only tied to the hub) is unreachable.
        #expect(throws: QueryError.self) { try store.paths(PathQuery(from: "a", to: "b", avoid: ["hub"])) }
        let around = try store.paths(PathQuery(from: "a", to: "c", avoid: ["hub"]))
        #expect(around[0].entities.map(\.key) == ["a", "side", "c"])
        #expect(throws: QueryError.endpointAvoided(EntityRef(key: "a", type: .person, name: "a"))) {
            try store.paths(PathQuery(from: "a", to: "b", avoid: ["a"]))
        }
    }

    @Test func kGivesTheShortestSimplePathsShortestFirst() throws {
        // A ring of four organizations plus a chord: o1–o2–o3–o4–o1 and o1–o3.
        let store = try graph(
            [("o1", .organization), ("o2", .organization), ("o3", .organization), ("o4", .organization)],
            [
                ("o1", "partner_of", "o2", .init()), ("o2", "partner_of", "o3", .init()), ("o3", "partner_of", "o4", .init()),
                ("o4", "partner_of", "o1", .init()), ("o1", "member_of", "o3", .init()),
            ])
        let paths = try store.paths(PathQuery(from: "o1", to: "o3", k: 5))
        #expect(lengths(paths) == [1, 2, 2])
        #expect(Set(paths.map { $0.entities.map(\.key) }).count == 3, "paths must differ")
        for path in paths { #expect(Set(path.entities).count == path.entities.count, "a path must be simple") }
    }

    @Test func noPathBetweenComponentsNamesTheLimit() throws {
        let store = try graph(
            [("a", .person), ("o", .organization), ("b", .person), ("island", .organization)],
            [("a", "works_for", "o", .init()), ("b", "works_for", "island", .init())])
        do {
            _ = try store.paths(PathQuery(from: "a", to: "b"))
            Issue.record("expected no path")
        } catch let error as QueryError {
            guard case .noPath(_, _, .notConnected, _) = error else { Issue.record("expected notConnected, got \(error)"); return }
            #expect(error.description.contains("not connected"))
        }
    }

    @Test func maxDepthIsNamedWhenItCutsTheSearch() throws {
        let store = try graph(
            [("o1", .organization), ("o2", .organization), ("o3", .organization), ("o4", .organization)],
            [("o1", "member_of", "o2", .init()), ("o2", "member_of", "o3", .init()), ("o3", "member_of", "o4", .init())])
        #expect(lengths(try store.paths(PathQuery(from: "o1", to: "o4", maxDepth: 3))) == [3])
        do {
            _ = try store.paths(PathQuery(from: "o1", to: "o4", maxDepth: 2))
            Issue.record("expected no path")
        } catch let error as QueryError {
            #expect(error == .noPath(
                from: .init(key: "o1", type: .organization, name: "o1"), to: .init(key: "o4", type: .organization, name: "o4"),
                limit: .maxDepth(2), filters: []))
            #expect(error.description.contains("--max-depth 2"))
        }
    }

    @Test func directedFollowsRelationsForwardsOnly() throws {
        let store = try graph(
            [("p", .person), ("o", .organization), ("q", .person)],
            [("p", "works_for", "o", .init()), ("q", "works_for", "o", .init())])
        #expect(lengths(try store.paths(PathQuery(from: "p", to: "q"))) == [2])
        #expect(lengths(try store.paths(PathQuery(from: "p", to: "o", directed: true))) == [1])
        #expect(throws: QueryError.self) { try store.paths(PathQuery(from: "p", to: "q", directed: true)) }
        #expect(throws: QueryError.self) { try store.paths(PathQuery(from: "o", to: "p", directed: true)) }
    }

    @Test func relationFiltersIncludeAndExcludeTypes() throws {
        let store = try exampleStore()
        let onlyHeads = try store.paths(PathQuery(from: "Sahiba Gafarova", to: "nam-pn", relations: ["heads"]))
        #expect(onlyHeads[0].hops.map(\.type) == ["heads"])
        let noHeads = try store.paths(PathQuery(from: "Sahiba Gafarova", to: "nam-pn", excludeRelations: ["heads"]))
        #expect(!noHeads[0].hops.contains { $0.type == "heads" })
        #expect(throws: PartnerGraphError.self) { try store.paths(PathQuery(from: "icesco", to: "nam", relations: ["funds"])) }
    }

    /// A relation dated at each precision, checked against as-of dates at each precision.
    @Test(arguments: [
        // (relation start, relation end, as-of, in force?)
        ("2022", nil, "2022-06-01", true),
        ("2022", nil, "2021-12-31", false),
        ("2022-06", nil, "2022", true),
        ("2022-06", nil, "2022-05", false),
        ("2022-06", nil, "2022-06-30", true),
        ("2022-06-15", nil, "2022-06", true),
        ("2022-06-15", nil, "2022-06-14", false),
        ("2020", "2021-03", "2021-03-31", true),
        ("2020", "2021-03", "2021-04", false),
        ("2020", "2021", "2022", false),
        ("2020", "2021", "2021", true),
    ] as [(String, String?, String, Bool)])
    func asOfIsPrecisionAware(start: String, end: String?, asOf: String, inForce: Bool) throws {
        let store = try graph(
            [("p", .person), ("o", .organization)],
            [("p", "works_for", "o", RelationDetails(startDate: try PartialDate(start), endDate: try end.map { try PartialDate($0) }))])
        let query = PathQuery(from: "p", to: "o", asOf: try PartialDate(asOf))
        if inForce {
            #expect(lengths(try store.paths(query)) == [1], "\(start)…\(end ?? "") should be in force on \(asOf)")
        } else {
            #expect(throws: QueryError.self, "\(start)…\(end ?? "") should not be in force on \(asOf)") { try store.paths(query) }
        }
    }

    @Test func asOfKeepsUndatedRelationsAndUsesPointDatesAsStarts() throws {
        let store = try exampleStore()
        // ICESCO observer of NAM PN since 2024-03: not yet in 2023, so the path avoids it.
        let before = try store.paths(PathQuery(
            from: "ICESCO", to: "nam-pn", relations: ["observer_of", "heads", "part_of", "partner_of"], asOf: try PartialDate("2023")))
        #expect(!before[0].hops.contains { $0.type == "observer_of" })
        let after = try store.paths(PathQuery(from: "ICESCO", to: "nam-pn", asOf: try PartialDate("2024-03-26")))
        #expect(after[0].length == 1)
        // The 2024-03 meeting had not happened in 2023.
        #expect(throws: QueryError.self) {
            try store.paths(PathQuery(from: "Anar Karimov", to: "almalik-gafarova-meeting-2024", relations: ["participated_in"], asOf: try PartialDate("2023")))
        }
    }

    @Test func cyclesAndSelfRelationsDoNotTrapTheSearch() throws {
        let store = try graph(
            [("o1", .organization), ("o2", .organization), ("o3", .organization), ("o4", .organization)],
            [("o1", "member_of", "o2", .init()), ("o2", "member_of", "o3", .init()), ("o3", "member_of", "o1", .init())])
        // The store refuses self relations; put one in behind its back, as a hand-edited file might.
        try store.writer.write { db in
            try db.execute(sql: """
                INSERT INTO relation_view (source_id, type, target_id, created_at, updated_at)
                SELECT id, 'partner_of', id, 'now', 'now' FROM entity WHERE key IN ('o1', 'o3')
                """)
        }
        #expect(lengths(try store.paths(PathQuery(from: "o1", to: "o3", k: 4))) == [1, 2])
        #expect(lengths(try store.paths(PathQuery(from: "o2", to: "o2"))) == [0])
        #expect(throws: QueryError.self) { try store.paths(PathQuery(from: "o1", to: "o4")) }
        let around = try store.neighbors(NeighborQuery(entity: "o1", depth: 3))
        #expect(around.neighbors.map(\.entity.key).sorted() == ["o2", "o3"])
    }

    @Test func pathLengthsEqualAPlainBreadthFirstSearch() throws {
        // A deterministic random graph with hubs, checked pair by pair against a BFS in memory.
        let store = try PartnerGraphStore()
        var generator = SplitMix(seed: 7)
        let count = 120
        try store.writer.write { db in
            for index in 0..<count {
                try db.execute(
                    sql: "INSERT INTO entity (id, key, type, name, name_normalized, created_at, updated_at) VALUES (?, ?, 'organization', ?, ?, 'now', 'now')",
                    arguments: [index + 1, "o\(index)", "o\(index)", "o\(index)"])
            }
        }
        var adjacency = [[Int]](repeating: [], count: count)
        var seen = Set<[Int]>()
        try store.writer.write { db in
            for _ in 0..<160 {
                // Low ids are hubs: square the random number to skew it.
                let a = Int(Double(count) * pow(generator.unit(), 2)), b = Int(generator.next() % UInt64(count))
                if a == b || !seen.insert([a, b]).inserted { continue }
                adjacency[a].append(b)
                adjacency[b].append(a)
                try db.execute(
                    sql: "INSERT INTO relation_view (source_id, type, target_id, created_at, updated_at) VALUES (?, 'member_of', ?, 'now', 'now')",
                    arguments: [a + 1, b + 1])
            }
        }
        func bfs(_ start: Int, _ end: Int) -> Int? {
            var distance = [Int?](repeating: nil, count: count)
            distance[start] = 0
            var queue = [start], head = 0
            while head < queue.count {
                let node = queue[head]; head += 1
                if node == end { return distance[node] }
                for other in adjacency[node] where distance[other] == nil {
                    distance[other] = distance[node]! + 1
                    queue.append(other)
                }
            }
            return nil
        }
        for _ in 0..<150 {
            let a = Int(generator.next() % UInt64(count)), b = Int(generator.next() % UInt64(count))
            let expected = bfs(a, b)
            let found = try? store.paths(PathQuery(from: "o\(a)", to: "o\(b)", maxDepth: 50)).first?.length
            #expect(found == expected, "o\(a) → o\(b): BFS says \(String(describing: expected)), paths says \(String(describing: found))")
        }
    }
}

