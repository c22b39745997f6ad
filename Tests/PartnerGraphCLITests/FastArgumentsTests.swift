import Foundation
import PartnerGraph
import Testing
@testable import PartnerGraphCLI

/// The fast parser of `neighbors` and `path` reads every argument list it accepts exactly as
/// swift-argument-parser does, and leaves everything else to it.
struct FastArgumentsTests {
    typealias Neighbors = PartnerGraphCommand.Neighbors
    typealias Path = PartnerGraphCommand.Path

    @Test("neighbors: the fast parser builds the request ArgumentParser builds", arguments: [
        ["ICESCO"],
        ["ICESCO", "--depth", "2"],
        ["ICESCO", "--depth=2"],
        ["--depth", "3", "ICESCO"],
        ["ICESCO", "--depth", "2", "--depth", "4"],
        ["ICESCO", "--depth", "+2"],
        ["ICESCO", "--type", "person"],
        ["ICESCO", "--type=org", "--type", "places", "--type", "PERSON"],
        ["ICESCO", "--limit", "5"],
        ["--limit=1", "ICESCO", "--limit", "7"],
        ["ICESCO", "--relation", "heads", "--relation=member_of"],
        ["ICESCO", "--exclude-relation", "located_in", "--exclude-relation=heads"],
        ["ICESCO", "--relation=-x", "--exclude-relation=a=b"],
        ["ICESCO", "--as-of", "2024"],
        ["ICESCO", "--as-of=2024-02-29"],
        ["ICESCO", "--as-of", "2023-07", "--as-of", "2024"],
        ["ICESCO", "--directed"],
        ["--directed", "ICESCO", "--directed"],
        ["ICESCO", "--db", "/tmp/x.sqlite"],
        ["--db=/tmp/a=b.sqlite", "ICESCO"],
        ["ICESCO", "--db", "g.sqlite", "--db=h.sqlite"],
        ["ICESCO", "--db", ""],
        ["ICESCO", "--db=--json"],
        ["ICESCO", "--json"],
        ["--json", "ICESCO", "--json"],
        ["", "--json"],
        ["الإيسيسكو", "--depth", "2", "--type", "person"],
        [
            "--json", "Sahiba Gafarova", "--db", "x.sqlite", "--directed", "--depth", "2", "--type", "person", "--limit", "3",
            "--as-of", "2024-03", "--relation", "heads", "--exclude-relation", "partner_of", "--type=event",
        ],
    ])
    func neighborsLikeArgumentParser(arguments: [String]) throws {
        let expected = try Neighbors.parse(arguments).request
        let fast = FastArguments.neighborsRequest(arguments)
        #expect(fast == expected, "\(arguments): ArgumentParser reads \(expected), the fast parser \(String(describing: fast))")
    }

    @Test("path: the fast parser builds the request ArgumentParser builds", arguments: [
        ["ICESCO", "COP29"],
        ["ICESCO", "COP29", "--k", "3"],
        ["--k=3", "ICESCO", "COP29"],
        ["ICESCO", "--k", "2", "COP29"],
        ["ICESCO", "COP29", "--k", "1", "--k", "5"],
        ["ICESCO", "COP29", "-k", "2"],
        ["-k", "3", "ICESCO", "COP29"],
        ["ICESCO", "-k", "4", "COP29", "--k", "2"],
        ["ICESCO", "COP29", "--k=5", "-k", "+3"],
        ["ICESCO", "COP29", "--max-depth", "4"],
        ["ICESCO", "COP29", "--max-depth=6", "--max-depth", "2"],
        ["ICESCO", "COP29", "--avoid", "Azerbaijan", "--avoid=Non-Aligned Movement"],
        ["ICESCO", "COP29", "--avoid", ""],
        ["ICESCO", "COP29", "--relation", "heads", "--exclude-relation", "partner_of", "--relation=member_of"],
        ["ICESCO", "COP29", "--as-of", "2024-03-25"],
        ["ICESCO", "COP29", "--as-of=2024", "--as-of", "2023-01"],
        ["ICESCO", "COP29", "--directed", "--json"],
        ["--db", "x.sqlite", "Salim M. AlMalik", "Sahiba Gafarova"],
        ["--db=x.sqlite", "ICESCO", "--json", "COP29", "--db", "y.sqlite"],
        ["صاحبة غفاروفا", "ICESCO"],
        [
            "--json", "Salim M. AlMalik", "--k", "2", "--max-depth", "5", "--avoid", "ICESCO", "--avoid=NAM",
            "--relation", "heads", "--exclude-relation=partner_of", "--as-of", "2024-03", "--directed", "Sahiba Gafarova",
            "--db", "p.sqlite",
        ],
    ])
    func pathLikeArgumentParser(arguments: [String]) throws {
        let expected = try Path.parse(arguments).request
        let fast = FastArguments.pathRequest(arguments)
        #expect(fast == expected, "\(arguments): ArgumentParser reads \(expected), the fast parser \(String(describing: fast))")
    }

    @Test("neighbors: help, odd forms, bad values and missing or extra positionals are left to ArgumentParser", arguments: [
        [],
        ["ICESCO", "extra"],
        ["-h"], ["--help"], ["help"], ["ICESCO", "--help"], ["ICESCO", "-h"], ["ICESCO", "-help"], ["--version"],
        ["ICESCO", "--unknown"], ["ICESCO", "-d", "2"], ["ICESCO", "--Depth", "2"], ["ICESCO", "--k", "2"], ["ICESCO", "-k", "2"],
        ["ICESCO", "--depth", "x"], ["ICESCO", "--depth"], ["ICESCO", "--depth", "--json"], ["ICESCO", "--depth="],
        ["ICESCO", "--depth=", "2"], ["ICESCO", "--depth", "-1"], ["ICESCO", "--depth=0"], ["ICESCO", "--limit", "0"],
        ["ICESCO", "--limit", "1.5"], ["ICESCO", "--as-of", "2024-02-30"], ["ICESCO", "--as-of", "24"],
        ["ICESCO", "--type", "planet"], ["ICESCO", "--relation"], ["ICESCO", "--db"],
        ["ICESCO", "--"], ["--", "ICESCO"], ["ICESCO", "--json=true"], ["ICESCO", "--directed=1"],
        ["ICESCO", "--generate-completion-script", "bash"], ["ICESCO", "--experimental-dump-help"],
        ["---completion", "--", "positional@0", "x"],
        ["-"], ["ICESCO", "--db", "-"], ["ICESCO", "---json"], ["ICESCO", "--=x"], ["ICESCO", "--relation", "help"],
    ])
    func neighborsFallBack(arguments: [String]) {
        let fast = FastArguments.neighborsRequest(arguments)
        #expect(fast == nil, "\(arguments) must be left to ArgumentParser, not read as \(String(describing: fast))")
    }

    @Test("path: help, odd forms, bad values and missing or extra positionals are left to ArgumentParser", arguments: [
        [], ["ICESCO"], ["ICESCO", "COP29", "extra"],
        ["ICESCO", "COP29", "-h"], ["--help", "ICESCO", "COP29"], ["ICESCO", "help"],
        ["ICESCO", "COP29", "--k", "0"], ["ICESCO", "COP29", "--k", "two"], ["ICESCO", "COP29", "--max-depth", "0"],
        ["ICESCO", "COP29", "--max-depth"], ["ICESCO", "COP29", "--avoid"], ["ICESCO", "COP29", "--avoid", "-x"],
        ["ICESCO", "COP29", "--depth", "2"], ["ICESCO", "COP29", "--type", "person"], ["ICESCO", "COP29", "--limit", "2"],
        ["ICESCO", "COP29", "--as-of", "2024-13"], ["ICESCO", "--", "COP29"], ["ICESCO", "COP29", "-k2"],
        ["ICESCO", "COP29", "-k=2"], ["ICESCO", "COP29", "-k"], ["ICESCO", "COP29", "-k", "0"], ["ICESCO", "COP29", "-k", "-2"],
        ["ICESCO", "COP29", "-kk", "2"], ["ICESCO", "COP29", "-K", "2"], ["ICESCO", "COP29", "-j"], ["ICESCO", "COP29", "-k", "help"],
        ["ICESCO", "COP29", "--json=false"],
    ])
    func pathFallsBack(arguments: [String]) {
        let fast = FastArguments.pathRequest(arguments)
        #expect(fast == nil, "\(arguments) must be left to ArgumentParser, not read as \(String(describing: fast))")
    }

    /// Every list of up to three tokens from `alphabet`.
    private static func sequences(of alphabet: [String]) -> [[String]] {
        var all: [[String]] = [[]]
        var previous: [[String]] = [[]]
        for _ in 1...3 {
            previous = previous.flatMap { prefix in alphabet.map { prefix + [$0] } }
            all += previous
        }
        return all
    }

    @Test("Whatever short argument list the fast parser accepts, ArgumentParser accepts and reads the same")
    func exhaustiveAgreement() {
        let shared = ["--json", "--json=1", "--directed", "--as-of", "2024", "--db", "-", "--", "-h", "help", "", "--relation=x"]
        var accepted = 0
        for arguments in Self.sequences(of: shared + ["ICESCO", "--depth", "2", "--depth=0", "--type", "person", "--limit"]) {
            guard let fast = FastArguments.neighborsRequest(arguments) else { continue }
            accepted += 1
            #expect((try? Neighbors.parse(arguments))?.request == fast, "neighbors \(arguments): the fast parser read \(fast)")
        }
        for arguments in Self.sequences(of: shared + ["ICESCO", "COP29", "--k", "-k", "2", "--max-depth=0", "--avoid", "-k2"]) {
            guard let fast = FastArguments.pathRequest(arguments) else { continue }
            accepted += 1
            #expect((try? Path.parse(arguments))?.request == fast, "path \(arguments): the fast parser read \(fast)")
        }
        #expect(accepted > 300, "the fast parser accepted only \(accepted) lists; the check proves little")
    }

    @Test("PARTNERGRAPH_NO_FAST_PATH turns the fast parser off when set and not empty", arguments: [
        (nil, true), ("", true), ("1", false), ("0", false), ("yes", false),
    ] as [(String?, Bool)])
    func switchOff(value: String?, isEnabled: Bool) {
        #expect(FastArguments.isEnabled(noFastPath: value) == isEnabled, "PARTNERGRAPH_NO_FAST_PATH=\(value ?? "(unset)")")
    }
}

/// Runs of the built binary through the fast parser and through ArgumentParser
/// (`PARTNERGRAPH_NO_FAST_PATH=1`): the same output, errors and exit status.
@Suite(.serialized)
struct FastPathEndToEndTests {
    @Test("neighbors and path print the same, fail the same and exit the same through either parser")
    func sameOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("x.sqlite").path
        try CommandLine.run(["example", "--db", db])
        let runs: [(arguments: [String], status: Int32)] = [
            (["neighbors", "ICESCO", "--db", db], 0),
            (["neighbors", "الإيسيسكو", "--depth=2", "--type", "person", "--db", db], 0),
            (["neighbors", "ICESCO", "--depth", "3", "--limit", "4", "--json", "--db", db], 0),
            (["neighbors", "Sahiba Gafarova", "--relation", "heads", "--as-of", "2024", "--directed", "--db", db], 0),
            (["neighbors", "ICESCOO", "--db", db], 1),
            (["neighbors", "ICESCO", "--db", folder.appendingPathComponent("missing.sqlite").path], 1),
            (["path", "Salim M. AlMalik", "Sahiba Gafarova", "--db", db], 0),
            (["path", "--k", "3", "ICESCO", "Republic of Azerbaijan", "--avoid", "Non-Aligned Movement", "--db=\(db)"], 0),
            (["path", "-k", "2", "Salim M. AlMalik", "Sahiba Gafarova", "--db", db], 0),
            (["path", "Salim M. AlMalik", "Sahiba Gafarova", "--json", "--max-depth", "4", "--db", db], 0),
            (["path", "ICESCO", "UNFCCC", "--relation", "heads", "--db", db], 1),
        ]
        for (arguments, status) in runs {
            let subcommandArguments = Array(arguments.dropFirst())
            let isFast = arguments[0] == "neighbors"
                ? FastArguments.neighborsRequest(subcommandArguments) != nil : FastArguments.pathRequest(subcommandArguments) != nil
            #expect(isFast, "\(arguments) should take the fast route")
            // An empty value leaves the fast parser on, whatever the environment of the tests.
            let fast = try CommandLine.run(arguments, environment: ["PARTNERGRAPH_NO_FAST_PATH": ""])
            let slow = try CommandLine.run(arguments, environment: ["PARTNERGRAPH_NO_FAST_PATH": "1"])
            #expect(fast.status == status, "\(arguments) exited \(fast.status), expected \(status): \(fast.stderr)")
            #expect(fast.status == slow.status, "\(arguments)")
            #expect(fast.stdout == slow.stdout, "\(arguments): the fast route printed\n\(fast.stdout)\nArgumentParser's\n\(slow.stdout)")
            #expect(fast.stderr == slow.stderr, "\(arguments): the fast route reported\n\(fast.stderr)\nArgumentParser's\n\(slow.stderr)")
            #expect(status != 0 || !fast.stdout.isEmpty, "\(arguments) printed nothing")
        }
        // The database named by the environment, when there is no --db.
        let fromEnvironment = try CommandLine.run(["neighbors", "ICESCO"], environment: ["PARTNERGRAPH_DB": db])
        let withFlag = try CommandLine.run(["neighbors", "ICESCO", "--db", db])
        #expect(fromEnvironment.status == 0 && fromEnvironment.stdout == withFlag.stdout, "\(fromEnvironment.stderr)")
    }
}
