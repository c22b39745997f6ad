/// A date an article states, where it stands in the text.
///
/// ```swift
/// let text = "Signé le lundi 25 mars 2024 à Bakou."
/// let mention = DateExtractor.dates(in: text, published: nil)[0]
/// mention.text     // "le lundi 25 mars 2024"
/// mention.date     // 2024-03-25
/// mention.reading  // .explicit
/// ```
public struct DateMention: Codable, Hashable, Sendable {
    /// Offsets in Unicode scalars (code points) of the text: start inclusive, end exclusive.
    ///
    /// `Array(text.unicodeScalars)[start..<end]` is the mention. Scalars are neither UTF-16 units
    /// (NSString, JavaScript) nor Swift `Character`s: convert before slicing in those units.
    public var start: Int
    /// Where the mention ends: the offset, in Unicode scalars, of the first scalar after it.
    public var end: Int
    /// The text as written, e.g. "25 mars 2024", "يوم الإثنين", "on Monday".
    public var text: String
    /// The date, at the precision the text gives (year, month or day).
    public var date: PartialDate
    /// How it was read: "explicit" for dates written out, "weekday" for a weekday resolved against the publication date.
    public var reading: Reading

    /// How a mention was turned into a date.
    public enum Reading: String, Codable, Sendable {
        /// The text writes the date out: `25 March 2024`, `٢٥/٠٣/٢٠٢٤`, `mars 2024`, `2024`.
        case explicit
        /// The text names a weekday only (`on Monday`, `يوم الإثنين`), resolved against the publication date.
        case weekday
    }

    /// Creates a mention of `date` written at `start..<end` as `text`.
    public init(start: Int, end: Int, text: String, date: PartialDate, reading: Reading) {
        self.start = start
        self.end = end
        self.text = text
        self.date = date
        self.reading = reading
    }
}

/// Finds the dates an article states.
///
/// Reads Arabic, English and French whatever the article's language, with Western, Arabic-Indic
/// (٠–٩) or Persian (۰–۹) digits:
/// - numeric dates: `2024-03-25`, `2024-03`, `2024/03/25`, and day first `25/03/2024`,
///   `25.03.2024`, `25-03-2024`;
/// - written dates: `25 March 2024`, `March 25, 2024`, `25th March 2024`, `Mar. 2024`,
///   `1er mars 2024`, `25 fevrier 2024`, `٢٥ مارس ٢٠٢٤م`, `25 آذار/مارس 2024`, `في شهر كانون الثاني 2024`;
///   a day range (`25–27 mars 2024`, `25 و26 مارس`) gives one mention per day;
/// - a year alone, 1900 to 2100 (`COP29 in 2024`, `لعام 2024`), or two for a range (`2022–2024`),
///   but not a count (`2000 participants`), an amount, a phone number, or a hijri year (`1445هـ`);
/// - a weekday alone (`on Monday`, `le lundi`, `يوم الإثنين`), resolved against the publication date;
///   a weekday followed by a date (`Monday, 25 March 2024`) is that date.
///
/// A day and month without a year (`25 March`) take the year that puts them nearest the publication
/// date. Impossible dates (`30 فبراير 2024`) are skipped, never read as something else.
///
/// ```swift
/// let published = try PartialDate("2024-03-26")   // a Tuesday
/// DateExtractor.dates(in: "وقّعت الاتفاقية يوم الإثنين في باكو", published: published)
/// // [DateMention(text: "يوم الإثنين", date: 2024-03-25, reading: .weekday)]
/// ```
public enum DateExtractor {
    /// The dates in `text`, in order of position, not overlapping.
    ///
    /// - Parameters:
    ///   - text: the article.
    ///   - published: the publication date; weekday-only mentions are resolved against it
    ///     (and skipped when it is nil or not a full date). Days written without a year take
    ///     their year from it (and are skipped when it is nil).
    /// - Complexity: O(*n*) in the length of `text`.
    public static func dates(in text: String, published: PartialDate?) -> [DateMention] {
        Scanner(text: text, published: published).mentions()
    }
}

// MARK: - Tokens

extension DateExtractor {
    /// A word, a run of digits or one punctuation mark, with where it stands in the text.
    struct Token {
        enum Kind { case word, number, symbol }

        var kind: Kind
        /// Offsets in scalars of the text, end exclusive.
        var start: Int
        var end = 0
        /// Whether white space (or the start of the text) comes before the token: `25 mars`,
        /// but not `25th` or the `03` of `2024-03`.
        var spaced: Bool
        /// Whether a line break comes before the token: a future cue is looked for in the weekday's paragraph.
        var lineBreak: Bool
        /// A word's folded form (see ``WordKey``).
        var key = WordKey()
        /// A number's value (its first nine digits) and how many digits it has.
        var value = 0
        var digits = 0
        /// A symbol's scalar.
        var symbol: Unicode.Scalar = " "
        /// Whether a word starts with a capital: English month and weekday names must.
        var capitalized = false
        /// Whether a word is in Latin script: such a word joined to a number (`COP29`, `2024s`)
        /// makes it a name, not a date, while Arabic writes conjunctions joined to numbers (`و2024`).
        var latin = false

        /// The tokens of `scalars`. White space and format characters (such as bidi marks) only separate tokens.
        static func tokens(of scalars: [Unicode.Scalar]) -> [Token] {
            var tokens: [Token] = []
            tokens.reserveCapacity(scalars.count / 4)
            var spaced = true
            var lineBreak = false
            var i = 0
            while i < scalars.count {
                let first = scalars[i]
                let start = i
                var token: Token
                switch ScalarKind(first) {
                case .lineBreak:
                    spaced = true
                    lineBreak = true
                    i += 1
                    continue
                case .space:
                    spaced = true
                    i += 1
                    continue
                case .ignorable:
                    i += 1
                    continue
                case .digit:
                    token = Token(kind: .number, start: start, spaced: spaced, lineBreak: lineBreak)
                    while i < scalars.count, let digit = digitValue(scalars[i]) {
                        if token.digits < 9 { token.value = token.value * 10 + digit }
                        token.digits += 1
                        i += 1
                    }
                    token.end = i
                case .letter:
                    token = Token(kind: .word, start: start, spaced: spaced, lineBreak: lineBreak)
                    while i < scalars.count {
                        let kind = ScalarKind(scalars[i])
                        if kind == .letter {
                            fold(scalars[i], into: &token.key)
                            i += 1
                            token.end = i
                        } else if kind == .ignorable {
                            i += 1  // a joiner inside a word; the word ends at its last letter
                        } else {
                            break
                        }
                    }
                    i = token.end
                    token.capitalized = first.value >= 0x41 && first.value <= 0x5A
                        || first.value >= 0xC0 && first.value < 0x0600 && first.properties.isUppercase
                    token.latin = first.value < 0x250 || (0x1E00...0x1EFF).contains(first.value)
                case .other:
                    token = Token(kind: .symbol, start: start, spaced: spaced, lineBreak: lineBreak)
                    token.symbol = first
                    i += 1
                    token.end = i
                }
                tokens.append(token)
                spaced = false
                lineBreak = false
            }
            return tokens
        }

        /// What a scalar is to the tokenizer.
        enum ScalarKind {
            case space, lineBreak, ignorable, digit, letter, other

            init(_ c: Unicode.Scalar) {
                switch c.value {
                case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: self = .lineBreak
                case 0x09, 0x0B, 0x0C, 0x20: self = .space
                case 0x30...0x39, 0x0660...0x0669, 0x06F0...0x06F9: self = .digit
                case 0x41...0x5A, 0x61...0x7A, 0x0620...0x065F, 0x066E...0x06D3: self = .letter
                case 0..<0x80: self = .other
                default:
                    let properties = c.properties
                    if properties.isWhitespace {
                        self = .space
                        return
                    }
                    switch properties.generalCategory {
                    case .format: self = .ignorable
                    case .nonspacingMark, .spacingMark, .enclosingMark: self = .letter
                    default: self = properties.isAlphabetic ? .letter : .other
                    }
                }
            }
        }

        /// The value of a Western, Arabic-Indic or Persian digit.
        static func digitValue(_ c: Unicode.Scalar) -> Int? {
            switch c.value {
            case 0x30...0x39: Int(c.value - 0x30)
            case 0x0660...0x0669: Int(c.value - 0x0660)
            case 0x06F0...0x06F9: Int(c.value - 0x06F0)
            default: nil
            }
        }

        /// Whether `c` is a letter rather than a mark or tatweel written on one.
        static func isBaseLetter(_ c: Unicode.Scalar) -> Bool {
            switch c.value {
            case 0x0640, 0x064B...0x065F, 0x0670: return false
            case 0..<0x0300: return true
            default:
                switch c.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark, .format: return false
                default: return true
                }
            }
        }

        /// Adds the folded form of a letter to a word's key: lower case without accents (`Février`
        /// → `fevrier`, NFD or not), and Arabic without harakat or tatweel, with أ إ ٱ written ا, ة
        /// written ه and ى written ي (`الإثنين` → `الاثنين`). آ stays: `آب` (August) is not `أب` (father).
        static func fold(_ c: Unicode.Scalar, into key: inout WordKey) {
            let v = c.value
            switch v {
            case 0x41...0x5A: key.append(Unicode.Scalar(UInt8(v + 0x20)))
            case 0..<0x80: key.append(c)
            case 0xC0...0xDE where v != 0xD7: key.append(accentless: Unicode.Scalar(UInt8(v + 0x20)))  // Latin-1 capitals
            case 0xDF...0xFF: key.append(accentless: c)
            case 0x0640, 0x064B...0x065F, 0x0670: break
            case 0x0623, 0x0625, 0x0671: key.append("\u{0627}")
            case 0x0629: key.append("\u{0647}")
            case 0x0649: key.append("\u{064A}")
            case 0x0600...0x06FF: key.append(c)
            default:
                let properties = c.properties
                switch properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: return
                default: break
                }
                guard properties.isUppercase else { return key.append(accentless: c) }
                for lower in properties.lowercaseMapping.unicodeScalars { key.append(accentless: lower) }
            }
        }
    }

    /// A word as the scanner compares it: the 64-bit FNV-1a hash of its folded scalars (see
    /// ``Token/fold(_:into:)``), so that `Février`, `fevrier` and `FÉVRIER` are one key.
    ///
    /// Words are compared by hash rather than as strings because Swift hashes a non-ASCII string
    /// through Unicode normalization, some 200 ns a lookup: most of the time of an Arabic article.
    /// The vocabulary has under a thousand forms, so a chance collision with a word of the text
    /// is too unlikely to matter.
    struct WordKey: Hashable, ExpressibleByStringLiteral {
        private var hash: UInt64 = 0xCBF2_9CE4_8422_2325

        init() {}

        /// The key of `text` folded as the tokenizer folds words.
        init(_ text: String) {
            for c in text.unicodeScalars { Token.fold(c, into: &self) }
        }

        init(stringLiteral text: String) {
            self.init(text)
        }

        mutating func append(_ c: Unicode.Scalar) {
            hash = (hash ^ UInt64(c.value)) &* 0x0000_0100_0000_01B3
        }

        /// Appends a lower-case Latin letter without its accent.
        mutating func append(accentless c: Unicode.Scalar) {
            guard let plain = Vocabulary.accentless[c] else { return append(c) }
            for p in plain.unicodeScalars { append(p) }
        }
    }
}

// MARK: - Vocabulary

extension DateExtractor {
    enum Language { case english, french, arabic }

    /// Where a weekday lies from the publication date: `on Monday` is the latest Monday up to it,
    /// `last Monday` one strictly before it, `next Monday` or `will meet on Monday` one strictly after.
    enum Tense { case recent, past, future }

    /// A month's name as a key of ``Vocabulary/months``.
    struct MonthName {
        var month: Int
        /// Letters of a conjunction or preposition Arabic writes joined to the name (`ب` of `بمارس`).
        var prefix = 0
        /// English may write the day after the month: `March 25, 2024`.
        var dayMayFollow = false
        /// English names are capitalized: `may` and `march` are other words.
        var capitalized = false
        /// `Mar.`, `sept.`: the full stop belongs to the name.
        var abbreviation = false
    }

    /// A weekday's name (Monday is 0) or a word that leads one (`on`, `le`, `يوم`).
    struct WeekdayWord {
        var weekday = 0
        var language: Language
        var prefix = 0
        var tense: Tense?
    }

    /// The words and marks the scanner knows, as folded keys.
    enum Vocabulary {
        static let accentless: [Unicode.Scalar: String] = {
            var table: [Unicode.Scalar: String] = [:]
            for (accented, plain) in [("àáâãäåā", "a"), ("ç", "c"), ("èéêëē", "e"), ("ìíîïī", "i"), ("ñ", "n"),
                                      ("òóôõöøō", "o"), ("ùúûüū", "u"), ("ýÿ", "y"), ("œ", "oe"), ("æ", "ae")] {
                for c in accented.unicodeScalars { table[c] = plain }
            }
            return table
        }()

        /// `name` with the conjunctions (و ف) and prepositions (ب ل) Arabic joins to it, and how many
        /// letters they add. ل before the article loses the article's alef: ل + الخميس is `للخميس`.
        static func withArabicPrefixes(_ name: String) -> [(WordKey, Int)] {
            var forms = [(name, 0)]
            if name.hasPrefix("ال") {
                for prefix in ["و", "ف", "ب"] { forms.append((prefix + name, 1)) }
                for prefix in ["وب", "فب"] { forms.append((prefix + name, 2)) }
                let withLam = "ل" + name.dropFirst()
                forms += [(withLam, 0), ("و" + withLam, 1), ("ف" + withLam, 1)]
            } else {
                for prefix in ["و", "ف", "ب", "ل"] { forms.append((prefix + name, 1)) }
                for prefix in ["وب", "ول", "فب", "فل"] { forms.append((prefix + name, 2)) }
            }
            return forms.map { (WordKey($0.0), $0.1) }
        }

        static let months: [WordKey: MonthName] = {
            var table: [WordKey: MonthName] = [:]
            let english = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                           "october", "november", "december"]
            for (index, name) in english.enumerated() {
                table[WordKey(name)] = MonthName(month: index + 1, dayMayFollow: true, capitalized: true)
            }
            for (name, month) in [("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9)] {
                table[WordKey(name)] = MonthName(month: month, dayMayFollow: true, capitalized: true, abbreviation: true)
            }
            // Shared with French, which writes them in lower case.
            for (name, month) in [("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)] {
                table[WordKey(name)] = MonthName(month: month, dayMayFollow: true, abbreviation: true)
            }
            let french = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                          "octobre", "novembre", "décembre"]
            for (index, name) in french.enumerated() { table[WordKey(name)] = MonthName(month: index + 1) }
            for (name, month) in [("janv", 1), ("févr", 2), ("fév", 2), ("avr", 4), ("juil", 7)] {
                table[WordKey(name)] = MonthName(month: month, abbreviation: true)
            }
            // Egyptian and Gulf, Moroccan, Algerian and Tunisian, and Levantine usages.
            let arabic: [(String, Int)] = [
                ("يناير", 1), ("جانفي", 1), ("فبراير", 2), ("فيفري", 2), ("شباط", 2), ("مارس", 3), ("آذار", 3),
                ("اذار", 3), ("أبريل", 4), ("إبريل", 4), ("أفريل", 4), ("نيسان", 4), ("مايو", 5), ("ماي", 5),
                ("أيار", 5), ("يونيو", 6), ("يونيه", 6), ("جوان", 6), ("حزيران", 6), ("يوليو", 7), ("يوليوز", 7),
                ("جويلية", 7), ("تموز", 7), ("أغسطس", 8), ("غشت", 8), ("أوت", 8), ("آب", 8), ("سبتمبر", 9),
                ("شتنبر", 9), ("أيلول", 9), ("أكتوبر", 10), ("نوفمبر", 11), ("نونبر", 11), ("ديسمبر", 12),
                ("دجنبر", 12),
            ]
            for (name, month) in arabic {
                for (form, prefix) in withArabicPrefixes(name) {
                    table[form] = MonthName(month: month, prefix: prefix)
                }
            }
            return table
        }()

        /// Levantine months of two words: `كانون الثاني` (January), `تشرين الأول` (October).
        static let twoWordMonths: [WordKey: (prefix: Int, second: [WordKey: Int])] = {
            var table: [WordKey: (prefix: Int, second: [WordKey: Int])] = [:]
            let kanun: [WordKey: Int] = ["الثاني": 1, "ثاني": 1, "الأول": 12, "أول": 12]
            let tishrin: [WordKey: Int] = ["الأول": 10, "أول": 10, "الثاني": 11, "ثاني": 11]
            for (name, second) in [("كانون", kanun), ("تشرين", tishrin)] {
                for (form, prefix) in withArabicPrefixes(name) { table[form] = (prefix, second) }
            }
            return table
        }()

        static let weekdays: [WordKey: WeekdayWord] = {
            var table: [WordKey: WeekdayWord] = [:]
            let english = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            let french = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
            for weekday in 0..<7 {
                table[WordKey(english[weekday])] = WeekdayWord(weekday: weekday, language: .english)
                table[WordKey(french[weekday])] = WeekdayWord(weekday: weekday, language: .french)
            }
            let arabic = [("الإثنين", 0), ("الاثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2), ("الخميس", 3),
                          ("الجمعة", 4), ("السبت", 5), ("الأحد", 6)]
            for (name, weekday) in arabic {
                for (form, prefix) in withArabicPrefixes(name) {
                    table[form] = WeekdayWord(weekday: weekday, language: .arabic, prefix: prefix)
                }
            }
            return table
        }()

        /// Words that lead a weekday and belong to its mention: `on Monday`, `next Friday`, `ce mardi`, `يوم الأحد`.
        static let weekdayLeads: [WordKey: WeekdayWord] = {
            var table: [WordKey: WeekdayWord] = [
                "on": WeekdayWord(language: .english), "this": WeekdayWord(language: .english),
                "next": WeekdayWord(language: .english, tense: .future),
                "last": WeekdayWord(language: .english, tense: .past),
                "le": WeekdayWord(language: .french), "ce": WeekdayWord(language: .french),
            ]
            for name in ["يوم", "أيام", "يومي", "اليوم"] {
                for (form, prefix) in withArabicPrefixes(name) {
                    table[form] = WeekdayWord(language: .arabic, prefix: prefix)
                }
            }
            return table
        }()

        /// `في` ("on", "in"): an Arabic weekday after it is a day, not `الجمعة` "the assembly" or `الأحد` "the one".
        static let arabicIn: Set<WordKey> = ["في", "وفي", "ففي"]

        /// Words after a weekday that say which one: `lundi prochain`, `الإثنين الماضي`.
        static let weekdayQualifiers: [WordKey: Tense] = [
            "prochain": .future, "prochaine": .future, "المقبل": .future, "المقبلة": .future, "القادم": .future,
            "القادمة": .future, "dernier": .past, "dernière": .past, "last": .past, "الماضي": .past, "الماضية": .past,
            "المنصرم": .past,
        ]

        /// Words that put the weekday after them in the future: `will meet on Monday`, `ستعقد يوم الأحد`.
        static let futureCues: Set<WordKey> = {
            var cues: Set<WordKey> = ["will", "shall", "ll", "next", "upcoming", "prochain", "prochaine", "prochains",
                                     "prochaines", "tiendra", "tiendront"]
            for word in ["المقبل", "المقبلة", "القادم", "القادمة", "سيعقد", "ستعقد", "سينطلق", "ستنطلق", "سيتم"] {
                for (form, _) in withArabicPrefixes(word) { cues.insert(form) }
            }
            return cues
        }()

        /// `aura lieu` ("will take place"), a future cue of two words.
        static let aura: WordKey = "aura"
        static let lieu: WordKey = "lieu"

        /// Marks that end the sentence a future cue is looked for in.
        static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "?", "؟"]

        /// What may stand between a weekday and its date: `Monday, 25 March`, `يوم الإثنين (25 مارس)`,
        /// `الخميس الموافق لـ 28 مارس`.
        static let weekdayDateMarks: Set<Unicode.Scalar> = [",", "،", "(", "[", "-", "–", "—", ":"]
        static let weekdayDateWords: Set<WordKey> = ["the", "le", "الموافق", "ل"]

        /// English and French ordinal endings of a day: `25th`, `1er`, `1ᵉʳ`.
        static let ordinalEndings: Set<WordKey> = ["st", "nd", "rd", "th", "er", "re", "e", "eme", "ᵉʳ", "ᵉ", "ère"]

        /// Words between a day and its month: `25th of March`, `25 من شهر مارس`.
        static let dayMonthWords: Set<WordKey> = ["of", "من", "شهر"]

        /// Words between a month and its year: `March of 2024`, `مارس من عام 2024`, `مارس لعام 2024`.
        static let monthYearWords: Set<WordKey> = ["of", "من", "عام", "العام", "سنة", "السنة", "لعام", "لسنة"]

        /// What joins two days or months of a range: `25–27 mars`, `25 au 27 mars`, `25 و26 مارس`, `de mars à mai`.
        static let rangeMarks: Set<Unicode.Scalar> = ["-", "–", "—", "‐", "‑", "&"]
        static let rangeWords: Set<WordKey> = ["au", "à", "et", "to", "and", "until", "through", "إلى", "حتى", "و"]

        /// Marks that join the parts of one number: `2,000`, `20:24`, `2024.5`, `+212`.
        static let numberJoiners: Set<Unicode.Scalar> = [".", ",", "/", "-", ":", "+", "_", "٫", "٬"]

        /// `2024م`, `2024 ميلادي`: the Gregorian year, part of the mention.
        static let gregorianMarkers: Set<WordKey> = ["م", "ميلادي", "ميلادية", "للميلاد"]
        /// `1445هـ`, `1445 هجري`, `1445 AH`: a hijri year.
        static let hijriMarkers: Set<WordKey> = ["هـ", "ه", "هجري", "هجرية", "هجريا", "للهجرة", "ah"]

        /// Nouns of things counted or paid: a year-like number before them (`2000 participants`) is a count or an amount.
        static let countedNouns: Set<WordKey> = [
            "participants", "participant", "students", "delegates", "people", "persons", "members", "visitors",
            "attendees", "experts", "teachers", "schools", "books", "copies", "pages", "words", "hours", "employees",
            "jobs", "trainees", "pupils", "volunteers", "families", "children", "women", "men", "youth",
            "researchers", "scholarships", "grants", "projects", "beneficiaries", "villages", "units", "km",
            "kilometres", "kilometers", "meters", "metres", "hectares", "tons", "tonnes", "dollars", "euros", "usd",
            "eur", "mad", "dh", "dhs", "dirhams",
            "participantes", "étudiants", "étudiantes", "élèves", "personnes", "membres", "visiteurs", "enseignants",
            "enseignantes", "jeunes", "femmes", "enfants", "chercheurs", "bourses", "projets", "bénéficiaires",
            "bénévoles", "familles", "écoles", "livres", "exemplaires", "heures", "emplois", "stagiaires", "mètres",
            "مشارك", "مشاركا", "مشاركًا", "مشاركة", "مشاركين", "مشاركون", "طالب", "طالبا", "طالبة", "طلاب",
            "طالبات", "شخص", "شخصا", "أشخاص", "عضو", "عضوا", "أعضاء", "زائر", "زائرا", "زوار", "خبير", "خبيرا",
            "خبراء", "مستفيد", "مستفيدا", "مستفيدين", "معلم", "معلما", "مدرسة", "كتاب", "كتابا", "نسخة", "متطوع",
            "متطوعا", "شاب", "شابا", "طفل", "طفلا", "باحث", "باحثا", "منحة", "مشروع", "مشروعا", "ساعة", "دولار",
            "دولارا", "يورو", "درهم", "ريال", "دينار", "كيلومتر", "متر", "هكتار", "طن",
        ]

        /// Words and marks that label a number or make it an amount: `No. 2024`, `n° 2024`, `#2024`,
        /// `رقم 2024`, `USD 2024`, `$2024`.
        static let numberLabels: Set<WordKey> = ["no", "nº", "numéro", "number", "num", "ref", "رقم", "usd", "eur", "mad"]
        static let labelMarks: Set<Unicode.Scalar> = ["#", "°", "№", "+"]
        /// Marks after a number that make it a share or a lower bound: `2000%`, `2000+`.
        static let quantityMarks: Set<Unicode.Scalar> = ["%", "٪", "‰", "+"]
    }
}

// MARK: - Scanner

extension DateExtractor {
    /// Reads the tokens of one text from left to right; at each token it tries the patterns that
    /// may start there, longest first, and goes on after the one that matched.
    struct Scanner {
        /// Mentions found at a token, and the token after them. An impossible or unresolvable date
        /// gives no mention but is still passed over, so that its parts are not read on their own.
        typealias Found = (mentions: [DateMention], end: Int)

        /// Days of a written date: `25 March`, `25–27 mars`, `March 25, 2024`.
        struct DayPhrase {
            /// Each day with its span in scalars.
            var days: [(value: Int, start: Int, end: Int)]
            var month: Int
            var year: Int?
            /// The span of the whole phrase in scalars, and the token after it.
            var start: Int
            var end: Int
            var endToken: Int
        }

        /// A month's name and what it spans.
        struct MonthWord {
            var month: Int
            /// Where the name starts, in scalars (after a joined Arabic prefix).
            var start: Int
            /// The token after the name.
            var end: Int
            var dayMayFollow: Bool
        }

        let scalars: [Unicode.Scalar]
        let tokens: [Token]
        let published: PartialDate?

        init(text: String, published: PartialDate?) {
            scalars = Array(text.unicodeScalars)
            tokens = Token.tokens(of: scalars)
            self.published = published
        }

        func mentions() -> [DateMention] {
            var mentions: [DateMention] = []
            var i = 0
            while i < tokens.count {
                if let found = match(at: i) {
                    mentions += found.mentions
                    i = max(found.end, i + 1)
                } else {
                    i += 1
                }
            }
            return mentions
        }

        func match(at i: Int) -> Found? {
            switch tokens[i].kind {
            case .word: weekday(at: i) ?? monthFirstDate(at: i) ?? monthAndYear(at: i)
            case .number: numericDate(at: i) ?? dayFirstDate(at: i) ?? yearRange(at: i) ?? year(at: i)
            case .symbol: nil
            }
        }

        // MARK: Numeric dates

        /// `2024-03-25`, `2024/03/25`, `2024-03`, and day first `25/03/2024`, `25.03.2024`, `25-03-2024`.
        func numericDate(at i: Int) -> Found? {
            let first = tokens[i]
            guard !joinedBefore(i), touches(i + 1), tokens[i + 1].kind == .symbol,
                  ["-", "/", "."].contains(tokens[i + 1].symbol), touches(i + 2),
                  let second = number(i + 2, digits: 1...2)
            else { return nil }
            let separator = tokens[i + 1].symbol
            let third: Int? =
                touches(i + 3) && tokens[i + 3].kind == .symbol && tokens[i + 3].symbol == separator && touches(i + 4)
                ? i + 4 : nil
            if first.digits == 4 {
                if let third, let day = number(third, digits: 1...2), !joinedAfter(third + 1) {
                    return (explicit(tokens: i, through: third, Self.date(first.value, second, day)), third + 1)
                }
                if separator == "-", tokens[i + 2].digits == 2, (1...12).contains(second), third == nil, !joinedAfter(i + 3) {
                    return (explicit(tokens: i, through: i + 2, Self.date(first.value, second, nil)), i + 3)
                }
            } else if first.digits <= 2, let third, let year = number(third, digits: 4...4), !joinedAfter(third + 1) {
                return (explicit(tokens: i, through: third, Self.date(year, second, first.value)), third + 1)
            }
            return nil
        }

        // MARK: Written dates

        /// `25 March 2024`, `1er mars`, `٢٥ مارس ٢٠٢٤م`, `25–27 mars 2024`.
        func dayFirstDate(at i: Int) -> Found? {
            dayFirstPhrase(at: i).map(resolve)
        }

        /// `March 25, 2024`, `Sept. 5`, `March 25–27, 2024`.
        func monthFirstDate(at i: Int) -> Found? {
            monthFirstPhrase(at: i).map(resolve)
        }

        /// `March 2024`, `mars 2024`, `مارس 2024`, `آذار/مارس 2024`, `مارس من عام 2024`; and two
        /// months of one year: `March and April 2024`, `mars-avril 2024`, `مارس وأبريل 2024`.
        func monthAndYear(at i: Int) -> Found? {
            guard let month = month(at: i) else { return nil }
            if let year = yearAfterMonth(at: month.end) {
                return (explicit(from: month.start, to: tokens[year.end - 1].end, Self.date(year.value, month.month, nil)), year.end)
            }
            let joined = word(month.end) != nil && scalars[tokens[month.end].start] == "و"  // مارس وأبريل
            guard let next = rangeLink(at: month.end).flatMap({ self.month(at: $0) }) ?? (joined ? self.month(at: month.end) : nil),
                  let year = yearAfterMonth(at: next.end)
            else { return nil }
            let firstYear = month.month > next.month ? year.value - 1 : year.value
            return (explicit(from: month.start, to: tokens[month.end - 1].end, Self.date(firstYear, month.month, nil))
                + explicit(from: next.start, to: tokens[year.end - 1].end, Self.date(year.value, next.month, nil)), year.end)
        }

        func dayFirstPhrase(at i: Int) -> DayPhrase? {
            guard let first = day(at: i) else { return nil }
            var days = [(first.value, tokens[i].start, tokens[first.end - 1].end)]
            var k = first.end
            if let next = rangeLink(at: k), let second = day(at: next, joined: true),
               month(at: skipping(Vocabulary.dayMonthWords, from: second.end)) != nil {
                days.append((second.value, tokens[next].start, tokens[second.end - 1].end))
                k = second.end
            }
            guard let month = month(at: skipping(Vocabulary.dayMonthWords, from: k)) else { return nil }
            let year = yearAfterMonth(at: month.end)
            let end = year?.end ?? month.end
            return DayPhrase(days: days, month: month.month, year: year?.value, start: tokens[i].start,
                             end: tokens[end - 1].end, endToken: end)
        }

        func monthFirstPhrase(at i: Int) -> DayPhrase? {
            guard let month = month(at: i), month.dayMayFollow, let first = day(at: month.end) else { return nil }
            var days = [(first.value, tokens[month.end].start, tokens[first.end - 1].end)]
            var k = first.end
            if let next = rangeLink(at: k), let second = day(at: next, joined: true) {
                days.append((second.value, tokens[next].start, tokens[second.end - 1].end))
                k = second.end
            }
            let year = yearAfterMonth(at: k)
            let end = year?.end ?? k
            return DayPhrase(days: days, month: month.month, year: year?.value, start: month.start,
                             end: tokens[end - 1].end, endToken: end)
        }

        /// The mentions of a phrase's days. Without a year, a phrase takes that of the date that
        /// ends its range (`28 décembre au 3 janvier 2025`), else the one nearest publication.
        func resolve(_ phrase: DayPhrase) -> Found {
            guard let year = phrase.year ?? yearOfRangeEnd(after: phrase) ?? nearestYear(phrase.month, phrase.days[0].value)
            else { return ([], phrase.endToken) }
            var mentions: [DateMention] = []
            for (index, day) in phrase.days.enumerated() {
                guard let date = Self.date(year, phrase.month, day.value) else { continue }
                let start = index == 0 ? phrase.start : day.start
                let end = index == phrase.days.count - 1 ? phrase.end : day.end
                mentions.append(mention(start, end, date, .explicit))
            }
            return (mentions, phrase.endToken)
        }

        func yearOfRangeEnd(after phrase: DayPhrase) -> Int? {
            guard let next = rangeLink(at: phrase.endToken),
                  let end = dayFirstPhrase(at: next) ?? monthFirstPhrase(at: next), let year = end.year
            else { return nil }
            return end.month < phrase.month ? year - 1 : year
        }

        /// The year that puts `day` of `month` within about six months of the publication date
        /// (`28 décembre` in a release of 5 January 2025 is 2024-12-28), or the publication's year
        /// when that is all it gives.
        func nearestYear(_ month: Int, _ day: Int) -> Int? {
            guard let published else { return nil }
            guard let publishedMonth = published.month else { return published.year }
            let reference = CivilDays.number(published.year, publishedMonth, published.day ?? 15)
            let distances = (published.year - 1...published.year + 1)
                .filter { day <= PartialDate.daysIn(month: month, year: $0) }
                .map { (year: $0, days: abs(CivilDays.number($0, month, day) - reference)) }
            return distances.filter { $0.days <= 190 }.min { $0.days < $1.days }?.year
        }

        /// A day of the month with its ordinal ending: `25`, `25th`, `1er`, `٢٥`. `joined`: the second
        /// day of a range, which may follow the first with no space (`25-27`).
        func day(at i: Int, joined: Bool = false) -> (value: Int, end: Int)? {
            guard let value = number(i, digits: 1...2), (1...31).contains(value), joined || !joinedBefore(i) else { return nil }
            if touches(i + 1), let ending = word(i + 1), Vocabulary.ordinalEndings.contains(ending) { return (value, i + 2) }
            return (value, i + 1)
        }

        /// A month's name: `March`, `Mar.`, `mars`, `بمارس`, `كانون الثاني`, `آذار/مارس`, `مارس (آذار)`.
        func month(at i: Int, alternative: Bool = true) -> MonthWord? {
            guard let key = word(i) else { return nil }
            var found: MonthWord
            if let name = Vocabulary.months[key] {
                guard !name.capitalized || tokens[i].capitalized else { return nil }
                found = MonthWord(month: name.month, start: stemStart(i, prefix: name.prefix), end: i + 1,
                                  dayMayFollow: name.dayMayFollow)
                if name.abbreviation, touches(i + 1), isSymbol(i + 1, ".") { found.end += 1 }
            } else if let pair = Vocabulary.twoWordMonths[key], let second = word(i + 1), let month = pair.second[second] {
                found = MonthWord(month: month, start: stemStart(i, prefix: pair.prefix), end: i + 2, dayMayFollow: false)
            } else {
                return nil
            }
            // The same month in a second usage, as Levantine and Gulf papers write it.
            if alternative, isSymbol(found.end, "/") || isSymbol(found.end, "("),
               let other = month(at: found.end + 1, alternative: false), other.month == found.month {
                let parenthesized = isSymbol(found.end, "(")
                found.end = other.end
                if parenthesized, isSymbol(found.end, ")") { found.end += 1 }
            }
            return found
        }

        /// The year after a month: `2024`, `, 2024`, `of 2024`, `من عام 2024`.
        func yearAfterMonth(at i: Int) -> (value: Int, end: Int)? {
            var k = isSymbol(i, ",") || isSymbol(i, "،") ? i + 1 : i
            k = skipping(Vocabulary.monthYearWords, from: k)
            return writtenYear(at: k, in: 1000...2999)
        }

        // MARK: Years

        /// Two years joined by a dash: `2022–2024`, `2022 - 2024`, `2023/2024`.
        func yearRange(at i: Int) -> Found? {
            guard let first = number(i, digits: 4...4), (1900...2100).contains(first), !joinedBefore(i), !labelled(i),
                  i + 2 < tokens.count, tokens[i + 1].kind == .symbol,
                  Vocabulary.rangeMarks.contains(tokens[i + 1].symbol) || tokens[i + 1].symbol == "/" && touches(i + 1) && touches(i + 2),
                  let second = writtenYear(at: i + 2, in: 1900...2100), second.value > first,
                  let firstDate = Self.date(first, nil, nil), let secondDate = Self.date(second.value, nil, nil)
            else { return nil }
            return ([mention(tokens[i].start, tokens[i].end, firstDate, .explicit),
                     mention(tokens[i + 2].start, tokens[second.end - 1].end, secondDate, .explicit)], second.end)
        }

        /// A year alone, 1900 to 2100: `in 2024`, `COP29 in 2024`, `لعام 2024`, `2024م`; not a count
        /// (`2000 participants`), an amount (`$2000`, `2000%`), a numbered thing (`No. 2024`) or a phone number.
        func year(at i: Int) -> Found? {
            guard let year = writtenYear(at: i, in: 1900...2100), !joinedBefore(i), !labelled(i),
                  !(i > 0 && tokens[i - 1].kind == .number && isBareNumber(i - 1)),
                  !(year.end < tokens.count && tokens[year.end].kind == .number),
                  !(touches(i + 1) && tokens[i + 1].kind == .symbol && Vocabulary.quantityMarks.contains(tokens[i + 1].symbol)),
                  !(i + 1 < tokens.count && tokens[i + 1].kind == .symbol && tokens[i + 1].symbol.properties.generalCategory == .currencySymbol),
                  let date = Self.date(year.value, nil, nil)
            else { return nil }
            return ([mention(tokens[i].start, tokens[year.end - 1].end, date, .explicit)], year.end)
        }

        /// A four-digit year not joined to other digits or to letters, with a Gregorian marker
        /// (`2024م`) when there is one; nil for a hijri year (`1445هـ`) or a count (`2000 participants`).
        func writtenYear(at i: Int, in range: ClosedRange<Int>) -> (value: Int, end: Int)? {
            guard let value = number(i, digits: 4...4), range.contains(value), !joinedAfter(i + 1) else { return nil }
            guard let next = word(i + 1) else { return (value, i + 1) }
            if Vocabulary.gregorianMarkers.contains(next) { return (value, i + 2) }
            if touches(i + 1) || Vocabulary.hijriMarkers.contains(next) || Vocabulary.countedNouns.contains(next) { return nil }
            return (value, i + 1)
        }

        /// Whether the number at `i` is labelled as something other than a year: `No. 2024`, `#2024`, `$2024`, `+2024`.
        func labelled(_ i: Int) -> Bool {
            var k = i - 1
            if k >= 0, isSymbol(k, "."), k > 0, word(k - 1) != nil, touches(k) { k -= 1 }  // "No. 2024"
            guard k >= 0 else { return false }
            switch tokens[k].kind {
            case .word: return Vocabulary.numberLabels.contains(tokens[k].key)
            case .symbol: return Vocabulary.labelMarks.contains(tokens[k].symbol)
                || tokens[k].symbol.properties.generalCategory == .currencySymbol
            case .number: return false
            }
        }

        /// Whether the number at `i` stands on its own rather than ending a name (`COP29`): two such
        /// numbers in a row are a phone number or a list, not a year.
        func isBareNumber(_ i: Int) -> Bool {
            !(i > 0 && !tokens[i].spaced && tokens[i - 1].kind == .word)
        }

        // MARK: Weekdays

        /// A weekday: `on Monday`, `next Friday`, `le lundi`, `lundi prochain`, `يوم الإثنين`,
        /// `في الخميس`; or, when a date follows it (`Monday, 25 March 2024`), that date.
        func weekday(at i: Int) -> Found? {
            let name: WeekdayWord
            let weekdayToken: Int
            let start: Int
            var tense: Tense?
            var cued = true
            if let lead = Vocabulary.weekdayLeads[tokens[i].key], let next = weekdayName(at: i + 1), next.language == lead.language {
                (name, weekdayToken, start, tense) = (next, i + 1, stemStart(i, prefix: lead.prefix), lead.tense)
            } else if let alone = weekdayName(at: i) {
                (name, weekdayToken, start) = (alone, i, stemStart(i, prefix: alone.prefix))
                cued = alone.language != .arabic || arabicWeekdayIsCued(at: i)
            } else {
                return nil
            }
            var end = weekdayToken + 1
            if let qualifier = word(end).flatMap({ Vocabulary.weekdayQualifiers[$0] }) {
                tense = qualifier
                cued = true  // الجمعة الماضية is last Friday, whatever comes before it
                end += 1
            }
            if var dated = dateAfterWeekday(at: end) {
                if let date = dated.mentions.first {
                    dated.mentions[0] = mention(start, date.end, date.date, .explicit)
                }
                return dated
            }
            guard cued else { return nil }
            let when = tense ?? (hasFutureCue(before: i) ? .future : .recent)
            guard let date = resolve(weekday: name.weekday, when) else { return ([], end) }
            return ([mention(start, tokens[end - 1].end, date, .weekday)], end)
        }

        /// The weekday named at `i`; English names count only when capitalized.
        func weekdayName(at i: Int) -> WeekdayWord? {
            guard let key = word(i), let name = Vocabulary.weekdays[key],
                  name.language != .english || tokens[i].capitalized
            else { return nil }
            return name
        }

        /// Whether an Arabic weekday with no `يوم` before it is a day: after `في` (`وفي الخميس`), or
        /// joined by و to a weekday that is one (`يومي السبت والأحد`).
        func arabicWeekdayIsCued(at i: Int) -> Bool {
            guard i > 0, let previous = word(i - 1) else { return false }
            if Vocabulary.arabicIn.contains(previous) { return true }
            guard scalars[tokens[i].start] == "و", let before = weekdayName(at: i - 1), before.language == .arabic else { return false }
            if i > 1, let lead = word(i - 2), Vocabulary.weekdayLeads[lead]?.language == .arabic { return true }
            return arabicWeekdayIsCued(at: i - 1)
        }

        /// The date a weekday introduces, if one follows: `, 25 March 2024`, ` (25 مارس 2024)`, ` الموافق 25 مارس`.
        func dateAfterWeekday(at i: Int) -> Found? {
            var k = i
            var parenthesized = false
            while k < i + 3, k < tokens.count {
                let isMark = tokens[k].kind == .symbol && Vocabulary.weekdayDateMarks.contains(tokens[k].symbol)
                guard isMark || word(k).map(Vocabulary.weekdayDateWords.contains) == true else { break }
                parenthesized = parenthesized || isSymbol(k, "(")
                k += 1
            }
            guard k < tokens.count, var found = numericDate(at: k) ?? dayFirstDate(at: k) ?? monthFirstDate(at: k),
                  found.mentions.first.map({ $0.date.precision == .day }) ?? true
            else { return nil }
            if parenthesized, found.mentions.count == 1, isSymbol(found.end, ")") {
                found.mentions[0] = mention(found.mentions[0].start, tokens[found.end].end, found.mentions[0].date, .explicit)
                found.end += 1
            }
            return found
        }

        /// Whether the sentence before the token at `i`, within 60 scalars, speaks of the future:
        /// `will`, `next`, `upcoming`, `prochain`, `aura lieu`, `se tiendra`, `المقبل`, `ستعقد`…
        func hasFutureCue(before i: Int) -> Bool {
            let limit = tokens[i].start - 60
            var k = i - 1
            while k >= 0, tokens[k].end > limit, !tokens[k + 1].lineBreak {
                let token = tokens[k]
                if token.kind == .symbol, Vocabulary.sentenceEnds.contains(token.symbol) { return false }
                if token.kind == .word {
                    if Vocabulary.futureCues.contains(token.key) { return true }
                    if token.key == Vocabulary.lieu, k > 0, tokens[k - 1].key == Vocabulary.aura { return true }
                }
                k -= 1
            }
            return false
        }

        /// The `weekday` nearest the publication date: on or before it, strictly before it, or strictly after it.
        func resolve(weekday: Int, _ tense: Tense) -> PartialDate? {
            guard let published, let month = published.month, let day = published.day else { return nil }
            let publication = CivilDays.number(published.year, month, day)
            let publishedWeekday = CivilDays.weekday(publication)
            let offset = switch tense {
            case .recent: -((publishedWeekday - weekday + 7) % 7)
            case .past: -((publishedWeekday - weekday + 6) % 7 + 1)
            case .future: (weekday - publishedWeekday + 6) % 7 + 1
            }
            let (y, m, d) = CivilDays.date(publication + offset)
            return Self.date(y, m, d)
        }

        // MARK: Token helpers

        func word(_ i: Int) -> WordKey? {
            i < tokens.count && tokens[i].kind == .word ? tokens[i].key : nil
        }

        func number(_ i: Int, digits: ClosedRange<Int>) -> Int? {
            i < tokens.count && tokens[i].kind == .number && digits.contains(tokens[i].digits) ? tokens[i].value : nil
        }

        func isSymbol(_ i: Int, _ symbol: Unicode.Scalar) -> Bool {
            i < tokens.count && tokens[i].kind == .symbol && tokens[i].symbol == symbol
        }

        /// Whether the token at `i` follows the one before it with no space.
        func touches(_ i: Int) -> Bool {
            i < tokens.count && !tokens[i].spaced
        }

        /// Whether the number at `i` continues something before it: digits (`12024`), a Latin word
        /// (`COP2024`), or a joining mark after a number or word (`1.2024`, `+33-2024`, `COVID-19`).
        func joinedBefore(_ i: Int) -> Bool {
            guard i > 0, !tokens[i].spaced else { return false }
            let previous = tokens[i - 1]
            switch previous.kind {
            case .number: return true
            case .word: return previous.latin
            case .symbol: return Vocabulary.numberJoiners.contains(previous.symbol) && i > 1 && !previous.spaced
                && tokens[i - 2].kind != .symbol
            }
        }

        /// Whether the number ending before `i` goes on: more digits after a joining mark (`2024.5`, `2,000`).
        func joinedAfter(_ i: Int) -> Bool {
            guard touches(i) else { return false }
            switch tokens[i].kind {
            case .number: return true
            case .symbol: return Vocabulary.numberJoiners.contains(tokens[i].symbol) && touches(i + 1) && tokens[i + 1].kind == .number
            case .word: return false
            }
        }

        /// The token at `i`, or after up to two words of `words` there.
        func skipping(_ words: Set<WordKey>, from i: Int) -> Int {
            var k = i
            while k < i + 2, let w = word(k), words.contains(w) { k += 1 }
            return k
        }

        /// The token after a mark or word joining two parts of a range, if there is one at `i`.
        func rangeLink(at i: Int) -> Int? {
            guard i < tokens.count else { return nil }
            switch tokens[i].kind {
            case .symbol: return Vocabulary.rangeMarks.contains(tokens[i].symbol) ? i + 1 : nil
            case .word: return Vocabulary.rangeWords.contains(tokens[i].key) ? i + 1 : nil
            case .number: return nil
            }
        }

        /// Where the word at `i` starts once `prefix` joined letters are passed: `ويوم` → `يوم`.
        func stemStart(_ i: Int, prefix: Int) -> Int {
            var k = tokens[i].start
            guard prefix > 0 else { return k }
            var letters = 0
            while letters < prefix, k < tokens[i].end {
                if Token.isBaseLetter(scalars[k]) { letters += 1 }
                k += 1
            }
            while k < tokens[i].end, !Token.isBaseLetter(scalars[k]) { k += 1 }
            return k
        }

        /// One explicit mention spanning tokens `first...last`, or none for an impossible date.
        func explicit(tokens first: Int, through last: Int, _ date: PartialDate?) -> [DateMention] {
            explicit(from: tokens[first].start, to: tokens[last].end, date)
        }

        /// One explicit mention spanning scalars `start..<end`, or none for an impossible date.
        func explicit(from start: Int, to end: Int, _ date: PartialDate?) -> [DateMention] {
            date.map { [mention(start, end, $0, .explicit)] } ?? []
        }

        func mention(_ start: Int, _ end: Int, _ date: PartialDate, _ reading: DateMention.Reading) -> DateMention {
            DateMention(start: start, end: end, text: String(String.UnicodeScalarView(scalars[start..<end])),
                        date: date, reading: reading)
        }

        /// The date `year`, `year-month` or `year-month-day`, or nil when there is no such day.
        static func date(_ year: Int, _ month: Int?, _ day: Int?) -> PartialDate? {
            guard (1...9999).contains(year) else { return nil }
            var text = zeroPadded(year, width: 4)
            if let month { text += "-" + zeroPadded(month, width: 2) }
            if let day { text += "-" + zeroPadded(day, width: 2) }
            return try? PartialDate(text)
        }
    }
}

// MARK: - Calendar arithmetic

extension DateExtractor {
    /// Days counted from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
    /// `days_from_civil`), for stepping from the publication date to a weekday.
    enum CivilDays {
        static func number(_ year: Int, _ month: Int, _ day: Int) -> Int {
            let y = month <= 2 ? year - 1 : year
            let era = (y >= 0 ? y : y - 399) / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        static func date(_ number: Int) -> (year: Int, month: Int, day: Int) {
            let z = number + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let shiftedMonth = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
            let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
            return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
        }

        /// Monday is 0, Sunday 6 (1970-01-01 was a Thursday).
        static func weekday(_ number: Int) -> Int {
            ((number % 7) + 7 + 3) % 7
        }
    }
}
