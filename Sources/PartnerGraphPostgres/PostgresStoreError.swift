/// Why the PostgreSQL store could not do what it was asked, in words a person can act on.
public enum PostgresStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The `postgres://` URL cannot be read.
    case invalidURL(String, reason: String)
    /// The server could not be reached, or refused the connection.
    case cannotConnect(location: String, reason: String)
    /// The database has no PartnerGraph schema yet.
    case notInitialized(location: String)
    /// The database was written by a newer PartnerGraph.
    case newerSchema(location: String, version: Int, supported: Int)
    /// The server refused a statement for a reason that is no one's input.
    case server(location: String, message: String)

    /// The message shown to the person who ran the command.
    public var description: String {
        switch self {
        case let .invalidURL(url, reason):
            return "cannot read the database URL \(url): \(reason)"
        case let .cannotConnect(location, reason):
            return "cannot connect to \(location): \(reason); check that the server runs and the URL's user, host, port and database are right"
        case let .notInitialized(location):
            return "\(location) holds no PartnerGraph graph yet; create it with `partnergraph init --db \(location)`"
        case let .newerSchema(location, version, supported):
            return "\(location) was written by a newer PartnerGraph (PostgreSQL schema version \(version); this one knows up to \(supported)); upgrade partnergraph"
        case let .server(location, message):
            return "the PostgreSQL server at \(location) refused: \(message)"
        }
    }
}
