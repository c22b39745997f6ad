import ArgumentParser
import PartnerGraph

/// `--relation`, `--exclude-relation`, `--as-of` and `--directed`: which relations a traversal follows.
struct TraversalOptions: ParsableArguments {
    @Option(name: .customLong("relation"), help: ArgumentHelp("Follow only relations of this type (repeatable).", valueName: "type"), completion: .relationType)
    var relations: [String] = []

    @Option(name: .customLong("exclude-relation"), help: ArgumentHelp("Never follow relations of this type (repeatable).", valueName: "type"), completion: .relationType)
    var excludeRelations: [String] = []

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Only relations in force on this date (YYYY, YYYY-MM or YYYY-MM-DD).",
            discussion: "Precision-aware: a relation that started in 2022 is in force on 2022-06-01; one with no dates always is.",
            valueName: "date"),
        transform: parseDate)
    var asOf: PartialDate?

    @Flag(help: "Follow relations only from source to target (symmetric ones both ways).")
    var directed = false
}

/// How hops read on a terminal.
enum HopText {
    /// `(Director-General, since 2021)`, or empty.
    static func details(_ hop: PathHop) -> String {
        let parts = [hop.role.map(terminalSafe), hop.dateSummary].compactMap { $0 }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    /// The hop as an arrow in the relation's true direction, then the entity reached:
    /// `—heads (Director-General)→ ICESCO` or `←heads (President)— Sahiba Gafarova`.
    static func arrow(_ hop: PathHop) -> String {
        let label = hop.forwardPhrase + details(hop)
        let target = terminalSafe(hop.to.name)
        if hop.symmetric { return "—\(label)— \(target)" }
        return hop.forward ? "—\(label)→ \(target)" : "←\(label)— \(target)"
    }

    /// A whole path on one line.
    static func chain(_ path: GraphPath) -> String {
        ([terminalSafe(path.entities[0].name)] + path.hops.map(arrow)).joined(separator: " ")
    }

    /// The hop read in the direction walked, with the phrase for that direction, and its sources:
    /// `NAM Parliamentary Network headed by Sahiba Gafarova (President) [icesco-2024-03-26]`.
    static func sentence(_ hop: PathHop) -> String {
        var text = "\(terminalSafe(hop.from.name)) \(hop.phrase) \(terminalSafe(hop.to.name))" + details(hop)
        if !hop.citations.isEmpty { text += " " + hop.citations.map { "[\($0.source)]" }.joined(separator: " ") }
        if let note = hop.note { text += Terminal.dim("  — \(terminalSafe(note))") }
        return text
    }

    static func render(_ paths: [GraphPath]) -> String {
        var lines: [String] = []
        for (index, path) in paths.enumerated() {
            if paths.count > 1 {
                if index > 0 { lines.append("") }
                lines.append(Terminal.bold("Path \(index + 1) of \(paths.count), \(path.length) relation\(path.length == 1 ? "" : "s"):"))
            } else {
                lines.append(Terminal.bold("\(path.length) relation\(path.length == 1 ? "" : "s"):"))
            }
            lines.append(chain(path))
            for (number, hop) in path.hops.enumerated() {
                lines.append("  \(number + 1). " + sentence(hop))
                // What each source says of the hop, where a quote was recorded.
                for citation in hop.citations {
                    if let quote = citation.quote { lines.append("     “\(terminalSafe(quote))” [\(citation.source)]") }
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension PartnerGraphCommand {
    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path",
            _superCommandName: toolName,
            abstract: "Show the shortest connection between two entities, hop by hop.",
            discussion: """
                Every hop shows its relation in its true direction (→ forwards, ← backwards, — for \
                symmetric relations), its role, its dates and its sources:
                  partnergraph path "Salim M. AlMalik" "Sahiba Gafarova"
                  partnergraph path ICESCO Azerbaijan -k 3 --avoid "Non-Aligned Movement"
                  partnergraph path ICESCO COP29 --as-of 2023 --relation participated_in
                When there is no path the command says which limit applied and exits with status 1.
                With --json the output is an array of paths, each {"length", "entities", "hops"}; a hop is \
                {"relation_id", "type", "from", "to", "forward", "phrase", "forward_phrase", "symmetric", \
                "role", "start", "end", "date", "note", "citations"}, with "phrase" reading in the \
                direction walked ("headed by" when a "heads" relation is walked backwards).
                """)

        @Argument(help: "The start: key, name or alias.", completion: .entity)
        var from: String

        @Argument(help: "The end: key, name or alias.", completion: .entity)
        var to: String

        @Option(name: [.customShort("k"), .customLong("k")], help: "How many paths: the k shortest simple paths, shortest first.")
        var k = 1

        @Option(name: .customLong("max-depth"), help: "The longest path to look for, in relations.")
        var maxDepth = PathQuery.defaultMaxDepth

        @Option(name: .customLong("avoid"), help: ArgumentHelp("A path must not pass through this entity (repeatable).", valueName: "entity"), completion: .entity)
        var avoid: [String] = []

        @OptionGroup var traversal: TraversalOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        /// The inputs as a plain value: what runs, whichever parser read them.
        var request: PathRequest {
            PathRequest(
                from: from, to: to, k: k, maxDepth: maxDepth, avoid: avoid,
                options: ReadRequestOptions(traversal: traversal, database: database, output: output))
        }

        func validate() throws {
            try request.validate()
        }

        func run() throws {
            try request.run()
        }
    }
}

/// The inputs of `partnergraph path`, without property wrappers, so that
/// ``FastArguments/pathRequest(_:)`` can build them without ArgumentParser.
///
/// Each property mirrors a flag of ``PartnerGraphCommand/Path``, with the same default.
struct PathRequest: Equatable {
    var from: String
    var to: String
    var k = 1
    var maxDepth = PathQuery.defaultMaxDepth
    var avoid: [String] = []
    var options = ReadRequestOptions()

    /// The flag rules, for both parsers: ArgumentParser calls them from `validate()`, and the fast
    /// parser leaves a request that breaks them to ArgumentParser, which reports it.
    func validate() throws {
        if k < 1 { throw ValidationError("--k must be at least 1") }
        if maxDepth < 1 { throw ValidationError("--max-depth must be at least 1") }
    }

    func run() throws {
        let query = PathQuery(
            from: from, to: to, k: k, maxDepth: maxDepth, relations: options.relations,
            excludeRelations: options.excludeRelations, avoid: avoid, directed: options.directed, asOf: options.asOf)
        let paths = try options.openForReading().paths(query)
        if options.json {
            try Terminal.printJSON(paths)
        } else {
            print(HopText.render(paths))
        }
    }
}
