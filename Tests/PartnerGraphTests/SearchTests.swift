import Testing
@testable import PartnerGraph

struct SearchTests {
    @Test(arguments: [
        ("وأذربيجان", "اذربيجان"),
        ("للإيسيسكو", "ايسيسكو"),
        ("الإيسيسكو", "ايسيسكو"),
        ("فالمنظمة", "منظمه"),
        ("بالتعاون", "تعاون"),
        ("والثقافة", "الثقافه"),
    ])
    func cliticVariantsStripConjunctionsPrepositionsAndTheArticle(word: String, stem: String) {
        let folded = NameNormalizer.normalize(word)
        #expect(SearchText.cliticVariants(of: folded).contains(stem), "\(word) should also be indexed as \(stem)")
    }

    @Test func shortWordsAndLatinWordsKeepTheirForm() {
        #expect(SearchText.cliticVariants(of: "باكو").contains("اكو"))
        #expect(SearchText.cliticVariants(of: "بكر").isEmpty)
        #expect(SearchText.cliticVariants(of: "baku").isEmpty)
    }

    @Test func azerbaijanFindsTheArticleThatWritesItWithAConjunction() throws {
        let store = try exampleStore()
        let results = try store.search(SearchQuery("أذربيجان"))
        #expect(results.hits.first?.key == "azerbaijan")
        let source = results.hits.first { $0.kind == .source }
        #expect(source?.key == "icesco-2024-03-26")
        #expect(source?.snippet?.contains("أذربيجان") == true)
    }

    @Test func theArticleFindsTheWordWrittenWithLilAndNothingElse() throws {
        let store = try PartnerGraphStore()
        try store.addEntity(NewEntity(type: .organization, name: "Culture Office", key: "office", note: "شكر للإيسيسكو على دعمها"))
        try store.addEntity(NewEntity(type: .organization, name: "Other", key: "other", note: "لا علاقة"))
        let hits = try store.search(SearchQuery("الإيسيسكو")).hits
        #expect(hits.map(\.key) == ["office"])
        #expect(hits.first?.snippet?.contains("للإيسيسكو") == true)
        // Hamza and case folding too.
        #expect(try store.search(SearchQuery("الايسيسكو")).hits.map(\.key) == ["office"])
        #expect(try store.search(SearchQuery("CULTURE")).hits.map(\.key) == ["office"])
    }

    @Test func englishPrefixAliasesAndTypeFilter() throws {
        let store = try exampleStore()
        #expect(try store.search(SearchQuery("azerb")).hits.contains { $0.key == "azerbaijan" })
        let icesco = try store.search(SearchQuery("الإيسيسكو", entityTypes: [.organization])).hits.first
        #expect(icesco?.key == "icesco" && icesco?.matched == "الإيسيسكو")
        let people = try store.search(SearchQuery("المالك", entityTypes: [.person])).hits
        #expect(people.map(\.key) == ["salim-m-almalik"])
        #expect(throws: QueryError.self) { try store.search(SearchQuery("  ,. ")) }
    }

    @Test func editsAreSearchableAtOnce() throws {
        let store = try exampleStore()
        _ = try store.search(SearchQuery("ICESCO"))
        var changes = EntityChanges()
        changes.name = "Shusha City"
        try store.update("Shusha", with: changes)
        #expect(try store.search(SearchQuery("Shusha City")).hits.first?.key == "shusha")
        _ = try store.remove("Switzerland", cascade: true)
        #expect(try store.search(SearchQuery("Switzerland")).hits.isEmpty)
    }
}
