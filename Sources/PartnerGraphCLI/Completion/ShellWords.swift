import ArgumentParser
import Foundation

/// Shell words as completion functions receive them, and candidates as shells read them back.
///
/// ArgumentParser passes the words of the command line verbatim: `--db "my partners.sqlite"`
/// arrives with its quotes, `~/x.sqlite` with its tilde. And it hands the candidates to the
/// shell one per line, to be read as the shell reads them: bash's `compgen -W` *expands* each
/// one (so an entity named `$(reboot)` would run), zsh's `_describe` splits one at a `:`.
enum ShellWords {
    /// `word` as the shell would pass it to a program: quotes removed, backslash escapes
    /// resolved; an unclosed quote (the word being typed) runs to the end.
    static func unquoted(_ word: String) -> String {
        var result = ""
        var quote: Character?
        var escaped = false
        for character in word {
            if escaped {
                result.append(character)
                escaped = false
            } else if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else {
                    result.append(character)
                }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `path` with a leading `~/` (or a lone `~`) replaced by `$HOME`, as the shell would have.
    static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environmentVariable("HOME"), !home.isEmpty else { return path }
        return home + path.dropFirst()
    }

    /// The candidates written so that the shell asking (``CompletionShell/requesting``) reads
    /// each back as the same text; a candidate with a line break, which would read as two, is left out.
    static func forRequestingShell(_ candidates: [String]) -> [String] {
        forShell(CompletionShell.requesting, candidates)
    }

    /// The candidates written so that `shell` reads each back as the same text.
    static func forShell(_ shell: CompletionShell?, _ candidates: [String]) -> [String] {
        let single = candidates.filter { !$0.contains(where: \.isNewline) }
        switch shell {
        case .bash?:
            // compgen -W expands each word (parameters, commands, quotes): escape what it expands.
            return single.map { escaping($0, "\\$`\"'") }
        case .zsh?:
            // _describe reads `value:description`.
            return single.map { escaping($0, "\\:") }
        default:
            return single
        }
    }

    private static func escaping(_ text: String, _ special: String) -> String {
        var result = ""
        for character in text {
            if special.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
