/// Reads an interchange document out of parsed JSON, collecting every problem with its path.
///
/// It checks the shape and values of each field (types, dates, keys, vocabulary names) and the
/// references inside the file; references to what is already in the database are checked by
/// the importer, which knows the database.
struct DocumentValidator {
    private(set) var problems: [ImportError.Problem] = []

    mutating func problem(_ path: String, _ message: String) {
        problems.append(.init(path: path, message: message))
    }

    mutating func read(_ root: JSONValue) -> InterchangeDocument {
        var document = InterchangeDocument()
        guard case .object(let fields) = root else {
            problem("$", "expected an object with format, version, entities, relations and sources, found \(root.typeName)")
            return document
        }
        checkKnown(fields, ["format", "version", "relation_types", "sources", "entities", "relations"], at: "$")
        if fields["format"] != .string(InterchangeDocument.formatName) {
            problem("$.format", "expected \"partnergraph\"; is this a PartnerGraph export?")
        }
        switch fields["version"] {
        case .number(let number) where number == number.rounded() && number >= 1:
            if Int(number) > InterchangeDocument.currentVersion {
                problem("$.version", "version \(Int(number)) is newer than this partnergraph reads (\(InterchangeDocument.currentVersion)); upgrade partnergraph")
            }
            document.version = Int(number)
        default:
            problem("$.version", "expected the format version, a whole number such as 1")
        }
        document.relationTypes = list(fields["relation_types"], at: "$.relation_types") { $0.readRelationType($1, at: $2) }
        document.sources = list(fields["sources"], at: "$.sources") { $0.readSource($1, at: $2) }
        document.entities = list(fields["entities"], at: "$.entities") { $0.readEntity($1, at: $2) }
        document.relations = list(fields["relations"], at: "$.relations") { $0.readRelation($1, at: $2) }
        checkUnique(document.sources.map(\.key), at: "$.sources", what: "source key")
        checkUnique(document.entities.map(\.key), at: "$.entities", what: "entity key")
        checkUnique(document.relationTypes.map(\.name), at: "$.relation_types", what: "relation type")
        return document
    }

    // MARK: - Records

    mutating func readRelationType(_ value: JSONValue, at path: String) -> RelationTypeRecord? {
        guard let fields = object(value, at: path) else { return nil }
        checkKnown(fields, ["name", "forward", "inverse", "source_types", "target_types", "symmetric", "description"], at: path)
        let name = string(fields["name"], at: path + ".name", required: true)
        let forward = string(fields["forward"], at: path + ".forward", required: true)
        let inverse = string(fields["inverse"], at: path + ".inverse", required: true)
        let sources = entityTypes(fields["source_types"], at: path + ".source_types")
        let targets = entityTypes(fields["target_types"], at: path + ".target_types")
        var symmetric = false
        switch fields["symmetric"] {
        case nil, .null: break
        case .bool(let flag): symmetric = flag
        case let other?: problem(path + ".symmetric", "expected true or false, found \(other.typeName)")
        }
        let description = string(fields["description"], at: path + ".description")
        guard let name, let forward, let inverse, let sources, let targets else { return nil }
        let record = RelationTypeRecord(
            name: name, forward: forward, inverse: inverse, sourceTypes: sources, targetTypes: targets,
            symmetric: symmetric, description: description)
        do {
            try PartnerGraphStore.validateRelationType(record.relationType)
        } catch {
            problem(path, "\(error)")
            return nil
        }
        return record
    }

    mutating func readSource(_ value: JSONValue, at path: String) -> SourceRecord? {
        guard let fields = object(value, at: path) else { return nil }
        checkKnown(fields, ["key", "title", "publisher", "url", "published", "language", "text", "created_at", "updated_at"], at: path)
        let key = key(fields["key"], at: path + ".key")
        let title = string(fields["title"], at: path + ".title", required: true)
        let record = SourceRecord(
            key: key ?? "", title: title ?? "", publisher: string(fields["publisher"], at: path + ".publisher"),
            url: string(fields["url"], at: path + ".url"), published: readDate(fields["published"], at: path + ".published"),
            language: string(fields["language"], at: path + ".language"), text: string(fields["text"], at: path + ".text"),
            createdAt: string(fields["created_at"], at: path + ".created_at"),
            updatedAt: string(fields["updated_at"], at: path + ".updated_at"))
        return key == nil || title == nil ? nil : record
    }

    mutating func readEntity(_ value: JSONValue, at path: String) -> EntityRecord? {
        guard let fields = object(value, at: path) else { return nil }
        checkKnown(
            fields,
            ["key", "type", "name", "name_language", "kind", "date", "start", "end", "note", "aliases", "attributes",
             "citations", "created_at", "updated_at"], at: path)
        let key = key(fields["key"], at: path + ".key")
        var type: EntityType?
        if let text = string(fields["type"], at: path + ".type", required: true) {
            type = EntityType(rawValue: text)
            if type == nil { problem(path + ".type", "unknown entity type \(quoted(text)); use organization, person, agreement, event or place") }
        }
        var name = string(fields["name"], at: path + ".name", required: true)
        if let text = name, !follows(text, .name, at: path + ".name") { name = nil }
        let date = readDate(fields["date"], at: path + ".date")
        let start = readDate(fields["start"], at: path + ".start")
        let end = readDate(fields["end"], at: path + ".end")
        checkDates(date: date, start: start, end: end, at: path)
        let aliases = list(fields["aliases"], at: path + ".aliases") { $0.readAlias($1, at: $2) }
        var attributes: [String: String] = [:]
        if let attributeFields = optionalObject(fields["attributes"], at: path + ".attributes") {
            for (name, value) in attributeFields {
                if name.isEmpty { problem(path + ".attributes", "an attribute name cannot be empty") }
                if let text = string(value, at: path + ".attributes.\(name)", required: true) { attributes[name] = text }
            }
        }
        let citations = list(fields["citations"], at: path + ".citations") { $0.readCitation($1, at: $2) }
        let note = text(fields["note"], .note, at: path + ".note")
        guard let key, let type, let name else { return nil }
        return EntityRecord(
            key: key, type: type, name: name, nameLanguage: string(fields["name_language"], at: path + ".name_language"),
            kind: string(fields["kind"], at: path + ".kind"), date: date, start: start, end: end,
            note: note, aliases: aliases, attributes: attributes, citations: citations,
            createdAt: string(fields["created_at"], at: path + ".created_at"),
            updatedAt: string(fields["updated_at"], at: path + ".updated_at"))
    }

    mutating func readRelation(_ value: JSONValue, at path: String) -> RelationRecord? {
        guard let fields = object(value, at: path) else { return nil }
        checkKnown(
            fields,
            ["source", "type", "target", "role", "start", "end", "date", "note", "citations", "created_at", "updated_at"], at: path)
        let source = string(fields["source"], at: path + ".source", required: true)
        let type = string(fields["type"], at: path + ".type", required: true)
        let target = string(fields["target"], at: path + ".target", required: true)
        let date = readDate(fields["date"], at: path + ".date")
        let start = readDate(fields["start"], at: path + ".start")
        let end = readDate(fields["end"], at: path + ".end")
        checkDates(date: date, start: start, end: end, at: path)
        let citations = list(fields["citations"], at: path + ".citations") { $0.readCitation($1, at: $2) }
        let role = text(fields["role"], .role, at: path + ".role")
        let note = text(fields["note"], .note, at: path + ".note")
        guard let source, let type, let target else { return nil }
        if source == target { problem(path, "an entity cannot be related to itself (\(source))") }
        return RelationRecord(
            source: source, type: type, target: target, role: role, start: start,
            end: end, date: date, note: note, citations: citations,
            createdAt: string(fields["created_at"], at: path + ".created_at"),
            updatedAt: string(fields["updated_at"], at: path + ".updated_at"))
    }

    mutating func readAlias(_ value: JSONValue, at path: String) -> Alias? {
        guard let fields = object(value, at: path) else { return nil }
        checkKnown(fields, ["name", "language"], at: path)
        guard let name = string(fields["name"], at: path + ".name", required: true), follows(name, .alias, at: path + ".name")
        else { return nil }
        return Alias(name: name, language: string(fields["language"], at: path + ".language"))
    }

    mutating func readCitation(_ value: JSONValue, at path: String) -> CitationRef? {
        guard let fields = object(value, at: path) else { return nil }
        checkKnown(fields, ["source", "quote"], at: path)
        guard let source = string(fields["source"], at: path + ".source", required: true) else { return nil }
        return CitationRef(source: source, quote: string(fields["quote"], at: path + ".quote"))
    }

    // MARK: - Fields

    private mutating func object(_ value: JSONValue, at path: String) -> [String: JSONValue]? {
        if case .object(let fields) = value { return fields }
        problem(path, "expected an object, found \(value.typeName)")
        return nil
    }

    private mutating func optionalObject(_ value: JSONValue?, at path: String) -> [String: JSONValue]? {
        guard let value, value != .null else { return nil }
        return object(value, at: path)
    }

    private mutating func list<T>(_ value: JSONValue?, at path: String, _ read: (inout Self, JSONValue, String) -> T?) -> [T] {
        switch value {
        case nil, .null?: return []
        case .array(let items)?:
            return items.enumerated().compactMap { index, item in read(&self, item, "\(path)[\(index)]") }
        case let other?:
            problem(path, "expected an array, found \(other.typeName)")
            return []
        }
    }

    private mutating func string(_ value: JSONValue?, at path: String, required: Bool = false) -> String? {
        switch value {
        case .string(let text)?:
            if text.utf8.contains(0) {
                problem(path, PartnerGraphError.nulCharacter(field: "text").description)
                return nil
            }
            return text
        case nil, .null?:
            if required { problem(path, "missing; this field is required") }
            return nil
        case let other?:
            problem(path, "expected a string, found \(other.typeName)")
            return nil
        }
    }

    /// Whether `text` follows the ``TextRules`` of `field`; records the problem when not.
    private mutating func follows(_ text: String, _ field: TextRules.Field, at path: String) -> Bool {
        guard let broken = TextRules.problem(in: text, as: field) else { return true }
        problem(path, broken.description)
        return false
    }

    /// An optional string that must follow the ``TextRules`` of `field`.
    private mutating func text(_ value: JSONValue?, _ field: TextRules.Field, at path: String) -> String? {
        guard let text = string(value, at: path) else { return nil }
        return follows(text, field, at: path) ? text : nil
    }

    private mutating func key(_ value: JSONValue?, at path: String) -> String? {
        guard let text = string(value, at: path, required: true) else { return nil }
        do {
            try validateKey(text)
            return text
        } catch {
            problem(path, "\(error)")
            return nil
        }
    }

    private mutating func readDate(_ value: JSONValue?, at path: String) -> PartialDate? {
        guard let text = string(value, at: path) else { return nil }
        do {
            return try PartialDate(text)
        } catch {
            problem(path, "\(error)")
            return nil
        }
    }

    private mutating func entityTypes(_ value: JSONValue?, at path: String) -> [EntityType]? {
        guard case .array(let items)? = value, !items.isEmpty else {
            problem(path, "expected a non-empty array of entity types, e.g. [\"organization\"]")
            return nil
        }
        var types: [EntityType] = []
        for (index, item) in items.enumerated() {
            guard let text = string(item, at: "\(path)[\(index)]", required: true) else { continue }
            guard let type = EntityType(rawValue: text) else {
                problem("\(path)[\(index)]", "unknown entity type \(quoted(text))")
                continue
            }
            types.append(type)
        }
        return types.count == items.count ? types : nil
    }

    private mutating func checkDates(date: PartialDate?, start: PartialDate?, end: PartialDate?, at path: String) {
        do {
            try validateDates(date: date, start: start, end: end)
        } catch {
            problem(path, "\(error)")
        }
    }

    private mutating func checkKnown(_ fields: [String: JSONValue], _ known: Set<String>, at path: String) {
        for name in fields.keys.sorted() where !known.contains(name) {
            problem("\(path).\(name)", "unknown field; expected one of \(known.sorted().joined(separator: ", "))")
        }
    }

    private mutating func checkUnique(_ values: [String], at path: String, what: String) {
        var seen: Set<String> = []
        for value in values where !seen.insert(value).inserted {
            problem(path, "the \(what) \(quoted(value)) appears more than once")
        }
    }
}

extension RelationTypeRecord {
    var relationType: RelationType {
        RelationType(
            name: name, forwardPhrase: forward, inversePhrase: inverse, sourceTypes: sourceTypes, targetTypes: targetTypes,
            symmetric: symmetric, builtin: false, description: description)
    }
}
