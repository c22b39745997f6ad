import Foundation
import Testing
@testable import PartnerGraph

/// A writer that keeps what the exporter hands it, to check the stream itself.
struct RecordingWriter: GraphExportWriter {
    var header: ExportHeader?
    var nodes: [ExportNode] = []
    var edges: [ExportEdge] = []
    var ended = false

    mutating func begin(_ header: ExportHeader) throws { self.header = header }
    mutating func node(_ node: ExportNode) throws {
        #expect(edges.isEmpty, "every node comes before the first edge")
        nodes.append(node)
    }
    mutating func edge(_ edge: ExportEdge) throws { edges.append(edge) }
    mutating func end() throws { ended = true }
}

/// Exports with a CSV writer into a fresh folder and returns the two files' text.
func exportCSV(_ store: PartnerGraphStore, _ selection: RenderSelection = RenderSelection()) throws -> (nodes: String, edges: String) {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let nodes = try ExportSink(path: folder.appendingPathComponent("nodes.csv").path)
    let edges = try ExportSink(path: folder.appendingPathComponent("edges.csv").path)
    var writer = CSVExportWriter(nodes: nodes, edges: edges)
    try store.export(selection, into: &writer)
    try nodes.commit()
    try edges.commit()
    return (
        try String(contentsOf: folder.appendingPathComponent("nodes.csv"), encoding: .utf8),
        try String(contentsOf: folder.appendingPathComponent("edges.csv"), encoding: .utf8)
    )
}

struct ExportTests {
    @Test("The whole example streams in key order, with its names, aliases and citations")
    func wholeGraphStream() throws {
        let store = try exampleStore()
        var writer = RecordingWriter()
        let summary = try store.export(RenderSelection(), into: &writer)
        let header = try #require(writer.header)
        #expect(summary.nodes == 21 && summary.edges == 33)
        #expect(header.nodeCount == 21 && header.edgeCount == 33, "the header counts what follows")
        #expect(writer.nodes.map(\.key) == writer.nodes.map(\.key).sorted())
        #expect(header.aliasLanguages.contains("ar"))
        let icesco = try #require(writer.nodes.first { $0.key == "icesco" })
        #expect(icesco.aliases.contains(Alias(name: "الإيسيسكو", language: "ar")))
        #expect(!icesco.citations.isEmpty)
        let order = writer.edges.map { [$0.source, $0.type, $0.target] }
        #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) }, "edges by source, type, target")
        #expect(writer.edges.allSatisfy { !$0.citations.isEmpty }, "every relation of the example cites the press release")
        #expect(writer.ended)
    }

    @Test("A neighbourhood exports the same entities and relations as its picture")
    func neighbourhoodMatchesRender() throws {
        let store = try exampleStore()
        let selection = RenderSelection(scope: .around("ICESCO", depth: 1))
        var writer = RecordingWriter()
        try store.export(selection, into: &writer)
        let picture = try store.renderGraph(for: selection, limit: nil)
        #expect(Set(writer.nodes.map(\.key)) == Set(picture.nodes.map(\.key)))
        #expect(Set(writer.edges.map(\.id)) == Set(picture.edges.map(\.id)))
        #expect(writer.header?.caption == picture.caption)
    }

    @Test("Filters narrow the whole graph as they narrow a picture")
    func filteredWholeGraph() throws {
        let store = try exampleStore()
        let selection = RenderSelection(relationTypes: ["heads"])
        var writer = RecordingWriter()
        try store.export(selection, into: &writer)
        let picture = try store.renderGraph(for: selection, limit: nil)
        #expect(writer.edges.allSatisfy { $0.type == "heads" } && !writer.edges.isEmpty)
        #expect(Set(writer.nodes.map(\.key)) == Set(picture.nodes.map(\.key)))
        #expect(writer.header?.nodeCount == writer.nodes.count && writer.header?.edgeCount == writer.edges.count)
    }

    @Test("The same database exports the same bytes")
    func deterministic() throws {
        let store = try exampleStore()
        let first = try exportCSV(store)
        let second = try exportCSV(store)
        #expect(first == second)
        #expect(first.nodes.hasPrefix("key,type,name,alias_ar,"))
        #expect(first.nodes.contains("icesco,organization,ICESCO,منظمة العالم الإسلامي للتربية والعلوم والثقافة,en,igo,"), "the first Arabic alias fills alias_ar")
        #expect(first.nodes.contains("الإيسيسكو@ar"), "the other aliases follow in their own column")
    }

    @Test("CSV export, bulk import into an empty database, CSV export: the same bytes")
    func csvRoundTrip() throws {
        // A graph in the workload's shape: keys, types, names, one Arabic alias, dated relations.
        let store = try PartnerGraphStore()
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = SplitMix(seed: 9)
        var nodes = "key,type,name,alias_ar\n"
        for index in 0..<500 {
            nodes += "org-\(index),organization,\"Organization \(index), \"\"the\"\" \(index)\",منظمة \(index)\n"
        }
        var edges = "source,type,target,start,end\n"
        var seen = Set<[Int]>()
        for _ in 0..<3000 {
            let a = Int(random.next() % 500), b = Int(random.next() % 500)
            guard a != b, seen.insert([a, b]).inserted else { continue }
            edges += "org-\(a),partner_of,org-\(b),20\(10 + a % 10),\(a % 3 == 0 ? "2024-0\(1 + b % 9)" : "")\n"
        }
        try nodes.write(to: folder.appendingPathComponent("in-nodes.csv"), atomically: true, encoding: .utf8)
        try edges.write(to: folder.appendingPathComponent("in-edges.csv"), atomically: true, encoding: .utf8)
        try store.importCSV(nodes: folder.appendingPathComponent("in-nodes.csv").path, edges: folder.appendingPathComponent("in-edges.csv").path)
        let first = try exportCSV(store)
        try first.nodes.write(to: folder.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)
        try first.edges.write(to: folder.appendingPathComponent("edges.csv"), atomically: true, encoding: .utf8)
        let copy = try PartnerGraphStore()
        try copy.importCSV(nodes: folder.appendingPathComponent("nodes.csv").path, edges: folder.appendingPathComponent("edges.csv").path)
        let second = try exportCSV(copy)
        #expect(first == second)
        #expect(first.nodes.contains("\"Organization 7, \"\"the\"\" 7\""), "a name with a comma and quotes is quoted")
    }

    @Test("An export to a file that cannot be written fails, and leaves no partial file behind")
    func failedWriteIsAnError() throws {
        #expect(throws: PartnerGraphError.self) { _ = try ExportSink(path: "/nonexistent-folder/graph.graphml") }
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("graph.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let sink = try ExportSink(path: path)
        sink.write("new, half written")
        sink.discard()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old", "a discarded export leaves the old file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["graph.csv"], "and no temporary file")
    }
}
