import Foundation
import PartnerGraph
import Synchronization

/// Everything the web view asks of a graph, in one place: the reads of the commands whose
/// `--json` the API serves, the two writes, the drawings, and a version that changes whenever
/// the graph does.
///
/// The server's routes call only these methods, so that serving another store means changing
/// this type alone. The store's calls block (SQLite, Graphviz), so each runs on a serial
/// Dispatch queue, off Swift concurrency's few threads: one queue for the reads, which share the
/// store's one connection anyway; one for the drawings, so that a layout of tens of milliseconds
/// holds up no page whose drawing is cached; one for the writes, which may wait for another
/// process's lock.
public final class WebGraph: Sendable {
    /// The store the reads go through: an SQLite file, or a PostgreSQL database.
    let store: any GraphStore
    /// The database's path, for the writes, which open their own store with their own author.
    let writePath: String?
    /// The database's path, when the store is opened read-only but the file may be written:
    /// searches first bring the search index up to date through a connection of their own.
    let indexPath: String?
    /// Whether writes go through ``store`` itself (PostgreSQL, which takes concurrent writers
    /// on one connection's transactions) rather than through a store opened per request.
    let writesInPlace: Bool
    /// Pictures already drawn, by what they show and the graph's version.
    let drawings = VersionedCache<RenderSelection>()
    /// Entity pages already made, by the name asked for and the graph's version.
    let pages = VersionedCache<String>(capacity: 4096)
    /// The graph's version as last read, and when.
    private let knownVersion = Mutex<(version: Int64, readAt: ContinuousClock.Instant?)>((0, nil))
    /// How long a version read is trusted: a change made by another process shows within this
    /// time; one made through this server, at once.
    static let versionLifetime = Duration.milliseconds(250)
    private let readQueue = DispatchQueue(label: "PartnerGraphWeb.reads")
    private let drawingQueue = DispatchQueue(label: "PartnerGraphWeb.drawings")
    private let writeQueue = DispatchQueue(label: "PartnerGraphWeb.writes")

    /// A graph served read-only, from `store`.
    ///
    /// - Parameter indexPath: The database's path, if searches may keep its search index up to
    ///   date, as `partnergraph search` does: that index (derived from the names, notes and
    ///   texts) is the one thing a read-only server writes, and only when something was written
    ///   since the last search.
    public init(store: any GraphStore, indexPath: String? = nil) {
        self.store = store
        self.writePath = nil
        self.indexPath = indexPath
        self.writesInPlace = false
    }

    /// A graph served from `store`, whose writes open the database at `writePath` for each
    /// request, recorded in the history under that request's author.
    public init(store: PartnerGraphStore, writePath: String) {
        self.store = store
        self.writePath = writePath
        self.indexPath = nil
        self.writesInPlace = false
    }

    /// A graph served from a store that takes the writes too: a PostgreSQL database, whose
    /// search index is written with what it indexes.
    ///
    /// - Parameter acceptsWrites: Whether the server was started with writes allowed.
    public init(sharedStore store: any GraphStore, acceptsWrites: Bool) {
        self.store = store
        self.writePath = nil
        self.indexPath = nil
        self.writesInPlace = acceptsWrites
    }

    /// Whether the server was started with writes allowed.
    var acceptsWrites: Bool { writePath != nil || writesInPlace }

    /// `body` run on `queue` (by default the queue of reads), its result or error handed back
    /// to the caller's task.
    func run<T: Sendable>(on queue: DispatchQueue? = nil, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            (queue ?? readQueue).async {
                continuation.resume(with: Result { try body() })
            }
        }
    }

    // MARK: - Reads: the same documents as the commands' --json

    /// `partnergraph search`.
    func search(_ query: SearchQuery) async throws -> SearchResults {
        if let indexPath {
            // A failure (the file became read-only, a lock held too long) leaves the index as it
            // stands, which the search then reads, as it would on a read-only file.
            _ = try? await run(on: writeQueue) {
                try PartnerGraphStore(path: indexPath, mode: .readWrite, author: WebServer.author("search index")).refreshSearchIndex()
            }
        }
        return try await run { [store] in try store.search(query) }
    }

    /// `partnergraph show`.
    func profile(of name: String) async throws -> EntityProfile {
        try await run { [store] in try store.profile(of: name, relationsPerGroup: nil) }
    }

    /// `partnergraph neighbors`.
    func neighbors(_ query: NeighborQuery) async throws -> Neighborhood {
        try await run { [store] in try store.neighbors(query) }
    }

    /// `partnergraph path`.
    func paths(_ query: PathQuery) async throws -> [GraphPath] {
        try await run { [store] in try store.paths(query) }
    }

    /// `partnergraph timeline`.
    func timeline(_ query: TimelineQuery) async throws -> Timeline {
        try await run { [store] in try store.readableCopy(of: query.entity.map { .around([$0], depth: 1) } ?? .whole).timeline(query) }
    }

    /// `partnergraph stats`.
    func stats(top: Int) async throws -> GraphStats {
        try await run { [store] in try store.readableCopy(of: .whole).stats(top: top) }
    }

    /// `partnergraph source list`.
    func sources() async throws -> [SourceSummary] {
        try await run { [store] in try store.sources() }
    }

    /// `partnergraph list`.
    func entities(type: EntityType?, kind: String?) async throws -> [EntitySummary] {
        try await run { [store] in try store.readableCopy(of: .whole).entities(type: type, kind: kind) }
    }

    /// The other names of each entity named by `keys`, for the search page.
    func aliases(of keys: [String]) async throws -> [String: [Alias]] {
        try await run { [store] in
            var aliases: [String: [Alias]] = [:]
            for key in keys { aliases[key] = try store.profile(of: key, relationsPerGroup: 0).aliases }
            return aliases
        }
    }

    /// A number that changes whenever the graph does (``PartnerGraph/GraphStore/graphVersion()``):
    /// on SQLite the latest change of its history, which every write from any process records,
    /// undo included; on PostgreSQL a sequence every writing statement advances. So a drawing
    /// cached under one version shows the graph as it still is.
    func version() throws -> Int64 {
        try store.graphVersion()
    }

    /// ``version()``, read again only when the last read is older than ``versionLifetime``, so
    /// that a page served from the cache costs no query.
    func currentVersion() async throws -> Int64 {
        let now = ContinuousClock.now
        let known = knownVersion.withLock { $0 }
        if let readAt = known.readAt, now - readAt < Self.versionLifetime { return known.version }
        let version = try await run { try self.version() }
        knownVersion.withLock { $0 = (version, now) }
        return version
    }

    /// Forgets the version read, after a write through this server.
    private func versionChanged() {
        knownVersion.withLock { $0.readAt = nil }
    }

    /// The entity page for `name` at the current version and day, made by `make` when not cached.
    func entityPage(_ name: String, make: () async throws -> String) async throws -> String {
        let key = VersionedCache<String>.Key(subject: name, version: try await currentVersion(), day: RenderStyle.today())
        if let page = pages[key] { return page }
        let page = try await make()
        pages[key] = page
        return page
    }

    // MARK: - Drawings

    /// The neighbourhood of `key` within one relation, as SVG text to put inside a page: drawn
    /// by the renderer of `partnergraph render --around KEY --depth 1`, cached until the graph
    /// or the day changes.
    func neighbourhoodSVG(of key: String) async throws -> String {
        try await drawing(RenderSelection(scope: .around(key, depth: 1)))
    }

    /// The `k` shortest connections between two entities, drawn alone (`render --path A B --only-path`).
    func pathSVG(from: String, to: String, k: Int) async throws -> String {
        try await drawing(RenderSelection(scope: .path(from: from, to: to, k: k, depth: 0)))
    }

    private func drawing(_ selection: RenderSelection) async throws -> String {
        // The day matters too: whether a relation has ended is judged against it.
        let key = VersionedCache<RenderSelection>.Key(subject: selection, version: try await currentVersion(), day: RenderStyle.today())
        if let svg = drawings[key] { return svg }
        return try await run(on: drawingQueue) { [store, drawings] in
            if let svg = drawings[key] { return svg }
            let picture = try store.readableCopy(of: GraphScope(selection)).render(selection, style: RenderStyle(language: .both), format: .svg)
            let svg = InlineSVG.element(from: picture.data)
            drawings[key] = svg
            return svg
        }
    }

    // MARK: - Writes

    /// `partnergraph add`, recorded as `author`.
    func addEntity(_ entity: NewEntity, author: ChangeAuthor) async throws -> EntityRef {
        try await write(author) { store in try store.addEntity(entity).ref }
    }

    /// `partnergraph link`, recorded as `author`.
    func link(_ source: String, _ type: String, _ target: String, _ details: RelationDetails, author: ChangeAuthor) async throws -> RelationView {
        try await write(author) { store in try store.link(source, type, target, details) }
    }

    private func write<T: Sendable>(_ author: ChangeAuthor, _ body: @escaping @Sendable (any GraphStore) throws -> T) async throws -> T {
        if writesInPlace {
            defer { versionChanged() }
            return try await run(on: writeQueue) { [store] in try body(store) }
        }
        guard let writePath else {
            throw WebError(status: .methodNotAllowed, message: "this server is read-only", fix: "start it with `partnergraph serve --allow-writes` and a token")
        }
        defer { versionChanged() }
        return try await run(on: writeQueue) {
            // The store's write path: one transaction, recorded in the history as `author`.
            try body(try PartnerGraphStore(path: writePath, mode: .readWrite, author: author))
        }
    }
}
