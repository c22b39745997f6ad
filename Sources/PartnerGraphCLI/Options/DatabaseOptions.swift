import ArgumentParser
import Foundation
import PartnerGraph

/// `--db`, shared by every command that touches a database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The database file, or a PostgreSQL database as postgres://USER@HOST:PORT/DATABASE.",
            discussion: "Defaults to $PARTNERGRAPH_DB, else ./partnergraph.sqlite.",
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

    /// The database in force as messages show it: a PostgreSQL URL without its password.
    var shownLocation: String { PostgresProgram.redacted(resolvedPath) }

    /// Whether the database in force is a PostgreSQL one (`postgres://…`).
    var isPostgres: Bool { PostgresProgram.isURL(resolvedPath) }

    /// Opens the SQLite database for a command that writes; refuses a PostgreSQL URL, for the
    /// commands that do not work on PostgreSQL yet.
    func openForWriting() throws -> PartnerGraphStore {
        try refusePostgres()
        return try PartnerGraphStore(path: resolvedPath, mode: .readWrite)
    }

    /// Opens an existing SQLite database for a command that only reads; refuses a PostgreSQL URL.
    func openForReading() throws -> PartnerGraphStore {
        try Self.openForReading(flag: path)
    }

    /// Opens an existing SQLite database for reading, given the `--db` value or none.
    static func openForReading(flag path: String?) throws -> PartnerGraphStore {
        let resolved = resolvedPath(flag: path)
        try refusePostgres(resolved)
        return try PartnerGraphStore(path: resolved, mode: .readOnly)
    }

    /// Opens either store for a command that works on both and writes. On PostgreSQL the
    /// database must have been created with `init` unless `creating` (what `init` passes).
    func openGraphForWriting(creating: Bool = false) throws -> any GraphStore {
        try Self.openGraph(resolvedPath, writing: true, creating: creating)
    }

    /// Opens the SQLite store a command that draws, exports or reports reads: the file itself,
    /// or, on PostgreSQL, a copy in memory of the part of the graph `scope` names
    /// (``GraphStore/readableCopy(of:)``), so that the command prints what it prints on SQLite.
    func openForReading(scope: GraphScope) throws -> PartnerGraphStore {
        guard isPostgres else { return try openForReading() }
        return try openGraphForReading().readableCopy(of: scope)
    }

    /// Opens either store for a command that works on both and only reads.
    func openGraphForReading() throws -> any GraphStore {
        try Self.openGraph(resolvedPath, writing: false, creating: false)
    }

    /// The store at `location`: a PostgreSQL database for a `postgres://` URL, else an SQLite file.
    static func openGraph(_ location: String, writing: Bool, creating: Bool) throws -> any GraphStore {
        if PostgresProgram.isURL(location) {
            return try PartnerGraphTool.openPostgres(location, creating: creating)
        }
        return try PartnerGraphStore(path: location, mode: writing ? .readWrite : .readOnly)
    }

    /// Throws, for a command that does not work on PostgreSQL yet, when the database is a PostgreSQL one.
    func refusePostgres() throws {
        try Self.refusePostgres(resolvedPath)
    }

    static func refusePostgres(_ location: String) throws {
        guard PostgresProgram.isURL(location) else { return }
        // The subcommand as typed (`source`, `render`): every command reaches here through its own name.
        let words = Swift.CommandLine.arguments.dropFirst().prefix { !$0.hasPrefix("-") }.prefix(1)
        throw UnsupportedOnPostgres.command(words.first ?? "this command")
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
