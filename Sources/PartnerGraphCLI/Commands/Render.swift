import ArgumentParser
import Foundation
import PartnerGraph

extension PartnerGraphCommand {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render",
            _superCommandName: toolName,
            abstract: "Draw part of the graph as PNG, SVG, PDF, DOT or Graphviz JSON.",
            discussion: """
                Selection (default: the whole graph):
                  partnergraph render -o graph.png
                  partnergraph render --around ICESCO --depth 1 -o icesco.svg
                  partnergraph render --path "Salim M. AlMalik" "Sahiba Gafarova" -o path.png
                  partnergraph render --type organization --relation member_of --as-of 2024-01 -o orgs.pdf
                Style:
                  partnergraph render --lang both --cluster country --labels type -o graph.png
                The format comes from the file's extension (.png .svg .pdf .dot/.gv .json) or --format; \
                `-o -` writes to standard output and needs --format. The layout is Graphviz's: `auto` \
                uses dot up to \(LayoutEngine.dotNodeLimit) entities and \(LayoutEngine.dotEdgeLimit) \
                relations, sfdp above. More than \(PartnerGraphStore.renderNodeLimit) entities are \
                refused unless --force.
                """)

        @OptionGroup(title: "Selection") var selected: SelectionOptions

        // MARK: Style

        @Option(help: "Edge labels: auto, none, type (the relation), full (with role and dates). auto: full up to 150 relations, none above.")
        var labels: RenderStyle.LabelDetail = .auto

        // Arabic and English names stand side by side in PartnerGraph's pictures unless asked otherwise.
        @Option(help: "Names to show: en, ar, or both (English over Arabic, the default).")
        var lang: RenderStyle.NameLanguage = .both

        @Option(help: "The title. Default: what is selected (in Arabic with --lang ar), with its size under it.")
        var title: String?

        @Option(
            help: ArgumentHelp(
                "Show the date drawn under the title: a date (YYYY-MM-DD), or `today` ($SOURCE_DATE_EPOCH's date when set).",
                discussion: "By default no date is shown, so the same graph always gives the same picture. The date drawn is also the date a relation counts as ended by, unless --as-of gives one.",
                valueName: "date"))
        var drawn: String?

        @Flag(help: "Leave out the legend.")
        var noLegend = false

        @Option(help: "Group entities in boxes: none, country, parent (dot and fdp layouts).")
        var cluster: RenderStyle.ClusterMode = .none

        @Option(help: "Graphviz layout: auto, dot, neato, fdp, sfdp, circo, twopi.")
        var layout: LayoutEngine = .auto

        // MARK: Output

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write, or - for standard output.", valueName: "file"), completion: .file())
        var output: String

        @Option(help: "png, svg, pdf, dot or json. Default: from the file's extension.")
        var format: RenderFormat?

        @Flag(help: "Draw selections of more than \(PartnerGraphStore.renderNodeLimit) entities.")
        var force = false

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if output != "-" { try OutputPath.refuseFolder(output, example: "graph." + (format ?? .svg).rawValue) }
            if resolvedFormat == nil {
                throw ValidationError(
                    output == "-"
                        ? "-o - (standard output) needs --format png, svg, pdf, dot or json"
                        : "cannot tell the format of \(output.debugDescription) from its extension; name it .png, .svg, .pdf, .dot or .json, or pass --format")
            }
            if let drawn, drawn != "today" {
                do {
                    let date = try PartialDate(drawn)
                    guard date.precision == .day else { throw PartnerGraphError.invalidDate(drawn, reason: "give a whole day, YYYY-MM-DD") }
                } catch {
                    throw ValidationError("--drawn \(drawn.debugDescription): \(error); or write --drawn today")
                }
            }
        }

        /// The date to show as drawn, if any.
        var drawnOn: String? {
            drawn.map { $0 == "today" ? RenderStyle.today() : $0 }
        }

        var resolvedFormat: RenderFormat? {
            format ?? (output == "-" ? nil : RenderFormat(fileName: output))
        }

        func run() throws {
            let store = try database.openForReading(scope: selected.scope)
            let style = RenderStyle(
                labels: labels, language: lang, title: title, legend: !noLegend, cluster: cluster, layout: layout, drawnOn: drawnOn)
            // Opened before drawing, so that a path that cannot be written is reported at once;
            // a file replaces an older one only once complete, and every write is checked.
            let sink = output == "-" ? ExportSink(standardOutput: ()) : try ExportSink(path: output)
            defer { sink.discard() }
            let picture = try store.render(selected.selection, style: style, format: resolvedFormat!, force: force)
            picture.data.withUnsafeBytes { sink.write(bytes: $0.bindMemory(to: UInt8.self)) }
            try sink.commit()
            if output == "-" { return }
            Terminal.note(
                "Wrote \(output): \(picture.graph.nodes.count) entities, \(picture.graph.edges.count) relations, "
                    + "\(picture.engine.rawValue) layout")
        }
    }
}

extension RenderStyle.LabelDetail: ExpressibleByArgument {}
extension RenderStyle.NameLanguage: ExpressibleByArgument {}
extension RenderStyle.ClusterMode: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}
