/// Why a connection query (`path`, `neighbors`, `common`, `timeline`, `search`) has no answer.
///
/// The ``description`` is the message a person reads: it names the limit that applied and
/// how to relax it.
public enum QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Which limit stopped a path search.
    public enum PathLimit: Equatable, Sendable {
        /// Every entity reachable from one end, under the filters, was visited: the two are
        /// not connected (under those filters).
        case notConnected
        /// No path of at most this many relations exists; a longer one might.
        case maxDepth(Int)
    }

    /// No path joins the two entities. `filters` are the options in force, as typed
    /// (`--relation heads`, `--avoid icesco`, `--as-of 2020`, `--directed`).
    case noPath(from: EntityRef, to: EntityRef, limit: PathLimit, filters: [String])
    /// An end of the path is also an entity to avoid.
    case endpointAvoided(EntityRef)
    /// A query that cannot be run as given (a negative depth, an empty search).
    case invalidQuery(String)

    /// The message: why there is no answer, and how to relax the question.
    public var description: String {
        switch self {
        case let .noPath(from, to, limit, filters):
            let ends = "no path from \(quoted(from.name)) (\(from.key)) to \(quoted(to.name)) (\(to.key))"
            let under = filters.isEmpty ? "" : " with " + filters.joined(separator: ", ")
            switch limit {
            case .notConnected:
                return ends + ": they are not connected" + under
                    + (filters.isEmpty ? "" : "; without those options they may be")
            case let .maxDepth(depth):
                return ends + " of at most \(depth) relation\(depth == 1 ? "" : "s") (--max-depth \(depth))" + under
                    + "; a longer one may exist: raise --max-depth"
            }
        case let .endpointAvoided(entity):
            return "\(quoted(entity.name)) (\(entity.key)) is an end of the path and cannot also be avoided; drop it from --avoid"
        case let .invalidQuery(reason):
            return reason
        }
    }
}
