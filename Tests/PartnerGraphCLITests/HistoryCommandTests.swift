import Foundation
import Testing

/// `history` and `undo` as a user runs them: who and which command are recorded, an undo is
/// itself a change, and a refused undo names the change to undo first.
struct HistoryCommandTests {
    @Test("history records the user and the command line; undo and undo again redo; a dependent undo is refused")
    func historyAndUndo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        let amina = ["PARTNERGRAPH_USER": "amina"]
        try CommandLine.run(["example", "--db", db], environment: amina)
        try CommandLine.run(["add", "organization", "Arab League", "--db", db], environment: amina)
        try CommandLine.run(["link", "ICESCO", "partner_of", "Arab League", "--db", db], environment: ["PARTNERGRAPH_USER": "omar"])

        let history = try CommandLine.run(["history", "--db", db])
        #expect(history.status == 0)
        let lines = history.stdout.split(separator: "\n")
        #expect(lines.count == 4, "\(history.stdout)")
        #expect(lines[1].contains("omar") && lines[1].contains("partnergraph link ICESCO partner_of 'Arab League' --db"))
        #expect(lines[1].contains("+1 relation"))
        #expect(lines[2].contains("amina") && lines[2].contains("+1 entity"))

        let refused = try CommandLine.run(["undo", "2", "--db", db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("change #3"), "\(refused.stderr)")
        #expect(refused.stderr.contains("undo #3 first"))

        let undo = try CommandLine.run(["undo", "--db", db, "--json"])
        #expect(undo.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(undo.stdout.utf8)) as? [String: Any]
        #expect((report?["undone"] as? [String: Any])?["id"] as? Int == 3)
        #expect(try CommandLine.run(["show", "ICESCO", "--db", db]).stdout.contains("Arab League") == false)

        let redo = try CommandLine.run(["undo", "--db", db])
        #expect(redo.stdout.contains("Undid #4"), "\(redo.stdout)")
        #expect(try CommandLine.run(["show", "ICESCO", "--db", db]).stdout.contains("Arab League"))

        let forEntity = try CommandLine.run(["history", "Arab League", "--db", db, "--json"])
        let changes = try JSONSerialization.jsonObject(with: Data(forEntity.stdout.utf8)) as? [[String: Any]]
        #expect(changes?.compactMap { $0["id"] as? Int } == [5, 4, 3, 2])
    }

    @Test("undo with nothing to undo says so and exits 1")
    func nothingToUndo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        try CommandLine.run(["init", "--db", db])
        let result = try CommandLine.run(["undo", "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nothing to undo"))
    }
}
