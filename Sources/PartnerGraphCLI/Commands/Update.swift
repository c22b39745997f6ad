import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            _superCommandName: toolName,
            abstract: "Change an entity: rename it, add or remove aliases and attributes, change its kind, dates or note.",
            discussion: """
                The key stays as it is, so references to the entity keep working.
                  partnergraph update icesco --add-alias "ICESCO@fr" --attr founded=1979
                  partnergraph update "Milli Majlis" --rename "National Assembly of Azerbaijan"
                  partnergraph update cop29 --clear-note --date 2024-11
                With --source, the source states the attributes and dates set with it. When another \
                source states a different value, record it beside the current one with --claim: \
                `show` then marks the disagreement.
                  partnergraph update icesco --attr founded=1979 --source walaw-2024-05-06
                  partnergraph update icesco --claim founded=1982 --source allafrica-2024-05-06
                """)

        @Argument(help: "The entity: key, name or alias.", completion: .entity)
        var entity: String

        @Option(help: "The new primary name.")
        var rename: String?

        @Option(name: .customLong("lang"), help: ArgumentHelp("The language of the primary name.", valueName: "lang"))
        var nameLanguage: String?

        @Option(name: .customLong("add-alias"), help: ArgumentHelp("Add a name, NAME@LANG (repeatable).", valueName: "name@lang"))
        var addAliases: [String] = []

        @Option(name: .customLong("remove-alias"), help: ArgumentHelp("Remove an alias by its name (repeatable).", valueName: "name"))
        var removeAliases: [String] = []

        @Option(name: .customLong("attr"), help: ArgumentHelp("Set an attribute, KEY=VALUE (repeatable).", valueName: "key=value"))
        var setAttributes: [String] = []

        @Option(name: .customLong("remove-attr"), help: ArgumentHelp("Remove an attribute (repeatable).", valueName: "key"))
        var removeAttributes: [String] = []

        @Option(
            name: .customLong("claim"),
            help: ArgumentHelp(
                "Record that --source states this value for an attribute or date (date, start, end), KEY=VALUE, without changing the current one (repeatable).",
                valueName: "key=value"))
        var claims: [String] = []

        @Option(help: "The new kind.")
        var kind: String?

        @Option(help: "The new date.", transform: parseDate)
        var date: PartialDate?

        @Option(help: "The new start.", transform: parseDate)
        var start: PartialDate?

        @Option(help: "The new end.", transform: parseDate)
        var end: PartialDate?

        @Option(help: "The new note.")
        var note: String?

        @Flag(help: "Remove the kind.") var clearKind = false
        @Flag(help: "Remove the date.") var clearDate = false
        @Flag(help: "Remove the start.") var clearStart = false
        @Flag(help: "Remove the end.") var clearEnd = false
        @Flag(help: "Remove the note.") var clearNote = false

        @OptionGroup var citation: CitationOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            let pairs: [(String, Bool, Bool)] = [
                ("kind", kind != nil, clearKind), ("date", date != nil, clearDate), ("start", start != nil, clearStart),
                ("end", end != nil, clearEnd), ("note", note != nil, clearNote),
            ]
            for (name, set, clear) in pairs where set && clear {
                throw ValidationError("--\(name) and --clear-\(name) contradict each other; give one")
            }
        }

        func run() throws {
            var changes = EntityChanges()
            changes.name = rename
            if let nameLanguage { changes.nameLanguage = .set(nameLanguage) }
            changes.kind = change(kind, clear: clearKind)
            changes.date = change(date, clear: clearDate)
            changes.startDate = change(start, clear: clearStart)
            changes.endDate = change(end, clear: clearEnd)
            changes.note = change(note, clear: clearNote)
            changes.addAliases = try parseAliases(addAliases)
            changes.removeAliases = removeAliases
            changes.setAttributes = try parseAttributes(setAttributes)
            changes.removeAttributes = removeAttributes
            changes.addCitations = citation.citations
            let citations: [CitationRef?] = citation.citations.isEmpty ? [nil] : citation.citations
            changes.addClaims = try parseAttributes(claims).sorted { $0.key < $1.key }.flatMap { field, value in
                citations.map { Claim(field: field, value: value, citation: $0) }
            }
            let store = try database.openGraphForWriting()
            let entity = try store.update(self.entity, with: changes)
            if output.json {
                try Terminal.printJSON(try store.profile(of: entity.key, relationsPerGroup: nil))
            } else {
                print("Updated \(terminalSafe(entity.name)) (\(entity.key))")
            }
        }

        private func change<T>(_ value: T?, clear: Bool) -> FieldChange<T> {
            if clear { return .clear }
            return value.map { .set($0) } ?? .keep
        }
    }
}
