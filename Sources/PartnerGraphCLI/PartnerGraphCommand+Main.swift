import ArgumentParser
import Foundation

/// The name of the tool, shown in every usage line.
let toolName = "partnergraph"

extension PartnerGraphCommand {
    /// Runs the command line, parsing the named subcommand as the root.
    ///
    /// Parsing from the root walks every subcommand, and each first dynamic cast scans all the
    /// protocol conformances of this large, statically linked binary: most of the start of a
    /// fresh process, which `partnergraph path` wants to answer in a few milliseconds. So the
    /// subcommand is parsed alone; each subcommand names ``toolName`` as its `_superCommandName`,
    /// so its help and usage still read `partnergraph path …`. Even alone, ArgumentParser's parse
    /// of `neighbors` or `path` is half of such a process, so those two first try
    /// ``FastArguments``, which falls back here for anything it does not read exactly as
    /// ArgumentParser would.
    static func main() {
        // Before anything reads the arguments decoded, with invalid bytes replaced.
        ArgumentEncoding.refuseInvalidArguments()
        let arguments = Array(Swift.CommandLine.arguments.dropFirst())
        // A PostgreSQL database: `partnergraph-postgres` runs the command line in this process's place.
        if PartnerGraphTool.postgresOpener == nil,
            PostgresProgram.isNamed(in: arguments, environment: environmentVariable("PARTNERGRAPH_DB"))
        {
            do { try PostgresProgram.handOver(arguments) } catch { exit(withError: error) }
        }
        guard let name = arguments.first else {
            main(arguments)
            return
        }
        let subcommandArguments = Array(arguments.dropFirst())
        if FastArguments.isEnabled && runFastPath(name, subcommandArguments) { return }
        if let subcommand = subcommandsByName[name] {
            subcommand.main(subcommandArguments)
        } else {
            main(arguments)
        }
    }

    /// Runs `neighbors` or `path` from the request ``FastArguments`` builds, if it builds one,
    /// reporting a failure as that command's `main` would: the same message, the same exit status.
    ///
    /// - Returns: Whether it ran the command.
    private static func runFastPath(_ name: String, _ arguments: [String]) -> Bool {
        switch name {
        case "neighbors":
            guard let request = FastArguments.neighborsRequest(arguments) else { return false }
            do { try request.run() } catch { Neighbors.exit(withError: error) }
        case "path":
            guard let request = FastArguments.pathRequest(arguments) else { return false }
            do { try request.run() } catch { Path.exit(withError: error) }
        default:
            return false
        }
        return true
    }

    /// The subcommands by name, written out: deriving a name from a type (`_commandName`)
    /// costs as much reflection as the parse it is meant to save. A test checks that this
    /// table lists exactly the subcommands of ``configuration``.
    static let subcommandsByName: [String: ParsableCommand.Type] = [
        "init": Init.self, "example": Example.self,
        "add": Add.self, "link": Link.self, "unlink": Unlink.self, "update": Update.self, "remove": Remove.self,
        "show": Show.self, "list": List.self, "vocab": Vocab.self, "source": SourceCommand.self,
        "export": Export.self, "import": Import.self, "ingest": Ingest.self, "review": Review.self,
        "history": History.self, "undo": Undo.self, "duplicates": Duplicates.self, "merge": Merge.self, "distinct": Distinct.self,
        "neighbors": Neighbors.self, "path": Path.self, "common": Common.self, "timeline": Timeline.self,
        "search": Search.self, "stats": Stats.self,
        "render": Render.self, "serve": Serve.self,
        "backup": Backup.self, "restore": Restore.self, "check": Check.self, "copy": Copy.self,
    ]
}
