import Foundation

/// The attribute columns that the GraphML and GEXF writers share, declared up front from the
/// ``ExportHeader`` and filled node by node.
///
/// Column names are the same in both formats and are what ``GraphMLReader`` reads back:
/// `key`, `type`, `kind`, `name`, `name_language`, `name_<lang>` (one per alias language, the
/// names joined by a line feed; `name_und` for aliases without a language), `date`, `start`,
/// `end`, `note`, `attr_<key>` (one per free attribute, the key kept exactly) and `sources`
/// (the cited source keys, joined by a space).
struct XMLExportColumns {
    /// The alias languages declared, in the header's (sorted) order, with their column index.
    let languages: [String: Int]
    /// The free attribute keys declared, in the header's (sorted) order, with their column index.
    let attributes: [String: Int]

    init(header: ExportHeader) {
        languages = Dictionary(header.aliasLanguages.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        attributes = Dictionary(header.attributeKeys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The column name of an alias language.
    static func nameColumn(language: String) -> String { "name_" + language }

    /// The column name of a free attribute.
    static func attributeColumn(key: String) -> String { "attr_" + key }

    /// A node's aliases by language, in the order the languages were declared, each language's
    /// names in recorded order and joined by a line feed.
    ///
    /// - Throws: ``XMLExportError/undeclaredAliasLanguage(_:entity:)`` when the header did not
    ///   announce a language the node uses.
    func aliasColumns(of node: ExportNode) throws -> [(index: Int, names: String)] {
        guard !node.aliases.isEmpty else { return [] }
        var names: [Int: [String]] = [:]
        for alias in node.aliases {
            let language = alias.language ?? ExportNode.unknownLanguage
            guard let index = languages[language] else {
                throw XMLExportError.undeclaredAliasLanguage(language, entity: node.key)
            }
            names[index, default: []].append(alias.name)
        }
        return names.keys.sorted().map { ($0, names[$0]!.joined(separator: "\n")) }
    }

    /// A node's free attributes with their column index, in declared order.
    ///
    /// - Throws: ``XMLExportError/undeclaredAttribute(_:entity:)`` when the header did not
    ///   announce a key the node uses.
    func attributeColumns(of node: ExportNode) throws -> [(index: Int, value: String)] {
        try node.attributes.map { attribute in
            guard let index = attributes[attribute.key] else {
                throw XMLExportError.undeclaredAttribute(attribute.key, entity: node.key)
            }
            return (index, attribute.value)
        }.sorted { $0.index < $1.index }
    }

    /// The keys of the cited sources, each once, joined by a space; `nil` when none.
    static func sources(_ citations: [CitationRef]) -> String? {
        guard !citations.isEmpty else { return nil }
        var keys: [String] = []
        for citation in citations where !keys.contains(citation.source) {
            keys.append(citation.source)
        }
        return keys.joined(separator: " ")
    }
}

/// Why an XML export (GraphML, GEXF) stopped: the exporter gave a node something its header
/// had not announced, and these formats declare every attribute before the first node.
public enum XMLExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A node has an alias in a language missing from ``ExportHeader/aliasLanguages``.
    case undeclaredAliasLanguage(String, entity: String)
    /// A node has a free attribute missing from ``ExportHeader/attributeKeys``.
    case undeclaredAttribute(String, entity: String)

    /// The message, which names the entity and the undeclared value.
    public var description: String {
        switch self {
        case let .undeclaredAliasLanguage(language, entity):
            return "the entity \"\(entity)\" has an alias in the language \"\(language)\", which the export header "
                + "does not list; this is a bug of the exporter: the header must list every alias language"
        case let .undeclaredAttribute(key, entity):
            return "the entity \"\(entity)\" has the attribute \"\(key)\", which the export header does not list; "
                + "this is a bug of the exporter: the header must list every attribute key"
        }
    }
}

extension PartialDate {
    /// The first day the date covers, written `YYYY-MM-DD`: `2024` → `2024-01-01`.
    var firstDay: String {
        let (year, month, day) = lowerBound
        return PartialDate(year: year, month: month, day: day).description
    }

    /// The last day the date covers, written `YYYY-MM-DD`: `2024` → `2024-12-31`,
    /// `2024-02` → `2024-02-29`.
    var lastDay: String {
        let (year, month, day) = upperBound
        return PartialDate(year: year, month: month, day: day).description
    }
}

extension XMLExportColumns {
    /// The graph-level attribute of a GraphML export that describes the database's sources, as a
    /// JSON list of `{"key", "title", "publisher", "url", "published", "language"}`: the
    /// `sources` of nodes and edges name them by key, and an import into another database
    /// creates those it lacks.
    static let sourceDocuments = "source_documents"

    /// The sources as that JSON list (without their texts), keys sorted, one line.
    static func sourceDocumentsJSON(_ sources: [Source]) -> String {
        let records = sources.map {
            SourceRecord(
                key: $0.key, title: $0.title, publisher: $0.publisher, url: $0.url, published: $0.published,
                language: $0.language, text: nil, createdAt: nil, updatedAt: nil)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(records), as: UTF8.self)) ?? "[]"
    }
}
