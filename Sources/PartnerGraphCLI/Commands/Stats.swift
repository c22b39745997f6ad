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
                  partnergraph stats --full
                The counts of entities, relations and sources, and of entities by type, are read from \
                indexes, at any size. Relations by type, the most connected entities, components and \
                isolated entities need a pass over every relation: it is made on graphs of up to \
                \(PartnerGraphStore.statsFullPassLimit) relations, and on larger ones with --full (about \
                half a second on a million relations); --no-full leaves it out.
                With --json: {"entities", "relations", "sources", "entities_by_type", "full", and when full \
                is true "relations_by_type", "most_connected": [{"entity", "relations"}], "components", \
                "largest_component", "isolated", "isolated_entities"}.
                """)

        @Option(help: "How many of the most connected entities to list.")
        var top = PartnerGraphStore.statsListLimit

        @Flag(
            inversion: .prefixedNo,
            help: "Read every relation for relations by type, the most connected, components and isolated entities (default: on graphs of up to \(PartnerGraphStore.statsFullPassLimit) relations).")
        var full: Bool?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if top < 0 { throw ValidationError("--top must be 0 or more, not \(top)") }
        }

        func run() throws {
            let stats = try database.openForReading(scope: .whole).stats(top: top, full: full)
            if output.json {
                try Terminal.printJSON(stats)
                return
            }
            var lines = [Terminal.bold("\(stats.entities) entities, \(stats.relations) relations, \(stats.sources) source\(stats.sources == 1 ? "" : "s")")]
            lines.append("")
            lines.append(Terminal.bold("Entities by type"))
            lines += EntityType.allCases.map { "  \($0.rawValue): \(stats.entitiesByType[$0.rawValue] ?? 0)" }
            guard stats.full, let relationsByType = stats.relationsByType else {
                lines.append("")
                lines.append(Terminal.dim(
                    "Relations by type, the most connected entities and components need a pass over all \(stats.relations) relations: "
                        + "`partnergraph stats --full` makes it."))
                print(lines.joined(separator: "\n"))
                return
            }
            lines.append("")
            lines.append(Terminal.bold("Relations by type"))
            lines += relationsByType.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "  \($0.key): \($0.value)" }
            lines.append("")
            lines.append(Terminal.bold("Most connected"))
            lines += (stats.mostConnected ?? []).map { "  \($0.relations)  \(terminalSafe($0.entity.name)) (\($0.entity.key))" }
            lines.append("")
            lines.append("Connected components: \(stats.components ?? 0) (the largest has \(stats.largestComponent ?? 0) entities)")
            let isolated = stats.isolatedEntities ?? []
            lines.append("Isolated entities: \(stats.isolated ?? 0)"
                + (isolated.isEmpty ? "" : ": " + isolated.map(\.key).joined(separator: ", ")
                    + ((stats.isolated ?? 0) > isolated.count ? ", …" : "")))
            print(lines.joined(separator: "\n"))
        }
    }
}
