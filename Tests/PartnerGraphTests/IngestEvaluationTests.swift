import Foundation
import Testing

@testable import PartnerGraph

/// Measures `ingest` against the labelled articles of `Fixtures/Ingest` (see its README): how
/// many of the labelled mentions, dates and facts it finds (recall), and how many of those it
/// finds are labelled (precision). The targets are issue 10's.
@Suite struct IngestEvaluationTests {
    struct Expected: Decodable {
        struct Fact: Decodable {
            var relation: String
            var source: String
            var target: String
            var role: String?
        }
        var title: String
        var language: String
        var published: String?
        var mentions: [String: Int]
        var look_alikes: [String]?
        var dates: [String]
        var facts: [Fact]
    }

    /// Counts of one measure.
    struct Score {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }

        /// Adds the comparison of two multisets.
        mutating func add<T: Hashable>(expected: [T: Int], found: [T: Int]) {
            for key in Set(expected.keys).union(found.keys) {
                let wanted = expected[key] ?? 0, got = found[key] ?? 0
                truePositives += min(wanted, got)
                falsePositives += max(0, got - wanted)
                falseNegatives += max(0, wanted - got)
            }
        }

        static func += (lhs: inout Score, rhs: Score) {
            lhs.truePositives += rhs.truePositives
            lhs.falsePositives += rhs.falsePositives
            lhs.falseNegatives += rhs.falseNegatives
        }

        var line: String {
            String(format: "P %.3f R %.3f (%d found right, %d wrong, %d missed)", precision, recall, truePositives, falsePositives, falseNegatives)
        }
    }

    static let folder = projectRoot.appendingPathComponent("Tests/PartnerGraphTests/Fixtures/Ingest")

    static func articles() throws -> [(name: String, text: Data, expected: Expected)] {
        let articles = folder.appendingPathComponent("articles")
        return try FileManager.default.contentsOfDirectory(atPath: articles.path).filter { $0.hasSuffix(".txt") }.sorted().map { file in
            let base = articles.appendingPathComponent(String(file.dropLast(4)))
            let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: base.appendingPathExtension("expected.json")))
            return (file, try Data(contentsOf: base.appendingPathExtension("txt")), expected)
        }
    }

    /// The example plus the fixtures' other known entities.
    static func knownGraph() throws -> PartnerGraphStore {
        let store = try exampleStore()
        try store.importJSON(Data(contentsOf: folder.appendingPathComponent("known.json")), file: "known.json")
        return store
    }

    @Test func theLabelledSetHasFourArticlesInEachLanguage() throws {
        let languages = try Self.articles().map(\.expected.language)
        #expect(languages.count >= 12)
        for language in ["ar", "en", "fr"] {
            #expect(languages.filter { $0 == language }.count >= 4, "articles in \(language)")
        }
    }

    @Test func mentionsDatesAndFactsMeetTheirTargets() throws {
        let store = try Self.knownGraph()
        var mentions = Score(), dates = Score(), facts = Score()
        var report: [String] = []
        for (name, data, expected) in try Self.articles() {
            let language = Article.Language(rawValue: expected.language)
            // The language is detected, and must agree with the label.
            let article = try Article(data: data, origin: name)
            #expect(article.language == language, "\(name): detected \(article.language.rawValue)")
            let published = try expected.published.map { try PartialDate($0) }
            let found = try store.findings(in: article, published: published)

            var articleMentions = Score()
            var foundMentions: [String: Int] = [:]
            for mention in found.mentions { foundMentions[mention.entity?.key ?? "?ambiguous", default: 0] += 1 }
            articleMentions.add(expected: expected.mentions, found: foundMentions)

            var articleDates = Score()
            articleDates.add(
                expected: Dictionary(expected.dates.map { ($0, 1) }, uniquingKeysWith: +),
                found: Dictionary(found.dates.map { ($0.date.description, 1) }, uniquingKeysWith: +))

            var articleFacts = Score()
            let wanted = Set(expected.facts.map { "\($0.source) \($0.relation) \($0.target)" })
            let got = Set(found.facts.map { "\($0.from) \($0.type) \($0.to)" })
            articleFacts.add(expected: Dictionary(wanted.map { ($0, 1) }, uniquingKeysWith: +), found: Dictionary(got.map { ($0, 1) }, uniquingKeysWith: +))

            for lookAlike in expected.look_alikes ?? [] {
                let folded = NameNormalizer.normalize(lookAlike)
                #expect(
                    !found.mentions.contains { NameNormalizer.normalize($0.text) == folded || folded.contains(NameNormalizer.normalize($0.text)) && $0.text.count > 3 && $0.matched != "last name" },
                    "\(name): the look-alike \(lookAlike) was taken for a known entity")
            }
            mentions += articleMentions
            dates += articleDates
            facts += articleFacts
            report.append("\(name)\n  mentions \(articleMentions.line)\n  dates    \(articleDates.line)\n  facts    \(articleFacts.line)")
            if ProcessInfo.processInfo.environment["INGEST_EVALUATION_DETAIL"] != nil {
                report.append("  missed facts: " + wanted.subtracting(got).sorted().joined(separator: "; "))
                report.append("  extra facts:  " + got.subtracting(wanted).sorted().joined(separator: "; "))
                report.append("  mentions expected \(expected.mentions.sorted { $0.key < $1.key }) found \(foundMentions.sorted { $0.key < $1.key })")
                report.append("  dates expected \(expected.dates) found \(found.dates.map { "\($0.date) «\($0.text)»" })")
            }
        }
        report.append("ALL\n  mentions \(mentions.line)\n  dates    \(dates.line)\n  facts    \(facts.line)")
        let text = report.joined(separator: "\n")
        print(text)
        try? text.write(to: projectRoot.appendingPathComponent(".build/ingest-evaluation.txt"), atomically: true, encoding: .utf8)
        #expect(mentions.recall >= 0.95, "mention recall \(mentions.line)")
        #expect(mentions.precision >= 0.95, "mention precision \(mentions.line)")
        #expect(dates.recall >= 0.95, "date recall \(dates.line)")
        #expect(dates.precision >= 0.95, "date precision \(dates.line)")
        #expect(facts.recall >= 0.7, "fact recall \(facts.line)")
    }
}
