import GRDB

/// A parsed JSON value, kept loose so that a document can be checked field by field and
/// every problem reported with its path, rather than stopping at the first.
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The members of every object in the value, counted once per key.
    var memberCount: Int {
        switch self {
        case .null, .bool, .number, .string: 0
        case .array(let items): items.reduce(0) { $0 + $1.memberCount }
        case .object(let fields): fields.count + fields.values.reduce(0) { $0 + $1.memberCount }
        }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONValue {
    /// The members that repeat a key already used in their object, as problems with their path:
    /// `{"name": "A", "name": "B"}` is one name too many, and which one a reader keeps depends
    /// on the reader (JSONDecoder keeps the first, JSONSerialization the last).
    ///
    /// Foundation's parsers fold such members away before anyone can see them; SQLite's
    /// `json_tree` reports every member, so the check is SQLite's parse of the same text.
    ///
    /// - Parameters:
    ///   - root: `text` as JSONDecoder read it, with one member per key.
    ///   - limit: the most problems returned.
    /// - Complexity: O(n) in the members of the document when no key repeats (the members
    ///   SQLite counts are as many as `root` holds); O(n log n) to find the ones that do.
    static func duplicateKeys(in text: String, root: JSONValue, db: Database, limit: Int = 100) throws -> [ImportError.Problem] {
        // Array elements have integer keys, never repeated; object members have text keys.
        let members = try Int.fetchOne(db, sql: "SELECT count(*) FROM json_tree(?) WHERE typeof(key) = 'text'", arguments: [text]) ?? 0
        if members == root.memberCount { return [] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT min(fullkey), key, count(*) FROM json_tree(?)
                WHERE typeof(key) = 'text'
                GROUP BY parent, key HAVING count(*) > 1
                ORDER BY min(id) LIMIT ?
                """,
            arguments: [text, limit])
        return rows.map { row in
            let key: String = row[1]
            let count: Int = row[2]
            return ImportError.Problem(
                path: row[0],
                message: "the key \(quoted(key)) appears \(count) times in the same object; a reader keeps only one of its values, so keep one")
        }
    }
}
