import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            _superCommandName: toolName,
            abstract: "Count entities and relations by type; list the most connected; count components.",
            discussion: """
                  partnergraph stats
                With --json: {"entities", "relations", "sources", "entities_by_type", "relations_by_type", \
                "most_connected": [{"entity", "relations"}], "components", "largest_component", \
                "isolated", "isolated_entities"}.
                """)

        @Option(help: "How many of the most connected entities to list.")
        var top = PartnerGraphStore.statsListLimit

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let stats = try database.openForReading().stats(top: top)
            if output.json {
                try Terminal.printJSON(stats)
                return
            }
            var lines = [Terminal.bold("\(stats.entities) entities, \(stats.relations) relations, \(stats.sources) source\(stats.sources == 1 ? "" : "s")")]
            lines.append("")
            lines.append(Terminal.bold("Entities by type"))
            lines += EntityType.allCases.map { "  \($0.rawValue): \(stats.entitiesByType[$0.rawValue] ?? 0)" }
            lines.append("")
            lines.append(Terminal.bold("Relations by type"))
            lines += stats.relationsByType.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "  \($0.key): \($0.value)" }
            lines.append("")
            lines.append(Terminal.bold("Most connected"))
            lines += stats.mostConnected.map { "  \($0.relations)  \(terminalSafe($0.entity.name)) (\($0.entity.key))" }
            lines.append("")
            lines.append("Connected components: \(stats.components) (the largest has \(stats.largestComponent) entities)")
            lines.append("Isolated entities: \(stats.isolated)"
                + (stats.isolatedEntities.isEmpty ? "" : ": " + stats.isolatedEntities.map(\.key).joined(separator: ", ")
                    + (stats.isolated > stats.isolatedEntities.count ? ", …" : "")))
            print(lines.joined(separator: "\n"))
        }
    }
}
