/// Writes a ``RenderGraph`` as DOT text: pure and deterministic, the same graph and style
/// always give the same text.
///
/// Every piece of user text (names, roles, titles) goes through ``DOTEscaping/htmlText(_:)``
/// into an HTML-like label; identifiers are entity keys or row ids. English text uses
/// Noto Sans and Arabic text Noto Sans Arabic, which Graphviz's Pango renderer shapes and
/// lays out right to left.
///
/// ```swift
/// let dot = DOTWriter(style: RenderStyle(language: .both)).dot(for: graph)
/// ```
public struct DOTWriter: Sendable {
    /// How the picture looks: names, labels, title, legend, clusters and layout.
    public var style: RenderStyle

    /// The font for Latin text (from fonts-noto-core).
    public static let latinFont = "Noto Sans"
    /// The font named for Arabic text (from fonts-noto-core), which Pango shapes right to left.
    public static let arabicFont = "Noto Sans Arabic"
    /// Above this many relations, force-directed layouts draw straight edges.
    public static let splineEdgeLimit = 200

    /// A writer that draws in `style`.
    public init(style: RenderStyle) {
        self.style = style
    }

    /// The DOT text for `graph`, laid out by `style.layout` resolved for the graph's size.
    public func dot(for graph: RenderGraph) -> String {
        let engine = style.layout.resolved(nodes: graph.nodes.count, edges: graph.edges.count)
        let large = graph.nodes.count > 300
        let labels: RenderStyle.LabelDetail =
            style.labels == .auto ? (graph.edges.count > RenderStyle.autoLabelLimit ? .none : .full) : style.labels
        var out = "digraph \"partnergraph\" {\n"
        out += "  graph [" + attributes(graphAttributes(engine: engine, graph: graph, large: large)) + "]\n"
        out += "  node [" + attributes([
            ("fontname", DOTEscaping.quoted(Self.latinFont)), ("fontsize", large ? "10" : "11"),
            ("fontcolor", q("#111827")), ("penwidth", "1.3"), ("margin", q("0.16,0.11")),
        ]) + "]\n"
        out += "  edge [" + attributes([
            ("fontname", DOTEscaping.quoted(Self.latinFont)), ("fontsize", "9"), ("fontcolor", q("#374151")),
            ("color", q(Palette.edge)), ("arrowsize", "0.7"), ("penwidth", large ? "0.6" : "1.1"),
        ]) + "]\n"

        let byKey = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.key, $0) })
        let groups = style.cluster == .none || !engine.supportsClusters ? [] : clusters(for: graph)
        var clustered = Set<String>()
        for (index, group) in groups.enumerated() {
            guard let root = byKey[group.root] else { continue }
            out += "  subgraph \"cluster_\(index + 1)\" {\n"
            out += "    graph [" + attributes([
                ("label", "<" + clusterLabel(for: root) + ">"), ("style", q("rounded,filled")),
                ("fillcolor", q("#F8FAFC")), ("color", q("#94A3B8")), ("penwidth", "1"),
                ("fontname", DOTEscaping.quoted(Self.latinFont)), ("fontsize", "12"), ("fontcolor", q("#334155")),
                // Arabic names read from the right; so does their box's label.
                ("labeljust", q(style.language == .ar ? "r" : "l")), ("margin", "12"),
            ]) + "]\n"
            for key in group.members {
                guard let node = byKey[key] else { continue }
                out += "    " + statement(for: node, graph: graph, large: large) + "\n"
                clustered.insert(key)
            }
            out += "  }\n"
        }
        for node in graph.nodes where !clustered.contains(node.key) {
            out += "  " + statement(for: node, graph: graph, large: large) + "\n"
        }
        for edge in graph.edges {
            guard let source = byKey[edge.source], let target = byKey[edge.target] else { continue }
            out += "  " + DOTEscaping.nodeID(key: source.key, id: source.id) + " -> "
                + DOTEscaping.nodeID(key: target.key, id: target.id)
            let attrs = edgeAttributes(edge, labels: labels, pathShown: graph.pathCount > 0)
            out += attrs.isEmpty ? "\n" : " [" + attributes(attrs) + "]\n"
        }
        out += "}\n"
        return out
    }

    // MARK: - Graph

    private func graphAttributes(engine: LayoutEngine, graph: RenderGraph, large: Bool) -> [(String, String)] {
        var attrs: [(String, String)] = [
            ("layout", engine.rawValue), ("charset", q("UTF-8")), ("fontname", DOTEscaping.quoted(Self.latinFont)),
            ("bgcolor", q("white")), ("pad", q("0.4")), ("outputorder", q("edgesfirst")),
            ("labelloc", q("t")), ("labeljust", q("c")),
            ("label", "<" + titleLabel(for: graph) + ">"),
        ]
        // Routing splines around nodes costs more than the layout beyond a few hundred
        // relations (8 s for 100 nodes and 642 relations with sfdp); straight lines then.
        let curved = graph.edges.count <= Self.splineEdgeLimit
        switch engine {
        case .dot, .auto:
            attrs += [("rankdir", q("TB")), ("newrank", "true"), ("nodesep", q("0.35")), ("ranksep", q("0.7"))]
        case .neato, .fdp:
            attrs += [("overlap", q("false")), ("splines", q(curved ? "true" : "false")), ("sep", q("+12")), ("esep", q("+6"))]
        case .sfdp:
            attrs += [("overlap", q("prism")), ("splines", q(curved ? "true" : "false")), ("sep", q("+6"))]
        case .circo:
            attrs += [("overlap", q("false")), ("splines", q("true")), ("mindist", q("0.6"))]
        case .twopi:
            attrs += [("overlap", q("false")), ("splines", q("true")), ("ranksep", q("2.2"))]
            if let center = graph.center, let node = graph.nodes.first(where: { $0.key == center }) {
                attrs.append(("root", DOTEscaping.nodeID(key: node.key, id: node.id)))
            }
        }
        if large {
            // A bound on the picture: cairo cannot draw a surface beyond 32,767 pixels a side.
            attrs.append(("size", q("100,100")))
        }
        return attrs
    }

    /// The title, the line under it (size, filters, and the date drawn when ``RenderStyle/drawnOn``
    /// gives one), and the legend: in Arabic, laid out right to left, with ``RenderStyle/NameLanguage/ar``.
    func titleLabel(for graph: RenderGraph) -> String {
        let words = PictureWords(language: style.language)
        let byKey = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.key, $0) })
        let defaultTitle = words.title(for: graph) { key in
            byKey[key].map { arabicName(of: $0) ?? $0.name } ?? key
        }
        let facts = words.facts(for: graph, drawnOn: style.drawnOn)
        // A title given with --title is the user's own text, in whatever language they wrote it.
        let arabicTitle = words.arabic && style.title == nil
        let face = words.arabic ? " FACE=\"\(Self.arabicFont)\"" : ""
        var rows = "<TR><TD><FONT\(arabicTitle ? face : "") POINT-SIZE=\"20\"><B>"
            + lines(style.title ?? defaultTitle, width: 90, limit: 3, isolated: arabicTitle) + "</B></FONT></TD></TR>"
        rows += "<TR><TD><FONT\(face) POINT-SIZE=\"11\" COLOR=\"#4B5563\">"
            + DOTEscaping.htmlText(words.isolated(facts.joined(separator: "  ·  "))) + "</FONT></TD></TR>"
        if style.legend {
            rows += "<TR><TD>" + legend(for: graph, words: words) + "</TD></TR>"
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">" + rows + "</TABLE>"
    }

    /// One swatch per entity type present, then the line styles in use; right to left in Arabic,
    /// where each word and its sample stand in cells of their own, so that no renderer has to
    /// guess the direction of text that mixes them.
    private func legend(for graph: RenderGraph, words: PictureWords) -> String {
        let types = Set(graph.nodes.map(\.type))
        var entries: [String] = []
        let face = words.arabic ? " FACE=\"\(Self.arabicFont)\"" : ""
        for type in EntityType.allCases where types.contains(type) {
            let look = Palette.look(for: type)
            let text = words.arabic
                ? "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>"
                    + "<TD><FONT\(face) POINT-SIZE=\"10\">\(words.typeName(type))</FONT></TD>"
                    + "<TD><FONT POINT-SIZE=\"10\"> \(look.symbol)</FONT></TD></TR></TABLE>"
                : "<FONT POINT-SIZE=\"10\">\(look.symbol) \(type.rawValue)</FONT>"
            entries.append(
                "<TD BORDER=\"1\" STYLE=\"rounded\" COLOR=\"\(look.border)\" BGCOLOR=\"\(look.fill)\">" + text + "</TD>")
        }
        func line(_ sample: String, _ label: String, color: String, bold: Bool = false) -> String {
            let (open, close) = bold ? ("<B>", "</B>") : ("", "")
            guard words.arabic else {
                return "<TD><FONT POINT-SIZE=\"10\" COLOR=\"\(color)\">\(open)\(sample) \(label)\(close)</FONT></TD>"
            }
            // The arrow points at its word, as it does in English.
            let mirrored = String(sample.reversed()).replacingOccurrences(of: "▶", with: "◀")
            return "<TD><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>"
                + "<TD><FONT\(face) POINT-SIZE=\"10\" COLOR=\"\(color)\">\(open)\(label)\(close)</FONT></TD>"
                + "<TD><FONT POINT-SIZE=\"10\" COLOR=\"\(color)\">\(open) \(mirrored)\(close)</FONT></TD></TR></TABLE></TD>"
        }
        entries.append(line("───▶", words.relation, color: "#374151"))
        if graph.edges.contains(where: \.ended) {
            entries.append(line("╌╌╌▶", words.ended, color: Palette.ended))
        }
        if graph.pathCount > 0 {
            entries.append(line("━━━▶", words.shortestConnections(graph.pathCount), color: Palette.path, bold: true))
        }
        let cells = (words.arabic ? entries.reversed() : entries).joined()
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"5\" CELLPADDING=\"4\"><TR>" + cells + "</TR></TABLE>"
    }

    // MARK: - Nodes

    private func statement(for node: RenderGraph.Node, graph: RenderGraph, large: Bool) -> String {
        let look = Palette.look(for: node.type)
        let faded = graph.pathCount > 0 && !node.highlighted
        var attrs: [(String, String)] = [
            ("label", "<" + nodeLabel(for: node, large: large) + ">"),
            ("shape", look.shape), ("style", q(look.style)),
            ("fillcolor", q(faded ? look.fadedFill : look.fill)),
            ("color", q(node.highlighted ? Palette.path : faded ? look.fadedBorder : look.border)),
        ]
        if let margin = look.margin { attrs.append(("margin", q(margin))) }
        if node.highlighted { attrs.append(("penwidth", "3")) }
        if faded { attrs.append(("fontcolor", q("#4B5563"))) }
        return DOTEscaping.nodeID(key: node.key, id: node.id) + " [" + attributes(attrs) + "]"
    }

    /// The node's names in the chosen languages, and its date when it has one.
    func nodeLabel(for node: RenderGraph.Node, large: Bool) -> String {
        var parts: [String] = []
        let arabic = arabicName(of: node)
        let english = node.nameLanguage == "ar" ? nil : node.name
        switch style.language {
        case .en:
            parts.append(english.map { latin($0, size: 11) } ?? arabicText(arabic ?? node.name))
        case .ar:
            parts.append(arabic.map { arabicText($0) } ?? latin(node.name, size: 11))
        case .both:
            if let english { parts.append(latin(english, size: 11)) }
            if let arabic { parts.append(arabicText(arabic)) }
            if parts.isEmpty { parts.append(latin(node.name, size: 11)) }
        }
        if !large, let dates = node.dates {
            parts.append("<FONT POINT-SIZE=\"9\" COLOR=\"#4B5563\">" + DOTEscaping.htmlText(dates) + "</FONT>")
        }
        if parts.count == 1 { return parts[0] }
        // One row per block: Graphviz measures Arabic lines a little short, and the cell
        // padding keeps the next block clear of its descenders.
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
            + parts.map { "<TR><TD>" + $0 + "</TD></TR>" }.joined() + "</TABLE>"
    }

    private func arabicName(of node: RenderGraph.Node) -> String? {
        node.nameLanguage == "ar" ? node.name : node.arabicNames.first
    }

    private func latin(_ text: String, size: Int) -> String {
        "<FONT POINT-SIZE=\"\(size)\">" + lines(text, width: 26, limit: 4) + "</FONT>"
    }

    private func arabicText(_ text: String) -> String {
        "<FONT FACE=\"\(Self.arabicFont)\" POINT-SIZE=\"12\">" + lines(text, width: 30, limit: 4) + "</FONT>"
    }

    private func clusterLabel(for root: RenderGraph.Node) -> String {
        let name: String
        switch style.language {
        case .en: name = root.nameLanguage == "ar" ? (arabicName(of: root) ?? root.name) : root.name
        case .ar: name = arabicName(of: root) ?? root.name
        case .both: name = [root.name, arabicName(of: root)].compactMap { $0 }.reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) } }.joined(separator: " · ")
        }
        let face = style.language == .ar && arabicName(of: root) != nil ? " FACE=\"\(Self.arabicFont)\"" : ""
        return "<FONT\(face)><B>" + lines(name, width: 60, limit: 2) + "</B></FONT>"
    }

    // MARK: - Edges

    private func edgeAttributes(_ edge: RenderGraph.Edge, labels: RenderStyle.LabelDetail, pathShown: Bool) -> [(String, String)] {
        var attrs: [(String, String)] = []
        if labels != .none {
            var parts: [String] = []
            let phrase = style.language == .ar ? (Self.arabicPhrases[edge.type] ?? edge.phrase) : edge.phrase
            let face = style.language == .ar && Self.arabicPhrases[edge.type] != nil ? " FACE=\"\(Self.arabicFont)\"" : ""
            parts.append(face.isEmpty ? DOTEscaping.htmlText(phrase) : "<FONT\(face)>" + DOTEscaping.htmlText(phrase) + "</FONT>")
            if labels == .full {
                if let role = edge.role { parts.append("<I>" + lines(role, width: 28, limit: 3) + "</I>") }
                if let dates = edge.dates { parts.append(DOTEscaping.htmlText(dates)) }
            }
            // A white ground keeps the label legible where other edges cross it.
            attrs.append((
                "label",
                "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLPADDING=\"1\" CELLSPACING=\"0\" BGCOLOR=\"#FFFFFFD9\"><TR><TD>"
                    + parts.joined(separator: "<BR/>") + "</TD></TR></TABLE>>"))
        }
        if edge.symmetric { attrs.append(("dir", q("none"))) }
        if edge.highlighted {
            attrs += [("color", q(Palette.path)), ("fontcolor", q(Palette.path)), ("penwidth", "3.2"), ("arrowsize", "0.9")]
        } else if edge.ended {
            attrs += [("style", q("dashed")), ("color", q(Palette.ended)), ("fontcolor", q(Palette.ended))]
        } else if pathShown {
            attrs += [("color", q("#B8BEC8")), ("fontcolor", q("#6B7280"))]
        }
        if edge.highlighted && edge.ended { attrs.append(("style", q("dashed"))) }
        return attrs
    }

    /// The forward phrases of the built-in relation types in Arabic, for `--lang ar`.
    static let arabicPhrases: [String: String] = [
        "heads": "يرأس", "works_for": "يعمل لدى", "member_of": "عضو في", "observer_of": "مراقب في",
        "part_of": "جزء من", "partner_of": "شريك", "party_to": "طرف في", "signed": "وقّع",
        "participated_in": "شارك في", "organized": "نظّم", "co_organized": "شارك في تنظيم",
        "held_in": "عُقد في", "located_in": "يقع في", "implements": "ينفّذ",
    ]

    // MARK: - Clusters

    struct Cluster: Hashable {
        var root: String
        var members: [String]
    }

    /// The groups `style.cluster` asks for, each with at least two members, in root-key order.
    func clusters(for graph: RenderGraph) -> [Cluster] {
        let byKey = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.key, $0) })
        let containers: Set<String> = style.cluster == .country ? ["located_in", "held_in", "part_of"] : ["part_of"]
        var up: [String: [String]] = [:]
        for edge in graph.edges where containers.contains(edge.type) {
            up[edge.source, default: []].append(edge.target)
        }
        func isCountry(_ key: String) -> Bool {
            guard let kind = byKey[key]?.kind?.lowercased() else { return false }
            return kind == "country" || kind == "state"
        }
        func root(of key: String) -> String? {
            var visited: Set<String> = [key]
            var current = key
            // Follows the first container upwards; the edges are in a fixed order, so the result is too.
            while true {
                if style.cluster == .country && isCountry(current) { return current }
                guard let next = up[current]?.first(where: { !visited.contains($0) }) else {
                    return style.cluster == .parent && current != key ? current : nil
                }
                visited.insert(next)
                current = next
            }
        }
        var members: [String: [String]] = [:]
        for node in graph.nodes {
            if let root = root(of: node.key) { members[root, default: []].append(node.key) }
        }
        return members.keys.sorted().compactMap { root in
            var list = members[root]!
            if !list.contains(root) { list.insert(root, at: 0) }
            return list.count >= 2 ? Cluster(root: root, members: list.sorted()) : nil
        }
    }

    // MARK: - Text

    /// `text` broken into lines of about `width` characters at spaces (and at its own line
    /// breaks), at most `limit` lines, escaped, joined by `<BR/>`.
    ///
    /// With `isolated`, each line is isolated right to left (see ``PictureWords/isolated(_:)``).
    func lines(_ text: String, width: Int, limit: Int, isolated: Bool = false) -> String {
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        var result: [String] = []
        var truncated = false
        outer: for paragraph in paragraphs {
            let words = paragraph.split(separator: " ", omittingEmptySubsequences: false)
            for line in Self.balancedLines(words, width: width) {
                if result.count == limit { truncated = true; break outer }
                result.append(line)
            }
        }
        if truncated || result.contains(where: { $0.count > width * 3 }) {
            result = result.map { $0.count > width * 3 ? String($0.prefix(width * 3)) + "…" : $0 }
            if truncated, let last = result.popLast() { result.append(last.hasSuffix("…") ? last : last + " …") }
        }
        return result.map { DOTEscaping.htmlText(isolated ? "\u{2067}" + $0 + "\u{2069}" : $0) }.joined(separator: "<BR/>")
    }

    /// Greedy line filling at the narrowest width that still needs no more lines than
    /// `width` would: lines of about equal length, no word left alone on the last one.
    static func balancedLines(_ words: [Substring], width: Int) -> [String] {
        func fill(_ target: Int) -> [String] {
            var lines: [String] = []
            var line = ""
            for word in words {
                if !line.isEmpty && line.count + 1 + word.count > target {
                    lines.append(line)
                    line = ""
                }
                line += line.isEmpty ? String(word) : " " + word
            }
            lines.append(line)
            return lines
        }
        let total = words.reduce(0) { $0 + $1.count + 1 } - 1
        let fewest = fill(width).count
        guard fewest > 1 else { return [words.joined(separator: " ")] }
        var target = max(8, (total + fewest - 1) / fewest)
        while target < width {
            let lines = fill(target)
            if lines.count <= fewest { return lines }
            target += 1
        }
        return fill(width)
    }

    private func q(_ value: String) -> String { DOTEscaping.quoted(value) }

    private func attributes(_ list: [(String, String)]) -> String {
        list.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    }
}

extension LayoutEngine {
    /// Whether the engine draws `cluster` subgraphs as boxes (sfdp, neato, circo, twopi ignore them).
    var supportsClusters: Bool { self == .dot || self == .fdp }
}

/// Colours and shapes per entity type: light fills with a darker border of the same hue,
/// distinguishable in greyscale print by shape.
enum Palette {
    struct Look {
        var shape: String
        var style: String
        var fill: String
        var border: String
        var fadedFill: String
        var fadedBorder: String
        /// A character for the legend that recalls the shape.
        var symbol: String
        /// The space around the label, when the shape needs more than the default.
        var margin: String? = nil
    }

    static let edge = "#6B7280"
    static let ended = "#9CA3AF"
    static let path = "#DC2626"

    static func look(for type: EntityType) -> Look {
        switch type {
        case .organization:
            return Look(shape: "box", style: "rounded,filled", fill: "#DBEAFE", border: "#1D4ED8", fadedFill: "#EEF4FD", fadedBorder: "#93A8D8", symbol: "▢")
        case .person:
            return Look(shape: "ellipse", style: "filled", fill: "#FFEDD5", border: "#C2410C", fadedFill: "#FFF6EA", fadedBorder: "#E0A182", symbol: "◯")
        case .agreement:
            return Look(shape: "note", style: "filled", fill: "#DCFCE7", border: "#15803D", fadedFill: "#EEFDF3", fadedBorder: "#8ABF9C", symbol: "▤")
        case .event:
            return Look(shape: "cds", style: "filled", fill: "#F3E8FF", border: "#7E22CE", fadedFill: "#F9F3FF", fadedBorder: "#BE91E6", symbol: "▷", margin: "0.3,0.11")
        case .place:
            return Look(shape: "house", style: "filled", fill: "#FEF3C7", border: "#B45309", fadedFill: "#FEF9E3", fadedBorder: "#D9A57F", symbol: "⌂")
        }
    }
}
