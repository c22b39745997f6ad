import Foundation
import GRDB

/// A fact proposed by `ingest`, waiting for a person to accept, edit or reject it: a new
/// entity, or a relation. One row of the `draft` table.
///
/// Each end of a relation draft is an entity of the graph (by key) or an entity draft of the
/// same article, which accepting the relation creates first.
public struct Draft: Hashable, Sendable, Identifiable {
    public enum Kind: String, Codable, Sendable { case entity, relation }
    public enum Status: String, Codable, Sendable, CaseIterable { case open, accepted, rejected }

    public var id: Int64?
    /// The row id of the article it came from.
    public var sourceId: Int64
    public var kind: Kind
    public var status: Status = .open
    public var entityType: EntityType?
    public var name: String?
    public var nameLanguage: String?
    public var entityKind: String?
    public var aliases: [Alias] = []
    /// The key to give the new entity; derived from its name when `nil`.
    public var entityKey: String?
    public var relationType: String?
    public var sourceKey: String?
    public var sourceDraft: Int64?
    public var targetKey: String?
    public var targetDraft: Int64?
    public var role: String?
    public var date: PartialDate?
    public var startDate: PartialDate?
    public var endDate: PartialDate?
    /// The sentence it came from, cited as the quote when it is accepted.
    public var sentence: String
    /// The words that suggested it.
    public var cue: String?
    /// How sure `ingest` is, from 0 to 1.
    public var confidence: Double
    public var textStart: Int?
    public var textEnd: Int?
    /// The key of the entity accepting it created.
    public var resultKey: String?
    /// The id of the relation accepting it created.
    public var resultRelation: Int64?
    public var createdAt: String = Timestamp.now()
    public var decidedAt: String?
}

extension Draft: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "draft"

    public init(row: Row) throws {
        id = row["id"]
        sourceId = row["source_id"]
        kind = Kind(rawValue: row["kind"]) ?? .entity
        status = Status(rawValue: row["status"]) ?? .open
        entityType = (row["entity_type"] as String?).flatMap(EntityType.init(rawValue:))
        name = row["name"]
        nameLanguage = row["name_language"]
        entityKind = row["entity_kind"]
        if let json: String = row["aliases"] {
            aliases = (try? JSONDecoder().decode([Alias].self, from: Data(json.utf8))) ?? []
        }
        entityKey = row["entity_key"]
        relationType = row["relation_type"]
        sourceKey = row["source_key"]
        sourceDraft = row["source_draft"]
        targetKey = row["target_key"]
        targetDraft = row["target_draft"]
        role = row["role"]
        date = row["date"]
        startDate = row["start_date"]
        endDate = row["end_date"]
        sentence = row["sentence"]
        cue = row["cue"]
        confidence = row["confidence"]
        textStart = row["text_start"]
        textEnd = row["text_end"]
        resultKey = row["result_key"]
        resultRelation = row["result_relation"]
        createdAt = row["created_at"]
        decidedAt = row["decided_at"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["source_id"] = sourceId
        container["kind"] = kind.rawValue
        container["status"] = status.rawValue
        container["entity_type"] = entityType?.rawValue
        container["name"] = name
        container["name_language"] = nameLanguage
        container["entity_kind"] = entityKind
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        container["aliases"] = kind == .entity ? String(decoding: try encoder.encode(aliases), as: UTF8.self) : nil
        container["entity_key"] = entityKey
        container["relation_type"] = relationType
        container["source_key"] = sourceKey
        container["source_draft"] = sourceDraft
        container["target_key"] = targetKey
        container["target_draft"] = targetDraft
        container["role"] = role
        container["date"] = date
        container["start_date"] = startDate
        container["end_date"] = endDate
        container["sentence"] = sentence
        container["cue"] = cue
        container["confidence"] = confidence
        container["text_start"] = textStart
        container["text_end"] = textEnd
        container["result_key"] = resultKey
        container["result_relation"] = resultRelation
        container["created_at"] = createdAt
        container["decided_at"] = decidedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A draft as `review` shows it: what it proposes, in words, with where it came from.
public struct DraftView: Codable, Hashable, Sendable {
    /// An end of a proposed relation: an entity of the graph, or an entity draft.
    public struct End: Codable, Hashable, Sendable {
        /// The entity's key, when it is in the graph.
        public var key: String?
        /// The entity draft's id, when it is proposed.
        public var draft: Int64?
        public var name: String
        public var type: EntityType?
    }

    /// A proposed entity.
    public struct ProposedEntity: Codable, Hashable, Sendable {
        public var type: EntityType
        public var name: String
        /// The key it will get, when a reviewer chose one.
        public var key: String?
        public var language: String?
        public var kind: String?
        public var aliases: [Alias]
        public var date: PartialDate?
        public var start: PartialDate?
        public var end: PartialDate?
    }

    /// A proposed relation.
    public struct ProposedRelation: Codable, Hashable, Sendable {
        public var type: String
        /// How it reads from its source: `heads`, `participated in`.
        public var phrase: String
        public var from: End
        public var to: End
        public var role: String?
        public var date: PartialDate?
        public var start: PartialDate?
        public var end: PartialDate?
    }

    public var id: Int64
    public var kind: Draft.Kind
    public var status: Draft.Status
    /// The key of the article it came from.
    public var source: String
    public var confidence: Double
    public var cue: String?
    public var sentence: String
    public var entity: ProposedEntity?
    public var relation: ProposedRelation?
    /// For an accepted entity draft, the key of the entity it became.
    public var createdEntity: String?
    /// For an accepted relation draft, the id of the relation it became.
    public var createdRelation: Int64?

    enum CodingKeys: String, CodingKey {
        case id, kind, status, source, confidence, cue, sentence, entity, relation
        case createdEntity = "created_entity"
        case createdRelation = "created_relation"
    }

    /// One line: `#12 relation 0.80 Salim M. AlMalik —heads→ ICESCO as "Director-General"`.
    public var summary: String {
        if let entity {
            var text = "\(entity.type.rawValue) \(entity.name)"
            if let kind = entity.kind { text += " (\(kind))" }
            if !entity.aliases.isEmpty { text += " · also " + entity.aliases.map(\.name).joined(separator: ", ") }
            if let date = entity.date { text += " · \(date)" }
            return text
        }
        guard let relation else { return "" }
        func name(_ end: End) -> String { end.draft.map { "\(end.name) [#\($0)]" } ?? end.name }
        var text = "\(name(relation.from)) —\(relation.phrase)→ \(name(relation.to))"
        if let role = relation.role { text += " as \(quoted(role))" }
        if let date = relation.date { text += " (\(date))" } else if let start = relation.start { text += " (since \(start))" }
        return text
    }
}
