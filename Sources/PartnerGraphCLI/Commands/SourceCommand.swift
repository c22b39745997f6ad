import ArgumentParser
import Foundation
import PartnerGraph

extension PartnerGraphCommand {
    struct SourceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "source",
            _superCommandName: toolName,
            abstract: "Register, list and show the documents that facts cite.",
            subcommands: [AddSource.self, ListSources.self, ShowSource.self],
            defaultSubcommand: ListSources.self)

        struct AddSource: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Register a source document.",
                discussion: """
                    partnergraph source add icesco-2024-03-26 --title "…" --publisher ICESCO \
                    --published 2024-03-26 --language ar --text-file article.txt
                    Facts then cite it with --source icesco-2024-03-26.
                    """)

            @Argument(help: "The key facts cite it by, e.g. icesco-2024-03-26.")
            var key: String

            @Option(help: "The title.")
            var title: String

            @Option(help: "Who published it.")
            var publisher: String?

            @Option(help: "Where it is online.")
            var url: String?

            @Option(help: "When it was published: YYYY, YYYY-MM or YYYY-MM-DD.", transform: parseDate)
            var published: PartialDate?

            @Option(help: "Its language tag, e.g. ar.")
            var language: String?

            @Option(help: ArgumentHelp("A UTF-8 file holding the document's text, to store with it.", valueName: "path"), completion: .file())
            var textFile: String?

            @OptionGroup var database: DatabaseOptions

            func run() throws {
                var text: String?
                if let textFile {
                    let data = try FileAccess.contents(of: textFile, expected: "a text file")
                    guard let decoded = String(data: data, encoding: .utf8) else {
                        throw PartnerGraphError.fileNotReadable(path: textFile, reason: "it is not UTF-8 text; convert it to UTF-8")
                    }
                    text = decoded
                }
                let source = try database.openGraphForWriting().addSource(
                    Source(key: key, title: title, publisher: publisher, url: url, published: published, language: language, text: text))
                print("Registered source \(source.key): \(terminalSafe(source.title))")
            }
        }

        struct ListSources: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list", abstract: "List the registered sources.",
                discussion: "With --json: an array of objects with key, title, publisher, published, language, citation_count and has_text.")

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                let sources = try database.openGraphForReading().sources()
                if output.json {
                    try Terminal.printJSON(sources)
                    return
                }
                var table = TextTable(headers: ["KEY", "PUBLISHED", "PUBLISHER", "LANG", "CITED", "TITLE"])
                for source in sources {
                    table.rows.append([
                        source.key, source.published?.description ?? "", terminalSafe(source.publisher ?? ""),
                        source.language ?? "", String(source.citationCount), terminalSafe(source.title),
                    ])
                }
                print(sources.isEmpty ? "No sources. `partnergraph source add` registers one." : table.rendered())
            }
        }

        struct ShowSource: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "show", abstract: "Show a source and what cites it.",
                discussion: "With --json: an object with source (all its fields, text included), entities, relations and claims.")

            @Argument(help: "The source's key.", completion: .sourceKey)
            var key: String

            @Flag(help: "Also print the stored text.")
            var text = false

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                let detail = try database.openGraphForReading().source(key)
                if output.json {
                    try Terminal.printJSON(detail)
                    return
                }
                let source = detail.source
                print(Terminal.bold(terminalSafe(source.title)) + "  (\(source.key))")
                if let publisher = source.publisher { print("  publisher: \(terminalSafe(publisher))") }
                if let published = source.published { print("  published: \(published)") }
                if let language = source.language { print("  language: \(language)") }
                if let url = source.url { print("  url: \(terminalSafe(url))") }
                if let stored = source.text { print("  text: \(stored.count) characters stored" + (self.text ? "" : " (--text prints it)")) }
                print("\nCited by \(detail.entities.count) entities and \(detail.relations.count) relations")
                for entity in detail.entities { print("  \(entity.key)  \(terminalSafe(entity.name))") }
                for relation in detail.relations { print("  \(terminalSafe(relation))") }
                if !detail.claims.isEmpty {
                    print("\nStates \(detail.claims.count) value\(detail.claims.count == 1 ? "" : "s")")
                    for claim in detail.claims { print("  \(terminalSafe(claim))") }
                }
                if self.text, let stored = source.text { print("\n" + stored) }
            }
        }
    }
}
