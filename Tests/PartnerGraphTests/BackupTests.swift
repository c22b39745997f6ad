import Foundation
import GRDB
import Synchronization
import Testing
@testable import PartnerGraph

@Suite("Backup")
struct BackupTests {
    @Test("A backup holds the same graph, byte for byte in its export, and passes check")
    func sameGraph() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try PartnerGraphStore(path: try exampleFile(in: folder))
        let copyPath = folder.appendingPathComponent("copy.sqlite").path
        let report = try store.backup(to: copyPath)
        #expect(report.counts == GraphCounts(entities: 21, relations: 33, sources: 1))
        #expect(report.schemaVersion == PartnerGraphStore.schemaVersion)
        #expect(report.bytes > 0)
        let written = try fileNames(in: folder).filter { !$0.hasPrefix("partners.sqlite") }
        #expect(written == ["copy.sqlite"], "one file, complete, and no temporary file left behind")
        let copy = try PartnerGraphStore(path: copyPath)
        #expect(try graphJSON(copy) == graphJSON(store))
        #expect(try copy.check().isClean)
    }

    @Test("An in-memory store can be backed up to a file")
    func fromMemory() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try exampleStore()
        let path = folder.appendingPathComponent("memory.sqlite").path
        try store.backup(to: path)
        #expect(try graphJSON(PartnerGraphStore(path: path)) == graphJSON(store))
    }

    @Test("An existing file is replaced only when asked, and a refusal leaves it as it was")
    func existingFile() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try exampleStore()
        let target = folder.appendingPathComponent("backup.sqlite")
        try Data("precious".utf8).write(to: target)
        #expect(throws: BackupError.destinationExists(path: target.path)) { try store.backup(to: target.path) }
        #expect(try Data(contentsOf: target) == Data("precious".utf8))
        #expect(try fileNames(in: folder) == ["backup.sqlite"])
        try store.backup(to: target.path, replacing: true)
        #expect(try PartnerGraphStore(path: target.path).check().counts.entities == 21)
        #expect(try fileNames(in: folder) == ["backup.sqlite"])
    }

    @Test("The database itself, a folder and a missing folder are refused")
    func badTargets() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try exampleFile(in: folder)
        let store = try PartnerGraphStore(path: path)
        let sameFileSpelledOtherwise = folder.appendingPathComponent("./partners.sqlite").path
        #expect(throws: BackupError.sameFile(path: sameFileSpelledOtherwise)) {
            try store.backup(to: sameFileSpelledOtherwise, replacing: true)
        }
        #expect(throws: BackupError.isAFolder(path: folder.path)) { try store.backup(to: folder.path) }
        let nowhere = folder.appendingPathComponent("no/such/folder/b.sqlite").path
        #expect(throws: BackupError.folderMissing(path: nowhere, folder: folder.appendingPathComponent("no/such/folder").path)) {
            try store.backup(to: nowhere)
        }
        #expect(try graphJSON(store) == graphJSON(exampleStore()), "the database is untouched")
    }

    @Test("Progress is reported step by step, up to every page")
    func progress() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try PartnerGraphStore(path: folder.appendingPathComponent("big.sqlite").path)
        // Enough entities for several 256-page steps.
        let nodes = folder.appendingPathComponent("nodes.csv")
        let names = (0..<40_000).map { "e\($0),organization,Organization number \($0) with a long enough name to fill pages," }
        try ("key,type,name,alias_ar\n" + names.joined(separator: "\n") + "\n").write(to: nodes, atomically: true, encoding: .utf8)
        try store.importCSV(nodes: nodes.path, edges: nil)
        var steps: [BackupProgress] = []
        try store.backup(to: folder.appendingPathComponent("b.sqlite").path) { steps.append($0) }
        #expect(steps.count > 1, "a database of \(steps.last?.pageCount ?? 0) pages is copied in steps")
        #expect(steps.last.map { $0.pagesCopied == $0.pageCount } == true)
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.pagesCopied < $1.pagesCopied })
    }

    /// What the writers finished: each write's key, numbered in the order the writes returned.
    final class WriteLog: Sendable {
        private let state = Mutex<[String]>([])
        func record(_ key: String) { state.withLock { $0.append(key) } }
        var finished: [String] { state.withLock { $0 } }
    }

    @Test("A backup taken while 8 writers write holds every write finished before it began, and passes check")
    func concurrentWriters() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try exampleFile(in: folder)
        let store = try PartnerGraphStore(path: path)
        let log = WriteLog()
        let stop = Atomic<Bool>(false)
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for writer in 0..<8 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    // Each writer has its own connection, as a process would.
                    let own = try PartnerGraphStore(path: path)
                    var number = 0
                    while !stop.load(ordering: .relaxed) {
                        number += 1
                        let key = "writer-\(writer)-\(number)"
                        try own.addEntity(NewEntity(type: .organization, name: "Writer \(writer) number \(number)", key: key))
                        // Each write after the first also links to the writer's previous one: two rows in one transaction.
                        if number > 1 { try own.link(key, "partner_of", "writer-\(writer)-\(number - 1)") }
                        log.record(key)
                    }
                } catch {
                    failures.withLock { $0.append("writer \(writer): \(error)") }
                }
            }
        }
        // Let the writers get going, then back up; each step of the copy waits, so that
        // writes finish while it runs.
        while log.finished.count < 40 && failures.withLock({ $0.isEmpty }) { Thread.sleep(forTimeInterval: 0.01) }
        let before = log.finished
        let copyPath = folder.appendingPathComponent("during.sqlite").path
        let report = try store.backup(to: copyPath) { _ in Thread.sleep(forTimeInterval: 0.2) }
        let during = log.finished.count - before.count
        stop.store(true, ordering: .relaxed)
        group.wait()
        #expect(failures.withLock { $0 } == [])

        let copy = try PartnerGraphStore(path: copyPath)
        let keys = Set(try copy.entities().map(\.key))
        let missing = before.filter { !keys.contains($0) }
        #expect(missing.isEmpty, "writes finished before the backup began are missing from it: \(missing.prefix(5))")
        #expect(during > 0, "writers kept writing while the backup ran")
        let checked = try copy.check()
        #expect(checked.isClean, "\(checked.problems.prefix(3).map(\.message))")
        #expect(report.counts == checked.counts, "the copy holds what the backup counted when it began")
        // The copy is one moment: a writer's entities form one chain, with no entity after a gap.
        for writer in 0..<8 {
            let numbers = keys.compactMap { key -> Int? in
                let parts = key.split(separator: "-")
                return parts.count == 3 && parts[1] == "\(writer)" ? Int(parts[2]) : nil
            }
            #expect(numbers.count == numbers.max() ?? 0, "writer \(writer)'s writes form an unbroken run")
        }
    }
}
