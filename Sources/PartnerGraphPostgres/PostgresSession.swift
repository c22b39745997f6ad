import Foundation
import PartnerGraph
import PostgresNIO

/// One connection to the server, used synchronously: each statement blocks the calling thread on
/// its future while NIO's event loop (a thread of its own) talks to the server, so the command
/// line stays a plain synchronous program.
///
/// A lock keeps one operation, with its transaction, at a time on the connection. Callers must
/// not be on an event loop thread (blocking one would stall it); the command line's main thread
/// and test threads are not.
final class PostgresSession: @unchecked Sendable {
    let location: PostgresLocation
    private let connection: PostgresConnection
    private let logger: Logger
    private let lock = NSLock()

    init(_ location: PostgresLocation) throws {
        self.location = location
        var logger = Logger(label: "partnergraph.postgres")
        logger.logLevel = .critical
        self.logger = logger
        let tls: PostgresConnection.Configuration.TLS
        switch location.sslMode {
        case "require", "prefer":
            let context = try NIOSSLContext(configuration: .makeClientConfiguration())
            tls = location.sslMode == "require" ? .require(context) : .prefer(context)
        default:
            tls = .disable
        }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: tls)
        if let schema = location.schema {
            // Set as the connection starts, rather than by a statement after: one round trip fewer
            // for every command. An identifier checked by PostgresLocation: lower-case letters, digits and _.
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw PostgresStoreError.cannotConnect(location: location.description, reason: Self.reason(error))
        }
    }

    deinit {
        try? connection.close().wait()
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    func run(_ query: PostgresQuery) throws -> [PostgresRow] {
        do {
            return Array(try connection.query(query, logger: logger).wait().rows)
        } catch let error as PSQLError {
            throw translate(error)
        }
    }

    /// Runs `body` alone on the connection, outside any transaction (each statement commits on its own).
    func exclusive<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Runs `body` in one transaction, alone on the connection; rolled back when it throws.
    func transaction<T>(readOnly: Bool = false, _ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try run(readOnly ? "BEGIN READ ONLY" : "BEGIN")
        do {
            let result = try body()
            try run("COMMIT")
            return result
        } catch {
            _ = try? run("ROLLBACK")
            throw error
        }
    }

    /// A server error as a PartnerGraph error where it is one of the rules the schema enforces
    /// (see schema/postgres/001_core.sql), else as a message naming the server.
    private func translate(_ error: PSQLError) -> Error {
        guard error.code == .server, let state = error.serverInfo?[.sqlState] else {
            return PostgresStoreError.cannotConnect(location: location.description, reason: Self.reason(error))
        }
        let message = error.serverInfo?[.message] ?? "error \(state)"
        switch state {
        case "PGR01", "23505", "PGR02", "PGR03", "40001", "40P01":
            return PostgresRuleViolation(state: state, message: message, detail: error.serverInfo?[.detail],
                                         constraint: error.serverInfo?[.constraintName])
        case "42P01":
            return PostgresUndefinedTable(message: message, location: location.description)
        case "3F000" where location.schema != nil:
            return PostgresStoreError.notInitialized(location: location.description)
        default:
            return PostgresStoreError.server(location: location.description, message: message)
        }
    }

    /// The most telling words of a connection failure.
    static func reason(_ error: Error) -> String {
        var text = "\(error)"
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            text = error.underlying.map { "\($0)" } ?? "\(error.code)"
        }
        // NIO's connection errors name every address tried; the system's reason is what helps.
        for known in ["Connection refused", "Connection timed out", "No route to host", "Network is unreachable"] where text.contains(known) {
            return known.lowercased()
        }
        return text
    }
}

/// A statement named a table the database lacks: a database without PartnerGraph's schema, when
/// the caller expects that; otherwise reported as the server's refusal.
struct PostgresUndefinedTable: Error, CustomStringConvertible {
    var message: String
    var location: String

    var description: String { PostgresStoreError.server(location: location, message: message).description }
}

/// A rule of the schema the server enforced: a trigger's refusal, a unique index, a serialization
/// failure. The store turns it into the ``PartnerGraphError`` the SQLite store would throw.
struct PostgresRuleViolation: Error, CustomStringConvertible {
    var state: String
    var message: String
    var detail: String?
    var constraint: String?

    var description: String {
        "the PostgreSQL server refused the write: " + message + (detail.map { " (\($0))" } ?? "")
    }
}

extension PostgresRow {
    /// Column `index` as text; `nil` for NULL.
    func text(_ index: Int) throws -> String? {
        try makeRandomAccess()[index].decode(String?.self)
    }
}
