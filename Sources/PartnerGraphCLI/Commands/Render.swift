import ArgumentParser
import Foundation
import PartnerGraph

extension PartnerGraphCommand {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
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

        // MARK: Selection

        @Option(help: ArgumentHelp("Draw this entity and its neighbourhood.", valueName: "entity"))
        var around: String?

        @Option(help: "With --around: how many relations away to go; with --path: the neighbourhood drawn around the paths (0: the paths alone).")
        var depth: Int?

        @Option(
            parsing: .upToNextOption,
            help: ArgumentHelp("Draw the shortest connection between two entities, highlighted.", valueName: "from to"))
        var path: [String] = []

        @Option(help: "With --path: draw the N shortest connections.")
        var k: Int = 1

        @Flag(help: "With --path: draw the connections alone, without their neighbourhood.")
        var onlyPath = false

        @Option(name: .customLong("relation"), help: ArgumentHelp("Only relations of this type (repeatable).", valueName: "type"))
        var relations: [String] = []

        @Option(name: .customLong("type"), help: ArgumentHelp("Only entities of this type (repeatable).", valueName: "entity-type"))
        var types: [EntityType] = []

        @Option(help: ArgumentHelp("The graph as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"), transform: parseDate)
        var asOf: PartialDate?

        @Option(help: ArgumentHelp("Only what this source states (its key).", valueName: "source-key"))
        var source: String?

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

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write, or - for standard output.", valueName: "file"))
        var output: String

        @Option(help: "png, svg, pdf, dot or json. Default: from the file's extension.")
        var format: RenderFormat?

        @Flag(help: "Draw selections of more than \(PartnerGraphStore.renderNodeLimit) entities.")
        var force = false

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if !path.isEmpty && path.count != 2 {
                throw ValidationError("--path takes two entities, e.g. --path \"Salim M. AlMalik\" \"Sahiba Gafarova\"")
            }
            if !path.isEmpty && around != nil {
                throw ValidationError("give --around or --path, not both")
            }
            if path.isEmpty && (onlyPath || k != 1) {
                throw ValidationError("--only-path and --k go with --path A B")
            }
            if around == nil && path.isEmpty && depth != nil {
                throw ValidationError("--depth goes with --around ENTITY or --path A B")
            }
            if let depth, depth < 0 || depth > 10 {
                throw ValidationError("--depth must be 0 to 10")
            }
            if k < 1 || k > 20 {
                throw ValidationError("--k must be 1 to 20")
            }
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

        var selection: RenderSelection {
            let scope: RenderSelection.Scope
            if path.count == 2 {
                scope = .path(from: path[0], to: path[1], k: k, depth: onlyPath ? 0 : depth ?? 1)
            } else if let around {
                scope = .around(around, depth: depth ?? 1)
            } else {
                scope = .whole
            }
            return RenderSelection(scope: scope, relationTypes: relations, entityTypes: types, asOf: asOf, source: source)
        }

        func run() throws {
            let store = try database.openForReading()
            let style = RenderStyle(
                labels: labels, language: lang, title: title, legend: !noLegend, cluster: cluster, layout: layout)
            let picture = try store.render(selection, style: style, format: resolvedFormat!, force: force)
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
