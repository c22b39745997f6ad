import ArgumentParser
import PartnerGraph

/// The `partnergraph` command: the root, which only lists the subcommands.
struct PartnerGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partnergraph",
        abstract: "Track partnerships as a knowledge graph: organizations, people, agreements, events and places, with dated, sourced relations.",
        discussion: """
            The database is --db PATH, else $PARTNERGRAPH_DB, else ./partnergraph.sqlite.
            Entities are named by key, name or any alias, in any language and spelling:
            `ICESCO`, `icesco`, `الإيسيسكو` and `الايسيسكو` are the same organization.

            Start with the bundled example:
              partnergraph example
              partnergraph show ICESCO
              partnergraph show "Sahiba Gafarova"
            """,
        subcommands: [
            Init.self, Example.self,
            Add.self, Link.self, Unlink.self, Update.self, Remove.self,
            Show.self, List.self, Vocab.self, SourceCommand.self,
            Export.self, Import.self, Ingest.self, Review.self,
            History.self, Undo.self, Duplicates.self, Merge.self, Distinct.self,
            Neighbors.self, Path.self, Common.self, Timeline.self, Search.self, Stats.self,
            Render.self, Serve.self,
            Backup.self, Restore.self, Check.self, Copy.self,
        ])

    /// The version `--version` prints.
    static let version = "0.1.0"

    // A flag of the root alone, not `CommandConfiguration.version`: ArgumentParser offers a
    // configured version on every subcommand (in help, completions and the manual), which the
    // subcommands, parsed on their own for a fast start, would then refuse.
    @Flag(name: .customLong("version"), help: "Show the version.")
    var showVersion = false

    func run() throws {
        guard showVersion else { throw CleanExit.helpRequest(self) }
        print(Self.version)
    }
}
