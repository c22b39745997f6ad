import Foundation
import Testing

@testable import PartnerGraph

/// Finding names in text, the stored matcher, and what bad input gets.
@Suite("Ingest: mentions, the name matcher, bad input") struct IngestTests {
    static func article(_ text: String, _ language: Article.Language? = nil) throws -> Article {
        try Article(data: Data(text.utf8), origin: "test.txt", language: language)
    }

    /// The keys of the entities mentioned in `text`, in order.
    static func mentioned(_ text: String, in store: PartnerGraphStore) throws -> [String] {
        try store.findings(in: article(text), published: nil).mentions.map { $0.entity?.key ?? "?" }
    }

    @Test(
        "A known entity is found by any spelling a press release uses",
        arguments: [
            ("İCESCO and Azerbaijan signed the plan.", ["icesco", "azerbaijan"]),
            ("ICESCO's Director-General spoke.", ["icesco"]),
            ("He met Dr. Al-Malik in Geneva.", ["salim-m-almalik", "geneva"]),
            ("Dr. Al Malik thanked the Speaker.", ["salim-m-almalik"]),
            ("Salim M. AlMalik and Sahiba Gafarova met; Mr. Karimov attended.", ["salim-m-almalik", "sahiba-gafarova", "anar-karimov"]),
            ("The Parliamentary Network of the Non-Aligned Movement met.", ["nam-pn"]),
            ("La délégation de l'ICESCO a été reçue à Bakou par le Milli Majlis.", ["icesco", "milli-majlis"]),
            ("وأكد حرص الإيسيسكو على التعاون مع الشبكة البرلمانية لحركة عدم الانحياز.", ["icesco", "nam-pn"]),
            ("أشاد بمجهودات للإيسيسكو وبالإيسيسكو وأذربيجان", ["icesco", "icesco", "azerbaijan"]),
            ("عبر الدكتور المالك عن شكره", ["salim-m-almalik"]),
            ("استقبل الدكتور سالم بن محمد المالك السيدة صاحبة غفاروفا", ["salim-m-almalik", "sahiba-gafarova"]),
        ])
    func spellings(text: String, expected: [String]) throws {
        #expect(try Self.mentioned(text, in: exampleStore()) == expected)
    }

    @Test(
        "A name that only looks like a known one is not taken for it",
        arguments: [
            "Mr. Anar Mammadov attended the session.",  // not Anar Karimov
            "Karimova spoke about the festival.",  // a last name alone, with no honorific or earlier mention
            "The nam of the song is short.",  // a lower-case word is not the acronym NAM
            "Ms. Sabina Gafarli welcomed the guests.",
            "كان تطورا كبيرا في المدينة",  // كبيرا does not hide a place
        ])
    func lookAlikes(text: String) throws {
        #expect(try Self.mentioned(text, in: exampleStore()).isEmpty)
    }

    @Test func aLastNameCountsAfterTheFullNameButNotForSomeoneElse() throws {
        let store = try exampleStore()
        #expect(try Self.mentioned("Anar Karimov spoke. Later, Karimov left.", in: store) == ["anar-karimov", "anar-karimov"])
        // Another first name before the same last name is another person.
        #expect(try Self.mentioned("Anar Karimov spoke. Elchin Karimov left.", in: store) == ["anar-karimov"])
    }

    @Test func aNameSeveralEntitiesBearIsReportedWithEachOfThem() throws {
        let store = try exampleStore()
        try store.addEntity(NewEntity(type: .place, name: "Baku", key: "baku-2"))
        let mentions = try store.findings(in: Self.article("They met in Baku."), published: nil).mentions
        #expect(mentions.count == 1)
        #expect(mentions[0].entity == nil)
        #expect(mentions[0].candidates?.map(\.key) == ["baku", "baku-2"])
    }

    @Test func positionsAreUnicodeScalarOffsetsOfTheNameWithoutItsPrefixes() throws {
        let text = "أكد حرص وللإيسيسكو على"
        let mention = try #require(try exampleStore().findings(in: Self.article(text), published: nil).mentions.first)
        let scalars = Array(text.unicodeScalars)
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[mention.start..<mention.end])
        #expect(String(slice) == "إيسيسكو")
        #expect(mention.text == "إيسيسكو")
    }

    @Test(
        "An Arabic word is also read without each prefix it may carry",
        arguments: [
            ("وللإيسيسكو", [1, 2, 3]), ("الإيسيسكو", [2]), ("بالرباط", [1, 3]), ("فالمنظمة", [1, 3]), ("كبيرا", []), ("كالإيسيسكو", [1, 3]), ("كمنظمة", [1]),
            ("لمنظمة", [1]), ("ICESCO", []), ("وب", []),
        ])
    func procliticCuts(word: String, cuts: [Int]) {
        #expect(NameMatcher.procliticCuts(NameNormalizer.normalize(word)) == cuts)
    }

    @Test func newNamesAreProposedOnceWithTheFactsBetweenThem() throws {
        let store = try exampleStore()
        let data = try Data(contentsOf: projectRoot.appendingPathComponent("examples/alecso-2024-05-14.en.txt"))
        let report = try store.ingest(Article(data: data, origin: "alecso.txt"), publisher: "ICESCO")
        // The organization, named in full with its acronym in parentheses, then by the acronym: one proposal.
        let alecso = try #require(report.candidates.first { $0.aliases.map(\.name) == ["ALECSO"] })
        #expect(alecso.name == "Arab League Educational, Cultural and Scientific Organization")
        #expect(alecso.type == .organization)
        #expect(!report.candidates.contains { $0.name == "ALECSO" })
        let person = try #require(report.candidates.first { $0.name == "Hatem Ben Salah" })
        #expect(person.type == .person)
        #expect(report.candidates.first { $0.name == "Rabat" }?.type == .place)
        // Not titles, honorifics or plural offices.
        #expect(!report.candidates.contains { $0.name.contains("Director") || $0.name.hasSuffix(" Dr") })
        let headship = try #require(report.drafts.first { $0.relation?.type == "heads" })
        #expect(headship.relation?.from.draft == person.draft && headship.relation?.to.draft == alecso.draft)
        let meeting = try #require(report.drafts.first { $0.entity?.kind == "meeting" })
        #expect(meeting.entity?.name == "Meeting of AlMalik and Ben Salah in Rabat")
        let participants = report.drafts.filter { $0.relation?.type == "participated_in" && $0.relation?.to.draft == meeting.id }
        #expect(Set(participants.map { $0.relation!.from.key ?? $0.relation!.from.name }) == ["salim-m-almalik", "Hatem Ben Salah", "anar-karimov"])
    }

    // MARK: - The stored matcher

    @Test func theCompiledNamesAreStoredAndBuiltAgainOnlyWhenNamesChange() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try PartnerGraphStore(path: folder.appendingPathComponent("g.sqlite").path)
        try store.loadExample()
        func stored() throws -> Data? {
            try store.read { db in try Data.fetchOne(db, sql: "SELECT data FROM name_matcher WHERE name = 'graph'") }
        }
        #expect(try stored() == nil)
        _ = try store.ingest(Self.article("ICESCO met Azerbaijan."))
        let first = try #require(try stored())
        #expect(NameMatcher(data: first) != nil)
        // A new name: the next ingest compiles the names again and finds it.
        try store.addEntity(NewEntity(type: .organization, name: "ALECSO", aliases: [Alias(name: "الألكسو", language: "ar")]))
        let report = try store.ingest(Self.article("ICESCO met ALECSO and الألكسو in Tunis."))
        #expect(report.mentions.compactMap(\.entity?.key) == ["icesco", "alecso", "alecso"])
        let second = try #require(try stored())
        #expect(second != first)
        // No change: the stored matcher is used as it is.
        _ = try store.ingest(Self.article("ICESCO met ALECSO again."))
        #expect(try stored() == second)
        // A rename through the search queue, and a bulk import, both make it stale.
        try store.update("ALECSO", with: { var changes = EntityChanges(); changes.name = "Arab League Educational Organization"; return changes }())
        #expect(try store.ingest(Self.article("The Arab League Educational Organization met ICESCO.")).mentions.first?.entity?.key == "alecso")
        let nodes = folder.appendingPathComponent("nodes.csv")
        try "key,type,name,alias_ar\nunesco,organization,UNESCO,اليونسكو\n".write(to: nodes, atomically: true, encoding: .utf8)
        _ = try store.importCSV(nodes: nodes.path, edges: nil)
        #expect(try store.ingest(Self.article("UNESCO and ICESCO signed a memorandum.")).mentions.first?.entity?.key == "unesco")
    }

    @Test func theMatcherSurvivesItsStoredForm() throws {
        var builder = NameMatcher.Builder()
        builder.add(normalizedName: "salim m almalik", entityId: 7, isPerson: true)
        builder.add(normalizedName: "icesco", entityId: 1, isPerson: false)
        builder.add(normalizedName: "الايسيسكو", entityId: 1, isPerson: false)
        let matcher = builder.build()
        let copy = try #require(NameMatcher(data: matcher.data))
        #expect(copy.keyBytes == matcher.keyBytes)
        #expect(copy.targetIds == matcher.targetIds)
        #expect(NameMatcher(data: matcher.data.dropLast()) == nil)
        #expect(NameMatcher(data: Data("not a matcher".utf8)) == nil)
    }

    // MARK: - Bad input

    @Test(
        "What is not an article is refused, naming the problem and the fix",
        arguments: [
            (Data(), "is empty"),
            (Data("   \n\t  \n".utf8), "is empty"),
            (Data([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]), "not text"),
            (Data([0x49, 0x43, 0x45, 0x53, 0x43, 0x4F, 0x20, 0xFF, 0xFE]), "not valid UTF-8"),
            (Data("El director general de la organización se reunió con los ministros y las delegaciones para la cooperación.".utf8), "Spanish"),
            (Data("Генеральный директор организации встретился с министром культуры.".utf8), "Cyrillic"),
        ])
    func badInput(data: Data, message: String) throws {
        let error = try #require(throws: IngestError.self) { try Article(data: data, origin: "input.txt") }
        #expect(error.description.contains(message), "\(error.description)")
        #expect(error.description.contains("input.txt"))
    }

    @Test func anArticleTooLargeIsRefusedBeforeItIsRead() throws {
        let data = Data(repeating: 0x61, count: Article.maximumBytes + 1)
        let error = try #require(throws: IngestError.self) { try Article(data: data, origin: "big.txt") }
        #expect(error.description.contains("at most 5,000,000 bytes"))
    }

    @Test(
        "The language is detected from the text",
        arguments: [
            ("The Director-General of ICESCO received the Ambassador of Azerbaijan and discussed cooperation in the fields of education.", Article.Language.english),
            ("Le Directeur général de l'ICESCO a reçu l'ambassadeur de l'Azerbaïdjan pour examiner la coopération dans les domaines de la culture.", .french),
            ("استقبل المدير العام للإيسيسكو سفير أذربيجان", .arabic),
        ])
    func language(text: String, expected: Article.Language) throws {
        #expect(try Self.article(text).language == expected)
    }

    @Test func aKeyThatNamesAnotherTextIsRefusedAndNothingIsWritten() throws {
        let store = try exampleStore()
        let error = try #require(throws: IngestError.self) {
            try store.ingest(Self.article("ICESCO met UNESCO in Paris."), key: "icesco-2024-03-26")
        }
        #expect(error == .keyTaken(key: "icesco-2024-03-26"))
        #expect(try store.sources().count == 1)
        #expect(try store.drafts(status: nil).isEmpty)
    }
}
