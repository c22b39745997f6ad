import GRDB

/// A kind of relation in the vocabulary: its name, how it reads each way, and which entity
/// types it may join.
///
/// The vocabulary lives in the database: the schema seeds the built-in types and users add
/// their own with `partnergraph vocab add`.
///
/// ```
/// heads: person → organization, "heads" / "headed by"
/// ```
public struct RelationType: Codable, Hashable, Sendable {
    /// The name used in commands: `heads`, `observer_of`.
    public var name: String
    /// How the relation reads from source to target: `heads`.
    public var forwardPhrase: String
    /// How it reads from target to source: `headed by`.
    public var inversePhrase: String
    /// The entity types the source may have.
    public var sourceTypes: [EntityType]
    /// The entity types the target may have.
    public var targetTypes: [EntityType]
    /// Whether the relation means the same both ways (`partner_of`).
    public var symmetric: Bool
    /// Whether the schema defines it (built-in types are not exported and cannot be changed).
    public var builtin: Bool
    /// What the relation means, for people choosing a type.
    public var description: String?

    enum CodingKeys: String, CodingKey {
        case name, symmetric, builtin, description
        case forwardPhrase = "forward_phrase"
        case inversePhrase = "inverse_phrase"
        case sourceTypes = "source_types"
        case targetTypes = "target_types"
    }

    /// A relation type; ``PartnerGraphStore/addRelationType(_:)`` adds one to the vocabulary.
    ///
    /// ```swift
    /// let funds = RelationType(name: "funds", forwardPhrase: "funds", inversePhrase: "funded by",
    ///                          sourceTypes: [.organization], targetTypes: [.event, .agreement])
    /// ```
    public init(
        name: String, forwardPhrase: String, inversePhrase: String, sourceTypes: [EntityType],
        targetTypes: [EntityType], symmetric: Bool = false, builtin: Bool = false, description: String? = nil
    ) {
        self.name = name
        self.forwardPhrase = forwardPhrase
        self.inversePhrase = inversePhrase
        self.sourceTypes = sourceTypes
        self.targetTypes = targetTypes
        self.symmetric = symmetric
        self.builtin = builtin
        self.description = description
    }

    /// Whether a relation of this type may go from an entity of type `source` to one of type `target`.
    public func allows(from source: EntityType, to target: EntityType) -> Bool {
        sourceTypes.contains(source) && targetTypes.contains(target)
    }

    /// Normalizes the spellings users type for a relation name: `observer-of`, `Observer Of`
    /// → `observer_of`.
    public static func canonicalName(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "-", with: "_")
            .replacingOccurrences(of: " ", with: "_")
    }
}

extension RelationType: FetchableRecord, PersistableRecord {
    /// The `relation_type` table.
    public static let databaseTableName = "relation_type"

    /// Reads a relation type from a row of the `relation_type` table.
    public init(row: Row) throws {
        name = row["name"]
        forwardPhrase = row["forward_phrase"]
        inversePhrase = row["inverse_phrase"]
        sourceTypes = Self.types(row["source_types"])
        targetTypes = Self.types(row["target_types"])
        symmetric = row["symmetric"]
        builtin = row["builtin"]
        description = row["description"]
    }

    /// Writes the type's columns; the entity type lists as comma-separated names.
    public func encode(to container: inout PersistenceContainer) throws {
        container["name"] = name
        container["forward_phrase"] = forwardPhrase
        container["inverse_phrase"] = inversePhrase
        container["source_types"] = sourceTypes.map(\.rawValue).joined(separator: ",")
        container["target_types"] = targetTypes.map(\.rawValue).joined(separator: ",")
        container["symmetric"] = symmetric
        container["builtin"] = builtin
        container["description"] = description
    }

    private static func types(_ list: String) -> [EntityType] {
        list.split(separator: ",").compactMap { EntityType(rawValue: String($0)) }
    }
}

import Foundation
