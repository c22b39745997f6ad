/// Why a spreadsheet could not become an interchange document: every problem found, each at
/// the file and line it is on. Nothing is imported when it is thrown.
///
/// ```text
/// 2 problems in memberships.csv:
///   memberships.csv:14: unknown status "memeber"; add it under [relation.values] in memberships.toml, e.g. "memeber" = "member_of"
///   memberships.csv:20: the joined cell: invalid date "1969.0": use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-03-25
/// Nothing was imported.
/// ```
public struct SpreadsheetImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One problem: `memberships.csv:14: the country cell is blank`.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        /// The spreadsheet, or the mapping for a problem of the mapping against the database.
        public var file: String
        /// The line the row starts on (the header is line 1); `nil` for a problem of the whole file.
        public var line: Int?
        /// What is wrong, and how to fix it.
        public var message: String

        /// A problem at `file:line`, or of the whole file when `line` is `nil`.
        public init(file: String, line: Int?, message: String) {
            self.file = file
            self.line = line
            self.message = message
        }

        /// The problem as `FILE:LINE: MESSAGE`.
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    /// The spreadsheet's path.
    public var file: String
    /// Every problem, in the order of the file's lines (problems of the mapping first).
    public var problems: [Problem]

    /// How many problems the message lists; the rest are counted.
    public static let listedProblems = 50

    /// An error listing `problems` of the spreadsheet at `file`.
    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    /// The message: the first ``listedProblems`` problems, and that nothing was imported.
    public var description: String {
        let shown = problems.prefix(Self.listedProblems).map { "  " + $0.description }
        let more = problems.count > Self.listedProblems ? ["  … and \(problems.count - Self.listedProblems) more"] : []
        return "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(file):\n"
            + (shown + more).joined(separator: "\n") + "\nNothing was imported."
    }
}
