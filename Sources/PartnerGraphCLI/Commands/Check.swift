import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            _superCommandName: toolName,
            abstract: "Check the database: SQLite's integrity and foreign keys, and the graph's own rules.",
            discussion: """
                SQLite's PRAGMA integrity_check and foreign_key_check, then what the schema cannot \
                enforce: relations whose entity types their relation type does not allow (after a \
                change of the vocabulary), relations from an entity to itself, symmetric relations \
                recorded both ways, citations of missing sources, entities or relations, aliases that \
                are another entity's name (same type), dates that cannot be read or end before they \
                start, keys PartnerGraph would refuse, names filed under a stale look-up form, \
                relation_incoming out of step with relation, and relation types that name unknown \
                entity types. Problems are grouped by kind, with the keys of the entities concerned \
                and what to do.
                Exit status: 0 when nothing is wrong, 1 when something is.
                  partnergraph check
                With --json: {"database", "clean", "counts": {"entities", "relations", "sources"}, \
                "problem_count", "totals": {KIND: N}, "problems": [{"kind", "message", "entities", \
                "relation", "table", "row"}]}, at most 1000 problems of each kind.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        /// The problems of one kind listed on a terminal; --json lists more.
        static let shownPerKind = 20

        func run() throws {
            let report = try database.openForReading().check()
            if output.json {
                try Terminal.printJSON(report)
            } else {
                print(Self.text(of: report, database: database.resolvedPath))
            }
            if !report.isClean { throw ExitCode.failure }
        }

        static func text(of report: CheckReport, database: String) -> String {
            let counts = report.counts.summary
            guard !report.isClean else {
                return "\(database): no problems (\(counts)); SQLite's integrity and foreign-key checks pass, and so do the graph's rules"
            }
            let total = report.problemCount
            var lines = [Terminal.bold("\(database): \(total) problem\(total == 1 ? "" : "s") (\(counts))")]
            for group in report.groups {
                lines.append("")
                lines.append(Terminal.bold("\(group.kind.title) (\(group.total))"))
                lines += group.problems.prefix(shownPerKind).map { "  " + terminalSafe($0.message) }
                if group.total > shownPerKind {
                    lines.append("  … and \(group.total - shownPerKind) more; --json lists up to \(CheckReport.problemLimit) of each kind")
                }
                lines.append(Terminal.dim("  fix: \(group.kind.fix)"))
            }
            return lines.joined(separator: "\n")
        }
    }
}
