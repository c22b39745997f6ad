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
    private var json = JSONText()
    /// The subject whose relations are being gathered, and its properties' values in order.
    private var subject: String?
    private var properties: [(name: String, values: [[UInt8]])] = []

    /// A writer that writes to `sink`; the caller commits or discards the sink.
    public init(sink: ExportSink) {
        self.sink = sink
    }

    /// Writes the `@context`, opens the `@graph` with a `Dataset` node that names the selection,
    /// and writes one `CreativeWork` per source.
    public mutating func begin(_ header: ExportHeader) throws {
        sink.write("{\n  \"@context\": ")
        json.reset()
        json.openObject()
        json.member("@vocab", "https://schema.org/")
        json.member("pg", JSONLDMapping.vocabulary)
        json.key("additionalType")
        json.openObject()
        json.member("@type", "@id")
        json.closeObject()
        json.closeObject()
        write(json.bytes)
        sink.write(",\n  \"@graph\": [")
        json.reset()
        json.openObject()
        json.member("@id", "urn:partnergraph:export")
        json.member("@type", "Dataset")
        json.member("name", header.caption)
        if !header.filters.isEmpty {
            json.key("pg:filter")
            json.openArray()
            for filter in header.filters { json.string(filter) }
            json.closeArray()
        }
        json.closeObject()
        item(json.bytes)
        for source in header.sources {
            writeSource(source)
            item(json.bytes)
        }
    }

    /// Writes the entity's node object.
    public mutating func node(_ node: ExportNode) throws {
        classes[node.key] = JSONLDMapping.EndClass(node)
        writeNode(node)
        item(json.bytes)
    }

    /// Adds the relation to its subject's node object, as a `Role`; a relation stated on its
    /// target (`attendee`, `organizer`) gets a node object of its own.
    public mutating func edge(_ edge: ExportEdge) throws {
        let statement = JSONLDMapping.statement(type: edge.type, source: classes[edge.source], target: classes[edge.target])
        let (subjectKey, objectKey) = statement.inverted ? (edge.target, edge.source) : (edge.source, edge.target)
        let objectIRI = JSONLDMapping.entityIRI(objectKey)
        if statement.inverted {
            json.reset()
            json.openObject()
            json.member("@id", JSONLDMapping.entityIRI(subjectKey))
            json.key(statement.property)
            json.openArray()
            writeRole(edge, property: statement.property, object: objectIRI)
            json.closeArray()
            json.closeObject()
            item(json.bytes)
            return
        }
        if subject != subjectKey {
            flushSubject()
            subject = subjectKey
        }
        json.reset()
        writeRole(edge, property: statement.property, object: objectIRI)
        add(json.bytes, to: statement.property)
        if statement.alsoHeads {
            json.reset()
            json.reference(objectIRI)
            add(json.bytes, to: "pg:heads")
        }
    }

    /// Writes the last subject's relations and closes the `@graph` and the document.
    public mutating func end() throws {
        flushSubject()
        sink.write("\n  ]\n}\n")
    }

    // MARK: - Writing

    private func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { sink.write(bytes: $0) }
    }

    private mutating func item(_ bytes: [UInt8]) {
        sink.write(wroteItem ? ",\n    " : "\n    ")
        write(bytes)
        wroteItem = true
    }

    private mutating func add(_ value: [UInt8], to property: String) {
        if let index = properties.firstIndex(where: { $0.name == property }) {
            properties[index].values.append(value)
        } else {
            properties.append((property, [value]))
        }
    }

    private mutating func flushSubject() {
        guard let subject else { return }
        var line: [UInt8] = []
        line.append(contentsOf: "{".utf8)
        JSONText.appendString("@id", to: &line)
        line.append(contentsOf: ": ".utf8)
        JSONText.appendString(JSONLDMapping.entityIRI(subject), to: &line)
        for (name, values) in properties {
            line.append(contentsOf: ", ".utf8)
            JSONText.appendString(name, to: &line)
            line.append(contentsOf: ": [".utf8)
            for (index, value) in values.enumerated() {
                if index > 0 { line.append(contentsOf: ", ".utf8) }
                line.append(contentsOf: value)
            }
            line.append(contentsOf: "]".utf8)
        }
        line.append(contentsOf: "}".utf8)
        item(line)
        self.subject = nil
        properties.removeAll(keepingCapacity: true)
    }

    // MARK: - Objects

    private mutating func writeSource(_ source: Source) {
        json.reset()
        json.openObject()
        json.member("@id", JSONLDMapping.sourceIRI(source.key))
        json.member("@type", "CreativeWork")
        json.member("identifier", source.key)
        json.member("name", source.title)
        json.member("headline", source.title)
        if let publisher = source.publisher {
            json.key("publisher")
            json.openObject()
            json.member("@type", "Organization")
            json.member("name", publisher)
            json.closeObject()
        }
        json.member("url", source.url)
        json.member("datePublished", source.published?.description)
        json.member("inLanguage", source.language)
        json.closeObject()
    }

    private mutating func writeNode(_ node: ExportNode) {
        json.reset()
        json.openObject()
        json.member("@id", JSONLDMapping.entityIRI(node.key))
        let types = JSONLDMapping.types(of: node)
        if types.count == 1 {
            json.member("@type", types[0])
        } else {
            json.key("@type")
            json.openArray()
            for type in types { json.string(type) }
            json.closeArray()
        }
        json.member("identifier", node.key)
        json.key("name")
        writeNames(of: node)
        if node.type == .agreement { json.member("additionalType", "pg:Agreement") }
        json.member("pg:kind", node.kind)
        let dates = JSONLDMapping.dateProperties(of: node.type)
        if node.type == .event {
            json.member(dates.start, (node.start ?? node.date)?.description)
            json.member(dates.end, node.end?.description)
            if node.start != nil { json.member("pg:date", node.date?.description) }
        } else {
            json.member(dates.date, node.date?.description)
            json.member(dates.start, node.start?.description)
            json.member(dates.end, node.end?.description)
        }
        json.member("description", node.note)
        if !node.attributes.isEmpty {
            json.key("additionalProperty")
            json.openArray()
            for (key, value) in node.attributes {
                json.openObject()
                json.member("@type", "PropertyValue")
                json.member("name", key)
                json.member("value", value)
                json.closeObject()
            }
            json.closeArray()
        }
        writeCitations(node.citations)
        json.closeObject()
    }

    /// The primary name and the aliases, each once, tagged with its language when known.
    private mutating func writeNames(of node: ExportNode) {
        json.openArray()
        var seen: [(String, String?)] = []
        for (name, language) in [(node.name, node.nameLanguage)] + node.aliases.map({ ($0.name, $0.language) }) {
            guard !seen.contains(where: { $0 == (name, language) }) else { continue }
            seen.append((name, language))
            if let language {
                json.openObject()
                json.member("@value", name)
                json.member("@language", language)
                json.closeObject()
            } else {
                json.string(name)
            }
        }
        json.closeArray()
    }

    private mutating func writeRole(_ edge: ExportEdge, property: String, object: String) {
        json.openObject()
        json.member("@type", "Role")
        json.member("pg:relationType", edge.type)
        json.key("pg:relationId")
        json.number(edge.id)
        json.member("roleName", edge.role)
        json.member("startDate", edge.start?.description)
        json.member("endDate", edge.end?.description)
        json.member("pg:date", edge.date?.description)
        json.member("description", edge.note)
        writeCitations(edge.citations)
        json.key(property)
        json.reference(object)
        json.closeObject()
    }

    /// `citation`: each cited source once, in order, then a `Quotation` for each quote.
    private mutating func writeCitations(_ citations: [CitationRef]) {
        guard !citations.isEmpty else { return }
        json.key("citation")
        json.openArray()
        var seen: [String] = []
        for citation in citations where !seen.contains(citation.source) {
            seen.append(citation.source)
            json.reference(JSONLDMapping.sourceIRI(citation.source))
        }
        for citation in citations {
            guard let quote = citation.quote else { continue }
            json.openObject()
            json.member("@type", "Quotation")
            json.member("text", quote)
            json.key("isPartOf")
            json.reference(JSONLDMapping.sourceIRI(citation.source))
            json.closeObject()
        }
        json.closeArray()
    }
}
