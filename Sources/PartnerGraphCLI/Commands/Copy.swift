import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            _superCommandName: toolName,
            abstract: "Copy a whole graph from one database to another: SQLite to PostgreSQL, and back.",
            discussion: """
                The destination must hold no graph yet (a new SQLite file, or a PostgreSQL database \
                or schema); it is created or initialized as needed. Entities, aliases, attributes, \
                relations, sources, citations and the user's relation types are copied with their \
                timestamps, so that `export` writes the same bytes from both. History, claims and \
                ingest drafts stay behind.
                  partnergraph copy --from partners.sqlite --to postgres://analyst@db.example.org/partners
                  partnergraph copy --from postgres://analyst@db.example.org/partners --to snapshot.sqlite
                """)

        @Option(help: ArgumentHelp("The database to copy: a file, or postgres://USER@HOST:PORT/DATABASE.", valueName: "db"), completion: .file())
        var from: String

        @Option(help: ArgumentHelp("The database to write: a new file, or an empty PostgreSQL database.", valueName: "db"), completion: .file())
        var to: String

        func validate() throws {
            if from == to { throw ValidationError("--from and --to name the same database; copy needs two") }
        }

        func run() throws {
            let source = try DatabaseOptions.openGraph(from, writing: false, creating: false)
            let destination = try DatabaseOptions.openGraph(to, writing: true, creating: true)
            if source.location == destination.location { throw CopyError.sameStore(source.location) }
            let document = try source.exportDocument()
            let report = try destination.load(document)
            print(
                "Copied \(report.entitiesAdded) entities, \(report.relationsAdded) relations and \(report.sourcesAdded) sources "
                    + "from \(source.location) to \(destination.location)")
        }
    }
}
