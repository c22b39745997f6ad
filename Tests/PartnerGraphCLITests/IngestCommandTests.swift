import Foundation
import Testing

/// `partnergraph ingest` and `partnergraph review`, run as a user runs them.
@Suite(.serialized)
struct IngestCommandTests {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/icesco-2024-03-26.ar.txt")

    @Test("ingest then review then render --source: the flow of the README")
    func flow() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        @discardableResult func pg(_ arguments: String...) throws -> CommandLine.Result {
            let result = try CommandLine.run(arguments + ["--db", db])
            #expect(result.status == 0, "partnergraph \(arguments) failed: \(result.stderr)")
            return result
        }
        try pg("init")
        let ingest = try pg("ingest", Self.seed.path, "--publisher", "ICESCO")
        #expect(ingest.stdout.hasPrefix("Registered icesco-2024-03-26: التأكيد على تعزيز الشراكة"))
        #expect(ingest.stdout.contains("(ar, detected · published 2024-03-26 · ICESCO)"))
        #expect(ingest.stdout.contains("2024-03-25 «يوم الإثنين (25 مارس 2024)»"))
        #expect(ingest.stdout.contains("person  سالم بن محمد المالك"))
        #expect(ingest.stdout.contains("—heads→"))
        #expect(ingest.stdout.contains("drafts wait for review: `partnergraph review icesco-2024-03-26`"))
        #expect(!ingest.stdout.contains("\u{1B}["), "no colour when not on a terminal")

        let review = try pg("review", "icesco-2024-03-26")
        #expect(review.stdout.contains("[icesco-2024-03-26]"))
        #expect(review.stdout.contains("new person أنار كريموف"))
        let listed = try JSONSerialization.jsonObject(with: Data(try pg("review", "--json").stdout.utf8)) as! [[String: Any]]
        let heads = try #require(listed.first { ($0["relation"] as? [String: Any])?["type"] as? String == "heads" })
        let id = try #require(heads["id"] as? Int)
        let accepted = try pg("review", "accept", String(id))
        #expect(accepted.stdout.contains("Accepted #\(id)"))
        #expect(accepted.stdout.contains("linked as #1"))
        // The person and the organization it needed were accepted with it.
        #expect(accepted.stdout.components(separatedBy: "Accepted #").count - 1 == 3)
        let all = try pg("review", "accept", "--all", "--min-confidence", "0.7")
        #expect(all.stdout.contains("Accepted #"))
        let source = try pg("source", "show", "icesco-2024-03-26")
        #expect(source.stdout.contains("Cited by"))
        let drawn = try pg("render", "--source", "icesco-2024-03-26", "--format", "dot", "-o", "-")
        #expect(drawn.stdout.contains("سالم بن محمد المالك"))
        #expect(drawn.stdout.contains("heads"))

        // The same article again: said so, nothing doubled.
        let again = try pg("ingest", Self.seed.path)
        #expect(again.stdout.hasPrefix("Already registered as icesco-2024-03-26"))
        let json = try JSONSerialization.jsonObject(with: Data(try pg("ingest", Self.seed.path, "--json").stdout.utf8)) as! [String: Any]
        #expect(json["reused"] as? Bool == true)
        #expect((json["mentions"] as? [[String: Any]])?.isEmpty == false, "the accepted entities are now known")
        #expect((json["source"] as? [String: Any])?["key"] as? String == "icesco-2024-03-26")
    }

    @Test("An article from standard input, in English, against the example")
    func standardInput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        try CommandLine.run(["example", "--db", db])
        let article = folder.appendingPathComponent("in.txt")
        try "ICESCO and the Milli Majlis meet in Baku\n3 June 2024\nDr. Al-Malik met Ms. Gafarova on Monday in Baku.\n"
            .write(to: article, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" ingest - --json --db \"$1\" < \"$2\"", CommandLine.binary.path, db, article.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["language"] as? String == "en")
        let keys = (json["mentions"] as? [[String: Any]])?.compactMap { ($0["entity"] as? [String: Any])?["key"] as? String }
        #expect(keys == ["icesco", "milli-majlis", "baku", "salim-m-almalik", "sahiba-gafarova", "baku"])
        let dates = (json["dates"] as? [[String: Any]])?.map { $0["date"] as? String }
        #expect(dates == ["2024-06-03", "2024-06-03"])
    }

    @Test("Bad input exits non-zero with a message naming the problem and the fix, and writes nothing", arguments: [
        ("empty.txt", Data(), "is empty"),
        ("binary.pdf", Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x00, 0x00, 0x01]), "is not text"),
        ("latin1.txt", Data([0x4C, 0x27, 0x49, 0x43, 0x45, 0x53, 0x43, 0x4F, 0x20, 0xE9, 0x74, 0xE9]), "is not valid UTF-8"),
        ("es.txt", Data("El director general de la organización se reunió con los ministros y las delegaciones de los países.".utf8), "looks like Spanish"),
    ])
    func badInput(name: String, data: Data, message: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        try CommandLine.run(["example", "--db", db])
        let file = folder.appendingPathComponent(name)
        try data.write(to: file)
        let result = try CommandLine.run(["ingest", file.path, "--db", db])
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        let sources = try CommandLine.run(["source", "list", "--json", "--db", db])
        #expect((try JSONSerialization.jsonObject(with: Data(sources.stdout.utf8)) as? [Any])?.count == 1)
    }

    @Test("A 50 MB file is refused before it is read")
    func largeFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.txt")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        let result = try CommandLine.run(["ingest", file.path, "--db", folder.appendingPathComponent("g.sqlite").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("is 52,428,800 bytes; an article is at most 5,000,000 bytes"))
    }

    @Test("review refuses what it cannot do, with the fix", arguments: [
        (["review", "accept"], "give the ids of the drafts to accept, or --all"),
        (["review", "accept", "7", "--all"], "not both"),
        (["review", "accept", "99"], "no draft #99"),
        (["review", "--status", "maybe"], "--status must be open, accepted, rejected or all"),
        (["review", "edit", "99", "--role", "x"], "no draft #99"),
    ])
    func reviewErrors(arguments: [String], message: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        try CommandLine.run(["example", "--db", db])
        let result = try CommandLine.run(arguments + ["--db", db])
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
