import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            _superCommandName: toolName,
            abstract: "List the changes made to the graph, newest first: who, when, which command, what it changed.",
            discussion: """
                Every command that writes (add, link, unlink, update, remove, import, review accept, \
                undo, …) is recorded as one change, in the same transaction as the change itself. \
                `partnergraph undo N` reverts change N.
                  partnergraph history
                  partnergraph history ICESCO --since 2024-05
                With --json the output is an array of objects with id, at, user, command, undoes \
                (for an undo), bulk, and counts (kind, added, changed, removed).
                The user is $PARTNERGRAPH_USER, else the system's user name.
                """)

        @Argument(
            help: "Only the changes that touched this entity (key, name or alias; a removed entity by its old key).",
            completion: .entity)
        var entity: String?

        @Option(help: "Only the changes made on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", transform: parseDate)
        var since: PartialDate?

        @Option(help: "At most this many changes.")
        var limit: Int?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
        }

        func run() throws {
            let changes = try database.openForReading().history(entity: entity, since: since, limit: limit)
            if output.json {
                try Terminal.printJSON(changes)
                return
            }
            if changes.isEmpty {
                print(entity == nil && since == nil ? "No changes recorded yet." : "No change matches.")
                return
            }
            var table = TextTable(headers: ["#", "WHEN (UTC)", "WHO", "COMMAND", "CHANGED"])
            for change in changes {
                var summary = change.summary
                if let undone = change.undoes { summary = "undid #\(undone): " + summary }
                table.rows.append([
                    String(change.id), Self.when(change.at), terminalSafe(change.user), terminalSafe(change.command), summary,
                ])
            }
            print(table.rendered())
        }

        /// `2026-12-03T14:05:09Z` as `2026-12-03 14:05`.
        static func when(_ timestamp: String) -> String {
            String(timestamp.prefix(16)).replacingOccurrences(of: "T", with: " ")
        }
    }

    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo",
            _superCommandName: toolName,
            abstract: "Revert the last change, or change N (see `partnergraph history`).",
            discussion: """
                The undo is itself a change: undo it to make the change again. A change that a \
                later one builds on (a relation added to an entity the undo would remove, a row \
                changed again since) is refused, naming that later change.
                  partnergraph undo
                  partnergraph undo 12
                With --json the output is an object with undone and change, each a change as \
                `history --json` prints it.
                """)

        @Argument(help: "The number of the change to revert; the last one when left out.")
        var change: Int64?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let report = try database.openForWriting().undo(change)
            if output.json {
                try Terminal.printJSON(report)
                return
            }
            print("Undid #\(report.undone.id) (\(terminalSafe(report.undone.command))): \(report.change.summary); recorded as #\(report.change.id)")
        }
    }
}
