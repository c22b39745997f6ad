import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Vocab: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vocab",
            _superCommandName: toolName,
            abstract: "List the relation vocabulary, or add a relation type.",
            subcommands: [ListTypes.self, AddType.self],
            defaultSubcommand: ListTypes.self)

        struct ListTypes: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "List the relation types: how each reads both ways and which entity types it joins.",
                discussion: "With --json: an array of objects with name, forward_phrase, inverse_phrase, source_types, target_types, symmetric, builtin and description.")

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                let types = try database.openGraphForReading().relationTypes()
                if output.json {
                    try Terminal.printJSON(types)
                    return
                }
                var table = TextTable(headers: ["TYPE", "READS", "INVERSE", "FROM", "TO", ""])
                for type in types {
                    table.rows.append([
                        type.name, type.forwardPhrase, type.inversePhrase,
                        type.sourceTypes.map(\.rawValue).joined(separator: ","),
                        type.targetTypes.map(\.rawValue).joined(separator: ","),
                        [type.symmetric ? "symmetric" : nil, type.builtin ? nil : "user"].compactMap { $0 }.joined(separator: ", "),
                    ])
                }
                print(table.rendered())
            }
        }

        struct AddType: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Add a relation type to the vocabulary.",
                discussion: """
                    partnergraph vocab add funded_by --forward "funded by" --inverse "funds" \
                    --from event --from agreement --to organization
                    """)

            @Argument(help: "The name: lowercase letters, digits and '_', e.g. funded_by.")
            var name: String

            @Option(help: "How it reads from source to target, e.g. \"funded by\".")
            var forward: String

            @Option(help: "How it reads from target to source, e.g. \"funds\"; defaults to the forward phrase for a symmetric type.")
            var inverse: String?

            @Option(name: .customLong("from"), help: ArgumentHelp("An entity type the source may have (repeatable).", valueName: "type"))
            var sourceTypes: [EntityType]

            @Option(name: .customLong("to"), help: ArgumentHelp("An entity type the target may have (repeatable).", valueName: "type"))
            var targetTypes: [EntityType]

            @Flag(help: "The relation means the same both ways (like partner_of).")
            var symmetric = false

            @Option(help: "What the relation means.")
            var description: String?

            @OptionGroup var database: DatabaseOptions

            func validate() throws {
                if inverse == nil && !symmetric {
                    throw ValidationError("give --inverse, the phrase that reads from target to source (or --symmetric)")
                }
            }

            func run() throws {
                try database.openGraphForWriting().addRelationType(
                    RelationType(
                        name: name, forwardPhrase: forward, inversePhrase: inverse ?? forward, sourceTypes: sourceTypes,
                        targetTypes: targetTypes, symmetric: symmetric, description: description))
                print("Added relation type \(name): \(sourceTypes.map(\.rawValue).joined(separator: "|")) —\(forward)→ \(targetTypes.map(\.rawValue).joined(separator: "|"))")
            }
        }
    }
}
