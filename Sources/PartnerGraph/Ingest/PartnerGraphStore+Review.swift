import Foundation
import GRDB

/// What to change in a draft before accepting it; fields left `nil` stay as they are.
public struct DraftChanges: Sendable {
    /// For an entity draft, the new name.
    public var name: String?
    /// For an entity draft, the new type.
    public var type: EntityType?
    /// The key the new entity will get.
    public var key: String?
    /// For an entity draft, the kind to set or clear.
    public var kind: FieldChange<String> = .keep
    /// For an entity draft, aliases to add.
    public var addAliases: [Alias] = []
    /// For an entity draft, aliases to remove, by name.
    public var removeAliases: [String] = []
    /// For a relation draft, the new relation type, by name (`heads`).
    public var relationType: String?
    /// The relation's source: an entity's key, name or alias, or `#ID` for an entity draft.
    public var from: String?
    /// The relation's target, in the same forms.
    public var to: String?
    /// For a relation draft, the role to set or clear.
    public var role: FieldChange<String> = .keep
    /// The date to set or clear: an entity draft's date, or a relation draft's point in time.
    public var date: FieldChange<PartialDate> = .keep
    /// The start to set or clear.
    public var startDate: FieldChange<PartialDate> = .keep
    /// The end to set or clear.
    public var endDate: FieldChange<PartialDate> = .keep

    /// No change: set the fields to change.
    ///
    /// ```swift
    /// var changes = DraftChanges()
    /// changes.key = "alecso"
    /// changes.addAliases = [Alias(name: "المنظمة العربية للتربية والثقافة والعلوم", language: "ar")]
    /// try store.editDraft(2, changes)
    /// ```
    public init() {}
}

extension PartnerGraphStore {
    /// The drafts of one article, or of all, with the given status (all statuses when `nil`), by id.
    ///
    /// - Parameters:
    ///   - source: The key of the article's source; `nil`: every article.
    ///   - status: Only drafts with this status; `nil`: every status.
    /// - Throws: ``PartnerGraphError/sourceNotFound(_:known:)`` for an unknown source key.
    public func drafts(source: String? = nil, status: Draft.Status? = .open) throws -> [DraftView] {
        try read { db in
            var conditions: [String] = []
            var arguments: [DatabaseValueConvertible] = []
            if let source {
                conditions.append("source_id = ?")
                arguments.append(try Self.sourceId(source, in: db))
            }
            if let status {
                conditions.append("status = ?")
                arguments.append(status.rawValue)
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Self.draftViews(sql: "SELECT * FROM draft \(filter) ORDER BY id", arguments: StatementArguments(arguments), in: db)
        }
    }

    /// Accepts drafts: each becomes an entity or a relation of the graph, through the same
    /// checks as ``addEntity(_:)`` and ``link(_:_:_:_:)``, citing its article with the sentence
    /// it came from. A relation whose end is an entity draft accepts that draft first.
    ///
    /// All or nothing: when one draft cannot be accepted, none is.
    ///
    /// - Parameter ids: The drafts to accept, by id.
    /// - Returns: The drafts accepted, those accepted as needed included, in the order they were.
    /// - Throws: ``IngestError`` naming the draft and the fix, or the store's errors for the
    ///   entity or relation, wrapped in ``IngestError/acceptFailed(draft:reason:)``.
    @discardableResult
    public func acceptDrafts(_ ids: [Int64]) throws -> [DraftView] {
        try write { db in
            var accepted: [Int64] = []
            for id in ids {
                let draft = try Self.draft(id, in: db)
                guard draft.status == .open else { throw IngestError.draftDecided(id, status: draft.status.rawValue) }
                try Self.accept(draft, in: db, accepted: &accepted)
            }
            return try accepted.map { try Self.draftView(Self.draft($0, in: db), in: db) }
        }
    }

    /// Accepts every open draft of confidence at least `minimumConfidence`, of one article or of all.
    ///
    /// Drafts are accepted in id order, as ``acceptDrafts(_:)`` accepts them, and all or nothing.
    ///
    /// ```swift
    /// try store.acceptDrafts(source: "icesco-2024-05-14", minimumConfidence: 0.6)
    /// ```
    ///
    /// - Parameters:
    ///   - source: The key of the article's source; `nil`: every article.
    ///   - minimumConfidence: The lowest ``Draft/confidence`` accepted, from 0 to 1.
    /// - Returns: The drafts accepted, those accepted as needed included.
    /// - Throws: ``PartnerGraphError/sourceNotFound(_:known:)`` for an unknown source key, and the
    ///   errors of ``acceptDrafts(_:)``.
    @discardableResult
    public func acceptDrafts(source: String?, minimumConfidence: Double) throws -> [DraftView] {
        try write { db in
            var sql = "SELECT * FROM draft WHERE status = 'open' AND confidence >= ?"
            var arguments: [DatabaseValueConvertible] = [minimumConfidence]
            if let source {
                sql += " AND source_id = ?"
                arguments.append(try Self.sourceId(source, in: db))
            }
            var accepted: [Int64] = []
            for draft in try Draft.fetchAll(db, sql: sql + " ORDER BY id", arguments: StatementArguments(arguments)) {
                // An earlier draft may have accepted it as needed.
                let current = try Self.draft(draft.id!, in: db)
                if current.status == .open { try Self.accept(current, in: db, accepted: &accepted) }
            }
            return try accepted.map { try Self.draftView(Self.draft($0, in: db), in: db) }
        }
    }

    /// Rejects drafts; the open relation drafts that need a rejected entity draft are rejected with it.
    ///
    /// - Parameter ids: The drafts to reject, by id.
    /// - Returns: The drafts rejected, those rejected with them included.
    /// - Throws: ``IngestError/draftNotFound(_:)``, or ``IngestError/draftDecided(_:status:)``
    ///   for a draft already accepted or rejected.
    @discardableResult
    public func rejectDrafts(_ ids: [Int64]) throws -> [DraftView] {
        try write { db in
            var rejected: [Int64] = []
            var queue = ids
            while !queue.isEmpty {
                let id = queue.removeFirst()
                var draft = try Self.draft(id, in: db)
                if rejected.contains(id) { continue }
                guard draft.status == .open else {
                    if ids.contains(id) { throw IngestError.draftDecided(id, status: draft.status.rawValue) }
                    continue
                }
                draft.status = .rejected
                draft.decidedAt = Timestamp.now()
                try draft.update(db)
                rejected.append(id)
                queue += try Int64.fetchAll(
                    db, sql: "SELECT id FROM draft WHERE status = 'open' AND (source_draft = ?1 OR target_draft = ?1)", arguments: [id])
            }
            return try rejected.map { try Self.draftView(Self.draft($0, in: db), in: db) }
        }
    }

    /// Changes an open draft before it is accepted.
    ///
    /// - Parameters:
    ///   - id: The draft.
    ///   - changes: What to change; see ``DraftChanges``.
    /// - Returns: The draft as it now stands.
    /// - Throws: ``IngestError/invalidDraftEdit(_:reason:)`` for a change that does not fit the
    ///   draft (a name on a relation draft, a relation type on an entity draft), and the look-up
    ///   errors of `from` and `to`.
    @discardableResult
    public func editDraft(_ id: Int64, _ changes: DraftChanges) throws -> DraftView {
        try write { db in
            var draft = try Self.draft(id, in: db)
            guard draft.status == .open else { throw IngestError.draftDecided(id, status: draft.status.rawValue) }
            try validateText([changes.name, changes.key, changes.relationType, changes.from, changes.to], field: "draft's fields")
            try validateText(changes.addAliases.map(\.name), field: "alias")
            try TextRules.check(changes.name, as: .name)
            for alias in changes.addAliases { try TextRules.check(alias.name, as: .alias) }
            if case .set(let role) = changes.role { try TextRules.check(role, as: .role) }
            switch draft.kind {
            case .entity:
                if changes.relationType != nil || changes.from != nil || changes.to != nil {
                    throw IngestError.invalidDraftEdit(id, reason: "it proposes an entity; --relation, --from and --to change relation drafts")
                }
                if case .keep = changes.role {} else {
                    throw IngestError.invalidDraftEdit(id, reason: "it proposes an entity; --role changes relation drafts")
                }
                if let name = changes.name { draft.name = name }
                if let type = changes.type { draft.entityType = type }
                if let key = changes.key {
                    try validateKey(key)
                    draft.entityKey = key
                }
                changes.kind.apply(to: &draft.entityKind)
                for name in changes.removeAliases {
                    guard draft.aliases.contains(where: { $0.name == name }) else {
                        throw IngestError.invalidDraftEdit(id, reason: "it has no alias \(quoted(name))")
                    }
                    draft.aliases.removeAll { $0.name == name }
                }
                for alias in changes.addAliases where !draft.aliases.contains(alias) { draft.aliases.append(alias) }
            case .relation:
                if changes.name != nil || changes.type != nil || changes.key != nil || !changes.addAliases.isEmpty || !changes.removeAliases.isEmpty {
                    throw IngestError.invalidDraftEdit(id, reason: "it proposes a relation; --name, --type, --key and --alias change entity drafts")
                }
                if case .keep = changes.kind {} else {
                    throw IngestError.invalidDraftEdit(id, reason: "it proposes a relation; --kind changes entity drafts")
                }
                if let type = changes.relationType {
                    draft.relationType = try Self.relationType(RelationType.canonicalName(type), in: db).name
                }
                if let from = changes.from { (draft.sourceKey, draft.sourceDraft) = try Self.draftEnd(from, for: id, in: db) }
                if let to = changes.to { (draft.targetKey, draft.targetDraft) = try Self.draftEnd(to, for: id, in: db) }
                changes.role.apply(to: &draft.role)
            }
            changes.date.apply(to: &draft.date)
            changes.startDate.apply(to: &draft.startDate)
            changes.endDate.apply(to: &draft.endDate)
            try validateDates(date: draft.date, start: draft.startDate, end: draft.endDate)
            try draft.update(db)
            return try Self.draftView(draft, in: db)
        }
    }

    // MARK: - Shared steps

    /// The row id of the source with this key.
    ///
    /// - Throws: ``PartnerGraphError/sourceNotFound(_:known:)``, listing some of the known keys.
    static func sourceId(_ key: String, in db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [key]) else {
            throw PartnerGraphError.sourceNotFound(key, known: try String.fetchAll(db, sql: "SELECT key FROM source ORDER BY key LIMIT 10"))
        }
        return id
    }

    static func draft(_ id: Int64, in db: Database) throws -> Draft {
        guard let draft = try Draft.fetchOne(db, key: id) else { throw IngestError.draftNotFound(id) }
        return draft
    }

    /// An end given to `review edit`: `#ID` for an entity draft, else an entity of the graph.
    private static func draftEnd(_ text: String, for id: Int64, in db: Database) throws -> (String?, Int64?) {
        if text.hasPrefix("#"), let other = Int64(text.dropFirst()) {
            let draft = try draft(other, in: db)
            guard draft.kind == .entity else {
                throw IngestError.invalidDraftEdit(id, reason: "#\(other) proposes a relation; an end is an entity or an entity draft")
            }
            guard draft.status != .rejected else { throw IngestError.draftNeedsRejected(draft: id, needs: other) }
            return (nil, other)
        }
        return (try EntityResolver.resolve(text, in: db).key, nil)
    }

    private static func accept(_ draft: Draft, in db: Database, accepted: inout [Int64]) throws {
        var draft = draft
        let id = draft.id!
        let sourceKey = try String.fetchOne(db, sql: "SELECT key FROM source WHERE id = ?", arguments: [draft.sourceId]) ?? ""
        let citation = CitationRef(source: sourceKey, quote: draft.sentence)
        do {
            switch draft.kind {
            case .entity:
                let entity = try insertEntity(
                    NewEntity(
                        type: draft.entityType ?? .organization, name: draft.name ?? "", key: draft.entityKey, nameLanguage: draft.nameLanguage,
                        kind: draft.entityKind, aliases: draft.aliases, date: draft.date, startDate: draft.startDate, endDate: draft.endDate,
                        citations: [citation]),
                    in: db)
                draft.resultKey = entity.key
            case .relation:
                let from = try end(key: draft.sourceKey, draft: draft.sourceDraft, of: id, in: db, accepted: &accepted)
                let to = try end(key: draft.targetKey, draft: draft.targetDraft, of: id, in: db, accepted: &accepted)
                var relation = Relation(
                    sourceId: from.id!, type: draft.relationType ?? "", targetId: to.id!, role: draft.role, startDate: draft.startDate,
                    endDate: draft.endDate, date: draft.date)
                try insertRelation(&relation, from: from, to: to, in: db)
                try cite([citation], entityId: nil, relationId: relation.id, in: db)
                draft.resultRelation = relation.id
            }
        } catch let error as PartnerGraphError {
            throw IngestError.acceptFailed(draft: id, reason: error.description)
        }
        draft.status = .accepted
        draft.decidedAt = Timestamp.now()
        try draft.update(db)
        accepted.append(id)
    }

    /// The entity an end of a relation draft stands for, accepting its entity draft if needed.
    private static func end(key: String?, draft other: Int64?, of id: Int64, in db: Database, accepted: inout [Int64]) throws -> Entity {
        if let key {
            guard let entity = try Entity.filter(Entity.Columns.key == key).fetchOne(db) else {
                throw IngestError.draftEntityRemoved(draft: id, key: key)
            }
            return entity
        }
        guard let other else { throw IngestError.draftNotFound(id) }
        var needed = try draft(other, in: db)
        switch needed.status {
        case .rejected: throw IngestError.draftNeedsRejected(draft: id, needs: other)
        case .open:
            try accept(needed, in: db, accepted: &accepted)
            needed = try draft(other, in: db)
        case .accepted: break
        }
        guard let key = needed.resultKey, let entity = try Entity.filter(Entity.Columns.key == key).fetchOne(db) else {
            throw IngestError.draftEntityRemoved(draft: id, key: needed.resultKey ?? needed.name ?? "#\(other)")
        }
        return entity
    }

    // MARK: - Views

    static func draftViews(sql: String, arguments: StatementArguments, in db: Database) throws -> [DraftView] {
        try Draft.fetchAll(db, sql: sql, arguments: arguments).map { try draftView($0, in: db) }
    }

    static func draftView(_ draft: Draft, in db: Database) throws -> DraftView {
        // Cached statements: a report builds a view of each of dozens of drafts.
        let source = try String.fetchOne(db.cachedStatement(sql: "SELECT key FROM source WHERE id = ?"), arguments: [draft.sourceId]) ?? ""
        var view = DraftView(
            id: draft.id!, kind: draft.kind, status: draft.status, source: source, confidence: draft.confidence, cue: draft.cue,
            sentence: draft.sentence, entity: nil, relation: nil, createdEntity: draft.resultKey, createdRelation: draft.resultRelation)
        switch draft.kind {
        case .entity:
            view.entity = .init(
                type: draft.entityType ?? .organization, name: draft.name ?? "", key: draft.entityKey, language: draft.nameLanguage,
                kind: draft.entityKind, aliases: draft.aliases, date: draft.date, start: draft.startDate, end: draft.endDate)
        case .relation:
            func end(_ key: String?, _ other: Int64?) throws -> DraftView.End {
                if let key {
                    if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT name, type FROM entity WHERE key = ?"), arguments: [key]) {
                        return .init(key: key, draft: nil, name: row[0], type: EntityType(rawValue: row[1]))
                    }
                    return .init(key: key, draft: nil, name: "\(key) (removed)", type: nil)
                }
                let needed = try other.flatMap {
                    try Row.fetchOne(db.cachedStatement(sql: "SELECT result_key, name, entity_type FROM draft WHERE id = ?"), arguments: [$0])
                }
                return .init(
                    key: needed?[0], draft: other, name: needed?[1] ?? "?", type: (needed?[2] as String?).flatMap(EntityType.init(rawValue:)))
            }
            let phrase = try String.fetchOne(
                db.cachedStatement(sql: "SELECT forward_phrase FROM relation_type WHERE name = ?"), arguments: [draft.relationType ?? ""])
            view.relation = .init(
                type: draft.relationType ?? "", phrase: phrase ?? draft.relationType ?? "",
                from: try end(draft.sourceKey, draft.sourceDraft), to: try end(draft.targetKey, draft.targetDraft), role: draft.role,
                date: draft.date, start: draft.startDate, end: draft.endDate)
        }
        return view
    }
}
