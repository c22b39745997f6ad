import Foundation
import PartnerGraph

/// `partnergraph-postgres`, the program that runs a command line naming a PostgreSQL database.
///
/// `partnergraph` looks at its arguments before it parses them: when one of them, or
/// `$PARTNERGRAPH_DB`, is a `postgres://` URL, it replaces itself (`execv`) with this program,
/// given the same arguments, environment and standard streams. The program holds every command,
/// so a URL that only looked like a database (a note, say) still runs as it would have.
enum PostgresProgram {
    static let name = "partnergraph-postgres"

    /// Whether `text` names a PostgreSQL database rather than an SQLite file.
    static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// `url` without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard isURL(url), var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = nil
        return components.string ?? url
    }

    /// Whether the command line names a PostgreSQL database, as a value or in `--opt=value`.
    static func isNamed(in arguments: [String], environment database: String?) -> Bool {
        if let database, isURL(database) { return true }
        return arguments.contains { argument in
            isURL(argument) || argument.range(of: "=postgres://") != nil || argument.range(of: "=postgresql://") != nil
        }
    }

    /// Replaces this process with `partnergraph-postgres` running `arguments`; returns only by throwing.
    static func handOver(_ arguments: [String]) throws -> Never {
        let program = try SiblingProgram.path(
            of: name, overriddenBy: "PARTNERGRAPH_POSTGRES",
            missing: "a PostgreSQL database needs it; build it with `swift build --product \(name)` (`make install` installs it)")
        var argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) }
        argv.append(nil)
        execv(program, argv)
        throw UnsupportedOnPostgres(reason: "could not start \(program): \(String(cString: strerror(errno)))")
    }
}

/// Where a program installed beside `partnergraph` is.
enum SiblingProgram {
    /// The path of program `name`: `$variable` when set, else beside the running executable.
    ///
    /// - Throws: ``MissingProgram``, with `missing` saying what to do, when there is no such executable.
    static func path(of name: String, overriddenBy variable: String, missing: String) throws -> String {
        if let path = environmentVariable(variable), !path.isEmpty { return path }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let path = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw MissingProgram(reason: "\(name) is not beside partnergraph (looked for \(path)); \(missing), or name it with $\(variable)")
        }
        return path
    }
}

/// A program that should be installed beside `partnergraph` is not.
struct MissingProgram: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

/// Why a command could not run on a PostgreSQL database.
struct UnsupportedOnPostgres: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }

    /// The command `command` does not work on PostgreSQL yet.
    static func command(_ command: String) -> UnsupportedOnPostgres {
        UnsupportedOnPostgres(
            reason: "`partnergraph \(command)` is not available on PostgreSQL yet; run it on an SQLite copy "
                + "(`partnergraph copy --from postgres://… --to graph.sqlite`), or use one of the commands that work on PostgreSQL "
                + "(`partnergraph --help` lists them)")
    }
}
