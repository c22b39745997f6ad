/// Why a GraphML file was refused. ``GraphMLReader`` throws it before anything is imported.
///
/// ```
/// graph.graphml: 2 problems. Nothing was imported.
///   graph.graphml:14: node "n3" has no entity type; give it a "type" attribute (organization, person, agreement, event, place) or give --default-type organization
///   graph.graphml:40: edge "e9" goes to node "n12", which the file does not declare; add the node or remove the edge
/// ```
public enum GraphMLImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One problem, at a line of the file (and a column, for XML syntax errors).
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        /// The file's name, as given.
        public var file: String
        /// The line of the file, from 1.
        public var line: Int
        /// The column, for an XML syntax error.
        public var column: Int?
        /// What is wrong, and how to fix it.
        public var message: String

        /// A problem at `file:line` (and `column`).
        public init(file: String, line: Int, column: Int? = nil, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }

        /// The problem as `FILE:LINE: MESSAGE` (`FILE:LINE:COLUMN: MESSAGE` with a column).
        public var description: String {
            "\(file):\(line):" + (column.map { "\($0):" } ?? "") + " \(message)"
        }
    }

    /// The file has problems; `count` is how many in all, `problems` the first of them.
    case invalidFile(file: String, problems: [Problem], count: Int)
    /// The bytes are not UTF-8 (or the XML declaration names another encoding).
    case notUTF8(file: String, detail: String)
    /// The root element is not `<graphml>`.
    case notGraphML(file: String, root: String)
    /// The file has a document type declaration (`<!DOCTYPE …>`) or declares entities: refused
    /// outright, so that external entities (which read local files) and nested entity
    /// expansion ("billion laughs") can do nothing.
    case documentTypeDeclaration(file: String, line: Int)
    /// The default relation type is not in the vocabulary.
    case unknownDefaultRelation(String, known: [String])

    /// How many problems an error lists; the rest are counted.
    public static let listedProblems = 50

    /// The message: what went wrong, what to do, and that nothing was imported.
    public var description: String {
        let nothing = "Nothing was imported."
        switch self {
        case let .invalidFile(file, problems, count):
            let more = count > problems.count ? ["  … and \(count - problems.count) more"] : []
            return "\(file): \(count) problem\(count == 1 ? "" : "s"). \(nothing)\n"
                + (problems.map { "  " + $0.description } + more).joined(separator: "\n")
        case let .notUTF8(file, detail):
            return "\(file) is not UTF-8 text (\(detail)); save it as UTF-8 and import it again. \(nothing)"
        case let .notGraphML(file, root):
            let hint = root == "gexf" ? "; export GraphML from Gephi (File › Export › Graph file… › GraphML)" : ""
            return "\(file) is not a GraphML file: its root element is <\(root)>, not <graphml>\(hint). \(nothing)"
        case let .documentTypeDeclaration(file, line):
            return "\(file):\(line): the file has a document type declaration (<!DOCTYPE …> or <!ENTITY …>), "
                + "which PartnerGraph refuses because entities can read local files or expand without end; "
                + "GraphML needs none: remove the declaration and import again. \(nothing)"
        case let .unknownDefaultRelation(name, known):
            return "the default relation type \"\(name)\" is not in the vocabulary; use one of "
                + known.joined(separator: ", ") + ", or add it with `partnergraph vocab add`. \(nothing)"
        }
    }
}
