import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            _superCommandName: toolName,
            abstract: "List entities, by type then key.",
            discussion: """
                  partnergraph list --type person
                  partnergraph list --type organization --kind state --json
                With --json the output is an array of objects with key, type, name, kind, aliases and relation_count.
                """)

        @Option(help: ArgumentHelp("Only entities of this type.", valueName: "type"))
        var type: EntityType?

        @Option(help: "Only entities of this kind (igo, state, city, …).")
        var kind: String?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let entities = try database.openForReading(scope: .whole).entities(type: type, kind: kind)
            if output.json {
                try Terminal.printJSON(entities)
                return
            }
            if entities.isEmpty {
                print("No entities" + (type.map { " of type \($0.rawValue)" } ?? "") + ". `partnergraph add` adds one.")
                return
            }
            var table = TextTable(headers: ["KEY", "TYPE", "KIND", "RELATIONS", "NAME", "ALIASES"])
            for entity in entities {
                table.rows.append([
                    entity.key, entity.type.rawValue, entity.kind ?? "", String(entity.relationCount),
                    terminalSafe(entity.name), entity.aliases.map { terminalSafe($0.name) }.joined(separator: " · "),
                ])
            }
            print(table.rendered())
        }
    }
}
