import Foundation

/// Why a backup or a restore was refused or failed. Nothing was changed when one is thrown:
/// no half-written copy is left behind, and the database is as it was.
///
/// The ``description`` is the message a person reads, naming the file, the problem and the fix.
public enum BackupError: Error, Equatable, Sendable {
    /// The backup's target exists, and replacing it was not asked for.
    case destinationExists(path: String)
    /// The backup's target, or the file to restore, is the database itself.
    case sameFile(path: String)
    /// A path names a folder where a file is needed.
    case isAFolder(path: String)
    /// The folder a file should go in does not exist.
    case folderMissing(path: String, folder: String)
    /// The file to restore does not exist or cannot be read.
    case unreadable(path: String, reason: String)
    /// The file to restore is not an SQLite database at all.
    case notSQLite(path: String, reason: String)
    /// The file to restore is an SQLite database, but SQLite finds it damaged.
    case damaged(path: String, problems: [String])
    /// The file to restore is an SQLite database, but not a PartnerGraph one.
    case notPartnerGraph(path: String, reason: String)
    /// The file to restore was written by a newer PartnerGraph than this one.
    case newerSchema(path: String, version: Int, supported: Int)
    /// The database to replace holds data, and replacing it was not asked for.
    case databaseHasData(path: String, holds: String)
    /// The database to replace cannot be read as a PartnerGraph database, and replacing it was not asked for.
    case databaseUnreadable(path: String, reason: String)
    /// Writing the copy failed (a full disk, a folder that may not be written).
    case writeFailed(path: String, reason: String)
}

extension BackupError: CustomStringConvertible, LocalizedError {
    /// The message a person reads: what went wrong and what to do.
    public var description: String {
        switch self {
        case let .destinationExists(path):
            return "\(path) already exists; name another file, or pass --force to replace it"
        case let .sameFile(path):
            return "\(path) is the database itself; name another file"
        case let .isAFolder(path):
            return "\(path) is a folder; name a file, e.g. \(path)/partnergraph-backup.sqlite"
        case let .folderMissing(path, folder):
            return "cannot write \(path): the folder \(folder) does not exist; create it first"
        case let .unreadable(path, reason):
            return "cannot read \(path): \(reason)"
        case let .notSQLite(path, reason):
            return "\(path) is not a PartnerGraph database: \(reason); nothing was changed. Name a file made by `partnergraph backup`"
        case let .damaged(path, problems):
            let shown = problems.prefix(5).map { "  " + $0 }.joined(separator: "\n")
            let more = problems.count > 5 ? "\n  … and \(problems.count - 5) more" : ""
            return "\(path) is damaged: SQLite's integrity check fails; nothing was changed. Restore an older backup. SQLite says:\n\(shown)\(more)"
        case let .notPartnerGraph(path, reason):
            return "\(path) is an SQLite database, but not a PartnerGraph one: \(reason); nothing was changed. Name a file made by `partnergraph backup`"
        case let .newerSchema(path, version, supported):
            return "\(path) was written by a newer PartnerGraph (schema version \(version); this one knows up to \(supported)); nothing was changed. Upgrade partnergraph, then restore"
        case let .databaseHasData(path, holds):
            return "the database \(path) holds \(holds), which restore would replace; nothing was changed. Pass --force to replace it (`partnergraph backup FILE` keeps a copy first)"
        case let .databaseUnreadable(path, reason):
            return "the database \(path) cannot be read as a PartnerGraph database (\(reason)); nothing was changed. Pass --force to replace it with the backup"
        case let .writeFailed(path, reason):
            return "cannot write \(path): \(reason); nothing was changed"
        }
    }

    /// The same message as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }
}
