/// Why an article could not be ingested, or a draft not reviewed: each names the problem and the fix.
public enum IngestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The article has no letters in it.
    case empty(origin: String)
    /// The article is larger than ``Article/maximumBytes``.
    case tooLarge(origin: String, bytes: Int, limit: Int)
    /// The article is not text: it has a NUL byte (at `offset`), or is full of control characters.
    case binary(origin: String, offset: Int?)
    /// The article is not valid UTF-8; the byte at `offset` breaks it.
    case notUTF8(origin: String, offset: Int)
    /// The article is in a language `ingest` does not read (`detected` names it), and none was given.
    case unsupportedLanguage(origin: String, detected: String)
    /// The key given with `--key` names another source, with another text.
    case keyTaken(key: String)
    /// No draft has this id.
    case draftNotFound(Int64)
    /// The draft was already accepted or rejected (`status` says which).
    case draftDecided(Int64, status: String)
    /// An end of a relation draft names an entity that is no longer in the graph.
    case draftEntityRemoved(draft: Int64, key: String)
    /// A relation draft needs an entity draft that was rejected.
    case draftNeedsRejected(draft: Int64, needs: Int64)
    /// The change does not fit the draft: a name for a relation draft, a relation type for an
    /// entity draft, an alias it does not have.
    case invalidDraftEdit(Int64, reason: String)
    /// Accepting a draft failed the checks of `add` or `link`.
    case acceptFailed(draft: Int64, reason: String)

    /// The message: what went wrong, and what to do.
    public var description: String {
        switch self {
        case let .empty(origin):
            return "\(origin) is empty (no letters in it); give the article's text, as UTF-8"
        case let .tooLarge(origin, bytes, limit):
            return "\(origin) is \(bytes.formatted()) bytes; an article is at most \(limit.formatted()) bytes. Check it is the right file, or split it into articles"
        case let .binary(origin, offset):
            return "\(origin) is not text" + (offset.map { " (a NUL byte at offset \($0))" } ?? " (it is full of control characters)")
                + "; ingest reads plain UTF-8 text: extract it first (for a PDF, `pdftotext FILE out.txt`)"
        case let .notUTF8(origin, offset):
            return "\(origin) is not valid UTF-8 (the byte at offset \(offset) breaks it); convert it, e.g. `iconv -f WINDOWS-1256 -t UTF-8` for Arabic Windows text or `-f LATIN1` for French"
        case let .unsupportedLanguage(origin, detected):
            return "\(origin) looks like \(detected), and PartnerGraph reads Arabic, English and French; if it is one of those, say which with --language ar|en|fr"
        case let .keyTaken(key):
            return "a source with key \(quoted(key)) already exists and holds another text; give another --key, or leave --key out to derive one"
        case let .draftNotFound(id):
            return "no draft #\(id); `partnergraph review` lists the open drafts"
        case let .draftDecided(id, status):
            return "draft #\(id) was already \(status); `partnergraph review --status all` lists every draft"
        case let .draftEntityRemoved(draft, key):
            return "draft #\(draft) names the entity \(quoted(key)), which is no longer in the graph (removed since the article was ingested); point the draft at another entity with `partnergraph review edit \(draft) --from/--to ENTITY`, or reject it"
        case let .draftNeedsRejected(draft, needs):
            return "draft #\(draft) needs the entity proposed by draft #\(needs), which was rejected; point it at an existing entity with `partnergraph review edit \(draft) --from/--to ENTITY`, or reject it"
        case let .invalidDraftEdit(id, reason):
            return "cannot edit draft #\(id): \(reason)"
        case let .acceptFailed(draft, reason):
            return "cannot accept draft #\(draft): \(reason). Nothing was accepted; change the draft with `partnergraph review edit \(draft) …`, or reject it"
        }
    }
}
