import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            _superCommandName: toolName,
            abstract: "Show an entity: its names in every language, kind, dates, relations and sources.",
            discussion: """
                The entity is named by key, name or alias, in any spelling:
                  partnergraph show ICESCO
                  partnergraph show الإيسيسكو
                Relations are grouped by type and direction, each group by the other entity's name. \
                A group of more than \(PartnerGraphStore.profileRelationsPerGroup) shows its count and its first \
                \(PartnerGraphStore.profileRelationsPerGroup); --limit N shows the first N (0: only the counts), \
                --all every one.
                With --json the output is an object with key, type, name, name_language, kind, aliases, \
                attributes, date, start, end, note, citations, relation_count, relation_groups (each with \
                type, direction, phrase, count, shown) and relations (each with id, type, direction, phrase, \
                source, target, other, role, start, end, date, note, citations): every relation, unless \
                --limit is given (then relation_limit says how many of each group).
                """)

        @Argument(help: "The entity: key, name or alias.", completion: .entity)
        var entity: String

        @Flag(help: "Show every relation, however many.")
        var all = false

        @Option(help: ArgumentHelp(
            "Show the first N relations of each group (default \(PartnerGraphStore.profileRelationsPerGroup); with --json, all unless given).",
            valueName: "n"))
        var limit: Int?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if all && limit != nil { throw ValidationError("--all and --limit cannot be used together; use one of them") }
            if let limit, limit < 0 { throw ValidationError("--limit must be 0 (only the counts) or more, not \(limit)") }
        }

        /// How many relations of each group to read: text shows the first 20 unless told
        /// otherwise; JSON, for scripts, carries every relation unless `--limit` is given.
        var relationsPerGroup: Int? {
            if all { return nil }
            return limit ?? (output.json ? nil : PartnerGraphStore.profileRelationsPerGroup)
        }

        func run() throws {
            let profile = try database.openGraphForReading().profile(of: entity, relationsPerGroup: relationsPerGroup)
            if output.json {
                try Terminal.printJSON(profile)
            } else {
                print(ProfileText.render(profile))
            }
        }
    }
}
