/// Writes GEXF 1.3 for Gephi, streaming, with the dates as time intervals so that Gephi's
/// timeline plays the graph.
///
/// The graph is `mode="dynamic"` with `timeformat="date"`. A relation or entity with dates
/// gets `start` and `end` attributes that are whole days, since GEXF has no partial dates: a
/// start is the first day its partial date covers and an end the last (`start 2024` →
/// `start="2024-01-01"`, `end 2024` → `end="2024-12-31"`, `end 2024-02` → `end="2024-02-29"`);
/// a one-time `date` gives both, so `date 2024-03` spans March. Without dates there are no such
/// attributes, which Gephi reads as "always". The partial dates as written are kept in the
/// `dates` attribute (`2022–2024`, `since 2024-03`).
///
/// A node's `label` is the entity's name and an edge's is the relation type; the other fields
/// are declared `<attributes>` with the column names ``GraphMLWriter`` uses (`key`, `type`,
/// `kind`, `name_language`, `name_<lang>`, `note`, `attr_<key>`, `sources`; for edges `type`,
/// `role`, `note`, `sources`). Node ids are entity keys, edge ids `r` and the relation's row id.
/// Text goes through `XMLEscaping`, as for GraphML.
///
/// The caller owns the sink: it commits it after ``end()``, or discards it after an error.
public struct GEXFWriter: GraphExportWriter {
    private let sink: ExportSink
    private var columns: XMLExportColumns?
    private var section = Section.start
    /// The attribute ids of the alias languages and free attributes, after the fixed ones.
    private var languageIDs: [String] = []
    private var attributeIDs: [String] = []

    private enum Section { case start, nodes, edges }

    /// The fixed node attributes; their ids are their positions.
    private enum NodeAttribute: String, CaseIterable {
        case key, type, kind, nameLanguage = "name_language", dates, note, sources
        var id: String { String(Self.allCases.firstIndex(of: self)!) }
    }

    /// The edge attributes; their ids are their positions.
    private enum EdgeAttribute: String, CaseIterable {
        case type, role, dates, note, sources
        var id: String { String(Self.allCases.firstIndex(of: self)!) }
    }

    /// A writer that writes to `sink`.
    public init(sink: ExportSink) {
        self.sink = sink
    }

    /// Writes the document's head and the attribute declarations, and opens the node list.
    public mutating func begin(_ header: ExportHeader) throws {
        columns = XMLExportColumns(header: header)
        let description = ([header.caption] + header.filters).joined(separator: " · ")
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta>
                <creator>PartnerGraph</creator>
                <description>\(XMLEscaping.text(description))</description>
              </meta>
              <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
                <attributes class="node">

            """
        func declare(_ id: String, _ title: String) {
            out += "      <attribute id=\"\(id)\" title=\"\(XMLEscaping.attribute(title))\" type=\"string\"/>\n"
        }
        var next = NodeAttribute.allCases.count
        func nextID() -> String {
            defer { next += 1 }
            return String(next)
        }
        for attribute in NodeAttribute.allCases {
            declare(attribute.id, attribute.rawValue)
        }
        languageIDs = header.aliasLanguages.map { language in
            let id = nextID()
            declare(id, XMLExportColumns.nameColumn(language: language))
            return id
        }
        attributeIDs = header.attributeKeys.map { key in
            let id = nextID()
            declare(id, XMLExportColumns.attributeColumn(key: key))
            return id
        }
        out += "    </attributes>\n    <attributes class=\"edge\">\n"
        for attribute in EdgeAttribute.allCases {
            declare(attribute.id, attribute.rawValue)
        }
        out += "    </attributes>\n    <nodes>\n"
        section = .nodes
        sink.write(out)
    }

    /// Writes one `<node>`.
    public mutating func node(_ node: ExportNode) throws {
        guard let columns, section == .nodes else { preconditionFailure("GEXFWriter.node(_:) outside the node list") }
        let aliases = try columns.aliasColumns(of: node)
        let attributes = try columns.attributeColumns(of: node)
        var out = "      <node id=\"\(XMLEscaping.attribute(node.key))\" label=\"\(XMLEscaping.attribute(node.name))\""
        Self.interval(date: node.date, start: node.start, end: node.end, to: &out)
        out += ">\n        <attvalues>\n"
        func add(_ id: String, _ value: String?) {
            if let value { out += "          <attvalue for=\"\(id)\" value=\"\(XMLEscaping.attribute(value))\"/>\n" }
        }
        add(NodeAttribute.key.id, node.key)
        add(NodeAttribute.type.id, node.type.rawValue)
        add(NodeAttribute.kind.id, node.kind)
        add(NodeAttribute.nameLanguage.id, node.nameLanguage)
        add(NodeAttribute.dates.id, Self.summary(date: node.date, start: node.start, end: node.end))
        add(NodeAttribute.note.id, node.note)
        add(NodeAttribute.sources.id, XMLExportColumns.sources(node.citations))
        for (index, names) in aliases {
            add(languageIDs[index], names)
        }
        for (index, value) in attributes {
            add(attributeIDs[index], value)
        }
        out += "        </attvalues>\n      </node>\n"
        sink.write(out)
    }

    /// Writes one `<edge>`, closing the node list before the first.
    public mutating func edge(_ edge: ExportEdge) throws {
        var out = ""
        out.reserveCapacity(512)
        switch section {
        case .start: preconditionFailure("GEXFWriter.edge(_:) before begin(_:)")
        case .nodes: out += "    </nodes>\n    <edges>\n"
        case .edges: break
        }
        section = .edges
        out += "      <edge id=\"r\(edge.id)\" source=\"\(XMLEscaping.attribute(edge.source))\" "
        out += "target=\"\(XMLEscaping.attribute(edge.target))\" label=\"\(XMLEscaping.attribute(edge.type))\""
        Self.interval(date: edge.date, start: edge.start, end: edge.end, to: &out)
        out += ">\n        <attvalues>\n"
        func add(_ attribute: EdgeAttribute, _ value: String?) {
            guard let value else { return }
            out += "          <attvalue for=\""
            out += attribute.id
            out += "\" value=\""
            out += XMLEscaping.attribute(value)
            out += "\"/>\n"
        }
        add(.type, edge.type)
        add(.role, edge.role)
        add(.dates, Self.summary(date: edge.date, start: edge.start, end: edge.end))
        add(.note, edge.note)
        add(.sources, XMLExportColumns.sources(edge.citations))
        out += "        </attvalues>\n      </edge>\n"
        sink.write(out)
    }

    /// Closes the lists, the graph and the document.
    public mutating func end() throws {
        switch section {
        case .start: preconditionFailure("GEXFWriter.end() before begin(_:)")
        case .nodes: sink.write("    </nodes>\n    <edges>\n    </edges>\n")
        case .edges: sink.write("    </edges>\n")
        }
        sink.write("  </graph>\n</gexf>\n")
    }

    /// The ` start="…" end="…"` attributes of a fact's dates: the period's first and last days,
    /// or the days a one-time date covers; empty when there are no dates.
    static func interval(date: PartialDate?, start: PartialDate?, end: PartialDate?) -> String {
        var text = ""
        interval(date: date, start: start, end: end, to: &text)
        return text
    }

    static func interval(date: PartialDate?, start: PartialDate?, end: PartialDate?, to text: inout String) {
        var from = start, to = end
        if from == nil && to == nil {
            from = date
            to = date
        }
        if let from {
            text += " start=\""
            text += from.firstDay
            text += "\""
        }
        if let to {
            text += " end=\""
            text += to.lastDay
            text += "\""
        }
    }

    /// The dates as written: `2024-03-26`, `2022–2024`, `since 2024-03`, `until 2020`.
    static func summary(date: PartialDate?, start: PartialDate?, end: PartialDate?) -> String? {
        switch (date, start, end) {
        case let (date?, nil, nil): return date.description
        case let (date?, start, end): return "\(date) (\(summary(date: nil, start: start, end: end)!))"
        case let (nil, start?, end?): return "\(start)–\(end)"
        case let (nil, start?, nil): return "since \(start)"
        case let (nil, nil, end?): return "until \(end)"
        case (nil, nil, nil): return nil
        }
    }
}
