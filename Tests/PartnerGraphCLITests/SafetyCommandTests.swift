import ArgumentParser
import Foundation
import PartnerGraph
import Testing
@testable import PartnerGraphCLI

/// `backup`, `restore` and `check` from the command line: flags in process, then runs of the binary.
@Suite(.serialized)
struct SafetyCommandTests {
    @Test("backup and restore need a file", arguments: [["backup"], ["restore"]])
    func fileRequired(arguments: [String]) {
        do {
            _ = try PartnerGraphCommand.parseAsRoot(arguments)
            Issue.record("expected \(arguments) to be refused")
        } catch {
            #expect(PartnerGraphCommand.exitCode(for: error) == .validationFailure)
            #expect(PartnerGraphCommand.fullMessage(for: error).contains("Missing expected argument '<file>'"))
        }
    }

    @Test("restore's help says that a database with data is replaced only with --force")
    func restoreHelp() {
        let help = PartnerGraphCommand.Restore.helpMessage(columns: 200)
        #expect(help.contains("When the database holds data (entities, relations or sources), restore needs --force"))
        #expect(help.contains("--force"))
        #expect(help.contains("Replace a database that holds data"))
    }

    @Test("backup writes a copy, refuses to overwrite it without --force, and restore puts it back")
    func backupAndRestore() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("partners.sqlite").path
        let copy = folder.appendingPathComponent("backup.sqlite").path
        try CommandLine.run(["example", "--db", db])
        let exported = try CommandLine.run(["export", "--db", db]).stdout

        let backup = try CommandLine.run(["backup", copy, "--db", db])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.hasPrefix("Backed up \(db) to \(copy): 21 entities, 33 relations, 1 source ("))
        #expect(backup.stderr.isEmpty, "no progress bar when standard error is not a terminal")
        let again = try CommandLine.run(["backup", copy, "--db", db])
        #expect(again.status == 1)
        #expect(again.stderr.contains("\(copy) already exists; name another file, or pass --force to replace it"))
        #expect(try CommandLine.run(["backup", copy, "--force", "--db", db]).status == 0)

        try CommandLine.run(["add", "org", "ALECSO", "--db", db])
        let refused = try CommandLine.run(["restore", copy, "--db", db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("holds 22 entities, 33 relations, 1 source, which restore would replace; nothing was changed. Pass --force"))
        #expect(try CommandLine.run(["show", "ALECSO", "--db", db]).status == 0, "the refusal changed nothing")

        let restored = try CommandLine.run(["restore", copy, "--force", "--db", db])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout == "Restored \(db) from \(copy): 21 entities, 33 relations, 1 source; it held 22 entities, 33 relations, 1 source before\n")
        #expect(try CommandLine.run(["export", "--db", db]).stdout == exported)
        #expect(try CommandLine.run(["check", "--db", db]).status == 0)
    }

    @Test("restore refuses a file that is not a PartnerGraph database, exits 1, and leaves the database as it was")
    func restoreRefusesForeignFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("partners.sqlite").path
        try CommandLine.run(["example", "--db", db])
        let before = try CommandLine.run(["export", "--db", db]).stdout
        let notes = folder.appendingPathComponent("notes.txt")
        try "not a backup\n".write(to: notes, atomically: true, encoding: .utf8)
        let result = try CommandLine.run(["restore", notes.path, "--force", "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: \(notes.path) is not a PartnerGraph database: it is not an SQLite file (it looks like text); nothing was changed. Name a file made by `partnergraph backup`\n")
        #expect(try CommandLine.run(["export", "--db", db]).stdout == before)
    }

    @Test("check exits 0 on the example and 1 on a broken database, with the problems grouped and the keys named")
    func checkExitCodes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("partners.sqlite").path
        try CommandLine.run(["example", "--db", db])
        let clean = try CommandLine.run(["check", "--db", db])
        #expect(clean.status == 0)
        #expect(clean.stdout.hasPrefix("\(db): no problems (21 entities, 33 relations, 1 source)"))

        // A vocabulary narrowed by hand under existing relations, and an alias the API lets through.
        try sqlite(db, "UPDATE relation_type SET source_types = 'organization' WHERE name = 'heads'")
        try CommandLine.run(["update", "milli-majlis", "--add-alias", "Republic of Azerbaijan", "--db", db])
        let broken = try CommandLine.run(["check", "--db", db])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("\(db): 5 problems (21 entities, 33 relations, 1 source)"))
        #expect(broken.stdout.contains("""
            Relations that break their type's rules (4)
              #3 anar-karimov —heads→ icesco-partnerships-sector: heads goes from an organization to an organization or an event, and this goes from a person to an organization
            """))
        #expect(broken.stdout.contains("""
            Aliases that are another entity's name (1)
              milli-majlis has the alias "Republic of Azerbaijan", the name of the organization azerbaijan ("Republic of Azerbaijan")
              fix: remove the alias (`partnergraph update KEY --remove-alias NAME`), or merge the two entities if they are one
            """))

        let json = try CommandLine.run(["check", "--json", "--db", db])
        #expect(json.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(report?["clean"] as? Bool == false)
        #expect(report?["totals"] as? [String: Int] == ["relation_type_rule": 4, "alias_clash": 1])
        let problems = report?["problems"] as? [[String: Any]] ?? []
        #expect(problems.first?["entities"] as? [String] == ["anar-karimov", "icesco-partnerships-sector"])

        let missing = try CommandLine.run(["check", "--db", folder.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such file"))
    }

    @Test("A backup taken while 8 processes write holds every write finished before it began, and passes check")
    func backupDuringWriterProcesses() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("busy.sqlite").path
        try CommandLine.run(["example", "--db", db])
        let stop = folder.appendingPathComponent("stop").path
        // Each writer adds entities in a loop and logs each key with the time (ns) at which `add` had returned.
        let script = """
            i=0
            while [ ! -e "$STOP" ]; do
              i=$((i+1))
              "$PG" add org "Writer $W number $i" --key "w$W-$i" --db "$DB" > /dev/null || exit 1
              echo "w$W-$i $(date +%s%N)" >> "$LOG"
            done
            """
        var writers: [Process] = []
        for writer in 0..<8 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
            var environment = ProcessInfo.processInfo.environment
            environment.removeValue(forKey: "PARTNERGRAPH_DB")
            environment["PG"] = CommandLine.binary.path
            environment["DB"] = db
            environment["W"] = "\(writer)"
            environment["STOP"] = stop
            environment["LOG"] = folder.appendingPathComponent("log-\(writer)").path
            process.environment = environment
            try process.run()
            writers.append(process)
        }
        defer { for writer in writers where writer.isRunning { writer.terminate() } }
        func logged() -> [(key: String, time: Int64)] {
            (0..<8).flatMap { writer -> [(key: String, time: Int64)] in
                let text = (try? String(contentsOfFile: folder.appendingPathComponent("log-\(writer)").path, encoding: .utf8)) ?? ""
                return text.split(separator: "\n").compactMap { line in
                    let fields = line.split(separator: " ")
                    guard fields.count == 2, let time = Int64(fields[1]) else { return nil }
                    return (String(fields[0]), time)
                }
            }
        }
        let deadline = Date().addingTimeInterval(60)
        while logged().count < 24 && Date() < deadline && writers.allSatisfy(\.isRunning) { Thread.sleep(forTimeInterval: 0.05) }

        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let began = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        let copy = folder.appendingPathComponent("during.sqlite").path
        let backup = try CommandLine.run(["backup", copy, "--db", db])
        Thread.sleep(forTimeInterval: 0.3)
        FileManager.default.createFile(atPath: stop, contents: nil)
        for writer in writers { writer.waitUntilExit() }
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(writers.allSatisfy { $0.terminationStatus == 0 }, "every writer's writes succeeded")

        let finished = logged()
        let before = finished.filter { $0.time < began }.map(\.key)
        #expect(before.count >= 24)
        #expect(finished.count > before.count, "the writers went on writing after the backup began")
        let keys = Set(try PartnerGraphStore(path: copy, mode: .readOnly).entities().map(\.key))
        let lost = before.filter { !keys.contains($0) }
        #expect(lost.isEmpty, "writes finished before the backup began are missing from it: \(lost.prefix(5))")
        let check = try CommandLine.run(["check", "--db", copy])
        #expect(check.status == 0, "\(check.stdout)")
    }

    /// Runs SQL with the sqlite3 shell, as a person repairing (or breaking) a database would.
    private func sqlite(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
