import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            _superCommandName: toolName,
            abstract: "Replace the database with a backup, once the backup is known to be a sound PartnerGraph database.",
            discussion: """
                FILE must be an SQLite database with PartnerGraph's schema, written by this version of \
                PartnerGraph or an older one, that passes SQLite's integrity check; any other file is \
                refused with the reason, and nothing is changed. A backup from an older PartnerGraph is \
                brought up to date. The database is replaced in one transaction: processes that have \
                it open see the old data or the new, never a mix, and a failure leaves the old data.
                When the database holds data (entities, relations or sources), restore needs --force, \
                since it replaces all of it; a missing or empty database is simply filled.
                  partnergraph backup before-restore.sqlite
                  partnergraph restore partners-2024-05-14.sqlite --force
                """)

        @Argument(help: ArgumentHelp("The backup to restore, made by `partnergraph backup`.", valueName: "file"))
        var file: String

        @Flag(help: "Replace a database that holds data: everything in it is replaced by the backup.")
        var force = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.refusePostgres()
            let report = try PartnerGraphStore.restore(from: file, to: database.resolvedPath, replacingData: force)
            var line = "Restored \(report.path) from \(report.backup): \(report.counts.summary)"
            if let replaced = report.replaced { line += "; it held \(replaced.summary) before" }
            if let version = report.upgradedFrom {
                line += " (brought up from schema version \(version) to \(PartnerGraphStore.schemaVersion))"
            }
            print(line)
            if report.problems > 0 {
                print("Note: what was restored has \(report.problems) problem\(report.problems == 1 ? "" : "s"); `partnergraph check` lists them")
            }
        }
    }
}
