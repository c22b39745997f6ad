import Foundation
import GRDB

/// A fact proposed by `ingest`, waiting for a person to accept, edit or reject it: a new
/// entity, or a relation. One row of the `draft` table.
///
/// Each end of a relation draft is an entity of the graph (by key) or an entity draft of the
/// same article, which accepting the relation creates first.
public struct Draft: Hashable, Sendable, Identifiable {
    /// What a draft proposes: a new entity, or a relation.
    public enum Kind: String, Codable, Sendable { /** `entity` proposes a new entity; `relation`, a relation. */ case entity, relation }
    /// Where a draft is in its review.
    public enum Status: String, Codable, Sendable, CaseIterable { /** `open` waits for review; `accepted` and `rejected` are decided. */ case open, accepted, rejected }

    /// The draft's row id; `nil` until it is inserted.
    public var id: Int64?
    /// The row id of the article it came from.
    public var sourceId: Int64
    /// Whether it proposes an entity or a relation.
    public var kind: Kind
    /// Open until a reviewer accepts or rejects it.
    public var status: Status = .open
    /// For an entity draft, the type of the entity.
    public var entityType: EntityType?
    /// For an entity draft, the entity's name as the article writes it.
    public var name: String?
    /// For an entity draft, the language of ``name`` (`ar`, `en`, `fr`).
    public var nameLanguage: String?
    /// For an entity draft, the entity's kind (`igo`, `state`, `city`), when `ingest` can tell.
    public var entityKind: String?
    /// For an entity draft, its other names: for a place of the ``Gazetteer``, its names in the
    /// other languages.
    public var aliases: [Alias] = []
    /// The key to give the new entity; derived from its name when `nil`.
    public var entityKey: String?
    /// For a relation draft, the name of its relation type (`heads`, `participated_in`).
    public var relationType: String?
    /// For a relation draft, the key of its source entity, when that entity is in the graph.
    public var sourceKey: String?
    /// For a relation draft, the id of the entity draft that is its source, when the source is proposed too.
    public var sourceDraft: Int64?
    /// For a relation draft, the key of its target entity, when that entity is in the graph.
    public var targetKey: String?
    /// For a relation draft, the id of the entity draft that is its target, when the target is proposed too.
    public var targetDraft: Int64?
    /// For a relation draft, the role it records (`Director-General`).
    public var role: String?
    /// The date of the entity (an event's day) or of the relation (when it held).
    public var date: PartialDate?
    /// When the entity or the relation starts.
    public var startDate: PartialDate?
    /// When the entity or the relation ends.
    public var endDate: PartialDate?
    /// The sentence it came from, cited as the quote when it is accepted.
    public var sentence: String
    /// The words that suggested it.
    public var cue: String?
    /// How sure `ingest` is, from 0 to 1.
    public var confidence: Double
    /// Where the words it came from start in the article's text, in Unicode scalars.
    public var textStart: Int?
    /// Where those words end, in Unicode scalars.
    public var textEnd: Int?
    /// The key of the entity accepting it created.
    public var resultKey: String?
    /// The id of the relation accepting it created.
    public var resultRelation: Int64?
    /// When `ingest` proposed it (see ``Timestamp``).
    public var createdAt: String = Timestamp.now()
    /// When it was accepted or rejected; `nil` while it is open.
    public var decidedAt: String?
}

extension Draft: FetchableRecord, MutablePersistableRecord {
    /// The `draft` table.
    public static let databaseTableName = "draft"

    /// Reads a draft from a row of the `draft` table.
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

    /// Writes the draft's columns; its aliases as a JSON array (for an entity draft).
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

    /// Keeps the row id SQLite gave the new draft as its ``id``.
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
        /// The entity's name, or the entity draft's; `KEY (removed)` when the entity has left the graph.
        public var name: String
        /// The entity's type; `nil` when the entity has left the graph.
        public var type: EntityType?
    }

    /// A proposed entity.
    public struct ProposedEntity: Codable, Hashable, Sendable {
        /// The type of the entity it will create.
        public var type: EntityType
        /// The name it will have.
        public var name: String
        /// The key it will get, when a reviewer chose one.
        public var key: String?
        /// The language of ``name``.
        public var language: String?
        /// The entity's kind (`igo`, `state`, `city`).
        public var kind: String?
        /// Its other names.
        public var aliases: [Alias]
        /// Its date, for an event or an agreement.
        public var date: PartialDate?
        /// When it starts.
        public var start: PartialDate?
        /// When it ends.
        public var end: PartialDate?
    }

    /// A proposed relation.
    public struct ProposedRelation: Codable, Hashable, Sendable {
        /// The relation type's name (`heads`).
        public var type: String
        /// How it reads from its source: `heads`, `participated in`.
        public var phrase: String
        /// The relation's source.
        public var from: End
        /// The relation's target.
        public var to: End
        /// The role it records.
        public var role: String?
        /// When it held, as a point in time.
        public var date: PartialDate?
        /// When it starts.
        public var start: PartialDate?
        /// When it ends.
        public var end: PartialDate?
    }

    /// The draft's id, which `review accept`, `review edit` and `review reject` take.
    public var id: Int64
    /// Whether it proposes an entity or a relation.
    public var kind: Draft.Kind
    /// Open, accepted or rejected.
    public var status: Draft.Status
    /// The key of the article it came from.
    public var source: String
    /// How sure `ingest` is, from 0 to 1.
    public var confidence: Double
    /// The words that suggested it.
    public var cue: String?
    /// The sentence it came from, cited as the quote when it is accepted.
    public var sentence: String
    /// What an entity draft proposes; `nil` for a relation draft.
    public var entity: ProposedEntity?
    /// What a relation draft proposes; `nil` for an entity draft.
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
