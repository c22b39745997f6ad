import ArgumentParser
import Foundation
import PartnerGraph

extension PartnerGraphCommand {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            _superCommandName: toolName,
            abstract: "Review what ingest proposed: list the drafts, accept, edit or reject them.",
            discussion: """
                Every entity and relation that `partnergraph ingest` finds waits here as a draft. \
                Accepting one records it through the same checks as `add` and `link`, citing the \
                article with the sentence it came from; a relation whose end is a proposed entity \
                accepts that entity too.
                  partnergraph review                              the open drafts
                  partnergraph review icesco-2024-03-26            those of one article
                  partnergraph review accept 12 13
                  partnergraph review edit 14 --role "Speaker"
                  partnergraph review reject 15
                  partnergraph review accept --all --min-confidence 0.7
                """,
            subcommands: [ListDrafts.self, Accept.self, Edit.self, Reject.self],
            defaultSubcommand: ListDrafts.self)

        struct ListDrafts: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "List the drafts waiting for review.",
                discussion: """
                    With --json: an array of drafts, each with id, kind (entity or relation), status, source, \
                    confidence, cue, sentence, and entity (type, name, key, language, kind, aliases, dates) or \
                    relation (type, phrase, from, to, role, dates; an end has the key of an entity of the graph \
                    or the id of an entity draft, and a name), and created_entity / created_relation once accepted.
                    """)

            @Argument(help: ArgumentHelp("Only the drafts of this source (its key).", valueName: "source"), completion: .sourceKey)
            var source: String?

            @Option(help: "Which drafts: open, accepted, rejected or all.")
            var status: String = "open"

            @Flag(help: "Also print the sentence each draft came from.")
            var sentences = false

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var output: OutputOptions

            func validate() throws {
                if status != "all" && Draft.Status(rawValue: status) == nil {
                    throw ValidationError("--status must be open, accepted, rejected or all, not \(quotedValue(status))")
                }
            }

            func run() throws {
                let drafts = try database.openForReading().drafts(source: source, status: Draft.Status(rawValue: status))
                if output.json {
                    try Terminal.printJSON(drafts)
                    return
                }
                if drafts.isEmpty {
                    print(status == "open" ? "No drafts wait for review. `partnergraph ingest FILE` reads an article." : "No \(status) drafts.")
                    return
                }
                print(ReviewText.render(drafts, sentences: sentences))
            }
        }

        struct Accept: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "accept",
                abstract: "Accept drafts into the graph.",
                discussion: """
                    All or nothing: when one draft cannot be accepted (its entity was removed since, \
                    the relation exists already, the vocabulary forbids it), none is, and the message \
                    names the draft and the fix.
                      partnergraph review accept 12 13
                      partnergraph review accept --all --min-confidence 0.7 --source icesco-2024-03-26
                    """)

            @Argument(help: ArgumentHelp("The drafts to accept, by id.", valueName: "id"))
            var ids: [Int64] = []

            @Flag(help: "Accept every open draft (of --source, if given) of at least --min-confidence.")
            var all = false

            @Option(help: "With --all: the lowest confidence to accept, from 0 to 1.")
            var minConfidence: Double = 0

            @Option(name: .customLong("source"), help: ArgumentHelp("With --all: only the drafts of this source.", valueName: "source-key"), completion: .sourceKey)
            var source: String?

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var output: OutputOptions

            func validate() throws {
                if all == !ids.isEmpty { throw ValidationError("give the ids of the drafts to accept, or --all, not both") }
                if !all && (source != nil || minConfidence != 0) { throw ValidationError("--source and --min-confidence go with --all") }
                if !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence is from 0 to 1, e.g. 0.7") }
            }

            func run() throws {
                let store = try database.openForWriting()
                let accepted = all ? try store.acceptDrafts(source: source, minimumConfidence: minConfidence) : try store.acceptDrafts(ids)
                if output.json {
                    try Terminal.printJSON(accepted)
                    return
                }
                if accepted.isEmpty { print("No open draft has a confidence of at least \(minConfidence).") }
                for draft in accepted {
                    let result = draft.createdEntity.map { "added as \($0)" } ?? draft.createdRelation.map { "linked as #\($0)" } ?? ""
                    print("Accepted #\(draft.id): \(terminalSafe(draft.summary))  (\(result))")
                }
            }
        }

        struct Reject: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "reject",
                abstract: "Reject drafts; relations that need a rejected entity are rejected with it.")

            @Argument(help: ArgumentHelp("The drafts to reject, by id.", valueName: "id"))
            var ids: [Int64]

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                let rejected = try database.openForWriting().rejectDrafts(ids)
                if output.json {
                    try Terminal.printJSON(rejected)
                    return
                }
                for draft in rejected { print("Rejected #\(draft.id): \(terminalSafe(draft.summary))") }
            }
        }

        struct Edit: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "edit",
                abstract: "Change a draft before accepting it.",
                discussion: """
                    An entity draft takes --name, --type, --key, --kind, --alias, --remove-alias and dates; \
                    a relation draft takes --relation, --from, --to (an entity's key or name, or #ID for an \
                    entity draft), --role and dates.
                      partnergraph review edit 3 --name "Sahiba Gafarova" --alias "صاحبة غفاروفا@ar"
                      partnergraph review edit 9 --role Speaker --from sahiba-gafarova
                    """)

            @Argument(help: ArgumentHelp("The draft, by id.", valueName: "id"))
            var id: Int64

            @Option(help: "The entity's name.")
            var name: String?

            @Option(help: ArgumentHelp("The entity's type: organization, person, agreement, event or place.", valueName: "type"))
            var type: EntityType?

            @Option(help: "The key the new entity will get.")
            var key: String?

            @Option(help: "The entity's kind: igo, state, meeting, city, …")
            var kind: String?

            @Option(name: .customLong("alias"), help: ArgumentHelp("Add a name: NAME@LANG (repeatable).", valueName: "name@lang"))
            var aliases: [String] = []

            @Option(name: .customLong("remove-alias"), help: ArgumentHelp("Remove a proposed name (repeatable).", valueName: "name"))
            var removedAliases: [String] = []

            @Option(help: "The relation type.", completion: .relationType)
            var relation: String?

            @Option(help: ArgumentHelp("The relation's source: an entity, or #ID for an entity draft.", valueName: "entity"), completion: .entity)
            var from: String?

            @Option(help: ArgumentHelp("The relation's target: an entity, or #ID for an entity draft.", valueName: "entity"), completion: .entity)
            var to: String?

            @Option(help: "The role.")
            var role: String?

            @Flag(help: "Remove the role.")
            var clearRole = false

            @OptionGroup var dates: DateOptions

            @Flag(help: "Remove the dates.")
            var clearDates = false

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var output: OutputOptions

            func validate() throws {
                if clearRole && role != nil { throw ValidationError("give --role or --clear-role, not both") }
                if clearDates && (dates.date != nil || dates.start != nil || dates.end != nil) {
                    throw ValidationError("give dates or --clear-dates, not both")
                }
            }

            func run() throws {
                var changes = DraftChanges()
                changes.name = name
                changes.type = type
                changes.key = key
                if let kind { changes.kind = .set(kind) }
                changes.addAliases = try parseAliases(aliases)
                changes.removeAliases = removedAliases
                changes.relationType = relation
                changes.from = from
                changes.to = to
                if let role { changes.role = .set(role) } else if clearRole { changes.role = .clear }
                if clearDates {
                    changes.date = .clear
                    changes.startDate = .clear
                    changes.endDate = .clear
                } else {
                    if let date = dates.date { changes.date = .set(date) }
                    if let start = dates.start { changes.startDate = .set(start) }
                    if let end = dates.end { changes.endDate = .set(end) }
                }
                let draft = try database.openForWriting().editDraft(id, changes)
                if output.json {
                    try Terminal.printJSON(draft)
                } else {
                    print("Draft #\(draft.id) now proposes: \(terminalSafe(draft.summary))")
                }
            }
        }
    }
}

/// The text `review` prints for people.
enum ReviewText {
    static func render(_ drafts: [DraftView], sentences: Bool) -> String {
        var lines: [String] = []
        var currentSource: String?
        for draft in drafts {
            if draft.source != currentSource {
                if currentSource != nil { lines.append("") }
                lines.append(Terminal.bold("[\(draft.source)]"))
                currentSource = draft.source
            }
            let status = draft.status == .open ? "" : "  (\(draft.status.rawValue))"
            lines.append(
                "  #\(draft.id)".padding(toLength: 7, withPad: " ", startingAt: 0) + " \(String(format: "%.2f", draft.confidence))  "
                    + (draft.kind == .entity ? "new " : "") + terminalSafe(draft.summary) + status)
            if let cue = draft.cue { lines.append("         " + Terminal.dim("cue «\(terminalSafe(cue))»")) }
            if sentences { lines.append("         " + Terminal.dim("«\(terminalSafe(draft.sentence))»")) }
        }
        return lines.joined(separator: "\n")
    }
}

/// A value quoted for a usage message.
func quotedValue(_ text: String) -> String { "\"\(text)\"" }
