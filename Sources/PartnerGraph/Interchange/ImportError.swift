/// Why an interchange file was refused. Nothing is written when import throws.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One problem in the file, at a JSON path such as `$.entities[3].type`.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String

        public var description: String { "\(path): \(message)" }
    }

    case notUTF8(file: String)
    case invalidJSON(file: String, detail: String)
    case invalidDocument(file: String, problems: [Problem])

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
