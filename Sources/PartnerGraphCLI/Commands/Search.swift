import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            _superCommandName: toolName,
            abstract: "Search names, aliases, notes and stored source texts, best match first.",
            discussion: """
                Every word must occur; the last may be the start of a word. Arabic is folded (أ إ آ → ا, \
                ى → ي, ة → ه, harakat dropped) and the joined clitics و ف ب ل ال لل are handled, so \
                أذربيجان finds وأذربيجان and الإيسيسكو finds للإيسيسكو.
                  partnergraph search azerbaijan
                  partnergraph search الإيسيسكو --type organization
                With --json: {"query", "terms", "hits": [{"kind", "key", "type", "name", "matched", \
                "snippet", "relation", "score"}]}; kind is entity, source or relation.
                """)

        @Argument(help: "The words to find.")
        var text: [String]

        @Option(help: "At most this many hits.")
        var limit = 20

        @Option(name: .customLong("type"), help: ArgumentHelp("Only entities of this type (repeatable).", valueName: "type"))
        var types: [EntityType] = []

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let results = try database.openGraphForReading().search(SearchQuery(text.joined(separator: " "), limit: limit, entityTypes: types))
            if output.json {
                try Terminal.printJSON(results)
                return
            }
            if results.hits.isEmpty {
                print("Nothing matches \(terminalSafe(results.query)).")
                return
            }
            var lines: [String] = []
            for hit in results.hits {
                switch hit.kind {
                case .entity:
                    lines.append("\(terminalSafe(hit.name)) (\(hit.key ?? "") · \(hit.type?.rawValue ?? ""))"
                        + (hit.matched.map { "  as " + terminalSafe($0) } ?? ""))
                case .source:
                    lines.append("source [\(hit.key ?? "")] \(terminalSafe(hit.name))")
                case .relation:
                    lines.append("relation: \(terminalSafe(hit.name))")
                }
                if let snippet = hit.snippet { lines.append("    " + Terminal.dim(terminalSafe(snippet))) }
            }
            print(lines.joined(separator: "\n"))
        }
    }
}
