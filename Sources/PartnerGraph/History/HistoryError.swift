/// Why `history` or `undo` cannot do what was asked.
public enum HistoryError: Error, Equatable, Sendable {
    /// The database has no recorded change.
    case nothingToUndo
    /// No change has this number.
    case changeNotFound(Int64, last: Int64?)
    /// A later change touched what undoing this one would change back: undo that one first.
    case laterChangeDepends(change: Int64, later: Int64, laterCommand: String, reason: String)
    /// What the change removed cannot be put back as it was (a later write, made outside the
    /// history, took its place).
    case cannotRestore(change: Int64, reason: String)
}

extension HistoryError: CustomStringConvertible {
    /// The message a person reads: what went wrong and what to do.
    public var description: String {
        switch self {
        case .nothingToUndo:
            return "there is nothing to undo: no change has been recorded in this database"
        case let .changeNotFound(id, last):
            if let last { return "no change #\(id); changes are numbered 1 to \(last) (see `partnergraph history`)" }
            return "no change #\(id): no change has been recorded in this database"
        case let .laterChangeDepends(change, later, command, reason):
            return "cannot undo change #\(change): change #\(later) (\(command)) \(reason); undo #\(later) first, or leave #\(change) as it is"
        case let .cannotRestore(change, reason):
            return "cannot undo change #\(change): \(reason)"
        }
    }
}
