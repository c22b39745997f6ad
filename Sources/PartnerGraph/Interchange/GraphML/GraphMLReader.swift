import Foundation

/// Reads a GraphML file written by PartnerGraph, Gephi, yEd, networkx or igraph into an
/// ``InterchangeDocument`` for import.
///
/// ```swift
/// let reader = GraphMLReader(defaultType: .organization, defaultRelation: "partner_of", vocabulary: vocabulary)
/// let document = try reader.read(data, file: "partners.graphml")
/// ```
///
/// Nodes become entities:
/// - key: the `key` attribute, else the node id when it is a valid key, else a slug of the name;
/// - name: `name`, else `label` (Gephi), else the text of yEd's `y:NodeLabel`, else the node id;
/// - type: `type` when it names an ``EntityType``, else `defaultType`; a `type` that names none
///   is kept as the attribute `type`;
/// - `kind`, `name_language`, `note`; `date`, `start`, `end` as ``PartialDate``s;
/// - `name_<lang>` are aliases, one per line (`name_und`: no language); `sources` are citations
///   (source keys separated by spaces);
/// - every other attribute becomes a free attribute, `attr_foo` as `foo`, as text; the layout
///   attributes `x`, `y`, `z`, `size`, `r`, `g`, `b` and `viz` are dropped, and so is `label`
///   when it repeats the name.
///
/// Edges become relations: the type is the first of `type`, `relation`, `label` and yEd's
/// `y:EdgeLabel` that names a relation type of the vocabulary (compared as
/// ``RelationType/canonicalName(_:)``), else `defaultRelation`; `role`, `note`, `date`, `start`,
/// `end` and `sources` as for nodes. Other edge attributes (networkx's `weight`) have nowhere
/// to go and are dropped. An undirected edge (`edgedefault="undirected"`, `directed="false"`)
/// has no direction: it is turned round when only the other way fits the relation type's entity
/// types (`heads` goes from a person to an organization), else kept as written.
///
/// A field absent from the file is `nil` (or empty) in the document. All problems are collected
/// and thrown together as one ``GraphMLImportError``; nothing is returned then.
///
/// Entities, external entities and document type declarations are refused outright
/// (``GraphMLImportError/documentTypeDeclaration(file:line:)``): GraphML needs none, and they are
/// how XML reads local files (XXE) or grows without end ("billion laughs").
public struct GraphMLReader: Sendable {
    /// The entity type of nodes without a `type` attribute naming one.
    public var defaultType: EntityType?
    /// The relation type of edges without a `type`, `relation` or `label` naming one.
    public var defaultRelation: String?
    /// The relation types an edge may name.
    public var vocabulary: [RelationType]

    /// A reader.
    ///
    /// - Parameters:
    ///   - defaultType: the entity type of nodes whose file gives none (`--default-type`).
    ///   - defaultRelation: the relation type of edges whose file gives none (`--default-relation`).
    ///   - vocabulary: the relation types of the database.
    public init(defaultType: EntityType? = nil, defaultRelation: String? = nil, vocabulary: [RelationType]) {
        self.defaultType = defaultType
        self.defaultRelation = defaultRelation
        self.vocabulary = vocabulary
    }

    /// Attributes that only place or paint a node (Gephi's GraphML export writes them).
    static let layoutAttributes: Set<String> = ["x", "y", "z", "size", "r", "g", "b", "viz"]

    /// Reads a GraphML document.
    ///
    /// - Parameters:
    ///   - data: the file's bytes, UTF-8.
    ///   - file: the file's name, for messages.
    /// - Returns: the entities, sorted by key, and the relations, in file order; no sources.
    /// - Throws: ``GraphMLImportError``, listing every problem with its line.
    public func read(_ data: Data, file: String) throws -> InterchangeDocument {
        let relationTypes = Dictionary(vocabulary.map { (RelationType.canonicalName($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        var fallbackRelation: RelationType?
        if let defaultRelation {
            guard let type = relationTypes[RelationType.canonicalName(defaultRelation)] else {
                throw GraphMLImportError.unknownDefaultRelation(defaultRelation, known: vocabulary.map(\.name).sorted())
            }
            fallbackRelation = type
        }
        try XMLPrologCheck.check(data, file: file)

        let parser = GraphMLParser()
        let failure = parser.parse(data)
        switch parser.refusal {
        case .notGraphML(let root)?: throw GraphMLImportError.notGraphML(file: file, root: root)
        case .declaration(let line)?: throw GraphMLImportError.documentTypeDeclaration(file: file, line: line)
        case nil: break
        }
        var problems = GraphMLProblemList(file: file)
        for (line, message) in parser.problems {
            problems.add(line, message)
        }
        if let failure {
            problems.add(
                failure.line, column: failure.column,
                "the XML is not well formed: \(XMLErrorWords.describe(failure.code)); correct the file "
                    + "(`xmllint --noout FILE` shows the spot)")
            throw problems.error
        }
        if !parser.sawGraph {
            problems.add(1, "the file has no <graph> element; export the graph again as GraphML")
        }

        var mapping = GraphMLMapping(
            raw: parser.graph, defaultType: defaultType, relationTypes: relationTypes,
            fallbackRelation: fallbackRelation, problems: problems)
        let document = mapping.document()
        if mapping.problems.count > 0 { throw mapping.problems.error }
        return document
    }
}

/// Problems of one file, the first ``GraphMLImportError/listedProblems`` of them kept.
struct GraphMLProblemList {
    let file: String
    private(set) var problems: [GraphMLImportError.Problem] = []
    private(set) var count = 0

    init(file: String) {
        self.file = file
    }

    mutating func add(_ line: Int, column: Int? = nil, _ message: String) {
        count += 1
        if problems.count < GraphMLImportError.listedProblems {
            problems.append(GraphMLImportError.Problem(file: file, line: line, column: column, message: message))
        }
    }

    var error: GraphMLImportError {
        .invalidFile(file: file, problems: problems.sorted { $0.line < $1.line }, count: count)
    }
}
