import Foundation
import PartnerGraph
@testable import PartnerGraphPostgres
import Testing

/// Many writers at once on one PostgreSQL graph, each with its own connection, as many people
/// running `partnergraph` at the same time would be.
@Suite("PostgreSQL under concurrent writers", .enabled(if: TestServer.enabled, TestServer.skipReason))
struct ConcurrencyTests {
    /// Runs `body(writer)` on `count` threads at once, each with its own store of `url`, and
    /// returns what each returned.
    func concurrently<T: Sendable>(_ count: Int, url: String, _ body: @escaping @Sendable (Int, PostgresStore) throws -> T) throws -> [Result<T, Error>] {
        let stores = try (0..<count).map { _ in try PostgresStore(url: url) }
        let results = Results<T>(count: count)
        let group = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        for writer in 0..<count {
            group.enter()
            let store = stores[writer]
            let thread = Thread {
                start.wait()
                results.set(writer, Result { try body(writer, store) })
                group.leave()
            }
            thread.start()
        }
        for _ in 0..<count { start.signal() }
        group.wait()
        return results.all
    }

    @Test("16 writers adding and linking at once lose nothing")
    func sixteenWriters() throws {
        let url = try TestServer.freshURL()
        let setup = try PostgresStore(url: url, mode: .create)
        try setup.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        let results = try concurrently(16, url: url) { writer, store in
            for number in 0..<10 {
                let person = try store.addEntity(NewEntity(type: .person, name: "Writer \(writer) person \(number)"))
                try store.link(person.key, "works_for", "ICESCO", RelationDetails(role: "delegate \(number)"))
            }
        }
        #expect(results.filter { (try? $0.get()) == nil }.isEmpty, "every writer finished: \(results)")
        #expect(try setup.graphSize() == (161, 160))
        #expect(try setup.neighbors(NeighborQuery(entity: "ICESCO")).neighbors.count == 160)
    }

    @Test("16 writers linking the same relation at once: one succeeds, the others are told it exists")
    func sameRelationOnce() throws {
        let url = try TestServer.freshURL()
        let setup = try PostgresStore(url: url, mode: .create)
        try setup.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        try setup.addEntity(NewEntity(type: .organization, name: "Azerbaijan"))
        let results = try concurrently(16, url: url) { writer, store in
            // Half write it one way, half the other: partner_of is symmetric, so it is one fact.
            writer.isMultiple(of: 2)
                ? try store.link("ICESCO", "partner_of", "Azerbaijan", RelationDetails()).id
                : try store.link("Azerbaijan", "partner_of", "ICESCO", RelationDetails()).id
        }
        let succeeded = results.compactMap { try? $0.get() }
        #expect(succeeded.count == 1)
        for case let .failure(error) in results {
            guard case .duplicateRelation? = error as? PartnerGraphError else {
                Issue.record("expected a duplicate relation, got \(error)")
                continue
            }
        }
        #expect(try setup.graphSize().relations == 1)
    }

    @Test("16 writers linking against the type rules at once are all refused")
    func forbiddenLinksRefused() throws {
        let url = try TestServer.freshURL()
        let setup = try PostgresStore(url: url, mode: .create)
        try setup.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        for number in 0..<16 { try setup.addEntity(NewEntity(type: .organization, name: "Member \(number)")) }
        let results = try concurrently(16, url: url) { writer, store in
            // An organization cannot head another organization.
            try store.link("Member \(writer)", "heads", "ICESCO", RelationDetails()).id
        }
        #expect(results.allSatisfy {
            if case let .failure(error) = $0, case .relationNotAllowed? = error as? PartnerGraphError { return true }
            return false
        })
        #expect(try setup.graphSize().relations == 0)
    }

    @Test("the database refuses a relation its type forbids, whoever writes it, while the vocabulary changes")
    func databaseEnforcesTypeRules() throws {
        let url = try TestServer.freshURL()
        let setup = try PostgresStore(url: url, mode: .create)
        let icesco = try setup.addEntity(NewEntity(type: .organization, name: "ICESCO"))
        let person = try setup.addEntity(NewEntity(type: .person, name: "Salim M. AlMalik"))
        // A writer that skips the program's checks (psql, another tool) meets the trigger.
        let raw = thrownError {
            _ = try setup.session.exclusive {
                try setup.session.run(
                    "INSERT INTO relation (source_id, type, target_id, created_at, updated_at) VALUES (\(icesco.id!), 'heads', \(person.id!), 'now', 'now')")
            }
        }
        #expect((raw as? PostgresRuleViolation)?.state == "PGR01")

        // The vocabulary narrows while 16 writers link: every relation that lands obeys the rules as
        // committed. Writers that ran before the change may succeed; none after it.
        for number in 0..<16 { try setup.addEntity(NewEntity(type: .person, name: "Member \(number)")) }
        let results = try concurrently(17, url: url) { writer, store in
            if writer == 16 {
                _ = try store.session.transaction {
                    try store.session.run("UPDATE relation_type SET source_types = 'organization' WHERE name = 'member_of'")
                }
                return Int64(-1)
            }
            return try store.link("Member \(writer)", "member_of", "ICESCO", RelationDetails()).id
        }
        #expect((try? results[16].get()) == -1)
        // Each link either landed before the change or was refused after it: nothing else, nothing lost.
        let linked = results.prefix(16).filter { (try? $0.get()) != nil }.count
        for case let .failure(error) in results.prefix(16) {
            guard case .relationNotAllowed? = error as? PartnerGraphError else {
                Issue.record("expected a refusal by the type rules, got \(error)")
                continue
            }
        }
        #expect(try setup.graphSize().relations == linked)
        // After the change, no person may become a member.
        let after = thrownError { try setup.link("Salim M. AlMalik", "member_of", "ICESCO", RelationDetails()) }
        #expect(after as? PartnerGraphError == .relationNotAllowed(
            type: "member_of", from: .person, to: .organization, sourceTypes: [.organization], targetTypes: [.organization]))
    }
}

/// Results written by several threads.
private final class Results<T: Sendable>: @unchecked Sendable {
    private var values: [Result<T, Error>?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<T, Error>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    var all: [Result<T, Error>] {
        lock.lock()
        defer { lock.unlock() }
        return values.map { $0! }
    }
}
