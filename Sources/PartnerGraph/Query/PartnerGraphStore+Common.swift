import GRDB

extension PartnerGraphStore {
    /// What two entities share: their direct relations, the entities both are related to
    /// (by type), and the agreements and events linked through a shared agreement or event.
    /// See ``CommonGround`` for the layers.
    ///
    /// ```swift
    /// let shared = try store.common(CommonQuery("ICESCO", "Republic of Azerbaijan"))
    /// shared.groups.map(\.title)   // ["Agreements both are party to", "Events both took part in"]
    /// ```
    ///
    /// - Parameter query: The two entities and the filters; see ``CommonQuery``.
    /// - Throws: ``QueryError/invalidQuery(_:)`` when both name the same entity; the entity
    ///   look-up errors, and ``PartnerGraphError/unknownRelationType(_:known:)``.
    /// - Complexity: O(d(A) + d(B) + Σ d(X)) over the shared agreements and events X.
    public func common(_ query: CommonQuery) throws -> CommonGround {
        try read { db in
            let a = try EntityResolver.resolve(query.a, in: db)
            let b = try EntityResolver.resolve(query.b, in: db)
            if a.id == b.id {
                throw QueryError.invalidQuery("\(quoted(query.a)) and \(quoted(query.b)) are the same entity (\(a.key)); name two different ones")
            }
            let filter = try Self.relationFilter(
                relations: query.relations, excluded: query.excludeRelations, asOf: query.asOf, directed: false, in: db)
            let adjacency = try Adjacency(db, filter: filter)
            let builder = try HopBuilder(db)
            builder.remember(a)
            builder.remember(b)
            func neighbours(of node: Int64) throws -> [Int64: [Int64]] {
                var result: [Int64: [Int64]] = [:]
                try adjacency.visit(node, towardsEnd: true) { adjacent in
                    if adjacent.other != node { result[adjacent.other, default: []].append(adjacent.relation) }
                    return true
                }
                return result
            }
            let aId = a.id!
            let bId = b.id!
            let ofA = try neighbours(of: aId)
            let ofB = try neighbours(of: bId)
            let direct = try (ofA[bId] ?? []).sorted().map { try builder.hop(relation: $0, from: aId, to: bId) }
            var shared: [EntityType: [SharedNeighbor]] = [:]
            var sharedIds: Set<Int64> = []
            for (other, relationsA) in ofA where other != bId {
                guard let relationsB = ofB[other], other != aId else { continue }
                sharedIds.insert(other)
                let entity = try builder.entity(other)
                shared[entity.type, default: []].append(
                    SharedNeighbor(
                        entity: entity,
                        fromA: try relationsA.sorted().map { try builder.hop(relation: $0, from: aId, to: other) },
                        fromB: try relationsB.sorted().map { try builder.hop(relation: $0, from: bId, to: other) }))
            }
            let groups = EntityType.allCases.compactMap { type -> SharedGroup? in
                guard let entries = shared[type] else { return nil }
                return SharedGroup(
                    type: type, title: CommonGround.title(for: type),
                    entries: entries.sorted { ($0.entity.name, $0.entity.key) < ($1.entity.name, $1.entity.key) })
            }
            var linked: [LinkedUndertaking] = []
            var linkedIds: Set<Int64> = []
            let undertakings: Set<EntityType> = [.agreement, .event]
            for group in groups where undertakings.contains(group.type) {
                for entry in group.entries {
                    let throughId = try Self.entityId(key: entry.entity.key, in: db)
                    for (other, relations) in try neighbours(of: throughId).sorted(by: { $0.key < $1.key }) {
                        if other == aId || other == bId || sharedIds.contains(other) || linkedIds.contains(other) { continue }
                        let entity = try builder.entity(other)
                        guard undertakings.contains(entity.type) else { continue }
                        linkedIds.insert(other)
                        linked.append(
                            LinkedUndertaking(
                                entity: entity, through: entry.entity,
                                hop: try builder.hop(relation: relations.min()!, from: throughId, to: other)))
                    }
                }
            }
            linked.sort { ($0.entity.name, $0.entity.key) < ($1.entity.name, $1.entity.key) }
            return CommonGround(a: a.ref, b: b.ref, direct: direct, groups: groups, linked: linked)
        }
    }

    static func entityId(key: String, in db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM entity WHERE key = ?"), arguments: [key]) else {
            throw PartnerGraphError.entityNotFound(key, suggestions: [])
        }
        return id
    }
}
