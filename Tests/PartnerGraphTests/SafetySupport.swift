import Foundation
import GRDB
@testable import PartnerGraph

/// Runs raw SQL on a store's connection, with foreign keys off: the way a person with the
/// sqlite3 shell, or a bug, breaks the rules the store keeps.
func breakRules(_ store: PartnerGraphStore, _ sql: String) throws {
    try store.writer.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
        try db.execute(sql: sql)
    }
}

/// A database file holding the bundled example, in `folder`.
func exampleFile(in folder: URL, named name: String = "partners.sqlite") throws -> String {
    let path = folder.appendingPathComponent(name).path
    try PartnerGraphStore(path: path).loadExample()
    return path
}

/// The files in `folder`, by name: what a backup or restore left behind.
func fileNames(in folder: URL) throws -> Set<String> {
    Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
}

/// The graph a store holds, as the JSON export writes it: equal graphs, equal bytes.
func graphJSON(_ store: PartnerGraphStore) throws -> String {
    String(decoding: try store.exportDocument().jsonData(), as: UTF8.self)
}
