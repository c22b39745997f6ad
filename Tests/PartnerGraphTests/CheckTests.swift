import Foundation
import GRDB
import Testing
@testable import PartnerGraph

@Suite("Check")
struct CheckTests {
    @Test("A fresh database, in memory and on disk, passes")
    func freshDatabase() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for store in [try PartnerGraphStore(), try PartnerGraphStore(path: folder.appendingPathComponent("fresh.sqlite").path)] {
            let report = try store.check()
            #expect(report.isClean, "\(report.problems.map(\.message))")
            #expect(report.counts == GraphCounts(entities: 0, relations: 0, sources: 0))
        }
    }

    @Test("The bundled example passes, and so does it after the README's article is ingested and reviewed")
    func example() throws {
        let store = try exampleStore()
        let report = try store.check()
        #expect(report.isClean, "\(report.problems.map(\.message))")
        #expect(report.counts == GraphCounts(entities: 21, relations: 33, sources: 1))
        #expect(report.problemCount == 0 && report.groups.isEmpty)

        let data = try Data(contentsOf: projectRoot.appendingPathComponent("examples/alecso-2024-05-14.en.txt"))
        let ingested = try store.ingest(try Article(data: data, origin: "alecso-2024-05-14.en.txt"), publisher: "ICESCO")
        let accepted = try store.acceptDrafts(source: ingested.source.key, minimumConfidence: 0)
        #expect(!accepted.isEmpty)
        let after = try store.check()
        #expect(after.isClean, "\(after.problems.map(\.message))")
        #expect(after.counts.entities > 21)
    }

    /// One way to break a rule, the kinds of problem `check` must report for it (and no
    /// other), and a key or text the report must name.
    struct Breakage: CustomTestStringConvertible, Sendable {
        var name: String
        var sql: String
        var kinds: Set<CheckProblem.Kind>
        var names: String
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage(
            name: "vocabulary narrowed under existing relations",
            sql: "UPDATE relation_type SET source_types = 'organization' WHERE name = 'heads'",
            kinds: [.relationTypeRule], names: "#25 salim-m-almalik —heads→ icesco"),
        Breakage(
            name: "entity type changed under its relations",
            sql: "UPDATE entity SET type = 'place' WHERE key = 'cop29'",
            kinds: [.relationTypeRule], names: "cop29"),
        Breakage(
            name: "relation of a type the vocabulary lacks",
            sql: "UPDATE relation_view SET type = 'funded_by' WHERE id = (SELECT min(id) FROM relation)",
            kinds: [.relationUnknownType], names: "no relation type \"funded_by\""),
        Breakage(
            name: "entity deleted under its relations, names and citations",
            sql: "DELETE FROM entity WHERE key = 'nam-pn'",
            kinds: [.relationMissingEntity, .citationMissingSubject, .orphanName], names: "(entity "),
        Breakage(
            name: "relation from an entity to itself",
            sql: """
                INSERT INTO relation_view (source_id, type, target_id, created_at, updated_at)
                SELECT id, 'partner_of', id, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM entity WHERE key = 'icesco'
                """,
            kinds: [.selfRelation], names: "icesco —partner_of→ icesco"),
        Breakage(
            name: "symmetric relation recorded both ways",
            sql: """
                INSERT INTO relation_view (source_id, type, target_id, role, start_date, end_date, date, created_at, updated_at)
                SELECT target_id, type, source_id, role, start_date, end_date, date, created_at, updated_at
                FROM relation_view WHERE type = 'partner_of' LIMIT 1
                """,
            kinds: [.symmetricDuplicate], names: "the same relation the other way"),
        Breakage(
            name: "source deleted under its citations",
            sql: "DELETE FROM source WHERE key = 'icesco-2024-03-26'",
            kinds: [.citationMissingSource], names: "cites source 1, which does not exist"),
        Breakage(
            name: "relation deleted under its citations",
            sql: "DELETE FROM relation WHERE id = 1",
            kinds: [.citationMissingSubject], names: "cites relation #1, which does not exist"),
        Breakage(
            name: "alias and attribute of no entity",
            sql: """
                INSERT INTO alias (entity_id, name, name_normalized) VALUES (9999, 'Ghost', 'ghost');
                INSERT INTO attribute (entity_id, key, value) VALUES (9999, 'founded', '1979');
                """,
            kinds: [.orphanName], names: "\"founded=1979\" of entity 9999"),
        Breakage(
            name: "date that is no date, and a period that ends before it starts",
            sql: """
                UPDATE entity SET date = '2024-13' WHERE key = 'cop29';
                UPDATE relation_view SET date = NULL, start_date = '2024', end_date = '2020' WHERE id = 2;
                """,
            kinds: [.invalidDate], names: "cop29: the date \"2024-13\" is not a date"),
        Breakage(
            name: "key with spaces",
            sql: "UPDATE entity SET key = 'cop 29!' WHERE key = 'cop29'",
            kinds: [.invalidKey], names: "the entity key \"cop 29!\""),
        Breakage(
            name: "name changed without its look-up form",
            sql: "UPDATE entity SET name = 'ISESCO' WHERE key = 'icesco'",
            kinds: [.staleLookupName], names: "icesco: the name \"ISESCO\" is filed for look-up as \"icesco\""),
        Breakage(
            name: "relation_incoming out of step",
            sql: "DELETE FROM relation_incoming WHERE relation_id = 5",
            kinds: [.incomingIndex], names: "is missing from relation_incoming"),
        Breakage(
            name: "relation_incoming with other dates",
            sql: "UPDATE relation_incoming SET start_date = '1900' WHERE relation_id = (SELECT min(id) FROM relation WHERE start_date IS NOT NULL)",
            kinds: [.incomingIndex], names: "has other dates in relation_incoming than in relation"),
        Breakage(
            name: "relation type naming an unknown entity type",
            sql: """
                INSERT INTO relation_type (name, forward_phrase, inverse_phrase, source_types, target_types)
                VALUES ('funded_by', 'funded by', 'funds', 'organisation', 'organization')
                """,
            kinds: [.vocabulary], names: "funded_by: source types \"organisation\""),
        Breakage(
            name: "draft of a missing source",
            sql: """
                INSERT INTO draft (source_id, kind, entity_type, name, sentence, confidence, created_at)
                VALUES (77, 'entity', 'person', 'Nobody', 'A sentence.', 0.5, '2024-01-01T00:00:00Z')
                """,
            kinds: [.foreignKey], names: "of draft refers to a source that does not exist"),
    ]

    @Test("check finds each kind of broken state, and only that kind", arguments: breakages)
    func findsBreakage(_ breakage: Breakage) throws {
        let store = try exampleStore()
        try breakRules(store, breakage.sql)
        let report = try store.check()
        #expect(!report.isClean)
        #expect(Set(report.groups.map(\.kind)) == breakage.kinds, "\(report.problems.map(\.message))")
        #expect(report.problems.contains { $0.message.contains(breakage.names) }, "\(report.problems.map(\.message))")
    }

    @Test("An alias that is another entity's name is found, though the API lets it be added")
    func aliasClash() throws {
        let store = try exampleStore()
        var changes = EntityChanges()
        changes.addAliases = [Alias(name: "Republic of Azerbaijan")]
        try store.update("milli-majlis", with: changes)
        let report = try store.check()
        #expect(report.groups.map(\.kind) == [.aliasClash])
        let problem = try #require(report.problems.first)
        #expect(problem.entities == ["milli-majlis", "azerbaijan"])
        #expect(problem.message == "milli-majlis has the alias \"Republic of Azerbaijan\", the name of the organization azerbaijan (\"Republic of Azerbaijan\")")
        // A place of the same name is another type: no clash.
        let places = try exampleStore()
        try places.addEntity(NewEntity(type: .place, name: "Azerbaijan (the territory)", aliases: [Alias(name: "Republic of Azerbaijan")]))
        #expect(try places.check().isClean)
    }

    @Test("A relation breaking its type's rules is reported with both keys, its id and the rule")
    func typeRuleDetail() throws {
        let store = try exampleStore()
        try breakRules(store, "UPDATE relation_type SET source_types = 'organization' WHERE name = 'heads'")
        let report = try store.check()
        let heads = report.problems.filter { $0.kind == .relationTypeRule }
        #expect(heads.count == 4, "the example has four headships")
        let almalik = try #require(heads.first { $0.entities == ["salim-m-almalik", "icesco"] })
        #expect(almalik.relation != nil)
        #expect(almalik.message.hasSuffix("heads goes from an organization to an organization or an event, and this goes from a person to an organization"))
    }

    @Test("SQLite's integrity check is run and its complaints reported")
    func integrity() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try exampleFile(in: folder)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: """
                PRAGMA writable_schema = ON;
                UPDATE sqlite_master SET sql = 'CREATE INDEX entity_by_type ON entity(name, type)' WHERE name = 'entity_by_type';
                PRAGMA writable_schema = OFF;
                """)
        }
        try queue.close()
        let report = try PartnerGraphStore(path: path).check()
        #expect(report.groups.first?.kind == .integrity)
        #expect(report.problems.contains { $0.kind == .integrity && $0.message.contains("entity_by_type") }, "\(report.problems.map(\.message))")
    }

    @Test("Problems beyond the limit are counted, not listed")
    func limit() throws {
        let store = try PartnerGraphStore()
        try breakRules(store, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(CheckReport.problemLimit + 5))
            INSERT INTO alias (entity_id, name, name_normalized) SELECT 100000 + i, 'Ghost ' || i, 'ghost ' || i FROM n
            """)
        let report = try store.check()
        #expect(report.totals[.orphanName] == CheckReport.problemLimit + 5)
        #expect(report.problems.count == CheckReport.problemLimit)
        #expect(report.groups.first?.total == CheckReport.problemLimit + 5)
    }

    @Test("The JSON report reads back as it was written")
    func json() throws {
        let store = try exampleStore()
        try breakRules(store, "UPDATE entity SET key = 'cop 29!' WHERE key = 'cop29'")
        let report = try store.check()
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["clean"] as? Bool == false)
        #expect(object["problem_count"] as? Int == 1)
        #expect((object["totals"] as? [String: Int]) == ["invalid_key": 1])
        #expect(try JSONDecoder().decode(CheckReport.self, from: data) == report)
    }
}
