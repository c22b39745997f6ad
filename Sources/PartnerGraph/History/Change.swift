/// One recorded change to the graph: a command that wrote, with who ran it, when, and what it
/// touched.
public struct Change: Sendable, Equatable, Codable {
    /// The change's number, in order of recording; `undo N` names it.
    public var id: Int64
    /// When it was recorded: ISO 8601, UTC.
    public var at: String
    /// Who made it (see ``ChangeAuthor``).
    public var user: String
    /// The command that made it.
    public var command: String
    /// For an undo: the change it reverted.
    public var undoes: Int64?
    /// How many rows of each kind it added, changed and removed.
    public var counts: [Count]
    /// Whether this change was a bulk import, recorded as ranges of added rows.
    public var bulk: Bool

    /// The rows of one table a change added, changed and removed.
    public struct Count: Sendable, Equatable, Codable {
        /// The kind of row, in words: `entity`, `alias`, `attribute`, `relation`, `citation`,
        /// `source`, `relation type` or `draft`.
        public var kind: String
        /// Rows of this kind added.
        public var added: Int
        /// Rows of this kind changed.
        public var changed: Int
        /// Rows of this kind removed.
        public var removed: Int

        /// A count of one kind of row.
        public init(kind: String, added: Int = 0, changed: Int = 0, removed: Int = 0) {
            self.kind = kind
            self.added = added
            self.changed = changed
            self.removed = removed
        }
    }

    /// What the change did, in words: `+1 relation`, `~2 entities, −1 alias`.
    public var summary: String {
        var parts: [String] = []
        for count in counts {
            func phrase(_ n: Int, _ sign: String) {
                if n > 0 { parts.append("\(sign)\(n) \(Self.plural(count.kind, n))") }
            }
            phrase(count.added, "+")
            phrase(count.changed, "~")
            phrase(count.removed, "−")
        }
        return parts.isEmpty ? "no rows" : parts.joined(separator: ", ")
    }

    static func plural(_ kind: String, _ n: Int) -> String {
        guard n != 1 else { return kind }
        if kind == "entity" { return "entities" }
        if kind.hasSuffix("s") { return kind + "es" }
        return kind + "s"
    }
}
