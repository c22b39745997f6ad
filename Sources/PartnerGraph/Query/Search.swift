/// A question for ``PartnerGraphStore/search(_:)``.
public struct SearchQuery: Hashable, Sendable {
    /// Words to find, in any language and spelling; all must occur. The last word also
    /// matches as a prefix (`azerb` finds Azerbaijan).
    public var text: String
    /// At most this many hits, best first.
    public var limit: Int
    /// Only entities of these types (none: entities, sources and relations alike).
    public var entityTypes: [EntityType]

    /// A search for `text`: the first `limit` hits of any kind, or only entities of `entityTypes`.
    public init(_ text: String, limit: Int = 20, entityTypes: [EntityType] = []) {
        self.text = text
        self.limit = limit
        self.entityTypes = entityTypes
    }
}

/// One thing a search found.
///
/// JSON shape: `{"kind": "entity", "key": "icesco", "type": "organization", "name": "ICESCO",
/// "matched": "الإيسيسكو", "snippet": null, "relation": null, "score": 7.2}`.
public struct SearchHit: Codable, Hashable, Sendable {
    /// What was found.
    public enum Kind: String, Codable, Sendable {
        /// An entity (found by its key, a name, an alias or its note), a source (by its key, title or
        /// text), or a relation (by its note).
        case entity, source, relation
    }

    /// Whether it is an entity, a source or a relation.
    public var kind: Kind
    /// The entity's or source's key; `nil` for a relation.
    public var key: String?
    /// The entity's type, for an entity.
    public var type: EntityType?
    /// The entity's name, the source's title, or the relation as one line.
    public var name: String
    /// The alias that matched, when it was not the name.
    public var matched: String?
    /// Words around the first match in a note or a source's text.
    public var snippet: String?
    /// The relation, walked from its source, for a relation hit.
    public var relation: PathHop?
    /// Relevance (SQLite's bm25, negated: higher is better; a match in a name weighs ten times
    /// one in a note or text).
    public var score: Double
}

/// The answer to `partnergraph search`.
///
/// JSON shape: `{"query": "الإيسيسكو", "terms": ["الايسيسكو", "ايسيسكو"], "hits": [SearchHit, …]}`.
public struct SearchResults: Codable, Hashable, Sendable {
    /// The query as given.
    public var query: String
    /// The folded words looked up, with their clitic-free variants.
    public var terms: [String]
    /// The hits, best first.
    public var hits: [SearchHit]
}
