/// Why an export could not be written in the asked format.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A Mermaid chart of more entities than a Markdown page can draw legibly (GitHub's renderer
    /// also gives up on large texts).
    case tooLargeForMermaid(nodes: Int, limit: Int)
    /// CSV is two files, `nodes.csv` and `edges.csv`: it needs a folder, not a file or standard output.
    case csvNeedsFolder(String?)

    /// The message: what went wrong, and what to do.
    public var description: String {
        switch self {
        case let .tooLargeForMermaid(nodes, limit):
            return "a Mermaid chart of \(nodes) entities is too large to read (the limit is \(limit)); "
                + "narrow the selection with --around KEY or --type, or pass --force to write it anyway"
        case let .csvNeedsFolder(path?):
            return "\(path) is a file, and CSV is two files, nodes.csv and edges.csv: name a folder for them with -o, e.g. -o graph-csv"
        case .csvNeedsFolder(nil):
            return "CSV is two files, nodes.csv and edges.csv, not one stream: name a folder for them with -o, e.g. -o graph-csv"
        }
    }
}
