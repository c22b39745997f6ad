/// The words that tell `ingest` what an article says: honorifics, titles of office, and the cues
/// of meetings, signings, membership and new names, in Arabic, English and French.
///
/// Phrases are written here as an article writes them and folded once, word by word, by
/// ``NameNormalizer``, so `الدكتورة` also stands for `الدكتوره` and `Directeur général` for
/// `directeur general`. Arabic words are also recognised with their attached prefixes
/// (`والسيدة`, `لمنظمة`).
enum Lexicon {
    /// A phrase, folded into words.
    typealias Phrase = [String]

    /// Phrases, with the set of their first words to rule out most words at once.
    struct PhraseList: Sendable {
        let phrases: [Phrase]
        let firstWords: Set<String>
        /// The list's bit in ``Lexicon/cueBits``.
        let bit: UInt8

        init(_ phrases: [Phrase], bit: UInt8) {
            self.phrases = phrases
            firstWords = Set(phrases.map { $0[0] })
            self.bit = bit
        }
    }

    /// For each word that begins a cue, the bits of the lists it begins a cue of: one look-up a
    /// word tells which lists can match there.
    static let cueBits: [String: UInt8] = {
        var table: [String: UInt8] = [:]
        for list in [meetingCues, attendanceCues, signingCues, agreementWords, observerCues, membershipCues] {
            for word in list.firstWords { table[word, default: 0] |= list.bit }
        }
        for word in titleFirstWords { table[word, default: 0] |= titleBit }
        return table
    }()

    static let titleBit: UInt8 = 1 << 6

    static func fold(_ phrases: [String]) -> [Phrase] {
        phrases.map { NameMatcher.words(of: NameNormalizer.normalize($0)) }.filter { !$0.isEmpty }
    }

    // MARK: - Honorifics

    /// Titles of address written before a name, skipped when finding it.
    static let honorifics: [Phrase] = fold([
        "Dr", "Mr", "Mrs", "Ms", "Miss", "Prof", "Professor", "Pr", "H E", "His Excellency", "Her Excellency", "Sir", "Sheikh",
        "Shaikh", "Hon", "Honourable", "Honorable", "Eng", "Ambassador",
        "M", "Mme", "Mlle", "Madame", "Monsieur", "S E", "Son Excellence", "Cheikh", "Docteur", "Professeur",
        "الدكتور", "الدكتورة", "د", "السيد", "السيدة", "الآنسة", "معالي", "سعادة", "فخامة", "سمو", "صاحب السمو", "الشيخ", "الشيخة",
        "الأستاذ", "الأستاذة", "البروفيسور", "البروفيسورة", "المهندس", "المهندسة", "السفير", "السفيرة",
    ])

    private static let honorificsByFirstWord: [String: [Phrase]] = Dictionary(grouping: honorifics, by: { $0[0] })

    /// The number of words of the honorific that `words` begins with, if it begins with one
    /// (the first word may carry Arabic prefixes: `والسيدة`).
    static func honorificLength(at words: ArraySlice<String>) -> Int? {
        guard let first = words.first else { return nil }
        for form in [first] + NameMatcher.procliticCuts(first).map({ String(first.unicodeScalars.dropFirst($0)) }) {
            for phrase in honorificsByFirstWord[form, default: []].sorted(by: { $0.count > $1.count })
            where words.count >= phrase.count && zip(phrase.dropFirst(), words.dropFirst()).allSatisfy({ $0 == $1 }) {
                return phrase.count
            }
        }
        return nil
    }

    // MARK: - Titles of office

    /// What a title says about the person who holds it.
    struct Title {
        /// The role as recorded, in English: `Director-General`.
        var role: String
        /// `heads` for the head of the organization named after it, `works_for` for an office in it.
        var relation: String
    }

    /// Titles of office and the roles they record.
    static let titles: [(phrase: Phrase, title: Title)] = {
        let table: [(String, String, String)] = [
            ("Director-General", "Director-General", "heads"), ("Director General", "Director-General", "heads"),
            ("Secretary-General", "Secretary-General", "heads"), ("Secretary General", "Secretary-General", "heads"),
            ("President", "President", "heads"), ("Chairman", "Chair", "heads"), ("Chairperson", "Chair", "heads"),
            ("Chairwoman", "Chair", "heads"), ("Chair", "Chair", "heads"), ("Speaker", "Speaker", "heads"),
            ("Head", "Head", "heads"), ("Executive Director", "Executive Director", "heads"), ("Director", "Director", "heads"),
            ("Rector", "Rector", "heads"), ("Chief Executive Officer", "Chief Executive Officer", "heads"), ("CEO", "Chief Executive Officer", "heads"),
            ("Minister", "Minister", "heads"), ("Prime Minister", "Prime Minister", "heads"),
            ("Ambassador", "Ambassador", "works_for"), ("Permanent Representative", "Permanent Representative", "works_for"),
            ("Adviser", "Adviser", "works_for"), ("Advisor", "Adviser", "works_for"), ("Member", "Member", "member_of"),
            ("Directeur général", "Director-General", "heads"), ("Directrice générale", "Director-General", "heads"),
            ("Secrétaire général", "Secretary-General", "heads"), ("Secrétaire générale", "Secretary-General", "heads"),
            ("Président", "President", "heads"), ("Présidente", "President", "heads"), ("Directeur", "Director", "heads"),
            ("Directrice", "Director", "heads"), ("Ministre", "Minister", "heads"), ("Premier ministre", "Prime Minister", "heads"),
            ("Recteur", "Rector", "heads"), ("Rectrice", "Rector", "heads"), ("Chef", "Head", "heads"),
            ("Ambassadeur", "Ambassador", "works_for"), ("Ambassadrice", "Ambassador", "works_for"),
            ("Représentant permanent", "Permanent Representative", "works_for"), ("Conseiller", "Adviser", "works_for"),
            ("Conseillère", "Adviser", "works_for"),
            ("المدير العام", "Director-General", "heads"), ("المديرة العامة", "Director-General", "heads"),
            ("مدير عام", "Director-General", "heads"), ("مديرة عامة", "Director-General", "heads"),
            ("الأمين العام", "Secretary-General", "heads"), ("الأمينة العامة", "Secretary-General", "heads"),
            ("أمين عام", "Secretary-General", "heads"), ("رئيس", "President", "heads"), ("رئيسة", "President", "heads"),
            ("مدير", "Director", "heads"), ("مديرة", "Director", "heads"), ("وزير", "Minister", "heads"),
            ("وزيرة", "Minister", "heads"), ("رئيس وزراء", "Prime Minister", "heads"), ("رئيس الوزراء", "Prime Minister", "heads"),
            ("سفير", "Ambassador", "works_for"), ("سفيرة", "Ambassador", "works_for"), ("المندوب الدائم", "Permanent Representative", "works_for"),
            ("مندوب", "Permanent Representative", "works_for"), ("مستشار", "Adviser", "works_for"), ("مستشارة", "Adviser", "works_for"),
            // With the pronoun of the organization named before: `عن الإيسيسكو مديرها العام`.
            ("مديرها العام", "Director-General", "heads"), ("مديره العام", "Director-General", "heads"),
            ("مديرتها العامة", "Director-General", "heads"), ("أمينها العام", "Secretary-General", "heads"),
            ("أمينتها العامة", "Secretary-General", "heads"), ("أمينه العام", "Secretary-General", "heads"),
            ("رئيسها", "President", "heads"), ("رئيسه", "President", "heads"), ("رئيستها", "President", "heads"),
            ("مديرها", "Director", "heads"), ("مديرتها", "Director", "heads"), ("وزيرها", "Minister", "heads"),
            ("وزيرتها", "Minister", "heads"), ("وزيره", "Minister", "heads"), ("سفيرها", "Ambassador", "works_for"),
            ("سفيره", "Ambassador", "works_for"),
        ]
        return table.map { (NameMatcher.words(of: NameNormalizer.normalize($0.0)), Title(role: $0.1, relation: $0.2)) }
            .sorted { $0.phrase.count > $1.phrase.count }
    }()

    /// The first words of the titles, to rule out most words at once.
    static let titleFirstWords: Set<String> = Set(titles.map { $0.phrase[0] })

    /// Words before a title that make its holder a deputy rather than the head.
    static let deputyWords: Set<String> = Set(fold(["Deputy", "Vice", "Assistant", "adjoint", "adjointe", "vice-président", "نائب", "نائبة", "مساعد", "مساعدة"]).map { $0[0] })

    // MARK: - Cues of facts

    /// Words that report a meeting between the entities of a sentence.
    static let meetingCues = PhraseList(fold([
        "met", "meets", "meet", "meeting", "received", "receives", "receiving", "held talks", "talks", "conferred", "hosted",
        "welcomed", "discussed with", "reçu", "reçoit", "reçue", "recevant", "rencontré", "rencontre", "entretenu", "entretien", "entretiens",
        "entrevue", "réunion", "réuni", "s'est réuni",
        "استقبل", "استقبلت", "يستقبل", "تستقبل", "التقى", "التقت", "يلتقي", "تلتقي", "لقاء", "اللقاء", "اجتماعا", "اجتماع", "الاجتماع",
        "مباحثات", "محادثات", "بحث الجانبان", "بحثا", "بحث مع", "بحثت مع",
    ]), bit: 1 << 0)

    /// Meeting cues that are nouns: they refer to a meeting, which they make only between two people.
    static let meetingNouns: Set<String> = Set(fold([
        "meeting", "talks", "réunion", "rencontre", "entretien", "entretiens", "entrevue", "لقاء", "اللقاء", "اجتماع", "الاجتماع", "اجتماعا",
        "مباحثات", "محادثات",
    ]).map { $0[0] })

    /// Words that say someone attended the meeting the article reports.
    static let attendanceCues = PhraseList(fold([
        "attended", "attending", "in the presence of", "also present", "accompanied by", "took part in the meeting",
        "assisté", "assistaient", "en présence de", "accompagné", "accompagnée", "pris part",
        "حضر", "حضرت", "وحضر", "بحضور", "بمشاركة", "شارك في اللقاء", "رافقه", "رافقها",
    ]), bit: 1 << 1)

    /// Words that report a signing.
    static let signingCues = PhraseList(fold([
        "signed", "signs", "signing", "sign", "inked", "concluded", "signé", "signée", "signent", "signature", "signataires", "conclu",
        "وقع", "وقعت", "وقّع", "وقّعت", "توقيع", "التوقيع", "الموقعة", "الموقع", "الموقّعة", "يوقع", "توقع", "أبرم", "أبرمت", "المبرمة",
    ]), bit: 1 << 2)

    /// Words that name an agreement, and start its name when it has one.
    static let agreementWords = PhraseList(fold([
        "memorandum of understanding", "memorandum", "MoU", "agreement", "action plan", "cooperation agreement", "protocol",
        "accord", "convention", "executive programme", "charter", "treaty", "cooperation programme", "programme of cooperation",
        "mémorandum d'entente", "protocole d'entente", "accord de coopération", "plan d'action", "protocole", "convention de partenariat",
        "programme exécutif", "charte", "programme de coopération",
        "مذكرة تفاهم", "مذكرة", "اتفاقية", "اتفاقية تعاون", "اتفاق", "خطة عمل", "بروتوكول", "البرنامج التنفيذي", "برنامج تنفيذي", "ميثاق",
        "إعلان نوايا", "برنامج تعاون", "برنامج للتعاون", "خطة تعاون",
    ]), bit: 1 << 3)

    /// Words that report observer status.
    static let observerCues = PhraseList(fold([
        "observer status", "observer member", "as an observer", "observer", "observateur", "observatrice", "statut d'observateur",
        "membre observateur", "عضوا مراقبا", "عضو مراقب", "بصفة مراقب", "صفة مراقب", "صفة المراقب", "مراقبا", "مراقب", "العضو المراقب",
    ]), bit: 1 << 4)

    /// Words that report membership.
    static let membershipCues = PhraseList(fold([
        "member of", "became a member", "joined", "joins", "membership", "accession", "full member",
        "membre de", "adhésion", "adhéré", "rejoint", "devenu membre",
        "عضوا في", "عضو في", "عضوية", "انضمام", "انضمت", "انضم",
    ]), bit: 1 << 5)

    /// Membership cues after which, in English and French, the member comes (`the accession of
    /// Gabon`, `l'adhésion du Gabon`); in Arabic it comes after every cue (`انضمام الإيسيسكو`, `انضمت الإيسيسكو`).
    static let memberAfterCues: Set<String> = Set(fold(["accession", "membership", "adhésion"]).map { $0[0] })

    /// Words that may stand between a person and their title (`Gafarova, who is also President of`).
    static let appositionWords: Set<String> = Set(fold([
        "who", "is", "also", "was", "as", "and", "qui", "est", "aussi", "également", "et", "en", "sa", "qualité", "de",
        "بصفته", "بصفتها", "وهو", "وهي", "أيضا",
    ]).map { $0[0] })

    /// Capitalized nouns of offices and fields that are not names when they stand alone (`ministre de la Culture`).
    static let latinCommonNouns: Set<String> = Set(fold([
        "Culture", "Education", "Éducation", "Science", "Sciences", "Arts", "Youth", "Jeunesse", "Heritage", "Patrimoine", "Affairs",
        "Affaires", "Communication", "Information", "Tourism", "Tourisme", "Sports", "Health", "Santé", "Research", "Recherche",
        "Higher", "Foreign", "Islamic", "Arab", "African", "Africaine", "Muslim", "Member", "States", "Secretariat", "Organization",
        "Organisation", "Sector", "Secteur", "Ministry", "Ministère", "University", "Université", "Government", "Gouvernement",
        "Kingdom", "Royaume", "Republic", "République", "Parliament", "Parlement", "Commission", "Council", "Conseil", "Federation",
        "Fédération", "Agency", "Agence", "Office", "Bureau", "Programme", "Program", "Forum", "Conference", "Conférence", "Summit",
        "Sommet", "Plan", "Action", "Headquarters", "Siège", "World", "Monde", "International", "Internationale", "National",
        "Nationale", "Regional", "Régional", "Régionale", "General", "Générale", "Assembly", "Assemblée", "Delegation", "Délégation",
    ]).map { $0[0] })

    /// Verbs of granting, after which the one granted a status comes after it (`accorded observer status to ICESCO`).
    static let grantWords: Set<String> = Set(fold([
        "granted", "grants", "grant", "accorded", "awarded", "gave", "accordé", "accorde", "octroyé", "octroie", "conféré", "منح", "تمنح",
        "منحت", "يمنح", "قررت", "قرر",
    ]).map { $0[0] })

    // MARK: - Cues of new names

    /// Words that begin an Arabic name of an organization, event, agreement or place, with the
    /// type of what they name, and whether the word is part of the name (`منظمة العالم الإسلامي`)
    /// or only announces it (`مدينة جنيف`).
    static let arabicNameCues: [(word: String, type: EntityType, partOfName: Bool)] = {
        let organizations = [
            "منظمة", "وزارة", "جامعة", "المجلس", "مجلس", "الشبكة", "شبكة", "حركة", "جمهورية", "المملكة", "مملكة", "الاتحاد", "اتحاد",
            "البنك", "بنك", "المعهد", "معهد", "المركز", "مركز", "الهيئة", "هيئة", "اللجنة", "لجنة", "مؤسسة", "الجمعية", "جمعية",
            "الأكاديمية", "أكاديمية", "قطاع", "إدارة", "سفارة", "البرلمان", "برلمان", "رابطة", "الرابطة", "الصندوق", "صندوق", "الوكالة", "وكالة",
            "الأمانة", "أمانة", "الجامعة", "مكتب", "دولة", "إمارة", "سلطنة", "الجمهورية", "الأكاديمية",
        ]
        let events = [
            "المؤتمر", "مؤتمر", "المنتدى", "منتدى", "القمة", "قمة", "الملتقى", "ملتقى", "الندوة", "ندوة", "ورشة", "الدورة", "دورة",
            "المعرض", "معرض", "مهرجان", "المهرجان", "احتفالية", "الاحتفالية", "برنامج", "البرنامج", "أسبوع", "جائزة", "الجائزة", "مسابقة",
            "المسابقة", "الأسبوع", "اليوم العالمي", "الاجتماع", "اجتماع", "مبادرة", "المبادرة", "مشروع", "المشروع",
        ]
        // Not مذكرة (تفاهم) or اتفاق: a memorandum is described, not named (`مذكرة تفاهم لتعزيز …`).
        let agreements = ["اتفاقية", "الاتفاقية", "خطة", "بروتوكول", "ميثاق", "إعلان"]
        let places = ["مدينة", "العاصمة", "بلدة", "ولاية", "إقليم", "محافظة", "منطقة", "جزيرة"]
        var result: [(String, EntityType, Bool)] = []
        for word in organizations { result.append((word, .organization, true)) }
        for word in events { result.append((word, .event, true)) }
        for word in agreements { result.append((word, .agreement, true)) }
        for word in places { result.append((word, .place, false)) }
        return result.map { (NameNormalizer.normalize($0.0), $0.1, $0.2) }
    }()

    static let arabicNameCueByWord: [String: (type: EntityType, partOfName: Bool)] = {
        var table: [String: (EntityType, Bool)] = [:]
        for cue in arabicNameCues where table[cue.word] == nil { table[cue.word] = (cue.type, cue.partOfName) }
        return table
    }()

    /// Arabic words that announce a person's name.
    static let arabicPersonCues: Set<String> = Set(fold([
        "السيد", "السيدة", "الدكتور", "الدكتورة", "معالي", "سعادة", "فخامة", "سمو", "الشيخ", "الشيخة", "الأستاذ", "الأستاذة",
        "البروفيسور", "البروفيسورة", "المهندس", "المهندسة",
    ]).map { $0[0] })

    /// Arabic words that end a name: particles, relative pronouns, participles of signing and
    /// holding, and the words that introduce a date.
    static let arabicNameStops: Set<String> = Set(fold([
        "في", "من", "إلى", "الى", "على", "عن", "مع", "الذي", "التي", "الذين", "اللذين", "اللتين", "حيث", "كما", "وفي", "خلال", "بعد",
        "قبل", "أن", "إن", "قد", "لقد", "تحت", "منذ", "عام", "سنة", "لعام", "لسنة", "يوم", "الموقعة", "الموقع", "المبرمة", "المنعقد",
        "المنعقدة", "المقام", "المقامة", "المنظم", "المنظمة", "وذلك", "حول", "لدى", "عند", "ضمن", "بين", "أمام", "هذا", "هذه", "ذلك",
        "تلك", "الجاري", "الماضي", "المقبل", "القادم", "رسميا", "اليوم", "أمس", "غدا", "وقد", "ثم", "أو", "كل", "جميع", "عدد",
        "بشكل", "بصفة", "بصفته", "بصفتها", "نحو", "لتعزيز", "تعزيز", "بهدف", "بالتزامن", "بمناسبة", "تحت", "القادمة", "المقبلة",
        "الماضية", "الجارية", "الحالي", "الحالية", "المشترك", "المشتركة", "الجديد", "الجديدة",
    ]).map { $0[0] })

    /// Adjectives that, after an indefinite cue, describe rather than name (`برنامج مشترك`, `ندوة دولية`).
    static let arabicDescriptiveWords: Set<String> = Set(fold([
        "مشترك", "مشتركة", "جديد", "جديدة", "خاص", "خاصة", "كبير", "كبيرة", "واسع", "واسعة", "رفيع", "رفيعة", "هام", "هامة", "مهم", "مهمة",
    ]).map { $0[0] })

    /// Phrases after في that stay in an Arabic name (`عاصمة الثقافة في العالم الإسلامي`).
    static let arabicNameContinuations: [Phrase] = fold(["العالم الإسلامي", "العالم العربي", "الدول الأعضاء", "أفريقيا", "آسيا", "أوروبا"])

    /// Particles of family names: the last name of `Hatem Ben Salah` is `Ben Salah`.
    static let nameParticles: Set<String> = ["ben", "bin", "ibn", "bint", "al", "el", "abu", "abou", "ould", "van", "von", "de", "da", "di", "بن", "ابن", "بنت", "ابو", "ولد"]

    /// Words of an English or French name that are not capitalized (`Organization of Islamic Cooperation`).
    static let latinNameConnectors: Set<String> = [
        "of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le", "les", "l", "d", "pour", "et", "en", "sur", "al", "el",
        "bin", "ibn", "bint", "van", "von", "y", "a", "à",
    ]

    /// Capitalized words that begin sentences or stand for roles, months and days, not names.
    static let latinNonNames: Set<String> = Set(fold([
        "The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "During", "After", "Before", "For", "With", "As", "By",
        "From", "To", "He", "She", "It", "They", "We", "I", "His", "Her", "Their", "Our", "Its", "And", "But", "Also", "Both", "Each",
        "Le", "La", "Les", "Un", "Une", "Ce", "Cette", "Ces", "Dans", "Lors", "Au", "Aux", "Du", "Des", "Il", "Elle", "Ils", "Elles",
        "Son", "Sa", "Ses", "Leur", "Leurs", "Et", "Mais", "Par", "Pour", "Avec", "Selon", "En", "De", "Sur", "Après", "Avant",
        "According", "Furthermore", "Moreover", "However", "Meanwhile", "Finally", "Following", "Speaking", "Addressing",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre",
        "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche",
        "Excellency", "Excellence", "Director", "General", "Secretary", "Minister", "Ministre",
        "Ambassador", "Ambassadeur", "President", "Président", "Présidente", "Directeur", "Général", "Générale", "Secrétaire",
        "Deputy", "Vice", "Chairman", "Chair", "Head", "Speaker", "Rector", "Chief", "Executive", "Officer", "Dr", "Mr", "Mrs",
        "Ms", "Prof", "Mme", "Madame", "Monsieur", "Sheikh", "Professor", "Adviser", "Advisor", "Conseiller", "Permanent", "Representative", "Directors", "Secretaries", "Ministers", "Presidents",
        "Heads", "Ambassadors", "Directeurs", "Ministres", "Présidents", "Photo", "Source", "Read", "More",
        "Press", "Release", "Communiqué", "News", "Today", "Yesterday", "Tomorrow", "Mou",
    ]).map { $0[0] })

    /// Words of an English or French name that tell its type.
    static let latinTypeWords: [String: EntityType] = {
        var table: [String: EntityType] = [:]
        for word in [
            "organization", "organisation", "ministry", "ministere", "university", "universite", "council", "conseil", "assembly",
            "assemblee", "commission", "bank", "banque", "centre", "center", "institute", "institut", "agency", "agence", "league",
            "ligue", "union", "foundation", "fondation", "network", "reseau", "association", "office", "academy", "academie",
            "federation", "parliament", "parlement", "movement", "mouvement", "secretariat", "embassy", "ambassade", "republic",
            "republique", "kingdom", "royaume", "committee", "comite", "fund", "fonds", "college", "school", "ecole", "society",
            "societe", "authority", "autorite", "chamber", "chambre", "company", "group", "groupe", "alliance", "sector", "secteur",
            "department", "departement", "directorate", "direction", "majlis",
        ] { table[word] = .organization }
        for word in [
            "conference", "forum", "summit", "sommet", "meeting", "session", "festival", "exhibition", "exposition", "workshop", "atelier",
            "seminar", "seminaire", "symposium", "congress", "congres", "week", "semaine", "day", "journee", "programme", "program",
            "award", "prize", "prix", "olympiad", "colloque", "competition", "concours", "initiative", "project", "projet", "expo",
            "celebration", "ceremony", "ceremonie", "cop", "capital",
        ] { table[word] = .event }
        for word in [
            "memorandum", "agreement", "accord", "protocol", "protocole", "plan", "charter", "charte", "treaty", "traite", "declaration",
            "pact", "pacte", "convention",
        ] { table[word] = .agreement }
        return table
    }()
}
