import Foundation
import Testing

@testable import PartnerGraph

/// The bundled gazetteer: its table is whole and consistent, and its names are spelled as the
/// press spells them.
struct GazetteerTests {
    static let states = Gazetteer.places.filter { $0.kind == .state }
    static let cities = Gazetteer.places.filter { $0.kind == .city }

    static func has(_ place: GazetteerPlace, _ name: String, _ language: String) -> Bool {
        place.names.contains { $0.name == name && $0.language == language }
    }

    // MARK: - Shape

    @Test("keys are unique lowercase ASCII slugs, and no city's key is a state's")
    func keys() {
        var seen: Set<String> = []
        for place in Gazetteer.places {
            #expect(seen.insert(place.key).inserted, "duplicate key \(place.key)")
            let words = place.key.split(separator: "-", omittingEmptySubsequences: false)
            #expect(
                !words.isEmpty && words.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) } },
                "\(place.key) is not a slug")
        }
        let stateKeys = Set(Self.states.map(\.key))
        for city in Self.cities { #expect(!stateKeys.contains(city.key), "the city \(city.key) needs -city") }
    }

    @Test("every UN member and observer state is there, states before cities")
    func counts() {
        #expect(Self.states.count == 195)
        #expect(Self.cities.count >= 300)
        let firstCity = Gazetteer.places.firstIndex { $0.kind == .city } ?? Gazetteer.places.count
        #expect(Gazetteer.places[firstCity...].allSatisfy { $0.kind == .city }, "a state comes after a city")
        #expect(Gazetteer.places[..<firstCity].count == 195)
    }

    @Test("place(key:) finds each place by its key, and nothing else")
    func lookUp() {
        for place in Gazetteer.places { #expect(Gazetteer.place(key: place.key) == place) }
        #expect(Gazetteer.place(key: "atlantis") == nil)
        #expect(Gazetteer.place(key: "Azerbaijan") == nil, "keys are lowercase")
    }

    @Test("every city's state is in the gazetteer; a state has no country")
    func cityCountries() {
        for city in Self.cities {
            let country = city.country.flatMap { Gazetteer.place(key: $0) }
            #expect(country?.kind == .state, "\(city.key) is in \(city.country ?? "nowhere")")
        }
        for state in Self.states { #expect(state.country == nil, "\(state.key)") }
    }

    @Test("every state has its capital or a major city in the gazetteer, but for the city-states and Nauru")
    func everyStateHasACity() {
        let withCities = Set(Self.cities.compactMap(\.country))
        let without = Self.states.map(\.key).filter { !withCities.contains($0) }
        #expect(Set(without) == ["singapore", "monaco", "nauru", "palau", "tonga"])
    }

    @Test("every place has its English, French and Arabic names")
    func threeLanguages() {
        for place in Gazetteer.places {
            #expect(!place.english.isEmpty && !place.french.isEmpty && !place.arabic.isEmpty, "\(place.key)")
            #expect(!place.frenchWithArticle.isEmpty, "\(place.key)")
            let languages = Set(place.names.map(\.language))
            #expect(languages == ["en", "fr", "ar"], "\(place.key): \(languages)")
        }
    }

    // MARK: - OIC

    @Test("57 states are marked as members of the OIC, and no city")
    func oicCount() {
        #expect(Gazetteer.places.filter(\.oicMember).count == 57)
        #expect(Self.cities.allSatisfy { !$0.oicMember })
    }

    @Test(
        "OIC membership of some states",
        arguments: [
            ("morocco", true), ("azerbaijan", true), ("guyana", true), ("suriname", true), ("albania", true),
            ("palestine", true), ("uganda", true), ("mozambique", true), ("switzerland", false), ("france", false),
            ("ethiopia", false), ("bosnia-and-herzegovina", false), ("russia", false), ("thailand", false),
        ])
    func oicMembers(key: String, member: Bool) {
        #expect(Gazetteer.place(key: key)?.oicMember == member)
    }

    // MARK: - Spot checks

    struct Names: Sendable, CustomTestStringConvertible {
        let key: String
        let english: String
        let french: String
        let arabic: String
        var testDescription: String { key }
    }

    @Test(
        "names in the three languages",
        arguments: [
            Names(key: "azerbaijan", english: "Azerbaijan", french: "Azerbaïdjan", arabic: "أذربيجان"),
            Names(key: "switzerland", english: "Switzerland", french: "Suisse", arabic: "سويسرا"),
            Names(key: "morocco", english: "Morocco", french: "Maroc", arabic: "المغرب"),
            Names(key: "saudi-arabia", english: "Saudi Arabia", french: "Arabie saoudite", arabic: "السعودية"),
            Names(key: "united-arab-emirates", english: "United Arab Emirates", french: "Émirats arabes unis", arabic: "الإمارات"),
            Names(key: "comoros", english: "Comoros", french: "Comores", arabic: "جزر القمر"),
            Names(key: "cote-divoire", english: "Côte d'Ivoire", french: "Côte d'Ivoire", arabic: "كوت ديفوار"),
            Names(key: "germany", english: "Germany", french: "Allemagne", arabic: "ألمانيا"),
            Names(key: "geneva", english: "Geneva", french: "Genève", arabic: "جنيف"),
            Names(key: "shusha", english: "Shusha", french: "Choucha", arabic: "شوشا"),
            Names(key: "baku", english: "Baku", french: "Bakou", arabic: "باكو"),
            Names(key: "rabat", english: "Rabat", french: "Rabat", arabic: "الرباط"),
            Names(key: "casablanca", english: "Casablanca", french: "Casablanca", arabic: "الدار البيضاء"),
            Names(key: "marrakech", english: "Marrakech", french: "Marrakech", arabic: "مراكش"),
            Names(key: "cairo", english: "Cairo", french: "Le Caire", arabic: "القاهرة"),
            Names(key: "the-hague", english: "The Hague", french: "La Haye", arabic: "لاهاي"),
            Names(key: "mecca", english: "Mecca", french: "La Mecque", arabic: "مكة المكرمة"),
        ])
    func names(expected: Names) throws {
        let place = try #require(Gazetteer.place(key: expected.key))
        #expect(place.english == expected.english)
        #expect(place.french == expected.french)
        #expect(place.arabic == expected.arabic)
        #expect(Self.has(place, expected.english, "en"))
        #expect(Self.has(place, expected.french, "fr"))
        #expect(Self.has(place, expected.arabic, "ar"))
    }

    @Test("formal names and other names are among the names, with their language")
    func formalAndOtherNames() throws {
        let azerbaijan = try #require(Gazetteer.place(key: "azerbaijan"))
        #expect(azerbaijan.formalEnglish == "Republic of Azerbaijan")
        #expect(azerbaijan.formalArabic == "جمهورية أذربيجان")
        #expect(Self.has(azerbaijan, "Republic of Azerbaijan", "en"))
        #expect(Self.has(azerbaijan, "جمهورية أذربيجان", "ar"))
        let ivoryCoast = try #require(Gazetteer.place(key: "cote-divoire"))
        #expect(Self.has(ivoryCoast, "Ivory Coast", "en"))
        #expect(Self.has(ivoryCoast, "ساحل العاج", "ar"))
        let turkiye = try #require(Gazetteer.place(key: "turkiye"))
        #expect(Self.has(turkiye, "Turkey", "en"))
        let morocco = try #require(Gazetteer.place(key: "morocco"))
        #expect(morocco.formalArabic == "المملكة المغربية")
        #expect(morocco.formalEnglish == "Kingdom of Morocco")
    }

    @Test(
        "the French name with its article",
        arguments: [
            ("azerbaijan", "l'Azerbaïdjan"), ("switzerland", "la Suisse"), ("morocco", "le Maroc"),
            ("united-arab-emirates", "les Émirats arabes unis"), ("cuba", "Cuba"), ("bahrain", "Bahreïn"), ("cairo", "Le Caire"),
        ])
    func frenchArticle(key: String, expected: String) {
        #expect(Gazetteer.place(key: key)?.frenchWithArticle == expected)
        // The articled form is a form of the French name, not another name; a city's name carries its article.
        let place = Gazetteer.place(key: key)
        #expect(place.map { Self.has($0, expected, "fr") } == (place?.frenchWithArticle == place?.french))
    }

    @Test(
        "adjectives in the three languages",
        arguments: [
            ("azerbaijan", ["Azerbaijani", "azerbaïdjanais", "azerbaïdjanaise", "أذربيجاني", "أذربيجانية"]),
            ("switzerland", ["Swiss", "suisse", "سويسري", "سويسرية"]),
            ("morocco", ["Moroccan", "marocain", "marocaine", "مغربي", "مغربية"]),
            ("saudi-arabia", ["Saudi", "saoudien", "saoudienne", "سعودي", "سعودية"]),
            ("united-arab-emirates", ["Emirati", "émirien", "إماراتي", "إماراتية"]),
            ("cote-divoire", ["Ivorian", "ivoirien", "ivoirienne", "إيفواري", "إيفوارية"]),
        ])
    func adjectives(key: String, expected: [String]) throws {
        let place = try #require(Gazetteer.place(key: key))
        for adjective in expected { #expect(place.adjectives.contains(adjective), "\(key) lacks \(adjective)") }
    }

    @Test(
        "cities are in their states",
        arguments: [
            ("geneva", "switzerland"), ("shusha", "azerbaijan"), ("baku", "azerbaijan"), ("ganja", "azerbaijan"),
            ("rabat", "morocco"), ("casablanca", "morocco"), ("fez", "morocco"), ("tangier", "morocco"),
            ("riyadh", "saudi-arabia"), ("jeddah", "saudi-arabia"), ("mecca", "saudi-arabia"), ("medina", "saudi-arabia"),
            ("new-york", "united-states"), ("strasbourg", "france"), ("the-hague", "netherlands"), ("addis-ababa", "ethiopia"),
            ("istanbul", "turkiye"), ("dubai", "united-arab-emirates"), ("tunis", "tunisia"), ("algiers", "algeria"),
            ("kuwait-city", "kuwait"), ("abidjan", "cote-divoire"),
        ])
    func cityCountry(city: String, state: String) throws {
        let place = try #require(Gazetteer.place(key: city))
        #expect(place.kind == .city)
        #expect(place.country == state)
    }

    @Test("Morocco's capital is Rabat")
    func rabat() throws {
        let rabat = try #require(Gazetteer.place(key: "rabat"))
        #expect(rabat.country == "morocco")
        #expect(Self.has(rabat, "الرباط", "ar"))
    }

    // MARK: - Spelling

    /// The letters of the Arabic alphabet as the Arab press uses it: hamza to ghain, and feh to
    /// yeh (no tatweel, vowel marks, or Persian and Urdu letters).
    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0621...0x063A).contains(scalar.value) || (0x0641...0x064A).contains(scalar.value)
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && scalar.value < 0x0250
    }

    @Test("Arabic names and adjectives are Arabic letters, one space between words")
    func arabicLetters() {
        for place in Gazetteer.places {
            let arabic = place.names.filter { $0.language == "ar" }.map(\.name)
                + place.adjectives.filter { $0.unicodeScalars.contains(where: Self.isArabicLetter) }
            for name in arabic {
                #expect(name.unicodeScalars.allSatisfy { Self.isArabicLetter($0) || $0 == " " }, "\(place.key): \(name)")
                #expect(!name.contains("  "), "\(place.key): \(name)")
            }
        }
    }

    @Test("English and French names and adjectives are in Latin script, with no Arabic")
    func latinLetters() {
        for place in Gazetteer.places {
            let latin = place.names.filter { $0.language != "ar" }.map(\.name) + [place.frenchWithArticle]
                + place.adjectives.filter { !$0.unicodeScalars.contains(where: Self.isArabicLetter) }
            for name in latin {
                #expect(name.unicodeScalars.contains(where: Self.isLatinLetter), "\(place.key): \(name)")
                #expect(name.unicodeScalars.allSatisfy { $0.value < 0x0600 || $0.value > 0x06FF }, "\(place.key): \(name)")
                #expect(name.unicodeScalars.allSatisfy { Self.isLatinLetter($0) || " '-.,".unicodeScalars.contains($0) }, "\(place.key): \(name)")
            }
        }
    }

    @Test("every state has English and French adjectives where it has Arabic ones, in pairs")
    func adjectiveShapes() {
        for state in Self.states {
            let arabic = state.adjectives.filter { $0.unicodeScalars.contains(where: Self.isArabicLetter) }
            #expect(arabic.count % 2 == 0, "\(state.key): \(arabic)")
            for pair in stride(from: 0, to: arabic.count, by: 2) {
                #expect(arabic[pair + 1] == arabic[pair] + "ة", "\(state.key): the feminine of \(arabic[pair])")
                #expect(!arabic[pair].hasPrefix("ال"), "\(state.key): \(arabic[pair]) is written without the article")
            }
            if !arabic.isEmpty { #expect(state.adjectives.count > arabic.count, "\(state.key) has only Arabic adjectives") }
        }
        for city in Self.cities { #expect(city.adjectives.isEmpty) }
    }

    @Test("no name or adjective is empty, or has spaces at its ends or table separators in it")
    func noStrayText() {
        for place in Gazetteer.places {
            for text in place.names.map(\.name) + place.adjectives + [place.frenchWithArticle] {
                #expect(!text.isEmpty, "\(place.key)")
                #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == text, "\(place.key): \(text.debugDescription)")
                #expect(!text.contains("|") && !text.contains(";") && !text.contains("\n"), "\(place.key): \(text)")
            }
            for language in ["en", "fr", "ar"] {
                let names = place.names.filter { $0.language == language }.map(\.name)
                #expect(Set(names).count == names.count, "\(place.key) repeats a \(language) name: \(names)")
            }
        }
    }

    @Test("no two states, and no two cities, share a name in a language as the matcher folds it")
    func namesTellPlacesApart() {
        for group in [Self.states, Self.cities] {
            var owner: [String: String] = [:]
            for place in group {
                for name in Set(place.names.map { "\($0.language):" + NameNormalizer.normalize($0.name) }) {
                    if let other = owner[name] { Issue.record("\(name) is both \(other) and \(place.key)") }
                    owner[name] = place.key
                }
            }
        }
    }

    @Test("no two states share an adjective as the matcher folds it")
    func adjectivesTellStatesApart() {
        var owner: [String: String] = [:]
        for state in Self.states {
            for adjective in Set(state.adjectives.map(NameNormalizer.normalize)) {
                if let other = owner[adjective] { Issue.record("\(adjective) is both \(other)'s and \(state.key)'s") }
                owner[adjective] = state.key
            }
        }
    }

    @Test("a malformed table is refused, not read wrong")
    func malformedTable() {
        func row(_ fields: [String]) -> String { fields.joined(separator: "|") }
        let good = ["x", "oic", "X", "", "Y", "l'", "ع", "", "", "", "", "en:Z"]
        var short = good
        short.removeLast()
        var badFlag = good
        badFlag[1] = "yes"
        var badArticle = good
        badArticle[5] = "del"
        var badLanguage = good
        badLanguage[11] = "de:Z"
        var untagged = good
        untagged[11] = "Z"
        for states in [short, badFlag, badArticle, badLanguage, untagged] {
            #expect(throws: Gazetteer.TableError.self) { try Gazetteer.parse(states: row(states), cities: "") }
        }
        #expect(throws: Gazetteer.TableError.self) { try Gazetteer.parse(states: "", cities: "c|x|C|D|ب") }
        let parsed = try? Gazetteer.parse(states: "# a comment\n" + row(good), cities: "\nc|x|C|D|ب|")
        #expect(parsed?.count == 2)
        #expect(parsed?.first?.frenchWithArticle == "l'Y")
        #expect(parsed?.first?.oicMember == true)
        #expect(parsed?.first?.names.map(\.name) == ["X", "Y", "ع", "Z"])
        #expect(parsed?.last?.country == "x")
        #expect(parsed?.last?.kind == .city)
    }
}
