/// Why `merge` or `distinct` refused.
public enum MergeError: Error, Equatable, Sendable {
    /// Both names lead to the same entity.
    case sameEntity(String)
    /// The two are of different types; a person is not an organization.
    case differentTypes(keep: String, keepType: EntityType, other: String, otherType: EntityType)
    /// Someone recorded that the two are not the same (`partnergraph distinct`).
    case markedDistinct(keep: String, other: String)
}

extension MergeError: CustomStringConvertible {
    /// The message a person reads: what went wrong and what to do.
    public var description: String {
        switch self {
        case let .sameEntity(key):
            return "both names lead to the same entity, \(key): there is nothing to merge"
        case let .differentTypes(keep, keepType, other, otherType):
            return "\(keep) is \(keepType.withArticle) and \(other) \(otherType.withArticle): only entities of one type can be merged; "
                + "fix the type of the wrong one first (remove it and add it again with the right type)"
        case let .markedDistinct(keep, other):
            return "\(keep) and \(other) were recorded as distinct (`partnergraph distinct`); merge them anyway with --force"
        }
    }
}
