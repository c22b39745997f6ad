import Foundation
import Testing

/// Runs of the built binary: output, exit status, and what the database holds afterwards.
@Suite(.serialized)
struct EndToEndTests {
    @Test("The tour of the issue works from the command line, with Arabic names")
    func tour() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("tour.sqlite").path
        @discardableResult func pg(_ arguments: String...) throws -> CommandLine.Result {
            let result = try CommandLine.run(arguments + ["--db", db])
            #expect(result.status == 0, "partnergraph \(arguments) failed: \(result.stderr)")
            return result
        }
        try pg("add", "org", "ICESCO", "--alias", "الإيسيسكو@ar", "--kind", "igo")
        try pg("add", "person", "Salim M. AlMalik", "--alias", "سالم بن محمد المالك@ar")
        try pg("source", "add", "icesco-2024-03-26", "--title", "Press release", "--publisher", "ICESCO", "--published", "2024-03-26", "--language", "ar")
        try pg("link", "Salim M. AlMalik", "heads", "ICESCO", "--role", "Director-General", "--source", "icesco-2024-03-26")
        let show = try pg("show", "ICESCO")
        #expect(show.stdout.contains("ICESCO  (icesco · organization · igo)"))
        #expect(show.stdout.contains("also: الإيسيسكو  [ar]"))
        #expect(show.stdout.contains("headed by:"))
        #expect(show.stdout.contains("Salim M. AlMalik (salim-m-almalik) — Director-General · [icesco-2024-03-26]"))
        #expect(!show.stdout.contains("\u{1B}["), "no colour when not on a terminal")
        let arabic = try pg("show", "الإيسيسكو")
        #expect(arabic.stdout == show.stdout)
        let list = try pg("list", "--type", "person", "--json")
        let people = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(people?.map { $0["key"] as? String } == ["salim-m-almalik"])
        #expect(people?.first?["relation_count"] as? Int == 1)
    }

    @Test("The database comes from --db, else $PARTNERGRAPH_DB, else ./partnergraph.sqlite")
    func databaseLocation() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CommandLine.run(["add", "org", "Here"], directory: folder)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("partnergraph.sqlite").path))
        let env = folder.appendingPathComponent("env.sqlite").path
        try CommandLine.run(["add", "org", "There"], environment: ["PARTNERGRAPH_DB": env], directory: folder)
        let listed = try CommandLine.run(["list", "--json"], environment: ["PARTNERGRAPH_DB": env])
        #expect(listed.stdout.contains("\"there\""))
        #expect(!listed.stdout.contains("\"here\""))
    }

    @Test("Bad input exits non-zero with a message naming the problem and the fix, and changes nothing", arguments: [
        (["show", "ICESCOO"], "did you mean \"ICESCO\" (icesco)"),
        (["link", "ICESCO", "befriends", "cop29"], "unknown relation type \"befriends\""),
        (["link", "ICESCO", "heads", "Salim M. AlMalik"], "cannot go from an organization to a person"),
        (["add", "org", "ICESCO"], "the key \"icesco\" is taken"),
        (["add", "event", "Forum", "--date", "2024-02-30"], "2024-02 has days 01 to 29"),
        (["add", "event", "Forum", "--start", "2024", "--end", "2023"], "the end date 2023 is before the start date 2024"),
        (["link", "Sahiba Gafarova", "heads", "NAM PN", "--role", "President"], "that relation already exists"),
        (["remove", "ICESCO"], "pass --cascade"),
        (["show", "Azerbaijan place"], "no entity matches"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("x.sqlite").path
        try CommandLine.run(["example", "--db", db])
        let before = try CommandLine.run(["export", "--db", db]).stdout
        let result = try CommandLine.run(arguments + ["--db", db])
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
        #expect(try CommandLine.run(["export", "--db", db]).stdout == before, "the database must be unchanged")
    }

    @Test("An ambiguous name lists each candidate with its key and type")
    func ambiguous() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("a.sqlite").path
        try CommandLine.run(["add", "org", "Azerbaijan", "--key", "az-state", "--db", db])
        try CommandLine.run(["add", "place", "Azerbaijan", "--key", "az-place", "--db", db])
        let result = try CommandLine.run(["show", "azerbaijan", "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\"azerbaijan\" matches 2 entities"))
        #expect(result.stderr.contains("az-place  place  Azerbaijan"))
        #expect(result.stderr.contains("az-state  organization  Azerbaijan"))
    }

    @Test("A file that is not a database, or a database from a newer schema, is refused and left alone")
    func refusesForeignFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("notes.txt")
        try String(repeating: "not a database\n", count: 300).write(to: text, atomically: true, encoding: .utf8)
        let result = try CommandLine.run(["add", "org", "X", "--db", text.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a PartnerGraph database (not an SQLite file)"))
        #expect(try String(contentsOf: text, encoding: .utf8) == String(repeating: "not a database\n", count: 300))

        let newer = folder.appendingPathComponent("newer.sqlite").path
        try CommandLine.run(["init", "--db", newer])
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [newer, "PRAGMA user_version = 99"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let refused = try CommandLine.run(["show", "x", "--db", newer])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("was written by a newer PartnerGraph (schema version 99"))
    }

    @Test("Writing to a read-only database fails with a clear message and changes nothing")
    func readOnlyDatabase() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("ro.sqlite")
        try CommandLine.run(["example", "--db", db.path])
        // Root may write any file, so the refusal is checked as an unprivileged user, with a copy of the binary it can run.
        let isRoot = getuid() == 0
        let binary = folder.appendingPathComponent("partnergraph")
        try FileManager.default.copyItem(at: CommandLine.binary, to: binary)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db.path)
        let user = isRoot ? "nobody" : nil
        let result = try CommandLine.run(["add", "org", "New", "--db", db.path], binary: binary, user: user)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is read-only; nothing was changed"), "stderr was: \(result.stderr)")
        let read = try CommandLine.run(["show", "ICESCO", "--db", db.path], binary: binary, user: user)
        #expect(read.status == 0, "reading a read-only database works: \(read.stderr)")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db.path)
        #expect(try !CommandLine.run(["list", "--db", db.path]).stdout.contains("new"))
    }

    @Test("Eight processes writing at once lose nothing: 8 × 50 links are all there")
    func concurrentWriters() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("busy.sqlite").path
        // Fifty people and eight organizations; process i makes every person a member of organization i.
        var document: [String: Any] = ["format": "partnergraph", "version": 1]
        document["entities"] =
            (0..<50).map { ["key": "p\($0)", "type": "person", "name": "Person \($0)"] }
            + (0..<8).map { ["key": "o\($0)", "type": "organization", "name": "Organization \($0)"] }
        let file = folder.appendingPathComponent("setup.json")
        try JSONSerialization.data(withJSONObject: document).write(to: file)
        try CommandLine.run(["import", file.path, "--db", db])

        try await withThrowingTaskGroup(of: Int.self) { group in
            for organization in 0..<8 {
                group.addTask {
                    var failures = 0
                    for person in 0..<50 {
                        let result = try CommandLine.run(["link", "p\(person)", "member_of", "o\(organization)", "--db", db])
                        if result.status != 0 { failures += 1 }
                    }
                    return failures
                }
            }
            var failures = 0
            for try await count in group { failures += count }
            #expect(failures == 0)
        }
        let export = try CommandLine.run(["export", "--db", db])
        let parsed = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any]
        #expect((parsed?["relations"] as? [Any])?.count == 400)
    }

    @Test("The binary runs on its own, copied to another folder: schema and example are inside it")
    func standaloneBinary() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("partnergraph")
        try FileManager.default.copyItem(at: CommandLine.binary, to: copy)
        let elsewhere = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let loaded = try CommandLine.run(["example"], binary: copy, directory: elsewhere)
        #expect(loaded.status == 0, "\(loaded.stderr)")
        let shown = try CommandLine.run(["show", "صاحبة غفاروفا"], binary: copy, directory: elsewhere)
        #expect(shown.stdout.contains("Sahiba Gafarova  (sahiba-gafarova · person)"))
        #expect(shown.stdout.contains("National Assembly of the Republic of Azerbaijan (milli-majlis) — Speaker"))
    }

    @Test("Export to a file, import into a new database, export again: the same bytes")
    func exportImportRoundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first.sqlite").path
        let second = folder.appendingPathComponent("second.sqlite").path
        let file = folder.appendingPathComponent("graph.json").path
        try CommandLine.run(["example", "--db", first])
        #expect(try CommandLine.run(["export", "-o", file, "--db", first]).status == 0)
        let imported = try CommandLine.run(["import", file, "--db", second])
        #expect(imported.stdout.contains("entities 21 added"))
        let again = try CommandLine.run(["export", "--db", second]).stdout
        #expect(Data(again.utf8) == FileManager.default.contents(atPath: file))
    }

    @Test("An import file that is not JSON is refused and writes nothing")
    func importGarbage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        let file = folder.appendingPathComponent("garbage.json")
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: file)
        let result = try CommandLine.run(["import", file.path, "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not UTF-8 text"))
        #expect(try CommandLine.run(["list", "--json", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" ||
                CommandLine.run(["list", "--json", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }
}

/// The connection and picture commands, run as a user would.
@Suite(.serialized)
struct ConnectionCommandTests {
    @Test("path exits 1 and names the limit when there is no connection")
    func noPath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("x.sqlite").path
        try CommandLine.run(["example", "--db", db])
        let found = try CommandLine.run(["path", "Salim M. AlMalik", "Sahiba Gafarova", "--db", db])
        #expect(found.status == 0)
        #expect(found.stdout.hasPrefix("2 relations:"))
        let none = try CommandLine.run(["path", "ICESCO", "UNFCCC", "--relation", "heads", "--db", db])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no path from \"ICESCO\" (icesco) to \"UNFCCC\" (unfccc)"))
        #expect(none.stderr.contains("--relation heads"))
        let json = try CommandLine.run(["path", "Salim M. AlMalik", "Sahiba Gafarova", "--json", "--db", db])
        let paths = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(paths?.first?["length"] as? Int == 2)
    }

    @Test("CSV import loads the benchmark format, and a file with errors writes nothing and names file and line")
    func csvImport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("csv.sqlite").path
        let nodes = folder.appendingPathComponent("nodes.csv")
        let edges = folder.appendingPathComponent("edges.csv")
        try "key,type,name,alias_ar\norg-1,organization,Gulf Energy Council,مجلس الطاقة\nper-1,person,Anna Bakr,\nplc-1,place,Baku,باكو\n"
            .write(to: nodes, atomically: true, encoding: .utf8)
        try "source,type,target,start,end\nper-1,works_for,org-1,2001-02-03,\norg-1,located_in,plc-1,,\n"
            .write(to: edges, atomically: true, encoding: .utf8)
        let loaded = try CommandLine.run(["import", "--nodes", nodes.path, "--edges", edges.path, "--db", db])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(!loaded.stderr.contains("\r"), "no progress bar when not on a terminal")
        #expect(try CommandLine.run(["show", "مجلس الطاقة", "--db", db]).stdout.contains("Anna Bakr (per-1)"))

        let bad = folder.appendingPathComponent("bad-edges.csv")
        try "source,type,target,start,end\nper-1,works_for,org-2,,\nper-1,befriends,org-1,,\nper-1,works_for,org-1,2024-02-30,\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let fresh = folder.appendingPathComponent("fresh.sqlite").path
        let refused = try CommandLine.run(["import", "--nodes", nodes.path, "--edges", bad.path, "--db", fresh])
        #expect(refused.status == 1)
        for line in [2, 3, 4] {
            #expect(refused.stderr.contains("bad-edges.csv:\(line)"), "stderr was: \(refused.stderr)")
        }
        #expect(try CommandLine.run(["list", "--json", "--db", fresh]).stdout.filter { !$0.isWhitespace } == "[]")
    }

    @Test("Graphviz is loaded only to draw: without it, render says what to install and every other command works")
    func graphvizIsLoadedOnlyToDraw() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        try CommandLine.run(["example", "--db", db])
        // The program does not ask the dynamic loader for Graphviz when it starts.
        let elf = Process()
        elf.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        elf.arguments = ["readelf", "--dynamic", CommandLine.binary.path]
        let pipe = Pipe()
        elf.standardOutput = pipe
        try elf.run()
        let dynamic = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        elf.waitUntilExit()
        #expect(dynamic.contains("libsqlite3"), "readelf listed the needed libraries")
        #expect(!dynamic.contains("libgvc") && !dynamic.contains("libcgraph"))
        let missing = ["PARTNERGRAPH_GRAPHVIZ_LIBRARY": folder.appendingPathComponent("no-such-libgvc.so.6").path]
        let refused = try CommandLine.run(["render", "-o", folder.appendingPathComponent("g.svg").path, "--db", db], environment: missing)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("no-such-libgvc.so.6"))
        #expect(refused.stderr.contains("apt-get install graphviz"))
        #expect(refused.stderr.contains("--format dot"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("g.svg").path))
        let dot = try CommandLine.run(
            ["render", "--format", "dot", "-o", folder.appendingPathComponent("g.dot").path, "--db", db], environment: missing)
        #expect(dot.status == 0)
        let path = try CommandLine.run(["path", "Salim M. AlMalik", "Sahiba Gafarova", "--db", db], environment: missing)
        #expect(path.status == 0)
        #expect(path.stdout.contains("Sahiba Gafarova"))
    }

    @Test("render writes an SVG with the entities' names, and refuses an unknown format")
    func render() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("r.sqlite").path
        let svg = folder.appendingPathComponent("icesco.svg")
        try CommandLine.run(["example", "--db", db])
        let drawn = try CommandLine.run(["render", "--around", "الإيسيسكو", "--depth", "1", "-o", svg.path, "--db", db])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.contains("<svg"))
        #expect(text.contains("Salim M. AlMalik"))
        #expect(text.contains("الدكتور سالم بن محمد المالك"))
        let refused = try CommandLine.run(["render", "-o", folder.appendingPathComponent("x.bmp").path, "--db", db])
        #expect(refused.status != 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.bmp").path))
    }
}
