import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Unlink: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unlink",
            _superCommandName: toolName,
            abstract: "Remove a relation between two entities.",
            discussion: """
                When several relations of that type join the two (different roles or periods), narrow \
                them with --role or --start, or remove them all with --all.
                  partnergraph unlink "Sahiba Gafarova" heads "Milli Majlis"
                """)

        @Argument(help: "The source entity.", completion: .entity)
        var source: String

        @Argument(help: ArgumentHelp("The relation type.", valueName: "relation"), completion: .relationType)
        var relation: String

        @Argument(help: "The target entity.", completion: .entity)
        var target: String

        @Option(help: "Only the relation with this role.")
        var role: String?

        @Option(help: "Only the relation that started on this date.", transform: parseDate)
        var start: PartialDate?

        @Flag(help: "Remove every matching relation.")
        var all = false

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let removed = try database.openGraphForWriting().unlink(source, relation, target, role: role, start: start, all: all)
            if output.json {
                try Terminal.printJSON(removed)
            } else {
                for view in removed { print("Removed \(view.summary)") }
            }
        }
    }
}
