import ArgumentParser
import Foundation
import PartnerGraph

extension PartnerGraphCommand {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            _superCommandName: toolName,
            abstract: "Copy the database to a file, consistently, even while other processes write to it.",
            discussion: """
                The copy is the database as it stood when the backup began, made with SQLite's online \
                backup API: every change finished before is in it, and writers are not held up. It is \
                written next to FILE and renamed into place, so FILE is never seen half-written. An \
                existing FILE is replaced only with --force. On a terminal, a large database shows its \
                progress on standard error. `partnergraph restore FILE` puts it back. A PostgreSQL \
                database is backed up as an SQLite file, read from one snapshot; `partnergraph copy \
                --from FILE --to postgres://…` loads it into an empty one.
                  partnergraph backup partners-2024-05-14.sqlite
                """)

        @Argument(help: ArgumentHelp("The file to write.", valueName: "file"))
        var file: String

        @Flag(help: "Replace FILE if it exists.")
        var force = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            // On PostgreSQL: the whole graph, read from one snapshot, written as an SQLite file
            // that every command reads and `copy` can load back.
            let store = try database.openForReading(scope: .whole)
            let bar = BackupProgressBar()
            defer { bar.finish() }
            let report = try store.backup(to: file, replacing: force, progress: bar.callback)
            bar.finish()
            print("Backed up \(database.shownLocation) to \(report.path): \(report.counts.summary) (\(byteCount(report.bytes)), schema version \(report.schemaVersion))")
        }
    }
}

/// A one-line progress bar on standard error for a backup of a large database, drawn only on a terminal.
final class BackupProgressBar {
    /// Smaller databases are copied before a bar could be read: 2,048 pages are 32 MiB.
    static let minimumPages = 2048

    private let isActive = isatty(STDERR_FILENO) != 0
    private var lastDrawn = ""

    var callback: ((BackupProgress) -> Void)? {
        isActive ? { [self] in draw($0) } : nil
    }

    private func draw(_ progress: BackupProgress) {
        guard progress.pageCount >= Self.minimumPages else { return }
        let width = 30
        let fraction = min(1, Double(progress.pagesCopied) / Double(progress.pageCount))
        let filled = Int(fraction * Double(width))
        let line = "\rbackup [" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + String(format: "%3.0f%%", fraction * 100)
        if line != lastDrawn {
            FileHandle.standardError.write(Data(line.utf8))
            lastDrawn = line
        }
    }

    func finish() {
        if !lastDrawn.isEmpty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        lastDrawn = ""
    }
}

/// A size for people: `376 KB`, `1.2 GB`.
func byteCount(_ bytes: Int64) -> String {
    let units = ["bytes", "KB", "MB", "GB", "TB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1000 && unit < units.count - 1 {
        value /= 1000
        unit += 1
    }
    return unit == 0 ? "\(bytes) bytes" : String(format: value < 10 ? "%.1f %@" : "%.0f %@", value, units[unit])
}
