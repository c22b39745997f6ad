import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Common: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "common",
            _superCommandName: toolName,
            abstract: "Show what two entities share: direct ties, common partners, events, agreements.",
            discussion: """
                Three layers: the relations between the two; the entities both are related to, by type \
                (common partners, people, agreements both are party to, events both took part in, \
                places); and the agreements and events tied to a shared agreement or event (e.g. a \
                programme that implements a shared action plan).
                  partnergraph common ICESCO "Republic of Azerbaijan"
                With --json: {"a", "b", "direct": [hop], "groups": [{"type", "title", "entries": \
                [{"entity", "from_a": [hop], "from_b": [hop]}]}], "linked": [{"entity", "through", "hop"}]}.
                """)

        @Argument(help: "The first entity.", completion: .entity)
        var a: String

        @Argument(help: "The second entity.", completion: .entity)
        var b: String

        @OptionGroup var traversal: TraversalOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if traversal.directed { throw ValidationError("--directed does not apply to common") }
        }

        func run() throws {
            let shared = try database.openForReading(scope: .around([a, b], depth: 2)).common(
                CommonQuery(a, b, asOf: traversal.asOf, relations: traversal.relations, excludeRelations: traversal.excludeRelations))
            if output.json {
                try Terminal.printJSON(shared)
                return
            }
            let nameA = terminalSafe(shared.a.name), nameB = terminalSafe(shared.b.name)
            var lines = [Terminal.bold("What \(nameA) and \(nameB) share")]
            if shared.isEmpty { lines.append("  nothing: no direct relation and no entity in common") }
            if !shared.direct.isEmpty {
                lines.append("")
                lines.append(Terminal.bold("Direct relations"))
                lines += shared.direct.map { "  " + HopText.sentence($0) }
            }
            for group in shared.groups {
                lines.append("")
                lines.append(Terminal.bold("\(group.title) (\(group.entries.count))"))
                for entry in group.entries {
                    lines.append("  \(terminalSafe(entry.entity.name)) (\(entry.entity.key))")
                    lines.append("    " + Terminal.dim("\(nameA): " + entry.fromA.map { $0.phrase + HopText.details($0) }.joined(separator: "; ")))
                    lines.append("    " + Terminal.dim("\(nameB): " + entry.fromB.map { $0.phrase + HopText.details($0) }.joined(separator: "; ")))
                }
            }
            if !shared.linked.isEmpty {
                lines.append("")
                lines.append(Terminal.bold("Linked through shared agreements and events (\(shared.linked.count))"))
                for item in shared.linked {
                    lines.append("  \(terminalSafe(item.entity.name)) (\(item.entity.key))  "
                        + Terminal.dim("\(terminalSafe(item.through.name)) \(HopText.arrow(item.hop))"))
                }
            }
            print(lines.joined(separator: "\n"))
        }
    }
}
