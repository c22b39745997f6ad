/// The graph database a Cypher script is written for.
public enum CypherDialect: String, CaseIterable, Hashable, Sendable {
    /// Kùzu (tested with 0.11.3): typed node and relationship tables declared first.
    case kuzu
    /// Neo4j 5 and Memgraph: a label per entity type, a relationship type per relation type.
    case neo4j
}

/// Writes a Cypher script that loads the graph into Kùzu or, with ``CypherDialect/neo4j``,
/// Neo4j or Memgraph. Every statement is on one line and ends with `;`, so a loader may run
/// the script line by line; lines starting with `//` are comments.
///
/// Kùzu's script declares three tables, then creates the sources, the entities and the
/// relations:
///
/// ```
/// CREATE NODE TABLE Source(key STRING PRIMARY KEY, title STRING, publisher STRING, url STRING, published STRING, language STRING);
/// CREATE NODE TABLE Entity(key STRING PRIMARY KEY, type STRING, name STRING, name_language STRING, kind STRING, date STRING, start_date STRING, end_date STRING, note STRING, name_ar STRING[], attr_founded STRING, sources STRING[]);
/// CREATE REL TABLE Relation(FROM Entity TO Entity, id INT64, type STRING, role STRING, start_date STRING, end_date STRING, date STRING, note STRING, sources STRING[]);
/// CREATE (:Entity {key: 'icesco', type: 'organization', name: 'ICESCO', name_language: 'en', kind: 'igo', name_ar: ['الإيسيسكو'], sources: ['icesco-2024-03-26']});
/// MATCH (a:Entity), (b:Entity) WHERE a.key = 'salim-m-almalik' AND b.key = 'icesco' CREATE (a)-[:Relation {id: 1, type: 'heads', role: 'Director-General', start_date: '2021', sources: []}]->(b);
/// ```
///
/// - One `name_<language>` column per alias language of the header (`name_und` for aliases
///   without one) holds that language's aliases in recorded order; one `attr_<key>` column per
///   attribute key. Names are lower-cased to letters, digits and `_`, with `_2` … when two
///   sanitise alike.
/// - Dates are `STRING`s holding the date as recorded (`2024`, `2024-03`, `2024-03-25`): a
///   Kùzu `DATE` would have to invent a month and day.
/// - `sources` lists the keys of the cited sources, which are `Source` keys; quotes are not
///   exported.
/// - Text with a line break or another control character is written as
///   `decode(BLOB('…'))` (see ``CypherDialect/kuzu``'s escaping in the source): Kùzu has no
///   `\n` escape.
///
/// The Neo4j dialect writes `CREATE CONSTRAINT … IF NOT EXISTS` on `Entity.key` and
/// `Source.key`, then `MERGE`s each node by key with labels `Entity` and its type
/// (`Organization`, `Person` …) and each relationship by its `id` with the relation type
/// upper-cased (`HEADS`, `PARTICIPATED_IN`), so running the script twice changes nothing.
/// Absent values are left out. (Memgraph spells constraints `CREATE CONSTRAINT ON (n:Entity)
/// ASSERT n.key IS UNIQUE`; the rest of the script is the same.)
public struct CypherWriter: GraphExportWriter {
    private let sink: ExportSink
    private let dialect: CypherDialect
    /// The alias and attribute columns, in header order.
    private var aliasColumns: [(language: String, column: String)] = []
    private var attributeColumns: [String: String] = [:]

    /// A writer of `dialect` that writes to `sink`.
    public init(sink: ExportSink, dialect: CypherDialect = .kuzu) {
        self.sink = sink
        self.dialect = dialect
    }

    public mutating func begin(_ header: ExportHeader) throws {
        sink.write(CypherText.comment("PartnerGraph export: " + header.caption))
        for filter in header.filters { sink.write(CypherText.comment(filter)) }
        var taken: Set<String> = [
            "key", "type", "name", "name_language", "kind", "date", "start_date", "end_date", "note", "sources",
        ]
        aliasColumns = header.aliasLanguages.map { ($0, CypherText.propertyName("name_", $0, taken: &taken)) }
        for key in header.attributeKeys {
            attributeColumns[key] = CypherText.propertyName("attr_", key, taken: &taken)
        }
        switch dialect {
        case .kuzu:
            var columns = ["key STRING PRIMARY KEY", "type STRING", "name STRING", "name_language STRING", "kind STRING"]
            columns += ["date STRING", "start_date STRING", "end_date STRING", "note STRING"]
            columns += aliasColumns.map { "\($0.column) STRING[]" }
            columns += header.attributeKeys.map { "\(attributeColumns[$0]!) STRING" }
            columns.append("sources STRING[]")
            sink.write(
                "CREATE NODE TABLE Source(key STRING PRIMARY KEY, title STRING, publisher STRING, url STRING, published STRING, language STRING);\n"
            )
            sink.write("CREATE NODE TABLE Entity(" + columns.joined(separator: ", ") + ");\n")
            sink.write(
                "CREATE REL TABLE Relation(FROM Entity TO Entity, id INT64, type STRING, role STRING, start_date STRING, end_date STRING, date STRING, note STRING, sources STRING[]);\n"
            )
        case .neo4j:
            sink.write("CREATE CONSTRAINT partnergraph_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;\n")
            sink.write("CREATE CONSTRAINT partnergraph_source_key IF NOT EXISTS FOR (n:Source) REQUIRE n.key IS UNIQUE;\n")
        }
        for source in header.sources {
            var properties = [("key", string(source.key)), ("title", string(source.title))]
            if let publisher = source.publisher { properties.append(("publisher", string(publisher))) }
            if let url = source.url { properties.append(("url", string(url))) }
            if let published = source.published { properties.append(("published", string(published.description))) }
            if let language = source.language { properties.append(("language", string(language))) }
            writeNode(label: "Source", typeLabel: nil, properties)
        }
    }

    public mutating func node(_ node: ExportNode) throws {
        var properties = [("key", string(node.key)), ("type", string(node.type.rawValue)), ("name", string(node.name))]
        if let language = node.nameLanguage { properties.append(("name_language", string(language))) }
        if let kind = node.kind { properties.append(("kind", string(kind))) }
        if let date = node.date { properties.append(("date", string(date.description))) }
        if let start = node.start { properties.append(("start_date", string(start.description))) }
        if let end = node.end { properties.append(("end_date", string(end.description))) }
        if let note = node.note { properties.append(("note", string(note))) }
        for (language, column) in aliasColumns {
            let names = node.aliases(in: language)
            if !names.isEmpty { properties.append((column, CypherText.list(names, dialect: dialect))) }
        }
        for (key, value) in node.attributes {
            // The header announces every key; one it did not has no column in Kùzu's table.
            guard let column = attributeColumns[key] else { continue }
            properties.append((column, string(value)))
        }
        properties.append(("sources", sources(node.citations)))
        writeNode(label: "Entity", typeLabel: Self.typeLabel(node.type), properties)
    }

    public mutating func edge(_ edge: ExportEdge) throws {
        var properties = [("id", String(edge.id))]
        if dialect == .kuzu { properties.append(("type", string(edge.type))) }
        if let role = edge.role { properties.append(("role", string(role))) }
        if let start = edge.start { properties.append(("start_date", string(start.description))) }
        if let end = edge.end { properties.append(("end_date", string(end.description))) }
        if let date = edge.date { properties.append(("date", string(date.description))) }
        if let note = edge.note { properties.append(("note", string(note))) }
        properties.append(("sources", sources(edge.citations)))
        let source = string(edge.source)
        let target = string(edge.target)
        switch dialect {
        case .kuzu:
            sink.write(
                "MATCH (a:Entity), (b:Entity) WHERE a.key = \(source) AND b.key = \(target) CREATE (a)-[:Relation \(Self.map(properties))]->(b);\n"
            )
        case .neo4j:
            let type = CypherText.relationshipType(edge.type)
            sink.write(
                "MATCH (a:Entity {key: \(source)}), (b:Entity {key: \(target)}) MERGE (a)-[r:\(type) {id: \(edge.id)}]->(b) SET r += \(Self.map(properties));\n"
            )
        }
    }

    public mutating func end() throws {}

    // MARK: - Statements

    private func writeNode(label: String, typeLabel: String?, _ properties: [(String, String)]) {
        switch dialect {
        case .kuzu:
            sink.write("CREATE (:\(label) \(Self.map(properties)));\n")
        case .neo4j:
            let labels = typeLabel.map { "n:\($0), " } ?? ""
            sink.write("MERGE (n:\(label) {key: \(properties[0].1)}) SET \(labels)n += \(Self.map(properties));\n")
        }
    }

    private func string(_ text: String) -> String { CypherText.string(text, dialect: dialect) }

    /// The distinct cited source keys, in order.
    private func sources(_ citations: [CitationRef]) -> String {
        var seen: Set<String> = []
        return CypherText.list(citations.map(\.source).filter { seen.insert($0).inserted }, dialect: dialect)
    }

    private static func map(_ properties: [(String, String)]) -> String {
        "{" + properties.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
    }

    private static func typeLabel(_ type: EntityType) -> String {
        switch type {
        case .organization: return "Organization"
        case .person: return "Person"
        case .agreement: return "Agreement"
        case .event: return "Event"
        case .place: return "Place"
        }
    }
}
