import GRDB

/// Tells whether an SQLite database has PartnerGraph's schema at the version it records.
///
/// The reference is what the embedded migrations (`schema/`) build up to that version, in
/// memory: every table, index, trigger and virtual table must be there, and every table
/// must have its columns. Objects of its own (an index someone added) are allowed.
enum SchemaRecognizer {
    /// What the database `db` lacks of PartnerGraph's schema at `version`, in words; empty when
    /// it has it all.
    static func differences(in db: Database, version: Int) throws -> [String] {
        let expected = try reference(version: version)
        let found = try objects(in: db)
        var differences: [String] = []
        for (name, object) in expected.sorted(by: { $0.key < $1.key }) {
            guard let actual = found[name], actual.type == object.type else {
                differences.append("it has no \(object.type) \(name)")
                continue
            }
            let missing = object.columns.filter { !actual.columns.contains($0) }
            if !missing.isEmpty {
                differences.append("its table \(name) has no column \(missing.joined(separator: ", "))")
            }
        }
        return differences
    }

    private struct SchemaObject {
        var type: String
        var columns: [String]
    }

    /// PartnerGraph's schema at `version`, built by the migrations in a scratch database.
    private static func reference(version: Int) throws -> [String: SchemaObject] {
        let scratch = try DatabaseQueue()
        return try scratch.writeWithoutTransaction { db in
            for migration in EmbeddedResources.migrations where migration.version <= version {
                try db.execute(sql: migration.sql)
            }
            return try objects(in: db)
        }
    }

    private static func objects(in db: Database) throws -> [String: SchemaObject] {
        var objects: [String: SchemaObject] = [:]
        let rows = try Row.fetchAll(db, sql: "SELECT type, name FROM main.sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
        for row in rows {
            let type: String = row["type"]
            let name: String = row["name"]
            let columns = type == "table" ? try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [name]) : []
            objects[name] = SchemaObject(type: type, columns: columns)
        }
        return objects
    }
}
