import GRDB

extension PartnerGraphStore {
    /// How many relations of each group `partnergraph show` prints unless told otherwise.
    public static let profileRelationsPerGroup = 20

    /// Everything known about an entity: names, kind, dates, attributes, citations, and its
    /// relations in both directions, grouped by type and direction, with each group's count.
    ///
    /// ```swift
    /// let hub = try store.profile(of: "ICESCO", relationsPerGroup: 20)
    /// hub.relationGroups.map { "\($0.phrase): \($0.count)" }   // every group, counted
    /// hub.relations.count                                       // at most 20 of each
    /// ```
    ///
    /// - Parameters:
    ///   - name: The entity's key, name or alias.
    ///   - relationsPerGroup: At most this many relations of each group, the first by the other
    ///     entity's name (0: only the counts); `nil`: all of them.
    /// - Throws: ``PartnerGraphError/entityNotFound(_:suggestions:)`` or ``PartnerGraphError/ambiguousEntity(_:candidates:)``;
    ///   ``QueryError/invalidQuery(_:)`` for a negative limit.
    /// - Complexity: Two index range counts, then one ordered index range per group: reading
    ///   the relations it leaves out costs an index entry and the other entity's name each,
    ///   never their rows or citations, so a hub with tens of thousands of relations is shown
    ///   in milliseconds.
    public func profile(of name: String, relationsPerGroup: Int? = nil) throws -> EntityProfile {
        if let relationsPerGroup, relationsPerGroup < 0 {
            throw QueryError.invalidQuery("the number of relations shown per group must be 0 or more, not \(relationsPerGroup)")
        }
        return try read { db in
            let entity = try EntityResolver.resolve(name, in: db)
            return try Self.profile(of: entity, relationsPerGroup: relationsPerGroup, in: db)
        }
    }

    static func profile(of entity: Entity, relationsPerGroup limit: Int? = nil, in db: Database) throws -> EntityProfile {
        let id = entity.id!
        let aliases = try Row.fetchAll(db, sql: "SELECT name, language FROM alias WHERE entity_id = ? ORDER BY id", arguments: [id])
            .map { Alias(name: $0["name"], language: $0["language"]) }
        let attributes = try Dictionary(
            uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM attribute WHERE entity_id = ?", arguments: [id])
                .map { (row: Row) -> (String, String) in (row["key"], row["value"]) })
        let (groups, relations) = try relationGroups(of: entity, limit: limit, in: db)
        return EntityProfile(
            key: entity.key, type: entity.type, name: entity.name, nameLanguage: entity.nameLanguage, kind: entity.kind,
            aliases: aliases, attributes: attributes, date: entity.date, start: entity.startDate, end: entity.endDate,
            note: entity.note, createdAt: entity.createdAt, updatedAt: entity.updatedAt,
            citations: try citations(entityId: id, in: db),
            relations: relations, claims: try claims(of: entity, attributes: attributes, in: db),
            relationCount: groups.reduce(0) { $0 + $1.count }, relationGroups: groups,
            relationLimit: limit)
    }

    /// The relations of `entity` in both directions, group by group: by type, outgoing before
    /// incoming (a symmetric type's two directions make one group), each group ordered by the
    /// other entity's name, then by relation id. With a `limit`, only the first `limit` of each
    /// group are read.
    static func relationGroups(of entity: Entity, limit: Int?, in db: Database) throws -> ([RelationGroup], [RelationView]) {
        let id = entity.id!
        var types: [String: RelationType] = [:]
        for type in try RelationType.fetchAll(db) { types[type.name] = type }
        func type(_ name: String) throws -> RelationType {
            guard let type = types[name] else { throw PartnerGraphError.unknownRelationType(name, known: types.keys.sorted()) }
            return type
        }
        // Both counts are read from indexes alone: relation_identity starts (source_id, type_id),
        // relation_incoming (target_id, type_id).
        let codes = try RelationTypeCodes(db)
        func type(id: Int64) throws -> RelationType { try type(codes.names[id] ?? "#\(id)") }
        var counts: [GroupKey: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT type_id, count(*) FROM relation WHERE source_id = ? GROUP BY type_id", arguments: [id]) {
            let type = try type(id: row[0])
            counts[GroupKey(type: type.name, direction: type.symmetric ? .both : .outgoing), default: 0] += row[1]
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT type_id, count(*) FROM relation_incoming WHERE target_id = ? GROUP BY type_id", arguments: [id])
        {
            let type = try type(id: row[0])
            counts[GroupKey(type: type.name, direction: type.symmetric ? .both : .incoming), default: 0] += row[1]
        }
        let hasCitations = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM citation WHERE relation_id IS NOT NULL)") ?? false
        var groups: [RelationGroup] = []
        var views: [RelationView] = []
        for key in counts.keys.sorted() {
            let type = try type(key.type)
            let count = counts[key]!
            let phrase = key.direction == .incoming ? type.inversePhrase : type.forwardPhrase
            let wanted = min(limit ?? count, count)
            if wanted > 0 {
                for member in try groupMembers(of: id, key, typeId: codes.ids[key.type] ?? 0, limit: wanted, in: db) {
                    views.append(try relationView(member, type: type, viewer: entity.ref, hasCitations: hasCitations, in: db))
                }
            }
            groups.append(RelationGroup(type: key.type, direction: key.direction, phrase: phrase, count: count, shown: wanted))
        }
        return (groups, views)
    }

    /// A relation group's identity: its type and direction.
    private struct GroupKey: Hashable, Comparable {
        var type: String
        var direction: RelationGroup.Direction

        static func < (lhs: GroupKey, rhs: GroupKey) -> Bool {
            lhs.type != rhs.type ? lhs.type < rhs.type : lhs.direction < rhs.direction
        }
    }

    /// One relation of a group, before its row is read: its id, which way it points, and the other end.
    private struct GroupMember {
        var relationId: Int64
        var outgoing: Bool
        var other: EntityRef
    }

    /// The first `limit` relations of a group, by the other entity's name, then relation id.
    ///
    /// The ordering reads each relation's index entry and the other entity's row, and SQLite
    /// keeps only the best `limit` as it goes; the relations' own rows are read afterwards, for
    /// those alone.
    private static func groupMembers(of id: Int64, _ key: GroupKey, typeId: Int64, limit: Int, in db: Database) throws -> [GroupMember] {
        let outgoing = """
            SELECT r.id AS rid, 1 AS outgoing, o.key AS okey, o.type AS otype, o.name AS oname
            FROM relation r JOIN entity o ON o.id = r.target_id WHERE r.source_id = ?1 AND r.type_id = ?2
            """
        // A relation from the entity to itself is already among the outgoing ones.
        let incoming = """
            SELECT i.relation_id AS rid, 0 AS outgoing, o.key AS okey, o.type AS otype, o.name AS oname
            FROM relation_incoming i JOIN entity o ON o.id = i.source_id WHERE i.target_id = ?1 AND i.type_id = ?2
            \(key.direction == .both ? "AND i.source_id <> ?1" : "")
            """
        let members: String
        switch key.direction {
        case .outgoing: members = outgoing
        case .incoming: members = incoming
        case .both: members = "\(outgoing) UNION ALL \(incoming)"
        }
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM (\(members)) ORDER BY oname, rid LIMIT ?3"),
            arguments: [id, typeId, limit])
        return rows.map { row in
            GroupMember(
                relationId: row["rid"], outgoing: row["outgoing"],
                other: EntityRef(key: row["okey"], type: EntityType(rawValue: row["otype"]) ?? .organization, name: row["oname"]))
        }
    }

    private static func relationView(
        _ member: GroupMember, type: RelationType, viewer: EntityRef, hasCitations: Bool, in db: Database
    ) throws -> RelationView {
        let statement = try db.cachedStatement(sql: "SELECT role, start_date, end_date, date, note FROM relation WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [member.relationId]) else {
            throw PartnerGraphError.relationNotFound(description: "#\(member.relationId)")
        }
        return RelationView(
            id: member.relationId, type: type.name, direction: member.outgoing ? .outgoing : .incoming,
            phrase: member.outgoing || type.symmetric ? type.forwardPhrase : type.inversePhrase,
            source: member.outgoing ? viewer : member.other, target: member.outgoing ? member.other : viewer,
            other: member.other, role: row[0], start: row[1], end: row[2], date: row[3], note: row[4],
            citations: hasCitations ? try citations(relationId: member.relationId, in: db) : [])
    }
}
