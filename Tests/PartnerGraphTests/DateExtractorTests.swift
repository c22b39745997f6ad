import Foundation
import Testing
@testable import PartnerGraph

/// Each mention as `text = date`, so that a failure shows what was read and how.
private func read(_ text: String, published: String? = nil) throws -> [String] {
    let published = try published.map(PartialDate.init)
    return DateExtractor.dates(in: text, published: published).map { "\($0.text) = \($0.date)" }
}

/// Tuesday 26 March 2024, the publication date of the weekday examples.
private let tuesday = "2024-03-26"

struct DateExtractorTests {
    // MARK: Explicit dates

    @Test("Numeric dates are read year first (ISO) or day first", arguments: [
        ("Signed in Baku on 2024-03-25.", ["2024-03-25 = 2024-03-25"]),
        ("Rapport d'activité 2024-03 publié", ["2024-03 = 2024-03"]),
        ("le 25/03/2024 à Rabat", ["25/03/2024 = 2024-03-25"]),
        ("on 25.03.2024 in Baku", ["25.03.2024 = 2024-03-25"]),
        ("في 25-03-2024 بالرباط", ["25-03-2024 = 2024-03-25"]),
        ("le 5/3/2024", ["5/3/2024 = 2024-03-05"]),
        ("بتاريخ 2024/03/25", ["2024/03/25 = 2024-03-25"]),
        ("updated 2024-03-25T10:00Z", ["2024-03-25 = 2024-03-25"]),
    ])
    func numericDates(text: String, expected: [String]) throws {
        #expect(try read(text) == expected)
    }

    @Test("English dates are read in every usual order", arguments: [
        ("signed on 25 March 2024 in Baku", ["25 March 2024 = 2024-03-25"]),
        ("signed on March 25, 2024 in Baku", ["March 25, 2024 = 2024-03-25"]),
        ("on the 25th March 2024", ["25th March 2024 = 2024-03-25"]),
        ("on the 25th of March, 2024", ["25th of March, 2024 = 2024-03-25"]),
        ("on 1st June 2023", ["1st June 2023 = 2023-06-01"]),
        ("launched in March 2024", ["March 2024 = 2024-03"]),
        ("launched in Mar. 2024", ["Mar. 2024 = 2024-03"]),
        ("on 5 Sept. 2024", ["5 Sept. 2024 = 2024-09-05"]),
        ("on Sept. 5, 2024", ["Sept. 5, 2024 = 2024-09-05"]),
        ("what may 2024 bring?", ["2024 = 2024"]),  // lower-case "may" is not the month
    ])
    func englishDates(text: String, expected: [String]) throws {
        #expect(try read(text) == expected)
    }

    @Test("French dates are read with or without accents", arguments: [
        ("signé le 25 mars 2024 à Bakou", ["25 mars 2024 = 2024-03-25"]),
        ("le 1er mars 2024", ["1er mars 2024 = 2024-03-01"]),
        ("le 1ᵉʳ mars 2024", ["1ᵉʳ mars 2024 = 2024-03-01"]),
        ("lancé en mars 2024", ["mars 2024 = 2024-03"]),
        ("le 3 fevrier 2024", ["3 fevrier 2024 = 2024-02-03"]),
        ("le 3 Février 2024", ["3 Février 2024 = 2024-02-03"]),
        ("le 3 Fe\u{301}vrier 2024", ["3 Fe\u{301}vrier 2024 = 2024-02-03"]),  // decomposed accent
        ("le 15 août 2024", ["15 août 2024 = 2024-08-15"]),
        ("le 15 aout 2024", ["15 aout 2024 = 2024-08-15"]),
        ("le 10 décembre 2023", ["10 décembre 2023 = 2023-12-10"]),
        ("le 25 janv. 2024", ["25 janv. 2024 = 2024-01-25"]),
    ])
    func frenchDates(text: String, expected: [String]) throws {
        #expect(try read(text) == expected)
    }

    @Test("Arabic dates are read with their prepositions, markers and second month names", arguments: [
        ("وقعت الاتفاقية في 25 مارس 2024 بباكو", ["25 مارس 2024 = 2024-03-25"]),
        ("في مارس 2024", ["مارس 2024 = 2024-03"]),
        ("خلال شهر مارس 2024", ["مارس 2024 = 2024-03"]),
        ("انطلق البرنامج بمارس 2024", ["مارس 2024 = 2024-03"]),
        ("في 25 مارس 2024م", ["25 مارس 2024م = 2024-03-25"]),
        ("في 25 مارس 2024 م", ["25 مارس 2024 م = 2024-03-25"]),
        ("في 25 من شهر مارس 2024", ["25 من شهر مارس 2024 = 2024-03-25"]),
        ("في مارس من عام 2024", ["مارس من عام 2024 = 2024-03"]),
        ("في 25 آذار/مارس 2024", ["25 آذار/مارس 2024 = 2024-03-25"]),
        ("في 3 كانون الثاني 2024", ["3 كانون الثاني 2024 = 2024-01-03"]),
        ("في ٢٥ مَارِس ٢٠٢٤", ["٢٥ مَارِس ٢٠٢٤ = 2024-03-25"]),  // harakat
    ])
    func arabicDates(text: String, expected: [String]) throws {
        #expect(try read(text) == expected)
    }

    @Test("Every usage's Arabic month names are read", arguments: [
        ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("إبريل", 4), ("مايو", 5), ("ماي", 5),
        ("يونيو", 6), ("يونيه", 6), ("يوليو", 7), ("يوليوز", 7), ("أغسطس", 8), ("غشت", 8), ("سبتمبر", 9),
        ("شتنبر", 9), ("أكتوبر", 10), ("نوفمبر", 11), ("نونبر", 11), ("ديسمبر", 12), ("دجنبر", 12),
        ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6), ("تموز", 7),
        ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),
        ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("جوان", 6), ("جويلية", 7), ("أوت", 8),
    ])
    func arabicMonthNames(name: String, month: Int) throws {
        let expected = "\(name) 2024 = 2024-\(zeroPadded(month, width: 2))"
        #expect(try read("في \(name) 2024") == [expected])
    }

    @Test("English and French month names are read", arguments: Array(zip(
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"],
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
         "décembre"]).enumerated()))
    func latinMonthNames(index: Int, names: (english: String, french: String)) throws {
        let month = zeroPadded(index + 1, width: 2)
        #expect(try read("on 2 \(names.english) 2024") == ["2 \(names.english) 2024 = 2024-\(month)-02"])
        #expect(try read("le 2 \(names.french) 2024") == ["2 \(names.french) 2024 = 2024-\(month)-02"])
    }

    @Test("Arabic-Indic and Persian digits count as digits", arguments: [
        ("في ٢٥ مارس ٢٠٢٤", ["٢٥ مارس ٢٠٢٤ = 2024-03-25"]),
        ("في ۲۵ مارس ۲۰۲۴", ["۲۵ مارس ۲۰۲۴ = 2024-03-25"]),
        ("بتاريخ ٢٥/٠٣/٢٠٢٤", ["٢٥/٠٣/٢٠٢٤ = 2024-03-25"]),
        ("بتاريخ ٢٠٢٤-٠٣-٢٥", ["٢٠٢٤-٠٣-٢٥ = 2024-03-25"]),
        ("في عام ٢٠٢٢", ["٢٠٢٢ = 2022"]),
    ])
    func easternDigits(text: String, expected: [String]) throws {
        #expect(try read(text) == expected)
    }

    // MARK: Years

    @Test("A year alone is read, also inside a name", arguments: [
        ("COP29 in 2024", ["2024 = 2024"]),
        ("Islamic World Capital of Culture 2024", ["2024 = 2024"]),
        ("عاصمة الثقافة في العالم الإسلامي 2024", ["2024 = 2024"]),
        ("منذ عام 2022", ["2022 = 2022"]),
        ("التقرير السنوي لعام 2024", ["2024 = 2024"]),
        ("سنة 2024", ["2024 = 2024"]),
        ("عام 2024م الموافق 1445هـ", ["2024م = 2024"]),
        ("en 1958, puis en 2100", ["1958 = 1958", "2100 = 2100"]),
    ])
    func years(text: String, expected: [String]) throws {
        #expect(try read(text) == expected)
    }

    @Test("Numbers that are not dates are skipped", arguments: [
        "2,000 participants",
        "2000 participants attended the forum",
        "plus de 2000 étudiants",
        "بمشاركة 2000 مشارك",
        "في 1445هـ",
        "15 رمضان 1445 هـ",
        "call +212 537 2024 55",
        "at 20:24",
        "a budget of $2024",
        "Resolution No. 2024",
        "a 2024% rise",
        "2024.5 tonnes",
        "the 1990s",
        "founded in 1899",
        "COP2024",
        "12024 km",
        "COVID-19 March figures",
    ])
    func notDates(text: String) throws {
        #expect(try read(text, published: tuesday) == [])
    }

    @Test("Impossible dates are skipped, not read as a month or a year", arguments: [
        "في 30 فبراير 2024", "le 29 février 2023", "on 31 June 2024", "31/04/2024", "2024-02-30", "25/13/2024",
    ])
    func impossibleDates(text: String) throws {
        #expect(try read(text, published: tuesday) == [])
    }

    // MARK: Ranges

    @Test("A range gives one mention per year or day", arguments: [
        ("Plan 2022–2024", ["2022 = 2022", "2024 = 2024"]),
        ("Plan 2022-2024", ["2022 = 2022", "2024 = 2024"]),
        ("الخطة 2022-2024م", ["2022 = 2022", "2024م = 2024"]),
        ("du 25 au 27 mars 2024", ["25 = 2024-03-25", "27 mars 2024 = 2024-03-27"]),
        ("on 25–27 March 2024", ["25 = 2024-03-25", "27 March 2024 = 2024-03-27"]),
        ("on March 25–27, 2024", ["March 25 = 2024-03-25", "27, 2024 = 2024-03-27"]),
        ("يومي 25 و26 مارس 2024", ["25 = 2024-03-25", "26 مارس 2024 = 2024-03-26"]),
        ("du 28 décembre au 3 janvier 2025", ["28 décembre = 2024-12-28", "3 janvier 2025 = 2025-01-03"]),
        ("in March and April 2024", ["March = 2024-03", "April 2024 = 2024-04"]),
        ("de décembre à février 2025", ["décembre = 2024-12", "février 2025 = 2025-02"]),
        ("en décembre-janvier 2025", ["décembre = 2024-12", "janvier 2025 = 2025-01"]),
        ("في شهري مارس وأبريل 2024", ["مارس = 2024-03", "أبريل 2024 = 2024-04"]),
    ])
    func ranges(text: String, expected: [String]) throws {
        #expect(try read(text) == expected)
    }

    // MARK: Weekdays

    @Test("A weekday is the latest such day up to publication, or the next one after a future cue", arguments: [
        ("The agreement was signed on Monday in Baku.", ["on Monday = 2024-03-25"]),
        ("The delegation arrived on Tuesday.", ["on Tuesday = 2024-03-26"]),
        ("Talks began on Sunday.", ["on Sunday = 2024-03-24"]),
        ("Wednesday's session was closed.", ["Wednesday = 2024-03-20"]),
        ("The forum will open on Monday.", ["on Monday = 2024-04-01"]),
        ("The ministers will meet on Tuesday.", ["on Tuesday = 2024-04-02"]),
        ("Results are due next Friday.", ["next Friday = 2024-03-29"]),
        ("The call was made last Tuesday.", ["last Tuesday = 2024-03-19"]),
        ("The upcoming session opens Thursday.", ["Thursday = 2024-03-28"]),
        ("The forum will close in April. On Monday, the minister arrived.", ["On Monday = 2024-03-25"]),
        ("L'accord a été signé lundi à Bakou.", ["lundi = 2024-03-25"]),
        ("Il a été signé le lundi à Bakou.", ["le lundi = 2024-03-25"]),
        ("La délégation est arrivée ce mardi.", ["ce mardi = 2024-03-26"]),
        ("La conférence se tiendra le jeudi à Rabat.", ["le jeudi = 2024-03-28"]),
        ("La réunion aura lieu mercredi.", ["mercredi = 2024-03-27"]),
        ("Rendez-vous lundi prochain.", ["lundi prochain = 2024-04-01"]),
        ("Il s'est rendu mardi dernier à Bakou.", ["mardi dernier = 2024-03-19"]),
        ("وقّعت الاتفاقية يوم الإثنين في باكو", ["يوم الإثنين = 2024-03-25"]),
        ("وقعت الاتفاقية يوم الاثنين", ["يوم الاثنين = 2024-03-25"]),
        ("وفي يوم الأحد افتتح المعرض", ["يوم الأحد = 2024-03-24"]),
        ("ويوم الجمعة زار الوفد المتحف", ["يوم الجمعة = 2024-03-22"]),
        ("وصل الوفد في الثلاثاء", ["الثلاثاء = 2024-03-26"]),
        ("ستعقد الندوة يوم الخميس في الرباط", ["يوم الخميس = 2024-03-28"]),
        ("تنطلق الدورة يوم الأربعاء المقبل", ["يوم الأربعاء المقبل = 2024-03-27"]),
        ("اختتمت الدورة يوم السبت الماضي", ["يوم السبت الماضي = 2024-03-23"]),
        ("وكانت الجمعة الماضية موعد الافتتاح", ["الجمعة الماضية = 2024-03-22"]),
        ("على مدى يومي السبت والأحد", ["يومي السبت = 2024-03-23", "الأحد = 2024-03-24"]),
    ])
    func weekdays(text: String, expected: [String]) throws {
        let mentions = DateExtractor.dates(in: text, published: try PartialDate(tuesday))
        #expect(mentions.map { "\($0.text) = \($0.date)" } == expected)
        #expect(mentions.allSatisfy { $0.reading == .weekday })
    }

    @Test("A weekday is skipped without a full publication date", arguments: [nil, "2024", "2024-03"])
    func weekdaysNeedPublication(published: String?) throws {
        #expect(try read("The agreement was signed on Monday.", published: published) == [])
        #expect(try read("وقعت الاتفاقية يوم الإثنين", published: published) == [])
    }

    @Test("Words that are weekdays only in context are skipped", arguments: [
        "انعقدت الجمعة العامة للمنظمة",  // the general assembly
        "الأحد عشر عضوا",  // the eleven
        "a monday meeting",  // English weekdays are capitalized
    ])
    func notWeekdays(text: String) throws {
        #expect(try read(text, published: tuesday) == [])
    }

    @Test("A weekday followed by a date is that date, in one mention", arguments: [
        ("Monday, 25 March 2024", nil, ["Monday, 25 March 2024 = 2024-03-25"]),
        ("on Tuesday, March 26, 2024", nil, ["on Tuesday, March 26, 2024 = 2024-03-26"]),
        ("Monday 25/03/2024", nil, ["Monday 25/03/2024 = 2024-03-25"]),
        ("signé le lundi 25 mars 2024", nil, ["le lundi 25 mars 2024 = 2024-03-25"]),
        ("يوم الإثنين (25 مارس 2024) في باكو", nil, ["يوم الإثنين (25 مارس 2024) = 2024-03-25"]),
        ("الخميس الموافق 28 مارس 2024", nil, ["الخميس الموافق 28 مارس 2024 = 2024-03-28"]),
        ("يوم الإثنين 25 مارس", tuesday, ["يوم الإثنين 25 مارس = 2024-03-25"]),
        ("يوم الإثنين 25 مارس", nil, []),
    ])
    func weekdayWithDate(text: String, published: String?, expected: [String]) throws {
        let mentions = DateExtractor.dates(in: text, published: try published.map(PartialDate.init))
        #expect(mentions.map { "\($0.text) = \($0.date)" } == expected)
        #expect(mentions.allSatisfy { $0.reading == .explicit })
    }

    // MARK: Days without a year

    @Test("A day without a year takes the year that puts it nearest publication", arguments: [
        ("signed on 25 March", tuesday, ["25 March = 2024-03-25"]),
        ("signed on March 25", tuesday, ["March 25 = 2024-03-25"]),
        ("le 28 décembre", "2025-01-05", ["28 décembre = 2024-12-28"]),
        ("le 5 janvier", "2024-12-20", ["5 janvier = 2025-01-05"]),
        ("في 25 مارس", "2024", ["25 مارس = 2024-03-25"]),
        ("signed on 25 March", nil, []),
        ("on 29 February", "2025-03-01", []),  // no 29 February within six months
    ])
    func dayWithoutYear(text: String, published: String?, expected: [String]) throws {
        #expect(try read(text, published: published) == expected)
    }

    // MARK: Offsets

    @Test("Offsets count Unicode scalars, so each mention slices back out of Arabic text")
    func offsetsSliceArabicText() throws {
        let text = "🇦🇿👍🏽 وقّعت الإيسيسكو وأذربيجانُ اتفاقيةً يومَ الإثنين (٢٥ مارس ٢٠٢٤م) في باكو، "
            + "وستُعقد الدورة المقبلة في آذار/مارس 2025، ضمن خطة 2022–2026 بمشاركة 2000 مشارك.\u{200F}"
        let mentions = DateExtractor.dates(in: text, published: try PartialDate(tuesday))
        #expect(mentions.map(\.text) == ["يومَ الإثنين (٢٥ مارس ٢٠٢٤م)", "آذار/مارس 2025", "2022", "2026"])
        let scalars = Array(text.unicodeScalars)
        for mention in mentions {
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
        }
        #expect(mentions.first?.start == 41)
    }

    @Test("Mentions come in order and never overlap, whatever the mix of languages")
    func noOverlaps() throws {
        let fragments = [
            "Monday, 25 March 2024", "le lundi 25 mars", "يوم الإثنين (25 مارس 2024)", "2022–2024", "2024-03-25",
            "25/03/2024", "on Monday", "mars 2024", "في مارس 2024", "COP29 in 2024", "2000 participants", "du 25 au 27 mars",
            "1445هـ", "٢٥ مارس ٢٠٢٤م", "وفي يوم الأحد", "2024-02-30", "will meet on Tuesday", "-", "/", "2024", "25", "mars",
            "March 25, 2024", "Sept.", ".", "،", "و", "(", ")", "\n", "آذار/مارس", "كانون الثاني", "12", "2025",
        ]
        var random = SplitMix(seed: 2024)
        for _ in 0..<300 {
            let count = 1 + Int(random.next() % 12)
            let text = (0..<count).map { _ in fragments[Int(random.next() % UInt64(fragments.count))] }
                .joined(separator: random.next() % 3 == 0 ? "" : " ")
            let mentions = DateExtractor.dates(in: text, published: try PartialDate(tuesday))
            let scalars = Array(text.unicodeScalars)
            for (mention, next) in zip(mentions, mentions.dropFirst()) {
                #expect(mention.end <= next.start, "\(mention.text) overlaps \(next.text) in \(text)")
            }
            for mention in mentions {
                #expect(0 <= mention.start && mention.start < mention.end && mention.end <= scalars.count)
                #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
            }
        }
    }

    @Test("Any text gives mentions that slice back out of it")
    func randomText() throws {
        let pool = Array("0123456789٠١٢٣٤٥٦٧٨٩۲۵ -–/.,:+%$()،مارسيوم الإثنين le lundi Monday March mars 2024هـ\u{200F}\u{064E}\n".unicodeScalars)
        var random = SplitMix(seed: 7)
        for _ in 0..<500 {
            let count = Int(random.next() % 60)
            let text = String(String.UnicodeScalarView((0..<count).map { _ in pool[Int(random.next() % UInt64(pool.count))] }))
            let mentions = DateExtractor.dates(in: text, published: try PartialDate(tuesday))
            let scalars = Array(text.unicodeScalars)
            for (mention, next) in zip(mentions, mentions.dropFirst()) {
                #expect(mention.end <= next.start, "\(mention.text) overlaps \(next.text) in \(text)")
            }
            for mention in mentions where 0 <= mention.start && mention.start < mention.end && mention.end <= scalars.count {
                #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
            }
            #expect(mentions.allSatisfy { 0 <= $0.start && $0.start < $0.end && $0.end <= scalars.count })
        }
    }

    // MARK: Output

    @Test("A mention encodes its date as text and its reading by name")
    func codable() throws {
        let mention = try #require(DateExtractor.dates(in: "on Monday", published: try PartialDate(tuesday)).first)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(mention), as: UTF8.self)
        #expect(json == #"{"date":"2024-03-25","end":9,"reading":"weekday","start":0,"text":"on Monday"}"#)
        #expect(try JSONDecoder().decode(DateMention.self, from: Data(json.utf8)) == mention)
    }

    @Test("Day numbers step through the calendar without gaps, and know the weekdays")
    func civilDays() throws {
        var number = DateExtractor.CivilDays.number(1899, 12, 31)
        var mismatches: [String] = []
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...PartialDate.daysIn(month: month, year: year) {
                    number += 1
                    let back = DateExtractor.CivilDays.date(number)
                    if DateExtractor.CivilDays.number(year, month, day) != number || back != (year, month, day) {
                        mismatches.append("\(year)-\(month)-\(day)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty)
        #expect(DateExtractor.CivilDays.weekday(DateExtractor.CivilDays.number(2024, 3, 26)) == 1)  // Tuesday
        #expect(DateExtractor.CivilDays.weekday(DateExtractor.CivilDays.number(2000, 1, 1)) == 5)  // Saturday
        #expect(DateExtractor.CivilDays.weekday(DateExtractor.CivilDays.number(1969, 12, 31)) == 2)  // Wednesday
    }
}
