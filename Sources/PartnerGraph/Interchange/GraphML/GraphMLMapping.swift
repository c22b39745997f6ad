import Foundation

/// Turns a ``RawGraphML`` into an ``InterchangeDocument``, as ``GraphMLReader`` describes,
/// collecting every problem on the way.
struct GraphMLMapping {
    let raw: RawGraphML
    let defaultType: EntityType?
    /// The vocabulary by canonical name.
    let relationTypes: [String: RelationType]
    let fallbackRelation: RelationType?
    var problems: GraphMLProblemList

    /// GraphML's value types.
    enum ValueType: String {
        case boolean, int, long, float, double, string
    }

    /// A declared key, checked.
    struct Key {
        var name: String
        var type: ValueType
        var domain: String
        var defaultValue: String?
        /// yEd's graphics and resources: read for their labels only.
        var isGraphics: Bool
    }

    /// One attribute value of a node or edge, trimmed and not empty.
    struct Field {
        var name: String
        var value: String
        var line: Int
    }

    /// The fields PartnerGraph reads itself; every other one becomes a free attribute.
    private static let nodeFields: Set<String> = [
        "key", "type", "kind", "name", "label", "name_language", "date", "start", "end", "note", "sources",
    ]

    /// A node read, by node id: what an edge needs of its end.
    private struct End {
        var key: String
        var type: EntityType
    }

    init(
        raw: RawGraphML, defaultType: EntityType?, relationTypes: [String: RelationType], fallbackRelation: RelationType?,
        problems: GraphMLProblemList
    ) {
        self.raw = raw
        self.defaultType = defaultType
        self.relationTypes = relationTypes
        self.fallbackRelation = fallbackRelation
        self.problems = problems
    }

    mutating func document() -> InterchangeDocument {
        let keys = checkedKeys()
        var ends: [String: End] = [:]
        var nodeLines: [String: Int] = [:]
        var keyLines: [String: Int] = [:]
        var entities: [EntityRecord] = []
        for node in raw.nodes {
            let id = node.id ?? ""
            if let first = nodeLines[id] {
                problems.add(node.line, "the node id \"\(id)\" is used already on line \(first); give each node its own id")
                continue
            }
            nodeLines[id] = node.line
            guard let entity = entity(node, fields: fields(of: node, keys: keys, domain: "node")) else { continue }
            if let first = keyLines[entity.key] {
                problems.add(
                    node.line,
                    "the node \"\(id)\" has the key \"\(entity.key)\", which the node on line \(first) has already; "
                        + "give one of them another \"key\" attribute")
                continue
            }
            keyLines[entity.key] = node.line
            ends[id] = End(key: entity.key, type: entity.type)
            entities.append(entity)
        }
        var relations: [RelationRecord] = []
        for edge in raw.edges {
            if let relation = relation(edge, fields: fields(of: edge, keys: keys, domain: "edge"), ends: ends) {
                relations.append(relation)
            }
        }
        var document = InterchangeDocument()
        document.sources = sourceDocuments(keys: keys)
        document.entities = entities.sorted { $0.key < $1.key }
        document.relations = relations
        return document
    }

    /// The sources a PartnerGraph export describes in its graph-level `source_documents` (JSON),
    /// so that its citations can be kept in a database that lacks them.
    private mutating func sourceDocuments(keys: [String: Key]) -> [SourceRecord] {
        var sources: [SourceRecord] = []
        for data in raw.graphData where keys[data.key]?.name == XMLExportColumns.sourceDocuments {
            do {
                sources += try JSONDecoder().decode([SourceRecord].self, from: Data(data.value.utf8))
            } catch {
                problems.add(
                    data.line,
                    "the graph's \(XMLExportColumns.sourceDocuments) is not a JSON list of sources "
                        + "({\"key\", \"title\", …}); fix it or remove it")
            }
        }
        for source in sources where (try? validateKey(source.key)) == nil || source.title.isEmpty {
            problems.add(raw.graphData.first?.line ?? 1, "the source \(quoted(source.key)) needs a valid key and a title")
        }
        return sources
    }

    // MARK: Keys and values

    private mutating func checkedKeys() -> [String: Key] {
        var keys: [String: Key] = [:]
        var lines: [String: Int] = [:]
        for key in raw.keys {
            if let first = lines[key.id] {
                problems.add(key.line, "the key id \"\(key.id)\" is declared already on line \(first); give each <key> its own id")
                continue
            }
            lines[key.id] = key.line
            let name = key.name ?? key.id
            var type = ValueType.string
            if let written = key.type {
                if let known = ValueType(rawValue: written) {
                    type = known
                } else {
                    problems.add(
                        key.line,
                        "the key \"\(key.id)\" (\(name)) has the unknown attribute type \"\(written)\"; "
                            + "GraphML's types are boolean, int, long, float, double and string")
                }
            }
            var defaultValue = key.defaultValue.map(trimmed)
            if let value = defaultValue, let complaint = Self.complaint(value, type) {
                problems.add(key.line, "the default of \"\(name)\" is \(quoted(value)), \(complaint)")
                defaultValue = nil
            }
            keys[key.id] = Key(
                name: name, type: type, domain: key.domain, defaultValue: defaultValue, isGraphics: key.yfilesType != nil)
        }
        return keys
    }

    /// A boolean's value as GraphML spells it: `true` or `false`.
    static func truth(_ value: String) -> String? {
        switch value.lowercased() {
        case "true", "1": return "true"
        case "false", "0": return "false"
        default: return nil
        }
    }

    /// Why a value does not have its declared type, or `nil` when it has.
    static func complaint(_ value: String, _ type: ValueType) -> String? {
        switch type {
        case .string: return nil
        case .boolean: return truth(value) != nil ? nil : "not a boolean (true or false)"
        case .int, .long: return Int64(value) != nil ? nil : "not a whole number (\(type.rawValue))"
        case .float, .double: return Double(value) != nil ? nil : "not a number (\(type.rawValue))"
        }
    }

    /// The attribute values of a node or edge, in the order the keys are declared: its `<data>`,
    /// then the keys' defaults for what it lacks. Graphics keys and empty values are left out.
    private mutating func fields(of element: RawGraphML.Element, keys: [String: Key], domain: String) -> [String: Field] {
        var fields: [String: Field] = [:]
        var given: Set<String> = []
        for data in element.data {
            given.insert(data.key)
            guard let key = keys[data.key] else {
                problems.add(
                    data.line,
                    "a <data> refers to the key \"\(data.key)\", which the file does not declare; "
                        + "declare it with <key id=\"\(data.key)\" for=\"\(domain)\" attr.name=\"…\" attr.type=\"string\"/>")
                continue
            }
            guard !key.isGraphics else { continue }
            var value = trimmed(data.value)
            guard !value.isEmpty else { continue }
            if key.type == .boolean, let truth = Self.truth(value) {
                value = truth  // networkx writes Python's True and False
            }
            if let complaint = Self.complaint(value, key.type) {
                problems.add(data.line, "the value \(quoted(value)) of \"\(key.name)\" is \(complaint)")
                continue
            }
            fields[key.name.lowercased()] = Field(name: key.name, value: value, line: data.line)
        }
        for (id, key) in keys where !given.contains(id) && !key.isGraphics && (key.domain == domain || key.domain == "all") {
            if let value = key.defaultValue, !value.isEmpty, fields[key.name.lowercased()] == nil {
                fields[key.name.lowercased()] = Field(name: key.name, value: value, line: element.line)
            }
        }
        return fields
    }

    private func trimmed<Text: StringProtocol>(_ text: Text) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A name on one line: yEd wraps long labels.
    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map(trimmed).filter { !$0.isEmpty }.joined(separator: " ")
    }

    private mutating func date(_ field: Field?, of what: String) -> PartialDate? {
        guard let field else { return nil }
        do {
            return try PartialDate(field.value)
        } catch {
            problems.add(field.line, "\(what): the \(field.name) is an \(error)")
            return nil
        }
    }

    private mutating func checkPeriod(start: PartialDate?, end: PartialDate?, line: Int, of what: String) {
        do {
            try validatePeriod(start: start, end: end)
        } catch {
            problems.add(line, "\(what): \(error)")
        }
    }

    private func citations(_ field: Field?) -> [CitationRef] {
        guard let field else { return [] }
        return field.value.split(whereSeparator: \.isWhitespace).map { CitationRef(source: String($0)) }
    }

    // MARK: Nodes

    private mutating func entity(_ node: RawGraphML.Element, fields: [String: Field]) -> EntityRecord? {
        let id = node.id ?? ""
        let what = "node \(quoted(id))"
        var attributes: [String: String] = [:]
        var prefixed: [String: String] = [:]
        var aliases: [(order: String, alias: Alias)] = []
        for (lower, field) in fields where !Self.nodeFields.contains(lower) && !GraphMLReader.layoutAttributes.contains(lower) {
            if lower.hasPrefix("name_") {
                let language = String(lower.dropFirst(5))
                for name in field.value.split(whereSeparator: \.isNewline).map(trimmed) where !name.isEmpty {
                    aliases.append((lower, Alias(name: name, language: language == ExportNode.unknownLanguage ? nil : language)))
                }
            } else if field.name.hasPrefix("attr_") && field.name.count > 5 {
                prefixed[String(field.name.dropFirst(5))] = field.value
            } else {
                attributes[field.name] = field.value
            }
        }
        attributes.merge(prefixed) { _, prefixed in prefixed }

        let label = fields["label"].map { oneLine($0.value) }
        let name = fields["name"].map { oneLine($0.value) } ?? label ?? node.graphicsLabel.map(oneLine) ?? id
        if let label, fields["name"] != nil, label != name, attributes["label"] == nil {
            attributes["label"] = label
        }
        guard !name.isEmpty else {
            problems.add(node.line, "a node has neither an id nor a name; give it a \"name\" attribute")
            return nil
        }

        var type: EntityType?
        if let written = fields["type"] {
            type = EntityType(parsing: written.value)
            if type == nil {
                if attributes["type"] == nil { attributes["type"] = written.value }
                if defaultType == nil {
                    problems.add(
                        written.line,
                        "\(what) has the type \(quoted(written.value)), which is not an entity type; use "
                            + "\(EntityType.spellings), or give --default-type organization (or another type) for such nodes")
                }
            }
        } else if defaultType == nil {
            problems.add(
                node.line,
                "\(what) has no entity type; give it a \"type\" attribute (\(EntityType.spellings)) "
                    + "or give --default-type organization (or another type) for nodes without one")
        }

        let key: String
        if let written = fields["key"] {
            do {
                try validateKey(written.value)
            } catch {
                problems.add(written.line, "\(what): \(error)")
                return nil
            }
            key = written.value
        } else if (try? validateKey(id)) != nil {
            key = id
        } else {
            key = Slug.make(from: name)
            guard (try? validateKey(key)) != nil else {
                problems.add(node.line, "\(what) has no usable key; give it a \"key\" attribute such as icesco")
                return nil
            }
        }

        let start = date(fields["start"], of: what)
        let end = date(fields["end"], of: what)
        checkPeriod(start: start, end: end, line: fields["end"]?.line ?? node.line, of: what)
        guard let type = type ?? defaultType else { return nil }
        return EntityRecord(
            key: key, type: type, name: name, nameLanguage: fields["name_language"]?.value, kind: fields["kind"]?.value,
            date: date(fields["date"], of: what), start: start, end: end, note: fields["note"]?.value,
            aliases: aliases.sorted { $0.order < $1.order }.map(\.alias), attributes: attributes,
            citations: citations(fields["sources"]), createdAt: nil, updatedAt: nil)
    }

    // MARK: Edges

    private mutating func relation(_ edge: RawGraphML.Element, fields: [String: Field], ends: [String: End]) -> RelationRecord? {
        let what: String
        if let id = edge.id {
            what = "edge \(quoted(id))"
        } else {
            what = "the edge from \(quoted(edge.source ?? "")) to \(quoted(edge.target ?? ""))"
        }
        var endpoints: [End] = []
        for (side, id) in [("source", edge.source), ("target", edge.target)] {
            guard let id else {
                problems.add(edge.line, "\(what) has no \(side) attribute; give the id of the node it \(side == "source" ? "leaves" : "reaches")")
                continue
            }
            guard let end = ends[id] else {
                if !raw.nodes.contains(where: { $0.id == id }) {
                    problems.add(
                        edge.line,
                        "\(what) \(side == "source" ? "leaves" : "goes to") node \(quoted(id)), which the file does not declare; "
                            + "add the node or remove the edge")
                }
                continue  // else the node has a problem of its own
            }
            endpoints.append(end)
        }

        let candidates = ["type", "relation", "label"].compactMap { fields[$0]?.value } + [edge.graphicsLabel].compactMap { $0 }
        let vocabulary = relationTypes
        let type = candidates.lazy.compactMap { vocabulary[RelationType.canonicalName($0)] }.first ?? fallbackRelation
        if type == nil {
            let names = relationTypes.values.map(\.name).sorted()
            let list = names.prefix(8).joined(separator: ", ") + (names.count > 8 ? ", …" : "")
            if let written = candidates.first {
                problems.add(
                    edge.line,
                    "\(what) has the relation type \(quoted(written)), which is not in the vocabulary; use one of \(list) "
                        + "(`partnergraph vocab` lists them), add it with `partnergraph vocab add`, "
                        + "or give --default-relation partner_of (or another type) for such edges")
            } else {
                problems.add(
                    edge.line,
                    "\(what) has no relation type; give it a \"type\" attribute (\(list)) "
                        + "or give --default-relation partner_of (or another type) for edges without one")
            }
        }

        let start = date(fields["start"], of: what)
        let end = date(fields["end"], of: what)
        let date = date(fields["date"], of: what)
        checkPeriod(start: start, end: end, line: fields["end"]?.line ?? edge.line, of: what)
        guard endpoints.count == 2, let relationType = type else { return nil }
        var (source, target) = (endpoints[0], endpoints[1])
        if source.key == target.key {
            problems.add(edge.line, "\(what) joins \(quoted(source.key)) to itself; a relation joins two entities: remove the edge")
            return nil
        }
        if !edge.directed, !relationType.symmetric, !relationType.allows(from: source.type, to: target.type),
            relationType.allows(from: target.type, to: source.type)
        {
            swap(&source, &target)
        }
        return RelationRecord(
            source: source.key, type: relationType.name, target: target.key, role: fields["role"]?.value, start: start,
            end: end, date: date, note: fields["note"]?.value, citations: citations(fields["sources"]), createdAt: nil,
            updatedAt: nil)
    }
}
