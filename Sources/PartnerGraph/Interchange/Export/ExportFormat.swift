/// A file format `partnergraph export` writes.
public enum ExportFormat: String, CaseIterable, Hashable, Sendable {
    /// GraphML with typed `<key>` declarations: networkx, igraph, Gephi, yEd.
    case graphml
    /// GEXF 1.3, with the relations' dates as time intervals: Gephi and its timeline.
    case gexf
    /// The `nodes.csv` and `edges.csv` that `import --nodes/--edges` reads, in a folder.
    case csv
    /// JSON-LD with schema.org types.
    case jsonld
    /// A Mermaid `flowchart`, for a Markdown page.
    case mermaid
    /// A Cypher script that loads the graph into Kùzu (or, with the Neo4j dialect, Neo4j and Memgraph).
    case cypher

    /// The file name extension a file of the format usually has.
    public var fileExtension: String {
        switch self {
        case .graphml: return "graphml"
        case .gexf: return "gexf"
        case .csv: return ""
        case .jsonld: return "jsonld"
        case .mermaid: return "mmd"
        case .cypher: return "cypher"
        }
    }

    /// The format a file name's extension names, if any.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        guard let dot = lower.lastIndex(of: "."), !lower[dot...].contains("/") else { return nil }
        switch lower[lower.index(after: dot)...] {
        case "graphml": self = .graphml
        case "gexf": self = .gexf
        case "jsonld": self = .jsonld
        case "mmd", "mermaid": self = .mermaid
        case "cypher", "cql": self = .cypher
        default: return nil
        }
    }
}
