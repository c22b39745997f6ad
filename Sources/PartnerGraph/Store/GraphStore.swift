import Foundation

/// The operations every PartnerGraph store offers, whatever holds the graph.
///
/// Two stores conform: ``PartnerGraphStore``, one SQLite file, the embedded default; and
/// `PostgresStore` (module `PartnerGraphPostgres`), a PostgreSQL database a team shares. Both
/// resolve names, check the vocabulary's rules and dates, and answer with the same values, so a
/// command written against `GraphStore` prints the same output from either.
///
/// ```swift
/// func connect(_ store: any GraphStore) throws -> [GraphPath] {
///     try store.paths(PathQuery(from: "Salim M. AlMalik", to: "Sahiba Gafarova"))
/// }
/// ```
///
/// Every method either does all it says or, when it throws, leaves the graph as it was.
public protocol GraphStore: AnyObject, Sendable {
    /// Where the graph is, for messages: a file path, or a `postgres://` URL without its password.
    var location: String { get }

    /// The schema version the store holds: the number of the last migration applied.
    func recordedSchemaVersion() throws -> Int

    /// Records a new entity with its aliases, attributes and citations (see ``PartnerGraphStore/addEntity(_:)``).
    @discardableResult
    func addEntity(_ new: NewEntity) throws -> Entity

    /// Registers a document that facts can cite (see ``PartnerGraphStore/addSource(_:)``).
    @discardableResult
    func addSource(_ source: Source) throws -> Source

    /// Records that `source` stands in relation `type` to `target` (see ``PartnerGraphStore/link(_:_:_:_:)``).
    @discardableResult
    func link(_ source: String, _ type: String, _ target: String, _ details: RelationDetails) throws -> RelationView

    /// Removes the relations `type` from `source` to `target` that match (see
    /// ``PartnerGraphStore/unlink(_:_:_:role:start:all:)``).
    @discardableResult
    func unlink(_ source: String, _ type: String, _ target: String, role: String?, start: PartialDate?, all: Bool) throws -> [RelationView]

    /// The entity a key, name or alias designates (see ``PartnerGraphStore/entity(_:)``).
    func entity(_ name: String) throws -> Entity

    /// Everything known about an entity, with at most `relationsPerGroup` relations of each
    /// group (`nil`: all; see ``PartnerGraphStore/profile(of:relationsPerGroup:)``).
    func profile(of name: String, relationsPerGroup: Int?) throws -> EntityProfile

    /// Ranked full-text search (see ``PartnerGraphStore/search(_:)``).
    func search(_ query: SearchQuery) throws -> SearchResults

    /// The entities within a number of relations of one entity (see ``PartnerGraphStore/neighbors(_:)``).
    func neighbors(_ query: NeighborQuery) throws -> Neighborhood

    /// The shortest connections between two entities (see ``PartnerGraphStore/paths(_:)``).
    func paths(_ query: PathQuery) throws -> [GraphPath]

    /// The whole graph as an interchange document, in canonical order (see ``PartnerGraphStore/exportDocument()``).
    func exportDocument() throws -> InterchangeDocument

    /// The number of entities and relations stored: what `copy` checks before it writes.
    func graphSize() throws -> (entities: Int, relations: Int)

    /// Loads a whole document into an empty graph, keeping its timestamps: how `copy` writes.
    ///
    /// - Parameter document: The graph to load; exported by another store, or read from a file.
    /// - Returns: What was added.
    /// - Throws: ``CopyError/destinationNotEmpty(location:entities:relations:)`` when the graph
    ///   already holds entities or relations; the document's validation errors.
    @discardableResult
    func load(_ document: InterchangeDocument) throws -> ImportReport

    /// An SQLite store holding the part of the graph that `scope` names, for the commands that
    /// draw, export and report (`render`, `export`, `list`, `stats`, `timeline`, `common`):
    /// they run the SQLite store's code on it, so that every store prints the same bytes.
    ///
    /// ``PartnerGraphStore`` returns itself. Another store copies the rows into memory, under
    /// their own ids, from one consistent snapshot.
    ///
    /// - Parameter scope: The part of the graph the command reads.
    /// - Throws: The look-up errors of ``entity(_:)`` for the names of an ``GraphScope/around(_:depth:)`` scope.
    func readableCopy(of scope: GraphScope) throws -> PartnerGraphStore

    /// A number that moves whenever the graph changes, whoever changes it: what the web view
    /// keeps its pages and drawings under.
    func graphVersion() throws -> Int64

    // MARK: - Entities and sources (update, remove, source, vocab, example)

    /// Changes an entity's name, aliases, attributes, kind, dates or note, and records the claims
    /// its cited sources make (see ``PartnerGraphStore/update(_:with:)``).
    ///
    /// - Parameters:
    ///   - name: The entity: a key, a name or an alias.
    ///   - changes: What to change; fields left at their defaults stay as they are.
    /// - Returns: The entity as it now stands; its key never changes.
    /// - Throws: The look-up errors of ``entity(_:)``; ``PartnerGraphError/aliasNotFound(entity:alias:)``;
    ///   name, date and citation errors. Nothing is changed when it throws.
    @discardableResult
    func update(_ name: String, with changes: EntityChanges) throws -> Entity

    /// Removes an entity; with `cascade`, its relations too (see ``PartnerGraphStore/remove(_:cascade:)``).
    ///
    /// - Throws: ``PartnerGraphError/entityHasRelations(_:count:)`` when it has relations and
    ///   `cascade` is not set; the look-up errors of ``entity(_:)``.
    func remove(_ name: String, cascade: Bool) throws -> RemovalReport

    /// The registered sources, by key, each with how often it is cited (see ``PartnerGraphStore/sources()``).
    func sources() throws -> [SourceSummary]

    /// One source with the entities, relations and claims that cite it (see ``PartnerGraphStore/source(_:)``).
    ///
    /// - Throws: ``PartnerGraphError/sourceNotFound(_:known:)``.
    func source(_ key: String) throws -> SourceDetail

    /// The relation vocabulary, built-in types first, each group by name (see ``PartnerGraphStore/relationTypes()``).
    func relationTypes() throws -> [RelationType]

    /// Adds a relation type of the user's own; relations written after it are checked against
    /// its rules (see ``PartnerGraphStore/addRelationType(_:)``).
    ///
    /// - Throws: ``PartnerGraphError/relationTypeExists(_:)``, ``PartnerGraphError/invalidRelationTypeName(_:)``
    ///   or ``PartnerGraphError/invalidRelationType(_:reason:)``.
    func addRelationType(_ type: RelationType) throws

    /// Loads the bundled ICESCO–Azerbaijan example: new things added, those already there (by
    /// key, or by a relation's identity) set to the example's values, so that loading it twice
    /// adds nothing the second time (see ``PartnerGraphStore/loadExample()``).
    ///
    /// - Returns: What was added and updated.
    /// - Throws: ``ImportError/invalidDocument(file:problems:)`` when the graph holds something the
    ///   example contradicts (a key of another entity type, a relation type defined otherwise).
    @discardableResult
    func loadExample() throws -> ImportReport

    /// Imports an interchange document (`import FILE.json`): checked whole first, nothing written
    /// when it has a problem; entities and sources matched by key, relations by identity (see
    /// ``PartnerGraphStore/importJSON(_:file:dryRun:)``).
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - file: The name to use in messages.
    ///   - dryRun: Check and count everything, then roll back.
    /// - Throws: ``ImportError``.
    @discardableResult
    func importJSON(_ data: Data, file: String, dryRun: Bool) throws -> ImportReport
}

/// Why `partnergraph copy` refused to write.
public enum CopyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The destination already holds a graph, which a copy would mix with the one copied.
    case destinationNotEmpty(location: String, entities: Int, relations: Int)
    /// The source and the destination are the same store.
    case sameStore(String)

    /// The message shown to the person who ran the command.
    public var description: String {
        switch self {
        case let .destinationNotEmpty(location, entities, relations):
            return "\(location) already holds \(entities) entities and \(relations) relations; copy writes into an empty graph: "
                + "name a new database with --to (or run `partnergraph init` on a new one first)"
        case let .sameStore(location):
            return "--from and --to both name \(location); copy needs two different databases"
        }
    }
}

extension PartnerGraphStore: GraphStore {
    /// The database file's path (``path``).
    public var location: String { path }

    /// The number of entities and relations in the file.
    public func graphSize() throws -> (entities: Int, relations: Int) {
        try read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM entity") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM relation") ?? 0)
        }
    }

    /// Loads a whole document into an empty file, through the checked import of ``importJSON(_:file:dryRun:)``.
    ///
    /// - Throws: ``CopyError/destinationNotEmpty(location:entities:relations:)`` when the file
    ///   already holds a graph; ``ImportError`` for a document that breaks a rule.
    @discardableResult
    public func load(_ document: InterchangeDocument) throws -> ImportReport {
        let size = try graphSize()
        if size.entities > 0 || size.relations > 0 {
            throw CopyError.destinationNotEmpty(location: path, entities: size.entities, relations: size.relations)
        }
        return try importJSON(try document.jsonData(), file: "the copied graph")
    }

}

extension PartnerGraphStore {
    /// The store itself: an SQLite store reads in place.
    ///
    /// - Parameter scope: Ignored: every part of the file is already here.
    public func readableCopy(of scope: GraphScope) throws -> PartnerGraphStore { self }

    /// The id of the latest change in the history: every write records one, undo included.
    public func graphVersion() throws -> Int64 {
        try history(limit: 1).first?.id ?? 0
    }
}
