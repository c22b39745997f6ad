import ArgumentParser
import Foundation
import PartnerGraph

extension PartnerGraphCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import an interchange JSON document (as written by export).",
            discussion: """
                The whole file is checked first; every problem is reported with its JSON path, and a \
                file with any problem writes nothing. Entities and sources already present (by key) \
                are updated; relations already present are matched, not duplicated.
                  partnergraph import partners.json
                """)

        @Argument(help: ArgumentHelp("The JSON file; - for standard input.", valueName: "file"))
        var file: String

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
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
    }
}
