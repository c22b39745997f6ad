import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Duplicates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "duplicates",
            _superCommandName: toolName,
            abstract: "Suggest entities that are likely one and the same, with a score and the reason.",
            discussion: """
                Pairs are of one type: the same name (1.0); one's name an alias of the other (0.95); \
                a shared alias (0.9); spellings that differ only in spaces, hyphens, the article \
                al/el or doubled letters (0.85: AlMalik, Al-Malik); initials (0.75: Salim M. AlMalik, \
                Salim Mohammed AlMalik); transliterated vowels (0.7: Al Malek, Samadov, Samedov). \
                Pairs recorded with `partnergraph distinct` are left out. Then:
                  partnergraph merge KEEP OTHER      one entity, OTHER's names as aliases
                  partnergraph distinct A B          not the same: stop proposing them
                The text lists the best \(defaultLimit) pairs and counts the rest (--limit N, --all). \
                With --json the output is an array of objects with first and second (key, type, \
                name), score and reason: every pair, unless --limit is given.
                """)

        /// How many pairs the text lists unless told otherwise.
        static let defaultLimit = 50

        @Option(name: .customLong("min-score"), help: "Only pairs scoring at least this, from 0 to 1.")
        var minScore: Double = 0.6

        @Option(help: ArgumentHelp("Only entities of this type.", valueName: "type"))
        var type: EntityType?

        @Option(help: ArgumentHelp(
            "List the best N pairs (default \(defaultLimit); with --json, all unless given).", valueName: "n"))
        var limit: Int?

        @Flag(help: "List every pair, however many.")
        var all = false

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be from 0 to 1, e.g. 0.8") }
            if all && limit != nil { throw ValidationError("--all and --limit cannot be used together; use one of them") }
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, not \(limit)") }
        }

        func run() throws {
            let store = try database.openForReading()
            let found: DuplicateSuggestions
            if let shown = all ? nil : limit ?? (output.json ? nil : Self.defaultLimit) {
                found = try store.duplicates(minimumScore: minScore, type: type, limit: shown)
            } else {
                let pairs = try store.duplicates(minimumScore: minScore, type: type)
                found = DuplicateSuggestions(pairs: pairs, total: pairs.count)
            }
            let pairs = found.pairs
            if output.json {
                try Terminal.printJSON(pairs)
                return
            }
            if pairs.isEmpty {
                print("No likely duplicates" + (minScore > 0 ? " scoring \(minScore) or more." : "."))
                return
            }
            var table = TextTable(headers: ["SCORE", "TYPE", "FIRST", "SECOND", "WHY"])
            for pair in pairs {
                table.rows.append([
                    String(format: "%.2f", pair.score), pair.first.type.rawValue,
                    "\(pair.first.key) (\(terminalSafe(pair.first.name)))", "\(pair.second.key) (\(terminalSafe(pair.second.name)))",
                    terminalSafe(pair.reason),
                ])
            }
            print(table.rendered())
            if pairs.count < found.total {
                print(Terminal.dim(
                    "… and \(found.total - pairs.count) more pairs, less alike: --limit N lists the best N, --all every one."))
            }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            _superCommandName: toolName,
            abstract: "Merge OTHER into KEEP: one entity, with OTHER's names as aliases and its relations and citations.",
            discussion: """
                OTHER's kind, dates, note and attributes fill what KEEP lacks; where both have a \
                value and they differ, KEEP's stays and the conflict is listed (the other value \
                stays in the history). Relations identical to one KEEP has are folded into it, \
                their citations combined; relations between the two are removed. OTHER's key \
                then names KEEP. `partnergraph undo` takes the whole merge back.
                  partnergraph merge icesco isesco
                With --json the output is an object with kept, merged, aliases_added, \
                relations_moved, relations_folded, relations_dropped and conflicts.
                """)

        @Argument(help: "The entity to keep: key, name or alias.", completion: .entity)
        var keep: String

        @Argument(help: "The entity to merge into it and remove.", completion: .entity)
        var other: String

        @Flag(help: "Merge even two entities recorded as distinct.")
        var force = false

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let report = try database.openForWriting().merge(keep, other, force: force)
            if output.json {
                try Terminal.printJSON(report)
                return
            }
            print("Merged \(report.merged.key) (\(terminalSafe(report.merged.name))) into \(report.kept.key) (\(terminalSafe(report.kept.name)))")
            if !report.aliasesAdded.isEmpty {
                print("  names added as aliases: " + report.aliasesAdded.map { terminalSafe($0) }.joined(separator: " · "))
            }
            var relations: [String] = []
            if report.relationsMoved > 0 { relations.append("\(report.relationsMoved) moved") }
            if report.relationsFolded > 0 { relations.append("\(report.relationsFolded) folded into identical ones") }
            if report.relationsDropped > 0 { relations.append("\(report.relationsDropped) between the two removed") }
            if !relations.isEmpty { print("  relations: " + relations.joined(separator: ", ")) }
            for conflict in report.conflicts {
                print("  kept \(conflict.field) = \(terminalSafe(conflict.kept)) (\(report.merged.key) had \(terminalSafe(conflict.other)))")
            }
            print("\(report.merged.key) now names \(report.kept.key); `partnergraph undo` takes the merge back.")
        }
    }

    struct Distinct: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "distinct",
            _superCommandName: toolName,
            abstract: "Record that two entities are not the same: `duplicates` stops proposing them.",
            discussion: """
                  partnergraph distinct "Salim AlMalik" "Salem Al Malek"
                `merge` of the two then asks for --force.
                """)

        @Argument(help: "One entity: key, name or alias.", completion: .entity)
        var first: String

        @Argument(help: "The other.", completion: .entity)
        var second: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let (a, b) = try database.openForWriting().markDistinct(first, second)
            print("Recorded that \(a.key) (\(terminalSafe(a.name))) and \(b.key) (\(terminalSafe(b.name))) are distinct")
        }
    }
}
