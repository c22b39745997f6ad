import Foundation

/// Splits a migration file into its statements, for the extended query protocol, which runs one
/// statement at a time.
///
/// A `;` ends a statement except inside a `'…'` string, a `"…"` identifier, a `$tag$…$tag$`
/// dollar-quoted body (a function's) or a `--` comment. Comments are kept with the statement
/// they precede; statements that are only comments are dropped.
enum SQLScript {
    static func statements(_ script: String) -> [String] {
        let characters = Array(script.unicodeScalars)
        var statements: [String] = []
        var current = String.UnicodeScalarView()
        var hasCode = false
        var index = 0
        func take(_ count: Int) {
            current.append(contentsOf: characters[index..<min(index + count, characters.count)])
            index += count
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "-" where index + 1 < characters.count && characters[index + 1] == "-":
                while index < characters.count && characters[index] != "\n" { take(1) }
            case "'", "\"":
                hasCode = true
                take(1)
                while index < characters.count {
                    if characters[index] == character {
                        // A doubled quote stands for itself.
                        if index + 1 < characters.count && characters[index + 1] == character { take(2); continue }
                        take(1)
                        break
                    }
                    take(1)
                }
            case "$":
                hasCode = true
                var end = index + 1
                while end < characters.count && (characters[end].properties.isAlphabetic || characters[end] == "_") { end += 1 }
                guard end < characters.count && characters[end] == "$" else { take(1); continue }
                let tag = Array(characters[index...end])
                take(tag.count)
                while index < characters.count && !(index + tag.count <= characters.count && Array(characters[index..<index + tag.count]) == tag) {
                    take(1)
                }
                take(tag.count)
            case ";":
                take(1)
                if hasCode { statements.append(String(current).trimmingCharacters(in: .whitespacesAndNewlines)) }
                current = String.UnicodeScalarView()
                hasCode = false
            default:
                if !character.properties.isWhitespace { hasCode = true }
                take(1)
            }
        }
        if hasCode { statements.append(String(current).trimmingCharacters(in: .whitespacesAndNewlines)) }
        return statements
    }
}
