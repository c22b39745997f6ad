import Foundation

/// Where a PostgreSQL graph is: the parts of a `postgres://` URL.
///
/// ```swift
/// let location = try PostgresLocation("postgres://analyst@db.example.org:5432/partners")
/// location.database   // "partners"
/// ```
///
/// The URL is `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, with optional query items:
/// `schema=NAME` keeps the graph in that schema (created by `init`), so that one database can
/// hold several graphs; `sslmode=require` (or `prefer`) encrypts the connection, which is off
/// unless asked for. The password may also come from `$PGPASSWORD`.
public struct PostgresLocation: Sendable, Equatable {
    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to connect as.
    public var user: String
    /// The password, when the server asks for one.
    public var password: String?
    /// The database.
    public var database: String
    /// The schema that holds the graph; `nil`: the database's default (`public`).
    public var schema: String?
    /// Whether to encrypt the connection: `disable`, `prefer` or `require`.
    public var sslMode: String

    /// Whether `text` names a PostgreSQL database rather than an SQLite file.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` URL.
    ///
    /// - Throws: ``PostgresStoreError/invalidURL(_:reason:)`` naming what is missing or wrong.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw PostgresStoreError.invalidURL(Self.redacted(text), reason: "write it as postgres://USER@HOST:PORT/DATABASE")
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresStoreError.invalidURL(Self.redacted(text), reason: "it names no host; write postgres://USER@HOST:PORT/DATABASE")
        }
        guard let user = components.user, !user.isEmpty else {
            throw PostgresStoreError.invalidURL(Self.redacted(text), reason: "it names no user; write postgres://USER@\(host)/DATABASE")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresStoreError.invalidURL(Self.redacted(text), reason: "it names no database; end it with /DATABASE")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 } ?? environment["PGPASSWORD"]
        self.database = database.removingPercentEncoding ?? database
        sslMode = "disable"
        for item in components.queryItems ?? [] {
            switch item.name {
            case "schema":
                guard let value = item.value, Self.isPlainIdentifier(value) else {
                    throw PostgresStoreError.invalidURL(
                        Self.redacted(text), reason: "schema must be lower-case letters, digits and _, starting with a letter")
                }
                schema = value
            case "sslmode":
                guard let value = item.value, ["disable", "prefer", "require"].contains(value) else {
                    throw PostgresStoreError.invalidURL(Self.redacted(text), reason: "sslmode is disable, prefer or require")
                }
                sslMode = value
            default:
                throw PostgresStoreError.invalidURL(
                    Self.redacted(text), reason: "unknown parameter \(item.name.debugDescription); PartnerGraph reads schema and sslmode")
            }
        }
    }

    /// The URL without its password, for messages.
    public var description: String {
        var text = "postgres://\(user)@\(host):\(port)/\(database)"
        if let schema { text += "?schema=\(schema)" }
        return text
    }

    /// `text` with any password replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }

    /// Lower-case letters, digits and `_`, starting with a letter: safe to write into SQL as an identifier.
    static func isPlainIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), text.utf8.count <= 63 else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
