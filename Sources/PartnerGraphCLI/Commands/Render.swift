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

        @Option(help: "The title. Default: the selection, its size and the date drawn.")
        var title: String?

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
            if resolvedFormat == nil {
                throw ValidationError(
                    output == "-"
                        ? "-o - (standard output) needs --format png, svg, pdf, dot or json"
                        : "cannot tell the format of \(output.debugDescription) from its extension; name it .png, .svg, .pdf, .dot or .json, or pass --format")
            }
        }

        var resolvedFormat: RenderFormat? {
            format ?? (output == "-" ? nil : RenderFormat(fileName: output))
        }

        func run() throws {
            let store = try database.openForReading()
            let style = RenderStyle(
                labels: labels, language: lang, title: title, legend: !noLegend, cluster: cluster, layout: layout)
            let picture = try store.render(selected.selection, style: style, format: resolvedFormat!, force: force)
            if output == "-" {
                FileHandle.standardOutput.write(picture.data)
                return
            }
            do {
                try picture.data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw PartnerGraphError.fileNotWritable(path: output, reason: error.localizedDescription)
            }
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
