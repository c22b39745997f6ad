import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            _superCommandName: toolName,
            abstract: "Show an entity: its names in every language, kind, dates, relations and sources.",
            discussion: """
                The entity is named by key, name or alias, in any spelling:
                  partnergraph show ICESCO
                  partnergraph show الإيسيسكو
                With --json the output is an object with key, type, name, name_language, kind, aliases, \
                attributes, date, start, end, note, citations and relations (each with id, type, \
                direction, phrase, source, target, other, role, start, end, date, note, citations).
                """)

        @Argument(help: "The entity: key, name or alias.", completion: .entity)
        var entity: String

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let profile = try database.openGraphForReading().profile(of: entity)
            if output.json {
                try Terminal.printJSON(profile)
            } else {
                print(ProfileText.render(profile))
            }
        }
    }
}
