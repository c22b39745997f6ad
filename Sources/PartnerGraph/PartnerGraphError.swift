import Foundation

/// The errors PartnerGraph reports: each names the problem and, where there is one, the fix.
///
/// The ``description`` is the message a person reads; the associated values let a program
/// react without parsing it.
public enum PartnerGraphError: Error, Equatable, Sendable {
    /// A candidate entity in "not found" and "ambiguous" messages.
    public struct Candidate: Equatable, Sendable {
        /// The entity's key, by which it can be named without doubt.
        public var key: String
        /// The entity's type.
        public var type: EntityType
        /// The entity's primary name.
        public var name: String
        /// The name or alias that matched, when it is not the primary name.
        public var matched: String?

        /// A candidate, with the alias that matched when it is not the primary name.
        public init(key: String, type: EntityType, name: String, matched: String? = nil) {
            self.key = key
            self.type = type
            self.name = name
            self.matched = matched
        }
    }

    /// No entity has this key, name or alias; `suggestions` are the closest names, if any are close.
    case entityNotFound(String, suggestions: [Candidate])
    /// Several entities bear this name or alias: each is listed, to be named by its key.
    case ambiguousEntity(String, candidates: [Candidate])
    /// The key is taken by `existing`.
    case duplicateKey(String, existing: Candidate)
    /// The key has a character other than letters, digits, `-`, `_` and `.`.
    case invalidKey(String)
    /// A name that is empty, or only white space and invisible characters.
    case emptyName
    /// An alias or role that is empty, or only white space and invisible characters.
    case blankText(field: String)
    /// A text field holds a NUL character, which SQLite's C strings would cut short.
    case nulCharacter(field: String)
    /// A control character (C0, DEL or C1) where it is not allowed: anywhere in a name, alias or
    /// role; in a note, anything but a line break or a tab. See ``TextRules``.
    case controlCharacter(field: String, scalar: UInt32)
    /// A bidirectional embedding, override or isolate left open, or a closing one with nothing
    /// to close, in a name, alias or role.
    case unbalancedBidiControl(field: String, scalar: UInt32)
    /// Text longer than its field allows: ``TextRules/labelLimit`` characters for a name, alias
    /// or role, ``TextRules/noteLimit`` bytes for a note.
    case textTooLong(field: String, length: Int, limit: Int)
    /// `NAME@` with no language after the `@`.
    case aliasWithoutLanguage(String)
    /// No relation type of the vocabulary has this name; `known` lists those that do.
    case unknownRelationType(String, known: [String])
    /// The vocabulary does not let a relation of this type join these entity types; the message
    /// suggests swapping the ends when the other way round is allowed.
    case relationNotAllowed(type: String, from: EntityType, to: EntityType, sourceTypes: [EntityType], targetTypes: [EntityType])
    /// The same relation (ends, type, role, start and date) is already recorded.
    case duplicateRelation(description: String)
    /// No relation matches what `unlink` (or a path's hop) names.
    case relationNotFound(description: String)
    /// Several relations match what `unlink` names; `matches` describes each.
    case ambiguousRelation(description: String, matches: [String])
    /// A relation would join an entity to itself.
    case selfRelation(String)
    /// The vocabulary already has a relation type of this name.
    case relationTypeExists(String)
    /// A relation type name is not lowercase letters, digits and `_`, starting with a letter (at
    /// most 64 characters).
    case invalidRelationTypeName(String)
    /// A new relation type is inconsistent: a symmetric type with different entity types at its
    /// ends, or an end with no entity type.
    case invalidRelationType(String, reason: String)
    /// The text is not a date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or names a day that does not exist.
    case invalidDate(String, reason: String)
    /// A period ends before it starts.
    case endBeforeStart(start: PartialDate, end: PartialDate)
    /// An entity or relation was given both a date and a period; the value is the whole message.
    case conflictingDates(String)
    /// An attribute is not written `KEY=VALUE`.
    case invalidAttribute(String)
    /// The entity has no alias to remove by that name.
    case aliasNotFound(entity: String, alias: String)
    /// The entity to remove still has relations, and removing them too was not asked.
    case entityHasRelations(String, count: Int)
    /// No source has this key; `known` lists some that do.
    case sourceNotFound(String, known: [String])
    /// A source with this key is already registered.
    case duplicateSource(String)
    /// The file is not an SQLite database.
    case notADatabase(path: String)
    /// An SQLite file (its header says so) that SQLite cannot read: cut short or overwritten.
    case damagedDatabase(path: String)
    /// The database was written by a newer PartnerGraph, with a schema `version` above the
    /// `supported` one.
    case newerSchema(path: String, version: Int, supported: Int)
    /// The database, or its folder, cannot be written, and a command tried to write.
    case readOnlyDatabase(path: String)
    /// The database cannot be opened: the path is a folder, a database to read does not exist, or
    /// SQLite refused it (`reason` says which).
    case cannotOpenDatabase(path: String, reason: String)
    /// A file to import or read cannot be read; `reason` is the system's.
    case fileNotReadable(path: String, reason: String)
    /// A file to write cannot be written; `reason` is the system's.
    case fileNotWritable(path: String, reason: String)
}

extension PartnerGraphError: CustomStringConvertible, LocalizedError {
    /// The message: what went wrong, and what to do.
    public var description: String {
        switch self {
        case let .entityNotFound(name, suggestions):
            var text = "no entity matches \(quoted(name))"
            if !suggestions.isEmpty {
                text += "; did you mean " + suggestions.map { "\(quoted($0.name)) (\($0.key))" }.joined(separator: ", ") + "?"
            } else {
                text += "; `partnergraph list` shows the entities, `partnergraph add` adds one"
            }
            return text
        case let .ambiguousEntity(name, candidates):
            let lines = candidates.map { candidate in
                "  \(candidate.key)  \(candidate.type.rawValue)  \(candidate.name)"
                    + (candidate.matched.map { " (as \(quoted($0)))" } ?? "")
            }
            return "\(quoted(name)) matches \(candidates.count) entities; name one by its key:\n" + lines.joined(separator: "\n")
        case let .duplicateKey(key, existing):
            return "the key \(quoted(key)) is taken by the \(existing.type.rawValue) \(quoted(existing.name)); give another with --key"
        case let .invalidKey(key):
            return "the key \(quoted(key)) is not valid: a key is letters, digits, '-', '_' or '.', with no spaces, e.g. icesco-2024"
        case .emptyName:
            return "a name cannot be empty or blank; give a name with at least one letter, digit or sign"
        case let .blankText(field):
            return "\(withArticle(field)) cannot be empty or blank; give some text, or leave it out"
        case let .nulCharacter(field):
            return "the \(field) contains a NUL character (\\0), which PartnerGraph cannot store; remove it"
        case let .controlCharacter(field, scalar):
            let allowed = field == "note" ? "a \(field) may hold line breaks and tabs, but no other control character" : "a \(field) is one line of text, with no control character"
            return "the \(field) contains the control character \(TextRules.describe(scalar)): \(allowed); remove it"
        case let .unbalancedBidiControl(field, scalar):
            let closes = scalar == 0x202C || scalar == 0x2069
            return "the \(field) contains the bidirectional control \(TextRules.describe(scalar)), which "
                + (closes ? "closes nothing" : "is never closed") + " and would reorder the text shown after it; remove it"
                + " (Arabic needs no such control; U+200E and U+200F marks are fine)"
        case let .textTooLong(field, length, limit):
            if field == "note" {
                return "the \(field) is \(length) bytes long; \(withArticle(field)) can be at most \(limit / 1000) kB (\(limit) bytes of UTF-8): shorten it, or keep the full text in a source (`partnergraph source add --text-file`)"
            }
            return "the \(field) is \(length) characters long; \(withArticle(field)) can be at most \(limit) characters: shorten it, and put the rest in a note"
        case let .aliasWithoutLanguage(text):
            return "the alias \(quoted(text)) ends in @ with no language; write NAME@LANG, e.g. \"الإيسيسكو@ar\" or \"ICESCO@en\", or leave out the @ when the language is unknown"
        case let .unknownRelationType(name, known):
            return "unknown relation type \(quoted(name)); known types: \(known.joined(separator: ", ")) (`partnergraph vocab add` defines a new one)"
        case let .relationNotAllowed(type, from, to, sourceTypes, targetTypes):
            return "a \(type) relation cannot go from \(from.withArticle) to \(to.withArticle): it goes from "
                + sourceTypes.map(\.withArticle).joined(separator: " or ") + " to "
                + targetTypes.map(\.withArticle).joined(separator: " or ")
                + (sourceTypes.contains(to) && targetTypes.contains(from) ? "; did you mean it the other way round? Swap the two entities" : "")
        case let .duplicateRelation(description):
            return "that relation already exists: \(description); change it with `partnergraph unlink` then `link`, or give a different --role or dates"
        case let .relationNotFound(description):
            return "no relation \(description); `partnergraph show ENTITY` lists its relations"
        case let .ambiguousRelation(description, matches):
            return "\(matches.count) relations match \(description); add --role or --start to pick one, or --all to remove them all:\n"
                + matches.map { "  " + $0 }.joined(separator: "\n")
        case let .selfRelation(key):
            return "an entity cannot be related to itself (\(key))"
        case let .relationTypeExists(name):
            return "the relation type \(quoted(name)) already exists; `partnergraph vocab` lists the vocabulary"
        case let .invalidRelationTypeName(name):
            return "\(quoted(name)) is not a valid relation type name: use lowercase letters, digits and '_', starting with a letter, e.g. funded_by"
        case let .invalidRelationType(name, reason):
            return "cannot define the relation type \(quoted(name)): \(reason)"
        case let .invalidDate(text, reason):
            return "invalid date \(quoted(text)): \(reason)"
        case let .endBeforeStart(start, end):
            return "the end date \(end) is before the start date \(start); swap them or correct one"
        case let .conflictingDates(reason):
            return reason
        case let .invalidAttribute(text):
            return "invalid attribute \(quoted(text)): write it as KEY=VALUE, e.g. founded=1979"
        case let .aliasNotFound(entity, alias):
            return "\(entity) has no alias \(quoted(alias)); `partnergraph show \(entity)` lists its names"
        case let .entityHasRelations(key, count):
            return "\(key) still has \(count) relation\(count == 1 ? "" : "s"); remove them first, or pass --cascade to remove them with it"
        case let .sourceNotFound(key, known):
            return "no source with key \(quoted(key))"
                + (known.isEmpty ? "; register it with `partnergraph source add`" : "; known sources: \(known.joined(separator: ", "))")
        case let .duplicateSource(key):
            return "a source with key \(quoted(key)) already exists; `partnergraph source show \(key)` shows it"
        case let .notADatabase(path):
            return "\(path) is not a PartnerGraph database (not an SQLite file); pass another --db, or move the file away to start a new one"
        case let .damagedDatabase(path):
            let file = shellQuoted(path)
            return "\(path) is an SQLite database, but it is damaged (cut short or overwritten): SQLite cannot read it. "
                + "Restore it from a backup, or recover what it still holds into a new file with "
                + "`sqlite3 \(file) .recover | sqlite3 recovered.sqlite` and pass --db recovered.sqlite "
                + "(.recover needs an sqlite3 built with it, which Debian 12's is not; `sqlite3 \(file) .dump` still shows what can be read)"
        case let .newerSchema(path, version, supported):
            return "\(path) was written by a newer PartnerGraph (schema version \(version); this one knows up to \(supported)); upgrade partnergraph to open it"
        case let .readOnlyDatabase(path):
            return "\(path) is read-only; nothing was changed. Make the file and its folder writable, or write to a copy with --db"
        case let .cannotOpenDatabase(path, reason):
            return "cannot open the database \(path): \(reason)"
        case let .fileNotReadable(path, reason):
            return "cannot read \(path): \(reason)"
        case let .fileNotWritable(path, reason):
            return "cannot write \(path): \(reason)"
        }
    }

    /// The same message, for `localizedDescription`.
    public var errorDescription: String? { description }
}

/// Quotes a user-supplied value for a message, escaping what would confuse a terminal.
func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.prefix(200).unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if scalar.properties.generalCategory == .control {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    if text.count > 200 { result += "…" }
    return result + "\""
}

/// A path as a shell command needs it: as it is when it is plain, else in single quotes.
func shellQuoted(_ path: String) -> String {
    let plain = !path.isEmpty && path.unicodeScalars.allSatisfy {
        ($0.value < 0x80 && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./+,:@%".unicodeScalars.contains($0)))
    }
    return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// "a name", "an alias": the field's name with its indefinite article.
func withArticle(_ field: String) -> String {
    (field.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + field
}

extension EntityType {
    /// The type name with its indefinite article: "an organization", "a person".
    var withArticle: String {
        self == .organization || self == .agreement || self == .event ? "an \(rawValue)" : "a \(rawValue)"
    }
}
