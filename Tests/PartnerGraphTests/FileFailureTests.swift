import Foundation
import Testing
@testable import PartnerGraph

/// Files that cannot be read or written, and databases that cannot be opened, are reported as
/// what they are: a folder, a missing folder, a full disk, a damaged database.
@Suite("File failures and their messages")
struct FileFailureTests {
    /// The message of the error `body` throws.
    static func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test("Reading a folder says it is a folder, not that the file is empty or missing")
    func readingAFolder() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = Self.message { _ = try FileAccess.contents(of: folder.path, expected: "a JSON file") }
        #expect(text.contains("it is a folder, not a JSON file"), "\(text)")
        let csv = Self.message { try PartnerGraphStore().importCSV(nodes: folder.path, edges: nil) }
        #expect(csv.contains("it is a folder, not a CSV file"), "\(csv)")
        let mapping = Self.message { _ = try SpreadsheetMapping(contentsOf: folder.path) }
        #expect(mapping.contains("it is a folder"), "\(mapping)")
    }

    @Test("Reading in a folder that does not exist names the folder")
    func readingInAMissingFolder() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nodir").path
        let text = Self.message { _ = try FileAccess.contents(of: missing + "/partners.json") }
        #expect(text == "cannot read \(missing)/partners.json: no such file: the folder \(missing) does not exist", "\(text)")
        let plain = Self.message { _ = try FileAccess.contents(of: folder.path + "/absent.json") }
        #expect(plain.hasSuffix("absent.json: no such file"), "\(plain)")
    }

    @Test("Writing to a folder, or into a folder that does not exist, says which")
    func writingProblems() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let toFolder = Self.message { _ = try ExportSink(path: folder.path) }
        #expect(toFolder.contains("it is a folder, not a file"), "\(toFolder)")
        let missing = folder.appendingPathComponent("nodir")
        let intoMissing = Self.message { _ = try ExportSink(path: missing.appendingPathComponent("x.svg").path) }
        #expect(intoMissing.contains("the folder \(missing.path) does not exist; create it first"), "\(intoMissing)")
        let file = folder.appendingPathComponent("file.txt")
        try Data("x".utf8).write(to: file)
        let underFile = Self.message { _ = try ExportSink(path: file.appendingPathComponent("x.svg").path) }
        #expect(underFile.contains("\(file.path) is a file, not a folder"), "\(underFile)")
    }

    @Test("A full device is an error, not a short file reported as written")
    func fullDevice() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let sink = try ExportSink(path: "/dev/full")
        sink.write("digraph {}\n")
        let text = Self.message { try sink.commit() }
        #expect(text.contains("cannot write /dev/full: no space left on the device"), "\(text)")
    }

    @Test("CSV export makes its folder and the ones above it, and names the one it cannot make")
    func csvExportFolders() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try exampleStore()
        let nested = folder.appendingPathComponent("a/b/csv").path
        try store.export(RenderSelection(), format: .csv, to: .path(nested))
        #expect(FileManager.default.fileExists(atPath: nested + "/nodes.csv"))
        let file = folder.appendingPathComponent("plain")
        try Data().write(to: file)
        let text = Self.message { try store.export(RenderSelection(), format: .csv, to: .path(file.path + "/csv")) }
        #expect(text.contains("\(file.path) is a file, not a folder"), "\(text)")
    }

    // MARK: - Databases

    /// A database file of the example, checkpointed so that the file holds everything.
    static func exampleFile(in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("example.sqlite")
        do {
            let store = try PartnerGraphStore(path: url.path)
            try store.loadExample()
        }
        // Fold the write-ahead log into the file, as a copy taken while no one writes would be.
        let store = try PartnerGraphStore(path: url.path)
        try store.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        return url
    }

    @Test("A database cut in half is called damaged, with the command that recovers it")
    func damagedDatabase() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.exampleFile(in: folder)
        let data = try Data(contentsOf: url)
        let half = folder.appendingPathComponent("half.sqlite")
        try data.prefix(data.count / 2).write(to: half)
        #expect(throws: PartnerGraphError.damagedDatabase(path: half.path)) {
            let store = try PartnerGraphStore(path: half.path, mode: .readOnly)
            _ = try store.profile(of: "ICESCO")
            _ = try store.entities()
        }
        let text = PartnerGraphError.damagedDatabase(path: half.path).description
        #expect(text.contains("`sqlite3 \(half.path) .recover | sqlite3 recovered.sqlite`"), "\(text)")
        #expect(PartnerGraphError.damagedDatabase(path: "my db.sqlite").description.contains("sqlite3 'my db.sqlite' .recover"))
    }

    @Test("A file that is not SQLite at all is still called foreign, not damaged")
    func foreignFile() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("notes.sqlite")
        try Data(String(repeating: "These are notes, not a database.\n", count: 200).utf8).write(to: text)
        #expect(throws: PartnerGraphError.notADatabase(path: text.path)) { _ = try PartnerGraphStore(path: text.path) }
    }
}
