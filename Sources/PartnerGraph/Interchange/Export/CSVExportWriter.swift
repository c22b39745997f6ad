/// Writes the graph as the two files that `partnergraph import --nodes --edges` reads:
/// `nodes.csv` (`key,type,name,alias_ar`, then `name_language,kind,date,start,end,note,aliases`)
/// and `edges.csv` (`source,type,target,start,end,role,date,note`, then `sources`).
///
/// The bulk import reads the first columns of each file and ignores the others, so the
/// benchmark workload round-trips exactly; the extra columns carry what the bulk format has no
/// place for (every other alias as `NAME@LANG` separated by ` | `, the cited sources' keys
/// separated by spaces) for spreadsheets and other tools. Fields are quoted as RFC 4180 says
/// when they hold a comma, a quote, a line break or surrounding spaces; nothing else is changed.
public struct CSVExportWriter: GraphExportWriter {
    let nodes: ExportSink
    let edges: ExportSink

    /// A writer of the two CSV files.
    ///
    /// - Parameters:
    ///   - nodes: Where `nodes.csv` goes.
    ///   - edges: Where `edges.csv` goes.
    public init(nodes: ExportSink, edges: ExportSink) {
        self.nodes = nodes
        self.edges = edges
    }

    /// Writes the header line of each file.
    public mutating func begin(_ header: ExportHeader) throws {
        nodes.write("key,type,name,alias_ar,name_language,kind,date,start,end,note,aliases\n")
        edges.write("source,type,target,start,end,role,date,note,sources\n")
    }

    /// Writes the entity's line of `nodes.csv`: its first Arabic alias as `alias_ar`, the other
    /// aliases as `NAME@LANG` separated by ` | `.
    public mutating func node(_ node: ExportNode) throws {
        // The first Arabic alias fills alias_ar, as the workload has it; the rest go to `aliases`.
        let arabic = node.aliases.firstIndex { $0.language == "ar" }
        let others = node.aliases.indices.filter { $0 != arabic }.map { index -> String in
            let alias = node.aliases[index]
            return alias.language.map { "\(alias.name)@\($0)" } ?? alias.name
        }
        let fields: [String?] = [
            node.key, node.type.rawValue, node.name, arabic.map { node.aliases[$0].name }, node.nameLanguage, node.kind,
            node.date?.description, node.start?.description, node.end?.description, node.note,
            others.isEmpty ? nil : others.joined(separator: " | "),
        ]
        nodes.write(Self.record(fields))
    }

    /// Writes the relation's line of `edges.csv`, with the keys of its cited sources.
    public mutating func edge(_ edge: ExportEdge) throws {
        let sources = edge.citations.map(\.source).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        let fields: [String?] = [
            edge.source, edge.type, edge.target, edge.start?.description, edge.end?.description, edge.role,
            edge.date?.description, edge.note, sources.isEmpty ? nil : sources.joined(separator: " "),
        ]
        edges.write(Self.record(fields))
    }

    /// Writes nothing: CSV has no closing part.
    public mutating func end() throws {}

    /// One CSV line: absent values as empty fields.
    static func record(_ fields: [String?]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(",") }
            if let field { line.append(quotedIfNeeded(field)) }
        }
        line.append("\n")
        return line
    }

    /// Whether a field's first or last scalar is white space (checked without grapheme breaking:
    /// this runs for every field of a million-row export).
    private static func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    static func quotedIfNeeded(_ field: String) -> String {
        let needsQuotes = field.utf8Contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || isSpace(field.unicodeScalars.first) || isSpace(field.unicodeScalars.last)
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
