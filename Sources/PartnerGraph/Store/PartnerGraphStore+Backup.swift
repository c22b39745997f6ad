import Foundation
import GRDB

extension PartnerGraphStore {
    /// The pages copied per step when progress is reported: 4 MiB of 16 KiB pages.
    static let backupPagesPerStep: CInt = 256

    /// Writes a consistent copy of the database to `destination`, while other processes go on
    /// writing to it.
    ///
    /// The copy is made with SQLite's online backup API from one read transaction, so it is
    /// the database exactly as it stood when the backup began: every write committed before
    /// is in it, none committed after, and writers are not held up (the database is in WAL
    /// mode). It is written to a hidden file next to `destination`, then renamed into place,
    /// so `destination` is never seen half-written, and nothing is left behind on failure.
    ///
    /// ```swift
    /// let report = try store.backup(to: "partners-2024-05-14.sqlite")
    /// print(report.counts.summary)   // 21 entities, 33 relations, 1 source
    /// ```
    ///
    /// - Parameters:
    ///   - destination: The file to write. Its folder must exist.
    ///   - replacing: Whether an existing `destination` may be replaced.
    ///   - progress: Called after each step of the copy (256 pages, 4 MiB in a file PartnerGraph
    ///     created); without it the copy is made in one step.
    /// - Returns: What was written.
    /// - Throws: ``BackupError/destinationExists(path:)`` unless `replacing`,
    ///   ``BackupError/sameFile(path:)`` when `destination` is this database,
    ///   ``BackupError/isAFolder(path:)``, ``BackupError/folderMissing(path:folder:)`` or
    ///   ``BackupError/writeFailed(path:reason:)``.
    @discardableResult
    public func backup(
        to destination: String, replacing: Bool = false, progress: ((BackupProgress) -> Void)? = nil
    ) throws -> BackupReport {
        try DatabaseFiles.checkWritableLocation(destination)
        if path != ":memory:" && DatabaseFiles.sameFile(path, destination) { throw BackupError.sameFile(path: destination) }
        if !replacing && DatabaseFiles.entry(at: destination) != .absent { throw BackupError.destinationExists(path: destination) }

        let temporary = DatabaseFiles.temporaryPath(next: destination)
        defer { DatabaseFiles.remove(temporary) }
        var counts = GraphCounts(entities: 0, relations: 0, sources: 0)
        var version = 0
        do {
            let copy = try DatabaseQueue(path: temporary)
            try copy.writeWithoutTransaction { copyDb in
                try read { db in
                    // The first read opens the transaction's snapshot; every step copies from it.
                    counts = try GraphCounts.read(db)
                    version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    try db.backup(to: copyDb, pagesPerStep: progress == nil ? -1 : Self.backupPagesPerStep) { step in
                        progress?(BackupProgress(
                            pagesCopied: step.totalPageCount - step.remainingPageCount, pageCount: step.totalPageCount))
                    }
                }
            }
            try copy.close()
        } catch let error as DatabaseError {
            throw BackupError.writeFailed(path: destination, reason: error.message ?? "\(error.resultCode)")
        }
        try DatabaseFiles.move(temporary, to: destination, replacing: replacing)
        guard case .file(let bytes) = DatabaseFiles.entry(at: destination) else {
            throw BackupError.writeFailed(path: destination, reason: "the copy vanished as it was moved into place")
        }
        return BackupReport(path: destination, bytes: bytes, schemaVersion: version, counts: counts)
    }
}
