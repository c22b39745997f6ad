import Foundation
import Testing

@testable import PartnerGraph

/// Issue 10's "done when", on the founding example's article.
@Suite("Ingesting the founding example's article") struct IngestExampleTests {
    static let articleData = try! Data(contentsOf: projectRoot.appendingPathComponent("examples/icesco-2024-03-26.ar.txt"))

    static func article() throws -> Article {
        try Article(data: articleData, origin: "icesco-2024-03-26.ar.txt")
    }

    /// Every name and alias of every entity of the bundled example, folded, by key.
    static func exampleNames() throws -> [String: (type: String, names: Set<String>)] {
        let document = try JSONSerialization.jsonObject(with: Data(EmbeddedResources.exampleGraph.utf8)) as! [String: Any]
        var result: [String: (String, Set<String>)] = [:]
        for entity in document["entities"] as! [[String: Any]] {
            var names: Set<String> = [NameNormalizer.normalize(entity["name"] as! String)]
            for alias in entity["aliases"] as? [[String: Any]] ?? [] { names.insert(NameNormalizer.normalize(alias["name"] as! String)) }
            result[entity["key"] as! String] = (entity["type"] as! String, names)
        }
        return result
    }

    @Test func onAnEmptyGraphTheReviewedDraftsHoldEveryEntityOfTheExampleAndItsFacts() throws {
        let store = try PartnerGraphStore()
        let report = try store.ingest(try Self.article(), publisher: "ICESCO")
        #expect(report.source.key == "icesco-2024-03-26")
        #expect(report.source.published?.description == "2024-03-26")
        #expect(report.language == "ar" && report.languageDetected)
        #expect(report.mentions.isEmpty)
        #expect(report.dates.map(\.date.description).contains("2024-03-25"))
        // Nothing but the source is in the graph until the review.
        #expect(try store.entities().isEmpty)

        let accepted = try store.acceptDrafts(source: report.source.key, minimumConfidence: 0)
        #expect(accepted.count == report.drafts.count)

        // Every entity of the example has a counterpart, by one of its names…
        let names = try Self.exampleNames()
        var graphNames: [String: Set<String>] = [:]
        for entity in try store.entities() {
            graphNames[entity.key] = Set([NameNormalizer.normalize(entity.name)] + entity.aliases.map { NameNormalizer.normalize($0.name) })
        }
        func counterpart(_ key: String) -> String? {
            graphNames.sorted { $0.key < $1.key }.first { !$0.value.isDisjoint(with: names[key]!.names) }?.key
        }
        for key in names.keys.sorted() where key != "almalik-gafarova-meeting-2024" {
            #expect(counterpart(key) != nil, "no entity of the reviewed graph stands for the example's \(key)")
        }
        // Each by one entity: the cue `جمهورية أذربيجان` and the gazetteer's Azerbaijan are one proposal.
        #expect(graphNames.values.filter { !$0.isDisjoint(with: names["azerbaijan"]!.names) }.count == 1)
        // …and the meeting by what it is: an event AlMalik and Gafarova took part in, held in Geneva.
        let almalik = try #require(counterpart("salim-m-almalik"))
        let gafarova = try #require(counterpart("sahiba-gafarova"))
        let meeting = try store.profile(of: almalik).relations.first { $0.type == "participated_in" }?.other
        #expect(meeting?.type == .event)
        let meetingRelations = try store.profile(of: #require(meeting).key).relations
        #expect(meetingRelations.contains { $0.other.key == gafarova && $0.type == "participated_in" })
        #expect(meetingRelations.contains { $0.other.key == counterpart("geneva") && $0.type == "held_in" })

        // Headships, observer status and the 2022 plan.
        func has(_ from: String, _ type: String, _ to: String) throws -> Bool {
            try store.profile(of: #require(counterpart(from))).relations.contains {
                $0.direction == .outgoing && $0.type == type && $0.other.key == counterpart(to)
            }
        }
        #expect(try has("salim-m-almalik", "heads", "icesco"))
        #expect(try has("sahiba-gafarova", "heads", "milli-majlis"))
        #expect(try has("sahiba-gafarova", "heads", "nam-pn"))
        #expect(try has("anar-karimov", "heads", "icesco-partnerships-sector"))
        #expect(try has("icesco", "observer_of", "nam-pn"))
        #expect(try has("icesco", "party_to", "icesco-azerbaijan-action-plan-2022"))
        #expect(try has("azerbaijan", "party_to", "icesco-azerbaijan-action-plan-2022"))
        let plan = try store.profile(of: #require(counterpart("icesco-azerbaijan-action-plan-2022")))
        #expect(plan.relations.first { $0.type == "party_to" }?.start?.description == "2022")

        // Every accepted fact cites the article, quoting the sentence it came from.
        let headship = try store.profile(of: almalik).relations.first { $0.type == "heads" }
        #expect(headship?.role == "Director-General")
        let citation = try #require(headship?.citations.first)
        #expect(citation.source == "icesco-2024-03-26")
        #expect(citation.quote?.contains("المدير العام لمنظمة العالم الإسلامي") == true)
        #expect(try store.source("icesco-2024-03-26").relations.count == accepted.filter { $0.kind == .relation }.count)
    }

    @Test func onTheExampleGraphItFindsEveryMentionAndProposesNothingAlreadyRecorded() throws {
        let store = try exampleStore()
        let before = try store.exportDocument()
        let report = try store.ingest(try Self.article())
        // The example holds the article already: its source is reused.
        #expect(report.reused)
        #expect(report.source.key == "icesco-2024-03-26")
        #expect(try store.sources().count == 1)

        let mentioned = Set(report.mentions.compactMap(\.entity?.key))
        let named: Set<String> = [
            "icesco", "azerbaijan", "salim-m-almalik", "sahiba-gafarova", "milli-majlis", "nam-pn", "geneva", "nam-pn-third-conference",
            "nam", "icesco-azerbaijan-action-plan-2022", "shusha-capital-of-culture-2024", "capitals-of-culture-programme",
            "world-forum-intercultural-dialogue", "baku", "unfccc", "cop29", "anar-karimov", "icesco-partnerships-sector",
        ]
        #expect(named.isSubset(of: mentioned), "missing: \(named.subtracting(mentioned).sorted())")
        #expect(mentioned.isSubset(of: Set(try Self.exampleNames().keys)))
        #expect(report.mentions.allSatisfy { $0.entity != nil })
        // ICESCO is named ten times: الإيسيسكو, للإيسيسكو, بالإيسيسكو, إيسيسكو and its full name.
        #expect(report.mentions.filter { $0.entity?.key == "icesco" }.count == 10)

        // Nothing proposed is in the graph already: no relation between the same two entities
        // with the same type, and no new entity by a name the graph knows.
        let existing = Set(before.relations.map { "\($0.source) \($0.type) \($0.target)" })
        let knownNames = Set(try Self.exampleNames().values.flatMap(\.names))
        for draft in report.drafts {
            if let relation = draft.relation, let from = relation.from.key, let to = relation.to.key {
                #expect(!existing.contains("\(from) \(relation.type) \(to)"), "proposed again: \(draft.summary)")
                #expect(!existing.contains("\(to) \(relation.type) \(from)") || relation.type != "partner_of")
            }
            if let entity = draft.entity {
                #expect(!knownNames.contains(NameNormalizer.normalize(entity.name)), "proposed again: \(entity.name)")
            }
        }
        #expect(report.alreadyRecorded.contains("Salim M. AlMalik heads ICESCO"))
        #expect(report.alreadyRecorded.contains("ICESCO observer of NAM Parliamentary Network"))
        #expect(report.alreadyRecorded.contains { $0.contains("is recorded as Meeting of AlMalik and Gafarova in Geneva") })
        // Only the source's fingerprint changed: the graph is as it was.
        let after = try store.exportDocument()
        #expect(after.entities == before.entities)
        #expect(after.relations == before.relations)
    }

    @Test func theSameTextIngestedTwiceIsReusedWithItsDrafts() throws {
        let store = try PartnerGraphStore()
        let first = try store.ingest(try Self.article())
        // Another final newline is the same text.
        let again = try Article(data: Self.articleData + Data("\n\n".utf8), origin: "copy.txt")
        let second = try store.ingest(again, key: "another-key")
        #expect(!first.reused)
        #expect(second.reused)
        #expect(second.source.key == first.source.key)
        #expect(second.drafts.map(\.id) == first.drafts.map(\.id))
        #expect(try store.drafts(status: nil).count == first.drafts.count)
        #expect(try store.sources().count == 1)
    }
}
