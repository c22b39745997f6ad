import Foundation
import GRDB
import GRDBSQLite

/// Writes checked entities and relations with prepared statements stepped through the raw
/// SQLite API.
struct CSVBulkWriter {
    let db: Database
    let progress: ((CSVImportProgress) -> Void)?
    let vocabulary: [RelationType]
    let connection: OpaquePointer
    let now: String
    /// The search queue's triggers, dropped for the import and put back, unchanged, by `finish()`.
    let triggers: [Row]
    var deferredIndexes: [String] = []
    /// The import's second thread: it reads the edges file, then builds the search index.
    let background: DispatchQueue
    /// The search index of the new entities, when built on another thread.
    var searchBuild: DetachedSearchIndex?
    /// relation_incoming's insert trigger, when a bulk load fills the table itself.
    var incomingTrigger: String?

    /// Where the search index registers what to undo once the transaction has ended.
    let afterTransaction: AfterTransaction

    init(
        db: Database, progress: ((CSVImportProgress) -> Void)?, vocabulary: [RelationType], background: DispatchQueue,
        afterTransaction: AfterTransaction
    ) throws {
        self.background = background
        self.afterTransaction = afterTransaction
        self.db = db
        self.progress = progress
        self.vocabulary = vocabulary
        connection = db.sqliteConnection!
        now = Timestamp.now()
        // The search triggers would queue every new row; the import indexes its entities itself
        // and queues only the entities it changes. The history triggers would copy every new
        // row; the import records the ranges of ids it added instead (see ChangeLog).
        triggers = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
                AND (name LIKE 'search_queue_%' OR name LIKE 'history_%') AND tbl_name IN ('entity', 'alias', 'relation')
                """)
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(String(trigger[0]).quotedDatabaseIdentifier)") }
    }

    mutating func writeEntities(_ nodes: [NodeTable.Node], report: inout CSVImportReport) throws -> [Int64] {
        var ids = [Int64](repeating: 0, count: nodes.count)
        // New entities get the ids SQLite would give them, set here so that rows can be written
        // many to a statement.
        var nextId = (try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM entity") ?? 0) + 1
        let now = self.now
        var insertEntity = try BatchedInsert(
            db, head: "INSERT OR FAIL INTO entity (id, key, type, name, name_normalized, name_language, created_at, updated_at) VALUES ",
            width: 6, row: { "(?\($0), ?\($0 + 1), ?\($0 + 2), ?\($0 + 3), ?\($0 + 4), ?\($0 + 5), ?1, ?1)" },
            shared: { Self.bind($0, 1, now) })
        let insertAlias = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO alias (entity_id, name, name_normalized, language) VALUES (?, ?, ?, 'ar')")
        // A new entity's alias cannot be stored already: those go in many to a statement.
        var insertNewAlias = try BatchedInsert(
            db, head: "INSERT OR IGNORE INTO alias (entity_id, name, name_normalized, language) VALUES ", width: 3,
            row: { "(?\($0), ?\($0 + 1), ?\($0 + 2), 'ar')" })
        let queueSearch = try db.makeStatement(sql: "INSERT OR IGNORE INTO search_pending (kind, owner) VALUES (0, ?)")
        // Into an empty entity table, the two secondary indexes are built after the load, by a
        // sort, rather than updated row by row in random order.
        let entitiesStored = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM entity)") ?? false
        if !entitiesStored && nodes.count > 10_000 {
            let indexes = try Row.fetchAll(
                db,
                sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entity' AND name IN ('entity_by_normalized_name', 'entity_by_type')")
            for index in indexes {
                try db.execute(sql: "DROP INDEX \(String(index[0]).quotedDatabaseIdentifier)")
                deferredIndexes.append(index[1])
            }
        }
        // With many new entities and nothing indexed yet, the search index is built on another
        // thread while the relations are written (see `DetachedSearchIndex`).
        let createSearchSQL = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_index'")
        let searchIndexEmpty = !(try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM search_index)") ?? true)
        let detachedSearch = createSearchSQL != nil && searchIndexEmpty && nodes.lazy.filter({ $0.existing == nil }).count > 10_000
        // Otherwise the search index is filled by one INSERT … SELECT at the end: FTS5 flushes the
        // terms it holds in memory at every statement of the transaction, so rows inserted among
        // the entity and alias statements would each cost a flush and a tiny segment to merge.
        var insertSearch: BatchedInsert?
        if !detachedSearch {
            try db.execute(sql: "CREATE TEMP TABLE csv_import_search (rowid INTEGER PRIMARY KEY, names TEXT NOT NULL)")
            insertSearch = try BatchedInsert(
                db, head: "INSERT OR FAIL INTO temp.csv_import_search (rowid, names) VALUES ", width: 2, row: { "(?\($0), ?\($0 + 1))" })
        }
        var normalizedNames = [String](repeating: "", count: nodes.count)
        var normalizedAliases = [String?](repeating: nil, count: nodes.count)
        for index in nodes.indices {
            normalizedNames[index] = NameNormalizer.normalize(nodes[index].name)
            normalizedAliases[index] = nodes[index].alias.map(NameNormalizer.normalize)
        }
        // The text of the new rows, copied once into one buffer that outlives every statement
        // step, so that SQLite reads it where it lies instead of copying each value (five
        // allocations an entity, otherwise).
        let text = TextArena()
        var entityText = [(key: TextArena.Span, name: TextArena.Span, normalized: TextArena.Span)](
            repeating: (.init(), .init(), .init()), count: nodes.count)
        var aliasText = [(alias: TextArena.Span, normalized: TextArena.Span)](repeating: (.init(), .init()), count: nodes.count)
        // Each new entity's type (its place in `EntityType.allCases`) and whether its name is Arabic.
        var entityKinds = [(type: Int, arabic: Bool)](repeating: (0, false), count: nodes.count)
        for (index, node) in nodes.enumerated() where node.existing == nil {
            entityText[index] = (text.append(node.key), text.append(node.name), text.append(normalizedNames[index]))
            entityKinds[index] = (NodeTable.number(of: node.type), guessLanguage(of: node.name) == "ar")
            if let alias = node.alias, let normalized = normalizedAliases[index] {
                aliasText[index] = (text.append(alias), text.append(normalized))
            }
        }
        text.seal()
        let typeNames = EntityType.allCases.map { StaticText($0.rawValue) }
        let languages = (arabic: StaticText("ar"), other: StaticText("en"))
        var searchTexts = [String](repeating: "", count: nodes.count)
        func bindEntity(_ handle: OpaquePointer, _ base: Int32, _ index: Int) {
            let spans = entityText[index], kind = entityKinds[index]
            sqlite3_bind_int64(handle, base, ids[index])
            text.bind(spans.key, to: handle, at: base + 1)
            typeNames[kind.type].bind(to: handle, at: base + 2)
            text.bind(spans.name, to: handle, at: base + 3)
            text.bind(spans.normalized, to: handle, at: base + 4)
            (kind.arabic ? languages.arabic : languages.other).bind(to: handle, at: base + 5)
        }
        func bindNewAlias(_ handle: OpaquePointer, _ base: Int32, _ index: Int) {
            let spans = aliasText[index]
            sqlite3_bind_int64(handle, base, ids[index])
            text.bind(spans.alias, to: handle, at: base + 1)
            text.bind(spans.normalized, to: handle, at: base + 2)
        }
        func bindSearch(_ handle: OpaquePointer, _ base: Int32, _ index: Int) {
            sqlite3_bind_int64(handle, base, ids[index] * 4)
            Self.bind(handle, base + 1, searchTexts[index])
        }
        for (index, node) in nodes.enumerated() {
            if index % 16384 == 0 { progress?(.init(phase: .writingEntities, done: index, total: nodes.count)) }
            let normalizedName = normalizedNames[index]
            let normalizedAlias = normalizedAliases[index]
            let id: Int64
            if let existing = node.existing {
                id = existing
            } else {
                id = nextId
                nextId += 1
            }
            ids[index] = id
            if node.existing == nil {
                try insertEntity.add(index, bindEntity)
                report.entitiesAdded += 1
            } else {
                report.entitiesMatched += 1
            }
            var aliasAdded = false
            if node.existing == nil && node.alias != nil {
                try insertNewAlias.add(index, bindNewAlias)
            } else if let alias = node.alias {
                let handle = insertAlias.sqliteStatement
                sqlite3_bind_int64(handle, 1, id)
                Self.bind(handle, 2, alias)
                Self.bind(handle, 3, normalizedAlias)
                try step(handle)
                aliasAdded = sqlite3_changes(connection) > 0
                if aliasAdded { report.aliasesAdded += 1 }
            }
            if node.existing == nil {
                // A new entity is indexed here, or by the detached index with its alias.
                if insertSearch != nil {
                    searchTexts[index] = SearchText.indexed(normalized: [node.key.lowercased(), normalizedName, normalizedAlias ?? ""])
                    try insertSearch!.add(index, bindSearch)
                }
            } else if aliasAdded {
                let handle = queueSearch.sqliteStatement
                sqlite3_bind_int64(handle, 1, id)
                try step(handle)
            }
        }
        try insertEntity.flush(bindEntity)
        try insertNewAlias.flush(bindNewAlias)
        report.aliasesAdded += insertNewAlias.changes
        if insertSearch != nil {
            try insertSearch!.flush(bindSearch)
            try db.execute(sql: "INSERT INTO search_index (rowid, names, body) SELECT rowid, names, '' FROM temp.csv_import_search")
            try db.execute(sql: "DROP TABLE temp.csv_import_search")
        }
        if detachedSearch, let createSearchSQL {
            let ids = ids, normalizedNames = normalizedNames, normalizedAliases = normalizedAliases
            searchBuild = DetachedSearchIndex(createSQL: createSearchSQL, on: background) {
                nodes.indices.compactMap { index in
                    let node = nodes[index]
                    guard node.existing == nil else { return nil }
                    let alias = normalizedAliases[index] ?? ""
                    return (ids[index] * 4, SearchText.indexed(normalized: [node.key.lowercased(), normalizedNames[index], alias]))
                }
            }
            let build = searchBuild!
            afterTransaction.add { build.detach(from: $0) }
        }
        return ids
    }

    mutating func writeRelations(_ list: EdgeList, ids: [Int64], report: inout CSVImportReport) throws {
        let hadRelations = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM relation)") ?? false
        // Into an empty relation table, the relations get their ids here (in the order of the
        // identity index, so that it grows by appends), and relation_incoming is filled after
        // them in its own key order rather than by its trigger, row by row, in random order.
        // Otherwise SQLite numbers the rows, skips those already stored, and the trigger keeps
        // relation_incoming.
        let bulk = !hadRelations && list.edges.count > 10_000
        if bulk {
            incomingTrigger = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'relation_incoming_insert'")
            try db.execute(sql: "DROP TRIGGER IF EXISTS relation_incoming_insert")
        }
        // SQLite numbers the new rows max(id) + 1, + 2, … in the order they are inserted: an
        // explicit id would cost a look-up per row. Into an empty table, where none is skipped,
        // edge i gets firstId + i; checked below.
        let firstId = (try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM relation") ?? 0) + 1
        // The compact columns of migration 008: the type's id, packed dates, Unix seconds, and
        // updated_at NULL (equal to created_at).
        let columns = "INSERT INTO relation (source_id, type_id, target_id, role, start_date, end_date, date, note, created_at, updated_at) VALUES "
        let now = Timestamp.stored(self.now)
        // OR IGNORE skips a relation already stored, as ON CONFLICT DO NOTHING does (the identity
        // index is the table's one uniqueness constraint, and the NOT NULL columns are always
        // bound), and unlike it lets a multi-row statement run without a statement journal.
        var insert = try BatchedInsert(
            db, head: "INSERT OR IGNORE" + columns.dropFirst("INSERT".count), width: 7,
            row: { base in "(" + (base..<(base + 7)).map { "?\($0)" }.joined(separator: ", ") + ", NULL, ?1, NULL)" },
            shared: { Self.bind($0, 1, now) })
        let single = try db.makeStatement(sql: columns + "(?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?1, NULL) ON CONFLICT DO NOTHING")
        let singleHandle = single.sqliteStatement
        Self.bind(singleHandle, 1, now)
        // The types' ids, in the vocabulary's order (the edges' type numbers).
        let typeIds = try vocabulary.map { try RelationTypeCodes.id(of: $0.name, in: db) }
        let extras = list.extras
        let edges = list.edges

        /// Binds the seven columns of edge `index` from parameter `base` on.
        func bindRow(_ handle: OpaquePointer, _ base: Int32, _ index: Int) {
            let edge = edges[index]
            sqlite3_bind_int64(handle, base, edge.source >= 0 ? ids[Int(edge.source)] : -edge.source)
            sqlite3_bind_int64(handle, base + 1, typeIds[Int(edge.type)])
            sqlite3_bind_int64(handle, base + 2, edge.target >= 0 ? ids[Int(edge.target)] : -edge.target)
            Self.bind(handle, base + 3, edge.extra >= 0 ? extras[Int(edge.extra)].role : nil)
            Self.bindDate(handle, base + 4, edge.start)
            Self.bindDate(handle, base + 5, edge.end)
            Self.bindDate(handle, base + 6, edge.date)
        }

        var batched = 0
        for (index, edge) in edges.enumerated() {
            if index % 65536 == 0 { progress?(.init(phase: .writingRelations, done: index, total: edges.count)) }
            let note = edge.extra >= 0 ? extras[Int(edge.extra)].note : nil
            guard let note else {
                try insert.add(index, bindRow)
                batched += 1
                continue
            }
            // A relation with a note is searchable: it goes in alone, to queue its id.
            bindRow(singleHandle, 2, index)
            Self.bind(singleHandle, 9, note)
            try step(singleHandle)
            if sqlite3_changes(connection) > 0 {
                report.relationsAdded += 1
                let queue = try db.cachedStatement(sql: "INSERT OR IGNORE INTO search_pending (kind, owner) VALUES (2, ?)")
                try queue.execute(arguments: [sqlite3_last_insert_rowid(connection)])
            } else {
                report.relationsMatched += 1
            }
        }
        try insert.flush(bindRow)
        report.relationsAdded += insert.changes
        report.relationsMatched += batched - insert.changes
        guard bulk else { return }

        ImportTiming.mark("relations written")
        progress?(.init(phase: .indexing, done: 0, total: 1))
        let lastId = try Int64.fetchOne(db, sql: "SELECT max(id) FROM relation") ?? 0
        let idsGrowWithIndex = zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 }
        guard let entries = list.incoming, idsGrowWithIndex, report.relationsAdded == edges.count,
            lastId == firstId + Int64(edges.count) - 1
        else {
            // Some endpoint was stored before, or the ids are not the expected ones: SQLite
            // sorts the entries.
            try db.execute(sql: """
                INSERT INTO relation_incoming (target_id, type_id, source_id, relation_id, start_date, end_date, date)
                SELECT target_id, type_id, source_id, id, start_date, end_date, date FROM relation
                ORDER BY target_id, type_id, source_id, id
                """)
            return
        }
        // relation_incoming, in its key order, so that SQLite appends every entry; with each
        // relation's dates (migration 007).
        var incoming = try BatchedInsert(
            db,
            head: "INSERT OR FAIL INTO relation_incoming (target_id, type_id, source_id, relation_id, start_date, end_date, date) VALUES ",
            width: 7, row: { base in "(" + (base..<(base + 7)).map { "?\($0)" }.joined(separator: ", ") + ")" })
        func bindIncoming(_ handle: OpaquePointer, _ base: Int32, _ index: Int) {
            let entry = entries[index]
            let edge = edges[Int(entry.position)]
            sqlite3_bind_int64(handle, base, ids[Int(entry.target)])
            sqlite3_bind_int64(handle, base + 1, typeIds[Int(entry.type)])
            sqlite3_bind_int64(handle, base + 2, ids[Int(entry.source)])
            sqlite3_bind_int64(handle, base + 3, firstId + Int64(entry.position))
            Self.bindDate(handle, base + 4, edge.start)
            Self.bindDate(handle, base + 5, edge.end)
            Self.bindDate(handle, base + 6, edge.date)
        }
        for index in entries.indices { try incoming.add(index, bindIncoming) }
        try incoming.flush(bindIncoming)
    }

    /// Builds the entity indexes put off while the entities were written.
    func buildEntityIndexes() throws {
        for sql in deferredIndexes { try db.execute(sql: sql) }
    }

    /// Puts the search index in place when it was built on another thread, and the triggers back.
    func finish() throws {
        progress?(.init(phase: .indexing, done: 0, total: 1))
        try searchBuild?.install(in: db)
        for trigger in triggers { try db.execute(sql: trigger[1]) }
        if let incomingTrigger { try db.execute(sql: incomingTrigger) }
        progress?(.init(phase: .indexing, done: 1, total: 1))
    }

    func step(_ handle: OpaquePointer) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    // MARK: - Binding and dates

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds a value as GRDB would (text, an integer or NULL).
    static func bind(_ handle: OpaquePointer, _ index: Int32, _ value: DatabaseValue) {
        switch value.storage {
        case .int64(let number): sqlite3_bind_int64(handle, index, number)
        case .string(let text): bind(handle, index, text)
        default: sqlite3_bind_null(handle, index)
        }
    }

    static func bind(_ handle: OpaquePointer, _ index: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        _ = text.withUTF8 { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), transient) }
    }

    /// Binds `date` as the relation tables store it since migration 008: the integer YYYYMMDD
    /// that ``PackedDate`` already is; NULL for no date.
    static func bindDate(_ handle: OpaquePointer, _ index: Int32, _ date: PackedDate) {
        guard date != 0 else {
            sqlite3_bind_null(handle, index)
            return
        }
        sqlite3_bind_int64(handle, index, Int64(date))
    }
}
