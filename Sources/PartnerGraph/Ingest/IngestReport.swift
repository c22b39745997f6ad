/// What `ingest` found in an article and what it proposes.
public struct IngestReport: Codable, Sendable {
    /// The source the article is stored as.
    public struct SourceInfo: Codable, Sendable {
        /// The source's key, which `--source` and citations use.
        public var key: String
        /// Its title.
        public var title: String
        /// Who published the article.
        public var publisher: String?
        /// When it was published.
        public var published: PartialDate?
        /// The article's language tag: `ar`, `en`, `fr`.
        public var language: String?
        /// Where the article can be read.
        public var url: String?
    }

    /// A known entity named in the article.
    public struct Mention: Codable, Hashable, Sendable {
        /// How many of the entities that bear an ambiguous name are listed.
        public static let listedCandidates = 10

        /// The entity, when the name designates one.
        public var entity: EntityRef?
        /// When several entities bear the name: the first ten of them, by key.
        public var candidates: [EntityRef]?
        /// When several entities bear the name: how many.
        public var candidateCount: Int?
        /// The name as written, without the Arabic prefixes attached to it.
        public var text: String
        /// Offsets in Unicode scalars of the article's text.
        public var start: Int
        /// Where the name ends, in the same offsets.
        public var end: Int
        /// How the name was matched: `name`, `name without honorific`, `name without article`,
        /// `first and last name`, `last name`, `plural`.
        public var matched: String

        enum CodingKeys: String, CodingKey {
            case entity, candidates, text, start, end, matched
            case candidateCount = "candidate_count"
        }

        /// A mention of a known entity (with `entity`), or of a name several entities bear (with
        /// `candidates` and `candidateCount`), at offsets `start..<end` of the article's text.
        public init(
            entity: EntityRef? = nil, candidates: [EntityRef]? = nil, candidateCount: Int? = nil, text: String, start: Int, end: Int, matched: String
        ) {
            self.entity = entity
            self.candidates = candidates
            self.candidateCount = candidateCount
            self.text = text
            self.start = start
            self.end = end
            self.matched = matched
        }
    }

    /// A name the graph does not know, proposed as a new entity.
    public struct Candidate: Codable, Hashable, Sendable {
        /// The draft that proposes it.
        public var draft: Int64?
        /// The name as the article writes it.
        public var name: String
        /// The type of entity it seems to be.
        public var type: EntityType
        /// Its kind, when the evidence tells (`state`, `city` for a place of the ``Gazetteer``).
        public var kind: String?
        /// Its other names: for a place of the ``Gazetteer``, its names in the other languages.
        public var aliases: [Alias]
        /// From 0 to 1: the evidence and how often it occurs.
        public var score: Double
        /// Why it is proposed: `after "السيدة"`, `capitalized words`, `gazetteer`.
        public var evidence: String
        /// How many times the article names it.
        public var occurrences: Int
        /// Where its first occurrence starts, in Unicode scalars of the article's text.
        public var start: Int
        /// Where its first occurrence ends.
        public var end: Int
        /// The words around its first occurrence.
        public var context: String
    }

    /// The source the article is stored as.
    public var source: SourceInfo
    /// Whether the same text was already registered, and its source reused.
    public var reused: Bool
    /// The article's language tag: `ar`, `en`, `fr`.
    public var language: String
    /// Whether the language was detected rather than given.
    public var languageDetected: Bool
    /// The known entities the article names, in the order they occur.
    public var mentions: [Mention]
    /// The names the graph does not know, proposed as new entities.
    public var candidates: [Candidate]
    /// The dates the article gives, in the order they occur.
    public var dates: [DateMention]
    /// The drafts waiting for review: new ones, or for a reused article, those it already had.
    public var drafts: [DraftView]
    /// Facts the article states that the graph already holds, which are not proposed again.
    public var alreadyRecorded: [String]

    enum CodingKeys: String, CodingKey {
        case source, reused, language, mentions, candidates, dates, drafts
        case languageDetected = "language_detected"
        case alreadyRecorded = "already_recorded"
    }
}

extension NameMatcher.Form {
    var label: String {
        switch self {
        case .name: return "name"
        case .withoutHonorific: return "name without honorific"
        case .withoutArticle: return "name without article"
        case .firstAndLast: return "first and last name"
        case .surname: return "last name"
        }
    }
}
