import Foundation
import Testing

/// `show`, `timeline` and `stats` on a hub, from the command line: what a person reads is cut
/// to a useful length and says what it left out; what a script reads is complete.
@Suite(.serialized)
struct HubOutputCommandTests {
    /// A database with a hub of 45 employees (each starting in a different year from 1980)
    /// and 25 partners, loaded through the bulk import.
    static func hubDatabase(in folder: URL) throws -> String {
        var nodes = ["key,type,name,alias_ar", "hub,organization,Hub,"]
        var edges = ["source,type,target,start,end"]
        for i in 0..<45 {
            nodes.append("person-\(i),person,Person \(String(format: "%02d", i)),")
            edges.append("person-\(i),works_for,hub,\(1980 + i),")
        }
        for i in 0..<25 {
            nodes.append("partner-\(i),organization,Partner \(String(format: "%02d", i)),")
            edges.append(i % 2 == 0 ? "partner-\(i),partner_of,hub,," : "hub,partner_of,partner-\(i),,")
        }
        let nodesFile = folder.appendingPathComponent("nodes.csv"), edgesFile = folder.appendingPathComponent("edges.csv")
        try (nodes.joined(separator: "\n") + "\n").write(to: nodesFile, atomically: true, encoding: .utf8)
        try (edges.joined(separator: "\n") + "\n").write(to: edgesFile, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("hub.sqlite").path
        let load = try CommandLine.run(["import", "--nodes", nodesFile.path, "--edges", edgesFile.path, "--db", db])
        #expect(load.status == 0, "import failed: \(load.stderr)")
        return db
    }

    static func json(_ result: CommandLine.Result) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "not a JSON object: \(result.stdout)")
    }

    @Test("show prints each group's count and its first 20; --all and --limit show more or fewer")
    func show() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.hubDatabase(in: folder)
        let text = try CommandLine.run(["show", "hub", "--db", db])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("Relations (70)"))
        #expect(lines.contains("  employs (45):"))
        #expect(lines.contains("  partner of (25):"))
        #expect(lines.filter { $0.hasPrefix("    Person ") }.count == 20)
        #expect(lines.contains("    Person 00 (person-0) — since 1980"))
        #expect(lines.contains("    Person 19 (person-19) — since 1999"))
        #expect(!text.stdout.contains("Person 20"))
        #expect(lines.contains("    … and 25 more") && lines.contains("    … and 5 more"))
        #expect(lines.last == "Only the first 20 of each group are shown: --limit N shows the first N, --all every relation.")

        let all = try CommandLine.run(["show", "hub", "--all", "--db", db])
        #expect(all.stdout.split(separator: "\n").filter { $0.hasPrefix("    Person ") }.count == 45)
        #expect(all.stdout.contains("  employs:\n") && !all.stdout.contains("more"))
        let few = try CommandLine.run(["show", "hub", "--limit", "2", "--db", db])
        #expect(few.stdout.contains("  employs (45):\n    Person 00 (person-0) — since 1980\n    Person 01 (person-1) — since 1981\n    … and 43 more\n"))
        let counts = try CommandLine.run(["show", "hub", "--limit", "0", "--db", db])
        #expect(counts.stdout.contains("  partner of (25):\n  employs (45):\n"))

        let json = try Self.json(CommandLine.run(["show", "hub", "--json", "--db", db]))
        #expect((json["relations"] as? [Any])?.count == 70, "--json carries every relation unless --limit is given")
        #expect(json["relation_count"] as? Int == 70 && json["relation_limit"] == nil)
        let groups = try #require(json["relation_groups"] as? [[String: Any]])
        #expect(groups.map { "\($0["phrase"]!) \($0["count"]!) \($0["shown"]!) \($0["direction"]!)" } == [
            "partner of 25 25 both", "employs 45 45 incoming",
        ])
        let limited = try Self.json(CommandLine.run(["show", "hub", "--json", "--limit", "3", "--db", db]))
        #expect((limited["relations"] as? [Any])?.count == 6 && limited["relation_limit"] as? Int == 3)

        let both = try CommandLine.run(["show", "hub", "--all", "--limit", "3", "--db", db])
        #expect(both.status == 64 && both.stderr.contains("--all and --limit cannot be used together"))
        let negative = try CommandLine.run(["show", "hub", "--limit=-1", "--db", db])
        #expect(negative.status == 64 && negative.stderr.contains("--limit must be 0"))
    }

    @Test("timeline shows the latest 20 in date order and says how many came before; --json is complete")
    func timeline() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.hubDatabase(in: folder)
        let text = try CommandLine.run(["timeline", "hub", "--db", db])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 21)
        #expect(lines.first == "… 25 earlier (45 in all): --all shows every one, --to DATE looks further back")
        #expect(lines[1] == "2005  Person 25 works for Hub — starts")
        #expect(lines.last == "2024  Person 44 works for Hub — starts")
        let earliest = try CommandLine.run(["timeline", "hub", "--earliest", "--limit", "3", "--db", db])
        #expect(earliest.stdout == """
            1980  Person 00 works for Hub — starts
            1981  Person 01 works for Hub — starts
            1982  Person 02 works for Hub — starts
            … and 42 later (45 in all): --all shows every one, --from DATE starts later

            """)
        let all = try CommandLine.run(["timeline", "hub", "--all", "--db", db])
        #expect(all.stdout.split(separator: "\n").count == 45 && !all.stdout.contains("…"))

        let json = try Self.json(CommandLine.run(["timeline", "hub", "--json", "--db", db]))
        #expect((json["entries"] as? [Any])?.count == 45 && json["total"] as? Int == 45 && json["truncated"] as? Bool == false)
        let limited = try Self.json(CommandLine.run(["timeline", "hub", "--json", "--limit", "4", "--db", db]))
        #expect((limited["entries"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2021", "2022", "2023", "2024"])
        #expect(limited["truncated"] as? Bool == true && limited["kept"] as? String == "latest" && limited["total"] as? Int == 45)
        let both = try CommandLine.run(["timeline", "hub", "--all", "--limit", "3", "--db", db])
        #expect(both.status == 64)
    }

    @Test("stats makes the pass over every relation on a small graph, and on request; --no-full leaves it out and says so")
    func stats() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.hubDatabase(in: folder)
        let text = try CommandLine.run(["stats", "--db", db])
        #expect(text.stdout.contains("Most connected\n  70  Hub (hub)\n"))
        #expect(text.stdout.contains("Connected components: 1 (the largest has 71 entities)"))
        let quick = try CommandLine.run(["stats", "--no-full", "--db", db])
        #expect(quick.stdout.hasPrefix("71 entities, 70 relations, 0 sources\n"))
        #expect(!quick.stdout.contains("Most connected"))
        #expect(quick.stdout.contains("need a pass over all 70 relations: `partnergraph stats --full` makes it."))
        let json = try Self.json(CommandLine.run(["stats", "--no-full", "--json", "--db", db]))
        #expect(json["full"] as? Bool == false && json["relations"] as? Int == 70 && json["components"] == nil)
        let full = try Self.json(CommandLine.run(["stats", "--full", "--json", "--top", "2", "--db", db]))
        #expect(full["full"] as? Bool == true && full["components"] as? Int == 1 && (full["most_connected"] as? [Any])?.count == 2)
    }
}
