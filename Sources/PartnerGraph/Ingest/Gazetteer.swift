/// A place PartnerGraph knows without being told: a state or a city.
///
/// The ``Gazetteer`` holds them so that `partnergraph ingest` can propose the places an
/// article names (in Arabic, English or French) as place entities with their names in the
/// three languages.
public struct GazetteerPlace: Sendable, Hashable {
    /// A sovereign state (an organization of kind `state` in the graph), or a city (a place).
    public enum Kind: String, Sendable { /** A sovereign state, or a city. */ case state, city }

    /// A further name of a place, with its language tag: `Ivory Coast` (en), `ساحل العاج` (ar).
    struct OtherName: Sendable, Hashable {
        let name: String
        let language: String
    }

    /// The key the place gets as an entity: `azerbaijan`, `baku`.
    public let key: String            // "azerbaijan"
    /// A state or a city.
    public let kind: Kind
    /// The usual English name: `Azerbaijan`.
    public let english: String        // "Azerbaijan"
    /// The formal English name, when there is one: `Republic of Azerbaijan`.
    public let formalEnglish: String? // "Republic of Azerbaijan"
    /// The usual French name: `Azerbaïdjan`.
    public let french: String         // "Azerbaïdjan"
    /// The French name with the article it takes in a sentence: `l'Azerbaïdjan`, `la Suisse`,
    /// `les Émirats arabes unis`, or the bare name where French uses none (`Cuba`, `Bahreïn`).
    /// Not among ``names``: it is a form of ``french``, not another name.
    public let frenchWithArticle: String
    /// The usual Arabic name: `أذربيجان`.
    public let arabic: String         // "أذربيجان"
    /// The formal Arabic name, when there is one: `جمهورية أذربيجان`.
    public let formalArabic: String?  // "جمهورية أذربيجان"
    /// Forms that name the place as an adjective, in any of the three languages ("Azerbaijani", "أذربيجاني", "أذربيجانية", "azerbaïdjanais").
    ///
    /// English first, then French (masculine, feminine), then Arabic nisbas (masculine,
    /// feminine, without the article). Empty for cities.
    public let adjectives: [String]
    /// For a city, the key of its state.
    public let country: String?
    /// For a state, whether it is a member of the Organisation of Islamic Cooperation; `false`
    /// for a city.
    public let oicMember: Bool
    /// Other usual names: former or alternative short names (`Turkey`, `Swaziland`, `الإمارات العربية المتحدة`).
    let otherNames: [OtherName]

    /// Every name of the place (not the adjectives), each with its language tag: en, fr, ar.
    ///
    /// The English, formal English, French, Arabic and formal Arabic names, then the other
    /// usual names.
    public var names: [(name: String, language: String)] {
        var result: [(name: String, language: String)] = [(english, "en")]
        if let formalEnglish { result.append((formalEnglish, "en")) }
        result.append((french, "fr"))
        result.append((arabic, "ar"))
        if let formalArabic { result.append((formalArabic, "ar")) }
        for other in otherNames { result.append((other.name, other.language)) }
        return result
    }
}

/// The states and cities PartnerGraph knows by name in English, French and Arabic.
///
/// - Every sovereign state: the 193 members of the United Nations and its two observer states
///   (the Holy See and Palestine), with the 57 members of the Organisation of Islamic
///   Cooperation marked.
/// - Their capitals, and the cities where international meetings are held: for the OIC states
///   their major cities, elsewhere the usual conference and headquarters cities.
///
/// Arabic names are spelled as Arab media and ICESCO write them, without vowel marks;
/// adjectives are the English demonym, the French adjective (masculine, feminine) and the
/// Arabic nisba (masculine, feminine, without ال).
///
/// Left out on purpose:
/// - the capitals of the city-states Singapore and Monaco (the state is the place), of Nauru
///   (which has none by law), and the capitals whose Arabic spelling is not settled in the
///   press: Ngerulmud (Palau), Nukuʻalofa (Tonga), Sri Jayawardenepura Kotte (Sri Lanka,
///   whose Colombo is listed);
/// - adjectives shared by two states (Congolese, Korean: `كوري`) and Arabic nisbas that are
///   also common words: `مالي` (Mali; "financial"), `قمري` (Comoros; "lunar"), `روماني`
///   (Romania; "Roman"), and those made of two words (`جنوب أفريقي`);
/// - cities whose Arabic name is a common word: Mashhad (`مشهد`, "scene"), Qom (`قم`), Tyre
///   (`صور`, "pictures"), Bursa (`بورصة`, "stock exchange"), Venice (`البندقية`, "the rifle"),
///   Al Ain (`العين`), Zarqa (`الزرقاء`).
///
/// Jerusalem (`القدس`) is listed under Palestine, as ICESCO and the OIC write it; Israel's
/// entry has Tel Aviv.
///
/// Some names are also common words or are shared across kinds, and the matcher must weigh
/// them: `عمان` is Oman and Amman; `تونس` and `الجزائر` are the states (their capitals are
/// `تونس العاصمة`, `الجزائر العاصمة`); `العقبة` (Aqaba) is also "the obstacle", `جدة` (Jeddah)
/// also "grandmother".
public enum Gazetteer {
    /// Every place, states first, then cities; keys are unique.
    public static let places: [GazetteerPlace] = {
        do {
            return try parse(states: stateTable, cities: cityTable)
        } catch {
            preconditionFailure("The gazetteer's table is malformed: \(error)")
        }
    }()

    private static let byKey: [String: GazetteerPlace] = {
        var table: [String: GazetteerPlace] = [:]
        for place in places where table[place.key] == nil { table[place.key] = place }
        return table
    }()

    /// The place with this key.
    public static func place(key: String) -> GazetteerPlace? {
        byKey[key]
    }

    // MARK: - Reading the tables

    struct TableError: Error, CustomStringConvertible {
        let line: String
        let reason: String
        var description: String { "\(reason): \(line)" }
    }

    /// Reads the two tables. A line that is empty or starts with `#` is skipped; fields are kept
    /// exactly as written (the tests check their spaces).
    static func parse(states: String, cities: String) throws -> [GazetteerPlace] {
        var places: [GazetteerPlace] = []
        for line in lines(of: states) {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 12 else { throw TableError(line: line, reason: "a state has 12 fields, not \(fields.count)") }
            guard fields[1] == "" || fields[1] == "oic" else { throw TableError(line: line, reason: "the OIC field is `oic` or empty") }
            let article = fields[5]
            let withArticle: String
            switch article {
            case "": withArticle = fields[4]
            case "l'": withArticle = "l'" + fields[4]
            case "le", "la", "les": withArticle = article + " " + fields[4]
            default: throw TableError(line: line, reason: "unknown French article `\(article)`")
            }
            places.append(
                GazetteerPlace(
                    key: fields[0], kind: .state, english: fields[2], formalEnglish: optional(fields[3]), french: fields[4],
                    frenchWithArticle: withArticle, arabic: fields[6], formalArabic: optional(fields[7]),
                    adjectives: list(fields[8]) + list(fields[9]) + list(fields[10]), country: nil, oicMember: fields[1] == "oic",
                    otherNames: try otherNames(fields[11], line: line)))
        }
        for line in lines(of: cities) {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6 else { throw TableError(line: line, reason: "a city has 6 fields, not \(fields.count)") }
            places.append(
                GazetteerPlace(
                    key: fields[0], kind: .city, english: fields[2], formalEnglish: nil, french: fields[3], frenchWithArticle: fields[3],
                    arabic: fields[4], formalArabic: nil, adjectives: [], country: fields[1], oicMember: false,
                    otherNames: try otherNames(fields[5], line: line)))
        }
        return places
    }

    private static func lines(of table: String) -> [String] {
        table.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    private static func optional(_ field: String) -> String? {
        field.isEmpty ? nil : field
    }

    private static func list(_ field: String) -> [String] {
        field.isEmpty ? [] : field.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
    }

    private static func otherNames(_ field: String, line: String) throws -> [GazetteerPlace.OtherName] {
        try list(field).map { item in
            guard let colon = item.firstIndex(of: ":") else { throw TableError(line: line, reason: "`\(item)` has no language tag") }
            let language = String(item[..<colon])
            guard ["en", "fr", "ar"].contains(language) else { throw TableError(line: line, reason: "unknown language `\(language)`") }
            return GazetteerPlace.OtherName(name: String(item[item.index(after: colon)...]), language: language)
        }
    }

    // MARK: - The tables

    /// One state a line, by key:
    /// `key|oic|English|formal English|French|French article|Arabic|formal Arabic|English adjectives|French adjectives|Arabic adjectives|other names`.
    /// `oic` marks a member of the OIC; the French article is `le`, `la`, `l'`, `les` or empty;
    /// lists are separated by `;`; other names are `en:…`, `fr:…`, `ar:…`.
    static let stateTable = """
        afghanistan|oic|Afghanistan||Afghanistan|l'|أفغانستان||Afghan|afghan;afghane|أفغاني;أفغانية|
        albania|oic|Albania|Republic of Albania|Albanie|l'|ألبانيا|جمهورية ألبانيا|Albanian|albanais;albanaise|ألباني;ألبانية|
        algeria|oic|Algeria|People's Democratic Republic of Algeria|Algérie|l'|الجزائر|الجمهورية الجزائرية الديمقراطية الشعبية|Algerian|algérien;algérienne|جزائري;جزائرية|
        andorra||Andorra|Principality of Andorra|Andorre|l'|أندورا|إمارة أندورا|Andorran|andorran;andorrane||
        angola||Angola|Republic of Angola|Angola|l'|أنغولا|جمهورية أنغولا|Angolan|angolais;angolaise|أنغولي;أنغولية|
        antigua-and-barbuda||Antigua and Barbuda||Antigua-et-Barbuda||أنتيغوا وباربودا|||||
        argentina||Argentina|Argentine Republic|Argentine|l'|الأرجنتين|جمهورية الأرجنتين|Argentine;Argentinian|argentin;argentine|أرجنتيني;أرجنتينية|
        armenia||Armenia|Republic of Armenia|Arménie|l'|أرمينيا|جمهورية أرمينيا|Armenian|arménien;arménienne|أرميني;أرمينية|
        australia||Australia|Commonwealth of Australia|Australie|l'|أستراليا|كومنولث أستراليا|Australian|australien;australienne|أسترالي;أسترالية|
        austria||Austria|Republic of Austria|Autriche|l'|النمسا|جمهورية النمسا|Austrian|autrichien;autrichienne|نمساوي;نمساوية|
        azerbaijan|oic|Azerbaijan|Republic of Azerbaijan|Azerbaïdjan|l'|أذربيجان|جمهورية أذربيجان|Azerbaijani|azerbaïdjanais;azerbaïdjanaise|أذربيجاني;أذربيجانية|
        bahamas||Bahamas|Commonwealth of The Bahamas|Bahamas|les|جزر البهاما|كومنولث جزر البهاما|Bahamian|bahamien;bahamienne||en:The Bahamas;ar:البهاما
        bahrain|oic|Bahrain|Kingdom of Bahrain|Bahreïn||البحرين|مملكة البحرين|Bahraini|bahreïnien;bahreïnienne|بحريني;بحرينية|
        bangladesh|oic|Bangladesh|People's Republic of Bangladesh|Bangladesh|le|بنغلاديش|جمهورية بنغلاديش الشعبية|Bangladeshi|bangladais;bangladaise|بنغلاديشي;بنغلاديشية|
        barbados||Barbados||Barbade|la|بربادوس||Barbadian|barbadien;barbadienne||
        belarus||Belarus|Republic of Belarus|Biélorussie|la|بيلاروس|جمهورية بيلاروس|Belarusian|biélorusse|بيلاروسي;بيلاروسية|fr:Bélarus;ar:بيلاروسيا;ar:روسيا البيضاء
        belgium||Belgium|Kingdom of Belgium|Belgique|la|بلجيكا|مملكة بلجيكا|Belgian|belge|بلجيكي;بلجيكية|
        belize||Belize||Belize|le|بليز||Belizean|bélizien;bélizienne||
        benin|oic|Benin|Republic of Benin|Bénin|le|بنين|جمهورية بنين|Beninese|béninois;béninoise|بنيني;بنينية|
        bhutan||Bhutan|Kingdom of Bhutan|Bhoutan|le|بوتان|مملكة بوتان|Bhutanese|bhoutanais;bhoutanaise|بوتاني;بوتانية|
        bolivia||Bolivia|Plurinational State of Bolivia|Bolivie|la|بوليفيا|دولة بوليفيا المتعددة القوميات|Bolivian|bolivien;bolivienne|بوليفي;بوليفية|
        bosnia-and-herzegovina||Bosnia and Herzegovina||Bosnie-Herzégovine|la|البوسنة والهرسك||Bosnian|bosnien;bosnienne|بوسني;بوسنية|
        botswana||Botswana|Republic of Botswana|Botswana|le|بوتسوانا|جمهورية بوتسوانا||botswanais;botswanaise||
        brazil||Brazil|Federative Republic of Brazil|Brésil|le|البرازيل|جمهورية البرازيل الاتحادية|Brazilian|brésilien;brésilienne|برازيلي;برازيلية|
        brunei|oic|Brunei|Brunei Darussalam|Brunei|le|بروناي|بروناي دار السلام|Bruneian|brunéien;brunéienne||fr:Brunéi Darussalam
        bulgaria||Bulgaria|Republic of Bulgaria|Bulgarie|la|بلغاريا|جمهورية بلغاريا|Bulgarian|bulgare|بلغاري;بلغارية|
        burkina-faso|oic|Burkina Faso||Burkina Faso|le|بوركينا فاسو||Burkinabè|burkinabè|بوركيني;بوركينية|
        burundi||Burundi|Republic of Burundi|Burundi|le|بوروندي|جمهورية بوروندي|Burundian|burundais;burundaise|بوروندي;بوروندية|
        cabo-verde||Cabo Verde|Republic of Cabo Verde|Cap-Vert|le|الرأس الأخضر|جمهورية كابو فيردي|Cabo Verdean;Cape Verdean|cap-verdien;cap-verdienne||en:Cape Verde;fr:Cabo Verde;ar:كابو فيردي
        cambodia||Cambodia|Kingdom of Cambodia|Cambodge|le|كمبوديا|مملكة كمبوديا|Cambodian|cambodgien;cambodgienne|كمبودي;كمبودية|
        cameroon|oic|Cameroon|Republic of Cameroon|Cameroun|le|الكاميرون|جمهورية الكاميرون|Cameroonian|camerounais;camerounaise|كاميروني;كاميرونية|
        canada||Canada||Canada|le|كندا||Canadian|canadien;canadienne|كندي;كندية|
        central-african-republic||Central African Republic||République centrafricaine|la|جمهورية أفريقيا الوسطى||Central African|centrafricain;centrafricaine||fr:Centrafrique;ar:جمهورية إفريقيا الوسطى;ar:أفريقيا الوسطى
        chad|oic|Chad|Republic of Chad|Tchad|le|تشاد|جمهورية تشاد|Chadian|tchadien;tchadienne|تشادي;تشادية|
        chile||Chile|Republic of Chile|Chili|le|تشيلي|جمهورية تشيلي|Chilean|chilien;chilienne|تشيلي;تشيلية|
        china||China|People's Republic of China|Chine|la|الصين|جمهورية الصين الشعبية|Chinese|chinois;chinoise|صيني;صينية|
        colombia||Colombia|Republic of Colombia|Colombie|la|كولومبيا|جمهورية كولومبيا|Colombian|colombien;colombienne|كولومبي;كولومبية|
        comoros|oic|Comoros|Union of the Comoros|Comores|les|جزر القمر|الاتحاد القمري|Comorian|comorien;comorienne||
        congo||Congo|Republic of the Congo|Congo|le|الكونغو|جمهورية الكونغو||||en:Congo-Brazzaville;fr:Congo-Brazzaville;ar:الكونغو برازافيل
        costa-rica||Costa Rica|Republic of Costa Rica|Costa Rica|le|كوستاريكا|جمهورية كوستاريكا|Costa Rican|costaricien;costaricienne|كوستاريكي;كوستاريكية|
        cote-divoire|oic|Côte d'Ivoire|Republic of Côte d'Ivoire|Côte d'Ivoire|la|كوت ديفوار|جمهورية كوت ديفوار|Ivorian|ivoirien;ivoirienne|إيفواري;إيفوارية|en:Ivory Coast;ar:ساحل العاج
        croatia||Croatia|Republic of Croatia|Croatie|la|كرواتيا|جمهورية كرواتيا|Croatian|croate|كرواتي;كرواتية|
        cuba||Cuba|Republic of Cuba|Cuba||كوبا|جمهورية كوبا|Cuban|cubain;cubaine|كوبي;كوبية|
        cyprus||Cyprus|Republic of Cyprus|Chypre||قبرص|جمهورية قبرص|Cypriot|chypriote|قبرصي;قبرصية|
        czechia||Czechia|Czech Republic|Tchéquie|la|التشيك|الجمهورية التشيكية|Czech|tchèque|تشيكي;تشيكية|fr:République tchèque;ar:تشيكيا
        denmark||Denmark|Kingdom of Denmark|Danemark|le|الدنمارك|مملكة الدنمارك|Danish|danois;danoise|دنماركي;دنماركية|
        djibouti|oic|Djibouti|Republic of Djibouti|Djibouti||جيبوتي|جمهورية جيبوتي|Djiboutian|djiboutien;djiboutienne|جيبوتي;جيبوتية|
        dominica||Dominica|Commonwealth of Dominica|Dominique|la|دومينيكا|كومنولث دومينيكا||dominiquais;dominiquaise||
        dominican-republic||Dominican Republic||République dominicaine|la|جمهورية الدومينيكان||Dominican|dominicain;dominicaine|دومينيكاني;دومينيكانية|ar:الدومينيكان
        dr-congo||Democratic Republic of the Congo||République démocratique du Congo|la|جمهورية الكونغو الديمقراطية|||||en:DR Congo;fr:RD Congo;ar:الكونغو الديمقراطية
        ecuador||Ecuador|Republic of Ecuador|Équateur|l'|الإكوادور|جمهورية الإكوادور|Ecuadorian|équatorien;équatorienne|إكوادوري;إكوادورية|
        egypt|oic|Egypt|Arab Republic of Egypt|Égypte|l'|مصر|جمهورية مصر العربية|Egyptian|égyptien;égyptienne|مصري;مصرية|
        el-salvador||El Salvador|Republic of El Salvador|Salvador|le|السلفادور|جمهورية السلفادور|Salvadoran|salvadorien;salvadorienne|سلفادوري;سلفادورية|
        equatorial-guinea||Equatorial Guinea|Republic of Equatorial Guinea|Guinée équatoriale|la|غينيا الاستوائية|جمهورية غينيا الاستوائية|Equatorial Guinean|équato-guinéen;équato-guinéenne||
        eritrea||Eritrea|State of Eritrea|Érythrée|l'|إريتريا|دولة إريتريا|Eritrean|érythréen;érythréenne|إريتري;إريترية|
        estonia||Estonia|Republic of Estonia|Estonie|l'|إستونيا|جمهورية إستونيا|Estonian|estonien;estonienne|إستوني;إستونية|
        eswatini||Eswatini|Kingdom of Eswatini|Eswatini|l'|إسواتيني|مملكة إسواتيني|Swazi|swazi;swazie||en:Swaziland;fr:Swaziland;ar:سوازيلاند
        ethiopia||Ethiopia|Federal Democratic Republic of Ethiopia|Éthiopie|l'|إثيوبيا|جمهورية إثيوبيا الديمقراطية الاتحادية|Ethiopian|éthiopien;éthiopienne|إثيوبي;إثيوبية|
        fiji||Fiji|Republic of Fiji|Fidji|les|فيجي|جمهورية فيجي|Fijian|fidjien;fidjienne|فيجي;فيجية|
        finland||Finland|Republic of Finland|Finlande|la|فنلندا|جمهورية فنلندا|Finnish|finlandais;finlandaise|فنلندي;فنلندية|
        france||France|French Republic|France|la|فرنسا|الجمهورية الفرنسية|French|français;française|فرنسي;فرنسية|
        gabon|oic|Gabon|Gabonese Republic|Gabon|le|الغابون|الجمهورية الغابونية|Gabonese|gabonais;gabonaise|غابوني;غابونية|
        gambia|oic|Gambia|Republic of The Gambia|Gambie|la|غامبيا|جمهورية غامبيا|Gambian|gambien;gambienne|غامبي;غامبية|en:The Gambia
        georgia||Georgia||Géorgie|la|جورجيا||Georgian|géorgien;géorgienne|جورجي;جورجية|
        germany||Germany|Federal Republic of Germany|Allemagne|l'|ألمانيا|جمهورية ألمانيا الاتحادية|German|allemand;allemande|ألماني;ألمانية|
        ghana||Ghana|Republic of Ghana|Ghana|le|غانا|جمهورية غانا|Ghanaian|ghanéen;ghanéenne|غاني;غانية|
        greece||Greece|Hellenic Republic|Grèce|la|اليونان|الجمهورية اليونانية|Greek|grec;grecque|يوناني;يونانية|
        grenada||Grenada||Grenade|la|غرينادا||Grenadian|grenadien;grenadienne||
        guatemala||Guatemala|Republic of Guatemala|Guatemala|le|غواتيمالا|جمهورية غواتيمالا|Guatemalan|guatémaltèque|غواتيمالي;غواتيمالية|
        guinea|oic|Guinea|Republic of Guinea|Guinée|la|غينيا|جمهورية غينيا|Guinean|guinéen;guinéenne|غيني;غينية|
        guinea-bissau|oic|Guinea-Bissau|Republic of Guinea-Bissau|Guinée-Bissau|la|غينيا بيساو|جمهورية غينيا بيساو|Bissau-Guinean|bissau-guinéen;bissau-guinéenne||
        guyana|oic|Guyana|Co-operative Republic of Guyana|Guyana|le|غيانا|جمهورية غيانا التعاونية|Guyanese|guyanien;guyanienne|غياني;غيانية|
        haiti||Haiti|Republic of Haiti|Haïti||هايتي|جمهورية هايتي|Haitian|haïtien;haïtienne|هايتي;هايتية|
        holy-see||Holy See||Saint-Siège|le|الكرسي الرسولي|||||en:Vatican;fr:Vatican;ar:الفاتيكان
        honduras||Honduras|Republic of Honduras|Honduras|le|هندوراس|جمهورية هندوراس|Honduran|hondurien;hondurienne|هندوراسي;هندوراسية|
        hungary||Hungary||Hongrie|la|المجر||Hungarian|hongrois;hongroise|مجري;مجرية|ar:هنغاريا
        iceland||Iceland||Islande|l'|آيسلندا||Icelandic|islandais;islandaise|آيسلندي;آيسلندية|ar:أيسلندا
        india||India|Republic of India|Inde|l'|الهند|جمهورية الهند|Indian|indien;indienne|هندي;هندية|
        indonesia|oic|Indonesia|Republic of Indonesia|Indonésie|l'|إندونيسيا|جمهورية إندونيسيا|Indonesian|indonésien;indonésienne|إندونيسي;إندونيسية|
        iran|oic|Iran|Islamic Republic of Iran|Iran|l'|إيران|جمهورية إيران الإسلامية|Iranian|iranien;iranienne|إيراني;إيرانية|
        iraq|oic|Iraq|Republic of Iraq|Irak|l'|العراق|جمهورية العراق|Iraqi|irakien;irakienne|عراقي;عراقية|fr:Iraq
        ireland||Ireland||Irlande|l'|أيرلندا||Irish|irlandais;irlandaise|أيرلندي;أيرلندية|ar:إيرلندا
        israel||Israel|State of Israel|Israël||إسرائيل|دولة إسرائيل|Israeli|israélien;israélienne|إسرائيلي;إسرائيلية|
        italy||Italy|Italian Republic|Italie|l'|إيطاليا|الجمهورية الإيطالية|Italian|italien;italienne|إيطالي;إيطالية|
        jamaica||Jamaica||Jamaïque|la|جامايكا||Jamaican|jamaïcain;jamaïcaine|جامايكي;جامايكية|
        japan||Japan||Japon|le|اليابان||Japanese|japonais;japonaise|ياباني;يابانية|
        jordan|oic|Jordan|Hashemite Kingdom of Jordan|Jordanie|la|الأردن|المملكة الأردنية الهاشمية|Jordanian|jordanien;jordanienne|أردني;أردنية|
        kazakhstan|oic|Kazakhstan|Republic of Kazakhstan|Kazakhstan|le|كازاخستان|جمهورية كازاخستان|Kazakhstani;Kazakh|kazakhstanais;kazakhstanaise;kazakh;kazakhe|كازاخستاني;كازاخستانية;كازاخي;كازاخية|
        kenya||Kenya|Republic of Kenya|Kenya|le|كينيا|جمهورية كينيا|Kenyan|kényan;kényane|كيني;كينية|
        kiribati||Kiribati|Republic of Kiribati|Kiribati||كيريباتي|جمهورية كيريباتي||||
        kuwait|oic|Kuwait|State of Kuwait|Koweït|le|الكويت|دولة الكويت|Kuwaiti|koweïtien;koweïtienne|كويتي;كويتية|
        kyrgyzstan|oic|Kyrgyzstan|Kyrgyz Republic|Kirghizistan|le|قيرغيزستان|الجمهورية القيرغيزية|Kyrgyz|kirghiz;kirghize|قيرغيزستاني;قيرغيزستانية;قيرغيزي;قيرغيزية|
        laos||Laos|Lao People's Democratic Republic|Laos|le|لاوس|جمهورية لاو الديمقراطية الشعبية|Lao;Laotian|laotien;laotienne||
        latvia||Latvia|Republic of Latvia|Lettonie|la|لاتفيا|جمهورية لاتفيا|Latvian|letton;lettone|لاتفي;لاتفية|
        lebanon|oic|Lebanon|Lebanese Republic|Liban|le|لبنان|الجمهورية اللبنانية|Lebanese|libanais;libanaise|لبناني;لبنانية|
        lesotho||Lesotho|Kingdom of Lesotho|Lesotho|le|ليسوتو|مملكة ليسوتو||||
        liberia||Liberia|Republic of Liberia|Liberia|le|ليبيريا|جمهورية ليبيريا|Liberian|libérien;libérienne|ليبيري;ليبيرية|
        libya|oic|Libya|State of Libya|Libye|la|ليبيا|دولة ليبيا|Libyan|libyen;libyenne|ليبي;ليبية|
        liechtenstein||Liechtenstein|Principality of Liechtenstein|Liechtenstein|le|ليختنشتاين|إمارة ليختنشتاين||liechtensteinois;liechtensteinoise||
        lithuania||Lithuania|Republic of Lithuania|Lituanie|la|ليتوانيا|جمهورية ليتوانيا|Lithuanian|lituanien;lituanienne|ليتواني;ليتوانية|
        luxembourg||Luxembourg|Grand Duchy of Luxembourg|Luxembourg|le|لوكسمبورغ|دوقية لوكسمبورغ الكبرى|Luxembourgish|luxembourgeois;luxembourgeoise|لوكسمبورغي;لوكسمبورغية|
        madagascar||Madagascar|Republic of Madagascar|Madagascar||مدغشقر|جمهورية مدغشقر|Malagasy|malgache|مدغشقري;مدغشقرية|
        malawi||Malawi|Republic of Malawi|Malawi|le|ملاوي|جمهورية ملاوي|Malawian|malawien;malawienne|ملاوي;ملاوية|
        malaysia|oic|Malaysia||Malaisie|la|ماليزيا||Malaysian|malaisien;malaisienne|ماليزي;ماليزية|
        maldives|oic|Maldives|Republic of Maldives|Maldives|les|المالديف|جمهورية المالديف|Maldivian|maldivien;maldivienne|مالديفي;مالديفية|ar:جزر المالديف
        mali|oic|Mali|Republic of Mali|Mali|le|مالي|جمهورية مالي|Malian|malien;malienne||
        malta||Malta|Republic of Malta|Malte||مالطا|جمهورية مالطا|Maltese|maltais;maltaise|مالطي;مالطية|
        marshall-islands||Marshall Islands|Republic of the Marshall Islands|Îles Marshall|les|جزر مارشال|جمهورية جزر مارشال|Marshallese|marshallais;marshallaise||
        mauritania|oic|Mauritania|Islamic Republic of Mauritania|Mauritanie|la|موريتانيا|الجمهورية الإسلامية الموريتانية|Mauritanian|mauritanien;mauritanienne|موريتاني;موريتانية|
        mauritius||Mauritius|Republic of Mauritius|Maurice||موريشيوس|جمهورية موريشيوس|Mauritian|mauricien;mauricienne|موريشيوسي;موريشيوسية|
        mexico||Mexico|United Mexican States|Mexique|le|المكسيك|الولايات المتحدة المكسيكية|Mexican|mexicain;mexicaine|مكسيكي;مكسيكية|
        micronesia||Micronesia|Federated States of Micronesia|Micronésie|la|ميكرونيزيا|ولايات ميكرونيزيا المتحدة|Micronesian|micronésien;micronésienne||
        moldova||Moldova|Republic of Moldova|Moldavie|la|مولدوفا|جمهورية مولدوفا|Moldovan|moldave|مولدوفي;مولدوفية|
        monaco||Monaco|Principality of Monaco|Monaco||موناكو|إمارة موناكو|Monegasque|monégasque||
        mongolia||Mongolia||Mongolie|la|منغوليا||Mongolian|mongol;mongole|منغولي;منغولية|
        montenegro||Montenegro||Monténégro|le|الجبل الأسود||Montenegrin|monténégrin;monténégrine||ar:مونتينيغرو
        morocco|oic|Morocco|Kingdom of Morocco|Maroc|le|المغرب|المملكة المغربية|Moroccan|marocain;marocaine|مغربي;مغربية|
        mozambique|oic|Mozambique|Republic of Mozambique|Mozambique|le|موزمبيق|جمهورية موزمبيق|Mozambican|mozambicain;mozambicaine|موزمبيقي;موزمبيقية|
        myanmar||Myanmar|Republic of the Union of Myanmar|Birmanie|la|ميانمار|جمهورية اتحاد ميانمار|Burmese|birman;birmane|ميانماري;ميانمارية|en:Burma;fr:Myanmar;ar:بورما
        namibia||Namibia|Republic of Namibia|Namibie|la|ناميبيا|جمهورية ناميبيا|Namibian|namibien;namibienne|ناميبي;ناميبية|
        nauru||Nauru|Republic of Nauru|Nauru||ناورو|جمهورية ناورو|Nauruan|nauruan;nauruane||
        nepal||Nepal||Népal|le|نيبال||Nepalese;Nepali|népalais;népalaise|نيبالي;نيبالية|
        netherlands||Netherlands|Kingdom of the Netherlands|Pays-Bas|les|هولندا|مملكة هولندا|Dutch|néerlandais;néerlandaise|هولندي;هولندية|en:The Netherlands
        new-zealand||New Zealand||Nouvelle-Zélande|la|نيوزيلندا|||néo-zélandais;néo-zélandaise|نيوزيلندي;نيوزيلندية|
        nicaragua||Nicaragua|Republic of Nicaragua|Nicaragua|le|نيكاراغوا|جمهورية نيكاراغوا|Nicaraguan|nicaraguayen;nicaraguayenne|نيكاراغوي;نيكاراغوية|
        niger|oic|Niger|Republic of Niger|Niger|le|النيجر|جمهورية النيجر|Nigerien|nigérien;nigérienne|نيجري;نيجرية|
        nigeria|oic|Nigeria|Federal Republic of Nigeria|Nigeria|le|نيجيريا|جمهورية نيجيريا الاتحادية|Nigerian|nigérian;nigériane|نيجيري;نيجيرية|
        north-korea||North Korea|Democratic People's Republic of Korea|Corée du Nord|la|كوريا الشمالية|جمهورية كوريا الديمقراطية الشعبية|North Korean|nord-coréen;nord-coréenne||
        north-macedonia||North Macedonia|Republic of North Macedonia|Macédoine du Nord|la|مقدونيا الشمالية|جمهورية مقدونيا الشمالية|North Macedonian;Macedonian|macédonien;macédonienne|مقدوني;مقدونية|
        norway||Norway|Kingdom of Norway|Norvège|la|النرويج|مملكة النرويج|Norwegian|norvégien;norvégienne|نرويجي;نرويجية|
        oman|oic|Oman|Sultanate of Oman|Oman||عمان|سلطنة عمان|Omani|omanais;omanaise|عماني;عمانية|
        pakistan|oic|Pakistan|Islamic Republic of Pakistan|Pakistan|le|باكستان|جمهورية باكستان الإسلامية|Pakistani|pakistanais;pakistanaise|باكستاني;باكستانية|
        palau||Palau|Republic of Palau|Palaos|les|بالاو|جمهورية بالاو|Palauan|palaosien;palaosienne||
        palestine|oic|Palestine|State of Palestine|Palestine|la|فلسطين|دولة فلسطين|Palestinian|palestinien;palestinienne|فلسطيني;فلسطينية|
        panama||Panama|Republic of Panama|Panama|le|بنما|جمهورية بنما|Panamanian|panaméen;panaméenne|بنمي;بنمية|
        papua-new-guinea||Papua New Guinea|Independent State of Papua New Guinea|Papouasie-Nouvelle-Guinée|la|بابوا غينيا الجديدة||Papua New Guinean|papouan-néo-guinéen;papouane-néo-guinéenne||
        paraguay||Paraguay|Republic of Paraguay|Paraguay|le|باراغواي|جمهورية باراغواي|Paraguayan|paraguayen;paraguayenne||
        peru||Peru|Republic of Peru|Pérou|le|بيرو|جمهورية بيرو|Peruvian|péruvien;péruvienne|بيروفي;بيروفية|
        philippines||Philippines|Republic of the Philippines|Philippines|les|الفلبين|جمهورية الفلبين|Philippine;Filipino|philippin;philippine|فلبيني;فلبينية|
        poland||Poland|Republic of Poland|Pologne|la|بولندا|جمهورية بولندا|Polish|polonais;polonaise|بولندي;بولندية|
        portugal||Portugal|Portuguese Republic|Portugal|le|البرتغال|الجمهورية البرتغالية|Portuguese|portugais;portugaise|برتغالي;برتغالية|
        qatar|oic|Qatar|State of Qatar|Qatar|le|قطر|دولة قطر|Qatari|qatarien;qatarienne|قطري;قطرية|
        romania||Romania||Roumanie|la|رومانيا||Romanian|roumain;roumaine||
        russia||Russia|Russian Federation|Russie|la|روسيا|الاتحاد الروسي|Russian|russe|روسي;روسية|fr:Fédération de Russie;ar:روسيا الاتحادية
        rwanda||Rwanda|Republic of Rwanda|Rwanda|le|رواندا|جمهورية رواندا|Rwandan|rwandais;rwandaise|رواندي;رواندية|
        saint-kitts-and-nevis||Saint Kitts and Nevis|Federation of Saint Kitts and Nevis|Saint-Kitts-et-Nevis||سانت كيتس ونيفيس|||||
        saint-lucia||Saint Lucia||Sainte-Lucie||سانت لوسيا||Saint Lucian|saint-lucien;saint-lucienne||
        saint-vincent-and-the-grenadines||Saint Vincent and the Grenadines||Saint-Vincent-et-les-Grenadines||سانت فنسنت وجزر غرينادين||Vincentian|||ar:سانت فينسنت والغرينادين
        samoa||Samoa|Independent State of Samoa|Samoa|les|ساموا|دولة ساموا المستقلة|Samoan|samoan;samoane||
        san-marino||San Marino|Republic of San Marino|Saint-Marin||سان مارينو|جمهورية سان مارينو|Sammarinese|saint-marinais;saint-marinaise||
        sao-tome-and-principe||São Tomé and Príncipe|Democratic Republic of São Tomé and Príncipe|Sao Tomé-et-Principe||ساو تومي وبرينسيبي|جمهورية ساو تومي وبرينسيبي الديمقراطية||santoméen;santoméenne||en:Sao Tome and Principe
        saudi-arabia|oic|Saudi Arabia|Kingdom of Saudi Arabia|Arabie saoudite|l'|السعودية|المملكة العربية السعودية|Saudi;Saudi Arabian|saoudien;saoudienne|سعودي;سعودية|
        senegal|oic|Senegal|Republic of Senegal|Sénégal|le|السنغال|جمهورية السنغال|Senegalese|sénégalais;sénégalaise|سنغالي;سنغالية|
        serbia||Serbia|Republic of Serbia|Serbie|la|صربيا|جمهورية صربيا|Serbian|serbe|صربي;صربية|
        seychelles||Seychelles|Republic of Seychelles|Seychelles|les|سيشل|جمهورية سيشل|Seychellois|seychellois;seychelloise||
        sierra-leone|oic|Sierra Leone|Republic of Sierra Leone|Sierra Leone|la|سيراليون|جمهورية سيراليون|Sierra Leonean|sierra-léonais;sierra-léonaise|سيراليوني;سيراليونية|
        singapore||Singapore|Republic of Singapore|Singapour||سنغافورة|جمهورية سنغافورة|Singaporean|singapourien;singapourienne|سنغافوري;سنغافورية|
        slovakia||Slovakia|Slovak Republic|Slovaquie|la|سلوفاكيا|الجمهورية السلوفاكية|Slovak|slovaque|سلوفاكي;سلوفاكية|
        slovenia||Slovenia|Republic of Slovenia|Slovénie|la|سلوفينيا|جمهورية سلوفينيا|Slovenian;Slovene|slovène|سلوفيني;سلوفينية|
        solomon-islands||Solomon Islands||Îles Salomon|les|جزر سليمان|||salomonais;salomonaise||
        somalia|oic|Somalia|Federal Republic of Somalia|Somalie|la|الصومال|جمهورية الصومال الفيدرالية|Somali|somalien;somalienne|صومالي;صومالية|
        south-africa||South Africa|Republic of South Africa|Afrique du Sud|l'|جنوب أفريقيا|جمهورية جنوب أفريقيا|South African|sud-africain;sud-africaine||ar:جنوب إفريقيا
        south-korea||South Korea|Republic of Korea|Corée du Sud|la|كوريا الجنوبية|جمهورية كوريا|South Korean|sud-coréen;sud-coréenne||
        south-sudan||South Sudan|Republic of South Sudan|Soudan du Sud|le|جنوب السودان|جمهورية جنوب السودان|South Sudanese|sud-soudanais;sud-soudanaise||
        spain||Spain|Kingdom of Spain|Espagne|l'|إسبانيا|مملكة إسبانيا|Spanish|espagnol;espagnole|إسباني;إسبانية|
        sri-lanka||Sri Lanka|Democratic Socialist Republic of Sri Lanka|Sri Lanka|le|سريلانكا|جمهورية سريلانكا الديمقراطية الاشتراكية|Sri Lankan|sri-lankais;sri-lankaise|سريلانكي;سريلانكية|
        sudan|oic|Sudan|Republic of the Sudan|Soudan|le|السودان|جمهورية السودان|Sudanese|soudanais;soudanaise|سوداني;سودانية|
        suriname|oic|Suriname|Republic of Suriname|Suriname|le|سورينام|جمهورية سورينام|Surinamese|surinamais;surinamaise|سورينامي;سورينامية|
        sweden||Sweden|Kingdom of Sweden|Suède|la|السويد|مملكة السويد|Swedish|suédois;suédoise|سويدي;سويدية|
        switzerland||Switzerland|Swiss Confederation|Suisse|la|سويسرا|الاتحاد السويسري|Swiss|suisse|سويسري;سويسرية|
        syria|oic|Syria|Syrian Arab Republic|Syrie|la|سوريا|الجمهورية العربية السورية|Syrian|syrien;syrienne|سوري;سورية|
        tajikistan|oic|Tajikistan|Republic of Tajikistan|Tadjikistan|le|طاجيكستان|جمهورية طاجيكستان|Tajik;Tajikistani|tadjik;tadjike|طاجيكستاني;طاجيكستانية;طاجيكي;طاجيكية|
        tanzania||Tanzania|United Republic of Tanzania|Tanzanie|la|تنزانيا|جمهورية تنزانيا المتحدة|Tanzanian|tanzanien;tanzanienne|تنزاني;تنزانية|
        thailand||Thailand|Kingdom of Thailand|Thaïlande|la|تايلاند|مملكة تايلاند|Thai|thaïlandais;thaïlandaise|تايلاندي;تايلاندية|
        timor-leste||Timor-Leste|Democratic Republic of Timor-Leste|Timor oriental|le|تيمور الشرقية||Timorese|est-timorais;est-timoraise||en:East Timor;fr:Timor-Leste;ar:تيمور ليشتي
        togo|oic|Togo|Togolese Republic|Togo|le|توغو|الجمهورية التوغولية|Togolese|togolais;togolaise|توغولي;توغولية|
        tonga||Tonga|Kingdom of Tonga|Tonga||تونغا|مملكة تونغا|Tongan|tongien;tongienne||
        trinidad-and-tobago||Trinidad and Tobago|Republic of Trinidad and Tobago|Trinité-et-Tobago||ترينيداد وتوباغو|جمهورية ترينيداد وتوباغو||||
        tunisia|oic|Tunisia|Republic of Tunisia|Tunisie|la|تونس|الجمهورية التونسية|Tunisian|tunisien;tunisienne|تونسي;تونسية|
        turkiye|oic|Türkiye|Republic of Türkiye|Turquie|la|تركيا|جمهورية تركيا|Turkish|turc;turque|تركي;تركية|en:Turkey
        turkmenistan|oic|Turkmenistan||Turkménistan|le|تركمانستان||Turkmen|turkmène|تركمانستاني;تركمانستانية;تركماني;تركمانية|
        tuvalu||Tuvalu||Tuvalu||توفالو||Tuvaluan|tuvaluan;tuvaluane||
        uganda|oic|Uganda|Republic of Uganda|Ouganda|l'|أوغندا|جمهورية أوغندا|Ugandan|ougandais;ougandaise|أوغندي;أوغندية|
        ukraine||Ukraine||Ukraine|l'|أوكرانيا||Ukrainian|ukrainien;ukrainienne|أوكراني;أوكرانية|
        united-arab-emirates|oic|United Arab Emirates||Émirats arabes unis|les|الإمارات|دولة الإمارات العربية المتحدة|Emirati|émirien;émirienne|إماراتي;إماراتية|en:UAE;ar:الإمارات العربية المتحدة
        united-kingdom||United Kingdom|United Kingdom of Great Britain and Northern Ireland|Royaume-Uni|le|المملكة المتحدة|المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية|British|britannique|بريطاني;بريطانية|en:Britain;ar:بريطانيا
        united-states||United States|United States of America|États-Unis|les|الولايات المتحدة|الولايات المتحدة الأمريكية|American|américain;américaine|أمريكي;أمريكية;أميركي;أميركية|en:USA;fr:États-Unis d'Amérique;ar:الولايات المتحدة الأميركية
        uruguay||Uruguay|Oriental Republic of Uruguay|Uruguay|l'|الأوروغواي|جمهورية الأوروغواي الشرقية|Uruguayan|uruguayen;uruguayenne||
        uzbekistan|oic|Uzbekistan|Republic of Uzbekistan|Ouzbékistan|l'|أوزبكستان|جمهورية أوزبكستان|Uzbek;Uzbekistani|ouzbek;ouzbèke|أوزبكستاني;أوزبكستانية;أوزبكي;أوزبكية|
        vanuatu||Vanuatu|Republic of Vanuatu|Vanuatu|le|فانواتو|جمهورية فانواتو||||
        venezuela||Venezuela|Bolivarian Republic of Venezuela|Venezuela|le|فنزويلا|جمهورية فنزويلا البوليفارية|Venezuelan|vénézuélien;vénézuélienne|فنزويلي;فنزويلية|
        vietnam||Vietnam|Socialist Republic of Viet Nam|Vietnam|le|فيتنام|جمهورية فيتنام الاشتراكية|Vietnamese|vietnamien;vietnamienne|فيتنامي;فيتنامية|en:Viet Nam;fr:Viêt Nam
        yemen|oic|Yemen|Republic of Yemen|Yémen|le|اليمن|الجمهورية اليمنية|Yemeni|yéménite|يمني;يمنية|
        zambia||Zambia|Republic of Zambia|Zambie|la|زامبيا|جمهورية زامبيا|Zambian|zambien;zambienne|زامبي;زامبية|
        zimbabwe||Zimbabwe|Republic of Zimbabwe|Zimbabwe|le|زيمبابوي|جمهورية زيمبابوي|Zimbabwean|zimbabwéen;zimbabwéenne|زيمبابوي;زيمبابوية|
        """

    /// One city a line: `key|state key|English|French|Arabic|other names`. Capitals first,
    /// by state; then the major cities of the OIC states; then other meeting cities.
    static let cityTable = """
        # Capitals, by state
        kabul|afghanistan|Kabul|Kaboul|كابل|
        tirana|albania|Tirana|Tirana|تيرانا|
        algiers|algeria|Algiers|Alger|الجزائر العاصمة|
        andorra-la-vella|andorra|Andorra la Vella|Andorre-la-Vieille|أندورا لا فيلا|
        luanda|angola|Luanda|Luanda|لواندا|
        saint-johns|antigua-and-barbuda|Saint John's|Saint John's|سانت جونز|
        buenos-aires|argentina|Buenos Aires|Buenos Aires|بوينس آيرس|
        yerevan|armenia|Yerevan|Erevan|يريفان|
        canberra|australia|Canberra|Canberra|كانبرا|
        vienna|austria|Vienna|Vienne|فيينا|
        baku|azerbaijan|Baku|Bakou|باكو|
        nassau|bahamas|Nassau|Nassau|ناساو|
        manama|bahrain|Manama|Manama|المنامة|
        dhaka|bangladesh|Dhaka|Dacca|دكا|fr:Dhaka
        bridgetown|barbados|Bridgetown|Bridgetown|بريدجتاون|
        minsk|belarus|Minsk|Minsk|مينسك|
        brussels|belgium|Brussels|Bruxelles|بروكسل|
        belmopan|belize|Belmopan|Belmopan|بلموبان|
        porto-novo|benin|Porto-Novo|Porto-Novo|بورتو نوفو|
        thimphu|bhutan|Thimphu|Thimphou|تيمفو|
        sucre|bolivia|Sucre|Sucre|سوكري|
        la-paz|bolivia|La Paz|La Paz|لاباز|
        sarajevo|bosnia-and-herzegovina|Sarajevo|Sarajevo|سراييفو|
        gaborone|botswana|Gaborone|Gaborone|غابورون|
        brasilia|brazil|Brasília|Brasilia|برازيليا|
        bandar-seri-begawan|brunei|Bandar Seri Begawan|Bandar Seri Begawan|بندر سري بكاوان|
        sofia|bulgaria|Sofia|Sofia|صوفيا|
        ouagadougou|burkina-faso|Ouagadougou|Ouagadougou|واغادوغو|
        gitega|burundi|Gitega|Gitega|غيتيغا|
        bujumbura|burundi|Bujumbura|Bujumbura|بوجمبورا|
        praia|cabo-verde|Praia|Praia|برايا|
        phnom-penh|cambodia|Phnom Penh|Phnom Penh|بنوم بنه|
        yaounde|cameroon|Yaoundé|Yaoundé|ياوندي|
        ottawa|canada|Ottawa|Ottawa|أوتاوا|
        bangui|central-african-republic|Bangui|Bangui|بانغي|
        ndjamena|chad|N'Djamena|N'Djaména|نجامينا|ar:أنجمينا
        santiago|chile|Santiago|Santiago|سانتياغو|fr:Santiago du Chili
        beijing|china|Beijing|Pékin|بكين|
        bogota|colombia|Bogotá|Bogota|بوغوتا|
        moroni|comoros|Moroni|Moroni|موروني|
        brazzaville|congo|Brazzaville|Brazzaville|برازافيل|
        san-jose|costa-rica|San José|San José|سان خوسيه|
        yamoussoukro|cote-divoire|Yamoussoukro|Yamoussoukro|ياموسوكرو|
        zagreb|croatia|Zagreb|Zagreb|زغرب|
        havana|cuba|Havana|La Havane|هافانا|
        nicosia|cyprus|Nicosia|Nicosie|نيقوسيا|
        prague|czechia|Prague|Prague|براغ|
        copenhagen|denmark|Copenhagen|Copenhague|كوبنهاغن|
        djibouti-city|djibouti|Djibouti City|Djibouti|مدينة جيبوتي|
        roseau|dominica|Roseau|Roseau|روزو|
        santo-domingo|dominican-republic|Santo Domingo|Saint-Domingue|سانتو دومينغو|
        kinshasa|dr-congo|Kinshasa|Kinshasa|كينشاسا|
        quito|ecuador|Quito|Quito|كيتو|
        cairo|egypt|Cairo|Le Caire|القاهرة|
        san-salvador|el-salvador|San Salvador|San Salvador|سان سلفادور|
        malabo|equatorial-guinea|Malabo|Malabo|مالابو|
        asmara|eritrea|Asmara|Asmara|أسمرة|
        tallinn|estonia|Tallinn|Tallinn|تالين|
        mbabane|eswatini|Mbabane|Mbabane|مباباني|
        addis-ababa|ethiopia|Addis Ababa|Addis-Abeba|أديس أبابا|
        suva|fiji|Suva|Suva|سوفا|
        helsinki|finland|Helsinki|Helsinki|هلسنكي|
        paris|france|Paris|Paris|باريس|
        libreville|gabon|Libreville|Libreville|ليبرفيل|
        banjul|gambia|Banjul|Banjul|بانجول|
        tbilisi|georgia|Tbilisi|Tbilissi|تبليسي|
        berlin|germany|Berlin|Berlin|برلين|
        accra|ghana|Accra|Accra|أكرا|
        athens|greece|Athens|Athènes|أثينا|
        saint-georges|grenada|St. George's|Saint-Georges|سانت جورجز|
        guatemala-city|guatemala|Guatemala City|Guatemala|مدينة غواتيمالا|
        conakry|guinea|Conakry|Conakry|كوناكري|
        bissau|guinea-bissau|Bissau|Bissau|بيساو|
        georgetown|guyana|Georgetown|Georgetown|جورجتاون|
        port-au-prince|haiti|Port-au-Prince|Port-au-Prince|بورت أو برنس|
        vatican-city|holy-see|Vatican City|Cité du Vatican|مدينة الفاتيكان|
        tegucigalpa|honduras|Tegucigalpa|Tegucigalpa|تيغوسيغالبا|
        budapest|hungary|Budapest|Budapest|بودابست|
        reykjavik|iceland|Reykjavík|Reykjavik|ريكيافيك|
        new-delhi|india|New Delhi|New Delhi|نيودلهي|
        jakarta|indonesia|Jakarta|Jakarta|جاكرتا|
        tehran|iran|Tehran|Téhéran|طهران|
        baghdad|iraq|Baghdad|Bagdad|بغداد|
        dublin|ireland|Dublin|Dublin|دبلن|
        rome|italy|Rome|Rome|روما|
        kingston|jamaica|Kingston|Kingston|كينغستون|
        tokyo|japan|Tokyo|Tokyo|طوكيو|
        amman|jordan|Amman|Amman|عمان|
        astana|kazakhstan|Astana|Astana|أستانا|en:Nur-Sultan;ar:نور سلطان
        nairobi|kenya|Nairobi|Nairobi|نيروبي|
        tarawa|kiribati|Tarawa|Tarawa|تاراوا|
        kuwait-city|kuwait|Kuwait City|Koweït|مدينة الكويت|
        bishkek|kyrgyzstan|Bishkek|Bichkek|بيشكيك|
        vientiane|laos|Vientiane|Vientiane|فيينتيان|
        riga|latvia|Riga|Riga|ريغا|
        beirut|lebanon|Beirut|Beyrouth|بيروت|
        maseru|lesotho|Maseru|Maseru|ماسيرو|
        monrovia|liberia|Monrovia|Monrovia|منروفيا|
        tripoli|libya|Tripoli|Tripoli|طرابلس|
        vaduz|liechtenstein|Vaduz|Vaduz|فادوتس|ar:فادوز
        vilnius|lithuania|Vilnius|Vilnius|فيلنيوس|
        luxembourg-city|luxembourg|Luxembourg City|Luxembourg|مدينة لوكسمبورغ|
        antananarivo|madagascar|Antananarivo|Antananarivo|أنتاناناريفو|
        lilongwe|malawi|Lilongwe|Lilongwe|ليلونغوي|
        kuala-lumpur|malaysia|Kuala Lumpur|Kuala Lumpur|كوالالمبور|
        male|maldives|Malé|Malé|ماليه|
        bamako|mali|Bamako|Bamako|باماكو|
        valletta|malta|Valletta|La Valette|فاليتا|
        majuro|marshall-islands|Majuro|Majuro|ماجورو|
        nouakchott|mauritania|Nouakchott|Nouakchott|نواكشوط|
        port-louis|mauritius|Port Louis|Port-Louis|بورت لويس|
        mexico-city|mexico|Mexico City|Mexico|مدينة مكسيكو|ar:مكسيكو سيتي
        palikir|micronesia|Palikir|Palikir|باليكير|
        chisinau|moldova|Chișinău|Chisinau|كيشيناو|
        ulaanbaatar|mongolia|Ulaanbaatar|Oulan-Bator|أولان باتور|
        podgorica|montenegro|Podgorica|Podgorica|بودغوريتسا|
        rabat|morocco|Rabat|Rabat|الرباط|
        maputo|mozambique|Maputo|Maputo|مابوتو|
        naypyidaw|myanmar|Naypyidaw|Naypyidaw|نايبيداو|
        windhoek|namibia|Windhoek|Windhoek|ويندهوك|
        kathmandu|nepal|Kathmandu|Katmandou|كاتماندو|
        amsterdam|netherlands|Amsterdam|Amsterdam|أمستردام|
        wellington|new-zealand|Wellington|Wellington|ويلينغتون|
        managua|nicaragua|Managua|Managua|ماناغوا|
        niamey|niger|Niamey|Niamey|نيامي|
        abuja|nigeria|Abuja|Abuja|أبوجا|
        pyongyang|north-korea|Pyongyang|Pyongyang|بيونغ يانغ|
        skopje|north-macedonia|Skopje|Skopje|سكوبيه|
        oslo|norway|Oslo|Oslo|أوسلو|
        muscat|oman|Muscat|Mascate|مسقط|
        islamabad|pakistan|Islamabad|Islamabad|إسلام آباد|
        jerusalem|palestine|Jerusalem|Jérusalem|القدس|en:Al-Quds;ar:القدس الشريف
        panama-city|panama|Panama City|Panama|مدينة بنما|
        port-moresby|papua-new-guinea|Port Moresby|Port Moresby|بورت مورسبي|
        asuncion|paraguay|Asunción|Asuncion|أسونسيون|
        lima|peru|Lima|Lima|ليما|
        manila|philippines|Manila|Manille|مانيلا|
        warsaw|poland|Warsaw|Varsovie|وارسو|
        lisbon|portugal|Lisbon|Lisbonne|لشبونة|
        doha|qatar|Doha|Doha|الدوحة|
        bucharest|romania|Bucharest|Bucarest|بوخارست|
        moscow|russia|Moscow|Moscou|موسكو|
        kigali|rwanda|Kigali|Kigali|كيغالي|
        basseterre|saint-kitts-and-nevis|Basseterre|Basseterre|باستير|
        castries|saint-lucia|Castries|Castries|كاستريس|
        kingstown|saint-vincent-and-the-grenadines|Kingstown|Kingstown|كينغستاون|
        apia|samoa|Apia|Apia|آبيا|
        san-marino-city|san-marino|City of San Marino|Saint-Marin|مدينة سان مارينو|
        sao-tome|sao-tome-and-principe|São Tomé|Sao Tomé|ساو تومي|
        riyadh|saudi-arabia|Riyadh|Riyad|الرياض|
        dakar|senegal|Dakar|Dakar|داكار|
        belgrade|serbia|Belgrade|Belgrade|بلغراد|
        victoria|seychelles|Victoria|Victoria|فيكتوريا|
        freetown|sierra-leone|Freetown|Freetown|فريتاون|
        bratislava|slovakia|Bratislava|Bratislava|براتيسلافا|
        ljubljana|slovenia|Ljubljana|Ljubljana|ليوبليانا|
        honiara|solomon-islands|Honiara|Honiara|هونيارا|
        mogadishu|somalia|Mogadishu|Mogadiscio|مقديشو|
        pretoria|south-africa|Pretoria|Pretoria|بريتوريا|
        cape-town|south-africa|Cape Town|Le Cap|كيب تاون|
        seoul|south-korea|Seoul|Séoul|سول|ar:سيول
        juba|south-sudan|Juba|Djouba|جوبا|
        madrid|spain|Madrid|Madrid|مدريد|
        colombo|sri-lanka|Colombo|Colombo|كولومبو|
        khartoum|sudan|Khartoum|Khartoum|الخرطوم|
        paramaribo|suriname|Paramaribo|Paramaribo|باراماريبو|
        stockholm|sweden|Stockholm|Stockholm|ستوكهولم|
        bern|switzerland|Bern|Berne|برن|
        damascus|syria|Damascus|Damas|دمشق|
        dushanbe|tajikistan|Dushanbe|Douchanbé|دوشنبه|
        dodoma|tanzania|Dodoma|Dodoma|دودوما|
        bangkok|thailand|Bangkok|Bangkok|بانكوك|
        dili|timor-leste|Dili|Dili|ديلي|
        lome|togo|Lomé|Lomé|لومي|
        port-of-spain|trinidad-and-tobago|Port of Spain|Port-d'Espagne|بورت أوف سبين|
        tunis|tunisia|Tunis|Tunis|تونس العاصمة|
        ankara|turkiye|Ankara|Ankara|أنقرة|
        ashgabat|turkmenistan|Ashgabat|Achgabat|عشق آباد|
        funafuti|tuvalu|Funafuti|Funafuti|فونافوتي|
        kampala|uganda|Kampala|Kampala|كمبالا|
        kyiv|ukraine|Kyiv|Kiev|كييف|en:Kiev;fr:Kyiv
        abu-dhabi|united-arab-emirates|Abu Dhabi|Abou Dabi|أبوظبي|fr:Abu Dhabi;ar:أبو ظبي
        london|united-kingdom|London|Londres|لندن|
        washington|united-states|Washington|Washington|واشنطن|en:Washington, D.C.
        montevideo|uruguay|Montevideo|Montevideo|مونتيفيديو|
        tashkent|uzbekistan|Tashkent|Tachkent|طشقند|
        port-vila|vanuatu|Port Vila|Port-Vila|بورت فيلا|
        caracas|venezuela|Caracas|Caracas|كاراكاس|
        hanoi|vietnam|Hanoi|Hanoï|هانوي|
        sanaa|yemen|Sanaa|Sanaa|صنعاء|en:Sana'a
        lusaka|zambia|Lusaka|Lusaka|لوساكا|
        harare|zimbabwe|Harare|Harare|هراري|
        # Major cities of OIC member states
        herat|afghanistan|Herat|Hérat|هرات|
        kandahar|afghanistan|Kandahar|Kandahar|قندهار|
        mazar-i-sharif|afghanistan|Mazar-i-Sharif|Mazar-e Charif|مزار شريف|
        durres|albania|Durrës|Durrës|دوريس|
        oran|algeria|Oran|Oran|وهران|
        constantine|algeria|Constantine|Constantine|قسنطينة|
        annaba|algeria|Annaba|Annaba|عنابة|
        tlemcen|algeria|Tlemcen|Tlemcen|تلمسان|
        shusha|azerbaijan|Shusha|Choucha|شوشا|
        ganja|azerbaijan|Ganja|Gandja|كنجة|
        nakhchivan|azerbaijan|Nakhchivan|Nakhitchevan|نخجوان|
        muharraq|bahrain|Muharraq|Muharraq|المحرق|
        chittagong|bangladesh|Chittagong|Chittagong|شيتاغونغ|
        cotonou|benin|Cotonou|Cotonou|كوتونو|
        bobo-dioulasso|burkina-faso|Bobo-Dioulasso|Bobo-Dioulasso|بوبو ديولاسو|
        douala|cameroon|Douala|Douala|دوالا|
        abeche|chad|Abéché|Abéché|أبشة|
        abidjan|cote-divoire|Abidjan|Abidjan|أبيدجان|
        tadjoura|djibouti|Tadjoura|Tadjourah|تاجورة|
        alexandria|egypt|Alexandria|Alexandrie|الإسكندرية|
        giza|egypt|Giza|Gizeh|الجيزة|
        luxor|egypt|Luxor|Louxor|الأقصر|
        sharm-el-sheikh|egypt|Sharm El Sheikh|Charm el-Cheikh|شرم الشيخ|
        kankan|guinea|Kankan|Kankan|كانكان|
        surabaya|indonesia|Surabaya|Surabaya|سورابايا|
        bandung|indonesia|Bandung|Bandung|باندونغ|
        yogyakarta|indonesia|Yogyakarta|Yogyakarta|يوغياكارتا|
        isfahan|iran|Isfahan|Ispahan|أصفهان|
        tabriz|iran|Tabriz|Tabriz|تبريز|
        shiraz|iran|Shiraz|Chiraz|شيراز|
        basra|iraq|Basra|Bassora|البصرة|
        mosul|iraq|Mosul|Mossoul|الموصل|
        erbil|iraq|Erbil|Erbil|أربيل|
        najaf|iraq|Najaf|Nadjaf|النجف|
        karbala|iraq|Karbala|Kerbala|كربلاء|
        aqaba|jordan|Aqaba|Aqaba|العقبة|
        irbid|jordan|Irbid|Irbid|إربد|
        almaty|kazakhstan|Almaty|Almaty|ألماتي|
        shymkent|kazakhstan|Shymkent|Chymkent|شيمكنت|
        turkistan|kazakhstan|Turkistan|Turkestan|تركستان|
        jahra|kuwait|Al Jahra|Jahra|الجهراء|
        osh|kyrgyzstan|Osh|Och|أوش|
        sidon|lebanon|Sidon|Saïda|صيدا|
        baalbek|lebanon|Baalbek|Baalbek|بعلبك|
        byblos|lebanon|Byblos|Byblos|جبيل|
        benghazi|libya|Benghazi|Benghazi|بنغازي|
        misrata|libya|Misrata|Misrata|مصراتة|
        putrajaya|malaysia|Putrajaya|Putrajaya|بوتراجايا|
        timbuktu|mali|Timbuktu|Tombouctou|تمبكتو|
        nouadhibou|mauritania|Nouadhibou|Nouadhibou|نواذيبو|
        chinguetti|mauritania|Chinguetti|Chinguetti|شنقيط|
        casablanca|morocco|Casablanca|Casablanca|الدار البيضاء|
        marrakech|morocco|Marrakech|Marrakech|مراكش|en:Marrakesh
        fez|morocco|Fez|Fès|فاس|en:Fes
        tangier|morocco|Tangier|Tanger|طنجة|
        agadir|morocco|Agadir|Agadir|أكادير|
        meknes|morocco|Meknes|Meknès|مكناس|
        tetouan|morocco|Tetouan|Tétouan|تطوان|
        oujda|morocco|Oujda|Oujda|وجدة|
        essaouira|morocco|Essaouira|Essaouira|الصويرة|
        beira|mozambique|Beira|Beira|بيرا|
        zinder|niger|Zinder|Zinder|زيندر|
        agadez|niger|Agadez|Agadez|أغاديز|
        lagos|nigeria|Lagos|Lagos|لاغوس|
        kano|nigeria|Kano|Kano|كانو|
        salalah|oman|Salalah|Salalah|صلالة|
        nizwa|oman|Nizwa|Nizwa|نزوى|
        sohar|oman|Sohar|Sohar|صحار|
        karachi|pakistan|Karachi|Karachi|كراتشي|
        lahore|pakistan|Lahore|Lahore|لاهور|
        peshawar|pakistan|Peshawar|Peshawar|بيشاور|
        ramallah|palestine|Ramallah|Ramallah|رام الله|
        gaza|palestine|Gaza|Gaza|غزة|
        hebron|palestine|Hebron|Hébron|الخليل|
        bethlehem|palestine|Bethlehem|Bethléem|بيت لحم|
        nablus|palestine|Nablus|Naplouse|نابلس|
        lusail|qatar|Lusail|Lusail|لوسيل|
        jeddah|saudi-arabia|Jeddah|Djeddah|جدة|
        mecca|saudi-arabia|Mecca|La Mecque|مكة المكرمة|en:Makkah;ar:مكة
        medina|saudi-arabia|Medina|Médine|المدينة المنورة|en:Madinah
        dammam|saudi-arabia|Dammam|Dammam|الدمام|
        taif|saudi-arabia|Taif|Taëf|الطائف|
        alula|saudi-arabia|AlUla|Al-Ula|العلا|
        saint-louis|senegal|Saint-Louis|Saint-Louis|سان لويس|
        touba|senegal|Touba|Touba|طوبى|
        hargeisa|somalia|Hargeisa|Hargeisa|هرجيسا|
        kismayo|somalia|Kismayo|Kismayo|كيسمايو|
        omdurman|sudan|Omdurman|Omdourman|أم درمان|
        port-sudan|sudan|Port Sudan|Port-Soudan|بورتسودان|
        aleppo|syria|Aleppo|Alep|حلب|
        homs|syria|Homs|Homs|حمص|
        latakia|syria|Latakia|Lattaquié|اللاذقية|
        khujand|tajikistan|Khujand|Khodjent|خجند|
        sfax|tunisia|Sfax|Sfax|صفاقس|
        sousse|tunisia|Sousse|Sousse|سوسة|
        kairouan|tunisia|Kairouan|Kairouan|القيروان|
        monastir|tunisia|Monastir|Monastir|المنستير|
        istanbul|turkiye|Istanbul|Istanbul|إسطنبول|ar:اسطنبول
        izmir|turkiye|Izmir|Izmir|إزمير|
        konya|turkiye|Konya|Konya|قونية|
        antalya|turkiye|Antalya|Antalya|أنطاليا|
        entebbe|uganda|Entebbe|Entebbe|عنتيبي|
        dubai|united-arab-emirates|Dubai|Dubaï|دبي|
        sharjah|united-arab-emirates|Sharjah|Charjah|الشارقة|
        ajman|united-arab-emirates|Ajman|Ajman|عجمان|
        ras-al-khaimah|united-arab-emirates|Ras Al Khaimah|Ras el Khaïmah|رأس الخيمة|
        samarkand|uzbekistan|Samarkand|Samarcande|سمرقند|
        bukhara|uzbekistan|Bukhara|Boukhara|بخارى|
        khiva|uzbekistan|Khiva|Khiva|خيوة|
        aden|yemen|Aden|Aden|عدن|
        taiz|yemen|Taiz|Taëz|تعز|
        mukalla|yemen|Mukalla|Moukalla|المكلا|
        # Other cities where international meetings are held
        geneva|switzerland|Geneva|Genève|جنيف|
        lausanne|switzerland|Lausanne|Lausanne|لوزان|
        zurich|switzerland|Zurich|Zurich|زيورخ|
        davos|switzerland|Davos|Davos|دافوس|
        new-york|united-states|New York|New York|نيويورك|
        los-angeles|united-states|Los Angeles|Los Angeles|لوس أنجلوس|
        chicago|united-states|Chicago|Chicago|شيكاغو|
        san-francisco|united-states|San Francisco|San Francisco|سان فرانسيسكو|
        boston|united-states|Boston|Boston|بوسطن|
        strasbourg|france|Strasbourg|Strasbourg|ستراسبورغ|
        lyon|france|Lyon|Lyon|ليون|
        marseille|france|Marseille|Marseille|مرسيليا|
        the-hague|netherlands|The Hague|La Haye|لاهاي|
        rotterdam|netherlands|Rotterdam|Rotterdam|روتردام|
        barcelona|spain|Barcelona|Barcelone|برشلونة|
        seville|spain|Seville|Séville|إشبيلية|
        granada|spain|Granada|Grenade|غرناطة|
        cordoba|spain|Córdoba|Cordoue|قرطبة|en:Cordoba
        toledo|spain|Toledo|Tolède|طليطلة|
        porto|portugal|Porto|Porto|بورتو|
        milan|italy|Milan|Milan|ميلانو|
        florence|italy|Florence|Florence|فلورنسا|
        turin|italy|Turin|Turin|تورينو|
        munich|germany|Munich|Munich|ميونخ|
        frankfurt|germany|Frankfurt|Francfort|فرانكفورت|
        bonn|germany|Bonn|Bonn|بون|
        hamburg|germany|Hamburg|Hambourg|هامبورغ|
        manchester|united-kingdom|Manchester|Manchester|مانشستر|
        oxford|united-kingdom|Oxford|Oxford|أكسفورد|
        edinburgh|united-kingdom|Edinburgh|Édimbourg|إدنبرة|
        saint-petersburg|russia|Saint Petersburg|Saint-Pétersbourg|سانت بطرسبرغ|
        kazan|russia|Kazan|Kazan|قازان|
        grozny|russia|Grozny|Grozny|غروزني|
        montreal|canada|Montreal|Montréal|مونتريال|
        toronto|canada|Toronto|Toronto|تورونتو|
        sao-paulo|brazil|São Paulo|São Paulo|ساو باولو|
        rio-de-janeiro|brazil|Rio de Janeiro|Rio de Janeiro|ريو دي جانيرو|
        shanghai|china|Shanghai|Shanghai|شنغهاي|
        hong-kong|china|Hong Kong|Hong Kong|هونغ كونغ|
        osaka|japan|Osaka|Osaka|أوساكا|
        kyoto|japan|Kyoto|Kyoto|كيوتو|
        busan|south-korea|Busan|Busan|بوسان|
        mumbai|india|Mumbai|Bombay|مومباي|fr:Mumbai
        sydney|australia|Sydney|Sydney|سيدني|
        melbourne|australia|Melbourne|Melbourne|ملبورن|
        johannesburg|south-africa|Johannesburg|Johannesburg|جوهانسبرغ|
        dar-es-salaam|tanzania|Dar es Salaam|Dar es Salaam|دار السلام|
        tel-aviv|israel|Tel Aviv|Tel-Aviv|تل أبيب|
        """
}
