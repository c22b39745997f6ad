import GRDB

/// What `merge` did.
public struct MergeReport: Sendable, Equatable, Codable {
    /// The entity kept.
    public var kept: DuplicatePair.EntityReference
    /// The entity merged into it, now removed; its key still names the kept one.
    public var merged: DuplicatePair.EntityReference
    /// The merged entity's names that became aliases of the kept one.
    public var aliasesAdded: [String]
    /// Relations moved to the kept entity.
    public var relationsMoved: Int
    /// Relations that the kept entity already had: folded into its own, their citations combined.
    public var relationsFolded: Int
    /// Relations between the two, which would have tied the kept entity to itself: removed.
    public var relationsDropped: Int
    /// Fields and attributes on which the two disagreed: the kept entity's value stays; the
    /// other's is in the history (`partnergraph history`), and `undo` brings it back.
    public var conflicts: [Conflict]

    enum CodingKeys: String, CodingKey {
        case kept, merged, conflicts
        case aliasesAdded = "aliases_added"
        case relationsMoved = "relations_moved"
        case relationsFolded = "relations_folded"
        case relationsDropped = "relations_dropped"
    }

    /// A field both entities had, with different values.
    public struct Conflict: Sendable, Equatable, Codable {
        /// The field: `kind`, `note`, `date`, `start`, `end`, or an attribute key.
        public var field: String
        /// The kept entity's value, which stays.
        public var kept: String
        /// The merged entity's value (kept as a claim for attributes and dates, and in the history).
        public var other: String
    }
}

extension PartnerGraphStore {
    /// The likely duplicates among the entities, best first: pairs of one type whose names or
    /// aliases are the same, or differ only as transliterations do (spaces, hyphens, the
    /// article `al`/`el`, doubled letters, vowels) or by initials. Pairs recorded as distinct
    /// are left out.
    ///
    /// - Parameters:
    ///   - minimumScore: Only pairs scoring at least this (0 to 1).
    ///   - type: Only entities of this type.
    public func duplicates(minimumScore: Double = 0.6, type: EntityType? = nil) throws -> [DuplicatePair] {
        try read { db in try DuplicateFinder.find(in: db, minimumScore: minimumScore, type: type).pairs }
    }

    /// The best `limit` likely duplicates, as ``duplicates(minimumScore:type:)`` orders them, and
    /// how many there are in all: the pairs left out are never built, so a graph whose names
    /// repeat (millions of pairs) costs the finding, not the wording.
    ///
    /// - Parameters:
    ///   - minimumScore: Only pairs scoring at least this (0 to 1).
    ///   - type: Only entities of this type.
    ///   - limit: At most this many pairs.
    public func duplicates(minimumScore: Double = 0.6, type: EntityType? = nil, limit: Int) throws -> DuplicateSuggestions {
        try read { db in try DuplicateFinder.find(in: db, minimumScore: minimumScore, type: type, limit: max(0, limit)) }
    }

    /// Merges `other` into `keep`, as one change that `undo` takes back exactly.
    ///
    /// `other`'s name and aliases become aliases of `keep`; its kind, dates, note and attributes
    /// fill what `keep` lacks (where both have a value and they differ, `keep`'s stays and the
    /// report lists the conflict); its relations move to `keep`, folding into any identical
    /// relation `keep` has (their citations combined), and those between the two are removed;
    /// its citations move too. Then `other` is removed, and its key names `keep` from then on.
    ///
    /// ```swift
    /// try store.merge("icesco", "isesco")
    /// ```
    ///
    /// - Parameters:
    ///   - keep: The entity to keep: a key, name or alias.
    ///   - other: The entity to merge into it and remove.
    ///   - force: Merge even two entities recorded as distinct.
    /// - Throws: ``MergeError``, and the entity look-up errors.
    @discardableResult
    public func merge(_ keep: String, _ other: String, force: Bool = false) throws -> MergeReport {
        try write { db in
            let kept = try EntityResolver.resolve(keep, in: db)
            let merged = try EntityResolver.resolve(other, in: db)
            let keepId = kept.id!, otherId = merged.id!
            guard keepId != otherId else { throw MergeError.sameEntity(kept.key) }
            guard kept.type == merged.type else {
                throw MergeError.differentTypes(keep: kept.key, keepType: kept.type, other: merged.key, otherType: merged.type)
            }
            if !force, try Self.areDistinct(keepId, otherId, in: db) {
                throw MergeError.markedDistinct(keep: kept.key, other: merged.key)
            }
            var report = MergeReport(
                kept: .init(key: kept.key, type: kept.type, name: kept.name),
                merged: .init(key: merged.key, type: merged.type, name: merged.name),
                aliasesAdded: [], relationsMoved: 0, relationsFolded: 0, relationsDropped: 0, conflicts: [])

            // Names.
            var known = Set(try String.fetchAll(db, sql: "SELECT name FROM alias WHERE entity_id = ?", arguments: [keepId]))
            known.insert(kept.name)
            let otherNames = [(merged.name, merged.nameLanguage)]
                + (try Row.fetchAll(db, sql: "SELECT name, language FROM alias WHERE entity_id = ? ORDER BY id", arguments: [otherId])
                    .map { ($0[0] as String, $0[1] as String?) })
            for (name, language) in otherNames where !known.contains(name) {
                known.insert(name)
                try db.execute(
                    sql: "INSERT INTO alias (entity_id, name, name_normalized, language) VALUES (?, ?, ?, ?)",
                    arguments: [keepId, name, NameNormalizer.normalize(name), language])
                report.aliasesAdded.append(name)
            }

            // Fields and attributes: fill what keep lacks; report disagreements.
            var updated = kept
            func fill(_ field: String, _ keepValue: inout String?, _ otherValue: String?) {
                guard let otherValue else { return }
                if let value = keepValue {
                    if value != otherValue { report.conflicts.append(.init(field: field, kept: value, other: otherValue)) }
                } else {
                    keepValue = otherValue
                }
            }
            fill("kind", &updated.kind, merged.kind)
            fill("note", &updated.note, merged.note)
            var date = updated.date?.description, start = updated.startDate?.description, end = updated.endDate?.description
            fill("date", &date, merged.date?.description)
            fill("start", &start, merged.startDate?.description)
            fill("end", &end, merged.endDate?.description)
            updated.date = try date.map(PartialDate.init)
            updated.startDate = try start.map(PartialDate.init)
            updated.endDate = try end.map(PartialDate.init)
            let keepAttributes = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM attribute WHERE entity_id = ?", arguments: [keepId])
                    .map { ($0[0] as String, $0[1] as String) })
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM attribute WHERE entity_id = ? ORDER BY key", arguments: [otherId]) {
                let key: String = row[0], value: String = row[1]
                if let existing = keepAttributes[key] {
                    if existing != value { report.conflicts.append(.init(field: key, kept: existing, other: value)) }
                } else {
                    try db.execute(sql: "INSERT INTO attribute (entity_id, key, value) VALUES (?, ?, ?)", arguments: [keepId, key, value])
                }
            }

            // Relations.
            for row in try Row.fetchAll(
                db, sql: "SELECT id FROM relation WHERE source_id = ?1 OR target_id = ?1 ORDER BY id",
                arguments: [otherId])
            {
                let id: Int64 = row[0]
                var relation = try Relation.fetchOne(db, id: id)!
                relation.sourceId = relation.sourceId == otherId ? keepId : relation.sourceId
                relation.targetId = relation.targetId == otherId ? keepId : relation.targetId
                if relation.sourceId == relation.targetId {
                    try db.execute(sql: "DELETE FROM relation WHERE id = ?", arguments: [id])
                    report.relationsDropped += 1
                    continue
                }
                let type = try Self.relationType(relation.type, in: db)
                if let same = try Self.existingRelation(like: relation, symmetric: type.symmetric, in: db), same.id != id {
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO citation (source_id, relation_id, quote)
                            SELECT source_id, ?, quote FROM citation WHERE relation_id = ? ORDER BY id
                            """,
                        arguments: [same.id, id])
                    try db.execute(sql: "DELETE FROM relation WHERE id = ?", arguments: [id])
                    report.relationsFolded += 1
                    continue
                }
                try db.execute(
                    sql: "UPDATE relation SET source_id = ?, target_id = ?, updated_at = ? WHERE id = ?",
                    arguments: [relation.sourceId, relation.targetId, Timestamp.stored(Timestamp.now()), id])
                report.relationsMoved += 1
            }

            // Both values of a field they disagree on stay as claims, each with the sources
            // that cited its entity; the merged entity's own claims move.
            if !report.conflicts.isEmpty {
                func sources(_ id: Int64) throws -> [CitationRef] {
                    try String.fetchAll(
                        db, sql: "SELECT DISTINCT s.key FROM citation c JOIN source s ON s.id = c.source_id WHERE c.entity_id = ? ORDER BY s.key",
                        arguments: [id]
                    ).map { CitationRef(source: $0) }
                }
                func orUncited(_ citations: [CitationRef]) -> [CitationRef?] { citations.isEmpty ? [nil] : citations }
                let keepSources = orUncited(try sources(keepId)), otherSources = orUncited(try sources(otherId))
                var claims: [Claim] = []
                for conflict in report.conflicts where conflict.field != "kind" && conflict.field != "note" {
                    claims += keepSources.map { Claim(field: conflict.field, value: conflict.kept, citation: $0) }
                    claims += otherSources.map { Claim(field: conflict.field, value: conflict.other, citation: $0) }
                }
                try Self.addClaims(claims, entityId: keepId, in: db)
            }
            try db.execute(sql: "UPDATE OR IGNORE claim SET entity_id = ? WHERE entity_id = ?", arguments: [keepId, otherId])

            // Citations of the entity itself, drafts that name it, keys that named it.
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO citation (source_id, entity_id, quote)
                    SELECT source_id, ?, quote FROM citation WHERE entity_id = ? ORDER BY id
                    """,
                arguments: [keepId, otherId])
            for column in ["source_key", "target_key", "result_key"] {
                try db.execute(
                    sql: "UPDATE draft SET \(column) = ? WHERE \(column) = ?", arguments: [kept.key, merged.key])
            }
            try db.execute(sql: "UPDATE merged_key SET entity_id = ? WHERE entity_id = ?", arguments: [keepId, otherId])
            try db.execute(sql: "DELETE FROM entity WHERE id = ?", arguments: [otherId])
            try db.execute(sql: "INSERT INTO merged_key (key, entity_id) VALUES (?, ?)", arguments: [merged.key, keepId])

            updated.updatedAt = Timestamp.now()
            try updated.update(db)
            return report
        }
    }

    /// Records that two entities are not the same: `duplicates` no longer proposes them, and
    /// `merge` asks for `force`.
    ///
    /// - Returns: The two entities.
    @discardableResult
    public func markDistinct(_ a: String, _ b: String) throws -> (DuplicatePair.EntityReference, DuplicatePair.EntityReference) {
        try write { db in
            let first = try EntityResolver.resolve(a, in: db)
            let second = try EntityResolver.resolve(b, in: db)
            guard first.id != second.id else { throw MergeError.sameEntity(first.key) }
            try db.execute(
                sql: "INSERT OR IGNORE INTO distinct_pair (entity_a, entity_b) VALUES (?, ?)",
                arguments: [min(first.id!, second.id!), max(first.id!, second.id!)])
            return (
                .init(key: first.key, type: first.type, name: first.name), .init(key: second.key, type: second.type, name: second.name)
            )
        }
    }

    static func areDistinct(_ a: Int64, _ b: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM distinct_pair WHERE entity_a = ? AND entity_b = ?)", arguments: [min(a, b), max(a, b)]
        ) ?? false
    }
}
