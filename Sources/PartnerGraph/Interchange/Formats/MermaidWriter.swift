/// Writes the graph as a Mermaid `flowchart LR`, for a Markdown page (GitHub draws it).
///
/// ```
/// flowchart LR
///   classDef organization fill:#DBEAFE,stroke:#1D4ED8,color:#111827
///   …
///   n1["ICESCO<br/>الإيسيسكو"]:::organization
///   n2(["Salim M. AlMalik<br/>سالم بن محمد المالك"]):::person
///   n2 -->|"heads · Director-General"| n1
/// ```
///
/// Nodes are named `n1`, `n2` … in the order the entities arrive (key order), so no key reaches
/// the syntax. A label shows the name and, on a second line, the first Arabic alias that differs
/// from it. Shapes follow the type: organization rectangle, person stadium, agreement
/// parallelogram, event hexagon, place circle; each type has a `classDef` with the colours of
/// the rendered pictures. Edge labels are the relation's forward phrase and its role;
/// symmetric relations (`partner_of`) are drawn without an arrow. All user text goes through
/// ``MermaidText/label(_:)``.
///
/// Unlike the other writers this one keeps a map from every key to its node name, which is
/// why charts are limited to ``nodeLimit`` entities unless forced.
public struct MermaidWriter: GraphExportWriter {
    /// The largest chart written without `force`: beyond it a chart is unreadable on a page.
    public static let nodeLimit = 300

    private let sink: ExportSink
    private let force: Bool
    private var ids: [String: Int] = [:]
    private var phrases: [String: (phrase: String, symmetric: Bool)] = [:]

    /// A writer that writes to `sink`.
    ///
    /// - Parameters:
    ///   - sink: Where the chart goes; the caller commits or discards it.
    ///   - force: Writes charts of more than ``nodeLimit`` entities too.
    public init(sink: ExportSink, force: Bool = false) {
        self.sink = sink
        self.force = force
    }

    /// Writes `flowchart LR`, the comments that name the selection, and a `classDef` per entity type.
    ///
    /// - Throws: ``ExportError/tooLargeForMermaid(nodes:limit:)`` when the header announces more
    ///   than ``nodeLimit`` entities and the writer is not forced; nothing is written then.
    public mutating func begin(_ header: ExportHeader) throws {
        if header.nodeCount > Self.nodeLimit && !force {
            throw ExportError.tooLargeForMermaid(nodes: header.nodeCount, limit: Self.nodeLimit)
        }
        for type in header.relationTypes {
            phrases[type.name] = (type.forwardPhrase, type.symmetric)
        }
        sink.write("flowchart LR\n")
        sink.write("  %% PartnerGraph: " + MermaidText.label(header.caption) + "\n")
        for filter in header.filters {
            sink.write("  %% " + MermaidText.label(filter) + "\n")
        }
        for type in EntityType.allCases {
            let look = Self.look(type)
            sink.write("  classDef \(type.rawValue) fill:\(look.fill),stroke:\(look.stroke),color:#111827\n")
        }
    }

    /// Writes the entity's node, `n1`, `n2` … in arrival order, shaped and styled by its type.
    public mutating func node(_ node: ExportNode) throws {
        let id = ids.count + 1
        ids[node.key] = id
        var label = MermaidText.label(node.name)
        if let arabic = node.aliases.first(where: { $0.language == "ar" && $0.name != node.name }) {
            label += "<br/>" + MermaidText.label(arabic.name)
        }
        let shape = Self.look(node.type)
        sink.write("  n\(id)\(shape.open)\"\(label)\"\(shape.close):::\(node.type.rawValue)\n")
    }

    /// Writes the relation's edge, labelled with its phrase and role; a relation whose end was not
    /// exported is left out, with a comment that says so.
    public mutating func edge(_ edge: ExportEdge) throws {
        guard let source = ids[edge.source], let target = ids[edge.target] else {
            // The exporter sends only relations between exported entities; say so rather than
            // draw a bare node named after a key.
            sink.write("  %% relation \(edge.id) left out: an end was not exported\n")
            return
        }
        let known = phrases[edge.type]
        var text = MermaidText.label(known?.phrase ?? String(edge.type.map { $0 == "_" ? " " : $0 }))
        if let role = edge.role { text += " · " + MermaidText.label(role) }
        let arrow = known?.symmetric == true ? "---" : "-->"
        sink.write("  n\(source) \(arrow)|\"\(text)\"| n\(target)\n")
    }

    /// Writes nothing: a flowchart needs no closing.
    public mutating func end() throws {}

    /// The shape and colours of a type, the colours as in the rendered pictures.
    private static func look(_ type: EntityType) -> (open: String, close: String, fill: String, stroke: String) {
        switch type {
        case .organization: return ("[", "]", "#DBEAFE", "#1D4ED8")
        case .person: return ("([", "])", "#FFEDD5", "#C2410C")
        case .agreement: return ("[/", "/]", "#DCFCE7", "#15803D")
        case .event: return ("{{", "}}", "#F3E8FF", "#7E22CE")
        case .place: return ("((", "))", "#FEF3C7", "#B45309")
        }
    }
}
