import Foundation
import GRDB
import Testing
@testable import PartnerGraph

private func selectionExample() throws -> PartnerGraphStore {
    let store = try PartnerGraphStore()
    try store.loadExample()
    return store
}

private extension RenderGraph {
    var keys: Set<String> { Set(nodes.map(\.key)) }
    var edgeTriples: Set<String> { Set(edges.map { "\($0.source) \($0.type) \($0.target)" }) }
}

@Suite("Render selections")
struct RenderSelectionTests {
    @Test("--around at depth 1 takes the entity, its neighbours and the relations among them")
    func aroundDepthOne() throws {
        let graph = try selectionExample().renderGraph(for: RenderSelection(scope: .around("الإيسيسكو", depth: 1)))
        #expect(graph.keys == [
            "icesco", "salim-m-almalik", "icesco-partnerships-sector", "nam-pn", "capitals-of-culture-programme", "cop29",
            "azerbaijan", "icesco-azerbaijan-action-plan-2022", "world-forum-intercultural-dialogue",
        ])
        // Induced: relations between two neighbours are drawn too.
        #expect(graph.edgeTriples.contains("azerbaijan participated_in cop29"))
        #expect(graph.edgeTriples.contains("azerbaijan party_to icesco-azerbaijan-action-plan-2022"))
        #expect(graph.edges.count == 11)
        #expect(graph.center == "icesco")
    }

    @Test("--depth widens the neighbourhood", arguments: [(0, 1), (1, 9), (2, 19)])
    func depth(depth: Int, count: Int) throws {
        let graph = try selectionExample().renderGraph(for: RenderSelection(scope: .around("ICESCO", depth: depth)))
        #expect(graph.nodes.count == count)
    }

    @Test("--relation keeps only those relations and the entities they join")
    func relationFilter() throws {
        let graph = try selectionExample().renderGraph(for: RenderSelection(relationTypes: ["heads"]))
        #expect(graph.edgeTriples == [
            "anar-karimov heads icesco-partnerships-sector", "sahiba-gafarova heads milli-majlis",
            "sahiba-gafarova heads nam-pn", "salim-m-almalik heads icesco",
        ])
        #expect(graph.keys.count == 7)
    }

    @Test("--relation with an unknown type is refused with the vocabulary")
    func unknownRelation() throws {
        #expect(throws: RenderError.self) {
            try selectionExample().renderGraph(for: RenderSelection(relationTypes: ["funds"]))
        }
    }

    @Test("--type keeps only entities of those types, and the centre of the selection")
    func typeFilter() throws {
        let people = try selectionExample().renderGraph(for: RenderSelection(entityTypes: [.person]))
        #expect(people.keys == ["anar-karimov", "sahiba-gafarova", "salim-m-almalik"])
        #expect(people.edges.isEmpty)
        let around = try selectionExample().renderGraph(
            for: RenderSelection(scope: .around("Salim M. AlMalik", depth: 2), entityTypes: [.organization]))
        #expect(around.keys == ["salim-m-almalik", "icesco", "icesco-partnerships-sector", "nam-pn", "azerbaijan"])
        #expect(around.edgeTriples.contains("icesco partner_of azerbaijan"))
    }

    @Test("--as-of drops relations not yet begun or already ended, and entities not yet there")
    func asOf() throws {
        let store = try selectionExample()
        try store.link(
            "ICESCO", "member_of", "Non-Aligned Movement",
            RelationDetails(startDate: PartialDate("2010"), endDate: PartialDate("2020-06")))
        let before = try store.renderGraph(for: RenderSelection(asOf: PartialDate("2023")))
        #expect(!before.keys.contains("cop29"), "COP29 (2024) did not exist in 2023")
        #expect(!before.keys.contains("nam-pn-third-conference"))
        #expect(!before.edgeTriples.contains("icesco observer_of nam-pn"), "observer since 2024-03")
        #expect(before.edgeTriples.contains("icesco party_to icesco-azerbaijan-action-plan-2022"))
        #expect(!before.edgeTriples.contains("icesco member_of nam"), "ended in 2020-06")
        // Precision-aware: a relation that started in 2024-03 is in force within 2024-03.
        let during = try store.renderGraph(for: RenderSelection(asOf: PartialDate("2024-03-15")))
        #expect(during.edgeTriples.contains("icesco observer_of nam-pn"))
        let old = try store.renderGraph(for: RenderSelection(asOf: PartialDate("2015")))
        #expect(old.edgeTriples.contains("icesco member_of nam"))
        #expect(old.edges.first { $0.type == "member_of" }?.ended == false)
        // Today, the ended relation is drawn dashed.
        let now = try store.renderGraph(for: RenderSelection(), today: PartialDate("2026-01-01"))
        let ended = try #require(now.edges.first { $0.type == "member_of" })
        #expect(ended.ended)
        #expect(DOTWriter(style: RenderStyle(drawnOn: "2026-01-01")).dot(for: now).contains("style=\"dashed\""))
    }

    @Test("--source keeps only what one document states")
    func source() throws {
        let store = try selectionExample()
        try store.addSource(Source(key: "other-2025", title: "Another document"))
        try store.link(
            "Sahiba Gafarova", "partner_of", "Salim M. AlMalik", RelationDetails(citations: [CitationRef(source: "other-2025")]))
        let other = try store.renderGraph(for: RenderSelection(source: "other-2025"))
        #expect(other.edgeTriples == ["sahiba-gafarova partner_of salim-m-almalik"])
        #expect(other.keys == ["sahiba-gafarova", "salim-m-almalik"])
        let article = try store.renderGraph(for: RenderSelection(source: "icesco-2024-03-26"))
        #expect(article.edges.count == 33)
        #expect(throws: PartnerGraphError.self) {
            try store.renderGraph(for: RenderSelection(source: "no-such-source"))
        }
    }

    @Test("--path highlights a shortest connection inside its neighbourhood, or alone with --only-path")
    func path() throws {
        let store = try selectionExample()
        let alone = try store.renderGraph(
            for: RenderSelection(scope: .path(from: "Salim M. AlMalik", to: "Sahiba Gafarova", k: 1, depth: 0)))
        #expect(alone.pathCount == 1)
        #expect(alone.nodes.allSatisfy { $0.highlighted })
        #expect(alone.edges.allSatisfy { $0.highlighted })
        #expect(alone.keys.isSuperset(of: ["salim-m-almalik", "sahiba-gafarova"]))
        #expect(alone.edges.count <= 3)
        let inside = try store.renderGraph(
            for: RenderSelection(scope: .path(from: "Salim M. AlMalik", to: "Sahiba Gafarova", k: 1, depth: 1)))
        #expect(inside.keys.isStrictSuperset(of: alone.keys))
        #expect(inside.nodes.filter(\.highlighted).count == alone.nodes.count)
        #expect(inside.edges.filter(\.highlighted).count == alone.edges.count)
        let three = try store.renderGraph(
            for: RenderSelection(scope: .path(from: "Salim M. AlMalik", to: "Sahiba Gafarova", k: 3, depth: 0)))
        #expect(three.pathCount == 3)
        #expect(three.edges.count > alone.edges.count)
    }

    @Test("a selection above the limit is refused, naming the way out, unless forced")
    func largeSelectionGuard() throws {
        let store = try PartnerGraphStore()
        try store.write { db in
            for index in 0..<(PartnerGraphStore.renderNodeLimit + 5) {
                try db.execute(
                    sql: """
                        INSERT INTO entity (key, type, name, name_normalized, created_at, updated_at)
                        VALUES (?, 'organization', ?, ?, '2024', '2024')
                        """,
                    arguments: ["org-\(index)", "Org \(index)", "org \(index)"])
            }
            for index in 1..<(PartnerGraphStore.renderNodeLimit + 5) {
                try db.execute(
                    sql: "INSERT INTO relation_view (source_id, type, target_id, created_at, updated_at) VALUES (?, 'partner_of', 1, '2024', '2024')",
                    arguments: [index + 1])
            }
        }
        #expect {
            try store.render(RenderSelection(), format: .dot)
        } throws: { error in
            guard case .selectionTooLarge = error as? RenderError else { return false }
            let message = "\(error)"
            return message.contains("--force") && message.contains("--around") && message.contains("sfdp")
        }
        // Around a hub, the count stops as soon as it passes the limit.
        #expect(throws: RenderError.selectionTooLarge(nodes: 2000, atLeast: true, limit: 2000)) {
            try store.renderGraph(for: RenderSelection(scope: .around("org-0", depth: 1)))
        }
        let forced = try store.render(RenderSelection(scope: .around("org-0", depth: 1)), format: .dot, force: true)
        #expect(forced.graph.nodes.count == PartnerGraphStore.renderNodeLimit + 5)
        #expect(forced.engine == .sfdp)
        #expect(try store.renderGraph(for: RenderSelection(), limit: nil).nodes.count == PartnerGraphStore.renderNodeLimit + 5)
    }
}

@Suite("Hostile names in pictures")
struct RenderHostileNameTests {
    static let names = [
        "Quote \" inside",
        "Back\\slash \\N \\G \\\\ end\\",
        "Override \u{202E}closed\u{202C} and isolate \u{2067}closed\u{2069}",
        "<IMG SRC=\"/etc/passwd\"/>",
        "A & B &amp; &lt;",
        "node [shape=box]; x -> y",
        "\"]; evil [label=\"x",
        "graph digraph subgraph strict edge",
        "<<TABLE><TR><TD>x</TD></TR></TABLE>>",
        "</FONT><FONT COLOR=\"red\">",
    ]

    @Test("each hostile name makes exactly one node, showing the name literally", arguments: [RenderFormat.svg])
    func literalNames(format: RenderFormat) throws {
        let store = try PartnerGraphStore()
        for (index, name) in Self.names.enumerated() {
            try store.addEntity(NewEntity(type: .organization, name: name, key: "hostile-\(index)"))
        }
        try store.link("hostile-0", "partner_of", "hostile-3", RelationDetails(role: "<B>role</B> \\N & \"x\""))
        let picture = try store.render(
            RenderSelection(), style: RenderStyle(language: .both, title: "Title <IMG SRC=\"x\"/> \\G", drawnOn: "2024-03-26"),
            format: .svg)
        let text = String(decoding: picture.data, as: UTF8.self)
        #expect(!text.contains("<image"), "no image may be read")
        let svg = try SVGSummary(picture.data)
        #expect(svg.nodeGroups == Self.names.count)
        #expect(svg.edgeGroups == 1)
        for (index, name) in Self.names.enumerated() {
            let shown = try #require(svg.nodes["hostile-\(index)"])
            #expect(shown == name.replacingOccurrences(of: "\n", with: " "), "expected \(name.debugDescription), shown \(shown.debugDescription)")
        }
        #expect(svg.allText.contains("<B>role</B> \\N & \"x\""))
        #expect(svg.graphText.contains("Title <IMG SRC=\"x\"/> \\G"))
    }
}
