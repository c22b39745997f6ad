import Foundation
import GRDB
import GRDBSQLite

/// What an export wrote.
public struct ExportSummary: Sendable, Equatable {
    /// How many entities were written.
    public var nodes: Int
    /// How many relations were written.
    public var edges: Int
    /// What was selected, in words.
    public var caption: String
}

extension PartnerGraphStore {
    /// Streams part of the graph to a format writer: the same selections as ``render(_:style:format:force:)``
    /// (the whole graph, a neighbourhood, the shortest connections, narrowed by relation type,
    /// entity type, date and source), without the picture's size limit.
    ///
    /// ```swift
    /// let sink = try ExportSink(path: "icesco.graphml")
    /// var writer = GraphMLWriter(sink: sink)
    /// try store.export(RenderSelection(scope: .around("ICESCO", depth: 1)), into: &writer)
    /// try sink.commit()
    /// ```
    ///
    /// Everything is read in one read transaction, so the export is a consistent snapshot even
    /// while other processes write. Entities go to the writer in key order and relations by
    /// source key, type, target key and id, so the same database always gives the same bytes.
    /// The whole graph is streamed: only the entities' keys, aliases, attributes and the
    /// citations are held, never the relations.
    ///
    /// - Throws: the writer's errors, ``RenderError/emptySelection(caption:)``,
    ///   ``RenderError/noPath(from:to:)`` and the entity look-up errors.
    /// - Complexity: O(n log n + m) for n entities and m relations exported.
    @discardableResult
    public func export(_ selection: RenderSelection, into writer: inout some GraphExportWriter) throws -> ExportSummary {
        let paths = try pathsForRendering(selection)
        let today = try PartialDate(RenderStyle.today())
        return try read { db in
            var exporter = try GraphExporter(selection: selection, paths: paths, today: today, db: db)
            return try exporter.run(into: &writer)
        }
    }
}

/// The entities and relations an export takes.
enum ExportScope {
    /// Every entity and relation.
    case all
    /// The entities listed, and the relations between them that `keeps` allows.
    case filtered(Set<Int64>)
    /// Exactly these entities and relations (a neighbourhood or paths, computed as for a picture).
    case explicit(entities: Set<Int64>, relations: Set<Int64>)
}

/// One export, inside one read transaction.
struct GraphExporter {
    let selection: RenderSelection
    let db: Database
    let selector: RenderSelector
    var scope: ExportScope = .all
    var caption = "Whole graph"
    var edgeCount = 0

    init(selection: RenderSelection, paths: [RenderPath], today: PartialDate, db: Database) throws {
        self.selection = selection
        self.db = db
        var selector = try RenderSelector(selection: selection, limit: nil, today: today, db: db)
        self.selector = selector
        switch selection.scope {
        case .whole:
            let filtered = !selection.relationTypes.isEmpty || !selection.entityTypes.isEmpty || selection.asOf != nil
                || selection.source != nil
            if filtered {
                try selectFiltered()
            } else {
                edgeCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM relation") ?? 0
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM entity") == 0 {
                    throw RenderError.emptySelection(caption: "whole graph")
                }
            }
        case .around, .path:
            let graph = try selector.select(paths: paths)
            scope = .explicit(entities: Set(graph.nodes.map(\.id)), relations: Set(graph.edges.map(\.id)))
            caption = graph.caption
            edgeCount = graph.edges.count
        }
    }

    /// The whole graph narrowed by filters: one pass over the entities and one over the relations.
    private mutating func selectFiltered() throws {
        var entities = Set<Int64>()
        let rows = try Row.fetchCursor(db, sql: "SELECT \(RenderSelector.EntityRow.columns) FROM entity")
        while let row = try rows.next() {
            let entity = RenderSelector.EntityRow(row: row)
            if selector.keeps(entity) { entities.insert(entity.id) }
        }
        var connected = Set<Int64>()
        var count = 0
        let relations = try Row.fetchCursor(db, sql: "SELECT \(RenderSelector.RelationRow.columns) FROM relation")
        while let row = try relations.next() {
            let relation = RenderSelector.RelationRow(row: row, typeNames: selector.typeNames)
            guard selector.keeps(relation), entities.contains(relation.sourceId), entities.contains(relation.targetId) else {
                continue
            }
            count += 1
            connected.insert(relation.sourceId)
            connected.insert(relation.targetId)
        }
        // As in a picture: asking for some relations, or for what one source states, leaves out
        // the entities that take no part in them, unless the source cites the entity itself.
        if !selector.relationTypes.isEmpty || selector.citedRelations != nil {
            entities = entities.filter { connected.contains($0) || selector.citedEntities?.contains($0) == true }
        }
        if entities.isEmpty { throw RenderError.emptySelection(caption: "whole graph (\(selector.filtersInWords.joined(separator: " · ")))") }
        scope = .filtered(entities)
        edgeCount = count
    }

    private func includes(entity id: Int64) -> Bool {
        switch scope {
        case .all: return true
        case let .filtered(entities): return entities.contains(id)
        case let .explicit(entities, _): return entities.contains(id)
        }
    }

    private var nodeCountQuery: Int {
        get throws {
            switch scope {
            case .all: return try Int.fetchOne(db, sql: "SELECT count(*) FROM entity") ?? 0
            case let .filtered(entities): return entities.count
            case let .explicit(entities, _): return entities.count
            }
        }
    }

    mutating func run(into writer: inout some GraphExportWriter) throws -> ExportSummary {
        // What the entities carry besides their row, for the entities exported.
        var aliases: [Int64: [Alias]] = [:]
        var languages = Set<String>()
        for row in try Row.fetchAll(db, sql: "SELECT entity_id, name, language FROM alias ORDER BY entity_id, id") {
            let id: Int64 = row[0]
            guard includes(entity: id) else { continue }
            let alias = Alias(name: row[1], language: row[2])
            aliases[id, default: []].append(alias)
            languages.insert(alias.language ?? ExportNode.unknownLanguage)
        }
        var attributes: [Int64: [(key: String, value: String)]] = [:]
        var attributeKeys = Set<String>()
        for row in try Row.fetchAll(db, sql: "SELECT entity_id, key, value FROM attribute ORDER BY entity_id, key") {
            let id: Int64 = row[0]
            guard includes(entity: id) else { continue }
            attributes[id, default: []].append((row[1], row[2]))
            attributeKeys.insert(row[1])
        }
        var entityCitations: [Int64: [CitationRef]] = [:]
        var relationCitations: [Int64: [CitationRef]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT c.entity_id, c.relation_id, s.key, c.quote FROM citation c JOIN source s ON s.id = c.source_id
                ORDER BY s.key, ifnull(c.quote, ''), c.id
                """)
        {
            let citation = CitationRef(source: row[2], quote: row[3])
            if let id: Int64 = row[0], includes(entity: id) { entityCitations[id, default: []].append(citation) }
            if let id: Int64 = row[1] { relationCitations[id, default: []].append(citation) }
        }
        let header = ExportHeader(
            caption: caption, filters: selector.filtersInWords, nodeCount: try nodeCountQuery, edgeCount: edgeCount,
            aliasLanguages: languages.sorted(), attributeKeys: attributeKeys.sorted(),
            relationTypes: selector.vocabulary.values.sorted { $0.name < $1.name },
            sources: try Source.order(Source.Columns.key).fetchAll(db))
        try writer.begin(header)

        // Entities, in key order; every key is kept to name the relations' ends.
        var keys: [Int64: String] = [:]
        var order: [Int64] = []
        var nodes = 0
        let entityRows = try Row.fetchCursor(
            db, sql: "SELECT id, key, type, name, name_language, kind, date, start_date, end_date, note FROM entity ORDER BY key")
        while let row = try entityRows.next() {
            let id: Int64 = row[0]
            guard includes(entity: id) else { continue }
            let key: String = row[1]
            keys[id] = key
            order.append(id)
            try writer.node(
                ExportNode(
                    key: key, type: EntityType(rawValue: row[2]) ?? .organization, name: row[3], nameLanguage: row[4],
                    kind: row[5], date: Self.date(row[6]), start: Self.date(row[7]), end: Self.date(row[8]), note: row[9],
                    aliases: aliases.removeValue(forKey: id) ?? [], attributes: attributes.removeValue(forKey: id) ?? [],
                    citations: entityCitations.removeValue(forKey: id) ?? []))
            nodes += 1
        }

        // Relations, by source key (the entities' order), then type, target key and id.
        let statement = try db.makeStatement(
            sql: "SELECT id, type_id, target_id, role, start_date, end_date, date, note FROM relation WHERE source_id = ?")
        let typeNames = try RelationTypeCodes(db).names
        let handle = statement.sqliteStatement
        var edges = 0
        var group: [ExportEdge] = []
        for sourceId in order {
            sqlite3_reset(handle)
            sqlite3_bind_int64(handle, 1, sourceId)
            group.removeAll(keepingCapacity: true)
            let sourceKey = keys[sourceId]!
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                let id = sqlite3_column_int64(handle, 0)
                let targetId = sqlite3_column_int64(handle, 2)
                guard let targetKey = keys[targetId] else { continue }
                let type = typeNames[sqlite3_column_int64(handle, 1)] ?? ""
                switch scope {
                case .all:
                    break
                case .filtered:
                    let row = RenderSelector.RelationRow(
                        id: id, sourceId: sourceId, targetId: targetId, type: type, role: nil,
                        start: columnDate(handle, 4), end: columnDate(handle, 5),
                        date: columnDate(handle, 6))
                    guard selector.keeps(row) else { continue }
                case let .explicit(_, relations):
                    guard relations.contains(id) else { continue }
                }
                group.append(
                    ExportEdge(
                        id: id, source: sourceKey, target: targetKey, type: type, role: columnText(handle, 3),
                        start: columnDate(handle, 4), end: columnDate(handle, 5),
                        date: columnDate(handle, 6), note: columnText(handle, 7),
                        citations: relationCitations[id] ?? []))
            }
            sqlite3_reset(handle)
            group.sort { ($0.type, $0.target, $0.id) < ($1.type, $1.target, $1.id) }
            for edge in group { try writer.edge(edge) }
            edges += group.count
        }
        try writer.end()
        return ExportSummary(nodes: nodes, edges: edges, caption: caption)
    }

    private static func date(_ text: String?) -> PartialDate? {
        text.flatMap { try? PartialDate($0) }
    }
}

extension RenderSelector.RelationRow {
    init(
        id: Int64, sourceId: Int64, targetId: Int64, type: String, role: String?, start: PartialDate?, end: PartialDate?,
        date: PartialDate?
    ) {
        self.id = id
        self.sourceId = sourceId
        self.targetId = targetId
        self.type = type
        self.role = role
        self.start = start
        self.end = end
        self.date = date
    }
}
