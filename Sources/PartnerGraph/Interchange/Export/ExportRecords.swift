/// What an export is about to write, known before the first entity: writers of formats that
/// declare their attributes up front (GraphML's `<key>`, GEXF's `<attributes>`, Cypher's tables)
/// read it in ``GraphExportWriter/begin(_:)``.
public struct ExportHeader: Sendable {
    /// What was selected, in words: `Whole graph`, `ICESCO and its neighbourhood (depth 1)`.
    public var caption: String
    /// The filters that applied, in words (`relations: heads · as of 2024-01`); empty when none.
    public var filters: [String]
    /// How many entities and relations follow.
    public var nodeCount: Int
    public var edgeCount: Int
    /// The language tags of the exported entities' aliases, sorted; an alias without a language
    /// counts under ``ExportNode/unknownLanguage``.
    public var aliasLanguages: [String]
    /// The keys of the exported entities' free attributes, sorted.
    public var attributeKeys: [String]
    /// The whole vocabulary, by name.
    public var relationTypes: [RelationType]
    /// Every source of the database, by key: what citations refer to.
    public var sources: [Source]

    public init(
        caption: String, filters: [String] = [], nodeCount: Int, edgeCount: Int, aliasLanguages: [String] = [],
        attributeKeys: [String] = [], relationTypes: [RelationType] = [], sources: [Source] = []
    ) {
        self.caption = caption
        self.filters = filters
        self.nodeCount = nodeCount
        self.edgeCount = edgeCount
        self.aliasLanguages = aliasLanguages
        self.attributeKeys = attributeKeys
        self.relationTypes = relationTypes
        self.sources = sources
    }

    /// The vocabulary entry of a relation type, if any.
    public func relationType(_ name: String) -> RelationType? {
        relationTypes.first { $0.name == name }
    }
}

/// One entity as the exporters see it: everything the database holds about it.
public struct ExportNode: Hashable, Sendable {
    /// The language tag that stands for "not known" where a format needs one (BCP 47's `und`).
    public static let unknownLanguage = "und"

    public var key: String
    public var type: EntityType
    public var name: String
    public var nameLanguage: String?
    public var kind: String?
    public var date: PartialDate?
    public var start: PartialDate?
    public var end: PartialDate?
    public var note: String?
    /// Other names, in the order they were recorded.
    public var aliases: [Alias]
    /// Free attributes, sorted by key.
    public var attributes: [(key: String, value: String)]
    /// The sources that cite the entity, sorted by source key then quote.
    public var citations: [CitationRef]

    public init(
        key: String, type: EntityType, name: String, nameLanguage: String? = nil, kind: String? = nil,
        date: PartialDate? = nil, start: PartialDate? = nil, end: PartialDate? = nil, note: String? = nil,
        aliases: [Alias] = [], attributes: [(key: String, value: String)] = [], citations: [CitationRef] = []
    ) {
        self.key = key
        self.type = type
        self.name = name
        self.nameLanguage = nameLanguage
        self.kind = kind
        self.date = date
        self.start = start
        self.end = end
        self.note = note
        self.aliases = aliases
        self.attributes = attributes
        self.citations = citations
    }

    /// The aliases in one language (``unknownLanguage`` for those without one), in recorded order.
    public func aliases(in language: String) -> [String] {
        aliases.filter { ($0.language ?? Self.unknownLanguage) == language }.map(\.name)
    }

    public static func == (lhs: ExportNode, rhs: ExportNode) -> Bool {
        lhs.key == rhs.key && lhs.type == rhs.type && lhs.name == rhs.name && lhs.nameLanguage == rhs.nameLanguage
            && lhs.kind == rhs.kind && lhs.date == rhs.date && lhs.start == rhs.start && lhs.end == rhs.end
            && lhs.note == rhs.note && lhs.aliases == rhs.aliases && lhs.citations == rhs.citations
            && lhs.attributes.map(\.key) == rhs.attributes.map(\.key)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// One relation as the exporters see it, its ends named by entity key.
public struct ExportEdge: Hashable, Sendable {
    /// The relation's row id: unique within the database, stable while the relation exists.
    public var id: Int64
    public var source: String
    public var target: String
    /// The relation type's name (`heads`).
    public var type: String
    public var role: String?
    public var start: PartialDate?
    public var end: PartialDate?
    public var date: PartialDate?
    public var note: String?
    /// The sources that cite the relation, sorted by source key then quote.
    public var citations: [CitationRef]

    public init(
        id: Int64, source: String, target: String, type: String, role: String? = nil, start: PartialDate? = nil,
        end: PartialDate? = nil, date: PartialDate? = nil, note: String? = nil, citations: [CitationRef] = []
    ) {
        self.id = id
        self.source = source
        self.target = target
        self.type = type
        self.role = role
        self.start = start
        self.end = end
        self.date = date
        self.note = note
        self.citations = citations
    }
}
