/// What to record about a new entity.
public struct NewEntity: Sendable {
    public var type: EntityType
    public var name: String
    /// The key; derived from the name when `nil`.
    public var key: String?
    public var nameLanguage: String?
    public var kind: String?
    public var aliases: [Alias]
    public var attributes: [String: String]
    public var date: PartialDate?
    public var startDate: PartialDate?
    public var endDate: PartialDate?
    public var note: String?
    public var citations: [CitationRef]

    public init(
        type: EntityType, name: String, key: String? = nil, nameLanguage: String? = nil, kind: String? = nil,
        aliases: [Alias] = [], attributes: [String: String] = [:], date: PartialDate? = nil,
        startDate: PartialDate? = nil, endDate: PartialDate? = nil, note: String? = nil, citations: [CitationRef] = []
    ) {
        self.type = type
        self.name = name
        self.key = key
        self.nameLanguage = nameLanguage
        self.kind = kind
        self.aliases = aliases
        self.attributes = attributes
        self.date = date
        self.startDate = startDate
        self.endDate = endDate
        self.note = note
        self.citations = citations
    }
}

/// A change to one optional field: keep it, set it, or clear it.
public enum FieldChange<Value: Sendable>: Sendable {
    case keep
    case set(Value)
    case clear

    func apply(to value: inout Value?) {
        switch self {
        case .keep: break
        case .set(let new): value = new
        case .clear: value = nil
        }
    }
}

/// What to change on an existing entity; fields left at their defaults stay as they are.
public struct EntityChanges: Sendable {
    public var name: String?
    public var nameLanguage: FieldChange<String> = .keep
    public var kind: FieldChange<String> = .keep
    public var date: FieldChange<PartialDate> = .keep
    public var startDate: FieldChange<PartialDate> = .keep
    public var endDate: FieldChange<PartialDate> = .keep
    public var note: FieldChange<String> = .keep
    public var addAliases: [Alias] = []
    /// Aliases to remove, by name.
    public var removeAliases: [String] = []
    public var setAttributes: [String: String] = [:]
    public var removeAttributes: [String] = []
    public var addCitations: [CitationRef] = []

    public init() {}
}

/// What to record about a relation besides its ends and type.
public struct RelationDetails: Sendable {
    public var role: String?
    public var startDate: PartialDate?
    public var endDate: PartialDate?
    public var date: PartialDate?
    public var note: String?
    public var citations: [CitationRef]

    public init(
        role: String? = nil, startDate: PartialDate? = nil, endDate: PartialDate? = nil, date: PartialDate? = nil,
        note: String? = nil, citations: [CitationRef] = []
    ) {
        self.role = role
        self.startDate = startDate
        self.endDate = endDate
        self.date = date
        self.note = note
        self.citations = citations
    }
}

/// Checks the date fields of an entity or relation: a point in time or a period, not both,
/// and a period that does not end before it starts.
func validateDates(date: PartialDate?, start: PartialDate?, end: PartialDate?) throws {
    if date != nil && (start != nil || end != nil) {
        throw PartnerGraphError.conflictingDates(
            "give either one date (--date) or a period (--start/--end), not both")
    }
    try validatePeriod(start: start, end: end)
}

/// Refuses text with NUL characters, which SQLite's C strings would silently cut short.
func validateText(_ values: [String?], field: String) throws {
    for case let value? in values where value.utf8.contains(0) {
        throw PartnerGraphError.nulCharacter(field: field)
    }
}

extension NewEntity {
    func validateText() throws {
        try PartnerGraph.validateText([name], field: "name")
        try PartnerGraph.validateText(aliases.map(\.name) + aliases.map(\.language), field: "alias")
        try PartnerGraph.validateText([key, nameLanguage, kind, note], field: "key, kind or note")
        try PartnerGraph.validateText(Array(attributes.keys) + Array(attributes.values), field: "attribute")
        try PartnerGraph.validateText(citations.map(\.quote), field: "quote")
        try TextRules.check(name, as: .name)
        for alias in aliases { try TextRules.check(alias.name, as: .alias) }
        try TextRules.check(note, as: .note)
    }
}

extension EntityChanges {
    func validateText() throws {
        try PartnerGraph.validateText([name], field: "name")
        try PartnerGraph.validateText(addAliases.map(\.name) + addAliases.map(\.language), field: "alias")
        for change in [nameLanguage, kind, note] {
            if case .set(let value) = change { try PartnerGraph.validateText([value], field: "kind, language or note") }
        }
        try PartnerGraph.validateText(Array(setAttributes.keys) + Array(setAttributes.values), field: "attribute")
        try PartnerGraph.validateText(addCitations.map(\.quote), field: "quote")
        try TextRules.check(name, as: .name)
        for alias in addAliases { try TextRules.check(alias.name, as: .alias) }
        if case .set(let value) = note { try TextRules.check(value, as: .note) }
    }
}

extension RelationDetails {
    func validateText() throws {
        try PartnerGraph.validateText([role, note] + citations.map(\.quote), field: "role, note or quote")
        try TextRules.check(role, as: .role)
        try TextRules.check(note, as: .note)
    }
}

/// Checks a key given by the user.
func validateKey(_ key: String) throws {
    let valid = !key.isEmpty && key.count <= 200
        && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
    if !valid { throw PartnerGraphError.invalidKey(key) }
}
