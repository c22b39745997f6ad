import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            _superCommandName: toolName,
            abstract: "Remove an entity.",
            discussion: """
                An entity that still has relations is kept unless --cascade is given; then its \
                relations are removed with it and listed.
                  partnergraph remove "Old Forum" --cascade
                """)

        @Argument(help: "The entity: key, name or alias.", completion: .entity)
        var entity: String

        @Flag(help: "Also remove the entity's relations.")
        var cascade = false

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let report = try database.openGraphForWriting().remove(entity, cascade: cascade)
            if output.json {
                try Terminal.printJSON(report)
                return
            }
            print("Removed \(report.entity.type.rawValue) \(terminalSafe(report.entity.name)) (\(report.entity.key))")
            if !report.removedRelations.isEmpty {
                print("and its \(report.removedRelations.count) relation\(report.removedRelations.count == 1 ? "" : "s"):")
                for relation in report.removedRelations { print("  \(relation.summary)") }
            }
        }
    }
}
