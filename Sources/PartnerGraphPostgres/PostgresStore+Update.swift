import PartnerGraph
import PostgresNIO

extension PostgresStore {
    /// Changes an entity's name, aliases, attributes, kind, dates or note, as
    /// ``PartnerGraph/PartnerGraphStore/update(_:with:)`` does, and records the claims its cited
    /// sources make.
    ///
    /// The entity's row is locked for the transaction and the changes applied to it as it then
    /// stands, so that two people changing different fields of one entity at once both keep
    /// their change; aliases and attributes are written with `ON CONFLICT`.
    ///
    /// - Parameters:
    ///   - name: The entity: a key, a name or an alias.
    ///   - changes: What to change; fields left at their defaults stay as they are.
    /// - Returns: The entity as it now stands.
    /// - Throws: The look-up errors of ``entity(_:)``; ``PartnerGraph/PartnerGraphError/aliasNotFound(entity:alias:)``
    ///   for an alias to remove that the entity lacks; name, date and citation errors.
    @discardableResult
    public func update(_ name: String, with changes: EntityChanges) throws -> Entity {
        try StoreRules.validateText(changes)
        return try session.transaction {
            let current = try lockedEntity(try resolve(name), as: name)
            var entity = try StoreRules.applying(changes, to: current)
            entity.updatedAt = Timestamp.now()
            let id = entity.id!
            try session.run(
                """
                UPDATE entity SET name = \(entity.name), name_normalized = \(NameNormalizer.normalize(entity.name)),
                    name_language = \(entity.nameLanguage), kind = \(entity.kind), date = \(entity.date?.description),
                    start_date = \(entity.startDate?.description), end_date = \(entity.endDate?.description), note = \(entity.note),
                    updated_at = \(entity.updatedAt)
                WHERE id = \(id)
                """)
            for alias in changes.removeAliases {
                let removed = try session.run("DELETE FROM alias WHERE entity_id = \(id) AND name = \(alias) RETURNING id")
                if removed.isEmpty { throw PartnerGraphError.aliasNotFound(entity: entity.key, alias: alias) }
            }
            try insertAliases(changes.addAliases, entityId: id)
            if !changes.removeAttributes.isEmpty {
                try session.run("DELETE FROM attribute WHERE entity_id = \(id) AND key = ANY(\(changes.removeAttributes))")
            }
            try setAttributes(changes.setAttributes, entityId: id)
            try cite(changes.addCitations, entityId: id, relationId: nil)
            try addClaims(StoreRules.claims(of: changes), entityId: id)
            try reindex(entity)
            return entity
        }
    }

    /// Removes an entity, as ``PartnerGraph/PartnerGraphStore/remove(_:cascade:)`` does: while it has
    /// relations, only with `cascade`, and then its relations go with it.
    ///
    /// The entity's row is locked first: a relation being linked to it at the same moment either
    /// commits before (and is counted, or removed with `cascade`) or finds the entity gone.
    ///
    /// - Parameters:
    ///   - name: The entity: a key, a name or an alias.
    ///   - cascade: Remove its relations with it.
    /// - Returns: The entity removed, and the relations removed with it, as seen from it.
    /// - Throws: ``PartnerGraph/PartnerGraphError/entityHasRelations(_:count:)`` when it has relations
    ///   and `cascade` is not set; the look-up errors of ``entity(_:)``.
    public func remove(_ name: String, cascade: Bool) throws -> RemovalReport {
        try session.transaction {
            let entity = try lockedEntity(try resolve(name), as: name)
            let id = entity.id!
            // In `show`'s order, as SQLite lists them.
            let (_, relations) = StoreRules.groupedForProfile(try relationViews(of: entity), types: try vocabulary(), limit: nil)
            if !relations.isEmpty && !cascade {
                throw PartnerGraphError.entityHasRelations(entity.key, count: relations.count)
            }
            let relationIds = Array(Set(relations.map(\.id)))
            if !relationIds.isEmpty {
                try session.run("DELETE FROM search_document WHERE kind = 2 AND owner = ANY(\(relationIds))")
                try session.run("DELETE FROM relation WHERE id = ANY(\(relationIds))")
            }
            try session.run("DELETE FROM search_document WHERE kind = 0 AND owner = \(id)")
            try session.run("DELETE FROM entity WHERE id = \(id)")
            return RemovalReport(removed: entity.ref, relations: relations)
        }
    }

    // MARK: - Shared steps (inside a transaction)

    /// `found` read again under a row lock held to the end of the transaction: the entity as it
    /// stands now, or not found when another writer removed it in the meantime.
    func lockedEntity(_ found: Entity, as name: String) throws -> Entity {
        guard let row = try session.run("SELECT \(unescaped: Self.entityColumns) FROM entity WHERE id = \(found.id!) FOR UPDATE").first else {
            throw PartnerGraphError.entityNotFound(name, suggestions: [])
        }
        return try Self.entity(from: row)
    }

    /// Adds names to an entity; a name it already has takes the language given.
    func insertAliases(_ aliases: [Alias], entityId id: Int64) throws {
        for alias in aliases {
            try StoreRules.check(alias.name, as: .alias)
            try session.run(
                """
                INSERT INTO alias (entity_id, name, name_normalized, language) VALUES (\(id), \(alias.name), \(NameNormalizer.normalize(alias.name)), \(alias.language))
                ON CONFLICT (entity_id, name) DO UPDATE SET language = excluded.language
                """)
        }
    }

    /// Sets attributes of an entity, replacing the value of a key already set.
    func setAttributes(_ attributes: [String: String], entityId id: Int64) throws {
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            guard !key.isEmpty else { throw PartnerGraphError.invalidAttribute("=\(value)") }
            try session.run(
                """
                INSERT INTO attribute (entity_id, key, value) VALUES (\(id), \(key), \(value))
                ON CONFLICT (entity_id, key) DO UPDATE SET value = excluded.value
                """)
        }
    }

    /// Writes an entity's search document again from its key, name, aliases and note.
    func reindex(_ entity: Entity) throws {
        let aliases = try session.run("SELECT name FROM alias WHERE entity_id = \(entity.id!) ORDER BY id").map { try $0.decode(String.self) }
        try index(kind: 0, owner: entity.id!, names: ([entity.key, entity.name] + aliases).joined(separator: " \n "), body: entity.note ?? "")
    }
}
