import ArgumentParser
import Foundation
import PartnerGraph
import PartnerGraphWeb

extension PartnerGraphCommand {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            _superCommandName: toolName,
            abstract: "Serve the graph as web pages and a JSON API (read-only unless --allow-writes).",
            discussion: """
                Pages: / (search), /entity/NAME (what `show` prints, with a drawing), /connect?from=A&to=B \
                (how two are connected). The JSON API under /api/ answers with the documents of the \
                commands' --json; /openapi.json describes every route.
                  partnergraph serve --db example.sqlite
                  partnergraph serve --port 8081 --host 0.0.0.0
                  curl 'http://127.0.0.1:8080/api/path?from=ICESCO&to=Azerbaijan'
                Writes (POST /api/entities, POST /api/relations) need --allow-writes and a token, read \
                from --token-file or $PARTNERGRAPH_TOKEN (never given on the command line, where `ps` \
                shows it); each write sends it as Authorization: Bearer TOKEN:
                  head -c 24 /dev/urandom | base64 > token.txt
                  partnergraph serve --allow-writes --token-file token.txt
                Without --allow-writes the database is opened read-only. Ctrl-C stops the server.
                """)

        @Option(help: "The TCP port; 0 lets the system choose one (printed at start).")
        var port = 8080

        @Option(help: ArgumentHelp("The address to listen on: 127.0.0.1 serves this machine only, 0.0.0.0 every network.", valueName: "address"))
        var host = "127.0.0.1"

        @Flag(help: "Accept POST /api/entities and POST /api/relations from clients that send the token.")
        var allowWrites = false

        @Option(
            help: ArgumentHelp("A file holding the token writes must send (else $PARTNERGRAPH_TOKEN).", valueName: "path"),
            completion: .file())
        var tokenFile: String?

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
            if host.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--host must name an address, e.g. 127.0.0.1") }
            if tokenFile != nil && !allowWrites {
                throw ValidationError("--token-file goes with --allow-writes; without it the server takes no writes")
            }
            if allowWrites && tokenFile == nil && (environmentVariable("PARTNERGRAPH_TOKEN") ?? "").isEmpty {
                throw ValidationError(
                    "--allow-writes needs a token: --token-file FILE, or $PARTNERGRAPH_TOKEN; make one with `head -c 24 /dev/urandom | base64 > token.txt`")
            }
        }

        func run() throws {
            let path = database.resolvedPath
            let server: WebServer
            if allowWrites {
                let text: String
                if let tokenFile {
                    let data = try FileAccess.contents(of: tokenFile, expected: "a token file")
                    text = String(decoding: data, as: UTF8.self)
                } else {
                    text = environmentVariable("PARTNERGRAPH_TOKEN") ?? ""
                }
                let token = try BearerToken(text)
                // Created and brought up to the current schema here, once, rather than by a request.
                let store = try PartnerGraphStore(path: path, mode: .readWrite)
                server = WebServer(graph: WebGraph(store: store, writePath: path), token: token)
            } else {
                server = WebServer(graph: WebGraph(store: try PartnerGraphStore(path: path, mode: .readOnlyConnection)))
            }
            let mode = allowWrites ? "writes allowed with the token" : "read-only"
            let host = self.host
            let failure = ServeFailure()
            let stopped = DispatchSemaphore(value: 0)
            // `run` is synchronous (the root command parses subcommands alone, without an async
            // main); the server runs in a task while this thread waits for it to stop.
            Task {
                do {
                    try await server.run(host: host, port: port) { boundPort in
                        let shown = host.contains(":") ? "[\(host)]" : host
                        // Written at once, not buffered: a script that started the server waits for this line.
                        let line = "Serving \(path) at http://\(shown):\(boundPort)/ (\(mode)); Ctrl-C stops\n"
                        FileHandle.standardOutput.write(Data(line.utf8))
                    }
                } catch {
                    failure.error = error
                }
                stopped.signal()
            }
            stopped.wait()
            if let error = failure.error { throw ServeError(host: host, port: port, underlying: error) }
        }
    }
}

/// The error that stopped the server, handed from its task to the waiting thread.
private final class ServeFailure: @unchecked Sendable {
    // Written by the task before it signals, read by the thread after it waits.
    var error: (any Error)?
}

/// A server that could not start or stopped on an error: the address, and what went wrong.
struct ServeError: Error, CustomStringConvertible {
    var host: String
    var port: Int
    var underlying: any Error

    var description: String {
        if let error = underlying as? WebError { return error.message + "; " + error.fix }
        let text = String(describing: underlying)
        if text.contains("Address already in use") || text.contains("EADDRINUSE") {
            return "port \(port) on \(host) is taken by another program; pass another --port, or --port 0 to let the system choose"
        }
        return "the server on \(host):\(port) stopped: \(text)"
    }
}
