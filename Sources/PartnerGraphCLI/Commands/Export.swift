import ArgumentParser
import Foundation
import PartnerGraph

extension PartnerGraphCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            _superCommandName: toolName,
            abstract: "Write the graph, or part of it, for other tools: GraphML, GEXF, CSV, JSON-LD, Mermaid, Cypher, or PartnerGraph's JSON.",
            discussion: """
                Formats (--format, or the file's extension):
                  json      PartnerGraph's interchange document, the whole database (import reads it back)
                  graphml   networkx, igraph, Gephi, yEd: typed keys, names in every language, dates, sources
                  gexf      Gephi 1.3, with the relations' dates as time intervals for its timeline
                  csv       nodes.csv and edges.csv in the folder -o names, as `import --nodes --edges` reads
                  jsonld    schema.org JSON-LD (the mapping is in the README)
                  mermaid   a flowchart for a Markdown page (at most \(MermaidWriter.nodeLimit) entities unless --force)
                  cypher    a script for Kùzu (--dialect kuzu, the default) or Neo4j and Memgraph (--dialect neo4j)
                The selection is render's: the whole graph, --around ENTITY --depth N, or --path A B, \
                narrowed by --relation, --type, --as-of and --source. Output is the same bytes for \
                the same database; a file is replaced only once it is complete.
                  partnergraph export --around ICESCO --relation partner_of --as-of 2023 -o icesco-partners.graphml
                  partnergraph export --format mermaid --around ICESCO --depth 1
                  partnergraph export --format csv -o graph-csv/
                  partnergraph export -o partners.json
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, graphml, gexf, csv, jsonld, mermaid, cypher
        }

        @Option(help: "json, graphml, gexf, csv, jsonld, mermaid or cypher. Default: from the file's extension, else json.")
        var format: Format?

        @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (for csv, a folder); - or nothing for standard output.", valueName: "file"), completion: .file())
        var output: String?

        @OptionGroup(title: "Selection") var selected: SelectionOptions

        @Option(help: "With --format cypher: kuzu (the default) or neo4j (also Memgraph).")
        var dialect: CypherDialect = .kuzu

        @Flag(help: "With --format mermaid: write more than \(MermaidWriter.nodeLimit) entities.")
        var force = false

        @OptionGroup var database: DatabaseOptions

        var resolvedFormat: Format {
            if let format { return format }
            guard let output, output != "-" else { return .json }
            if output.lowercased().hasSuffix(".json") { return .json }
            return ExportFormat(fileName: output).flatMap { Format(rawValue: $0.rawValue) } ?? .json
        }

        func validate() throws {
            if format != .csv, let output, output != "-" {
                let example = "graph." + (format.map { $0 == .mermaid ? "mmd" : $0.rawValue } ?? "json")
                try OutputPath.refuseFolder(output, example: example, otherwise: "pass --format csv to write nodes.csv and edges.csv in it")
            }
            if format == nil, let output, output != "-", !output.lowercased().hasSuffix(".json"), ExportFormat(fileName: output) == nil {
                throw ValidationError(
                    "cannot tell the format of \(output.debugDescription) from its extension; name it .json, .graphml, .gexf, .jsonld, .mmd or .cypher, or pass --format")
            }
            let format = resolvedFormat
            if format == .json && !selected.isWholeGraph {
                throw ValidationError(
                    "json exports the whole database; for part of the graph choose --format graphml, gexf, csv, jsonld, mermaid or cypher")
            }
            if format == .csv && (output == nil || output == "-") {
                throw ValidationError("csv is two files, nodes.csv and edges.csv: name their folder with -o, e.g. -o graph-csv")
            }
            if dialect != .kuzu && format != .cypher { throw ValidationError("--dialect goes with --format cypher") }
            if force && format != .mermaid { throw ValidationError("--force goes with --format mermaid") }
        }

        func run() throws {
            let destination: ExportDestination = output == nil || output == "-" ? .standardOutput : .path(output!)
            // The interchange document of the whole graph: PostgreSQL writes it itself.
            if resolvedFormat == .json {
                try exportDocument(try database.openGraphForReading(), to: destination)
                return
            }
            let store = try database.openForReading(scope: selected.scope)
            guard let format = ExportFormat(rawValue: resolvedFormat.rawValue) else {
                try exportDocument(store, to: destination)
                return
            }
            let summary = try store.export(
                selected.selection, format: format, to: destination, options: ExportOptions(force: force, dialect: dialect))
            if case let .path(path) = destination {
                Terminal.note(
                    "Exported \(summary.nodes) entities and \(summary.edges) relations to \(format == .csv ? path + "/nodes.csv and edges.csv" : path) (\(format.rawValue))")
            }
        }

        /// The interchange document, written through the same checked sink as the other formats.
        private func exportDocument(_ store: any GraphStore, to destination: ExportDestination) throws {
            let data = try store.exportDocument().jsonData()
            let sink: ExportSink
            switch destination {
            case let .path(path): sink = try ExportSink(path: path)
            case .standardOutput: sink = ExportSink(standardOutput: ())
            }
            data.withUnsafeBytes { sink.write(bytes: $0.bindMemory(to: UInt8.self)) }
            try sink.commit()
            if case let .path(path) = destination { Terminal.note("Exported to \(path)") }
        }
    }
}

extension CypherDialect: ExpressibleByArgument {}
