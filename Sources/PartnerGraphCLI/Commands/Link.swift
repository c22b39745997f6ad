import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            _superCommandName: toolName,
            abstract: "Record a relation between two entities.",
            discussion: """
                The relation type comes from the vocabulary (`partnergraph vocab` lists it, with the \
                entity types each type may join). A relation carries a period (--start, --end) or a \
                point in time (--date).
                  partnergraph link "Salim M. AlMalik" heads ICESCO --role "Director-General" --source icesco-2024-03-26
                  partnergraph link ICESCO observer_of "NAM PN" --start 2024-03
                """)

        @Argument(help: "The source entity: key, name or alias.", completion: .entity)
        var source: String

        @Argument(help: ArgumentHelp("The relation type: heads, member_of, partner_of, …", valueName: "relation"), completion: .relationType)
        var relation: String

        @Argument(help: "The target entity: key, name or alias.", completion: .entity)
        var target: String

        @Option(help: "The role the source holds, e.g. \"Director-General\".")
        var role: String?

        @OptionGroup var dates: DateOptions

        @Option(help: "A free note.")
        var note: String?

        @OptionGroup var citation: CitationOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let view = try database.openGraphForWriting().link(
                source, relation, target,
                RelationDetails(role: role, startDate: dates.start, endDate: dates.end, date: dates.date, note: note, citations: citation.citations))
            if output.json {
                try Terminal.printJSON(view)
            } else {
                print("Linked \(terminalSafe(view.source.name)) —\(view.phrase)→ \(terminalSafe(view.target.name))  (\(view.summary))")
            }
        }
    }
}
