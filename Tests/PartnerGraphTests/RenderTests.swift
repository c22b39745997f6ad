import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PartnerGraph

/// The example graph, in memory.
private func renderExample() throws -> PartnerGraphStore {
    let store = try PartnerGraphStore()
    try store.loadExample()
    return store
}

/// A fixed date, against which relations count as ended, and shown as the date drawn where a
/// test asks for it (pictures show no date by default).
private let drawnOn = "2024-03-26"

private let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// One of the example's pictures, as the golden DOT files hold them.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    var file: String
    var selection: RenderSelection
    var style: RenderStyle
    var testDescription: String { file }
}

private let goldenCases: [GoldenCase] = [
    GoldenCase(file: "whole-both.dot", selection: RenderSelection(), style: RenderStyle(language: .both)),
    GoldenCase(
        file: "icesco-depth1-en.dot", selection: RenderSelection(scope: .around("ICESCO", depth: 1)),
        style: RenderStyle()),
    GoldenCase(
        file: "path-almalik-gafarova-both.dot",
        selection: RenderSelection(scope: .path(from: "Salim M. AlMalik", to: "Sahiba Gafarova", k: 1, depth: 1)),
        style: RenderStyle(language: .both)),
    GoldenCase(
        file: "whole-ar-country.dot", selection: RenderSelection(),
        style: RenderStyle(labels: .type, language: .ar, cluster: .country, drawnOn: drawnOn)),
    GoldenCase(
        file: "heads-parent-fdp.dot", selection: RenderSelection(relationTypes: ["heads", "part_of"]),
        style: RenderStyle(labels: .none, title: "Who heads what", cluster: .parent, layout: .fdp)),
]

@Suite("Rendering the example")
struct RenderTests {
    @Test("DOT text equals the golden file", arguments: goldenCases)
    func golden(_ golden: GoldenCase) throws {
        let store = try renderExample()
        let graph = try store.renderGraph(for: golden.selection, today: PartialDate(drawnOn))
        let dot = DOTWriter(style: golden.style).dot(for: graph)
        let url = goldenFolder.appendingPathComponent(golden.file)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            try dot.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(dot == expected, "DOT for \(golden.file) differs from the golden file; RECORD_GOLDEN=1 rewrites it after review")
        // Graphviz reads what we write.
        _ = try GraphvizRenderer.render(dot: dot, format: .json)
    }

    @Test("the same graph and style give the same DOT text")
    func deterministic() throws {
        let style = RenderStyle(language: .both, cluster: .country, drawnOn: drawnOn)
        let first = DOTWriter(style: style).dot(for: try renderExample().renderGraph(for: RenderSelection()))
        let second = DOTWriter(style: style).dot(for: try renderExample().renderGraph(for: RenderSelection()))
        #expect(first == second)
    }

    @Test("the default title names the selection, its size and the date drawn")
    func defaultTitle() throws {
        let graph = try renderExample().renderGraph(for: RenderSelection(scope: .around("icesco", depth: 1), asOf: PartialDate("2024-06")))
        let label = DOTWriter(style: RenderStyle(drawnOn: drawnOn)).titleLabel(for: graph)
        #expect(label.contains("ICESCO and its neighbourhood (depth 1)"))
        #expect(label.contains("as of 2024-06"))
        #expect(label.contains("drawn 2024-03-26"))
        #expect(label.contains("\(graph.nodes.count) entities"))
    }

    @Test("SVG is valid XML with every entity's label, the Arabic names and the legend")
    func svgStructure() throws {
        let store = try renderExample()
        let picture = try store.render(RenderSelection(), style: RenderStyle(language: .both, drawnOn: drawnOn), format: .svg)
        let svg = try SVGSummary(picture.data)
        #expect(svg.nodes.count == 21)
        for node in picture.graph.nodes {
            let text = try #require(svg.nodes[node.key], "no SVG node for \(node.key)")
            #expect(text.contains(node.name), "the label of \(node.key) should show \(node.name); it shows \(text)")
            if let arabic = node.arabicNames.first {
                #expect(text.contains(arabic), "the label of \(node.key) should show \(arabic)")
            }
        }
        #expect(svg.fonts.contains(DOTWriter.arabicFont), "Arabic text is set in \(DOTWriter.arabicFont)")
        #expect(svg.allText.contains("الإيسيسكو") || svg.allText.contains("منظمة العالم الإسلامي"))
        for type in EntityType.allCases {
            #expect(svg.graphText.contains(type.rawValue), "the legend should name \(type.rawValue)")
        }
        #expect(svg.graphText.contains("Whole graph"))
    }

    @Test("PNG and PDF have their signatures and a real size", arguments: [RenderFormat.png, .pdf])
    func bitmapAndPDF(format: RenderFormat) throws {
        let picture = try renderExample().render(
            RenderSelection(scope: .around("ICESCO", depth: 1)), style: RenderStyle(language: .both, drawnOn: drawnOn),
            format: format)
        let signature: [UInt8] = format == .png ? [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] : Array("%PDF-".utf8)
        #expect(Array(picture.data.prefix(signature.count)) == signature)
        #expect(picture.data.count > 20_000, "a \(format) of 9 entities should not be \(picture.data.count) bytes")
    }

    @Test("Graphviz's JSON layout has every node")
    func jsonLayout() throws {
        let picture = try renderExample().render(RenderSelection(), style: RenderStyle(drawnOn: drawnOn), format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: picture.data) as? [String: Any])
        let objects = try #require(object["objects"] as? [[String: Any]])
        #expect(objects.count == 21)
    }

    @Test("a DOT syntax error becomes a typed error carrying Graphviz's message")
    func graphvizError() {
        #expect {
            try GraphvizRenderer.render(dot: "digraph { a -> }", format: .svg)
        } throws: { error in
            guard case let .graphviz(stage, message) = error as? RenderError else { return false }
            return stage == "read" && message.contains("syntax error")
        }
    }

    @Test("auto layout picks dot for small selections and sfdp for large ones")
    func autoLayout() {
        #expect(LayoutEngine.auto.resolved(nodes: 21, edges: 33) == .dot)
        #expect(LayoutEngine.auto.resolved(nodes: 1000, edges: 10_000) == .sfdp)
        #expect(LayoutEngine.auto.resolved(nodes: 100, edges: 1000) == .sfdp)
        #expect(LayoutEngine.neato.resolved(nodes: 1000, edges: 10_000) == .neato)
    }

    @Test("the format comes from the file's extension", arguments: [
        ("graph.png", RenderFormat.png), ("a.b.SVG", .svg), ("x.pdf", .pdf), ("x.gv", .dot), ("x.dot", .dot), ("x.json", .json),
    ])
    func formatFromExtension(file: String, format: RenderFormat) {
        #expect(RenderFormat(fileName: file) == format)
    }

    @Test("an unknown extension names no format")
    func unknownExtension() {
        #expect(RenderFormat(fileName: "graph.jpeg") == nil)
        #expect(RenderFormat(fileName: "graph") == nil)
    }
}

/// What a rendered SVG shows: the text of each node (by its `<title>`, the node's key) and
/// of the graph label, and the fonts used.
struct SVGSummary {
    var nodes: [String: String] = [:]
    var graphText = ""
    var allText = ""
    var fonts: Set<String> = []
    var nodeGroups = 0
    var edgeGroups = 0

    init(_ data: Data) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw SVGError.invalidXML(parser.parserError?.localizedDescription ?? "unknown")
        }
        nodes = delegate.nodes.mapValues { $0.joined(separator: " ") }
        graphText = delegate.graphText.joined(separator: " ")
        allText = delegate.allText.joined(separator: " ")
        fonts = delegate.fonts
        nodeGroups = delegate.nodeGroups
        edgeGroups = delegate.edgeGroups
    }

    enum SVGError: Error { case invalidXML(String) }

    private final class Delegate: NSObject, XMLParserDelegate {
        var nodes: [String: [String]] = [:]
        var graphText: [String] = []
        var allText: [String] = []
        var fonts: Set<String> = []
        var nodeGroups = 0
        var edgeGroups = 0
        private var groupClass: [String] = []
        private var currentTitle: String?
        private var element = ""
        private var buffer = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            element = name
            buffer = ""
            if name == "g" {
                let kind = attributes["class"] ?? ""
                groupClass.append(kind)
                if kind == "node" { nodeGroups += 1; currentTitle = nil }
                if kind == "edge" { edgeGroups += 1 }
            }
            if name == "text", let font = attributes["font-family"] { fonts.insert(font) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            buffer += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let kind = groupClass.last ?? ""
            if name == "title", kind == "node" {
                currentTitle = buffer
                nodes[buffer] = nodes[buffer] ?? []
            }
            if name == "text" {
                allText.append(buffer)
                if kind == "node", let title = currentTitle { nodes[title, default: []].append(buffer) }
                if kind == "graph" { graphText.append(buffer) }
            }
            if name == "g" { groupClass.removeLast() }
            buffer = ""
        }
    }
}
