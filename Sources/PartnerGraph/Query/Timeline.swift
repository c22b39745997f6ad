/// A question for ``PartnerGraphStore/timeline(_:)``.
public struct TimelineQuery: Hashable, Sendable {
    /// Only facts about this entity (key, name or alias) and the events and agreements it is
    /// directly related to; `nil`: the whole graph.
    public var entity: String?
    /// Only facts whose date overlaps the period from `from` …
    public var from: PartialDate?
    /// … to `to` (precision-aware: `--to 2024` keeps `2024-12-31`).
    public var to: PartialDate?
    /// At most this many entries, from the end ``keep`` names; `nil`: all.
    public var limit: Int?
    /// Which end of the timeline a ``limit`` keeps.
    public var keep: Keep

    /// The end of a timeline that a limit keeps; the entries stay in date order either way.
    public enum Keep: String, Hashable, Sendable, Codable {
        /// The most recent entries: what a person looking at a busy entity usually wants.
        case latest
        /// The earliest entries: with `from`, what happened first from that date on.
        case earliest
    }

    /// A timeline question; with no arguments, every dated fact of the graph.
    public init(
        entity: String? = nil, from: PartialDate? = nil, to: PartialDate? = nil, limit: Int? = nil, keep: Keep = .latest
    ) {
        self.entity = entity
        self.from = from
        self.to = to
        self.limit = limit
        self.keep = keep
    }
}

/// One dated fact.
public struct TimelineEntry: Codable, Hashable, Sendable {
    /// What the date marks.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// An entity's single date: when an event took place or an agreement was made.
        case dated
        /// An entity's start (an event or agreement with a period).
        case starts
        /// An entity's end.
        case ends
        /// A relation's single date: an occurrence, such as taking part in a meeting.
        case relation
        /// A relation's start.
        case relationStarts = "relation_starts"
        /// A relation's end.
        case relationEnds = "relation_ends"
    }

    /// The date, as written.
    public var date: PartialDate
    /// What the date marks.
    public var kind: Kind
    /// The entity, for ``Kind/dated``, ``Kind/starts`` and ``Kind/ends``.
    public var entity: EntityRef? = nil
    /// The relation, walked from its source, for the relation kinds.
    public var relation: PathHop? = nil
    /// One line for people: `ICESCO observer of NAM Parliamentary Network — starts`.
    public var summary: String
}

/// Dated facts in order: the answer to `partnergraph timeline`.
///
/// Entries sort by date as written, so `2024` comes before `2024-03`, which comes before
/// `2024-03-25`; on the same date, entity facts come before relation facts.
///
/// JSON shape (absent values are left out): `{"entity": EntityRef, "from": "2022", "to": "2024",
/// "total": 3, "truncated": false, "entries": [{"date": "2022", "kind": "relation_starts",
/// "relation": PathHop, "summary": "…"}]}`.
public struct Timeline: Codable, Hashable, Sendable {
    /// The entity asked about; `nil` for the whole graph.
    public var entity: EntityRef?
    /// The window asked for, from …
    public var from: PartialDate?
    /// … to.
    public var to: PartialDate?
    /// The entries, in date order: all, or those a limit kept.
    public var entries: [TimelineEntry]
    /// How many entries the timeline has, before ``TimelineQuery/limit``.
    public var total: Int
    /// Whether ``TimelineQuery/limit`` cut the list short.
    public var truncated: Bool
    /// Which end a limit kept, when it cut the list short.
    public var kept: TimelineQuery.Keep?
}
