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

    /// Writes the comments that name the selection and, for Kùzu, the `CREATE … TABLE`
    /// statements (for Neo4j, the key constraints), then one statement per source.
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
            var map = PropertyMap(dialect: dialect)
            map.string("key", source.key)
            map.string("title", source.title)
            map.string("publisher", source.publisher)
            map.string("url", source.url)
            map.string("published", source.published?.description)
            map.string("language", source.language)
            writeNode(label: "Source", typeLabel: nil, key: source.key, map)
        }
    }

    /// Writes the statement that creates (Kùzu) or merges (Neo4j) the entity.
    public mutating func node(_ node: ExportNode) throws {
        var map = PropertyMap(dialect: dialect)
        map.string("key", node.key)
        map.string("type", node.type.rawValue)
        map.string("name", node.name)
        map.string("name_language", node.nameLanguage)
        map.string("kind", node.kind)
        map.string("date", node.date?.description)
        map.string("start_date", node.start?.description)
        map.string("end_date", node.end?.description)
        map.string("note", node.note)
        for (language, column) in aliasColumns {
            let names = node.aliases(in: language)
            if !names.isEmpty { map.list(column, names) }
        }
        for (key, value) in node.attributes {
            // The header announces every key; one it did not has no column in Kùzu's table.
            guard let column = attributeColumns[key] else { continue }
            map.string(column, value)
        }
        map.list("sources", Self.sources(node.citations))
        writeNode(label: "Entity", typeLabel: Self.typeLabel(node.type), key: node.key, map)
    }

    /// Writes the statement that matches the relation's two ends and creates (Kùzu) or merges
    /// (Neo4j) the relationship.
    public mutating func edge(_ edge: ExportEdge) throws {
        var map = PropertyMap(dialect: dialect)
        map.raw("id", String(edge.id))
        if dialect == .kuzu { map.string("type", edge.type) }
        map.string("role", edge.role)
        map.string("start_date", edge.start?.description)
        map.string("end_date", edge.end?.description)
        map.string("date", edge.date?.description)
        map.string("note", edge.note)
        map.list("sources", Self.sources(edge.citations))
        var line = ""
        line.reserveCapacity(map.text.utf8.count + 160)
        switch dialect {
        case .kuzu:
            line += "MATCH (a:Entity), (b:Entity) WHERE a.key = "
            CypherText.appendString(edge.source, dialect: dialect, to: &line)
            line += " AND b.key = "
            CypherText.appendString(edge.target, dialect: dialect, to: &line)
            line += " CREATE (a)-[:Relation "
            line += map.text
            line += "}]->(b);\n"
        case .neo4j:
            line += "MATCH (a:Entity {key: "
            CypherText.appendString(edge.source, dialect: dialect, to: &line)
            line += "}), (b:Entity {key: "
            CypherText.appendString(edge.target, dialect: dialect, to: &line)
            line += "}) MERGE (a)-[r:" + CypherText.relationshipType(edge.type) + " {id: \(edge.id)}]->(b) SET r += "
            line += map.text
            line += "};\n"
        }
        sink.write(line)
    }

    /// Writes nothing: every statement is complete on its line.
    public mutating func end() throws {}

    // MARK: - Statements

    /// A property map being written: `{name: 'value', …` (the caller closes it).
    private struct PropertyMap {
        let dialect: CypherDialect
        var text = "{"

        mutating func raw(_ name: String, _ value: String) {
            if text.utf8.count > 1 { text += ", " }
            text += name
            text += ": "
            text += value
        }

        /// A string property, left out when absent (a missing property is null in both dialects).
        mutating func string(_ name: String, _ value: String?) {
            guard let value else { return }
            if text.utf8.count > 1 { text += ", " }
            text += name
            text += ": "
            CypherText.appendString(value, dialect: dialect, to: &text)
        }

        mutating func list(_ name: String, _ values: [String]) {
            if text.utf8.count > 1 { text += ", " }
            text += name
            text += ": "
            CypherText.appendList(values, dialect: dialect, to: &text)
        }
    }

    private func writeNode(label: String, typeLabel: String?, key: String, _ map: PropertyMap) {
        var line = ""
        switch dialect {
        case .kuzu:
            line += "CREATE (:" + label + " " + map.text + "});\n"
        case .neo4j:
            line += "MERGE (n:" + label + " {key: "
            CypherText.appendString(key, dialect: dialect, to: &line)
            line += "}) SET " + (typeLabel.map { "n:\($0), " } ?? "") + "n += " + map.text + "};\n"
        }
        sink.write(line)
    }

    /// The distinct cited source keys, in order.
    private static func sources(_ citations: [CitationRef]) -> [String] {
        var keys: [String] = []
        for citation in citations where !keys.contains(citation.source) { keys.append(citation.source) }
        return keys
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
