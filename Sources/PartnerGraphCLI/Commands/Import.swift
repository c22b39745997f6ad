import ArgumentParser
import Foundation
import PartnerGraph

extension PartnerGraphCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            _superCommandName: toolName,
            abstract: "Import a GraphML file, a spreadsheet of links with a column mapping, PartnerGraph JSON, or a graph in bulk CSV files.",
            discussion: """
                JSON: the whole file is checked first; every problem is reported with its JSON path, and a \
                file with any problem writes nothing. Entities and sources already present (by key) \
                are updated; relations already present are matched, not duplicated.
                  partnergraph import partners.json
                CSV (bulk): nodes.csv has the columns key,type,name[,alias_ar]; edges.csv has \
                source,type,target[,start,end,role,date,note], endpoints named by key. Both files are \
                checked in full first, problems are reported as FILE:LINE, and files with any problem \
                write nothing; the import is one transaction, with a progress bar on a terminal.
                  partnergraph import --nodes nodes.csv --edges edges.csv
                GraphML (from Gephi, yEd, networkx): nodes become entities (key: the `key` attribute \
                or the node id; type: the `type` attribute, else --default-type), edges relations (the \
                `type` attribute if it is in the vocabulary, else --default-relation); other \
                attributes become entity attributes. Anything that cannot be mapped is reported with \
                its line, and nothing is written.
                  partnergraph import --graphml partners.graphml --default-type organization --default-relation partner_of
                A spreadsheet of links, one row per relation, with a TOML mapping that names its columns \
                (see the README; --set KEY=VALUE gives or overrides one of the mapping's keys):
                  partnergraph import --csv memberships.csv --map memberships.toml
                  partnergraph import --csv links.csv --set source.column=from --set target.column=to --set relation.type=partner_of
                GraphML and spreadsheets are merged: what is new is added, what differs is changed, \
                what is the same is left alone, so the same file twice changes nothing the second \
                time. --dry-run prints what would change and writes nothing; --source KEY makes every \
                imported fact cite that source.
                """)

        @Argument(help: ArgumentHelp("The JSON file; - for standard input.", valueName: "file"), completion: .file(extensions: ["json"]))
        var file: String?

        @Option(help: ArgumentHelp("A CSV file of entities: key,type,name,alias_ar.", valueName: "nodes.csv"), completion: .file(extensions: ["csv"]))
        var nodes: String?

        @Option(help: ArgumentHelp("A CSV file of relations: source,type,target,start,end.", valueName: "edges.csv"), completion: .file(extensions: ["csv"]))
        var edges: String?

        @Option(help: ArgumentHelp("A GraphML file (Gephi, yEd, networkx).", valueName: "file.graphml"), completion: .file(extensions: ["graphml", "xml"]))
        var graphml: String?

        @Option(help: ArgumentHelp("With --graphml: the entity type of nodes that have none.", valueName: "entity-type"))
        var defaultType: EntityType?

        @Option(help: ArgumentHelp("With --graphml: the relation type of edges whose type is missing or unknown.", valueName: "relation-type"), completion: .relationType)
        var defaultRelation: String?

        @Option(help: ArgumentHelp("A spreadsheet of links (CSV), one row per relation; goes with --map or --set.", valueName: "file.csv"), completion: .file(extensions: ["csv", "tsv", "txt"]))
        var csv: String?

        @Option(help: ArgumentHelp("With --csv: the TOML file that maps the spreadsheet's columns.", valueName: "mapping.toml"), completion: .file(extensions: ["toml"]))
        var map: String?

        @Option(help: ArgumentHelp("With --csv: one key of the mapping, as in the file (repeatable): source.column=country.", valueName: "key=value"))
        var set: [String] = []

        @Flag(help: "Check the file and print what would be added and changed; write nothing.")
        var dryRun = false

        @Option(help: ArgumentHelp("With --graphml or --csv: every imported entity and relation cites this source.", valueName: "source-key"), completion: .sourceKey)
        var source: String?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            let kinds = [file != nil, nodes != nil || edges != nil, graphml != nil, csv != nil].filter { $0 }.count
            if kinds > 1 {
                throw ValidationError("give one kind of file: a JSON file, --nodes/--edges, --graphml or --csv")
            }
            if kinds == 0 {
                throw ValidationError("give a file to import: a JSON file, --graphml FILE, --csv FILE --map MAPPING, or --nodes FILE --edges FILE")
            }
            if graphml == nil && (defaultType != nil || defaultRelation != nil) {
                throw ValidationError("--default-type and --default-relation go with --graphml")
            }
            if csv == nil && (map != nil || !set.isEmpty) {
                throw ValidationError("--map and --set go with --csv")
            }
            if csv != nil && map == nil && set.isEmpty {
                throw ValidationError("--csv needs a mapping of its columns: --map mapping.toml, or --set source.column=… --set target.column=… --set relation.type=…")
            }
            if graphml == nil && csv == nil && source != nil {
                throw ValidationError("--source goes with --graphml or --csv; a JSON document names the sources of its facts itself")
            }
        }

        func run() throws {
            if let file {
                try importJSON(file)
            } else if let graphml {
                try importGraphML(graphml)
            } else if let csv {
                try importSpreadsheet(csv)
            } else {
                try importCSV()
            }
        }

        private func importGraphML(_ path: String) throws {
            let data = try FileAccess.contents(of: path, expected: "a GraphML file")
            try merge(path) { db in
                try GraphMLReader(defaultType: defaultType, defaultRelation: defaultRelation, vocabulary: try RelationType.fetchAll(db))
                    .read(data, file: path)
            }
        }

        private func importSpreadsheet(_ path: String) throws {
            let settings = try SpreadsheetMapping.settings(parsing: set)
            let mapping = try map.map { try SpreadsheetMapping(contentsOf: $0, settings: settings) }
                ?? SpreadsheetMapping(settings: settings)
            let sheet = SpreadsheetImport(path: path, mapping: mapping)
            try merge(path) { try sheet.document(in: $0) }
        }

        /// Merges the document `build` makes from `path` into the graph, with a progress bar, and reports.
        private func merge(_ path: String, build: PartnerGraphStore.DocumentBuilder) throws {
            let store = try database.openForWriting()
            let bar = ProgressBar()
            let report = try store.upsert(
                file: path, options: UpsertOptions(dryRun: dryRun, citing: source), progress: bar.upsertCallback, build: build)
            bar.finish()
            try printReport(report, file: path)
        }

        private func printReport(_ report: UpsertReport, file: String) throws {
            if output.json {
                try Terminal.printJSON(report)
                return
            }
            if report.dryRun || report.changeCount <= 20 {
                for change in report.changes { print(terminalSafe(change)) }
                if report.changeCount > report.changes.count { print("… and \(report.changeCount - report.changes.count) more") }
            }
            print(
                (report.dryRun ? "Dry run, nothing written: \(file) would add " : "Imported \(file): added ")
                    + "\(report.entitiesAdded) entities and \(report.relationsAdded) relations; "
                    + "\(report.dryRun ? "would change" : "changed") \(report.entitiesChanged) entities and \(report.relationsChanged) relations; "
                    + "left \(report.entitiesUnchanged) entities and \(report.relationsUnchanged) relations as they were"
                    + (report.relationTypesAdded > 0 ? "; \(report.relationTypesAdded) relation types added" : "")
                    + (report.citationsAdded > 0 ? "; \(report.citationsAdded) citations added" : ""))
        }


        private func importJSON(_ file: String) throws {
            let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try FileAccess.contents(of: file, expected: "a JSON file")
            let report = try database.openGraphForWriting().importJSON(data, file: file == "-" ? "standard input" : file, dryRun: dryRun)
            if output.json {
                try Terminal.printJSON(report)
            } else {
                print(
                    (dryRun ? "Dry run, nothing written: would import" : "Imported") + " \(file): entities \(report.entitiesAdded) added, \(report.entitiesUpdated) updated; "
                        + "relations \(report.relationsAdded) added, \(report.relationsUpdated) matched; "
                        + "sources \(report.sourcesAdded) added, \(report.sourcesUpdated) updated"
                        + (report.relationTypesAdded > 0 ? "; \(report.relationTypesAdded) relation types added" : ""))
            }
        }

        private func importCSV() throws {
            let started = Date()
            let bar = ProgressBar()
            let report = try database.openForWriting().importCSV(nodes: nodes, edges: edges, dryRun: dryRun, progress: bar.callback)
            bar.finish()
            if output.json {
                try Terminal.printJSON(report)
            } else {
                let seconds = Date().timeIntervalSince(started)
                print(
                    (dryRun ? "Dry run, nothing written: would import " : "Imported ") + "\(report.entitiesAdded) entities (\(report.entitiesMatched) already there), "
                        + "\(report.aliasesAdded) aliases and \(report.relationsAdded) relations (\(report.relationsMatched) already there) "
                        + "in \(String(format: "%.1f", seconds)) s")
            }
        }
    }
}

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
final class ProgressBar {
    let isActive = isatty(STDERR_FILENO) != 0
    private var lastDrawn = ""

    /// With PARTNERGRAPH_PROGRESS_LOG set, each phase change is logged with its time instead.
    private let log = environmentVariable("PARTNERGRAPH_PROGRESS_LOG") != nil
    private let started = Date()
    private var phase: CSVImportProgress.Phase?

    var callback: ((CSVImportProgress) -> Void)? {
        log ? { [self] in logPhase($0) } : isActive ? { [self] in update($0) } : nil
    }

    private func logPhase(_ progress: CSVImportProgress) {
        if progress.phase != phase {
            phase = progress.phase
            Terminal.note(String(format: "%7.3f s  %@", Date().timeIntervalSince(started), progress.phase.rawValue))
        }
    }

    func update(_ progress: CSVImportProgress) {
        draw(progress.phase.rawValue, done: progress.done, total: progress.total)
    }

    private func draw(_ phase: String, done: Int, total: Int) {
        let width = 30
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let filled = Int(fraction * Double(width))
        let line = "\r\(phase.padding(toLength: 18, withPad: " ", startingAt: 0)) ["
            + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + String(format: "%3.0f%%", fraction * 100)
        if line != lastDrawn {
            FileHandle.standardError.write(Data(line.utf8))
            lastDrawn = line
        }
    }

    /// For ``PartnerGraphStore/upsert(file:options:progress:build:)``: facts written so far of all.
    var upsertCallback: ((Int, Int) -> Void)? {
        isActive ? { [self] done, total in draw("writing", done: done, total: total) } : nil
    }

    func finish() {
        if isActive && !lastDrawn.isEmpty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
