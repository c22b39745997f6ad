/// Which part of the graph a picture shows.
///
/// A selection is a scope (everything, an entity's neighbourhood, or the shortest connections
/// between two entities) narrowed by filters that apply to every scope.
///
/// ```swift
/// var selection = RenderSelection(scope: .around("ICESCO", depth: 1))
/// selection.relationTypes = ["heads", "observer_of"]
/// selection.asOf = try PartialDate("2024-01")
/// ```
public struct RenderSelection: Hashable, Sendable {
    /// The part of the graph a selection starts from, before the filters.
    public enum Scope: Hashable, Sendable {
        /// Every entity and relation that passes the filters.
        case whole
        /// The entity and everything within `depth` relations of it, in either direction.
        case around(String, depth: Int)
        /// The `k` shortest connections from one entity to another, drawn inside the
        /// neighbourhood of depth `depth` of their entities (`depth` 0: the paths alone).
        case path(from: String, to: String, k: Int, depth: Int)
    }

    /// What the picture is about: the whole graph, a neighbourhood, or paths.
    public var scope: Scope
    /// Only relations of these types (vocabulary names); empty: all.
    public var relationTypes: [String]
    /// Only entities of these types; empty: all. The entity a selection is centred on is always kept.
    public var entityTypes: [EntityType]
    /// The graph as it stood on this date: relations in force then, entities that existed.
    public var asOf: PartialDate?
    /// Only what this source (by key) states: relations and entities that cite it.
    public var source: String?

    /// A selection; by default the whole graph, unfiltered.
    public init(
        scope: Scope = .whole, relationTypes: [String] = [], entityTypes: [EntityType] = [], asOf: PartialDate? = nil,
        source: String? = nil
    ) {
        self.scope = scope
        self.relationTypes = relationTypes
        self.entityTypes = entityTypes
        self.asOf = asOf
        self.source = source
    }
}

/// The selected part of the graph, ready to be written as DOT: what a picture shows.
public struct RenderGraph: Hashable, Sendable {
    /// One entity of the picture.
    public struct Node: Hashable, Sendable {
        /// The entity's row id.
        public var id: Int64
        /// The entity's key, which is the node's identifier in the DOT text.
        public var key: String
        /// The entity's type, which sets the node's shape and colour.
        public var type: EntityType
        /// The entity's primary name.
        public var name: String
        /// The language of ``name``, when known.
        public var nameLanguage: String?
        /// The entity's kind within the type (`igo`, `state`).
        public var kind: String?
        /// The entity's own date or period, as one phrase (`2024-03-25`, `2022–2024`).
        public var dates: String?
        /// Its Arabic names, in the order they were recorded.
        public var arabicNames: [String]
        /// Whether the node lies on a highlighted path.
        public var highlighted: Bool

        /// A node for the entity; only its identity, type and name are required.
        public init(
            id: Int64, key: String, type: EntityType, name: String, nameLanguage: String? = nil, kind: String? = nil,
            dates: String? = nil, arabicNames: [String] = [], highlighted: Bool = false
        ) {
            self.id = id
            self.key = key
            self.type = type
            self.name = name
            self.nameLanguage = nameLanguage
            self.kind = kind
            self.dates = dates
            self.arabicNames = arabicNames
            self.highlighted = highlighted
        }
    }

    /// One relation of the picture, from `source` to `target` (node keys).
    public struct Edge: Hashable, Sendable {
        /// The relation's row id.
        public var id: Int64
        /// The key of the source node.
        public var source: String
        /// The key of the target node.
        public var target: String
        /// The relation type's name (`heads`).
        public var type: String
        /// How the relation reads forwards: `heads`.
        public var phrase: String
        /// Whether the relation reads the same both ways; drawn without an arrowhead.
        public var symmetric: Bool
        /// The role the relation records (`Director-General`).
        public var role: String?
        /// The relation's dates as one phrase (`since 2024-03`, `2022–2024`).
        public var dates: String?
        /// Whether the relation had ended by the date drawn (the `--as-of` date, or today).
        public var ended: Bool
        /// Whether the relation lies on a highlighted path.
        public var highlighted: Bool

        /// An edge for the relation; only its identity, ends, type and phrase are required.
        public init(
            id: Int64, source: String, target: String, type: String, phrase: String, symmetric: Bool = false,
            role: String? = nil, dates: String? = nil, ended: Bool = false, highlighted: Bool = false
        ) {
            self.id = id
            self.source = source
            self.target = target
            self.type = type
            self.phrase = phrase
            self.symmetric = symmetric
            self.role = role
            self.dates = dates
            self.ended = ended
            self.highlighted = highlighted
        }
    }

    /// What a picture shows, as data, for its title in any language.
    public enum Subject: Hashable, Sendable {
        /// The whole graph, filtered or not.
        case whole
        /// An entity (by key) and what lies within `depth` relations of it.
        case around(key: String, depth: Int)
        /// The `count` shortest connections from one entity to another (by key).
        case paths(count: Int, from: String, to: String)
    }

    /// The filters that applied, as data, for their words in any language.
    public struct Filters: Hashable, Sendable {
        /// The relation types kept, by name, in name order; empty: all.
        public var relationTypes: [String]
        /// The forward phrase of each relation type kept, by name.
        public var relationPhrases: [String: String]
        /// The entity types kept, in order; empty: all.
        public var entityTypes: [EntityType]
        /// The date the graph was read at: only facts true on it are kept.
        public var asOf: PartialDate?
        /// The key of the source whose statements are kept.
        public var source: String?

        /// Filters as data; the defaults keep everything.
        public init(
            relationTypes: [String] = [], relationPhrases: [String: String] = [:], entityTypes: [EntityType] = [],
            asOf: PartialDate? = nil, source: String? = nil
        ) {
            self.relationTypes = relationTypes
            self.relationPhrases = relationPhrases
            self.entityTypes = entityTypes
            self.asOf = asOf
            self.source = source
        }

        /// Whether no filter applied.
        public var isEmpty: Bool { relationTypes.isEmpty && entityTypes.isEmpty && asOf == nil && source == nil }
    }

    /// Nodes in key order.
    public var nodes: [Node]
    /// Edges ordered by source key, type, target key, then relation id.
    public var edges: [Edge]
    /// What was selected, in words, for the default title: `ICESCO and its neighbourhood (depth 1)`.
    public var caption: String
    /// The filters that applied, in words (`relations: heads · as of 2024-01`); empty when none.
    public var filters: [String]
    /// The entity the selection is centred on (the root for `twopi`), if any.
    public var center: String?
    /// How many paths are highlighted.
    public var pathCount: Int
    /// What was selected, as data: ``caption`` in any language.
    public var subject: Subject
    /// The filters, as data: ``filters`` in any language.
    public var filterTerms: Filters

    /// A picture's content; nodes and edges are sorted here, so the DOT text does not depend on
    /// the order they were found in.
    public init(
        nodes: [Node], edges: [Edge], caption: String, filters: [String] = [], center: String? = nil, pathCount: Int = 0,
        subject: Subject = .whole, filterTerms: Filters = Filters()
    ) {
        self.subject = subject
        self.filterTerms = filterTerms
        self.nodes = nodes.sorted { $0.key < $1.key }
        self.edges = edges.sorted {
            ($0.source, $0.type, $0.target, $0.id) < ($1.source, $1.type, $1.target, $1.id)
        }
        self.caption = caption
        self.filters = filters
        self.center = center
        self.pathCount = pathCount
    }
}
