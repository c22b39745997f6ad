import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline",
            _superCommandName: toolName,
            abstract: "List dated facts in order: events, agreements, relations that start or end.",
            discussion: """
                Dates sort as written, precision-aware: 2024 comes before 2024-03, before 2024-03-25. \
                --from and --to keep facts whose date overlaps the period.
                  partnergraph timeline ICESCO
                  partnergraph timeline --from 2024 --to 2024-06
                With --json: {"entity", "from", "to", "truncated", "entries": [{"date", "kind", "entity", \
                "relation", "summary"}]}; kind is dated, starts, ends, relation, relation_starts or relation_ends.
                """)

        @Argument(help: "Only facts about this entity and the events and agreements it is tied to.", completion: .entity)
        var entity: String?

        @Option(help: ArgumentHelp("Only facts on or after this date.", valueName: "date"), transform: parseDate)
        var from: PartialDate?

        @Option(help: ArgumentHelp("Only facts on or before this date.", valueName: "date"), transform: parseDate)
        var to: PartialDate?

        @Option(help: "At most this many entries, the earliest first.")
        var limit: Int?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
            if let from, let to, to < from, !from.contains(to) { throw ValidationError("--to \(to) is before --from \(from)") }
        }

        func run() throws {
            let timeline = try database.openForReading().timeline(TimelineQuery(entity: entity, from: from, to: to, limit: limit))
            if output.json {
                try Terminal.printJSON(timeline)
                return
            }
            if timeline.entries.isEmpty {
                print("No dated facts" + (timeline.entity.map { " about \(terminalSafe($0.name))" } ?? "") + ".")
                return
            }
            let width = timeline.entries.map { $0.date.description.count }.max() ?? 4
            var lines = timeline.entries.map { entry in
                entry.date.description.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + terminalSafe(entry.summary)
            }
            if timeline.truncated { lines.append("… stopped at --limit \(limit ?? 0)") }
            print(lines.joined(separator: "\n"))
        }
    }
}
