import Testing
@testable import PartnerGraph

/// The bundled example holds the facts of the seed article (shared/seed/FACTS.md).
struct ExampleTests {
    @Test("show ICESCO lists its director-general, its observer status, the 2022 action plan and the article")
    func icescoProfile() throws {
        let store = try exampleStore()
        for name in ["ICESCO", "الإيسيسكو", "منظمة العالم الإسلامي للتربية والعلوم والثقافة", "إيسيسكو"] {
            let profile = try store.profile(of: name)
            #expect(profile.key == "icesco")
            let relations = profile.relations
            #expect(relations.contains { $0.type == "heads" && $0.other.key == "salim-m-almalik" && $0.role == "Director-General" && $0.phrase == "headed by" })
            #expect(relations.contains { $0.type == "observer_of" && $0.other.key == "nam-pn" && $0.start?.description == "2024-03" })
            #expect(relations.contains { $0.type == "party_to" && $0.other.key == "icesco-azerbaijan-action-plan-2022" })
            #expect(profile.citations.map(\.source) == ["icesco-2024-03-26"])
        }
    }

    @Test("The article is registered as a source with its text")
    func articleIsASource() throws {
        let detail = try exampleStore().source("icesco-2024-03-26")
        #expect(detail.source.publisher == "ICESCO")
        #expect(detail.source.published?.description == "2024-03-26")
        #expect(detail.source.language == "ar")
        #expect(detail.source.text?.contains("حضر اللقاء من الإيسيسكو السيد أنار كريموف") == true)
        #expect(detail.relations.count == 33, "every relation cites the article")
        #expect(detail.entities.count == 21, "every entity cites the article")
    }

    @Test("Every entity of FACTS.md is there with an English and an Arabic name", arguments: [
        ("icesco", "الإيسيسكو"), ("icesco-partnerships-sector", "قطاع الشراكات والتعاون الدولي"),
        ("azerbaijan", "جمهورية أذربيجان"), ("milli-majlis", "المجلس الوطني لجمهورية أذربيجان"),
        ("nam", "حركة عدم الانحياز"), ("nam-pn", "الشبكة البرلمانية لحركة عدم الانحياز"),
        ("unfccc", "اتفاقية الأمم المتحدة الإطارية بشأن المناخ"), ("salim-m-almalik", "الدكتور سالم بن محمد المالك"),
        ("sahiba-gafarova", "صاحبة غفاروفا"), ("anar-karimov", "أنار كريموف"),
        ("icesco-azerbaijan-action-plan-2022", "خطة عمل التعاون"),
        ("nam-pn-third-conference", "المؤتمر الثالث للشبكة البرلمانية لحركة عدم الانحياز"),
        ("capitals-of-culture-programme", "برنامج الإيسيسكو لعواصم الثقافة في العالم الإسلامي"),
        ("shusha-capital-of-culture-2024", "احتفالية شوشا عاصمة الثقافة في العالم الإسلامي 2024"),
        ("world-forum-intercultural-dialogue", "المنتدى العالمي للحوار بين الثقافات"), ("cop29", "كوب 29"),
        ("geneva", "جنيف"), ("baku", "باكو"), ("shusha", "شوشا"),
    ])
    func entityWithBothNames(key: String, arabic: String) throws {
        let store = try exampleStore()
        #expect(try store.entity(arabic).key == key)
        #expect(try store.profile(of: key).nameLanguage == "en")
    }

    @Test("Dates stay at the precision the article gives")
    func datePrecision() throws {
        let store = try exampleStore()
        #expect(try store.profile(of: "icesco-azerbaijan-action-plan-2022").date?.description == "2022")
        #expect(try store.profile(of: "nam-pn-third-conference").date?.description == "2024-03-25")
        #expect(try store.profile(of: "almalik-gafarova-meeting-2024").date?.description == "2024-03")
    }

    @Test("The relations of FACTS.md are there", arguments: [
        ("salim-m-almalik", "heads", "icesco"), ("sahiba-gafarova", "heads", "milli-majlis"),
        ("sahiba-gafarova", "heads", "nam-pn"), ("anar-karimov", "heads", "icesco-partnerships-sector"),
        ("icesco-partnerships-sector", "part_of", "icesco"), ("milli-majlis", "part_of", "azerbaijan"),
        ("nam-pn", "part_of", "nam"), ("icesco", "observer_of", "nam-pn"),
        ("icesco", "party_to", "icesco-azerbaijan-action-plan-2022"), ("azerbaijan", "party_to", "icesco-azerbaijan-action-plan-2022"),
        ("salim-m-almalik", "participated_in", "nam-pn-third-conference"), ("sahiba-gafarova", "participated_in", "nam-pn-third-conference"),
        ("nam-pn", "organized", "nam-pn-third-conference"), ("anar-karimov", "participated_in", "almalik-gafarova-meeting-2024"),
        ("almalik-gafarova-meeting-2024", "held_in", "geneva"), ("almalik-gafarova-meeting-2024", "part_of", "nam-pn-third-conference"),
        ("shusha-capital-of-culture-2024", "part_of", "capitals-of-culture-programme"),
        ("shusha-capital-of-culture-2024", "held_in", "shusha"),
        ("shusha-capital-of-culture-2024", "implements", "icesco-azerbaijan-action-plan-2022"),
        ("icesco", "organized", "capitals-of-culture-programme"),
        ("icesco", "co_organized", "world-forum-intercultural-dialogue"), ("azerbaijan", "co_organized", "world-forum-intercultural-dialogue"),
        ("world-forum-intercultural-dialogue", "held_in", "baku"), ("icesco", "participated_in", "cop29"),
        ("azerbaijan", "participated_in", "cop29"), ("unfccc", "organized", "cop29"), ("icesco", "partner_of", "azerbaijan"),
    ])
    func relation(source: String, type: String, target: String) throws {
        let relations = try exampleStore().profile(of: source).relations
        #expect(relations.contains { $0.direction == .outgoing && $0.type == type && $0.target.key == target })
    }
}
