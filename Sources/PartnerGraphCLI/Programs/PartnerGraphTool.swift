import PartnerGraph

/// The entry points of the two programs built from these commands.
///
/// `partnergraph` links SQLite, Graphviz and the commands, and nothing else, so that a fresh
/// `neighbors` or `path` starts in a few milliseconds. `partnergraph-postgres` is the same
/// commands with the PostgreSQL store (PostgresNIO, SwiftNIO, BoringSSL) linked in: when a
/// command line names a `postgres://` database, `partnergraph` hands it to that program, which
/// runs in its place (``PostgresProgram``). A person only ever types `partnergraph`.
public enum PartnerGraphTool {
    /// How the program opens a PostgreSQL database: from its `postgres://` URL, creating the
    /// schema when `creating` (what `init` and `copy --to` ask for).
    public typealias PostgresOpener = @Sendable (_ url: String, _ creating: Bool) throws -> any GraphStore

    /// The opener `partnergraph-postgres` installs; `nil` in `partnergraph`. Set once, before
    /// the command line is read, and never again.
    nonisolated(unsafe) static var postgresOpener: PostgresOpener?

    /// Opens the PostgreSQL database at `url` with the installed opener.
    ///
    /// - Throws: ``MissingProgram`` in `partnergraph` itself, which hands PostgreSQL command
    ///   lines over before it gets here, should one slip through; the store's errors.
    static func openPostgres(_ url: String, creating: Bool) throws -> any GraphStore {
        guard let opener = postgresOpener else {
            throw MissingProgram(
                reason: "this program cannot open \(PostgresProgram.redacted(url)): PostgreSQL databases are opened by \(PostgresProgram.name), "
                    + "which partnergraph starts when --db, --from, --to or $PARTNERGRAPH_DB names one")
        }
        return try opener(url, creating)
    }

    /// Runs `partnergraph`: the command line given to the process.
    public static func main() {
        PartnerGraphCommand.main()
    }

    /// Runs `partnergraph-postgres`: the same command line, with PostgreSQL databases opened by `opener`.
    ///
    /// - Parameter opener: Opens the PostgreSQL store of a `postgres://` URL.
    public static func main(postgres opener: @escaping PostgresOpener) {
        postgresOpener = opener
        PartnerGraphCommand.main()
    }
}
