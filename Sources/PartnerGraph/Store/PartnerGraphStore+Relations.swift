import GRDB

extension PartnerGraphStore {
    /// Records that `source` stands in relation `type` to `target`.
    ///
    /// ```swift
    /// try store.link("Salim M. AlMalik", "heads", "ICESCO", RelationDetails(role: "Director-General"))
    /// ```
    ///
    /// - Parameters:
    ///   - source: The entity the relation reads from (the person who `heads`): a key, name or alias.
    ///   - type: The relation type's name (`heads`); `observer-of` and `Observer of` are read as `observer_of`.
    ///   - target: The entity the relation reads to.
    ///   - details: The role, dates, note and citations.
    /// - Returns: The relation as seen from `source`.
    /// - Throws: ``PartnerGraphError/unknownRelationType(_:known:)``, ``PartnerGraphError/relationNotAllowed(type:from:to:sourceTypes:targetTypes:)``
    ///   when the vocabulary forbids those entity types, ``PartnerGraphError/duplicateRelation(description:)``,
    ///   and the entity look-up and date errors.
    @discardableResult
    public func link(_ source: String, _ type: String, _ target: String, _ details: RelationDetails = RelationDetails()) throws -> RelationView {
        try write { db in
            try details.validateText()
            let from = try EntityResolver.resolve(source, in: db)
            let to = try EntityResolver.resolve(target, in: db)
            var relation = Relation(
                sourceId: from.id!, type: RelationType.canonicalName(type), targetId: to.id!, role: details.role,
                startDate: details.startDate, endDate: details.endDate, date: details.date, note: details.note)
            try Self.insertRelation(&relation, from: from, to: to, in: db)
            try Self.cite(details.citations, entityId: nil, relationId: relation.id, in: db)
            return try Self.view(of: relation, from: from, other: to, in: db)
        }
    }

    /// Removes the relation `type` from `source` to `target`. When several match (different
    /// roles or dates), `role` and `start` narrow them down, or `all` removes every match.
    ///
    /// - Parameters:
    ///   - source: The relation's source entity: a key, name or alias.
    ///   - type: The relation type's name.
    ///   - target: The relation's target entity.
    ///   - role: Only the relation with this role.
    ///   - start: Only the relation that starts on this date.
    ///   - all: Remove every relation that matches, rather than refuse when several do.
    /// - Returns: The removed relations.
    /// - Throws: ``PartnerGraphError/relationNotFound(description:)`` when none matches,
    ///   ``PartnerGraphError/ambiguousRelation(description:matches:)`` when several do and `all`
    ///   is not set; the look-up errors of ``entity(_:)``.
    @discardableResult
    public func unlink(
        _ source: String, _ type: String, _ target: String, role: String? = nil, start: PartialDate? = nil, all: Bool = false
    ) throws -> [RelationView] {
        try write { db in
            let from = try EntityResolver.resolve(source, in: db)
            let to = try EntityResolver.resolve(target, in: db)
            let typeName = RelationType.canonicalName(type)
            let relationType = try Self.relationType(typeName, in: db)
            var request = Relation.filter(Relation.Columns.type == typeName)
            // A symmetric relation was stored one way; either order of the ends names it.
            if relationType.symmetric {
                request = request.filter(
                    (Relation.Columns.sourceId == from.id! && Relation.Columns.targetId == to.id!)
                        || (Relation.Columns.sourceId == to.id! && Relation.Columns.targetId == from.id!))
            } else {
                request = request.filter(Relation.Columns.sourceId == from.id! && Relation.Columns.targetId == to.id!)
            }
            if let role { request = request.filter(Column("role") == role) }
            if let start { request = request.filter(Column("start_date") == start.description) }
            let matches = try request.order(Relation.Columns.id).fetchAll(db)
            let description = "\(from.key) —\(typeName)→ \(to.key)"
            if matches.isEmpty { throw PartnerGraphError.relationNotFound(description: description) }
            let views = try matches.map { relation in
                try Self.view(of: relation, from: from, other: relation.sourceId == from.id ? to : from, in: db)
            }
            if matches.count > 1 && !all {
                throw PartnerGraphError.ambiguousRelation(description: description, matches: views.map(\.summary))
            }
            for relation in matches { _ = try relation.delete(db) }
            return views
        }
    }

    // MARK: - Shared steps

    /// Checks a relation against the vocabulary and the graph, then inserts it.
    static func insertRelation(_ relation: inout Relation, from: Entity, to: Entity, in db: Database) throws {
        let type = try relationType(relation.type, in: db)
        guard type.allows(from: from.type, to: to.type) else {
            throw PartnerGraphError.relationNotAllowed(
                type: type.name, from: from.type, to: to.type, sourceTypes: type.sourceTypes, targetTypes: type.targetTypes)
        }
        if from.id == to.id { throw PartnerGraphError.selfRelation(from.key) }
        try validateDates(date: relation.date, start: relation.startDate, end: relation.endDate)
        // Every way in (link, the imports, review) comes through here.
        try TextRules.check(relation.role, as: .role)
        try TextRules.check(relation.note, as: .note)
        if try existingRelation(like: relation, symmetric: type.symmetric, in: db) != nil {
            throw PartnerGraphError.duplicateRelation(description: describe(relation, from: from, to: to))
        }
        try relation.insert(db)
    }

    /// The stored relation with the same identity (ends, type, role, start, date), if any.
    static func existingRelation(like relation: Relation, symmetric: Bool, in db: Database) throws -> Relation? {
        // On the compact table, in the terms of its identity index (migration 008).
        let sql = """
            SELECT id FROM relation
            WHERE source_id = ? AND type_id = (SELECT id FROM relation_type_code WHERE name = ?) AND target_id = ?
              AND ifnull(role, '') = ? AND ifnull(start_date, 0) = ? AND ifnull(date, 0) = ?
            """
        let tail: [(any DatabaseValueConvertible)?] = [
            relation.type, relation.role ?? "", relation.startDate?.packed ?? 0, relation.date?.packed ?? 0,
        ]
        if let found = try Int64.fetchOne(
            db, sql: sql, arguments: StatementArguments([relation.sourceId, tail[0], relation.targetId] + tail.dropFirst()))
        {
            return try Relation.fetchOne(db, id: found)
        }
        guard symmetric else { return nil }
        return try Int64.fetchOne(
            db, sql: sql, arguments: StatementArguments([relation.targetId, tail[0], relation.sourceId] + tail.dropFirst())
        ).flatMap { try Relation.fetchOne(db, id: $0) }
    }

    static func relationType(_ name: String, in db: Database) throws -> RelationType {
        if let type = try RelationType.fetchOne(db, key: name) { return type }
        let known = try String.fetchAll(db, sql: "SELECT name FROM relation_type ORDER BY name")
        throw PartnerGraphError.unknownRelationType(name, known: known)
    }

    /// The relations of `entity` in both directions, in the order `show` prints them (see
    /// ``relationGroups(of:limit:in:)``).
    static func relationViews(of entity: Entity, in db: Database) throws -> [RelationView] {
        try relationGroups(of: entity, limit: nil, in: db).1
    }

    /// A relation as seen from `from`.
    static func view(of relation: Relation, from viewer: Entity, other: Entity, in db: Database) throws -> RelationView {
        view(
            of: relation, type: try relationType(relation.type, in: db), from: viewer.ref, outgoing: relation.sourceId == viewer.id,
            other: other.ref, citations: try citations(relationId: relation.id, in: db))
    }

    private static func view(
        of relation: Relation, type: RelationType, from viewer: EntityRef, outgoing: Bool, other: EntityRef, citations: [CitationView]
    ) -> RelationView {
        RelationView(
            id: relation.id!, type: relation.type, direction: outgoing ? .outgoing : .incoming,
            phrase: outgoing || type.symmetric ? type.forwardPhrase : type.inversePhrase,
            source: outgoing ? viewer : other, target: outgoing ? other : viewer, other: other, role: relation.role,
            start: relation.startDate, end: relation.endDate, date: relation.date, note: relation.note,
            citations: citations)
    }

    static func describe(_ relation: Relation, from: Entity, to: Entity) -> String {
        var text = "\(from.key) —\(relation.type)→ \(to.key)"
        if let role = relation.role { text += " as \(quoted(role))" }
        if let start = relation.startDate { text += " from \(start)" }
        if let date = relation.date { text += " on \(date)" }
        return text
    }
}

extension RelationView {
    /// One line: `#12 icesco —observer of→ nam-pn (2024-03)`.
    public var summary: String {
        var text = "#\(id) \(source.key) —\(type)→ \(target.key)"
        if let role { text += " as \(quoted(role))" }
        if let dates = dateSummary { text += " (\(dates))" }
        return text
    }
}
