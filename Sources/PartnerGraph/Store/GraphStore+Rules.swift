// The rules and views the SQLite store applies, opened (at `package` level, not to the library's
// users) to the other stores of this package, so that PostgreSQL checks the same things with the
// same messages and answers with the same values. Nothing here touches a database.

/// The checks and derivations every store applies before it writes.
package enum StoreRules {
    /// Refuses a date together with a period, and a period that ends before it starts.
    package static func validateDates(date: PartialDate?, start: PartialDate?, end: PartialDate?) throws {
        try PartnerGraph.validateDates(date: date, start: start, end: end)
    }

    /// Refuses a key that is empty, too long, or has characters other than letters, digits, `-`, `_` and `.`.
    package static func validateKey(_ key: String) throws {
        try PartnerGraph.validateKey(key)
    }

    /// The text checks of a new entity: NUL characters, blank or over-long names, bidi controls.
    package static func validateText(_ new: NewEntity) throws {
        try new.validateText()
    }

    /// The text checks of a relation's details.
    package static func validateText(_ details: RelationDetails) throws {
        try details.validateText()
    }

    /// The text checks of a source.
    package static func validateSource(_ source: Source) throws {
        try PartnerGraph.validateText(
            [source.title, source.publisher, source.url, source.language, source.text],
            field: "source's title, publisher, URL, language or text")
        guard !source.title.isEmpty else { throw PartnerGraphError.emptyName }
    }

    /// The text rules of one field (role, note, alias …).
    package static func check(_ text: String?, as field: TextRules.Field) throws {
        try TextRules.check(text, as: field)
    }

    /// `ar` for a name in Arabic script, else `en`.
    package static func guessLanguage(of name: String) -> String {
        PartnerGraph.guessLanguage(of: name)
    }

    /// The slug of a name as a key, cut to a readable length; empty when the name has no letters or digits.
    package static func slugKey(for name: String) -> String {
        var slug = String(Slug.make(from: name).prefix(80))
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    /// The claims that citing sources along with attribute and date values makes.
    package static func statedClaims(attributes: [String: String], dates: [(String, PartialDate?)], citations: [CitationRef]) -> [Claim] {
        PartnerGraphStore.statedClaims(attributes: attributes, dates: dates, citations: citations)
    }

    /// The fields whose claimed values must be dates.
    package static func isDateField(_ field: String) -> Bool {
        Claim.dateFields.contains(field)
    }

    /// `icesco —heads→ salim as "Director-General" from 2021`, for messages about a relation.
    package static func describe(_ relation: Relation, from: Entity, to: Entity) -> String {
        PartnerGraphStore.describe(relation, from: from, to: to)
    }

    /// Levenshtein distance, or `nil` as soon as it must exceed `limit`: how close a name is to one typed.
    package static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        EntityResolver.editDistance(a, b, limit: limit)
    }

    /// Whether a relation with these dates (as stored) is in force at some time within `asOf`.
    package static func inForce(start: String?, end: String?, date: String?, at asOf: PartialDate) -> Bool {
        DateWindow.inForce(start: start, end: end, date: date, at: asOf)
    }

    /// The folded words stored in the search index for `text`, each followed by its clitic-free variants.
    package static func searchWords(_ text: String) -> [String] {
        SearchText.indexed(text).split(separator: " ").map(String.init)
    }

    /// Whether a folded word of a name matches the words searched for.
    package static func searchMatches(_ word: String, terms: Set<String>, prefixes: [String]) -> Bool {
        SearchText.matches(word, terms: terms, prefixes: prefixes)
    }

    /// About a dozen words of `text` around the first word that matches.
    package static func snippet(_ text: String, terms: Set<String>, prefixes: [String]) -> String? {
        PartnerGraphStore.snippet(text, terms: terms, prefixes: prefixes)
    }

    /// The claims about an entity's fields, grouped by field, each field's current value first:
    /// what ``EntityProfile/claims`` holds, from the claim rows ordered by field, value and source key.
    package static func fieldClaims(
        _ rows: [(field: String, value: String, citation: CitationView?)], entity: Entity, attributes: [String: String]
    ) -> [FieldClaims] {
        guard !rows.isEmpty else { return [] }
        var fields: [String: [String: [CitationView]]] = [:]
        for row in rows {
            var sources = fields[row.field, default: [:]][row.value, default: []]
            if let citation = row.citation { sources.append(citation) }
            fields[row.field, default: [:]][row.value] = sources
        }
        return fields.keys.sorted().map { field in
            let current: String? =
                switch field {
                case "date": entity.date?.description
                case "start": entity.startDate?.description
                case "end": entity.endDate?.description
                default: attributes[field]
                }
            var values = fields[field]!
            if let current, values[current] == nil { values[current] = [] }
            return FieldClaims(
                field: field,
                values: values.keys.sorted { ($0 == current ? 0 : 1, $0) < ($1 == current ? 0 : 1, $1) }.map {
                    FieldClaims.ClaimedValue(value: $0, current: $0 == current, sources: values[$0]!)
                })
        }
    }

    /// A relation as seen from one of its ends, with the phrase that reads from that end.
    package static func view(
        of relation: Relation, type: RelationType, from viewer: EntityRef, outgoing: Bool, other: EntityRef, citations: [CitationView]
    ) -> RelationView {
        RelationView(
            id: relation.id!, type: relation.type, direction: outgoing ? .outgoing : .incoming,
            phrase: outgoing || type.symmetric ? type.forwardPhrase : type.inversePhrase,
            source: outgoing ? viewer : other, target: outgoing ? other : viewer, other: other, role: relation.role,
            start: relation.startDate, end: relation.endDate, date: relation.date, note: relation.note,
            citations: citations)
    }

    /// An entity's relations as `show` lists them: grouped by type and direction (a symmetric
    /// type's two directions make one group), outgoing before incoming, each group ordered by the
    /// other entity's name then relation id, and cut to `limit` per group; with every group counted.
    ///
    /// - Parameters:
    ///   - views: Every relation of the entity, each once, seen from it (a relation from the entity
    ///     to itself as outgoing).
    ///   - types: The vocabulary, by name.
    ///   - limit: At most this many relations of each group; `nil`: all.
    package static func groupedForProfile(
        _ views: [RelationView], types: [String: RelationType], limit: Int?
    ) -> (groups: [RelationGroup], relations: [RelationView]) {
        struct Key: Hashable { var type: String; var direction: RelationGroup.Direction }
        var members: [Key: [RelationView]] = [:]
        for view in views {
            let symmetric = types[view.type]?.symmetric ?? false
            let direction: RelationGroup.Direction = symmetric ? .both : (view.direction == .outgoing ? .outgoing : .incoming)
            members[Key(type: view.type, direction: direction), default: []].append(view)
            // SQLite lists a non-symmetric relation from an entity to itself both ways.
            if !symmetric, view.direction == .outgoing, view.source.key == view.target.key, let type = types[view.type] {
                var incoming = view
                incoming.direction = .incoming
                incoming.phrase = type.inversePhrase
                members[Key(type: view.type, direction: .incoming), default: []].append(incoming)
            }
        }
        var groups: [RelationGroup] = []
        var relations: [RelationView] = []
        for key in members.keys.sorted(by: { $0.type != $1.type ? $0.type < $1.type : $0.direction < $1.direction }) {
            let group = members[key]!.sorted {
                $0.other.name.utf8.lexicographicallyPrecedes($1.other.name.utf8)
                    || ($0.other.name == $1.other.name && $0.id < $1.id)
            }
            let shown = min(limit ?? group.count, group.count)
            relations += group.prefix(shown)
            let type = types[key.type]
            let phrase = key.direction == .incoming ? (type?.inversePhrase ?? key.type) : (type?.forwardPhrase ?? key.type)
            groups.append(RelationGroup(type: key.type, direction: key.direction, phrase: phrase, count: group.count, shown: shown))
        }
        return (groups, relations)
    }

    /// The order `neighbors` lists what it reached in: by distance, then type, name and key.
    package static func sortedForNeighborhood(_ neighbors: [Neighbor]) -> [Neighbor] {
        neighbors.sorted {
            ($0.distance, $0.entity.type, $0.entity.name, $0.entity.key) < ($1.distance, $1.entity.type, $1.entity.name, $1.entity.key)
        }
    }
}

extension CitationView {
    /// A citation of the source with key `source` and its title, with the quote.
    package init(cited source: String, title: String, quote: String?) {
        self.init(source: source, title: title, quote: quote)
    }
}

extension EntityProfile {
    /// A profile of `entity` with the rest of what `show` prints.
    package init(
        entity: Entity, aliases: [Alias], attributes: [String: String], citations: [CitationView], relations: [RelationView],
        claims: [FieldClaims], groups: [RelationGroup], limit: Int?
    ) {
        self.init(
            key: entity.key, type: entity.type, name: entity.name, nameLanguage: entity.nameLanguage, kind: entity.kind,
            aliases: aliases, attributes: attributes, date: entity.date, start: entity.startDate, end: entity.endDate,
            note: entity.note, createdAt: entity.createdAt, updatedAt: entity.updatedAt, citations: citations,
            relations: relations, claims: claims, relationCount: groups.reduce(0) { $0 + $1.count }, relationGroups: groups,
            relationLimit: limit)
    }
}

extension PathHop {
    /// The hop that walks `relation` from `from` to `to`, read with `type`'s phrases.
    package init(relation: Relation, type: RelationType?, from: EntityRef, to: EntityRef, fromId: Int64, citations: [CitationView]) {
        let forward = relation.sourceId == fromId
        let symmetric = type?.symmetric ?? false
        let forwardPhrase = type?.forwardPhrase ?? relation.type
        self.init(
            relationId: relation.id!, type: relation.type, from: from, to: to, forward: forward,
            phrase: forward || symmetric ? forwardPhrase : (type?.inversePhrase ?? relation.type),
            forwardPhrase: forwardPhrase, symmetric: symmetric, role: relation.role, start: relation.startDate,
            end: relation.endDate, date: relation.date, note: relation.note, citations: citations)
    }
}

extension Neighbor {
    /// An entity reached at `distance` through `via`.
    package init(reached entity: EntityRef, distance: Int, via: [PathHop]) {
        self.init(entity: entity, distance: distance, via: via)
    }
}

extension Neighborhood {
    /// The answer of `neighbors`.
    package init(center: EntityRef, depth: Int, reached neighbors: [Neighbor], relationIds: [Int64], truncated: Bool) {
        self.init(center: center, depth: depth, neighbors: neighbors, relationIds: relationIds, truncated: truncated)
    }
}

extension SearchHit {
    /// One hit of a search.
    package init(
        found kind: Kind, key: String?, type: EntityType?, name: String, matched: String?, snippet: String?, relation: PathHop?,
        score: Double
    ) {
        self.init(kind: kind, key: key, type: type, name: name, matched: matched, snippet: snippet, relation: relation, score: score)
    }
}

extension SearchResults {
    /// The answer of `search`.
    package init(query: String, terms: [String], found hits: [SearchHit]) {
        self.init(query: query, terms: terms, hits: hits)
    }
}

extension ImportReport {
    /// A report of nothing done yet, for a store that loads a document.
    package init(loading: Void) {
        self.init()
    }
}

extension RelationTypeRecord {
    /// A relation type of the user's vocabulary, for a document another store exports.
    package init(
        exporting name: String, forward: String, inverse: String, sourceTypes: [EntityType], targetTypes: [EntityType], symmetric: Bool,
        description: String?
    ) {
        self.init(
            name: name, forward: forward, inverse: inverse, sourceTypes: sourceTypes, targetTypes: targetTypes, symmetric: symmetric,
            description: description)
    }
}

extension SourceRecord {
    /// A source, for a document another store exports.
    package init(
        exporting key: String, title: String, publisher: String?, url: String?, published: PartialDate?, language: String?, text: String?,
        createdAt: String?, updatedAt: String?
    ) {
        self.init(
            key: key, title: title, publisher: publisher, url: url, published: published, language: language, text: text,
            createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension EntityRecord {
    /// An entity, for a document another store exports.
    package init(exporting entity: Entity, aliases: [Alias], attributes: [String: String], citations: [CitationRef]) {
        self.init(
            key: entity.key, type: entity.type, name: entity.name, nameLanguage: entity.nameLanguage, kind: entity.kind, date: entity.date,
            start: entity.startDate, end: entity.endDate, note: entity.note, aliases: aliases, attributes: attributes,
            citations: citations, createdAt: entity.createdAt, updatedAt: entity.updatedAt)
    }
}

extension RelationRecord {
    /// A relation between entities named by key, for a document another store exports.
    package init(exporting relation: Relation, source: String, target: String, citations: [CitationRef]) {
        self.init(
            source: source, type: relation.type, target: target, role: relation.role, start: relation.startDate, end: relation.endDate,
            date: relation.date, note: relation.note, citations: citations, createdAt: relation.createdAt, updatedAt: relation.updatedAt)
    }

    /// The identity export sorts relations by: ends, type, role, start and date.
    package var sortKey: [String] { identity }
}

// MARK: - Entities and sources (update, remove, source, vocab, example)

extension StoreRules {
    /// The text checks of an entity's changes: NUL characters, blank or over-long names, aliases and notes.
    package static func validateText(_ changes: EntityChanges) throws {
        try changes.validateText()
    }

    /// Refuses a relation type whose name is not lowercase letters, digits and `_`, or whose rules
    /// name no entity type at an end, or a symmetric type whose ends differ.
    package static func validateRelationType(_ type: RelationType) throws {
        try PartnerGraphStore.validateRelationType(type)
    }

    /// The claims an update makes: those its cited sources state for the attributes and dates it
    /// sets, then those given with `--claim`, as ``PartnerGraphStore/update(_:with:)`` records them.
    package static func claims(of changes: EntityChanges) -> [Claim] {
        func newDate(_ change: FieldChange<PartialDate>) -> PartialDate? {
            if case let .set(date) = change { return date }
            return nil
        }
        let stated = PartnerGraphStore.statedClaims(
            attributes: changes.setAttributes,
            dates: [("date", newDate(changes.date)), ("start", newDate(changes.startDate)), ("end", newDate(changes.endDate))],
            citations: changes.addCitations)
        return stated + changes.addClaims
    }

    /// `entity` with the field changes of `changes` applied (name, language, kind, dates, note),
    /// its dates checked together; not yet written, and `updatedAt` left as it was.
    package static func applying(_ changes: EntityChanges, to entity: Entity) throws -> Entity {
        var entity = entity
        if let newName = changes.name { entity.name = newName }
        changes.nameLanguage.apply(to: &entity.nameLanguage)
        changes.kind.apply(to: &entity.kind)
        changes.date.apply(to: &entity.date)
        changes.startDate.apply(to: &entity.startDate)
        changes.endDate.apply(to: &entity.endDate)
        changes.note.apply(to: &entity.note)
        try PartnerGraph.validateDates(date: entity.date, start: entity.startDate, end: entity.endDate)
        return entity
    }

    /// A relation type of an interchange document, as the SQLite import builds it.
    package static func relationType(of record: RelationTypeRecord) -> RelationType {
        record.relationType
    }

    /// The one-line summary `source show` gives of a relation citing the source:
    /// `#12 icesco —observer_of→ nam-pn as "observer"`.
    package static func citingRelationSummary(id: Int64, source: String, type: String, target: String, role: String?) -> String {
        "#\(id) \(source) —\(type)→ \(target)" + (role.map { " as \(quoted($0))" } ?? "")
    }

    /// The one-line summary `source show` gives of a value the source states: `icesco founded = 1982 “…”`.
    package static func claimSummary(entity: String, field: String, value: String, quote: String?) -> String {
        "\(entity) \(field) = \(value)" + (quote.map { " “\($0)”" } ?? "")
    }

}

extension SourceSummary {
    /// A source with how often it is cited, for `source list`.
    package init(
        listing key: String, title: String, publisher: String?, published: PartialDate?, language: String?, citationCount: Int, hasText: Bool
    ) {
        self.init(
            key: key, title: title, publisher: publisher, published: published, language: language, citationCount: citationCount,
            hasText: hasText)
    }
}

extension SourceDetail {
    /// A source with what cites it, for `source show`.
    package init(showing source: Source, entities: [EntityRef], relations: [String], claims: [String]) {
        self.init(source: source, entities: entities, relations: relations, claims: claims)
    }
}

extension RemovalReport {
    /// What `remove` removed: the entity, and the relations that went with it.
    package init(removed entity: EntityRef, relations: [RelationView]) {
        self.init(entity: entity, removedRelations: relations)
    }
}
