/// What to record about a new entity.
public struct NewEntity: Sendable {
    /// Organization, person, agreement, event or place.
    public var type: EntityType
    /// The primary name; it may not be empty.
    public var name: String
    /// The key; derived from the name when `nil`.
    public var key: String?
    /// The language of ``name`` (`en`, `ar`), when known.
    public var nameLanguage: String?
    /// The finer classification within the type: `igo`, `state`, `parliament`, `city`.
    public var kind: String?
    /// Other names, in other languages or spellings; each is found by look-ups as the name is.
    public var aliases: [Alias]
    /// Free attributes: `["headquarters": "Rabat", "founded": "1979"]`.
    public var attributes: [String: String]
    /// One date, for an event that took place or an agreement that was made on it; not with a period.
    public var date: PartialDate?
    /// When it began.
    public var startDate: PartialDate?
    /// When it ended; not before ``startDate``.
    public var endDate: PartialDate?
    /// Free text about it.
    public var note: String?
    /// The sources that state it exists, each by key, with an optional quote.
    public var citations: [CitationRef]

    /// A new entity; only its type and name are required (see ``PartnerGraphStore/addEntity(_:)``).
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
    /// Leave the field as it is.
    case keep
    /// Set the field to this value.
    case set(Value)
    /// Remove the field's value.
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
    /// A new primary name; the key stays as it is.
    public var name: String?
    /// The language of the name.
    public var nameLanguage: FieldChange<String> = .keep
    /// The kind within the type.
    public var kind: FieldChange<String> = .keep
    /// The single date.
    public var date: FieldChange<PartialDate> = .keep
    /// When it began.
    public var startDate: FieldChange<PartialDate> = .keep
    /// When it ended.
    public var endDate: FieldChange<PartialDate> = .keep
    /// The note.
    public var note: FieldChange<String> = .keep
    /// Aliases to add.
    public var addAliases: [Alias] = []
    /// Aliases to remove, by name.
    public var removeAliases: [String] = []
    /// Attributes to set, replacing the value of a key that is already set.
    public var setAttributes: [String: String] = [:]
    /// Attributes to remove, by key.
    public var removeAttributes: [String] = []
    /// Citations to add.
    public var addCitations: [CitationRef] = []
    /// Values that sources state for attributes or dates, recorded beside the current values
    /// without changing them: where they differ, the sources disagree (see ``FieldClaims``).
    public var addClaims: [Claim] = []

    /// No change: set the fields to change.
    ///
    /// ```swift
    /// var changes = EntityChanges()
    /// changes.kind = .set("igo")
    /// changes.addAliases = [Alias(name: "إيسيسكو", language: "ar")]
    /// try store.update("ICESCO", with: changes)
    /// ```
    public init() {}
}

/// What to record about a relation besides its ends and type.
public struct RelationDetails: Sendable {
    /// The role the source holds in the relation (`Director-General`).
    public var role: String?
    /// When the relation began.
    public var startDate: PartialDate?
    /// When it ended; not before ``startDate``.
    public var endDate: PartialDate?
    /// A single point in time, for a relation that is an occurrence (taking part in a meeting);
    /// not with a period.
    public var date: PartialDate?
    /// Free text about the relation.
    public var note: String?
    /// The sources that state the relation.
    public var citations: [CitationRef]

    /// The details of a relation; all are optional.
    ///
    /// ```swift
    /// try store.link("Salim M. AlMalik", "heads", "ICESCO",
    ///                RelationDetails(role: "Director-General", citations: [CitationRef(source: "icesco-2024-03-26")]))
    /// ```
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
        try PartnerGraph.validateText(addClaims.map(\.field) + addClaims.map(\.value), field: "claim")
        try PartnerGraph.validateText(addCitations.map(\.quote) + addClaims.map(\.citation?.quote), field: "quote")
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
