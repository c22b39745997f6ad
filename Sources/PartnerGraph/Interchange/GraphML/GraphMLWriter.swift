/// Writes GraphML for networkx, igraph, Gephi and yEd, streaming.
///
/// Every attribute is declared as a typed `<key>` (`attr.type="string"`) with a generated id
/// (`d0`, `d1`, …) and the column's name in `attr.name`, kept exactly as the data has it. The
/// graph is directed; a node's id is its entity key and an edge's id is `r` and the relation's
/// row id. A `<data>` element is written only when there is a value. Names, notes and keys go
/// through `XMLEscaping`, which replaces the control characters XML 1.0 cannot carry by U+FFFD.
///
/// ```xml
/// <node id="icesco">
///   <data key="d1">icesco</data>
///   <data key="d2">organization</data>
///   <data key="d4">ICESCO</data>
///   <data key="d6">الإيسيسكو</data>
/// </node>
/// <edge id="r7" source="salim-m-almalik" target="icesco">
///   <data key="d14">heads</data>
/// </edge>
/// ```
///
/// The caller owns the sink: it commits it after ``end()``, or discards it after an error.
public struct GraphMLWriter: GraphExportWriter {
    private let sink: ExportSink
    private var columns: XMLExportColumns?
    /// The `<key>` ids of the fixed node columns, the alias languages and the free attributes.
    private var nodeKey: [NodeColumn: String] = [:]
    private var languageKeys: [String] = []
    private var attributeKeys: [String] = []
    private var edgeKey: [EdgeColumn: String] = [:]

    /// The fixed node columns; the alias languages follow `name_language`, the free attributes `note`.
    private enum NodeColumn: String {
        case key, type, kind, name, nameLanguage = "name_language", date, start, end, note, sources
    }

    /// The edge columns, in the order they are declared and written.
    private enum EdgeColumn: String, CaseIterable {
        case type, role, start, end, date, note, sources
    }

    /// A writer that writes to `sink`.
    public init(sink: ExportSink) {
        self.sink = sink
    }

    /// Writes the XML declaration, the `<key>` declarations and opens the graph.
    public mutating func begin(_ header: ExportHeader) throws {
        let columns = XMLExportColumns(header: header)
        self.columns = columns
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        var next = 0
        func declare(_ name: String, for domain: String) -> String {
            let id = "d\(next)"
            next += 1
            out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(XMLEscaping.attribute(name))\" attr.type=\"string\"/>\n"
            return id
        }
        let caption = declare("caption", for: "graph")
        let filters = declare("filters", for: "graph")
        let sources = header.sources.isEmpty ? nil : declare(XMLExportColumns.sourceDocuments, for: "graph")
        for column in [NodeColumn.key, .type, .kind, .name, .nameLanguage] {
            nodeKey[column] = declare(column.rawValue, for: "node")
        }
        languageKeys = header.aliasLanguages.map { declare(XMLExportColumns.nameColumn(language: $0), for: "node") }
        for column in [NodeColumn.date, .start, .end, .note] {
            nodeKey[column] = declare(column.rawValue, for: "node")
        }
        attributeKeys = header.attributeKeys.map { declare(XMLExportColumns.attributeColumn(key: $0), for: "node") }
        nodeKey[.sources] = declare(NodeColumn.sources.rawValue, for: "node")
        for column in EdgeColumn.allCases {
            edgeKey[column] = declare(column.rawValue, for: "edge")
        }
        out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        data(caption, header.caption, indent: "    ", to: &out)
        if !header.filters.isEmpty {
            data(filters, header.filters.joined(separator: "\n"), indent: "    ", to: &out)
        }
        if let sources {
            data(sources, XMLExportColumns.sourceDocumentsJSON(header.sources), indent: "    ", to: &out)
        }
        sink.write(out)
    }

    /// Writes one `<node>` with its `<data>`.
    public mutating func node(_ node: ExportNode) throws {
        guard let columns else { preconditionFailure("GraphMLWriter.node(_:) before begin(_:)") }
        let aliases = try columns.aliasColumns(of: node)
        let attributes = try columns.attributeColumns(of: node)
        var out = "    <node id=\"\(XMLEscaping.attribute(node.key))\">\n"
        func add(_ column: NodeColumn, _ value: String?) {
            if let value { data(nodeKey[column]!, value, indent: "      ", to: &out) }
        }
        add(.key, node.key)
        add(.type, node.type.rawValue)
        add(.kind, node.kind)
        add(.name, node.name)
        add(.nameLanguage, node.nameLanguage)
        for (index, names) in aliases {
            data(languageKeys[index], names, indent: "      ", to: &out)
        }
        add(.date, node.date?.description)
        add(.start, node.start?.description)
        add(.end, node.end?.description)
        add(.note, node.note)
        for (index, value) in attributes {
            data(attributeKeys[index], value, indent: "      ", to: &out)
        }
        add(.sources, XMLExportColumns.sources(node.citations))
        out += "    </node>\n"
        sink.write(out)
    }

    /// Writes one `<edge>` with its `<data>`.
    public mutating func edge(_ edge: ExportEdge) throws {
        var out = ""
        out.reserveCapacity(512)
        out += "    <edge id=\"r\(edge.id)\" source=\"\(XMLEscaping.attribute(edge.source))\" "
        out += "target=\"\(XMLEscaping.attribute(edge.target))\">\n"
        func add(_ column: EdgeColumn, _ value: String?) {
            if let value { data(edgeKey[column]!, value, indent: "      ", to: &out) }
        }
        add(.type, edge.type)
        add(.role, edge.role)
        add(.start, edge.start?.description)
        add(.end, edge.end?.description)
        add(.date, edge.date?.description)
        add(.note, edge.note)
        add(.sources, XMLExportColumns.sources(edge.citations))
        out += "    </edge>\n"
        sink.write(out)
    }

    /// Closes the graph and the document.
    public mutating func end() throws {
        sink.write("  </graph>\n</graphml>\n")
    }

    private func data(_ key: String, _ value: String, indent: String, to out: inout String) {
        out += indent
        out += "<data key=\""
        out += key
        out += "\">"
        out += XMLEscaping.text(value)
        out += "</data>\n"
    }
}
