import GRDB

extension PartnerGraphStore {
    /// Records a new entity with its aliases, attributes and citations.
    ///
    /// ```swift
    /// let icesco = try store.addEntity(NewEntity(
    ///     type: .organization, name: "ICESCO", kind: "igo",
    ///     aliases: [Alias(name: "الإيسيسكو", language: "ar")],
    ///     citations: [CitationRef(source: "icesco-2024-03-26")]))
    /// icesco.key   // "icesco"
    /// ```
    ///
    /// - Parameter new: What to record; its key is derived from the name when not given.
    /// - Returns: The stored entity, with its key.
    /// - Throws: ``PartnerGraphError/duplicateKey(_:existing:)`` when the key (given or derived
    ///   from the name) is taken; ``PartnerGraphError/sourceNotFound(_:known:)`` for a citation of
    ///   an unknown source; name, date and key validation errors.
    @discardableResult
    public func addEntity(_ new: NewEntity) throws -> Entity {
        try write { db in try Self.insertEntity(new, in: db) }
    }

    /// Finds the entity `name` designates: by key, else by name or alias.
    ///
    /// Names and aliases are compared after ``NameNormalizer`` folding, so case, Latin
    /// diacritics and Arabic spelling variants do not matter:
    ///
    /// ```swift
    /// try store.entity("الايسيسكو").key   // "icesco", found by its alias الإيسيسكو
    /// ```
    ///
    /// - Parameter name: A key, a name or an alias.
    /// - Throws: ``PartnerGraphError/entityNotFound(_:suggestions:)``, with the closest names, or
    ///   ``PartnerGraphError/ambiguousEntity(_:candidates:)`` when several entities bear the name.
    public func entity(_ name: String) throws -> Entity {
        try read { db in try EntityResolver.resolve(name, in: db) }
    }

    /// The entities, optionally of one type and kind, ordered by type then key.
    ///
    /// - Parameters:
    ///   - type: Only entities of this type; `nil`: every type.
    ///   - kind: Only entities of this kind (`igo`), compared exactly; `nil`: every kind.
    public func entities(type: EntityType? = nil, kind: String? = nil) throws -> [EntitySummary] {
        try read { db in
            var request = Entity.all()
            if let type { request = request.filter(Entity.Columns.type == type.rawValue) }
            if let kind { request = request.filter(Column("kind") == kind) }
            let entities = try request.fetchAll(db)
            let aliases = try Self.aliasesByEntity(in: db)
            let degrees = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, count(*) AS n FROM (
                          SELECT source_id AS id FROM relation UNION ALL SELECT target_id FROM relation
                        ) GROUP BY id
                        """
                ).map { (row: Row) -> (Int64, Int) in (row["id"], row["n"]) })
            return entities
                .sorted { ($0.type, $0.key) < ($1.type, $1.key) }
                .map {
                    EntitySummary(
                        key: $0.key, type: $0.type, name: $0.name, kind: $0.kind,
                        aliases: aliases[$0.id!] ?? [], relationCount: degrees[$0.id!] ?? 0)
                }
        }
    }

    /// Changes an entity's name, aliases, attributes, kind, dates or note.
    ///
    /// The key never changes, so relations, citations and scripts that name the entity by key
    /// keep working after a rename.
    ///
    /// - Parameters:
    ///   - name: The entity: a key, a name or an alias.
    ///   - changes: What to change; fields left at their defaults stay as they are.
    /// - Returns: The entity as it now stands.
    /// - Throws: The look-up errors of ``entity(_:)``; ``PartnerGraphError/aliasNotFound(entity:alias:)``
    ///   for an alias to remove that the entity lacks; name, date and citation errors.
    @discardableResult
    public func update(_ name: String, with changes: EntityChanges) throws -> Entity {
        try write { db in
            try changes.validateText()
            var entity = try EntityResolver.resolve(name, in: db)
            if let newName = changes.name { entity.name = newName }
            changes.nameLanguage.apply(to: &entity.nameLanguage)
            changes.kind.apply(to: &entity.kind)
            changes.date.apply(to: &entity.date)
            changes.startDate.apply(to: &entity.startDate)
            changes.endDate.apply(to: &entity.endDate)
            changes.note.apply(to: &entity.note)
            try validateDates(date: entity.date, start: entity.startDate, end: entity.endDate)
            entity.updatedAt = Timestamp.now()
            try entity.update(db)
            let id = entity.id!
            for alias in changes.removeAliases {
                try db.execute(sql: "DELETE FROM alias WHERE entity_id = ? AND name = ?", arguments: [id, alias])
                if db.changesCount == 0 {
                    throw PartnerGraphError.aliasNotFound(entity: entity.key, alias: alias)
                }
            }
            try Self.insertAliases(changes.addAliases, for: id, in: db)
            for key in changes.removeAttributes {
                try db.execute(sql: "DELETE FROM attribute WHERE entity_id = ? AND key = ?", arguments: [id, key])
            }
            try Self.setAttributes(changes.setAttributes, for: id, in: db)
            try Self.cite(changes.addCitations, entityId: id, relationId: nil, in: db)
            // The cited sources state the values set with them; other claims are recorded as given.
            func newDate(_ change: FieldChange<PartialDate>) -> PartialDate? {
                if case let .set(date) = change { return date }
                return nil
            }
            let stated = Self.statedClaims(
                attributes: changes.setAttributes,
                dates: [("date", newDate(changes.date)), ("start", newDate(changes.startDate)), ("end", newDate(changes.endDate))],
                citations: changes.addCitations)
            try Self.addClaims(stated + changes.addClaims, entityId: id, in: db)
            return entity
        }
    }

    /// Removes an entity. While it has relations, refuses unless `cascade` is set, in which
    /// case the relations go too and are listed in the report.
    ///
    /// - Parameters:
    ///   - name: The entity: a key, a name or an alias.
    ///   - cascade: Remove its relations with it.
    /// - Returns: The entity removed, and the relations removed with it.
    /// - Throws: ``PartnerGraphError/entityHasRelations(_:count:)`` when it has relations and
    ///   `cascade` is not set; the look-up errors of ``entity(_:)``.
    public func remove(_ name: String, cascade: Bool) throws -> RemovalReport {
        try write { db in
            let entity = try EntityResolver.resolve(name, in: db)
            let relations = try Self.relationViews(of: entity, in: db)
            if !relations.isEmpty && !cascade {
                throw PartnerGraphError.entityHasRelations(entity.key, count: relations.count)
            }
            // SQLite collects the rows before it deletes any (the table has triggers), so the
            // subquery reads relation_incoming as it was.
            try db.execute(
                sql: "DELETE FROM relation WHERE source_id = ?1 OR id IN (SELECT relation_id FROM relation_incoming WHERE target_id = ?1)",
                arguments: [entity.id])
            _ = try entity.delete(db)
            return RemovalReport(entity: entity.ref, removedRelations: relations)
        }
    }

    // MARK: - Shared steps

    static func insertEntity(_ new: NewEntity, in db: Database) throws -> Entity {
        try new.validateText()
        let name = new.name
        try validateDates(date: new.date, start: new.startDate, end: new.endDate)
        let key: String
        if let given = new.key {
            try validateKey(given)
            key = given
        } else {
            key = try derivedKey(for: new, in: db)
        }
        if let existing = try Entity.filter(Entity.Columns.key == key).fetchOne(db) {
            throw PartnerGraphError.duplicateKey(key, existing: existing.candidate)
        }
        var entity = Entity(
            key: key, type: new.type, name: name, nameLanguage: new.nameLanguage ?? guessLanguage(of: name),
            kind: new.kind, date: new.date, startDate: new.startDate, endDate: new.endDate, note: new.note)
        try entity.insert(db)
        try insertAliases(new.aliases, for: entity.id!, in: db)
        try setAttributes(new.attributes, for: entity.id!, in: db)
        try cite(new.citations, entityId: entity.id!, relationId: nil, in: db)
        // The cited sources state the attributes and dates given with them.
        try addClaims(
            statedClaims(
                attributes: new.attributes, dates: [("date", new.date), ("start", new.startDate), ("end", new.endDate)],
                citations: new.citations),
            entityId: entity.id!, in: db)
        return entity
    }

    /// The slug of the name, cut to a readable length; a type-numbered key when the name has
    /// no letters or digits at all.
    private static func derivedKey(for new: NewEntity, in db: Database) throws -> String {
        var slug = String(Slug.make(from: new.name).prefix(80))
        while slug.hasSuffix("-") { slug.removeLast() }
        if !slug.isEmpty { return slug }
        var number = try Entity.filter(Entity.Columns.type == new.type.rawValue).fetchCount(db) + 1
        while try Entity.filter(Entity.Columns.key == "\(new.type.rawValue)-\(number)").fetchCount(db) > 0 {
            number += 1
        }
        return "\(new.type.rawValue)-\(number)"
    }

    static func insertAliases(_ aliases: [Alias], for entityId: Int64, in db: Database) throws {
        for alias in aliases {
            // Every way in (add, update, the imports, review) comes through here.
            try TextRules.check(alias.name, as: .alias)
            try db.execute(
                sql: """
                    INSERT INTO alias (entity_id, name, name_normalized, language) VALUES (?, ?, ?, ?)
                    ON CONFLICT (entity_id, name) DO UPDATE SET language = excluded.language
                    """,
                arguments: [entityId, alias.name, NameNormalizer.normalize(alias.name), alias.language])
        }
    }

    /// The claims that citing `citations` along with attribute and date values makes: each
    /// source states each value.
    static func statedClaims(attributes: [String: String], dates: [(String, PartialDate?)], citations: [CitationRef]) -> [Claim] {
        guard !citations.isEmpty else { return [] }
        let values = attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            + dates.compactMap { field, date in date.map { (field, $0.description) } }
        return values.flatMap { field, value in citations.map { Claim(field: field, value: value, citation: $0) } }
    }

    static func setAttributes(_ attributes: [String: String], for entityId: Int64, in db: Database) throws {
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            guard !key.isEmpty else { throw PartnerGraphError.invalidAttribute("=\(value)") }
            try db.execute(
                sql: "INSERT INTO attribute (entity_id, key, value) VALUES (?, ?, ?) ON CONFLICT (entity_id, key) DO UPDATE SET value = excluded.value",
                arguments: [entityId, key, value])
        }
    }

    /// Ties an entity or a relation to sources; a citation already present is kept once.
    static func cite(_ citations: [CitationRef], entityId: Int64?, relationId: Int64?, in db: Database) throws {
        for citation in citations {
            guard let sourceId = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [citation.source]) else {
                let known = try String.fetchAll(db, sql: "SELECT key FROM source ORDER BY key LIMIT 10")
                throw PartnerGraphError.sourceNotFound(citation.source, known: known)
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO citation (source_id, entity_id, relation_id, quote) VALUES (?, ?, ?, ?)",
                arguments: [sourceId, entityId, relationId, citation.quote])
        }
    }

    static func aliasesByEntity(in db: Database) throws -> [Int64: [Alias]] {
        var result: [Int64: [Alias]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT entity_id, name, language FROM alias ORDER BY id") {
            result[row["entity_id"], default: []].append(Alias(name: row["name"], language: row["language"]))
        }
        return result
    }

    static func citations(entityId: Int64? = nil, relationId: Int64? = nil, in db: Database) throws -> [CitationView] {
        // Cached, and by equality so that the partial indexes citation_by_entity and
        // citation_by_relation serve it: `show` asks once per relation it prints.
        let owner = relationId != nil ? "c.relation_id" : "c.entity_id"
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT s.key, s.title, c.quote FROM citation c JOIN source s ON s.id = c.source_id
                    WHERE \(owner) = ? ORDER BY s.key, ifnull(c.quote, '')
                    """),
            arguments: [relationId ?? entityId])
        return rows.map { CitationView(source: $0["key"], title: $0["title"], quote: $0["quote"]) }
    }
}

extension Entity {
    /// A short reference for messages and output.
    public var ref: EntityRef { EntityRef(key: key, type: type, name: name) }

    var candidate: PartnerGraphError.Candidate { .init(key: key, type: type, name: name) }
}
