import Foundation

/// Why a picture could not be drawn. The ``description`` is the message a person reads.
public enum RenderError: Error, Equatable, Sendable {
    /// The selection has more entities than make a readable picture, and `--force` was not given.
    /// `atLeast` is set when the count stopped early, as soon as it passed the limit.
    case selectionTooLarge(nodes: Int, atLeast: Bool, limit: Int)
    /// The selection is empty: nothing passes the filters.
    case emptySelection(caption: String)
    /// No connection between the two entities within the filters.
    case noPath(from: String, to: String)
    /// Graphviz refused the DOT text or failed a step (`read`, `layout`, `render`).
    case graphviz(stage: String, message: String)
    /// Graphviz's library could not be loaded: it is not installed, or not as expected.
    case graphvizUnavailable(library: String, reason: String)
    /// A `--relation` name that the vocabulary does not know.
    case unknownRelationType(String, known: [String])
}

extension RenderError: CustomStringConvertible, LocalizedError {
    /// The message: what went wrong, and what to do.
    public var description: String {
        switch self {
        case let .selectionTooLarge(nodes, atLeast, limit):
            return "the selection has \(atLeast ? "more than " : "")\(nodes.formatted()) entities, more than the "
                + "\(limit.formatted()) a readable picture holds; narrow it (--around ENTITY --depth 1, --type, --relation, "
                + "--as-of, --source), or pass --force to draw it anyway with --layout sfdp (dot does not finish at this size)"
        case let .emptySelection(caption):
            return "nothing to draw: \(caption) has no entities that pass the filters; loosen --type, --relation, --as-of or --source"
        case let .noPath(from, to):
            return "no connection between \(quoted(from)) and \(quoted(to)) within the filters; loosen --relation, --type or --as-of"
        case let .graphviz(stage, message):
            return "Graphviz failed to \(stage) the graph" + (message.isEmpty ? "" : ": \(message)")
        case let .graphvizUnavailable(library, reason):
            return "cannot draw: Graphviz's library \(library) could not be loaded (\(reason)); install Graphviz "
                + "(Debian and Ubuntu: apt-get install graphviz), or write the DOT text with --format dot and draw it elsewhere"
        case let .unknownRelationType(name, known):
            return "unknown relation type \(quoted(name)) in --relation; known types: \(known.joined(separator: ", "))"
        }
    }

    /// The same message, for `localizedDescription`.
    public var errorDescription: String? { description }
}
