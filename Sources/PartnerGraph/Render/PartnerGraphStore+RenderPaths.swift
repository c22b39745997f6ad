extension PartnerGraphStore {
    /// The connections a `.path` selection highlights, from the connections API
    /// (``paths(_:)``); empty for other scopes.
    ///
    /// The relation-type and as-of filters apply to the search; the entity-type and source
    /// filters apply only to the neighbourhood drawn around the paths.
    func pathsForRendering(_ selection: RenderSelection) throws -> [RenderPath] {
        guard case let .path(from, to, k, _) = selection.scope else { return [] }
        let query = PathQuery(from: from, to: to, k: k, relations: selection.relationTypes, asOf: selection.asOf)
        return try paths(query).map { path in
            RenderPath(entityKeys: path.entities.map(\.key), relationIds: path.hops.map(\.relationId))
        }
    }
}

/// One connection to highlight: its entities in order and the relations between them.
struct RenderPath: Hashable, Sendable {
    var entityKeys: [String]
    var relationIds: [Int64]
}
