/// Why a CSV import was refused. Nothing is written when it throws.
public enum CSVImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One problem, at a file and line: `edges.csv:17: unknown relation type "funds"`.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        /// The file's name, as given.
        public var file: String
        /// The line of the file, from 1 (the header is line 1).
        public var line: Int
        /// What is wrong with it, and how to fix it.
        public var message: String

        /// The problem as `FILE:LINE: MESSAGE`.
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// The files have problems; `count` is how many in all, `problems` the first of them.
    case invalidFiles(problems: [Problem], count: Int)
    /// Neither --nodes nor --edges was given.
    case noFiles

    /// How many problems an error lists; the rest are counted.
    public static let listedProblems = 50

    /// The message: how many problems, the first ``listedProblems`` of them, and that nothing was
    /// imported.
    public var description: String {
        switch self {
        case let .invalidFiles(problems, count):
            let more = count > problems.count ? ["  … and \(count - problems.count) more"] : []
            return "\(count) problem\(count == 1 ? "" : "s") in the CSV files; nothing was imported:\n"
                + (problems.map { "  " + $0.description } + more).joined(separator: "\n")
        case .noFiles:
            return "give --nodes FILE, --edges FILE, or both"
        }
    }
}

/// What a CSV import did.
///
/// JSON shape: `{"entities_added": 100000, "entities_matched": 0, "aliases_added": 20000,
/// "relations_added": 1000000, "relations_matched": 0}`.
public struct CSVImportReport: Codable, Equatable, Sendable {
    /// Entities created from rows of the nodes file.
    public var entitiesAdded = 0
    /// Rows of the nodes file whose key was already in the database (left as they are, but
    /// for a new alias).
    public var entitiesMatched = 0
    /// Aliases added: the `alias_ar` of new entities, and new aliases of matched ones.
    public var aliasesAdded = 0
    /// Relations created from rows of the edges file.
    public var relationsAdded = 0
    /// Rows of the edges file whose relation was already in the database.
    public var relationsMatched = 0

    enum CodingKeys: String, CodingKey {
        case entitiesAdded = "entities_added"
        case entitiesMatched = "entities_matched"
        case aliasesAdded = "aliases_added"
        case relationsAdded = "relations_added"
        case relationsMatched = "relations_matched"
    }
}

/// How far a CSV import has got, for a progress bar.
public struct CSVImportProgress: Sendable {
    /// The steps of an import, in order; the raw value is how a progress bar names it.
    public enum Phase: String, Sendable {
        /// Parsing the nodes file.
        case readingNodes = "reading nodes"
        /// Parsing the edges file (alongside the nodes).
        case readingEdges = "reading edges"
        /// Inserting the entities and their aliases.
        case writingEntities = "writing entities"
        /// Inserting the relations.
        case writingRelations = "writing relations"
        /// Building the indexes put off while writing: traversal, entity and search.
        case indexing = "indexing"
    }

    /// The step under way.
    public var phase: Phase
    /// How much of the step is done, in the unit of ``total``.
    public var done: Int
    /// The total for the phase (bytes while reading, rows while writing); 0 when unknown.
    public var total: Int
}
