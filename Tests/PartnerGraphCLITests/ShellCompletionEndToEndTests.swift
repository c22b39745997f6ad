import Foundation
import Testing

/// TAB in bash, for real: the completion script the binary generates, sourced into bash, asked
/// to complete lines as bash's readline would, calling the built binary back.
@Suite(.serialized)
struct ShellCompletionEndToEndTests {
    /// What bash offers for `line` (completing its last word), one candidate per element.
    private static func bashCompletes(_ line: String, script: URL, environment: [String: String] = [:]) throws -> [String] {
        let driver = """
            source "$1"
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
            read -r -a COMP_WORDS <<<"$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMPREPLY=()
            _partnergraph partnergraph "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", driver, "bash", script.path, line]
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = CommandLine.binary.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env.removeValue(forKey: "PARTNERGRAPH_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && stderr.isEmpty, "bash completing \(line): \(String(decoding: stderr, as: UTF8.self))")
        return String(decoding: stdout, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("bash completes entities, relation types, sources and --version from the database on the line")
    func bash() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("ex.sqlite").path
        try CommandLine.run(["example", "--db", db])
        try CommandLine.run(["add", "org", "Evil $(touch \(folder.path)/pwned) `touch \(folder.path)/pwned2`", "--key", "evil", "--db", db])
        let script = folder.appendingPathComponent("partnergraph.bash")
        let generated = try CommandLine.run(["--generate-completion-script", "bash"])
        try Data(generated.stdout.utf8).write(to: script)

        #expect(try Self.bashCompletes("partnergraph show --db \(db) Sa", script: script) == ["Sahiba Gafarova", "Salim M. AlMalik"])
        #expect(try Self.bashCompletes("partnergraph path --db \(db) ICESCO Rep", script: script) == ["Republic of Azerbaijan"])
        let types = try Self.bashCompletes("partnergraph link --db \(db) ICESCO ", script: script)
        #expect(types.contains("heads") && types.contains("partner_of") && !types.contains("ICESCO"), "\(types)")
        #expect(try Self.bashCompletes("partnergraph neighbors ICESCO --relation he", script: script, environment: ["PARTNERGRAPH_DB": db])
            == ["heads", "held_in"])
        #expect(try Self.bashCompletes("partnergraph add org X --db \(db) --source ic", script: script) == ["icesco-2024-03-26"])
        // A name is offered as it is, never run by the shell.
        #expect(try Self.bashCompletes("partnergraph show --db \(db) Ev", script: script)
            == ["Evil $(touch \(folder.path)/pwned) `touch \(folder.path)/pwned2`"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pwned").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pwned2").path))
        // No database: nothing, and no error on the terminal.
        let missing = folder.appendingPathComponent("missing.sqlite").path
        #expect(try Self.bashCompletes("partnergraph show --db \(missing) ", script: script).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: missing))

        #expect(try Self.bashCompletes("partnergraph --ver", script: script) == ["--version"])
        #expect(try Self.bashCompletes("partnergraph show --ver", script: script).isEmpty)
        #expect(try Self.bashCompletes("partnergraph path -", script: script).contains("-k"))
    }
}
