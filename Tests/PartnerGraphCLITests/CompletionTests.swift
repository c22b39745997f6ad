import ArgumentParser
import Foundation
import PartnerGraph
import Testing
@testable import PartnerGraphCLI

/// What TAB offers: entities, relation types and sources from the database named on the line,
/// quickly and silently, in process.
struct CompletionTests {
    /// The words bash passes for `partnergraph SUBCOMMAND … <TAB>`, and the index of the last.
    private static func line(_ words: String...) -> (words: [String], index: Int) {
        let all = ["partnergraph"] + words
        return (all, all.count - 1)
    }

    /// A database in a temporary folder with the example, an Arabic alias and a second source.
    private static func exampleDatabase() throws -> (folder: URL, path: String) {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("example.sqlite").path
        let store = try PartnerGraphStore(path: path)
        _ = try store.loadExample()
        _ = try store.addSource(Source(key: "alecso-2024-05-14", title: "ALECSO and ICESCO"))
        _ = try store.addEntity(NewEntity(type: .organization, name: "100% Partners_Inc", key: "percent"))
        return (folder, path)
    }

    @Test("Entity names and keys that start with the text typed, from the database after --db")
    func entitiesFromTheNamedDatabase() throws {
        let (folder, db) = try Self.exampleDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (words, index) = Self.line("show", "--db", db, "Sa")
        let candidates = CompletionCandidates.entities(words, index, "Sa")
        #expect(candidates == ["Sahiba Gafarova", "Salim M. AlMalik"], "matched as typed, case included, and sorted")
        let keys = CompletionCandidates.entities(Self.line("show", "--db", db, "sa").words, 4, "sa")
        #expect(keys == ["sahiba-gafarova", "salim-m-almalik"], "keys are offered too: \(keys)")

        let everything = CompletionCandidates.entities(Self.line("show", "--db=\(db)", "").words, 3, "")
        #expect(everything.contains("ICESCO") && everything.contains("icesco") && everything.contains("Republic of Azerbaijan"))
        #expect(!everything.contains("الإيسيسكو"), "aliases only once something is typed")
    }

    @Test("Aliases complete once a prefix is typed, in Arabic too; % and _ in the prefix are plain characters")
    func aliasesAndPatternCharacters() throws {
        let (folder, db) = try Self.exampleDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arabic = CompletionCandidates.entities(Self.line("path", "ICESCO", "--db", db, "الإ").words, 5, "الإ")
        #expect(arabic.contains("الإيسيسكو"), "\(arabic)")
        #expect(!arabic.contains("الايسيسكو"), "matched as written, not as normalized: \(arabic)")
        let spaced = CompletionCandidates.entities(Self.line("show", "--db", db, "\"Salim M").words, 4, "\"Salim M")
        #expect(spaced == ["Salim M. AlMalik"], "\(spaced)")
        #expect(CompletionCandidates.entities(Self.line("show", "--db", db, "100%").words, 4, "100%") == ["100% Partners_Inc"])
        #expect(CompletionCandidates.entities(Self.line("show", "--db", db, "1_").words, 4, "1_").isEmpty, "_ is no wildcard")
    }

    @Test("Relation types after `link A` and --relation; source keys after --source")
    func relationTypesAndSources() throws {
        let (folder, db) = try Self.exampleDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let types = CompletionCandidates.relationTypes(Self.line("link", "ICESCO", "", "--db", db).words, 3, "")
        #expect(types.contains("heads") && types.contains("partner_of") && types.contains("member_of"), "\(types)")
        let he = CompletionCandidates.relationTypes(Self.line("path", "--db", db, "--relation", "he").words, 5, "he")
        #expect(he == ["heads", "held_in"])
        let sources = CompletionCandidates.sourceKeys(Self.line("add", "org", "X", "--db", db, "--source", "").words, 7, "")
        #expect(sources == ["alecso-2024-05-14", "icesco-2024-03-26"])
        #expect(CompletionCandidates.sourceKeys(Self.line("add", "--db", db, "--source", "al").words, 5, "al") == ["alecso-2024-05-14"])
    }

    @Test("The word being completed is read whole when the cursor is not on the last word")
    func cursorBeforeTheEnd() throws {
        let (folder, db) = try Self.exampleDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        // `partnergraph show Sa<TAB> --db DB`: ArgumentParser cuts its prefix from the last word, DB.
        let words = ["partnergraph", "show", "Sa", "--db", db]
        let candidates = CompletionCandidates.entities(words, 2, String(db.prefix(2)))
        #expect(candidates.contains("Salim M. AlMalik"), "\(candidates)")
        #expect(CompletionCandidates.typedText(words, 4, "/t") == "/t")
    }

    @Test("A missing, foreign or damaged database completes nothing, creates nothing and prints nothing")
    func silentFailures() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("missing.sqlite").path
        #expect(CompletionCandidates.entities(Self.line("show", "--db", missing, "").words, 4, "").isEmpty)
        #expect(CompletionCandidates.relationTypes(Self.line("link", "A", "", "--db", missing).words, 3, "").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: missing), "completion created \(missing)")
        let foreign = folder.appendingPathComponent("notes.sqlite")
        try Data("not a database at all, but long enough to have a header".utf8).write(to: foreign)
        #expect(CompletionCandidates.sourceKeys(Self.line("add", "--db", foreign.path, "--source", "").words, 5, "").isEmpty)
        #expect(CompletionCandidates.entities(Self.line("show", "--db", folder.path, "").words, 4, "").isEmpty, "a folder")
    }

    @Test("The database is the last --db on the line (quotes and ~ read as the shell reads them), else $PARTNERGRAPH_DB, else the default",
          arguments: [
            (["partnergraph", "show", "--db", "a.sqlite", ""], 4, nil, "a.sqlite"),
            (["partnergraph", "show", "--db=a.sqlite", ""], 3, "env.sqlite", "a.sqlite"),
            (["partnergraph", "show", "--db", "a.sqlite", "--db", "b.sqlite", "I"], 6, nil, "b.sqlite"),
            (["partnergraph", "show", "--db", "\"my partners.sqlite\"", ""], 4, nil, "my partners.sqlite"),
            (["partnergraph", "show", "--db", "my\\ partners.sqlite", ""], 4, nil, "my partners.sqlite"),
            (["partnergraph", "show", "--db", "'it''s.sqlite'", ""], 4, nil, "its.sqlite"),
            (["partnergraph", "show", ""], 2, "env.sqlite", "env.sqlite"),
            (["partnergraph", "show", ""], 2, "", "partnergraph.sqlite"),
            (["partnergraph", "show", ""], 2, nil, "partnergraph.sqlite"),
            // The word being completed names no database, nor does a --db whose value it is.
            (["partnergraph", "show", "--db", ""], 3, "env.sqlite", "env.sqlite"),
            (["partnergraph", "show", "--db=x"], 2, nil, "partnergraph.sqlite"),
            // After `--`, `--db` is an entity's name.
            (["partnergraph", "show", "--", "--db", "a.sqlite"], 4, nil, "partnergraph.sqlite"),
          ] as [([String], Int, String?, String)])
    func databasePath(words: [String], index: Int, environment: String?, expected: String) {
        #expect(CompletionCandidates.databasePath(in: words, completing: index, environment: environment) == expected, "\(words)")
    }

    @Test("~/ is the home folder, as the shell would have expanded it")
    func tilde() {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        let path = CompletionCandidates.databasePath(in: ["partnergraph", "show", "--db", "~/p.sqlite", ""], completing: 4, environment: nil)
        #expect(home.isEmpty || path == home + "/p.sqlite", "\(path)")
    }

    @Test("Shell words lose their quotes and escapes", arguments: [
        ("Salim", "Salim"), ("\"Salim M", "Salim M"), ("'Salim M. Al", "Salim M. Al"), ("Salim\\ M.", "Salim M."),
        ("\"say \\\"hi\\\"\"", "say \"hi\""), ("'a\\b'", "a\\b"), ("", ""),
    ])
    func unquoting(word: String, expected: String) {
        #expect(ShellWords.unquoted(word) == expected)
    }

    @Test("Candidates reach bash unexpanded, zsh unsplit, and one per line")
    func candidatesForEachShell() {
        let names = ["Evil $(touch pwned) `id`", "Colon: Org", "back\\slash \"q\" 's'", "two\nlines"]
        #expect(ShellWords.forShell(.bash, names) == [
            "Evil \\$(touch pwned) \\`id\\`", "Colon: Org", "back\\\\slash \\\"q\\\" \\'s\\'",
        ])
        #expect(ShellWords.forShell(.zsh, names) == ["Evil $(touch pwned) `id`", "Colon\\: Org", "back\\\\slash \"q\" 's'"])
        #expect(ShellWords.forShell(.fish, names) == Array(names.prefix(3)))
    }

    @Test("The arguments that name entities, relation types, sources and files complete as such")
    func argumentsCompleteTheirKind() throws {
        let script = PartnerGraphCommand.completionScript(for: .bash)
        for call in [
            "---completion show -- positional@0", "---completion path -- positional@0", "---completion path -- positional@1",
            "---completion path -- --avoid", "---completion neighbors -- positional@0", "---completion link -- positional@0",
            "---completion link -- positional@1", "---completion link -- positional@2", "---completion unlink -- positional@0",
            "---completion update -- positional@0", "---completion remove -- positional@0", "---completion common -- positional@1",
            "---completion timeline -- positional@0", "---completion path -- --relation", "---completion neighbors -- --exclude-relation",
            "---completion add -- --source", "---completion link -- --source", "---completion render -- --around",
            "---completion render -- --source", "---completion export -- --relation", "---completion source show -- positional@0",
            "---completion history -- positional@0", "---completion merge -- positional@0", "---completion merge -- positional@1",
            "---completion distinct -- positional@0", "---completion distinct -- positional@1",
        ] {
            #expect(script.contains(call), "no custom completion: \(call)")
        }
        // Files: --db everywhere, -o, and the files import reads.
        let fish = PartnerGraphCommand.completionScript(for: .fish)
        for (command, option) in [("show", "-l 'db'"), ("render", "-s 'o'"), ("export", "-s 'o'"), ("import", "-l 'nodes'"), ("import", "-l 'graphml'")] {
            let line = fish.split(separator: "\n").first { $0.contains("\"partnergraph \(command)\"") && $0.contains(option) }
            #expect(line?.contains(" -rF") == true || line?.contains("__fish_complete_directories") == true,
                    "\(command) \(option) completes files: \(String(describing: line))")
        }
    }
}

/// `--version` is the root's alone: offered there, and nowhere it would be refused.
struct VersionFlagTests {
    @Test("partnergraph --version prints the version")
    func rootVersion() throws {
        let command = try #require(try PartnerGraphCommand.parseAsRoot(["--version"]) as? PartnerGraphCommand)
        #expect(command.showVersion)
        let run = try CommandLine.run(["--version"])
        #expect(run.status == 0 && run.stdout == "\(PartnerGraphCommand.version)\n", "\(run)")
        let bare = try CommandLine.run([])
        #expect(bare.status == 0 && bare.stdout.contains("SUBCOMMANDS:"), "no arguments still print the help")
    }

    @Test("No subcommand offers --version: not in completions, not in help")
    func subcommandsDoNotOfferIt() throws {
        for shell in [CompletionShell.bash, .zsh, .fish] {
            let script = PartnerGraphCommand.completionScript(for: shell)
            // The root's own lines: one to offer it (and, in fish, one to parse it); once per subcommand before.
            let lines = script.split(separator: "\n").filter { $0.contains("version") }
            #expect((1...2).contains(lines.count), "\(shell): --version on \(lines.count) lines: \(lines)")
        }
        let bash = PartnerGraphCommand.completionScript(for: .bash)
        let rootFunction = try #require(bash.range(of: "_partnergraph() {"))
        let rootEnd = try #require(bash.range(of: "\n}", range: rootFunction.upperBound..<bash.endIndex))
        #expect(bash[rootFunction.lowerBound..<rootEnd.upperBound].contains("--version"), "the root offers --version")
        for subcommand in PartnerGraphCommand.configuration.subcommands {
            let help = PartnerGraphCommand.helpMessage(for: subcommand)
            #expect(!help.contains("--version"), "`partnergraph help \(subcommand._commandName)` offers --version")
        }
    }
}
