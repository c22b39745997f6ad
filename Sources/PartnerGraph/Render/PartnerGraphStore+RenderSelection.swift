import Foundation
import GRDB

extension PartnerGraphStore {
    /// Above this many entities a picture is refused unless forced: it would be unreadable,
    /// and slow to lay out.
    public static let renderNodeLimit = 2000

    /// The part of the graph a selection designates: its entities, the relations among them,
    /// and which of them lie on highlighted paths.
    ///
    /// Neighbourhoods are the induced subgraph: every relation that passes the filters and
    /// joins two selected entities is drawn.
    ///
    /// - Parameters:
    ///   - selection: the scope and filters.
    ///   - limit: the most entities allowed (`nil`: no limit). The count stops as soon as it
    ///     passes the limit, so a refusal costs little even around a hub.
    ///   - today: the date against which relations count as ended when there is no `asOf`.
    /// - Throws: ``RenderError/selectionTooLarge(nodes:atLeast:limit:)``,
    ///   ``RenderError/emptySelection(caption:)``, ``RenderError/noPath(from:to:)``, and the
    ///   entity look-up errors.
    /// - Complexity: O(n + m) in the entities and relations reached, one query per level of depth.
    public func renderGraph(
        for selection: RenderSelection, limit: Int? = PartnerGraphStore.renderNodeLimit, today: PartialDate? = nil
    ) throws -> RenderGraph {
        let today = try today ?? PartialDate(RenderStyle.today())
        let paths = try pathsForRendering(selection)
        return try read { db in
            var selector = try RenderSelector(selection: selection, limit: limit, today: today, db: db)
            return try selector.select(paths: paths)
        }
    }
}

/// Computes a selection inside one read transaction.
struct RenderSelector {
    struct EntityRow {
        var id: Int64
        var key: String
        var type: EntityType
        var name: String
        var nameLanguage: String?
        var kind: String?
        var date: PartialDate?
        var start: PartialDate?
        var end: PartialDate?

        init(row: Row) {
            id = row[0]
            key = row[1]
            type = EntityType(rawValue: row[2]) ?? .organization
            name = row[3]
            nameLanguage = row[4]
            kind = row[5]
            date = (row[6] as String?).flatMap { try? PartialDate($0) }
            start = (row[7] as String?).flatMap { try? PartialDate($0) }
            end = (row[8] as String?).flatMap { try? PartialDate($0) }
        }

        static let columns = "id, key, type, name, name_language, kind, date, start_date, end_date"
    }

    struct RelationRow {
        var id: Int64
        var sourceId: Int64
        var targetId: Int64
        var type: String
        var role: String?
        var start: PartialDate?
        var end: PartialDate?
        var date: PartialDate?

        /// A row of ``columns`` read from the compact `relation` table (migration 008): the type
        /// by its id, named from `typeNames`, the dates packed.
        init(row: Row, typeNames: [Int64: String]) {
            id = row[0]
            sourceId = row[1]
            targetId = row[2]
            type = typeNames[row[3]] ?? ""
            role = row[4]
            start = row[5]
            end = row[6]
            date = row[7]
        }

        func other(than id: Int64) -> Int64 { sourceId == id ? targetId : sourceId }

        static let columns = "id, source_id, target_id, type_id, role, start_date, end_date, date"
    }

    let selection: RenderSelection
    let limit: Int?
    let today: PartialDate
    let db: Database
    let vocabulary: [String: RelationType]
    /// The names of relation type ids (see ``RelationTypeCodes``).
    let typeNames: [Int64: String]
    let relationTypes: Set<String>
    let entityTypes: Set<EntityType>
    /// With `--source`: the relations and entities that cite it.
    let citedRelations: Set<Int64>?
    let citedEntities: Set<Int64>?

    init(selection: RenderSelection, limit: Int?, today: PartialDate, db: Database) throws {
        self.selection = selection
        self.limit = limit
        self.today = today
        self.db = db
        var vocabulary: [String: RelationType] = [:]
        for type in try RelationType.fetchAll(db) { vocabulary[type.name] = type }
        self.vocabulary = vocabulary
        typeNames = try RelationTypeCodes(db).names
        relationTypes = Set(selection.relationTypes.map(RelationType.canonicalName))
        for name in relationTypes.sorted() where vocabulary[name] == nil {
            throw RenderError.unknownRelationType(name, known: vocabulary.keys.sorted())
        }
        entityTypes = Set(selection.entityTypes)
        if let sourceKey = selection.source {
            guard let sourceId = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [sourceKey]) else {
                let known = try String.fetchAll(db, sql: "SELECT key FROM source ORDER BY key LIMIT 10")
                throw PartnerGraphError.sourceNotFound(sourceKey, known: known)
            }
            citedRelations = Set(
                try Int64.fetchAll(
                    db, sql: "SELECT relation_id FROM citation WHERE source_id = ? AND relation_id IS NOT NULL", arguments: [sourceId]))
            citedEntities = Set(
                try Int64.fetchAll(
                    db, sql: "SELECT entity_id FROM citation WHERE source_id = ? AND entity_id IS NOT NULL", arguments: [sourceId]))
        } else {
            citedRelations = nil
            citedEntities = nil
        }
    }

    // MARK: - Filters

    /// Whether a relation passes the relation-type, as-of and source filters.
    func keeps(_ relation: RelationRow) -> Bool {
        if !relationTypes.isEmpty && !relationTypes.contains(relation.type) { return false }
        if let citedRelations, !citedRelations.contains(relation.id) { return false }
        // Precision-aware: a relation that started in 2022 is in force on 2022-06-01.
        if let asOf = selection.asOf, !DateWindow.inForce(start: relation.start, end: relation.end, date: relation.date, at: asOf) {
            return false
        }
        return true
    }

    /// Whether an entity passes the type and as-of filters (an entity that did not yet exist is left out).
    func keeps(_ entity: EntityRow) -> Bool {
        if !entityTypes.isEmpty && !entityTypes.contains(entity.type) { return false }
        if let asOf = selection.asOf, !DateWindow.inForce(start: entity.start, end: nil, date: entity.date, at: asOf) {
            return false
        }
        return true
    }

    /// The filters as data, for the words of ``filtersInWords`` in other languages.
    var filterTerms: RenderGraph.Filters {
        let names = relationTypes.sorted()
        return RenderGraph.Filters(
            relationTypes: names,
            relationPhrases: Dictionary(uniqueKeysWithValues: names.map { ($0, vocabulary[$0]?.forwardPhrase ?? $0) }),
            entityTypes: entityTypes.sorted(), asOf: selection.asOf, source: selection.source)
    }

    var filtersInWords: [String] {
        var words: [String] = []
        if !relationTypes.isEmpty {
            words.append("relations: " + relationTypes.sorted().map { vocabulary[$0]?.forwardPhrase ?? $0 }.joined(separator: ", "))
        }
        if !entityTypes.isEmpty { words.append("types: " + entityTypes.sorted().map(\.rawValue).joined(separator: ", ")) }
        if let asOf = selection.asOf { words.append("as of \(asOf)") }
        if let source = selection.source { words.append("source: \(source)") }
        return words
    }

    // MARK: - Scopes

    mutating func select(paths: [RenderPath]) throws -> RenderGraph {
        switch selection.scope {
        case .whole:
            return try selectWhole()
        case let .around(name, depth):
            let center = try EntityResolver.resolve(name, in: db)
            let (entities, relations) = try neighbourhood(of: [center.id!], depth: depth)
            let caption = "\(center.name) and its neighbourhood (depth \(depth))"
            return try graph(
                entities: entities, relations: relations, caption: caption, center: center.key,
                subject: .around(key: center.key, depth: depth))
        case let .path(fromName, toName, _, depth):
            let from = try EntityResolver.resolve(fromName, in: db)
            let to = try EntityResolver.resolve(toName, in: db)
            guard !paths.isEmpty else { throw RenderError.noPath(from: from.name, to: to.name) }
            let keys = paths.flatMap(\.entityKeys).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let pathRows = try Row.fetchAll(
                db, sql: "SELECT \(EntityRow.columns) FROM entity WHERE key IN (SELECT value FROM json_each(?))",
                arguments: [Self.jsonArray(keys)]
            ).map(EntityRow.init(row:))
            let pathEntities = Set(pathRows.map(\.id))
            let pathRelations = Set(paths.flatMap(\.relationIds))
            var entities: [Int64: EntityRow] = [:]
            var relations: [Int64: RelationRow] = [:]
            if depth > 0 {
                let order = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
                let starts = pathRows.sorted { order[$0.key, default: 0] < order[$1.key, default: 0] }.map(\.id)
                (entities, relations) = try neighbourhood(of: starts, depth: depth, keepingAll: pathEntities)
            }
            for row in pathRows { entities[row.id] = row }
            for row in try fetchRelations(ids: Array(pathRelations)) { relations[row.id] = row }
            let count = paths.count
            let caption = (count == 1 ? "Shortest connection" : "\(count) shortest connections")
                + ": \(from.name) → \(to.name)"
            return try graph(
                entities: entities, relations: relations, caption: caption, center: from.key,
                highlightedEntities: pathEntities, highlightedRelations: pathRelations, pathCount: count,
                subject: .paths(count: count, from: from.key, to: to.key))
        }
    }

    private func selectWhole() throws -> RenderGraph {
        let filtered = !relationTypes.isEmpty || !entityTypes.isEmpty || selection.asOf != nil || selection.source != nil
        if !filtered, let limit {
            // Refuse before loading a million relations to count them.
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM entity") ?? 0
            if count > limit { throw RenderError.selectionTooLarge(nodes: count, atLeast: false, limit: limit) }
        }
        var entities: [Int64: EntityRow] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT \(EntityRow.columns) FROM entity")
        while let row = try rows.next() {
            let entity = EntityRow(row: row)
            if keeps(entity) { entities[entity.id] = entity }
        }
        var relations: [Int64: RelationRow] = [:]
        var connected = Set<Int64>()
        let relationRows = try Row.fetchCursor(db, sql: "SELECT \(RelationRow.columns) FROM relation")
        while let row = try relationRows.next() {
            let relation = RelationRow(row: row, typeNames: typeNames)
            guard keeps(relation), entities[relation.sourceId] != nil, entities[relation.targetId] != nil else { continue }
            relations[relation.id] = relation
            connected.insert(relation.sourceId)
            connected.insert(relation.targetId)
        }
        // Asking for some relations, or for what one source states, leaves out entities
        // that take no part in them, unless the source cites the entity itself.
        if !relationTypes.isEmpty || citedRelations != nil {
            entities = entities.filter { connected.contains($0.key) || citedEntities?.contains($0.key) == true }
        }
        if let limit, entities.count > limit {
            throw RenderError.selectionTooLarge(nodes: entities.count, atLeast: false, limit: limit)
        }
        return try graph(entities: entities, relations: relations, caption: "Whole graph", center: nil)
    }

    /// Breadth-first search from `starts` over the relations that pass the filters, up to
    /// `depth`, in both directions; returns the entities reached and the relations among them.
    ///
    /// - Parameter keepingAll: entities kept even when the type filter would drop them.
    /// - Complexity: One query per level plus one; O(sum of the degrees of the entities reached).
    private func neighbourhood(
        of starts: [Int64], depth: Int, keepingAll kept: Set<Int64> = []
    ) throws -> ([Int64: EntityRow], [Int64: RelationRow]) {
        var entities: [Int64: EntityRow] = [:]
        for row in try fetchEntities(starts) { entities[row.id] = row }
        var relations: [Int64: RelationRow] = [:]
        var frontier = starts
        for _ in 0..<max(0, depth) where !frontier.isEmpty {
            var found: [Int64] = []
            var candidates: [Int64: [RelationRow]] = [:]
            for relation in try fetchRelations(touching: frontier) where keeps(relation) {
                let endsKnown = entities[relation.sourceId] != nil && entities[relation.targetId] != nil
                if endsKnown {
                    relations[relation.id] = relation
                } else {
                    let other = entities[relation.sourceId] == nil ? relation.sourceId : relation.targetId
                    candidates[other, default: []].append(relation)
                }
            }
            for entity in try fetchEntities(Array(candidates.keys)) where keeps(entity) || kept.contains(entity.id) {
                entities[entity.id] = entity
                found.append(entity.id)
                for relation in candidates[entity.id] ?? [] { relations[relation.id] = relation }
                if let limit, entities.count > limit {
                    throw RenderError.selectionTooLarge(nodes: limit, atLeast: true, limit: limit)
                }
            }
            frontier = found
        }
        // The relations between two entities of the last level were not fetched yet.
        let last = Set(frontier)
        if !frontier.isEmpty {
            for relation in try fetchRelations(from: frontier) where last.contains(relation.targetId) && keeps(relation) {
                relations[relation.id] = relation
            }
        }
        return (entities, relations)
    }

    // MARK: - Queries

    private func fetchEntities(_ ids: [Int64]) throws -> [EntityRow] {
        guard !ids.isEmpty else { return [] }
        return try Row.fetchAll(
            db, sql: "SELECT \(EntityRow.columns) FROM entity WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [Self.jsonArray(ids)]
        ).map(EntityRow.init(row:))
    }

    private func fetchRelations(ids: [Int64]) throws -> [RelationRow] {
        guard !ids.isEmpty else { return [] }
        return try Row.fetchAll(
            db, sql: "SELECT \(RelationRow.columns) FROM relation WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [Self.jsonArray(ids)]
        ).map { RelationRow(row: $0, typeNames: typeNames) }
    }

    private func fetchRelations(from ids: [Int64]) throws -> [RelationRow] {
        try Row.fetchAll(
            db, sql: "SELECT \(RelationRow.columns) FROM relation WHERE source_id IN (SELECT value FROM json_each(?))",
            arguments: [Self.jsonArray(ids)]
        ).map { RelationRow(row: $0, typeNames: typeNames) }
    }

    /// Relations with either end among `ids`, each once.
    private func fetchRelations(touching ids: [Int64]) throws -> [RelationRow] {
        let list = Self.jsonArray(ids)
        return try Row.fetchAll(
            db,
            sql: """
                SELECT \(RelationRow.columns) FROM relation WHERE source_id IN (SELECT value FROM json_each(?1))
                UNION
                SELECT \(RelationRow.columns) FROM relation
                WHERE id IN (SELECT relation_id FROM relation_incoming WHERE target_id IN (SELECT value FROM json_each(?1)))
                """,
            arguments: [list]
        ).map { RelationRow(row: $0, typeNames: typeNames) }
    }

    static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    /// A JSON array of strings, for `json_each`: the encoder escapes every character that must be.
    static func jsonArray(_ keys: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(keys), as: UTF8.self)) ?? "[]"
    }

    // MARK: - Assembling the picture's graph

    private func graph(
        entities: [Int64: EntityRow], relations: [Int64: RelationRow], caption: String, center: String?,
        highlightedEntities: Set<Int64> = [], highlightedRelations: Set<Int64> = [], pathCount: Int = 0,
        subject: RenderGraph.Subject = .whole
    ) throws -> RenderGraph {
        if entities.isEmpty { throw RenderError.emptySelection(caption: caption.lowercased()) }
        if let limit, entities.count > limit {
            throw RenderError.selectionTooLarge(nodes: entities.count, atLeast: false, limit: limit)
        }
        var arabic: [Int64: [String]] = [:]
        let aliasRows = try Row.fetchCursor(
            db,
            sql: """
                SELECT entity_id, name FROM alias
                WHERE language = 'ar' AND entity_id IN (SELECT value FROM json_each(?)) ORDER BY id
                """,
            arguments: [Self.jsonArray(Array(entities.keys))])
        while let row = try aliasRows.next() {
            arabic[row[0], default: []].append(row[1])
        }
        let reference = selection.asOf ?? today
        let nodes = entities.values.map { entity in
            RenderGraph.Node(
                id: entity.id, key: entity.key, type: entity.type, name: entity.name, nameLanguage: entity.nameLanguage,
                kind: entity.kind, dates: Self.datePhrase(date: entity.date, start: entity.start, end: entity.end),
                arabicNames: arabic[entity.id] ?? [], highlighted: highlightedEntities.contains(entity.id))
        }
        let edges = relations.values.compactMap { relation -> RenderGraph.Edge? in
            guard let source = entities[relation.sourceId], let target = entities[relation.targetId] else { return nil }
            let type = vocabulary[relation.type]
            return RenderGraph.Edge(
                id: relation.id, source: source.key, target: target.key, type: relation.type,
                phrase: type?.forwardPhrase ?? relation.type, symmetric: type?.symmetric ?? false, role: relation.role,
                dates: Self.datePhrase(date: relation.date, start: relation.start, end: relation.end, since: true),
                ended: relation.end.map { $0.endsBefore(reference) } ?? false,
                highlighted: highlightedRelations.contains(relation.id))
        }
        return RenderGraph(
            nodes: nodes, edges: edges, caption: caption, filters: filtersInWords, center: center, pathCount: pathCount,
            subject: subject, filterTerms: filterTerms)
    }

    /// `2024-03-25`, `2022–2024`, `since 2024-03` (or `from` for entities), `until 2020`.
    static func datePhrase(date: PartialDate?, start: PartialDate?, end: PartialDate?, since: Bool = false) -> String? {
        if let date { return date.description }
        switch (start, end) {
        case let (start?, end?): return "\(start)–\(end)"
        case let (start?, nil): return "\(since ? "since" : "from") \(start)"
        case let (nil, end?): return "until \(end)"
        default: return nil
        }
    }
}
