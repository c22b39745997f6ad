import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Example: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "example",
            _superCommandName: toolName,
            abstract: "Load the bundled ICESCO–Azerbaijan example into the database.",
            discussion: """
                The example is the graph of an ICESCO press release of 26 March 2024 (in Arabic): \
                who met whom in Geneva, the 2022 action plan, and what ICESCO and Azerbaijan plan \
                together. It is built into the binary. Loading it twice adds nothing the second time.
                  partnergraph example --db example.sqlite
                  partnergraph show ICESCO --db example.sqlite
                """)

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Print the example's interchange JSON instead of loading it.")
        var print = false

        func run() throws {
            if print {
                Swift.print(PartnerGraphStore.exampleJSON)
                return
            }
            // Like an SQLite file, which `example` creates, a PostgreSQL database needs no `init` first.
            let store = try database.openGraphForWriting(creating: true)
            let report = try store.loadExample()
            // The store's location: a PostgreSQL URL without its password.
            Swift.print(
                "Loaded the ICESCO–Azerbaijan example into \(store.location): "
                    + "\(report.entitiesAdded) entities, \(report.relationsAdded) relations, \(report.sourcesAdded) source added"
                    + (report.entitiesUpdated > 0 ? " (\(report.entitiesUpdated) entities were already there)" : ""))
        }
    }
}
