import GRDB

extension PartnerGraphStore {
    /// Checks the database: SQLite's integrity and foreign keys, then the graph's own rules,
    /// which the schema cannot enforce.
    ///
    /// The graph's rules: every relation joins entity types its relation type allows (a
    /// vocabulary changed by hand can break that), never an entity to itself, and a symmetric
    /// relation is recorded one way only; every citation cites an existing source and an
    /// existing entity or relation; no alias is another entity's name of the same type; dates
    /// read as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, ends are not before starts; keys are valid;
    /// every name is filed under its normalized form; `relation_incoming` mirrors `relation`;
    /// relation types name real entity types. A row written with the sqlite3 shell, or a
    /// vocabulary changed under existing relations, is what these catch.
    ///
    /// Everything is read in one transaction, so the report describes one state of the
    /// database even while others write to it.
    ///
    /// ```swift
    /// let report = try store.check()
    /// if !report.isClean { print(report.problemCount, "problems") }
    /// ```
    ///
    /// - Returns: The problems found, by kind, with the keys of the entities they concern.
    /// - Complexity: A few passes over each table, and SQLite's integrity check, which reads
    ///   every page: on the benchmark's million relations, 15 s of CPU in a debug build.
    public func check() throws -> CheckReport {
        try check(integrity: true)
    }

    /// ``check()``, with SQLite's integrity check left out when `integrity` is false (restore
    /// has just run it).
    func check(integrity: Bool) throws -> CheckReport {
        // When the history of changes (issue 11) lands, its tables deserve rules here too: every
        // change's rows refer to entities and relations that existed then, and undo chains are whole.
        try read { db in
            var checker = CheckCollector()
            var counts = GraphCounts(entities: 0, relations: 0, sources: 0)
            checker.guarded(.integrity) { _ in counts = try GraphCounts.read(db) }
            if integrity {
                checker.guarded(.integrity) { try Self.checkIntegrity(db, &$0) }
            }
            var flagged: Set<String>?
            checker.guarded(.foreignKey) { flagged = try Self.checkForeignKeys(db, &$0) }
            func flaggedBy(_ pairs: String...) -> Bool { flagged.map { !$0.isDisjoint(with: pairs) } ?? true }
            if flaggedBy("relation>entity") { checker.guarded(.relationMissingEntity) { try Self.checkRelationEnds(db, &$0) } }
            // Relations refer to type names through relation_type_code (migration 008): a name the
            // vocabulary lost is a code without a relation_type, which few relations use.
            if try flaggedBy("relation>relation_type_code") || Self.relationsUseUnknownTypes(db) {
                checker.guarded(.relationUnknownType) { try Self.checkRelationTypes(db, &$0) }
            }
            checker.guarded(.relationTypeRule) { try Self.checkTypeRules(db, &$0) }
            checker.guarded(.selfRelation) { try Self.checkSelfRelations(db, &$0) }
            checker.guarded(.symmetricDuplicate) { try Self.checkSymmetricDuplicates(db, &$0) }
            if flaggedBy("citation>source") { checker.guarded(.citationMissingSource) { try Self.checkCitedSources(db, &$0) } }
            if flaggedBy("citation>entity", "citation>relation") {
                checker.guarded(.citationMissingSubject) { try Self.checkCitedSubjects(db, &$0) }
            }
            if flaggedBy("alias>entity", "attribute>entity") { checker.guarded(.orphanName) { try Self.checkOrphanNames(db, &$0) } }
            checker.guarded(.aliasClash) { try Self.checkAliasClashes(db, &$0) }
            checker.guarded(.invalidDate) { try Self.checkDates(db, &$0) }
            checker.guarded(.invalidKey) { try Self.checkKeys(db, &$0) }
            checker.guarded(.staleLookupName) { try Self.checkLookupNames(db, &$0) }
            checker.guarded(.incomingIndex) { try Self.checkIncomingIndex(db, &$0) }
            checker.guarded(.vocabulary) { try Self.checkVocabulary(db, &$0) }
            let order = Dictionary(uniqueKeysWithValues: CheckProblem.Kind.allCases.enumerated().map { ($1, $0) })
            let problems = checker.problems.enumerated()
                .sorted { (order[$0.element.kind]!, $0.offset) < (order[$1.element.kind]!, $1.offset) }.map(\.element)
            return CheckReport(path: path, counts: counts, problems: problems, totals: checker.totals)
        }
    }

    // MARK: - SQLite's checks

    private static func checkIntegrity(_ db: Database, _ checker: inout CheckCollector) throws {
        let messages = try String.fetchAll(db, sql: "PRAGMA integrity_check(\(CheckReport.problemLimit))")
        guard messages != ["ok"] else { return }
        for message in messages { checker.add(CheckProblem(kind: .integrity, message: message)) }
    }

    /// Reports the foreign-key violations of tables without a rule of their own, and returns
    /// the `child>parent` pairs of the others, for their rules to describe.
    private static func checkForeignKeys(_ db: Database, _ checker: inout CheckCollector) throws -> Set<String> {
        let described: Set<String> = [
            "relation>entity", "relation>relation_type_code", "citation>source", "citation>entity", "citation>relation",
            "alias>entity", "attribute>entity",
        ]
        var flagged: Set<String> = []
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
            let table: String = row[0]
            let rowid: Int64? = row[1]
            let parent: String = row[2]
            let pair = "\(table)>\(parent)"
            if described.contains(pair) {
                flagged.insert(pair)
            } else {
                let which = rowid.map { "row \($0)" } ?? "a row"
                checker.add(CheckProblem(
                    kind: .foreignKey, message: "\(which) of \(table) refers to a \(parent) that does not exist", table: table, row: rowid))
            }
        }
        return flagged
    }

    // MARK: - Relations

    private static func checkRelationEnds(_ db: Database, _ checker: inout CheckCollector) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.id, ifnull(r.type, '?') AS type, r.source_id, s.key AS source_key, r.target_id, t.key AS target_key
                FROM relation_view r LEFT JOIN entity s ON s.id = r.source_id LEFT JOIN entity t ON t.id = r.target_id
                WHERE s.id IS NULL OR t.id IS NULL ORDER BY r.id
                """)
        while let row = try rows.next() {
            let sourceKey: String? = row["source_key"], targetKey: String? = row["target_key"]
            let source = sourceKey ?? "(entity \(row["source_id"] as Int64), missing)"
            let target = targetKey ?? "(entity \(row["target_id"] as Int64), missing)"
            checker.add(CheckProblem(
                kind: .relationMissingEntity, message: "#\(row["id"] as Int64) \(source) —\(row["type"] as String)→ \(target)",
                entities: [sourceKey, targetKey].compactMap { $0 }, relation: row["id"]))
        }
    }

    /// Whether some relation's type id names no type of the vocabulary.
    private static func relationsUseUnknownTypes(_ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM relation_type_code k
                WHERE NOT EXISTS (SELECT 1 FROM relation_type rt WHERE rt.name = k.name)
                  AND EXISTS (SELECT 1 FROM relation r WHERE r.type_id = k.id))
                """) ?? false
    }

    private static func checkRelationTypes(_ db: Database, _ checker: inout CheckCollector) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.id, ifnull(r.type, '?') AS type, s.key AS source_key, t.key AS target_key
                FROM relation_view r LEFT JOIN entity s ON s.id = r.source_id LEFT JOIN entity t ON t.id = r.target_id
                WHERE NOT EXISTS (SELECT 1 FROM relation_type rt WHERE rt.name = r.type) ORDER BY r.id
                """)
        while let row = try rows.next() {
            let keys: [String?] = [row["source_key"], row["target_key"]]
            let type: String = row["type"]
            checker.add(CheckProblem(
                kind: .relationUnknownType,
                message: "\(describeRelation(row)): the vocabulary has no relation type \(quoted(type))",
                entities: keys.compactMap { $0 }, relation: row["id"]))
        }
    }

    private static func checkTypeRules(_ db: Database, _ checker: inout CheckCollector) throws {
        // instr over ',list,' tests membership in the comma-separated lists of entity types.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.id, r.type, s.key AS source_key, s.type AS source_type, t.key AS target_key, t.type AS target_type,
                       rt.source_types, rt.target_types
                FROM relation_view r JOIN relation_type rt ON rt.name = r.type
                JOIN entity s ON s.id = r.source_id JOIN entity t ON t.id = r.target_id
                WHERE instr(',' || rt.source_types || ',', ',' || s.type || ',') = 0
                   OR instr(',' || rt.target_types || ',', ',' || t.type || ',') = 0
                ORDER BY r.id
                """)
        while let row = try rows.next() {
            func types(_ list: String) -> String {
                let known = list.split(separator: ",").compactMap { EntityType(rawValue: String($0)) }
                return known.isEmpty ? "no entity type" : known.map(\.withArticle).joined(separator: " or ")
            }
            func article(_ type: String) -> String { EntityType(rawValue: type)?.withArticle ?? "a \(type)" }
            let type: String = row["type"]
            checker.add(CheckProblem(
                kind: .relationTypeRule,
                message: "\(describeRelation(row)): \(type) goes from \(types(row["source_types"])) to \(types(row["target_types"])), "
                    + "and this goes from \(article(row["source_type"])) to \(article(row["target_type"]))",
                entities: [row["source_key"], row["target_key"]], relation: row["id"]))
        }
    }

    private static func checkSelfRelations(_ db: Database, _ checker: inout CheckCollector) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.id, r.type, s.key AS source_key, s.key AS target_key
                FROM relation_view r JOIN entity s ON s.id = r.source_id WHERE r.source_id = r.target_id ORDER BY r.id
                """)
        while let row = try rows.next() {
            checker.add(CheckProblem(kind: .selfRelation, message: describeRelation(row), entities: [row["source_key"]], relation: row["id"]))
        }
    }

    private static func checkSymmetricDuplicates(_ db: Database, _ checker: inout CheckCollector) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT a.id, b.id AS other_id, rt.name AS type, s.key AS source_key, t.key AS target_key
                FROM relation_type rt JOIN relation_type_code k ON k.name = rt.name JOIN relation a ON a.type_id = k.id
                JOIN relation b ON b.source_id = a.target_id AND b.type_id = a.type_id AND b.target_id = a.source_id
                    AND ifnull(b.role, '') = ifnull(a.role, '') AND ifnull(b.start_date, 0) = ifnull(a.start_date, 0)
                    AND ifnull(b.date, 0) = ifnull(a.date, 0)
                JOIN entity s ON s.id = a.source_id JOIN entity t ON t.id = a.target_id
                WHERE rt.symmetric = 1 AND a.id < b.id ORDER BY a.id
                """)
        while let row = try rows.next() {
            checker.add(CheckProblem(
                kind: .symmetricDuplicate,
                message: "\(describeRelation(row)) and #\(row["other_id"] as Int64), the same relation the other way",
                entities: [row["source_key"], row["target_key"]], relation: row["id"]))
        }
    }

    // MARK: - Citations and names

    private static func checkCitedSources(_ db: Database, _ checker: inout CheckCollector) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.id AS citation, c.source_id, e.key AS entity_key, c.relation_id AS id, r.type,
                       rs.key AS source_key, rt.key AS target_key
                FROM citation c LEFT JOIN entity e ON e.id = c.entity_id
                LEFT JOIN relation_view r ON r.id = c.relation_id
                LEFT JOIN entity rs ON rs.id = r.source_id LEFT JOIN entity rt ON rt.id = r.target_id
                WHERE NOT EXISTS (SELECT 1 FROM source s WHERE s.id = c.source_id) ORDER BY c.id
                """)
        while let row = try rows.next() {
            let entityKey: String? = row["entity_key"]
            let relationId: Int64? = row["id"]
            let subject: String
            let keys: [String?]
            if let entityKey {
                subject = entityKey
                keys = [entityKey]
            } else if relationId != nil, (row["type"] as String?) != nil {
                subject = describeRelation(row)
                keys = [row["source_key"], row["target_key"]]
            } else {
                subject = relationId.map { "relation #\($0)" } ?? "nothing"
                keys = []
            }
            checker.add(CheckProblem(
                kind: .citationMissingSource,
                message: "citation #\(row["citation"] as Int64) of \(subject) cites source \(row["source_id"] as Int64), which does not exist",
                entities: keys.compactMap { $0 }, relation: relationId, table: "citation", row: row["citation"]))
        }
    }

    private static func checkCitedSubjects(_ db: Database, _ checker: inout CheckCollector) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.id, s.key AS source_key, c.entity_id, c.relation_id FROM citation c LEFT JOIN source s ON s.id = c.source_id
                WHERE (c.entity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entity e WHERE e.id = c.entity_id))
                   OR (c.relation_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM relation r WHERE r.id = c.relation_id))
                ORDER BY c.id
                """)
        while let row = try rows.next() {
            let entity: Int64? = row["entity_id"]
            let missing = entity.map { "entity \($0)" } ?? "relation #\(row["relation_id"] as Int64)"
            let source = (row["source_key"] as String?).map { "[\($0)]" } ?? "(a missing source)"
            checker.add(CheckProblem(
                kind: .citationMissingSubject, message: "citation #\(row["id"] as Int64) of \(source) cites \(missing), which does not exist",
                table: "citation", row: row["id"]))
        }
    }

    private static func checkOrphanNames(_ db: Database, _ checker: inout CheckCollector) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT 'alias' AS what, a.entity_id, a.name AS text FROM alias a
                WHERE NOT EXISTS (SELECT 1 FROM entity e WHERE e.id = a.entity_id)
                UNION ALL
                SELECT 'attribute', t.entity_id, t.key || '=' || t.value FROM attribute t
                WHERE NOT EXISTS (SELECT 1 FROM entity e WHERE e.id = t.entity_id)
                ORDER BY 1, 2, 3
                """)
        while let row = try rows.next() {
            let what: String = row["what"]
            checker.add(CheckProblem(
                kind: .orphanName,
                message: "\(what) \(quoted(row["text"])) of entity \(row["entity_id"] as Int64), which does not exist", table: what))
        }
    }

    private static func checkAliasClashes(_ db: Database, _ checker: inout CheckCollector) throws {
        // `+e.type` keeps SQLite from reading the other entity through entity_by_type, which,
        // without statistics, it prefers: every entity of the type for each alias, minutes on
        // a hundred thousand entities, instead of a look-up by name.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT a.name AS alias, o.key AS owner_key, o.type, e.key AS other_key, e.name AS other_name
                FROM alias a JOIN entity o ON o.id = a.entity_id
                JOIN entity e ON e.name_normalized = a.name_normalized AND +e.type = o.type AND e.id <> o.id
                ORDER BY o.key, a.name, e.key
                """)
        while let row = try rows.next() {
            let owner: String = row["owner_key"], other: String = row["other_key"], type: String = row["type"]
            checker.add(CheckProblem(
                kind: .aliasClash,
                message: "\(owner) has the alias \(quoted(row["alias"])), the name of the \(type) \(other) (\(quoted(row["other_name"])))",
                entities: [owner, other]))
        }
    }

    // MARK: - Values the schema stores as free text

    private static func checkDates(_ db: Database, _ checker: inout CheckCollector) throws {
        let entities = try Row.fetchCursor(
            db,
            sql: """
                SELECT key, date, start_date, end_date FROM entity
                WHERE date IS NOT NULL OR start_date IS NOT NULL OR end_date IS NOT NULL ORDER BY key
                """)
        while let row = try entities.next() {
            let key: String = row["key"]
            if let problem = dateProblem(date: row["date"], start: row["start_date"], end: row["end_date"]) {
                checker.add(CheckProblem(kind: .invalidDate, message: "\(key): \(problem)", entities: [key]))
            }
        }
        // Relations are many: their dates are read alone, and the few with a problem described after.
        var broken: [(id: Int64, problem: String)] = []
        let relations = try Row.fetchCursor(
            db,
            sql: "SELECT id, date, start_date, end_date FROM relation_view WHERE date IS NOT NULL OR start_date IS NOT NULL OR end_date IS NOT NULL ORDER BY id")
        while let row = try relations.next() {
            if let problem = dateProblem(date: row["date"], start: row["start_date"], end: row["end_date"]) {
                broken.append((row["id"], problem))
            }
        }
        for (id, problem) in broken {
            let row = try describedRelation(id, in: db)
            checker.add(CheckProblem(
                kind: .invalidDate, message: "\(row.map(describeRelation) ?? "#\(id)"): \(problem)",
                entities: [row?["source_key"], row?["target_key"]].compactMap { $0 }, relation: id))
        }
    }

    /// What is wrong with a stored date, period or both; `nil` when nothing is.
    private static func dateProblem(date: String?, start: String?, end: String?) -> String? {
        var parsed: [PartialDate?] = []
        var problems: [String] = []
        for (label, text) in [("date", date), ("start", start), ("end", end)] {
            guard let text else {
                parsed.append(nil)
                continue
            }
            do {
                parsed.append(try PartialDate(text))
            } catch PartnerGraphError.invalidDate(_, let reason) {
                problems.append("the \(label) \(quoted(text)) is not a date: \(reason)")
                parsed.append(nil)
            } catch {
                problems.append("the \(label) \(quoted(text)) is not a date")
                parsed.append(nil)
            }
        }
        if !problems.isEmpty { return problems.joined(separator: "; ") }
        do {
            try validateDates(date: parsed[0], start: parsed[1], end: parsed[2])
            return nil
        } catch {
            return "\(error)"
        }
    }

    private static func checkKeys(_ db: Database, _ checker: inout CheckCollector) throws {
        for (table, what) in [("entity", "entity"), ("source", "source")] {
            let keys = try String.fetchCursor(db, sql: "SELECT key FROM \(table) ORDER BY key")
            while let key = try keys.next() {
                do {
                    try validateKey(key)
                } catch {
                    checker.add(CheckProblem(
                        kind: .invalidKey, message: "the \(what) key \(quoted(key))", entities: table == "entity" ? [key] : [], table: table))
                }
            }
        }
    }

    private static func checkLookupNames(_ db: Database, _ checker: inout CheckCollector) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.key, 'name' AS what, e.name, e.name_normalized FROM entity e
                UNION ALL
                SELECT e.key, 'alias', a.name, a.name_normalized FROM alias a JOIN entity e ON e.id = a.entity_id
                """)
        while let row = try rows.next() {
            let name: String = row["name"], stored: String = row["name_normalized"]
            let expected = NameNormalizer.normalize(name)
            guard stored != expected else { continue }
            let key: String = row["key"], what: String = row["what"]
            checker.add(CheckProblem(
                kind: .staleLookupName,
                message: "\(key): the \(what) \(quoted(name)) is filed for look-up as \(quoted(stored)), not \(quoted(expected))",
                entities: [key]))
        }
    }

    private static func checkIncomingIndex(_ db: Database, _ checker: inout CheckCollector) throws {
        let missing = try Int64.fetchAll(
            db,
            sql: """
                SELECT r.id FROM relation r WHERE NOT EXISTS (
                    SELECT 1 FROM relation_incoming i
                    WHERE i.target_id = r.target_id AND i.type_id = r.type_id AND i.source_id = r.source_id AND i.relation_id = r.id)
                ORDER BY r.id
                """)
        for id in missing {
            let row = try describedRelation(id, in: db)
            checker.add(CheckProblem(
                kind: .incomingIndex,
                message: "\(row.map(describeRelation) ?? "#\(id)") is missing from relation_incoming: it is not found from its target",
                entities: [row?["source_key"], row?["target_key"]].compactMap { $0 }, relation: id))
        }
        let stray = try Row.fetchAll(
            db,
            sql: """
                SELECT i.relation_id, ifnull((SELECT name FROM relation_type_code WHERE id = i.type_id), '?') AS type, i.source_id, i.target_id
                FROM relation_incoming i WHERE NOT EXISTS (
                    SELECT 1 FROM relation r
                    WHERE r.id = i.relation_id AND r.target_id = i.target_id AND r.type_id = i.type_id AND r.source_id = i.source_id)
                ORDER BY i.relation_id
                """)
        // An entry whose dates differ from its relation's gives timelines and --as-of traversals
        // the wrong dates (migration 007 copied them there).
        let stale = try Int64.fetchAll(
            db,
            sql: """
                SELECT r.id FROM relation r JOIN relation_incoming i
                    ON i.target_id = r.target_id AND i.type_id = r.type_id AND i.source_id = r.source_id AND i.relation_id = r.id
                WHERE i.start_date IS NOT r.start_date OR i.end_date IS NOT r.end_date OR i.date IS NOT r.date
                ORDER BY r.id
                """)
        for id in stale {
            let row = try describedRelation(id, in: db)
            checker.add(CheckProblem(
                kind: .incomingIndex,
                message: "\(row.map(describeRelation) ?? "#\(id)") has other dates in relation_incoming than in relation",
                entities: [row?["source_key"], row?["target_key"]].compactMap { $0 }, relation: id))
        }
        for row in stray {
            checker.add(CheckProblem(
                kind: .incomingIndex,
                message: "relation_incoming lists #\(row["relation_id"] as Int64) (entity \(row["source_id"] as Int64) —\(row["type"] as String)→ entity \(row["target_id"] as Int64)), which no relation matches",
                relation: row["relation_id"]))
        }
    }

    private static func checkVocabulary(_ db: Database, _ checker: inout CheckCollector) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT name, source_types, target_types, symmetric FROM relation_type ORDER BY name")
        for row in rows {
            let name: String = row["name"]
            var problems: [String] = []
            var sets: [Set<String>] = []
            for (end, list) in [("source", row["source_types"] as String), ("target", row["target_types"] as String)] {
                let entries = list.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let unknown = entries.filter { EntityType(rawValue: $0) == nil }
                if list.isEmpty {
                    problems.append("no \(end) type")
                } else if !unknown.isEmpty {
                    problems.append("\(end) types \(quoted(list)) name \(unknown.map(quoted).joined(separator: ", ")), not an entity type")
                }
                sets.append(Set(entries))
            }
            if (row["symmetric"] as Bool) && sets[0] != sets[1] {
                problems.append("it is symmetric, but its source and target types differ")
            }
            if !problems.isEmpty {
                checker.add(CheckProblem(kind: .vocabulary, message: "\(name): " + problems.joined(separator: "; "), table: "relation_type"))
            }
        }
    }

    // MARK: - Descriptions

    /// The relation `id` with its ends' keys, in the columns ``describeRelation(_:)`` reads.
    private static func describedRelation(_ id: Int64, in db: Database) throws -> Row? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT r.id, r.type, s.key AS source_key, t.key AS target_key
                FROM relation_view r LEFT JOIN entity s ON s.id = r.source_id LEFT JOIN entity t ON t.id = r.target_id WHERE r.id = ?
                """,
            arguments: [id])
    }

    /// `#12 icesco —heads→ salim-m-almalik`, from a row with `id`, `type`, `source_key` and `target_key`.
    private static func describeRelation(_ row: Row) -> String {
        let source: String = row["source_key"] ?? "(missing entity)"
        let target: String = row["target_key"] ?? "(missing entity)"
        return "#\(row["id"] as Int64) \(source) —\((row["type"] as String?) ?? "?")→ \(target)"
    }
}

/// Gathers a check's problems: every one is counted, the first ``CheckReport/problemLimit`` of
/// each kind are kept.
struct CheckCollector {
    var problems: [CheckProblem] = []
    var totals: [CheckProblem.Kind: Int] = [:]

    mutating func add(_ problem: CheckProblem) {
        let count = totals[problem.kind, default: 0]
        if count < CheckReport.problemLimit { problems.append(problem) }
        totals[problem.kind] = count + 1
    }

    /// Runs one rule; when SQLite cannot run it (a damaged database), says so as an integrity problem.
    mutating func guarded(_ kind: CheckProblem.Kind, _ rule: (inout CheckCollector) throws -> Void) {
        do {
            try rule(&self)
        } catch {
            add(CheckProblem(kind: .integrity, message: "could not check \(kind.title.lowercased()): \(error)"))
        }
    }
}
