import ArgumentParser
import Foundation
import PartnerGraph

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

        /// The arguments of `partnergraph-serve`, which reads them with `ServeSettings(arguments:)`:
        /// the token is never among them (it stays in the file or the environment).
        var serverArguments: [String] {
            ["--db", database.resolvedPath, "--host", host, "--port", String(port)]
                + (allowWrites ? ["--allow-writes"] : []) + (tokenFile.map { ["--token-file", $0] } ?? [])
        }

        /// Runs `partnergraph-serve`, the program beside this one, in this process's place: the
        /// server's libraries (Hummingbird, SwiftNIO) are then loaded only to serve, and cost the
        /// start of no other command. The process keeps its id, so Ctrl-C and `kill` reach the server.
        func run() throws {
            let server = try ServerProgram.path()
            var argv: [UnsafeMutablePointer<CChar>?] = ([server] + serverArguments).map { strdup($0) }
            argv.append(nil)
            execv(server, argv)
            throw ServeError(reason: "could not start \(server): \(String(cString: strerror(errno)))")
        }
    }
}

/// Where `partnergraph-serve` is: `$PARTNERGRAPH_SERVE`, else beside the running `partnergraph`.
enum ServerProgram {
    static let name = "partnergraph-serve"

    static func path() throws -> String {
        try SiblingProgram.path(
            of: name, overriddenBy: "PARTNERGRAPH_SERVE",
            missing: "build it with `swift build --product \(name)` (`make install` installs both)")
    }
}

/// Why the server could not be started.
struct ServeError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
