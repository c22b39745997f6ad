/// Why an export could not be written in the asked format.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A Mermaid chart of more entities than a Markdown page can draw legibly (GitHub's renderer
    /// also gives up on large texts).
    case tooLargeForMermaid(nodes: Int, limit: Int)

    public var description: String {
        switch self {
        case let .tooLargeForMermaid(nodes, limit):
            return "a Mermaid chart of \(nodes) entities is too large to read (the limit is \(limit)); "
                + "narrow the selection with --around KEY or --type, or pass --force to write it anyway"
        }
    }
}
