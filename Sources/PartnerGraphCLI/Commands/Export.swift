import ArgumentParser
import Foundation
import PartnerGraph

extension PartnerGraphCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            _superCommandName: toolName,
            abstract: "Write the whole graph as an interchange JSON document.",
            discussion: """
                The document holds entities, aliases, attributes, relations, sources, citations and \
                your vocabulary additions, in a canonical order: exporting, importing into an empty \
                database and exporting again gives the same bytes.
                  partnergraph export -o partners.json
                """)

        @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; - or nothing for standard output.", valueName: "file"))
        var output: String?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let data = try database.openForReading().exportDocument().jsonData()
            guard let output, output != "-" else {
                FileHandle.standardOutput.write(data)
                return
            }
            do {
                // Atomic: a reader never sees half a file, and a failure leaves the old one.
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw PartnerGraphError.fileNotWritable(path: output, reason: error.localizedDescription)
            }
            Terminal.note("Exported to \(output)")
        }
    }
}
