import Foundation
import PartnerGraph

/// How `partnergraph serve` runs: the database, the address, and whether writes are taken.
///
/// `partnergraph serve` checks its flags and then runs the `partnergraph-serve` executable with
/// them (see ``arguments``), so that the server's libraries are loaded only by the process that
/// serves, not by every command.
public struct ServeSettings: Sendable, Equatable {
    /// The database file.
    public var databasePath: String
    /// The address to listen on.
    public var host: String
    /// The TCP port; 0 lets the system choose one.
    public var port: Int
    /// Whether writes are taken (with the token).
    public var allowWrites: Bool
    /// The file holding the token; `nil`: `$PARTNERGRAPH_TOKEN`.
    public var tokenFile: String?

    /// Settings for a server of `databasePath` on `host` and `port`.
    public init(databasePath: String, host: String = "127.0.0.1", port: Int = 8080, allowWrites: Bool = false, tokenFile: String? = nil) {
        self.databasePath = databasePath
        self.host = host
        self.port = port
        self.allowWrites = allowWrites
        self.tokenFile = tokenFile
    }

    /// The settings as the arguments of `partnergraph-serve` (the token never among them).
    public var arguments: [String] {
        ["--db", databasePath, "--host", host, "--port", String(port)]
            + (allowWrites ? ["--allow-writes"] : []) + (tokenFile.map { ["--token-file", $0] } ?? [])
    }

    /// Settings read back from ``arguments``.
    ///
    /// - Throws: ``WebError`` naming the argument it cannot read.
    public init(arguments: [String]) throws {
        var settings = ServeSettings(databasePath: "")
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let value = rest.popFirst() else {
                throw WebError.badRequest("\(flag) needs a value", fix: "run `partnergraph serve`, which starts this program")
            }
            return value
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--db": settings.databasePath = try value(flag)
            case "--host": settings.host = try value(flag)
            case "--port":
                let text = try value(flag)
                guard let port = Int(text), (0...65535).contains(port) else {
                    throw WebError.badRequest("--port must be between 0 and 65535, not \(text)", fix: "pass another --port")
                }
                settings.port = port
            case "--allow-writes": settings.allowWrites = true
            case "--token-file": settings.tokenFile = try value(flag)
            default:
                throw WebError.badRequest("unknown argument \(flag.debugDescription)", fix: "run `partnergraph serve` (see `partnergraph help serve`), which starts this program")
            }
        }
        guard !settings.databasePath.isEmpty else {
            throw WebError.badRequest("no --db", fix: "run `partnergraph serve`, which starts this program")
        }
        self = settings
    }
}

extension WebServer {
    /// Opens the database as `settings` say and serves it until SIGINT or SIGTERM, writing
    /// `Serving PATH at http://HOST:PORT/ …` on standard output once it listens.
    ///
    /// Without writes the database is opened read-only, but for its search index, which
    /// searches keep current where the file may be written, as `partnergraph search` does.
    ///
    /// - Throws: The store's errors when the database cannot be opened, ``WebError`` for a
    ///   token that is missing or too short, and NIO's error when the address cannot be bound.
    /// - Parameters:
    ///   - settings: What `partnergraph serve` checked and handed over.
    ///   - postgres: Opens a `postgres://` database; `nil` where PostgreSQL is not linked in.
    public static func serve(_ settings: ServeSettings, postgres: (@Sendable (String) throws -> any GraphStore)? = nil) async throws {
        let path = settings.databasePath
        var location = path
        let server: WebServer
        let token: BearerToken?
        if settings.allowWrites {
            let text: String
            if let tokenFile = settings.tokenFile {
                text = String(decoding: try FileAccess.contents(of: tokenFile, expected: "a token file"), as: UTF8.self)
            } else {
                text = ProcessInfo.processInfo.environment["PARTNERGRAPH_TOKEN"] ?? ""
            }
            token = try BearerToken(text)
        } else {
            token = nil
        }
        if path.hasPrefix("postgres://") || path.hasPrefix("postgresql://") {
            guard let postgres else {
                throw WebError.badRequest("this server cannot open PostgreSQL databases", fix: "run `partnergraph serve --db \(path)`, which starts the server that can")
            }
            let store = try postgres(path)
            // The URL without its password.
            location = store.location
            server = WebServer(graph: WebGraph(sharedStore: store, acceptsWrites: token != nil), token: token)
        } else if let token {
            // Created and brought up to the current schema here, once, rather than by a request.
            let store = try PartnerGraphStore(path: path, mode: .readWrite)
            server = WebServer(graph: WebGraph(store: store, writePath: path), token: token)
        } else {
            let store = try PartnerGraphStore(path: path, mode: .readOnlyConnection)
            let indexable = FileManager.default.isWritableFile(atPath: path)
            server = WebServer(graph: WebGraph(store: store, indexPath: indexable ? path : nil))
        }
        let mode = settings.allowWrites ? "writes allowed with the token" : "read-only"
        let host = settings.host
        let shownLocation = location
        try await server.run(host: host, port: settings.port) { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            // Written at once, not buffered: a script that started the server waits for this line.
            FileHandle.standardOutput.write(Data("Serving \(shownLocation) at http://\(shown):\(port)/ (\(mode)); Ctrl-C stops\n".utf8))
        }
    }
}
