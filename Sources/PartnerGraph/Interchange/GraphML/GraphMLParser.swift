import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A GraphML file as written, before it means anything to PartnerGraph: its keys, and its
/// nodes and edges with their `<data>` by key id. Nested graphs (yEd's groups) are flattened.
struct RawGraphML {
    struct Key {
        var id: String
        var name: String?
        /// `attr.type` as written; `nil` when absent (GraphML's default is `string`).
        var type: String?
        /// `for` as written: `node`, `edge`, `graph`, `all` …
        var domain: String
        var defaultValue: String?
        /// yEd's `yfiles.type` (`nodegraphics`, `edgegraphics`, `resources` …): layout, not data.
        var yfilesType: String?
        var line: Int
    }

    struct Data {
        var key: String
        var value: String
        var line: Int
    }

    struct Element {
        var id: String?
        var line: Int
        var data: [Data] = []
        /// The first `y:NodeLabel` or `y:EdgeLabel` text of yEd's graphics.
        var graphicsLabel: String?
        var source: String?
        var target: String?
        var directed = true
    }

    var keys: [Key] = []
    var nodes: [Element] = []
    var edges: [Element] = []
    /// The `<data>` of the graph itself (of the outermost graph, and of nested ones).
    var graphData: [Data] = []
}

/// Reads GraphML with Foundation's `XMLParser` into a ``RawGraphML``.
///
/// External entities are never loaded. ``GraphMLReader`` refuses any file with a DOCTYPE or an
/// entity declaration before it gets here, which is the lock that matters: FoundationXML on Linux
/// parses with libxml2's entity substitution on and does not pass internal entity declarations
/// to the delegate. The declaration callbacks below abort the parse where they are delivered
/// (Darwin's parser, and element, attribute and notation declarations on Linux): a second lock.
final class GraphMLParser: NSObject, XMLParserDelegate {
    enum Refusal: Equatable {
        case notGraphML(root: String)
        case declaration(line: Int)
    }

    private(set) var graph = RawGraphML()
    private(set) var refusal: Refusal?
    /// Problems found while parsing (hyperedges, bad `edgedefault`), as line and message.
    private(set) var problems: [(line: Int, message: String)] = []

    private enum Owner {
        case graphml
        case graph(directed: Bool)
        case node(Int)
        case edge(Int)
        case key(Int)
        case other
    }

    /// A `<data>` (or a key's `<default>`) being read.
    private struct OpenValue {
        var key: String
        var line: Int
        var owner: Owner
        var isDefault = false
        /// How deep inside the value element the parser is: 0 is the element's own text.
        var depth = 0
        var text = ""
        var labelDepth: Int?
        var labelText = ""
        var label: String?
    }

    private var owners: [Owner] = []
    private var value: OpenValue?
    private var sawRoot = false
    /// Whether the file has a `<graph>`.
    private(set) var sawGraph = false

    /// The first error the parser reported: libxml2's code, line and column.
    private var firstError: (code: Int, line: Int, column: Int)?

    /// Parses `data`; afterwards ``graph``, ``refusal`` and ``problems`` tell what was found.
    ///
    /// - Returns: the first error when the XML is not well formed: libxml2's code, line and column.
    ///   (FoundationXML parses in libxml2's recovery mode, where `parse()` may succeed on a
    ///   broken file: the errors reported on the way are what count.)
    func parse(_ data: Data) -> (code: Int, line: Int, column: Int)? {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = self
        let parsed = parser.parse()
        if refusal != nil { return nil }
        if let firstError { return firstError }
        if !parsed {
            let code = (parser.parserError as NSError?)?.code ?? -1
            return (code, parser.lineNumber, parser.columnNumber)
        }
        return nil
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        let code = (parseError as NSError).code
        guard firstError == nil, !XMLErrorWords.warnings.contains(code) else { return }
        firstError = (code, parser.lineNumber, parser.columnNumber)
    }

    private func refuse(_ reason: Refusal, _ parser: XMLParser) {
        if refusal == nil { refusal = reason }
        parser.abortParsing()
    }

    /// The element's name without its namespace prefix: `y:NodeLabel` → `NodeLabel`.
    private func localName(_ name: String) -> Substring {
        name.split(separator: ":").last ?? Substring(name)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        let name = localName(elementName)
        let line = parser.lineNumber
        if !sawRoot {
            sawRoot = true
            guard name == "graphml" else { return refuse(.notGraphML(root: String(name)), parser) }
            owners.append(.graphml)
            return
        }
        if var open = value {
            open.depth += 1
            if open.label == nil, open.labelDepth == nil, name == "NodeLabel" || name == "EdgeLabel" {
                open.labelDepth = open.depth
                open.labelText = ""
            }
            value = open
            return
        }
        switch name {
        case "key":
            graph.keys.append(
                RawGraphML.Key(
                    id: attributes["id"] ?? "", name: attributes["attr.name"], type: attributes["attr.type"],
                    domain: attributes["for"] ?? "all", yfilesType: attributes["yfiles.type"], line: line))
            owners.append(.key(graph.keys.count - 1))
        case "default":
            if case .key(let index)? = owners.last {
                value = OpenValue(key: graph.keys[index].id, line: line, owner: .key(index), isDefault: true)
            } else {
                owners.append(.other)
            }
        case "graph":
            sawGraph = true
            let edgeDefault = attributes["edgedefault"]
            if let edgeDefault, edgeDefault != "directed" && edgeDefault != "undirected" {
                problems.append((line, "the graph's edgedefault is \"\(edgeDefault)\"; use directed or undirected"))
            }
            owners.append(.graph(directed: edgeDefault != "undirected"))
        case "node":
            graph.nodes.append(RawGraphML.Element(id: attributes["id"], line: line))
            owners.append(.node(graph.nodes.count - 1))
        case "edge":
            var edge = RawGraphML.Element(
                id: attributes["id"], line: line, source: attributes["source"], target: attributes["target"])
            edge.directed = currentGraphDirected
            if let directed = attributes["directed"] {
                switch directed.lowercased() {
                case "true", "1": edge.directed = true
                case "false", "0": edge.directed = false
                default: problems.append((line, "the edge's directed attribute is \"\(directed)\"; use true or false"))
                }
            }
            graph.edges.append(edge)
            owners.append(.edge(graph.edges.count - 1))
        case "hyperedge":
            problems.append(
                (line, "the file has a hyperedge, which PartnerGraph cannot hold: a relation joins two entities; "
                    + "replace it by edges"))
            owners.append(.other)
        case "data":
            value = OpenValue(key: attributes["key"] ?? "", line: line, owner: owners.last ?? .other)
        default:
            owners.append(.other)
        }
    }

    private var currentGraphDirected: Bool {
        for owner in owners.reversed() {
            if case .graph(let directed) = owner { return directed }
        }
        return true
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard var open = value else {
            if !owners.isEmpty { owners.removeLast() }
            return
        }
        if open.depth > 0 {
            if open.labelDepth == open.depth {
                let label = open.labelText.trimmingCharacters(in: .whitespacesAndNewlines)
                if !label.isEmpty { open.label = label }
                open.labelDepth = nil
            }
            open.depth -= 1
            value = open
            return
        }
        value = nil
        switch open.owner {
        case .key(let index) where open.isDefault:
            graph.keys[index].defaultValue = open.text
        case .node(let index):
            graph.nodes[index].data.append(RawGraphML.Data(key: open.key, value: open.text, line: open.line))
            if graph.nodes[index].graphicsLabel == nil { graph.nodes[index].graphicsLabel = open.label }
        case .edge(let index):
            graph.edges[index].data.append(RawGraphML.Data(key: open.key, value: open.text, line: open.line))
            if graph.edges[index].graphicsLabel == nil { graph.edges[index].graphicsLabel = open.label }
        case .graph:
            graph.graphData.append(RawGraphML.Data(key: open.key, value: open.text, line: open.line))
        default:
            break  // yEd's resources, data of unknown elements
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard var open = value else { return }
        if open.labelDepth != nil {
            open.labelText += string
        } else if open.depth == 0 {
            open.text += string
        }
        value = open
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    // Any declaration means a DTD: refuse (GraphMLReader has refused such files already).

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuse(.declaration(line: parser.lineNumber), parser)
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuse(.declaration(line: parser.lineNumber), parser)
    }

    func parser(
        _ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?, systemID: String?,
        notationName: String?
    ) {
        refuse(.declaration(line: parser.lineNumber), parser)
    }

    func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
        refuse(.declaration(line: parser.lineNumber), parser)
    }

    func parser(
        _ parser: XMLParser, foundAttributeDeclarationWithName attributeName: String, forElement elementName: String,
        type: String?, defaultValue: String?
    ) {
        refuse(.declaration(line: parser.lineNumber), parser)
    }

    func parser(_ parser: XMLParser, foundNotationDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuse(.declaration(line: parser.lineNumber), parser)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        refuse(.declaration(line: parser.lineNumber), parser)
        return nil
    }
}
