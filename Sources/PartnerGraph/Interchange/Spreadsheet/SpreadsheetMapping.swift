import Foundation

/// How the columns of a spreadsheet of links, one row per relation, become relations of the graph.
///
/// A mapping is a small TOML file, or the same keys in dotted form (`source.column=country`),
/// or both: dotted settings are merged over the file's values, and an empty value removes the
/// file's value (`relation.column=` lets `relation.type` take its place).
///
/// ```toml
/// delimiter = ","                 # optional: ",", ";" or "\t" (also "comma", "semicolon", "tab")
///
/// [source]
/// column = "country"              # the column naming each relation's source entity
/// type = "organization"           # its entity type: organization, person, agreement, event, place
/// kind = "state"                  # optional: the kind given to entities this import creates
/// language = "en"                 # optional: the language of the names in the column
/// alias_columns = { ar = "country_ar" }  # optional: columns of aliases, by language
///
/// [target]
/// column = "organization"
/// type = "organization"
/// kind = "igo"
///
/// [relation]
/// column = "status"               # a column whose values name the relation; or
/// # type = "member_of"            # one relation type for every row (not both)
///
/// [relation.values]               # with `column`: each value and the relation type it means
/// "member" = "member_of"          # (matched ignoring case and runs of spaces)
/// "observer" = "observer_of"
/// "associate member" = "associate_member_of"
///
/// [columns]                       # optional columns of the relation
/// role = "role"
/// start = "joined"                # dates: YYYY, YYYY-MM or YYYY-MM-DD
/// end = "left"
/// date = "date"
/// note = "note"
///
/// [relation_types.associate_member_of]   # vocabulary the mapping adds, if the database lacks it
/// forward = "associate member of"
/// inverse = "has associate member"
/// source_types = ["organization"]
/// target_types = ["organization"]
/// symmetric = false               # optional
/// description = "…"               # optional
/// ```
///
/// Without `[relation.values]`, the relation column holds relation type names themselves
/// (`member_of`, `Observer of`). Column names match the header trimmed and in any case.
/// Unknown keys are refused with the key's name, so a typo never passes unnoticed.
public struct SpreadsheetMapping: Equatable, Sendable {
    /// The byte between two cells of a row.
    public enum Delimiter: String, Equatable, Sendable, CaseIterable {
        /// `,`, as most spreadsheets export.
        case comma = ","
        /// `;`, as spreadsheets do where the comma is the decimal separator.
        case semicolon = ";"
        /// A tab, for tab-separated values.
        case tab = "\t"

        /// The delimiter as one byte, for the reader.
        var byte: UInt8 { UInt8(ascii: rawValue.unicodeScalars.first!) }
    }

    /// One end of the relations: the column that names it and what its entities are.
    public struct End: Equatable, Sendable {
        /// The header name of the column naming the entity.
        public var column: String
        /// The type of the entities the column names; an existing entity of another type is a problem.
        public var type: EntityType
        /// The kind given to entities this import creates (`state`, `igo`).
        public var kind: String?
        /// The language of the names in the column, given to entities this import creates.
        public var language: String?
        /// Columns of aliases of the entity, by language tag: `["ar": "country_ar"]`.
        public var aliasColumns: [String: String]

        /// An end read from the column with header `column`, naming entities of type `type`.
        public init(column: String, type: EntityType, kind: String? = nil, language: String? = nil, aliasColumns: [String: String] = [:]) {
            self.column = column
            self.type = type
            self.kind = kind
            self.language = language
            self.aliasColumns = aliasColumns
        }
    }

    /// Where a row's relation type comes from.
    public enum Relation: Equatable, Sendable {
        /// Every row states a relation of this type.
        case fixed(String)
        /// The named column gives each row's type: through `values` (a cell value → a relation
        /// type name), or, when `values` is empty, as a relation type name itself.
        case column(String, values: [String: String])
    }

    /// The byte between two cells; `,` by default.
    public var delimiter: Delimiter
    /// The column that names each relation's source entity.
    public var source: End
    /// The column that names each relation's target entity.
    public var target: End
    /// Where each row's relation type comes from.
    public var relation: Relation
    /// The optional columns of the relation, by header name.
    public var roleColumn: String?
    /// The column of each relation's start date.
    public var startColumn: String?
    /// The column of each relation's end date.
    public var endColumn: String?
    /// The column of each relation's date, as a point in time.
    public var dateColumn: String?
    /// The column of each relation's note.
    public var noteColumn: String?
    /// The relation types the mapping defines, by name; those the database lacks are added.
    public var relationTypes: [RelationTypeRecord]
    /// Where the mapping came from (a file name, or `settings`), for messages.
    public var origin: String

    /// Reads a mapping file, with `settings` merged over its values.
    ///
    /// - Parameters:
    ///   - path: the TOML file.
    ///   - settings: dotted keys and values, such as `["source.column": "country"]`; see ``settings(parsing:)``.
    /// - Throws: ``PartnerGraphError/fileNotReadable(path:reason:)``, or ``SpreadsheetMappingError``
    ///   listing every problem of the mapping.
    public init(contentsOf path: String, settings: [String: String] = [:]) throws {
        let data = try FileAccess.contents(of: path, expected: "a TOML mapping file")
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpreadsheetMappingError(origin: path, problems: [.init(key: nil, message: "the file is not UTF-8 text; save it as UTF-8")])
        }
        try self.init(toml: text, file: path, settings: settings)
    }

    /// Parses a mapping from TOML text, with `settings` merged over its values.
    ///
    /// ```swift
    /// let mapping = try SpreadsheetMapping(toml: text, file: "memberships.toml", settings: ["target.kind": "igo"])
    /// ```
    ///
    /// - Parameters:
    ///   - toml: the text of the mapping.
    ///   - file: the file's name, for messages.
    ///   - settings: dotted keys and values merged over the file's; an empty value removes the key.
    /// - Throws: ``SpreadsheetMappingError`` for a TOML syntax error or any problem of the mapping.
    public init(toml: String, file: String, settings: [String: String] = [:]) throws {
        var problems: [SpreadsheetMappingError.Problem] = []
        var values = MappingSettings.flatten(toml: toml, problems: &problems)
        if !problems.isEmpty { throw SpreadsheetMappingError(origin: file, problems: problems) }
        values.merge(try MappingSettings.parse(settings), origin: file)
        try self.init(values, origin: file)
    }

    /// Builds a mapping from dotted keys alone, as given on the command line.
    ///
    /// ```swift
    /// let mapping = try SpreadsheetMapping(settings: [
    ///     "source.column": "country", "source.type": "organization",
    ///     "target.column": "organization", "target.type": "organization", "relation.type": "member_of",
    /// ])
    /// ```
    ///
    /// Lists (`relation_types.NAME.source_types`) are written with commas, `organization,person`;
    /// a value of `relation.values` takes the rest of the key, dots included
    /// (`relation.values.associate member=associate_member_of`).
    ///
    /// - Throws: ``SpreadsheetMappingError`` listing every problem.
    public init(settings: [String: String]) throws {
        var values = MappingSettings()
        values.merge(try MappingSettings.parse(settings), origin: "settings")
        try self.init(values, origin: "settings")
    }

    /// Splits `KEY=VALUE` assignments (as given to repeated `--set` flags) into settings.
    ///
    /// - Throws: ``SpreadsheetMappingError`` for an assignment without `=` or a key given twice
    ///   with different values.
    public static func settings(parsing assignments: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        var problems: [SpreadsheetMappingError.Problem] = []
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                problems.append(.init(key: assignment, message: "write a setting as KEY=VALUE, e.g. source.column=country"))
                continue
            }
            let key = assignment[..<equals].trimmingCharacters(in: .whitespaces)
            let value = String(assignment[assignment.index(after: equals)...])
            if let earlier = result[key], earlier != value {
                problems.append(.init(key: key, message: "given twice, as \(quoted(earlier)) and \(quoted(value)); keep one"))
            }
            result[key] = value
        }
        if !problems.isEmpty { throw SpreadsheetMappingError(origin: "settings", problems: problems) }
        return result
    }

    /// The relation type a cell of the relation column means, or `nil` when the mapping has no
    /// entry for it. Values compare after ``NameNormalizer`` folding: case and runs of spaces
    /// do not count.
    public func relationType(forValue value: String) -> String? {
        switch relation {
        case let .fixed(type):
            return type
        case let .column(_, values):
            if values.isEmpty {
                let name = RelationType.canonicalName(value)
                return MappingSettings.isValidTypeName(name) ? name : nil
            }
            return valueTable[NameNormalizer.normalize(value)]
        }
    }

    /// `relation.values` by normalized value.
    private var valueTable: [String: String] = [:]

    /// Two mappings are equal when they read the same columns into the same relations, wherever
    /// they came from (``origin`` is not compared).
    public static func == (lhs: SpreadsheetMapping, rhs: SpreadsheetMapping) -> Bool {
        lhs.delimiter == rhs.delimiter && lhs.source == rhs.source && lhs.target == rhs.target && lhs.relation == rhs.relation
            && lhs.roleColumn == rhs.roleColumn && lhs.startColumn == rhs.startColumn && lhs.endColumn == rhs.endColumn
            && lhs.dateColumn == rhs.dateColumn && lhs.noteColumn == rhs.noteColumn && lhs.relationTypes == rhs.relationTypes
    }

    /// Validates the merged settings and builds the mapping.
    private init(_ values: MappingSettings, origin: String) throws {
        var reader = MappingSettings.Reader(values: values)
        self.origin = origin
        reader.checkKeys()

        let delimiterText = reader.string(["delimiter"]) ?? ","
        switch delimiterText.lowercased() {
        case ",", "comma": delimiter = .comma
        case ";", "semicolon": delimiter = .semicolon
        case "\t", "\\t", "tab": delimiter = .tab
        default:
            reader.problem(["delimiter"], "\(quoted(delimiterText)) is not a delimiter this import reads; use \",\", \";\" or \"\\t\"")
            delimiter = .comma
        }

        source = reader.end("source")
        target = reader.end("target")

        let column = reader.string(["relation", "column"])
        let fixed = reader.string(["relation", "type"])
        let valueEntries = reader.table(["relation", "values"])
        var valueTable: [String: String] = [:]
        switch (column, fixed) {
        case let (column?, nil):
            var values: [String: String] = [:]
            var byNormalized: [String: (value: String, type: String)] = [:]
            for (value, setting) in valueEntries.sorted(by: { $0.key < $1.key }) {
                let path = ["relation", "values", value]
                guard let text = reader.string(path) ?? setting.string else { continue }
                let name = RelationType.canonicalName(text)
                guard MappingSettings.isValidTypeName(name) else {
                    reader.problem(path, PartnerGraphError.invalidRelationTypeName(text).description)
                    continue
                }
                let normalized = NameNormalizer.normalize(value)
                if normalized.isEmpty {
                    reader.problem(path, "a value of the relation column cannot be blank")
                    continue
                }
                if let earlier = byNormalized[normalized], earlier.type != name {
                    reader.problem(
                        path,
                        "\(quoted(value)) and \(quoted(earlier.value)) are the same value (case and spaces do not count) but name different types, \(name) and \(earlier.type); keep one")
                    continue
                }
                byNormalized[normalized] = (value, name)
                values[value] = name
                valueTable[normalized] = name
            }
            relation = .column(column, values: values)
        case let (nil, type?):
            let name = RelationType.canonicalName(type)
            if !MappingSettings.isValidTypeName(name) {
                reader.problem(["relation", "type"], PartnerGraphError.invalidRelationTypeName(type).description)
            }
            if !valueEntries.isEmpty {
                reader.problem(
                    ["relation", "values"],
                    "values map a relation column, but relation.type gives one type for every row; give relation.column instead of relation.type, or remove [relation.values]")
            }
            relation = .fixed(name)
        case (_?, _?):
            reader.problem(
                ["relation"],
                "give relation.column (a column naming each row's relation) or relation.type (one type for every row), not both; an empty setting (relation.column=) removes a file's value")
            relation = .fixed("")
        case (nil, nil):
            reader.problem(
                ["relation"],
                "missing: give relation.column (a column naming each row's relation, e.g. \"status\") or relation.type (one type for every row, e.g. \"member_of\")")
            relation = .fixed("")
        }

        roleColumn = reader.string(["columns", "role"])
        startColumn = reader.string(["columns", "start"])
        endColumn = reader.string(["columns", "end"])
        dateColumn = reader.string(["columns", "date"])
        noteColumn = reader.string(["columns", "note"])
        relationTypes = reader.relationTypes()
        self.valueTable = valueTable

        if !reader.problems.isEmpty {
            throw SpreadsheetMappingError(origin: origin, problems: reader.problems)
        }
    }

    /// Every column the mapping reads, with the key that names it, in a fixed order.
    var namedColumns: [(key: String, column: String)] {
        var result = [("source.column", source.column), ("target.column", target.column)]
        if case let .column(column, _) = relation { result.append(("relation.column", column)) }
        let optional: [(String, String?)] = [
            ("columns.role", roleColumn), ("columns.start", startColumn), ("columns.end", endColumn),
            ("columns.date", dateColumn), ("columns.note", noteColumn),
        ]
        for case let (key, column?) in optional { result.append((key, column)) }
        for (end, name) in [(source, "source"), (target, "target")] {
            for (language, column) in end.aliasColumns.sorted(by: { $0.key < $1.key }) {
                result.append(("\(name).alias_columns.\(language)", column))
            }
        }
        return result
    }
}

/// Why a spreadsheet mapping was refused: every problem, each naming the key and the fix.
public struct SpreadsheetMappingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One problem, at a dotted key such as `source.colum`.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        /// The dotted key, or `nil` for a problem of the whole file.
        public var key: String?
        /// What is wrong, and how to fix it.
        public var message: String
        /// The line of the file, for a TOML syntax error.
        public var line: Int?

        /// A problem at a dotted key (`source.colum`), or of the whole file when `key` is `nil`.
        public init(key: String?, message: String, line: Int? = nil) {
            self.key = key
            self.message = message
            self.line = line
        }

        /// The problem as `line LINE: KEY: MESSAGE`, each part when known.
        public var description: String {
            (line.map { "line \($0): " } ?? "") + (key.map { "\($0): " } ?? "") + message
        }
    }

    /// The mapping's file name, or `settings`.
    public var origin: String
    /// Every problem of the mapping.
    public var problems: [Problem]

    /// An error listing `problems` of the mapping from `origin`.
    public init(origin: String, problems: [Problem]) {
        self.origin = origin
        self.problems = problems
    }

    /// The message: every problem, and that nothing was imported.
    public var description: String {
        if problems.count == 1 { return "the mapping \(origin) is not valid: \(problems[0]). Nothing was imported." }
        return "the mapping \(origin) has \(problems.count) problems:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
            + "\nNothing was imported."
    }
}
