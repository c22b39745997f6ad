import Foundation
import PartnerGraphPostgres
import PartnerGraphWeb

// `partnergraph-serve`: the server that `partnergraph serve` runs once it has checked its flags.
// A program of its own so that Hummingbird and SwiftNIO are loaded by the process that serves,
// not by every `partnergraph` command (BENCHMARKS.md, "Web view": about 1.8 million more
// instructions at the start of a fresh `neighbors` when they were linked into `partnergraph`).

do {
    let settings = try ServeSettings(arguments: Array(CommandLine.arguments.dropFirst()))
    try await WebServer.serve(settings) { url in try PostgresStore(url: url, mode: .existing) }
} catch {
    let message: String
    if let error = error as? WebError {
        message = error.message + "; " + error.fix
    } else {
        let text = String(describing: error)
        message = text.contains("Address already in use") || text.contains("EADDRINUSE")
            ? "the port is taken by another program; pass another --port, or --port 0 to let the system choose"
            : text
    }
    FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    exit(1)
}
