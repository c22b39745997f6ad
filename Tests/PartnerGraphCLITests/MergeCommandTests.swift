import Foundation
import Testing

/// `duplicates`, `merge` and `distinct` as a user runs them, and a merge killed half-way.
struct MergeCommandTests {
    @Test("duplicates proposes, merge merges, distinct stops the proposal")
    func duplicatesMergeDistinct() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        try CommandLine.run(["example", "--db", db])
        try CommandLine.run(["add", "person", "Salim Mohammed Al-Malik", "--db", db])
        try CommandLine.run(["add", "organization", "ISESCO", "--db", db])
        let duplicates = try CommandLine.run(["duplicates", "--db", db])
        #expect(duplicates.stdout.contains("salim-mohammed-al-malik") && duplicates.stdout.contains("initials"), "\(duplicates.stdout)")
        #expect(duplicates.stdout.contains("isesco"))

        try CommandLine.run(["distinct", "ICESCO", "ISESCO", "--db", db])
        #expect(try CommandLine.run(["duplicates", "--db", db]).stdout.contains("isesco") == false)
        let refused = try CommandLine.run(["merge", "ICESCO", "ISESCO", "--db", db])
        #expect(refused.status == 1 && refused.stderr.contains("--force"))

        let merged = try CommandLine.run(["merge", "salim-m-almalik", "Salim Mohammed Al-Malik", "--db", db, "--json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(merged.stdout.utf8)) as? [String: Any]
        #expect(report?["aliases_added"] as? [String] == ["Salim Mohammed Al-Malik"])
        #expect(try CommandLine.run(["show", "salim-mohammed-al-malik", "--db", db]).stdout.contains("salim-m-almalik"))
    }

    @Test("duplicates lists the best pairs and counts the rest; --limit, --all and --json choose how many")
    func duplicatesAreLimited() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        // Sixty organizations called the same: 1,770 pairs scoring 1.0, and one pair one letter apart.
        let nodes = folder.appendingPathComponent("nodes.csv")
        try ("key,type,name,alias_ar\nicesco,organization,ICESCO,\nisesco,organization,ISESCO,\n"
            + (0..<60).map { "forum-\($0),organization,Forum Secretariat,\n" }.joined())
            .write(to: nodes, atomically: true, encoding: .utf8)
        let edges = folder.appendingPathComponent("edges.csv")
        try "source,type,target,start,end\n".write(to: edges, atomically: true, encoding: .utf8)
        let imported = try CommandLine.run(["import", "--nodes", nodes.path, "--edges", edges.path, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")

        let text = try CommandLine.run(["duplicates", "--db", db])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.components(separatedBy: "same name").count - 1 == 50, "the best 50 are listed")
        #expect(text.stdout.contains("… and 1721 more pairs"), "\(text.stdout.suffix(300))")
        #expect(!text.stdout.contains("isesco"), "the pair scoring least is among those left out")

        let limited = try CommandLine.run(["duplicates", "--limit", "3", "--json", "--db", db])
        #expect((try JSONSerialization.jsonObject(with: Data(limited.stdout.utf8)) as? [Any])?.count == 3)
        let every = try CommandLine.run(["duplicates", "--json", "--db", db])
        let pairs = try JSONSerialization.jsonObject(with: Data(every.stdout.utf8)) as? [[String: Any]]
        #expect(pairs?.count == 1771)
        #expect(pairs?.last?["reason"] as? String == #""ICESCO" and "ISESCO" differ by one letter"#)
        let all = try CommandLine.run(["duplicates", "--all", "--db", db])
        #expect(all.stdout.contains("isesco") && !all.stdout.contains("more pairs"))
        #expect(try CommandLine.run(["duplicates", "--all", "--limit", "2", "--db", db]).status == 64)
    }

    @Test("a merge killed half-way (kill -9) leaves the database as it was")
    func killedMerge() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        // Two hubs with 30,000 relations each: a merge long enough to be killed in the middle.
        var nodes = "key,type,name,alias_ar\nhub-a,organization,Hub A,\nhub-b,organization,Hub B,\n"
        var edges = "source,type,target,start,end\n"
        for n in 0..<30_000 {
            nodes += "org-\(n),organization,Organization \(n),\n"
            edges += "hub-a,partner_of,org-\(n),2020,\nhub-b,partner_of,org-\(n),2021,\n"
        }
        let nodesFile = folder.appendingPathComponent("nodes.csv")
        let edgesFile = folder.appendingPathComponent("edges.csv")
        try nodes.write(to: nodesFile, atomically: true, encoding: .utf8)
        try edges.write(to: edgesFile, atomically: true, encoding: .utf8)
        #expect(try CommandLine.run(["import", "--nodes", nodesFile.path, "--edges", edgesFile.path, "--db", db]).status == 0)
        let before = try CommandLine.run(["export", "--format", "csv", "-o", folder.appendingPathComponent("before").path, "--db", db])
        #expect(before.status == 0)

        let process = Process()
        process.executableURL = CommandLine.binary
        process.arguments = ["merge", "hub-a", "hub-b", "--db", db]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        let killed = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(killed, "the merge finished within a second: make it longer so that the kill lands in the middle")
        #expect(process.terminationReason == .uncaughtSignal)

        let after = try CommandLine.run(["export", "--format", "csv", "-o", folder.appendingPathComponent("after").path, "--db", db])
        #expect(after.status == 0, "\(after.stderr)")
        for file in ["nodes.csv", "edges.csv"] {
            let a = try Data(contentsOf: folder.appendingPathComponent("before").appendingPathComponent(file))
            let b = try Data(contentsOf: folder.appendingPathComponent("after").appendingPathComponent(file))
            #expect(a == b, "\(file) changed after a killed merge")
        }
        #expect(try CommandLine.run(["history", "--db", db, "--json"]).stdout.contains("merge") == false)
    }
}
