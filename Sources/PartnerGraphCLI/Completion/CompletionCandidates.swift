import ArgumentParser
import Foundation
import PartnerGraph

/// What a shell offers on TAB where an entity, a relation type or a source is expected, read
/// from the database the command line names.
///
/// ArgumentParser's completion scripts run `partnergraph ---completion SUBCOMMAND -- ARGUMENT …`
/// with the words of the line, and print what these functions return. The database is the last
/// `--db PATH` (or `--db=PATH`) among the words, else `$PARTNERGRAPH_DB`, else
/// `./partnergraph.sqlite`, as for the command itself (``DatabaseOptions``). A completion is
/// quick and silent: it opens the file read-only, never creates one, and any failure (no such
/// file, not a database, a newer schema) completes nothing rather than print an error into the
/// user's command line.
enum CompletionCandidates {
    /// Entity keys, names and aliases that start with the text typed.
    @Sendable static func entities(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        candidates(words, index, prefix) { store, typed in try store.entityNames(startingWith: typed) }
    }

    /// The relation types of the database's vocabulary (built-in and added) that start with the text typed.
    @Sendable static func relationTypes(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        candidates(words, index, prefix) { store, typed in
            try store.relationTypes().map(\.name).filter { $0.hasPrefix(typed) }.sorted()
        }
    }

    /// The keys of the registered sources that start with the text typed.
    @Sendable static func sourceKeys(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        candidates(words, index, prefix) { store, typed in try store.sourceKeys(startingWith: typed) }
    }

    /// Opens the database named by `words` and reads the candidates for `prefix`; none on any failure.
    private static func candidates(
        _ words: [String], _ index: Int, _ prefix: String,
        _ read: (PartnerGraphStore, String) throws -> [String]
    ) -> [String] {
        let path = databasePath(in: words, completing: index, environment: environmentVariable("PARTNERGRAPH_DB"))
        do {
            let store = try PartnerGraphStore(path: path, mode: .readOnly)
            return ShellWords.forRequestingShell(try read(store, ShellWords.unquoted(typedText(words, index, prefix))))
        } catch {
            return []
        }
    }

    /// The text typed so far in the word being completed.
    ///
    /// ArgumentParser (1.8.2) cuts `prefix` from the *last* word at the cursor's offset, which is
    /// the word being completed only when the cursor is on the last word: in
    /// `show Sa<TAB> --db x.sqlite` it would be `x.`. Then the whole word at `index` is taken,
    /// the cursor being, as a rule, at its end.
    static func typedText(_ words: [String], _ index: Int, _ prefix: String) -> String {
        guard words.indices.contains(index), index != words.count - 1 else { return prefix }
        return words[index]
    }

    /// The database a command line names: its last `--db` value, else `environment` when set
    /// and not empty, else the default; resolved as ``DatabaseOptions/resolvedPath(flag:)``
    /// resolves the flag, after the shell's quoting is removed.
    ///
    /// - Parameters:
    ///   - words: The shell words of the line, verbatim (quotes and escapes included).
    ///   - index: The word being completed, which names no database yet.
    ///   - environment: The value of `$PARTNERGRAPH_DB`.
    static func databasePath(in words: [String], completing index: Int, environment: String?) -> String {
        var flag: String?
        var position = 0
        while position < words.count {
            defer { position += 1 }
            // A word after `--` is a positional, even `--db`.
            if words[position] == "--" { break }
            if position == index { continue }
            let word = ShellWords.unquoted(words[position])
            if word == "--db", position + 1 < words.count, position + 1 != index {
                position += 1
                flag = ShellWords.unquoted(words[position])
            } else if word.hasPrefix("--db=") {
                flag = String(word.dropFirst("--db=".count))
            }
        }
        let path: String
        if let flag {
            path = flag
        } else if let environment, !environment.isEmpty {
            path = environment
        } else {
            path = DatabaseOptions.resolvedPath(flag: nil)
        }
        return ShellWords.expandingTilde(path)
    }
}

extension CompletionKind {
    /// Entity keys, names and aliases from the database on the command line.
    static var entity: CompletionKind { .custom(CompletionCandidates.entities) }
    /// Relation types from the database on the command line.
    static var relationType: CompletionKind { .custom(CompletionCandidates.relationTypes) }
    /// Source keys from the database on the command line.
    static var sourceKey: CompletionKind { .custom(CompletionCandidates.sourceKeys) }
}
