/// Writes the graph as JSON-LD with schema.org terms: `{"@context": …, "@graph": […]}`.
///
/// Every entity becomes a node object whose `@id` is `urn:partnergraph:entity:` and its
/// percent-encoded key; `identifier` is the key; `name` holds the primary name and every
/// alias, each tagged with its language (`{"@value": "الإيسيسكو", "@language": "ar"}`), or a
/// plain string when the language is not known. The database's sources come first, as
/// `CreativeWork`s (`urn:partnergraph:source:` and the key) that `citation`s point to.
///
/// Relations arrive after the entities, so each is stated by a further node object with the
/// subject's `@id`, which JSON-LD merges into the entity. A relation is one schema.org `Role`
/// carrying the role name, dates, note and citations, and the object:
///
/// ```json
/// {"@id": "urn:partnergraph:entity:salim-m-almalik",
///  "worksFor": [{"@type": "Role", "pg:relationType": "heads", "pg:relationId": 3,
///                "roleName": "Director-General", "startDate": "2021",
///                "worksFor": {"@id": "urn:partnergraph:entity:icesco"}}],
///  "pg:heads": [{"@id": "urn:partnergraph:entity:icesco"}]}
/// ```
///
/// The relations of one source entity share one node object; `attendee` and `organizer` are
/// stated on the event, so their node object has the event's `@id`. Dates are written as
/// recorded (`2024`, `2024-03`, `2024-03-25`): ISO 8601 with their precision, never padded.
///
/// ## Mapping
///
/// `pg:` is `urn:partnergraph:vocab:`, declared in `@context`; every other term is schema.org.
///
/// | PartnerGraph | JSON-LD |
/// |---|---|
/// | organization | `Organization` |
/// | organization of kind `state` | `Country` and `Organization` (a state is a place and acts as a party) |
/// | person | `Person` |
/// | event | `Event` |
/// | place | `Place` |
/// | agreement | `CreativeWork` with `additionalType` `pg:Agreement` (schema.org has no agreement type; `Legislation` means enacted law, not an action plan or memorandum) |
/// | source | `CreativeWork`: `identifier`, `name` and `headline` (title), `publisher` (an `Organization` by name), `url`, `datePublished`, `inLanguage` |
/// | key | `identifier`; `@id` `urn:partnergraph:entity:<key>` |
/// | name, aliases | `name`, language-tagged |
/// | kind | `pg:kind` |
/// | note | `description` |
/// | attributes | `additionalProperty`: `PropertyValue` `name`/`value` |
/// | citations | `citation`: the source; with a quote, also a `Quotation` (`text`, `isPartOf` the source) |
/// | organization date, start, end | `pg:date`, `foundingDate`, `dissolutionDate` |
/// | event date, start, end | `startDate` (the date, or the start), `endDate`; a date beside a start is `pg:date` |
/// | agreement date, start, end | `dateCreated`, `pg:startDate`, `expires` |
/// | person or place date, start, end | `pg:date`, `pg:startDate`, `pg:endDate` |
/// | relation | a `Role`: `roleName`, `startDate`, `endDate`, `pg:date`, `description` (note), `citation`, `pg:relationType`, `pg:relationId` |
/// | heads (person → organization) | `worksFor`, and `pg:heads` |
/// | heads (person → event) | `pg:heads` |
/// | works_for | `worksFor` |
/// | member_of | `memberOf` |
/// | part_of | `parentOrganization` (organizations), `superEvent` (events), `containedInPlace` (places), `isPartOf` (agreements) |
/// | participated_in | `attendee`, stated on the event |
/// | organized, co_organized | `organizer`, stated on the event |
/// | held_in | `location` (event), `locationCreated` (agreement) |
/// | located_in | `containedInPlace` (place in a place or state), `location` (organization in a place or state) |
/// | observer_of, partner_of, party_to, signed, implements, any other | `pg:<relation type>` |
///
/// Combinations the table does not name (an organization `located_in` an organization) fall
/// back to `pg:<relation type>`.
///
/// - Complexity: Memory grows with the number of entities (one small class per key, to choose
///   the property of a relation) and the relations of one entity, never with all relations.
public struct JSONLDWriter: GraphExportWriter {
    private let sink: ExportSink
    private var classes: [String: JSONLDMapping.EndClass] = [:]
    private var wroteItem = false
    /// The subject whose relations are being gathered, and its properties' values in order.
    private var subject: String?
    private var properties: [(name: String, values: [String])] = []

    /// A writer that writes to `sink`; the caller commits or discards the sink.
    public init(sink: ExportSink) {
        self.sink = sink
    }

    public mutating func begin(_ header: ExportHeader) throws {
        sink.write("{\n  \"@context\": ")
        sink.write(
            JSONText.object([
                ("@vocab", JSONText.string("https://schema.org/")),
                ("pg", JSONText.string(JSONLDMapping.vocabulary)),
                ("additionalType", JSONText.object([("@type", JSONText.string("@id"))])),
            ]))
        sink.write(",\n  \"@graph\": [")
        var about: [(String, String)] = [
            ("@id", JSONText.string("urn:partnergraph:export")), ("@type", JSONText.string("Dataset")),
            ("name", JSONText.string(header.caption)),
        ]
        if !header.filters.isEmpty {
            about.append(("pg:filter", JSONText.array(header.filters.map(JSONText.string))))
        }
        item(JSONText.object(about))
        for source in header.sources {
            item(Self.object(for: source))
        }
    }

    public mutating func node(_ node: ExportNode) throws {
        classes[node.key] = JSONLDMapping.EndClass(node)
        item(Self.object(for: node))
    }

    public mutating func edge(_ edge: ExportEdge) throws {
        let statement = JSONLDMapping.statement(type: edge.type, source: classes[edge.source], target: classes[edge.target])
        let (subjectKey, objectKey) = statement.inverted ? (edge.target, edge.source) : (edge.source, edge.target)
        let object = JSONText.object([("@id", JSONText.string(JSONLDMapping.entityIRI(objectKey)))])
        let role = Self.role(for: edge, property: statement.property, object: object)
        if statement.inverted {
            item(
                JSONText.object([
                    ("@id", JSONText.string(JSONLDMapping.entityIRI(subjectKey))),
                    (statement.property, JSONText.array([role])),
                ]))
            return
        }
        if subject != subjectKey {
            flushSubject()
            subject = subjectKey
        }
        add(role, to: statement.property)
        if statement.alsoHeads { add(object, to: "pg:heads") }
    }

    public mutating func end() throws {
        flushSubject()
        sink.write("\n  ]\n}\n")
    }

    // MARK: - Writing

    private mutating func item(_ json: String) {
        sink.write(wroteItem ? ",\n    " : "\n    ")
        sink.write(json)
        wroteItem = true
    }

    private mutating func add(_ value: String, to property: String) {
        if let index = properties.firstIndex(where: { $0.name == property }) {
            properties[index].values.append(value)
        } else {
            properties.append((property, [value]))
        }
    }

    private mutating func flushSubject() {
        guard let subject else { return }
        var members = [("@id", JSONText.string(JSONLDMapping.entityIRI(subject)))]
        members += properties.map { ($0.name, JSONText.array($0.values)) }
        item(JSONText.object(members))
        self.subject = nil
        properties.removeAll(keepingCapacity: true)
    }

    // MARK: - Objects

    private static func object(for source: Source) -> String {
        var members: [(String, String)] = [
            ("@id", JSONText.string(JSONLDMapping.sourceIRI(source.key))), ("@type", JSONText.string("CreativeWork")),
            ("identifier", JSONText.string(source.key)), ("name", JSONText.string(source.title)),
            ("headline", JSONText.string(source.title)),
        ]
        if let publisher = source.publisher {
            members.append(
                ("publisher", JSONText.object([("@type", JSONText.string("Organization")), ("name", JSONText.string(publisher))])))
        }
        if let url = source.url { members.append(("url", JSONText.string(url))) }
        if let published = source.published { members.append(("datePublished", JSONText.string(published.description))) }
        if let language = source.language { members.append(("inLanguage", JSONText.string(language))) }
        return JSONText.object(members)
    }

    private static func object(for node: ExportNode) -> String {
        let types = JSONLDMapping.types(of: node)
        var members: [(String, String)] = [
            ("@id", JSONText.string(JSONLDMapping.entityIRI(node.key))),
            ("@type", types.count == 1 ? JSONText.string(types[0]) : JSONText.array(types.map(JSONText.string))),
            ("identifier", JSONText.string(node.key)),
            ("name", JSONText.array(names(of: node))),
        ]
        if node.type == .agreement { members.append(("additionalType", JSONText.string("pg:Agreement"))) }
        if let kind = node.kind { members.append(("pg:kind", JSONText.string(kind))) }
        let dates = JSONLDMapping.dateProperties(of: node.type)
        if node.type == .event {
            if let start = node.start ?? node.date { members.append((dates.start, JSONText.string(start.description))) }
            if let end = node.end { members.append((dates.end, JSONText.string(end.description))) }
            if let date = node.date, node.start != nil { members.append(("pg:date", JSONText.string(date.description))) }
        } else {
            if let date = node.date { members.append((dates.date, JSONText.string(date.description))) }
            if let start = node.start { members.append((dates.start, JSONText.string(start.description))) }
            if let end = node.end { members.append((dates.end, JSONText.string(end.description))) }
        }
        if let note = node.note { members.append(("description", JSONText.string(note))) }
        if !node.attributes.isEmpty {
            let values = node.attributes.map {
                JSONText.object([
                    ("@type", JSONText.string("PropertyValue")), ("name", JSONText.string($0.key)),
                    ("value", JSONText.string($0.value)),
                ])
            }
            members.append(("additionalProperty", JSONText.array(values)))
        }
        if !node.citations.isEmpty { members.append(("citation", citations(node.citations))) }
        return JSONText.object(members)
    }

    /// The primary name and the aliases, each once, tagged with its language when known.
    private static func names(of node: ExportNode) -> [String] {
        var seen: Set<[String?]> = []
        var values: [String] = []
        for (name, language) in [(node.name, node.nameLanguage)] + node.aliases.map({ ($0.name, $0.language) }) {
            guard seen.insert([name, language]).inserted else { continue }
            if let language {
                values.append(JSONText.object([("@value", JSONText.string(name)), ("@language", JSONText.string(language))]))
            } else {
                values.append(JSONText.string(name))
            }
        }
        return values
    }

    private static func role(for edge: ExportEdge, property: String, object: String) -> String {
        var members: [(String, String)] = [
            ("@type", JSONText.string("Role")), ("pg:relationType", JSONText.string(edge.type)),
            ("pg:relationId", String(edge.id)),
        ]
        if let role = edge.role { members.append(("roleName", JSONText.string(role))) }
        if let start = edge.start { members.append(("startDate", JSONText.string(start.description))) }
        if let end = edge.end { members.append(("endDate", JSONText.string(end.description))) }
        if let date = edge.date { members.append(("pg:date", JSONText.string(date.description))) }
        if let note = edge.note { members.append(("description", JSONText.string(note))) }
        if !edge.citations.isEmpty { members.append(("citation", citations(edge.citations))) }
        members.append((property, object))
        return JSONText.object(members)
    }

    /// Each cited source once, in order, then a `Quotation` for each quote.
    private static func citations(_ citations: [CitationRef]) -> String {
        var seen: Set<String> = []
        var values: [String] = []
        for citation in citations where seen.insert(citation.source).inserted {
            values.append(JSONText.object([("@id", JSONText.string(JSONLDMapping.sourceIRI(citation.source)))]))
        }
        for citation in citations {
            guard let quote = citation.quote else { continue }
            values.append(
                JSONText.object([
                    ("@type", JSONText.string("Quotation")), ("text", JSONText.string(quote)),
                    ("isPartOf", JSONText.object([("@id", JSONText.string(JSONLDMapping.sourceIRI(citation.source)))])),
                ]))
        }
        return JSONText.array(values)
    }
}
