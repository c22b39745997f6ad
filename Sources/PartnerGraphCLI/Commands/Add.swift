import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            _superCommandName: toolName,
            abstract: "Add an organization, person, agreement, event or place.",
            discussion: """
                The key is derived from the name (ICESCO → icesco) unless --key gives one; it must be new.
                  partnergraph add org "ICESCO" --alias "الإيسيسكو@ar" --kind igo
                  partnergraph add person "Salim M. AlMalik" --alias "سالم بن محمد المالك@ar"
                  partnergraph add event "COP29" --kind conference --date 2024
                """)

        @Argument(help: ArgumentHelp("The entity type: organization (org), person, agreement, event or place.", valueName: "type"))
        var type: EntityType

        @Argument(help: "The primary name.")
        var name: String

        @Option(help: "The key; by default a slug of the name.")
        var key: String?

        @Option(name: .customLong("alias"), help: ArgumentHelp("Another name, with its language: NAME@LANG, e.g. \"الإيسيسكو@ar\" (repeatable).", valueName: "name@lang"))
        var aliases: [String] = []

        @Option(name: .customLong("lang"), help: ArgumentHelp("The language of the primary name (default: ar for Arabic script, else en).", valueName: "lang"))
        var nameLanguage: String?

        @Option(help: "The kind within the type: igo, state, parliament, network, unit, meeting, conference, programme, city, country, …")
        var kind: String?

        @Option(name: .customLong("attr"), help: ArgumentHelp("An attribute, KEY=VALUE (repeatable).", valueName: "key=value"))
        var attributes: [String] = []

        @OptionGroup var dates: DateOptions

        @Option(help: "A free note.")
        var note: String?

        @OptionGroup var citation: CitationOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let entity = try database.openGraphForWriting().addEntity(
                NewEntity(
                    type: type, name: name, key: key, nameLanguage: nameLanguage, kind: kind,
                    aliases: try parseAliases(aliases), attributes: try parseAttributes(attributes),
                    date: dates.date, startDate: dates.start, endDate: dates.end, note: note, citations: citation.citations))
            if output.json {
                try Terminal.printJSON(entity.ref)
            } else {
                print("Added \(entity.type.rawValue) \(terminalSafe(entity.name)) as \(entity.key)")
            }
        }
    }
}
