import Foundation

/// An article to ingest: its text, checked, and what is known about it.
///
/// ```swift
/// let article = try Article(data: Data(contentsOf: url), origin: "release.txt")
/// article.language   // .arabic, detected from the text
/// ```
public struct Article: Sendable {
    /// The languages `ingest` reads.
    public enum Language: String, Codable, Sendable, CaseIterable {
        /// Arabic (`ar`).
        case arabic = "ar"
        /// English (`en`).
        case english = "en"
        /// French (`fr`).
        case french = "fr"
    }

    /// The largest article `ingest` reads: a press release is a few kilobytes; anything this
    /// large is another kind of document, or the wrong file.
    public static let maximumBytes = 5_000_000

    /// The text, with line ends made `\n` and a byte-order mark removed.
    public let text: String
    /// Where it came from, for messages: a file name or "standard input".
    public let origin: String
    /// The language, as given or detected.
    public let language: Language
    /// Whether ``language`` was detected rather than given.
    public let languageDetected: Bool

    /// Checks and decodes an article.
    ///
    /// - Parameters:
    ///   - data: The article's bytes: UTF-8 text of at most ``maximumBytes`` bytes.
    ///   - origin: Where it came from, named in messages: a file name, or "standard input".
    ///   - language: The article's language; detected from the text when `nil`.
    /// - Throws: ``IngestError`` when the data is empty, too large, binary, not UTF-8, or in a
    ///   language PartnerGraph does not read.
    public init(data: Data, origin: String, language: Language? = nil) throws {
        if data.count > Self.maximumBytes {
            throw IngestError.tooLarge(origin: origin, bytes: data.count, limit: Self.maximumBytes)
        }
        if let nul = data.firstIndex(of: 0) {
            throw IngestError.binary(origin: origin, offset: nul - data.startIndex)
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            throw IngestError.notUTF8(origin: origin, offset: Self.firstInvalidUTF8Byte(data))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        guard text.contains(where: { $0.isLetter }) else {
            throw IngestError.empty(origin: origin)
        }
        // Text with many control characters other than white space is a binary file that happens to decode.
        // (C0 controls but tab, line feed, carriage return, form feed; counted on the bytes.)
        let controls = text.utf8.lazy.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C || $0 == 0x7F }.count
        if controls > 0 && controls * 100 > text.utf8.count {
            throw IngestError.binary(origin: origin, offset: nil)
        }
        self.text = text
        self.origin = origin
        if let language {
            self.language = language
            languageDetected = false
        } else {
            switch LanguageDetector.detect(text) {
            case .supported(let detected):
                self.language = detected
                languageDetected = true
            case .unsupported(let name):
                throw IngestError.unsupportedLanguage(origin: origin, detected: name)
            }
        }
    }

    /// The offset of the first byte that breaks UTF-8.
    static func firstInvalidUTF8Byte(_ data: Data) -> Int {
        var index = 0
        let bytes = [UInt8](data)
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count,
                String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            else { return index }
            index += length
        }
        return index
    }

    /// The first line of the text: the title of a press release.
    var firstLine: String {
        let line = text.split(separator: "\n", maxSplits: 20, omittingEmptySubsequences: true).prefix(20)
            .first { $0.contains(where: { $0.isLetter }) } ?? ""
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 300 ? String(trimmed.prefix(299)) + "…" : trimmed
    }
}

/// Tells the language of an article from its script and its commonest words.
public enum LanguageDetector {
    /// What the detector concluded.
    public enum Result: Equatable, Sendable {
        /// A language `ingest` reads.
        case supported(Article.Language)
        /// Another language, named as well as the detector can (`Spanish`, `Cyrillic script`).
        case unsupported(String)
    }

    private static let stopWords: [(name: String, language: Article.Language?, words: Set<String>)] = [
        ("English", .english, ["the", "and", "of", "to", "in", "with", "for", "on", "was", "is", "that", "by", "as", "its", "this", "which", "were", "has", "at"]),
        ("French", .french, ["le", "la", "les", "des", "et", "du", "de", "une", "est", "pour", "avec", "dans", "sur", "qui", "par", "au", "aux", "ce", "son", "ses", "l", "d"]),
        ("Spanish", nil, ["el", "los", "las", "del", "y", "que", "por", "con", "una", "para", "es", "se", "al", "como", "su"]),
        ("German", nil, ["der", "die", "das", "und", "den", "mit", "von", "zu", "ist", "im", "für", "des", "auf", "eine", "sich"]),
        ("Italian", nil, ["il", "della", "di", "e", "che", "per", "con", "una", "gli", "nel", "alla", "sono", "è", "lo", "delle"]),
        ("Portuguese", nil, ["o", "os", "da", "do", "dos", "das", "e", "que", "em", "com", "uma", "para", "não", "ao", "na"]),
        ("Turkish", nil, ["ve", "bir", "bu", "ile", "için", "olarak", "da", "de", "olan", "gibi", "daha", "çok"]),
        ("Indonesian", nil, ["dan", "yang", "di", "dengan", "untuk", "dari", "ini", "dalam", "pada", "tidak", "akan"]),
    ]

    /// The language of `text`.
    public static func detect(_ text: String) -> Result {
        var arabic = 0, latin = 0, other = 0
        var otherScript: String?
        // The first few thousand letters tell the language as well as the whole text does.
        for scalar in text.unicodeScalars.prefix(6_000) where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: arabic += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: latin += 1
            default:
                other += 1
                if otherScript == nil { otherScript = scriptName(scalar) }
            }
        }
        let letters = arabic + latin + other
        guard letters > 0 else { return .unsupported("no letters") }
        if arabic * 2 > letters {
            // Persian and Urdu share the script; their own letters tell them apart.
            let persian = text.unicodeScalars.filter { "\u{067E}\u{0686}\u{0698}\u{06AF}\u{06CC}\u{06A9}".unicodeScalars.contains($0) }.count
            if persian * 40 > arabic { return .unsupported("Persian or Urdu") }
            return .supported(.arabic)
        }
        if other * 2 > letters { return .unsupported(otherScript ?? "another script") }
        var counts = [Int](repeating: 0, count: stopWords.count)
        for word in SearchText.words(String(text.prefix(4_000))) {
            for (index, entry) in stopWords.enumerated() where entry.words.contains(word) { counts[index] += 1 }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] }!
        if counts[best] == 0 {
            // A few words without any common word: most likely a title in English or French; English.
            return .supported(.english)
        }
        // English and French share little; a text of either has many more of its own words.
        if let language = stopWords[best].language { return .supported(language) }
        return .unsupported(stopWords[best].name)
    }

    private static func scriptName(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0400...0x04FF: return "Cyrillic script"
        case 0x0370...0x03FF: return "Greek script"
        case 0x0590...0x05FF: return "Hebrew script"
        case 0x0900...0x097F: return "Devanagari script"
        case 0x4E00...0x9FFF, 0x3040...0x30FF: return "Chinese or Japanese script"
        case 0xAC00...0xD7AF: return "Korean script"
        default: return "another script"
        }
    }
}
