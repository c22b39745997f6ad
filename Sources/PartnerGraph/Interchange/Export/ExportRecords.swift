/// What an export is about to write, known before the first entity: writers of formats that
/// declare their attributes up front (GraphML's `<key>`, GEXF's `<attributes>`, Cypher's tables)
/// read it in ``GraphExportWriter/begin(_:)``.
public struct ExportHeader: Sendable {
    /// What was selected, in words: `Whole graph`, `ICESCO and its neighbourhood (depth 1)`.
    public var caption: String
    /// The filters that applied, in words (`relations: heads · as of 2024-01`); empty when none.
    public var filters: [String]
    /// How many entities follow.
    public var nodeCount: Int
    /// How many relations follow.
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

    /// A header; the formats that declare attributes up front need `aliasLanguages`,
    /// `attributeKeys`, `relationTypes` and `sources` filled in.
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

    /// The entity's key.
    public var key: String
    /// The entity's type.
    public var type: EntityType
    /// The entity's name.
    public var name: String
    /// The language of ``name``, when known.
    public var nameLanguage: String?
    /// The entity's kind (`igo`, `state`), when it has one.
    public var kind: String?
    /// The entity's date (an event's day, an agreement's signature).
    public var date: PartialDate?
    /// When the entity starts.
    public var start: PartialDate?
    /// When the entity ends.
    public var end: PartialDate?
    /// The entity's note.
    public var note: String?
    /// Other names, in the order they were recorded.
    public var aliases: [Alias]
    /// Free attributes, sorted by key.
    public var attributes: [(key: String, value: String)]
    /// The sources that cite the entity, sorted by source key then quote.
    public var citations: [CitationRef]

    /// An entity to export.
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

    /// Two nodes are equal when every field is, attributes compared in order.
    public static func == (lhs: ExportNode, rhs: ExportNode) -> Bool {
        lhs.key == rhs.key && lhs.type == rhs.type && lhs.name == rhs.name && lhs.nameLanguage == rhs.nameLanguage
            && lhs.kind == rhs.kind && lhs.date == rhs.date && lhs.start == rhs.start && lhs.end == rhs.end
            && lhs.note == rhs.note && lhs.aliases == rhs.aliases && lhs.citations == rhs.citations
            && lhs.attributes.map(\.key) == rhs.attributes.map(\.key)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }

    /// Hashes the key alone: it identifies the entity.
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// One relation as the exporters see it, its ends named by entity key.
public struct ExportEdge: Hashable, Sendable {
    /// The relation's row id: unique within the database, stable while the relation exists.
    public var id: Int64
    /// The key of the relation's source entity.
    public var source: String
    /// The key of the relation's target entity.
    public var target: String
    /// The relation type's name (`heads`).
    public var type: String
    /// The role the relation records (`Director-General`).
    public var role: String?
    /// When the relation starts.
    public var start: PartialDate?
    /// When the relation ends.
    public var end: PartialDate?
    /// When the relation held, as a point in time.
    public var date: PartialDate?
    /// The relation's note.
    public var note: String?
    /// The sources that cite the relation, sorted by source key then quote.
    public var citations: [CitationRef]

    /// A relation to export.
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
