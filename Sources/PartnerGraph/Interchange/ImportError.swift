/// Why an interchange file was refused. Nothing is written when import throws.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One problem in the file, at a JSON path such as `$.entities[3].type`.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        /// Where the problem is, as a JSON path: `$.entities[3].type`.
        public var path: String
        /// What is wrong, and how to fix it.
        public var message: String

        /// The problem as `PATH: MESSAGE`.
        public var description: String { "\(path): \(message)" }
    }

    /// The file is not UTF-8 text.
    case notUTF8(file: String)
    /// The file is not JSON; `detail` says where the parser stopped.
    case invalidJSON(file: String, detail: String)
    /// The file is JSON but not a valid document, or names what the database does not hold (an
    /// unknown relation type, an entity that is neither in the file nor in the database): every
    /// problem, each at its JSON path.
    case invalidDocument(file: String, problems: [Problem])

    /// The message: what went wrong, what to do, and that nothing was imported; at most 50
    /// problems are listed, and the rest counted.
    public var description: String {
        switch self {
        case let .notUTF8(file):
            return "\(file) is not UTF-8 text; save it as UTF-8 and import it again. Nothing was imported."
        case let .invalidJSON(file, detail):
            return "\(file) is not valid JSON (\(detail)); fix it and import it again. Nothing was imported."
        case let .invalidDocument(file, problems):
            let shown = problems.prefix(50).map { "  " + $0.description }
            let more = problems.count > 50 ? ["  … and \(problems.count - 50) more"] : []
            return "\(file) has \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was imported:\n"
                + (shown + more).joined(separator: "\n")
        }
    }
}
