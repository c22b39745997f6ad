/// What `ingest` found in an article and what it proposes.
public struct IngestReport: Codable, Sendable {
    /// The source the article is stored as.
    public struct SourceInfo: Codable, Sendable {
        public var key: String
        public var title: String
        public var publisher: String?
        public var published: PartialDate?
        public var language: String?
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
        public var end: Int
        /// How the name was matched: `name`, `name without honorific`, `name without article`,
        /// `first and last name`, `last name`, `plural`.
        public var matched: String

        enum CodingKeys: String, CodingKey {
            case entity, candidates, text, start, end, matched
            case candidateCount = "candidate_count"
        }

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
        public var name: String
        public var type: EntityType
        public var kind: String?
        public var aliases: [Alias]
        /// From 0 to 1: the evidence and how often it occurs.
        public var score: Double
        /// Why it is proposed: `after "السيدة"`, `capitalized words`, `gazetteer`.
        public var evidence: String
        public var occurrences: Int
        public var start: Int
        public var end: Int
        /// The words around its first occurrence.
        public var context: String
    }

    public var source: SourceInfo
    /// Whether the same text was already registered, and its source reused.
    public var reused: Bool
    public var language: String
    /// Whether the language was detected rather than given.
    public var languageDetected: Bool
    public var mentions: [Mention]
    public var candidates: [Candidate]
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
