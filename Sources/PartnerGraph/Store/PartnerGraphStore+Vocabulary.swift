import GRDB

extension PartnerGraphStore {
    /// The relation vocabulary, built-in types first, each group by name.
    public func relationTypes() throws -> [RelationType] {
        try read { db in
            try RelationType.fetchAll(db, sql: "SELECT * FROM relation_type ORDER BY builtin DESC, name")
        }
    }

    /// Adds a relation type of the user's own.
    ///
    /// ```swift
    /// try store.addRelationType(RelationType(
    ///     name: "funds", forwardPhrase: "funds", inversePhrase: "funded by",
    ///     sourceTypes: [.organization], targetTypes: [.event, .agreement]))
    /// ```
    ///
    /// - Parameter type: The new type; its ``RelationType/builtin`` flag is ignored.
    /// - Throws: ``PartnerGraphError/relationTypeExists(_:)``, ``PartnerGraphError/invalidRelationTypeName(_:)``
    ///   or ``PartnerGraphError/invalidRelationType(_:reason:)``.
    public func addRelationType(_ type: RelationType) throws {
        try write { db in try Self.insertRelationType(type, in: db) }
    }

    static func insertRelationType(_ type: RelationType, in db: Database) throws {
        try validateRelationType(type)
        if try RelationType.fetchOne(db, key: type.name) != nil {
            throw PartnerGraphError.relationTypeExists(type.name)
        }
        var stored = type
        stored.builtin = false
        try stored.insert(db)
    }

    static func validateRelationType(_ type: RelationType) throws {
        let name = type.name
        let valid = name.first.map { $0.isASCII && $0.isLowercase } == true
            && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
            && name.count <= 64
        guard valid else { throw PartnerGraphError.invalidRelationTypeName(name) }
        if type.symmetric && Set(type.sourceTypes) != Set(type.targetTypes) {
            throw PartnerGraphError.invalidRelationType(
                name, reason: "a symmetric relation must join the same entity types at both ends; give the same --from and --to")
        }
        if type.sourceTypes.isEmpty || type.targetTypes.isEmpty {
            throw PartnerGraphError.invalidRelationType(
                name, reason: "name the entity types at each end with --from and --to, e.g. --from organization --to event")
        }
    }
}
