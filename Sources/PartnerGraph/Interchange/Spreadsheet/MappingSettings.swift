import TOMLKit

/// The settings of a ``SpreadsheetMapping`` as one flat table of key paths, so that a TOML file
/// and dotted command-line settings merge key by key before either is interpreted.
struct MappingSettings {
    /// A value as written: TOML gives it a type, a dotted setting is text read by what its key expects.
    enum Value: Equatable {
        case string(String)
        case list([String])
        case bool(Bool)
        /// Text from a dotted setting: a list is written with commas, a Boolean as true or false.
        case text(String)
        /// A TOML value of another type (its type's name), refused where it is read.
        case other(String)

        var string: String? {
            switch self {
            case let .string(text), let .text(text): return text
            default: return nil
            }
        }
    }

    /// The values by key path: `["relation", "values", "associate member"]`.
    private(set) var entries: [[String]: Value] = [:]

    /// Sets the values of `other` over these; an empty dotted setting removes the key.
    mutating func merge(_ other: MappingSettings, origin: String) {
        for (path, value) in other.entries {
            if case .text("") = value {
                entries[path] = nil
            } else {
                entries[path] = value
            }
        }
    }

    /// The TOML text's values; a syntax error or a value of an unreadable shape is a problem.
    static func flatten(toml: String, problems: inout [SpreadsheetMappingError.Problem]) -> MappingSettings {
        var result = MappingSettings()
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            problems.append(.init(key: nil, message: "not valid TOML: \(error.description)", line: error.source.begin.line))
            return result
        } catch {
            problems.append(.init(key: nil, message: "not valid TOML: \(error)"))
            return result
        }
        func walk(_ table: TOMLTable, _ path: [String]) {
            for key in table.keys {
                guard let value = table[key] else { continue }
                let keyPath = path + [key]
                switch value.type {
                case .table:
                    if let inner = value.table { walk(inner, keyPath) }
                case .string:
                    result.entries[keyPath] = .string(value.string ?? "")
                case .bool:
                    result.entries[keyPath] = .bool(value.bool ?? false)
                case .array:
                    let items = value.array.map { Array($0) } ?? []
                    let strings = items.compactMap(\.string)
                    result.entries[keyPath] = strings.count == items.count ? .list(strings) : .other("list of other values than text")
                default:
                    result.entries[keyPath] = .other(value.type.description)
                }
            }
        }
        walk(table, [])
        return result
    }

    /// Dotted settings as key paths; a key that cannot be split is a problem.
    static func parse(_ settings: [String: String]) throws -> MappingSettings {
        var result = MappingSettings()
        var problems: [SpreadsheetMappingError.Problem] = []
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            let path = split(key)
            if path.contains(where: \.isEmpty) {
                problems.append(.init(key: key, message: "a key is names joined by dots, such as source.column"))
                continue
            }
            result.entries[path] = .text(value)
        }
        if !problems.isEmpty { throw SpreadsheetMappingError(origin: "settings", problems: problems) }
        return result
    }

    /// Splits a dotted key; a value of `relation.values` or a language of `alias_columns` takes
    /// the rest of the key, dots and all (`relation.values.st. kitts`), quotes removed.
    static func split(_ key: String) -> [String] {
        var parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 3 && ((parts[0] == "relation" && parts[1] == "values") || parts[1] == "alias_columns") {
            parts = Array(parts[0..<2]) + [parts[2...].joined(separator: ".")]
        }
        if parts.count == 3, let last = parts.last, last.count >= 2, last.first == "\"", last.last == "\"" {
            parts[2] = String(last.dropFirst().dropLast())
        }
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// A key path as one dotted key, quoting a part with dots or spaces: `relation.values."associate member"`.
    static func dotted(_ path: [String]) -> String {
        path.map { part in
            part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } && !part.isEmpty ? part : quoted(part)
        }.joined(separator: ".")
    }

    /// Whether `name` may name a relation type: lowercase ASCII letters, digits and `_`, from a letter.
    static func isValidTypeName(_ name: String) -> Bool {
        name.first.map { $0.isASCII && $0.isLowercase } == true
            && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
            && name.count <= 64
    }

    /// The keys a mapping takes, for "did you mean" (NAME stands for any relation type name).
    static let knownKeys = [
        "delimiter",
        "source.column", "source.type", "source.kind", "source.language", "source.alias_columns.LANGUAGE",
        "target.column", "target.type", "target.kind", "target.language", "target.alias_columns.LANGUAGE",
        "relation.column", "relation.type", "relation.values.VALUE",
        "columns.role", "columns.start", "columns.end", "columns.date", "columns.note",
        "relation_types.NAME.forward", "relation_types.NAME.inverse", "relation_types.NAME.source_types",
        "relation_types.NAME.target_types", "relation_types.NAME.symmetric", "relation_types.NAME.description",
    ]

    static let endFields: Set<String> = ["column", "type", "kind", "language"]
    static let optionalColumns: Set<String> = ["role", "start", "end", "date", "note"]
    static let relationTypeFields: Set<String> = ["forward", "inverse", "source_types", "target_types", "symmetric", "description"]

    /// Whether the mapping takes `path`.
    static func isKnown(_ path: [String]) -> Bool {
        switch path.count {
        case 1: return path[0] == "delimiter"
        case 2:
            switch path[0] {
            case "source", "target": return endFields.contains(path[1])
            case "relation": return path[1] == "column" || path[1] == "type"
            case "columns": return optionalColumns.contains(path[1])
            default: return false
            }
        case 3:
            switch path[0] {
            case "source", "target": return path[1] == "alias_columns"
            case "relation": return path[1] == "values"
            case "relation_types": return relationTypeFields.contains(path[2])
            default: return false
            }
        default: return false
        }
    }

    /// Interprets the settings, collecting every problem.
    struct Reader {
        let values: MappingSettings
        var problems: [SpreadsheetMappingError.Problem] = []

        mutating func problem(_ path: [String], _ message: String) {
            problems.append(.init(key: MappingSettings.dotted(path), message: message))
        }

        /// Refuses every key the mapping does not take, suggesting the nearest it does.
        mutating func checkKeys() {
            for path in values.entries.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !MappingSettings.isKnown(path) {
                let key = MappingSettings.dotted(path)
                // Compare with the known keys, their placeholders filled in from the key itself.
                let candidates = MappingSettings.knownKeys.map { known -> String in
                    var parts = known.split(separator: ".").map(String.init)
                    if parts.first == "relation_types" && path.count >= 2 { parts[1] = path[1] }
                    if parts.count == 3 && (parts[2] == "VALUE" || parts[2] == "LANGUAGE") && path.count == 3 { parts[2] = path[2] }
                    return parts.joined(separator: ".")
                }
                let best = candidates
                    .compactMap { candidate in
                        EntityResolver.editDistance(Array(candidate), Array(key), limit: 3).map { (candidate, $0) }
                    }
                    .min { $0.1 < $1.1 }
                if let best {
                    problem(path, "unknown key; did you mean \(best.0)?")
                } else {
                    problem(path, "unknown key; the keys are " + MappingSettings.knownKeys.joined(separator: ", "))
                }
            }
        }

        /// The text at `path`; `nil` when absent or blank.
        mutating func string(_ path: [String]) -> String? {
            guard let value = values.entries[path] else { return nil }
            guard let text = value.string else {
                problem(path, "expected text in quotes, e.g. \(MappingSettings.dotted([path.last!])) = \"…\"")
                return nil
            }
            // A delimiter may be a tab, which trimming would remove.
            if path == ["delimiter"] { return text.isEmpty ? nil : text }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }

        mutating func list(_ path: [String]) -> [String]? {
            switch values.entries[path] {
            case nil: return nil
            case let .list(items): return items
            case let .text(text), let .string(text):
                return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            default:
                problem(path, "expected a list of text, e.g. [\"organization\"]")
                return nil
            }
        }

        mutating func bool(_ path: [String]) -> Bool? {
            switch values.entries[path] {
            case nil: return nil
            case let .bool(value): return value
            case let .text(text) where ["true", "false"].contains(text.lowercased()): return text.lowercased() == "true"
            default:
                problem(path, "expected true or false")
                return nil
            }
        }

        /// The entries one level under `prefix`, by their last key.
        func table(_ prefix: [String]) -> [String: Value] {
            var result: [String: Value] = [:]
            for (path, value) in values.entries where path.count == prefix.count + 1 && Array(path.prefix(prefix.count)) == prefix {
                result[path.last!] = value
            }
            return result
        }

        mutating func entityType(_ path: [String], required: Bool) -> EntityType? {
            guard let text = string(path) else {
                if required {
                    problem(path, "missing: give the entity type of the column, one of: \(EntityType.spellings)")
                }
                return nil
            }
            guard let type = EntityType(parsing: text) else {
                problem(path, "unknown entity type \(quoted(text)); use one of: \(EntityType.spellings)")
                return nil
            }
            return type
        }

        mutating func end(_ name: String) -> SpreadsheetMapping.End {
            let column = string([name, "column"])
            if column == nil {
                problem(
                    [name, "column"],
                    "missing: name the column that holds each relation's \(name), e.g. [\(name)] column = \"\(name == "source" ? "country" : "organization")\"")
            }
            let type = entityType([name, "type"], required: true)
            var aliases: [String: String] = [:]
            for language in table([name, "alias_columns"]).keys.sorted() {
                let path = [name, "alias_columns", language]
                guard let column = string(path) else { continue }
                if !language.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) {
                    problem(path, "\(quoted(language)) is not a language tag; use one such as ar, en or fr")
                    continue
                }
                aliases[language] = column
            }
            return .init(
                column: column ?? "", type: type ?? .organization, kind: string([name, "kind"]), language: string([name, "language"]),
                aliasColumns: aliases)
        }

        mutating func relationTypes() -> [RelationTypeRecord] {
            let names = Set(values.entries.keys.filter { $0.count == 3 && $0[0] == "relation_types" }.map { $0[1] })
            var result: [RelationTypeRecord] = []
            for name in names.sorted() {
                let base = ["relation_types", name]
                if !MappingSettings.isValidTypeName(name) {
                    problem(base, PartnerGraphError.invalidRelationTypeName(name).description)
                    continue
                }
                let forward = string(base + ["forward"])
                let inverse = string(base + ["inverse"])
                for (field, value) in [("forward", forward), ("inverse", inverse)] where value == nil {
                    problem(
                        base + [field],
                        "missing: say how the relation reads \(field == "forward" ? "from source to target, e.g. \"associate member of\"" : "from target to source, e.g. \"has associate member\"")")
                }
                var typeLists: [[EntityType]] = []
                for field in ["source_types", "target_types"] {
                    let path = base + [field]
                    guard let texts = list(path), !texts.isEmpty else {
                        problem(path, "missing: list the entity types at that end, e.g. [\"organization\"]")
                        continue
                    }
                    var types: [EntityType] = []
                    for text in texts {
                        if let type = EntityType(parsing: text) {
                            if !types.contains(type) { types.append(type) }
                        } else {
                            problem(path, "unknown entity type \(quoted(text)); use one of: \(EntityType.spellings)")
                        }
                    }
                    typeLists.append(types)
                }
                let symmetric = bool(base + ["symmetric"]) ?? false
                guard let forward, let inverse, typeLists.count == 2, !typeLists[0].isEmpty, !typeLists[1].isEmpty else { continue }
                if symmetric && Set(typeLists[0]) != Set(typeLists[1]) {
                    problem(base + ["symmetric"], "a symmetric relation joins the same entity types at both ends; make source_types and target_types the same")
                    continue
                }
                result.append(
                    RelationTypeRecord(
                        name: name, forward: forward, inverse: inverse, sourceTypes: typeLists[0], targetTypes: typeLists[1],
                        symmetric: symmetric, description: string(base + ["description"])))
            }
            return result
        }
    }
}
