import Foundation
import PartnerGraph
@testable import PartnerGraphPostgres
import Testing

/// The two stores the tests run against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The stores to test: SQLite always; PostgreSQL when a server is given, or required.
    static var tested: [StoreKind] {
        TestServer.isConfigured || TestServer.isRequired ? [.sqlite, .postgres] : [.sqlite]
    }
}

/// The PostgreSQL server of the tests: `$PARTNERGRAPH_TEST_POSTGRES`, which `make test` sets to a
/// throwaway server it starts (scripts/pg-test-cluster). `make test` also sets
/// `PARTNERGRAPH_REQUIRE_POSTGRES`, under which a missing server fails the tests rather than skip them.
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["PARTNERGRAPH_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let isConfigured = url != nil
    static let isRequired = !(ProcessInfo.processInfo.environment["PARTNERGRAPH_REQUIRE_POSTGRES"] ?? "").isEmpty
    /// Why the PostgreSQL tests do not run, for the skip message.
    static let skipReason: Comment =
        "no PostgreSQL server: set PARTNERGRAPH_TEST_POSTGRES=postgres://USER@127.0.0.1:PORT/DB (`make test` starts one) to run the PostgreSQL tests"
    /// Whether the PostgreSQL-only tests run: when a server is given, or required (and then fail without one).
    static let enabled = isConfigured || isRequired

    /// The URL of a new, empty schema of the test database: each test gets its own graph.
    static func freshURL() throws -> String {
        guard let url else {
            throw FixtureError("PARTNERGRAPH_TEST_POSTGRES is not set, but PARTNERGRAPH_REQUIRE_POSTGRES is: run the tests with `make test`, which starts a PostgreSQL server")
        }
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A new, empty store of `kind`: SQLite in memory, or PostgreSQL in a schema of its own.
func makeStore(_ kind: StoreKind) throws -> any GraphStore {
    switch kind {
    case .sqlite: return try PartnerGraphStore()
    case .postgres: return try PostgresStore(url: try TestServer.freshURL(), mode: .create)
    }
}

/// A store of `kind` holding the founding example (examples/icesco-azerbaijan.json).
func makeExampleStore(_ kind: StoreKind) throws -> any GraphStore {
    let store = try makeStore(kind)
    try store.load(try exampleDocument())
    return store
}

/// The bundled example as a document.
func exampleDocument() throws -> InterchangeDocument {
    try JSONDecoder().decode(InterchangeDocument.self, from: Data(PartnerGraphStore.exampleJSON.utf8))
}

/// `value` as canonical JSON with every `id` and `relation_id` taken out: the two stores number rows
/// each in its own way, and everything else must agree.
func comparable(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    func strip(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, inner) in dictionary where !["id", "relation_id", "relation_ids", "created_at", "updated_at"].contains(key) {
                result[key] = strip(inner)
            }
            return result
        }
        if let array = value as? [Any] { return array.map(strip) }
        return value
    }
    let stripped = try JSONSerialization.data(withJSONObject: strip(object), options: [.sortedKeys, .prettyPrinted, .fragmentsAllowed])
    return String(decoding: stripped, as: UTF8.self)
}

/// The error `body` throws, or `nil`.
func thrownError(_ body: () throws -> Void) -> Error? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}
