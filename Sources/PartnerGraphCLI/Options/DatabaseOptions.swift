import ArgumentParser
import Foundation
import PartnerGraph

/// `--db`, shared by every command that touches a database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The database file.", discussion: "Defaults to $PARTNERGRAPH_DB, else ./partnergraph.sqlite.",
            valueName: "path"),
        completion: .file())
    var path: String?

    /// The path in force: the flag, else the environment, else the default.
    var resolvedPath: String { Self.resolvedPath(flag: path) }

    /// The path in force for a `--db` value, or for none. Static for the requests that
    /// ``FastArguments`` builds without ArgumentParser, which have no `DatabaseOptions`.
    static func resolvedPath(flag path: String?) -> String {
        if let path { return path }
        if let environment = environmentVariable("PARTNERGRAPH_DB"), !environment.isEmpty {
            return environment
        }
        return "partnergraph.sqlite"
    }

    /// Opens the database for a command that writes.
    func openForWriting() throws -> PartnerGraphStore {
        try PartnerGraphStore(path: resolvedPath, mode: .readWrite)
    }

    /// Opens an existing database for a command that only reads.
    func openForReading() throws -> PartnerGraphStore {
        try Self.openForReading(flag: path)
    }

    /// Opens an existing database for reading, given the `--db` value or none.
    static func openForReading(flag path: String?) throws -> PartnerGraphStore {
        try PartnerGraphStore(path: resolvedPath(flag: path), mode: .readOnly)
    }
}

/// `--json`, shared by the commands that read.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON for scripts instead of text for people (the shape is documented in the README).")
    var json = false
}

/// `--date`, `--start` and `--end`, shared by the commands that record dated facts.
struct DateOptions: ParsableArguments {
    @Option(
        help: "A single date: when an event took place, an agreement was made, a participation happened. YYYY, YYYY-MM or YYYY-MM-DD.",
        transform: parseDate)
    var date: PartialDate?

    @Option(help: "The start of a period (YYYY, YYYY-MM or YYYY-MM-DD).", transform: parseDate)
    var start: PartialDate?

    @Option(help: "The end of a period.", transform: parseDate)
    var end: PartialDate?
}

/// `--source` and `--quote`, shared by the commands that record facts.
struct CitationOptions: ParsableArguments {
    @Option(name: .customLong("source"), help: ArgumentHelp("Cite a registered source (repeatable).", valueName: "source-key"), completion: .sourceKey)
    var sources: [String] = []

    @Option(help: "A quote from the cited source that states the fact.")
    var quote: String?

    func validate() throws {
        if quote != nil && sources.count != 1 {
            throw ValidationError("--quote goes with exactly one --source")
        }
    }

    var citations: [CitationRef] {
        sources.map { CitationRef(source: $0, quote: quote) }
    }
}
