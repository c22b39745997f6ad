import ArgumentParser
import Foundation
import PartnerGraph

extension PartnerGraphCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            _superCommandName: toolName,
            abstract: "Import an interchange JSON document (as written by export), or a graph in CSV files.",
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
                """)

        @Argument(help: ArgumentHelp("The JSON file; - for standard input.", valueName: "file"))
        var file: String?

        @Option(help: ArgumentHelp("A CSV file of entities: key,type,name,alias_ar.", valueName: "nodes.csv"))
        var nodes: String?

        @Option(help: ArgumentHelp("A CSV file of relations: source,type,target,start,end.", valueName: "edges.csv"))
        var edges: String?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if file != nil && (nodes != nil || edges != nil) {
                throw ValidationError("give either a JSON file or --nodes/--edges, not both")
            }
            if file == nil && nodes == nil && edges == nil {
                throw ValidationError("give a JSON file to import, or --nodes FILE and/or --edges FILE")
            }
        }

        func run() throws {
            if let file {
                try importJSON(file)
            } else {
                try importCSV()
            }
        }

        private func importJSON(_ file: String) throws {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: file) else {
                    throw PartnerGraphError.fileNotReadable(path: file, reason: "no such file, or no permission to read it")
                }
                data = contents
            }
            let report = try database.openForWriting().importJSON(data, file: file == "-" ? "standard input" : file)
            if output.json {
                try Terminal.printJSON(report)
            } else {
                print(
                    "Imported \(file): entities \(report.entitiesAdded) added, \(report.entitiesUpdated) updated; "
                        + "relations \(report.relationsAdded) added, \(report.relationsUpdated) matched; "
                        + "sources \(report.sourcesAdded) added, \(report.sourcesUpdated) updated"
                        + (report.relationTypesAdded > 0 ? "; \(report.relationTypesAdded) relation types added" : ""))
            }
        }

        private func importCSV() throws {
            let started = Date()
            let bar = ProgressBar()
            let report = try database.openForWriting().importCSV(nodes: nodes, edges: edges, progress: bar.callback)
            bar.finish()
            if output.json {
                try Terminal.printJSON(report)
            } else {
                let seconds = Date().timeIntervalSince(started)
                print(
                    "Imported \(report.entitiesAdded) entities (\(report.entitiesMatched) already there), "
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
        let width = 30
        let fraction = progress.total > 0 ? min(1, Double(progress.done) / Double(progress.total)) : 0
        let filled = Int(fraction * Double(width))
        let line = "\r\(progress.phase.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) ["
            + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + String(format: "%3.0f%%", fraction * 100)
        if line != lastDrawn {
            FileHandle.standardError.write(Data(line.utf8))
            lastDrawn = line
        }
    }

    func finish() {
        if isActive && !lastDrawn.isEmpty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
