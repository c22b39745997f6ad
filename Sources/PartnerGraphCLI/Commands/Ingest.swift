import ArgumentParser
import Foundation
import PartnerGraph

extension Article.Language: ExpressibleByArgument {}

extension PartnerGraphCommand {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ingest",
            _superCommandName: toolName,
            abstract: "Read a press release: store it as a source, find who and what it mentions, and draft the facts it states for review.",
            discussion: """
                The article (UTF-8 text in Arabic, English or French; - reads standard input) is stored \
                as a source with its text. Its title is its first line and its publication date the \
                date on its first lines, unless --title and --published say otherwise; its language \
                is detected unless --language gives it. Then ingest prints:
                  - the mentions of entities the graph knows, by any name or alias, with their positions;
                  - new names (candidate entities), ranked, with their context;
                  - the dates it gives, weekdays resolved against the publication date;
                  - the facts it proposes (headships, meetings, signings, observer status, membership).
                Nothing but the source enters the graph: the proposed entities and facts wait as drafts \
                until `partnergraph review` accepts them. The same text ingested again reuses its source.
                  partnergraph ingest release.txt --publisher ICESCO
                  partnergraph review
                  partnergraph review accept --all --min-confidence 0.7
                  partnergraph render --source icesco-2024-03-26 -o article.svg
                With --json: an object with source, reused, language, language_detected, mentions \
                (entity, text, start, end, matched), candidates, dates (text, date, start, end, reading), \
                drafts (as `review --json`) and already_recorded. Offsets count Unicode scalars.
                """)

        @Argument(help: ArgumentHelp("The article: a UTF-8 text file, or - for standard input.", valueName: "file"), completion: .file())
        var file: String

        @Option(help: "The source's key (default: PUBLISHER-DATE, else the title's first words).")
        var key: String?

        @Option(help: "The title (default: the article's first line).")
        var title: String?

        @Option(help: "Who published it, e.g. ICESCO.")
        var publisher: String?

        @Option(help: "When it was published: YYYY, YYYY-MM or YYYY-MM-DD (default: the date on its first lines).", transform: parseDate)
        var published: PartialDate?

        @Option(help: "Where it is online.")
        var url: String?

        @Option(help: "Its language: ar, en or fr (default: detected).")
        var language: Article.Language?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let origin = file == "-" ? "standard input" : file
            let article = try Article(data: try Self.read(file), origin: origin, language: language)
            let report = try database.openForWriting().ingest(
                article, key: key, title: title, publisher: publisher, published: published, url: url)
            if output.json {
                try Terminal.printJSON(report)
            } else {
                print(IngestText.render(report))
            }
        }

        /// The bytes of the file, refusing one larger than an article can be before reading it.
        static func read(_ file: String) throws -> Data {
            if file == "-" {
                var data = Data()
                while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
                    data.append(chunk)
                    if data.count > Article.maximumBytes {
                        throw IngestError.tooLarge(origin: "standard input", bytes: data.count, limit: Article.maximumBytes)
                    }
                }
                return data
            }
            try FileAccess.checkReadable(file, expected: "a text file")
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            if size > Article.maximumBytes {
                throw IngestError.tooLarge(origin: file, bytes: size, limit: Article.maximumBytes)
            }
            return try FileAccess.contents(of: file, expected: "a text file")
        }
    }
}

/// The text `ingest` prints for people.
enum IngestText {
    static func render(_ report: IngestReport) -> String {
        var lines: [String] = []
        let source = report.source
        var facts = [report.language + (report.languageDetected ? ", detected" : "")]
        if let published = source.published { facts.append("published \(published)") }
        if let publisher = source.publisher { facts.append(terminalSafe(publisher)) }
        lines.append(
            (report.reused ? "Already registered as " : "Registered ") + Terminal.bold(source.key) + ": " + terminalSafe(source.title)
                + "  (" + facts.joined(separator: " · ") + ")")
        if report.reused { lines.append("  The same text was ingested before: its source and drafts are reused.") }

        // Mentions, by entity, with where each stands.
        var order: [String] = []
        var byEntity: [String: (ref: EntityRef, mentions: [IngestReport.Mention])] = [:]
        var ambiguous: [IngestReport.Mention] = []
        for mention in report.mentions {
            guard let entity = mention.entity else {
                ambiguous.append(mention)
                continue
            }
            if byEntity[entity.key] == nil {
                order.append(entity.key)
                byEntity[entity.key] = (entity, [])
            }
            byEntity[entity.key]!.mentions.append(mention)
        }
        lines.append("")
        lines.append(Terminal.bold("Mentions") + " (\(report.mentions.count) of \(order.count) known entities)")
        if report.mentions.isEmpty { lines.append("  none: the graph knows no name in it") }
        for key in order {
            let (ref, mentions) = byEntity[key]!
            var written: [String] = []
            for mention in mentions where !written.contains(mention.text) { written.append(mention.text) }
            lines.append(
                "  \(terminalSafe(ref.name)) (\(ref.key) · \(ref.type.rawValue))  \(mentions.count)× at "
                    + mentions.map { String($0.start) }.joined(separator: ", ") + "  as " + written.map { "«\(terminalSafe($0))»" }.joined(separator: ", "))
        }
        for mention in ambiguous {
            lines.append(
                "  «\(terminalSafe(mention.text))» at \(mention.start): \(mention.candidateCount ?? 0) entities bear this name: "
                    + (mention.candidates ?? []).map { "\(terminalSafe($0.name)) (\($0.key))" }.joined(separator: ", ")
                    + ((mention.candidateCount ?? 0) > (mention.candidates?.count ?? 0) ? ", …" : ""))
        }

        lines.append("")
        lines.append(Terminal.bold("Dates") + " (\(report.dates.count))")
        if report.dates.isEmpty { lines.append("  none") }
        for date in report.dates {
            let reading = date.reading == .weekday ? "  (weekday, counted back from the publication date)" : ""
            lines.append("  " + date.date.description.padding(toLength: 11, withPad: " ", startingAt: 0) + "«\(terminalSafe(date.text))» at \(date.start)" + reading)
        }

        lines.append("")
        lines.append(Terminal.bold("New names") + " (\(report.candidates.count), most likely first)")
        if report.candidates.isEmpty { lines.append("  none") }
        for candidate in report.candidates {
            let id = candidate.draft.map { "#\($0)" } ?? "  "
            var line = "  \(id)  \(String(format: "%.2f", candidate.score))  \(candidate.type.rawValue)  \(terminalSafe(candidate.name))"
            if !candidate.aliases.isEmpty { line += " (also " + candidate.aliases.map { terminalSafe($0.name) }.joined(separator: ", ") + ")" }
            line += "  — \(candidate.evidence)" + (candidate.occurrences > 1 ? ", \(candidate.occurrences)×" : "")
            lines.append(line)
            lines.append("        «…\(terminalSafe(candidate.context))…»")
        }

        let relationDrafts = report.drafts.filter { $0.kind == .relation }
        let candidateDrafts = Set(report.candidates.compactMap(\.draft))
        let generated = report.drafts.filter { $0.kind == .entity && !candidateDrafts.contains($0.id) }
        lines.append("")
        lines.append(Terminal.bold("Proposed facts") + " (\(relationDrafts.count + generated.count))")
        if relationDrafts.isEmpty && generated.isEmpty { lines.append("  none") }
        for draft in generated + relationDrafts {
            lines.append("  #\(draft.id)  \(String(format: "%.2f", draft.confidence))  \(terminalSafe(draft.summary))" + (draft.cue.map { "  — cue «\(terminalSafe($0))»" } ?? ""))
        }
        if !report.alreadyRecorded.isEmpty {
            lines.append("")
            lines.append(Terminal.bold("Already recorded") + " (\(report.alreadyRecorded.count), not proposed again)")
            for fact in report.alreadyRecorded { lines.append("  " + terminalSafe(fact)) }
        }
        let open = report.drafts.filter { $0.status == .open }.count
        lines.append("")
        if open > 0 {
            lines.append("\(open) drafts wait for review: `partnergraph review \(source.key)`; accept with `partnergraph review accept ID…`.")
        } else {
            lines.append("Nothing waits for review.")
        }
        return lines.joined(separator: "\n")
    }
}
