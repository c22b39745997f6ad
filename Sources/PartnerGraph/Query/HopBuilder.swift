import GRDB
import GRDBSQLite

/// Turns the ids a traversal found into readable hops and entity references, with the few
/// row look-ups that takes (each through a cached statement; entities and relation types are
/// remembered).
final class HopBuilder {
    private let db: Database
    private var types: [String: RelationType] = [:]
    private var entities: [Int64: EntityRef] = [:]
    private let hasCitations: Bool

    init(_ db: Database) throws {
        self.db = db
        // Cached statements: a hop building runs once per query, and compiling these two took
        // a fifth of a warm `path` call.
        for type in try RelationType.fetchAll(db.cachedStatement(sql: "SELECT * FROM relation_type")) { types[type.name] = type }
        hasCitations = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM citation WHERE relation_id IS NOT NULL)")) ?? false
    }

    func entity(_ id: Int64) throws -> EntityRef {
        if let known = entities[id] { return known }
        let statement = try db.cachedStatement(sql: "SELECT key, type, name FROM entity WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else {
            throw PartnerGraphError.entityNotFound("#\(id)", suggestions: [])
        }
        let ref = EntityRef(key: row[0], type: EntityType(rawValue: row[1]) ?? .organization, name: row[2])
        entities[id] = ref
        return ref
    }

    /// Looks up the entities of `ids` not yet remembered, in id order: many look-ups then read
    /// each page of the entity table once rather than once per look-up.
    func preload(_ ids: [Int64]) throws {
        // Through SQLite's C interface: GRDB's row machinery cost more than the look-up itself.
        let handle = try db.cachedStatement(sql: "SELECT key, type, name FROM entity WHERE id = ?").sqliteStatement
        defer { sqlite3_reset(handle) }
        for id in Set(ids).subtracting(entities.keys).sorted() {
            sqlite3_reset(handle)
            sqlite3_bind_int64(handle, 1, id)
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { continue }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            entities[id] = EntityRef(
                key: columnText(handle, 0) ?? "", type: EntityType(rawValue: columnText(handle, 1) ?? "") ?? .organization,
                name: columnText(handle, 2) ?? "")
        }
    }

    /// Remembers an entity already loaded, sparing a look-up.
    func remember(_ entity: Entity) {
        if let id = entity.id { entities[id] = entity.ref }
    }

    func relationType(_ name: String) -> RelationType? { types[name] }

    /// The hop that walks relation `id` from `from` to `to`.
    func hop(relation id: Int64, from: Int64, to: Int64) throws -> PathHop {
        let statement = try db.cachedStatement(
            sql: "SELECT source_id, type, target_id, role, start_date, end_date, date, note FROM relation_view WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else {
            throw PartnerGraphError.relationNotFound(description: "#\(id)")
        }
        return try hop(
            relation: id, type: row[1], forward: row[0] == from, from: from, to: to, role: row[3], start: row[4], end: row[5],
            date: row[6], note: row[7])
    }

    /// The hop that walks relation `id`, whose row the caller has read already, from `from` to `to`.
    func hop(
        relation id: Int64, type typeName: String, forward: Bool, from: Int64, to: Int64, role: String?, start: PartialDate?,
        end: PartialDate?, date: PartialDate?, note: String?
    ) throws -> PathHop {
        let type = types[typeName]
        let symmetric = type?.symmetric ?? false
        let forwardPhrase = type?.forwardPhrase ?? typeName
        let phrase = forward || symmetric ? forwardPhrase : (type?.inversePhrase ?? typeName)
        return PathHop(
            relationId: id, type: typeName, from: try entity(from), to: try entity(to), forward: forward, phrase: phrase,
            forwardPhrase: forwardPhrase, symmetric: symmetric, role: role, start: start, end: end, date: date,
            note: note, citations: hasCitations ? try PartnerGraphStore.citations(relationId: id, in: db) : [])
    }
}
