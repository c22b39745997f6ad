/// How PartnerGraph's types and relations map onto schema.org terms, for ``JSONLDWriter``.
///
/// Kept apart from the writer so that the published mapping table and the code that follows
/// it sit side by side.
enum JSONLDMapping {
    /// The `pg:` prefix: PartnerGraph's own terms, where schema.org has none that fits.
    static let vocabulary = "urn:partnergraph:vocab:"
    static let entityPrefix = "urn:partnergraph:entity:"
    static let sourcePrefix = "urn:partnergraph:source:"

    /// What the writer remembers of each exported entity to choose a relation's property: its
    /// type, with states apart (they are schema.org `Country`, a place as well as an organization).
    enum EndClass: UInt8 {
        case organization, state, person, agreement, event, place

        init(_ node: ExportNode) {
            switch node.type {
            case .organization: self = node.kind?.lowercased() == "state" ? .state : .organization
            case .person: self = .person
            case .agreement: self = .agreement
            case .event: self = .event
            case .place: self = .place
            }
        }

        var isOrganization: Bool { self == .organization || self == .state }
        var isPlace: Bool { self == .place || self == .state }
    }

    /// The schema.org types of an entity.
    static func types(of node: ExportNode) -> [String] {
        switch EndClass(node) {
        case .organization: return ["Organization"]
        case .state: return ["Country", "Organization"]
        case .person: return ["Person"]
        case .agreement: return ["CreativeWork"]
        case .event: return ["Event"]
        case .place: return ["Place"]
        }
    }

    /// The properties an entity's own dates go under: `(date, start, end)`.
    static func dateProperties(of type: EntityType) -> (date: String, start: String, end: String) {
        switch type {
        case .organization: return ("pg:date", "foundingDate", "dissolutionDate")
        case .event: return ("startDate", "startDate", "endDate")
        case .agreement: return ("dateCreated", "pg:startDate", "expires")
        case .person, .place: return ("pg:date", "pg:startDate", "pg:endDate")
        }
    }

    /// How one relation is stated.
    struct Statement: Equatable {
        /// The property, on the subject, whose value is the `Role`.
        var property: String
        /// Whether the subject is the relation's target (an event's `organizer`, `attendee`).
        var inverted: Bool
        /// Whether to add a plain `pg:heads` link beside the role (a head is also `worksFor`).
        var alsoHeads: Bool
    }

    /// The property a relation of type `type` from an entity of class `source` to one of class
    /// `target` is stated with; ends not exported fall back to the PartnerGraph term.
    static func statement(type: String, source: EndClass?, target: EndClass?) -> Statement {
        let own = Statement(property: term(type), inverted: false, alsoHeads: false)
        guard let source, let target else { return own }
        func plain(_ property: String) -> Statement { Statement(property: property, inverted: false, alsoHeads: false) }
        switch type {
        case "heads" where source == .person && target.isOrganization:
            return Statement(property: "worksFor", inverted: false, alsoHeads: true)
        case "works_for" where source == .person && target.isOrganization:
            return plain("worksFor")
        case "member_of" where target.isOrganization:
            return plain("memberOf")
        case "part_of" where source.isOrganization && target.isOrganization:
            return plain("parentOrganization")
        case "part_of" where source == .event && target == .event:
            return plain("superEvent")
        case "part_of" where source.isPlace && target.isPlace:
            return plain("containedInPlace")
        case "part_of" where source == .agreement && target == .agreement:
            return plain("isPartOf")
        case "participated_in" where target == .event:
            return Statement(property: "attendee", inverted: true, alsoHeads: false)
        case "organized" where target == .event, "co_organized" where target == .event:
            return Statement(property: "organizer", inverted: true, alsoHeads: false)
        case "held_in" where source == .event && target.isPlace:
            return plain("location")
        case "held_in" where source == .agreement && target.isPlace:
            return plain("locationCreated")
        case "located_in" where source == .place && target.isPlace:
            return plain("containedInPlace")
        case "located_in" where source.isOrganization && target.isPlace:
            return plain("location")
        default:
            return own
        }
    }

    /// A PartnerGraph term: `pg:` and the name, percent-encoded where it is not a plain word.
    static func term(_ name: String) -> String {
        "pg:" + percentEncoded(name)
    }

    static func entityIRI(_ key: String) -> String { entityPrefix + percentEncoded(key) }
    static func sourceIRI(_ key: String) -> String { sourcePrefix + percentEncoded(key) }

    /// RFC 3986 percent-encoding of everything but the unreserved characters, so that any key
    /// gives a valid, reversible IRI.
    static func percentEncoded(_ text: String) -> String {
        if !text.utf8Contains(where: { !isUnreserved($0) }) { return text }
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
