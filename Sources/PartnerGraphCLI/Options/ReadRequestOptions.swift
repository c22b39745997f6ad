import PartnerGraph

/// The options `neighbors` and `path` share, as plain values: those of ``TraversalOptions``,
/// `--db` and `--json`. Built from the option groups when ArgumentParser reads the arguments,
/// and by ``FastArguments`` when it reads them.
struct ReadRequestOptions: Equatable {
    var relations: [String] = []
    var excludeRelations: [String] = []
    var asOf: PartialDate?
    var directed = false
    /// `--db` as given; `nil` means $PARTNERGRAPH_DB, else the default.
    var databasePath: String?
    var json = false

    init() {}

    init(traversal: TraversalOptions, database: DatabaseOptions, output: OutputOptions) {
        relations = traversal.relations
        excludeRelations = traversal.excludeRelations
        asOf = traversal.asOf
        directed = traversal.directed
        databasePath = database.path
        json = output.json
    }

    /// Opens the database named by `--db`, or by the environment, for reading, for the rest of
    /// the process.
    ///
    /// `neighbors` and `path` answer one query and exit, in a few milliseconds. Closing the
    /// store would cost a tenth of that (GRDB's queue unregisters from Foundation's notification
    /// centre, whose first use sets up Foundation's bridging), and a read-only connection has
    /// nothing to write back: so the store is kept, and the system closes the file at exit.
    ///
    /// A `postgres://` URL opens the PostgreSQL store instead, which closes its connection when
    /// released, as a server expects.
    func openForReading() throws -> any GraphStore {
        let location = DatabaseOptions.resolvedPath(flag: databasePath)
        if PostgresProgram.isURL(location) {
            return try PartnerGraphTool.openPostgres(location, creating: false)
        }
        let store = try PartnerGraphStore(path: location, mode: .readOnly)
        _ = Unmanaged.passRetained(store)
        return store
    }
}
