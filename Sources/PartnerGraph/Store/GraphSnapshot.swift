import GRDB

/// Which part of a graph a command reads: what ``GraphStore/readableCopy(of:)`` copies.
public enum GraphScope: Hashable, Sendable {
    /// The whole graph: `list`, `stats`, a whole-graph `export` or `render`.
    case whole
    /// The named entities and every entity within `depth` relations of them, either way, with
    /// every relation among those entities: `render --around`, `timeline`, `common`.
    case around([String], depth: Int)
    /// The entities on the connections `query` finds and those within `depth` relations of
    /// them, with every relation among them: `render --path`.
    case paths(PathQuery, depth: Int)

    /// The part of the graph `selection` can draw or export: the neighbourhood it is around,
    /// the connections and their surroundings, else the whole graph.
    public init(_ selection: RenderSelection) {
        switch selection.scope {
        case .whole:
            self = .whole
        case let .around(name, depth):
            self = .around([name], depth: depth)
        case let .path(from, to, k, depth):
            self = .paths(PathQuery(from: from, to: to, k: k, relations: selection.relationTypes, asOf: selection.asOf), depth: depth)
        }
    }
}

/// Rows of part of a graph, with their ids, as another store hands them to SQLite.
///
/// A ``GraphStore`` that is not SQLite answers the commands that draw, export and report by
/// copying the rows they read into an SQLite store in memory and running the SQLite store's
/// code there (``PartnerGraphStore/init(holding:)``): the same code on the same rows, so the
/// same bytes out, ids included.
package struct GraphSnapshot: Sendable {
    package struct EntityRow: Sendable {
        package var id: Int64
        package var key, type, name, nameNormalized: String
        package var nameLanguage, kind, date, startDate, endDate, note: String?
        package var createdAt, updatedAt: String

        package init(
            id: Int64, key: String, type: String, name: String, nameNormalized: String, nameLanguage: String?, kind: String?,
            date: String?, startDate: String?, endDate: String?, note: String?, createdAt: String, updatedAt: String
        ) {
            (self.id, self.key, self.type, self.name, self.nameNormalized) = (id, key, type, name, nameNormalized)
            (self.nameLanguage, self.kind, self.date, self.startDate, self.endDate, self.note) = (nameLanguage, kind, date, startDate, endDate, note)
            (self.createdAt, self.updatedAt) = (createdAt, updatedAt)
        }
    }

    package struct AliasRow: Sendable {
        package var id, entityId: Int64
        package var name, nameNormalized: String
        package var language: String?

        package init(id: Int64, entityId: Int64, name: String, nameNormalized: String, language: String?) {
            (self.id, self.entityId, self.name, self.nameNormalized, self.language) = (id, entityId, name, nameNormalized, language)
        }
    }

    package struct AttributeRow: Sendable {
        package var entityId: Int64
        package var key, value: String

        package init(entityId: Int64, key: String, value: String) {
            (self.entityId, self.key, self.value) = (entityId, key, value)
        }
    }

    package struct RelationRow: Sendable {
        package var id, sourceId: Int64
        package var type: String
        package var targetId: Int64
        package var role, startDate, endDate, date, note: String?
        package var createdAt, updatedAt: String

        package init(
            id: Int64, sourceId: Int64, type: String, targetId: Int64, role: String?, startDate: String?, endDate: String?,
            date: String?, note: String?, createdAt: String, updatedAt: String
        ) {
            (self.id, self.sourceId, self.type, self.targetId) = (id, sourceId, type, targetId)
            (self.role, self.startDate, self.endDate, self.date, self.note) = (role, startDate, endDate, date, note)
            (self.createdAt, self.updatedAt) = (createdAt, updatedAt)
        }
    }

    package struct SourceRow: Sendable {
        package var id: Int64
        package var key, title: String
        package var publisher, url, published, language, text, textHash: String?
        package var createdAt, updatedAt: String

        package init(
            id: Int64, key: String, title: String, publisher: String?, url: String?, published: String?, language: String?,
            text: String?, textHash: String?, createdAt: String, updatedAt: String
        ) {
            (self.id, self.key, self.title) = (id, key, title)
            (self.publisher, self.url, self.published, self.language, self.text, self.textHash) = (publisher, url, published, language, text, textHash)
            (self.createdAt, self.updatedAt) = (createdAt, updatedAt)
        }
    }

    package struct CitationRow: Sendable {
        package var id, sourceId: Int64
        package var entityId, relationId: Int64?
        package var quote: String?

        package init(id: Int64, sourceId: Int64, entityId: Int64?, relationId: Int64?, quote: String?) {
            (self.id, self.sourceId, self.entityId, self.relationId, self.quote) = (id, sourceId, entityId, relationId, quote)
        }
    }

    package struct ClaimRow: Sendable {
        package var id, entityId: Int64
        package var field, value: String
        package var sourceId: Int64?
        package var quote: String?

        package init(id: Int64, entityId: Int64, field: String, value: String, sourceId: Int64?, quote: String?) {
            (self.id, self.entityId, self.field, self.value, self.sourceId, self.quote) = (id, entityId, field, value, sourceId, quote)
        }
    }

    /// The user's relation types (the built-in ones come with the schema).
    package var relationTypes: [RelationType] = []
    package var entities: [EntityRow] = []
    package var aliases: [AliasRow] = []
    package var attributes: [AttributeRow] = []
    package var mergedKeys: [(key: String, entityId: Int64)] = []
    package var sources: [SourceRow] = []
    package var relations: [RelationRow] = []
    package var citations: [CitationRow] = []
    package var claims: [ClaimRow] = []

    package init() {}
}

extension PartnerGraphStore {
    /// An SQLite store in memory holding `snapshot`'s rows under their own ids, for reading.
    ///
    /// The rows go in as they are, in one transaction, outside the history: the copy records
    /// no change, and its relations' incoming index and search queue are kept by the schema's
    /// triggers as for any write.
    ///
    /// - Parameter snapshot: Rows read from another store; every relation's ends, and every
    ///   citation's and claim's entity, relation and source, must be among them.
    /// - Throws: SQLite's error when a row breaks the schema's constraints.
    package convenience init(holding snapshot: GraphSnapshot) throws {
        try self.init()
        try writer.write { db in try Self.insert(snapshot, in: db) }
    }

    private static func insert(_ snapshot: GraphSnapshot, in db: Database) throws {
        for type in snapshot.relationTypes {
            var stored = type
            stored.builtin = false
            try stored.insert(db)
        }
        let entity = try db.makeStatement(
            sql: """
                INSERT INTO entity (id, key, type, name, name_normalized, name_language, kind, date, start_date, end_date, note, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for row in snapshot.entities {
            try entity.execute(arguments: [
                row.id, row.key, row.type, row.name, row.nameNormalized, row.nameLanguage, row.kind, row.date, row.startDate,
                row.endDate, row.note, row.createdAt, row.updatedAt,
            ])
        }
        let alias = try db.makeStatement(sql: "INSERT INTO alias (id, entity_id, name, name_normalized, language) VALUES (?, ?, ?, ?, ?)")
        for row in snapshot.aliases {
            try alias.execute(arguments: [row.id, row.entityId, row.name, row.nameNormalized, row.language])
        }
        let attribute = try db.makeStatement(sql: "INSERT INTO attribute (entity_id, key, value) VALUES (?, ?, ?)")
        for row in snapshot.attributes { try attribute.execute(arguments: [row.entityId, row.key, row.value]) }
        let merged = try db.makeStatement(sql: "INSERT INTO merged_key (key, entity_id) VALUES (?, ?)")
        for row in snapshot.mergedKeys { try merged.execute(arguments: [row.key, row.entityId]) }
        let source = try db.makeStatement(
            sql: """
                INSERT INTO source (id, key, title, publisher, url, published, language, text, text_hash, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for row in snapshot.sources {
            try source.execute(arguments: [
                row.id, row.key, row.title, row.publisher, row.url, row.published, row.language, row.text, row.textHash, row.createdAt,
                row.updatedAt,
            ])
        }
        let relation = try db.makeStatement(
            sql: """
                INSERT INTO relation_view (id, source_id, type, target_id, role, start_date, end_date, date, note, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for row in snapshot.relations {
            try relation.execute(arguments: [
                row.id, row.sourceId, row.type, row.targetId, row.role, row.startDate, row.endDate, row.date, row.note, row.createdAt,
                row.updatedAt,
            ])
        }
        let citation = try db.makeStatement(sql: "INSERT INTO citation (id, source_id, entity_id, relation_id, quote) VALUES (?, ?, ?, ?, ?)")
        for row in snapshot.citations {
            try citation.execute(arguments: [row.id, row.sourceId, row.entityId, row.relationId, row.quote])
        }
        let claim = try db.makeStatement(sql: "INSERT INTO claim (id, entity_id, field, value, source_id, quote) VALUES (?, ?, ?, ?, ?, ?)")
        for row in snapshot.claims {
            try claim.execute(arguments: [row.id, row.entityId, row.field, row.value, row.sourceId, row.quote])
        }
    }
}
