import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Timeline: ParsableCommand {
        /// How many entries the text shows unless told otherwise.
        static let defaultLimit = 20

        static let configuration = CommandConfiguration(
            commandName: "timeline",
            _superCommandName: toolName,
            abstract: "List dated facts in order: events, agreements, relations that start or end.",
            discussion: """
                Dates sort as written, precision-aware: 2024 comes before 2024-03, before 2024-03-25. \
                --from and --to keep facts whose date overlaps the period.
                  partnergraph timeline ICESCO
                  partnergraph timeline --from 2024 --to 2024-06
                Entries are listed in date order. When there are more than \(defaultLimit), the text shows the \
                latest \(defaultLimit) and says how many came before; --limit N shows N, --earliest the first ones \
                instead, --all every one.
                With --json: {"entity", "from", "to", "total", "truncated", "kept", "entries": [{"date", "kind", \
                "entity", "relation", "summary"}]}; kind is dated, starts, ends, relation, relation_starts or \
                relation_ends. --json carries every entry unless --limit is given.
                """)

        @Argument(help: "Only facts about this entity and the events and agreements it is tied to.", completion: .entity)
        var entity: String?

        @Option(help: ArgumentHelp("Only facts on or after this date.", valueName: "date"), transform: parseDate)
        var from: PartialDate?

        @Option(help: ArgumentHelp("Only facts on or before this date.", valueName: "date"), transform: parseDate)
        var to: PartialDate?

        @Option(help: ArgumentHelp(
            "At most this many entries, the latest (default \(defaultLimit); with --json, all unless given).", valueName: "n"))
        var limit: Int?

        @Flag(help: "Show every entry, however many.")
        var all = false

        @Flag(help: "With a limit, keep the earliest entries instead of the latest.")
        var earliest = false

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
            if all && limit != nil { throw ValidationError("--all and --limit cannot be used together; use one of them") }
            if let from, let to, to < from, !from.contains(to) { throw ValidationError("--to \(to) is before --from \(from)") }
        }

        /// The query: text shows the latest 20 unless told otherwise; JSON, for scripts,
        /// carries every entry unless `--limit` is given.
        var query: TimelineQuery {
            let limit = all ? nil : self.limit ?? (output.json ? nil : Self.defaultLimit)
            return TimelineQuery(entity: entity, from: from, to: to, limit: limit, keep: earliest ? .earliest : .latest)
        }

        func run() throws {
            let timeline = try database.openForReading(scope: entity.map { .around([$0], depth: 1) } ?? .whole).timeline(query)
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
            let left = timeline.total - timeline.entries.count
            if timeline.truncated && timeline.kept == .earliest {
                lines.append(Terminal.dim("… and \(left) later (\(timeline.total) in all): --all shows every one, --from DATE starts later"))
            } else if timeline.truncated {
                lines.insert(Terminal.dim("… \(left) earlier (\(timeline.total) in all): --all shows every one, --to DATE looks further back"), at: 0)
            }
            print(lines.joined(separator: "\n"))
        }
    }
}
