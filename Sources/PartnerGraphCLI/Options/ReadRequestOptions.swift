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

    /// Opens the database named by `--db`, or by the environment, for reading.
    func openForReading() throws -> PartnerGraphStore {
        try DatabaseOptions.openForReading(flag: databasePath)
    }
}
