/// What ``PartnerGraphStore/check()`` found: SQLite's own checks, then the graph's rules that
/// the schema cannot enforce, each problem with the keys of what it concerns.
///
/// ```swift
/// let report = try store.check()
/// for group in report.groups { print(group.kind.title, group.total) }
/// ```
public struct CheckReport: Codable, Equatable, Sendable {
    /// The database checked.
    public var path: String
    /// What it holds.
    public var counts: GraphCounts
    /// The problems, in the order of ``CheckProblem/Kind``, at most ``problemLimit`` of each kind.
    public var problems: [CheckProblem]
    /// How many problems of each kind there are, listed or not.
    public var totals: [CheckProblem.Kind: Int]

    /// The most problems of one kind a report lists; the rest are counted.
    public static let problemLimit = 1000

    /// Whether nothing is wrong.
    public var isClean: Bool { totals.values.allSatisfy { $0 == 0 } }

    /// The number of problems, listed or not.
    public var problemCount: Int { totals.values.reduce(0, +) }

    /// The problems of one kind.
    public struct Group: Equatable, Sendable {
        /// The kind of problem the group holds.
        public var kind: CheckProblem.Kind
        /// The problems of that kind, as many as the report keeps.
        public var problems: [CheckProblem]
        /// How many there are, when more than ``CheckReport/problemLimit``.
        public var total: Int
    }

    /// The problems grouped by kind, in the order of ``CheckProblem/Kind``; kinds without problems are left out.
    public var groups: [Group] {
        CheckProblem.Kind.allCases.compactMap { kind in
            guard let total = totals[kind], total > 0 else { return nil }
            return Group(kind: kind, problems: problems.filter { $0.kind == kind }, total: total)
        }
    }

    enum CodingKeys: String, CodingKey {
        case path = "database", counts, problems, totals, clean
        case problemCount = "problem_count"
    }

    /// A report of the database at `path`, with its counts, the problems found and how many of each kind there were in all.
    public init(path: String, counts: GraphCounts, problems: [CheckProblem], totals: [CheckProblem.Kind: Int]) {
        self.path = path
        self.counts = counts
        self.problems = problems
        self.totals = totals
    }

    /// Reads a report written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        counts = try container.decode(GraphCounts.self, forKey: .counts)
        problems = try container.decode([CheckProblem].self, forKey: .problems)
        let named = try container.decode([String: Int].self, forKey: .totals)
        totals = Dictionary(uniqueKeysWithValues: named.compactMap { name, total in CheckProblem.Kind(rawValue: name).map { ($0, total) } })
    }

    /// Writes the report as `check --json` prints it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(isClean, forKey: .clean)
        try container.encode(counts, forKey: .counts)
        try container.encode(problemCount, forKey: .problemCount)
        try container.encode(
            Dictionary(uniqueKeysWithValues: totals.filter { $0.value > 0 }.map { ($0.key.rawValue, $0.value) }), forKey: .totals)
        try container.encode(problems, forKey: .problems)
    }
}

/// One thing `check` found wrong.
public struct CheckProblem: Codable, Equatable, Sendable {
    /// The rule a problem breaks. The order is the order of the report: SQLite's checks first,
    /// then the graph's rules.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// SQLite's `PRAGMA integrity_check` reports damage.
        case integrity
        /// `PRAGMA foreign_key_check` finds a row that refers to a missing row (of a table
        /// with no rule of its own below).
        case foreignKey = "foreign_key"
        /// A relation's source or target entity does not exist.
        case relationMissingEntity = "relation_missing_entity"
        /// A relation's type is not in the vocabulary.
        case relationUnknownType = "relation_unknown_type"
        /// A relation joins entity types its relation type does not allow (after a change of
        /// the vocabulary or of an entity's type).
        case relationTypeRule = "relation_type_rule"
        /// A relation goes from an entity to itself.
        case selfRelation = "self_relation"
        /// A symmetric relation is recorded both ways.
        case symmetricDuplicate = "symmetric_duplicate"
        /// A citation's source does not exist.
        case citationMissingSource = "citation_missing_source"
        /// A citation's entity or relation does not exist.
        case citationMissingSubject = "citation_missing_subject"
        /// An alias or attribute belongs to an entity that does not exist.
        case orphanName = "orphan_name"
        /// An entity's alias is another entity's name, of the same type: a look-up by that name finds both.
        case aliasClash = "alias_clash"
        /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, an end before its start, or a
        /// date given with a period.
        case invalidDate = "invalid_date"
        /// A key PartnerGraph would refuse (spaces, punctuation).
        case invalidKey = "invalid_key"
        /// A name whose stored look-up form is not its normalized form: look-ups by it fail.
        case staleLookupName = "stale_lookup_name"
        /// `relation_incoming`, the table incoming traversal reads, differs from `relation`.
        case incomingIndex = "incoming_index"
        /// A relation type that names an entity type that does not exist, or none.
        case vocabulary

        /// The heading of the problems of this kind.
        public var title: String {
            switch self {
            case .integrity: return "SQLite integrity check"
            case .foreignKey: return "Rows that refer to missing rows"
            case .relationMissingEntity: return "Relations whose entity is missing"
            case .relationUnknownType: return "Relations of a type not in the vocabulary"
            case .relationTypeRule: return "Relations that break their type's rules"
            case .selfRelation: return "Relations from an entity to itself"
            case .symmetricDuplicate: return "Symmetric relations recorded both ways"
            case .citationMissingSource: return "Citations of missing sources"
            case .citationMissingSubject: return "Citations of missing entities or relations"
            case .orphanName: return "Aliases and attributes of missing entities"
            case .aliasClash: return "Aliases that are another entity's name"
            case .invalidDate: return "Dates that cannot be read"
            case .invalidKey: return "Keys PartnerGraph would refuse"
            case .staleLookupName: return "Names that look-ups cannot find"
            case .incomingIndex: return "Incoming relations out of step (relation_incoming)"
            case .vocabulary: return "Relation types with unknown entity types"
            }
        }

        /// What to do about problems of this kind.
        public var fix: String {
            switch self {
            case .integrity:
                return "restore a backup (`partnergraph restore FILE --force`), or recover what SQLite can with `sqlite3 DB .recover`"
            case .foreignKey:
                return "delete the rows with sqlite3, or restore a backup"
            case .relationMissingEntity:
                return "delete the relations with sqlite3 (`DELETE FROM relation WHERE id = N`), or restore a backup"
            case .relationUnknownType:
                return "define the type again with `partnergraph vocab add`, or delete the relations with sqlite3"
            case .relationTypeRule:
                return "unlink each (`partnergraph unlink SOURCE TYPE TARGET`) and link it with a type that fits, or add a relation type that allows it (`partnergraph vocab add`)"
            case .selfRelation:
                return "unlink it: `partnergraph unlink KEY TYPE KEY`"
            case .symmetricDuplicate:
                return "keep one of each pair: delete the other with sqlite3 (`DELETE FROM relation WHERE id = N`)"
            case .citationMissingSource:
                return "delete the citations with sqlite3 (`DELETE FROM citation WHERE id = N`) and cite a registered source (`partnergraph source add`)"
            case .citationMissingSubject:
                return "delete the citations with sqlite3 (`DELETE FROM citation WHERE id = N`)"
            case .orphanName:
                return "delete them with sqlite3 (`DELETE FROM alias WHERE entity_id = N`, `DELETE FROM attribute WHERE entity_id = N`)"
            case .aliasClash:
                return "remove the alias (`partnergraph update KEY --remove-alias NAME`), or merge the two entities if they are one"
            case .invalidDate:
                return "give the date again: `partnergraph update KEY --date/--start/--end` for an entity; unlink and link again for a relation"
            case .invalidKey:
                return "keys are letters, digits, '-', '_' and '.'; change it with sqlite3 (`UPDATE entity SET key = 'new-key' WHERE key = 'old key'`)"
            case .staleLookupName:
                return "store the name again: `partnergraph update KEY --rename NAME` for a name, `--remove-alias NAME --add-alias NAME` for an alias"
            case .incomingIndex:
                return "rebuild it with sqlite3: `DELETE FROM relation_incoming; INSERT INTO relation_incoming SELECT target_id, type_id, source_id, id, start_date, end_date, date FROM relation;`"
            case .vocabulary:
                return "correct the type's lists with sqlite3: entity types are organization, person, agreement, event and place, separated by commas"
            }
        }
    }

    /// The rule it breaks.
    public var kind: Kind
    /// What is wrong, in one line, naming the entities by key.
    public var message: String
    /// The keys of the entities it concerns, when they exist.
    public var entities: [String]
    /// The id of the relation it concerns (`#12`), if any.
    public var relation: Int64?
    /// The table and row id SQLite names, for integrity and foreign-key problems.
    public var table: String?
    /// The row of `table` at fault, by its rowid, for problems SQLite reports by row.
    public var row: Int64?

    /// A problem of `kind`, described by `message`, naming the entities, relation, table and row concerned.
    public init(kind: Kind, message: String, entities: [String] = [], relation: Int64? = nil, table: String? = nil, row: Int64? = nil) {
        self.kind = kind
        self.message = message
        self.entities = entities
        self.relation = relation
        self.table = table
        self.row = row
    }
}
