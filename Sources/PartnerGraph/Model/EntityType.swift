/// The five kinds of thing PartnerGraph keeps.
///
/// The type decides which relations an entity may take part in (see ``RelationType``);
/// the finer classification within a type (an intergovernmental body, a state, a city)
/// is the free-text ``Entity/kind``.
public enum EntityType: String, CaseIterable, Codable, Sendable, Comparable {
    /// An intergovernmental body, a state, a parliament, a network: a body that acts and agrees.
    case organization
    /// A person, who holds roles in organizations and events.
    case person
    /// An action plan, a memorandum of understanding, a treaty.
    case agreement
    /// A meeting, a conference, a forum, a programme.
    case event
    /// A city, a region, a venue.
    case place

    /// Parses a type name or one of its short forms (`org`, `agr`, `evt`, `plc`), case-insensitively.
    ///
    /// - Returns: `nil` when the text names no type.
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "organization", "organisation", "org", "orgs", "organizations", "organisations": self = .organization
        case "person", "people", "persons", "per": self = .person
        case "agreement", "agreements", "agr": self = .agreement
        case "event", "events", "evt": self = .event
        case "place", "places", "plc": self = .place
        default: return nil
        }
    }

    /// The list of valid spellings, for error messages.
    public static let spellings = "organization (org), person, agreement, event, place"

    /// Types sort in declaration order: organization, person, agreement, event, place.
    public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
}
