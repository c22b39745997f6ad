import GRDB

/// A value that a source states for one of an entity's attributes or dates.
///
/// ```swift
/// var changes = EntityChanges()
/// changes.addClaims = [Claim(field: "founded", value: "1982", citation: CitationRef(source: "allafrica-2024-05-06"))]
/// try store.update("ICESCO", with: changes)
/// ```
public struct Claim: Sendable, Equatable {
    /// An attribute's key, or `date`, `start` or `end`.
    public var field: String
    /// The value the source states; a date for the date fields.
    public var value: String
    /// The source that states it, with an optional quote; `nil` for a value nobody cited.
    public var citation: CitationRef?

    /// A claim of `value` for `field`, stated by `citation`'s source.
    public init(field: String, value: String, citation: CitationRef? = nil) {
        self.field = field
        self.value = value
        self.citation = citation
    }

    /// The fields that hold dates.
    static let dateFields: Set<String> = ["date", "start", "end"]
}

/// The values stated for one field of an entity, the current one first.
public struct FieldClaims: Codable, Hashable, Sendable {
    /// An attribute's key, or `date`, `start` or `end`.
    public var field: String
    /// Each value stated, with the sources that state it; the entity's current value first.
    public var values: [ClaimedValue]

    /// Whether the sources state more than one value.
    public var disagree: Bool { values.count > 1 }

    /// One value and who states it.
    public struct ClaimedValue: Codable, Hashable, Sendable {
        /// The value stated, as written.
        public var value: String
        /// Whether this is the entity's current value (the one `show` and exports use).
        public var current: Bool
        /// The sources that state it, with their quotes; empty for a value no source was cited for.
        public var sources: [CitationView]
    }

    enum CodingKeys: String, CodingKey {
        case field, values, disagree
    }

    /// The values stated for `field`, the current one first.
    public init(field: String, values: [ClaimedValue]) {
        self.field = field
        self.values = values
    }

    /// Reads `field` and `values` (`disagree` is computed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        field = try container.decode(String.self, forKey: .field)
        values = try container.decode([ClaimedValue].self, forKey: .values)
    }

    /// Writes `field`, `values` and `disagree`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(values, forKey: .values)
        try container.encode(disagree, forKey: .disagree)
    }
}

extension PartnerGraphStore {
    /// Records claims about an entity, each once per source.
    ///
    /// - Throws: ``PartnerGraphError/sourceNotFound(_:known:)``, ``PartnerGraphError/invalidDate(_:reason:)``
    ///   for a date field whose value is not a date.
    static func addClaims(_ claims: [Claim], entityId: Int64, in db: Database) throws {
        for claim in claims {
            guard !claim.field.isEmpty else { throw PartnerGraphError.invalidAttribute("=\(claim.value)") }
            if Claim.dateFields.contains(claim.field) { _ = try PartialDate(claim.value) }
            var sourceId: Int64?
            if let citation = claim.citation {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [citation.source]) else {
                    let known = try String.fetchAll(db, sql: "SELECT key FROM source ORDER BY key LIMIT 10")
                    throw PartnerGraphError.sourceNotFound(citation.source, known: known)
                }
                sourceId = id
            }
            try db.execute(
                sql: """
                    INSERT INTO claim (entity_id, field, value, source_id, quote) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (entity_id, field, value, ifnull(source_id, 0)) DO UPDATE SET quote = ifnull(excluded.quote, quote)
                    """,
                arguments: [entityId, claim.field, claim.value, sourceId, claim.citation?.quote])
        }
    }

    /// The claims about an entity's fields, grouped by field, each field's current value first.
    static func claims(of entity: Entity, attributes: [String: String], in db: Database) throws -> [FieldClaims] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.field, c.value, s.key, s.title, c.quote FROM claim c LEFT JOIN source s ON s.id = c.source_id
                WHERE c.entity_id = ? ORDER BY c.field, c.value, s.key
                """,
            arguments: [entity.id])
        guard !rows.isEmpty else { return [] }
        var fields: [String: [String: [CitationView]]] = [:]
        for row in rows {
            let field: String = row[0], value: String = row[1]
            var sources = fields[field, default: [:]][value, default: []]
            if let key: String = row[2] { sources.append(CitationView(source: key, title: row[3], quote: row[4])) }
            fields[field, default: [:]][value] = sources
        }
        return fields.keys.sorted().map { field in
            let current: String? =
                switch field {
                case "date": entity.date?.description
                case "start": entity.startDate?.description
                case "end": entity.endDate?.description
                default: attributes[field]
                }
            var values = fields[field]!
            if let current, values[current] == nil { values[current] = [] }
            return FieldClaims(
                field: field,
                values: values.keys.sorted { ($0 == current ? 0 : 1, $0) < ($1 == current ? 0 : 1, $1) }.map {
                    FieldClaims.ClaimedValue(value: $0, current: $0 == current, sources: values[$0]!)
                })
        }
    }
}
