import Foundation
import PartnerGraph

/// Builds the requests of the two hot read commands, `neighbors` and `path`, from their
/// arguments without ArgumentParser, so that a fresh process answers in a few milliseconds.
///
/// ArgumentParser reads a command's flags by reflection, and each of its first dynamic casts and
/// generic instantiations scans every protocol conformance of this statically linked binary: about
/// half the instructions of a whole `partnergraph neighbors` process. This parser is a plain loop
/// over the arguments, with no `Mirror`, no casts and no `Codable`, that reads only the forms
/// whose meaning to ArgumentParser is plain:
///
/// - `--name value` and `--name=value`; a repeatable option accumulates, any other keeps its last
///   value, as in ArgumentParser;
/// - a short option alone with its value in the next argument (`path`'s `-k 2`);
/// - flags (`--json`, `--directed`);
/// - positionals before, between or after options.
///
/// For anything else it returns `nil`, and ``PartnerGraphCommand/main()`` hands the arguments to
/// ArgumentParser, which prints help or the error exactly as it always has: `-h`, `--help`,
/// `help`, `--version`, `--`, an unknown option, a short option joined to its value (`-k2`,
/// `-k=2`) or to others, a value that is missing or starts with `-`, an empty `--name=`, a value
/// on a flag, a value that does not convert or breaks a rule of the request's `validate()`, a
/// missing or extra positional.
///
/// The options mirror the `@Option`, `@Flag` and `@OptionGroup` declarations of
/// ``PartnerGraphCommand/Neighbors`` and ``PartnerGraphCommand/Path``; tests check that every
/// request built here equals the one ArgumentParser builds from the same arguments.
enum FastArguments {
    /// Whether `main()` tries this parser first. Set `PARTNERGRAPH_NO_FAST_PATH=1` to always
    /// use ArgumentParser, e.g. to compare the output of both routes (the end-to-end tests do).
    static var isEnabled: Bool {
        isEnabled(noFastPath: environmentVariable("PARTNERGRAPH_NO_FAST_PATH"))
    }

    /// Whether the parser is on, given the value of `PARTNERGRAPH_NO_FAST_PATH`: off when it is
    /// set and not empty.
    static func isEnabled(noFastPath value: String?) -> Bool {
        value?.isEmpty ?? true
    }

    /// The request of `partnergraph neighbors ARGUMENTS`, or `nil` when ArgumentParser must read
    /// the arguments.
    static func neighborsRequest(_ arguments: [String]) -> NeighborsRequest? {
        var request = NeighborsRequest(entity: "")
        let positionals = scan(arguments) { name, scanner in
            switch name {
            case "depth":
                guard let value = scanner.value(), let depth = Int(value) else { return false }
                request.depth = depth
            case "type":
                guard let value = scanner.value(), let type = EntityType(parsing: value) else { return false }
                request.types.append(type)
            case "limit":
                guard let value = scanner.value(), let limit = Int(value) else { return false }
                request.limit = limit
            default:
                return request.options.read(name, from: &scanner)
            }
            return true
        }
        guard let positionals, positionals.count == 1 else { return nil }
        request.entity = positionals[0]
        guard (try? request.validate()) != nil else { return nil }
        return request
    }

    /// The request of `partnergraph path ARGUMENTS`, or `nil` when ArgumentParser must read the
    /// arguments.
    static func pathRequest(_ arguments: [String]) -> PathRequest? {
        var request = PathRequest(from: "", to: "")
        let positionals = scan(arguments) { name, scanner in
            switch name {
            case "k", "-k":
                guard let value = scanner.value(), let k = Int(value) else { return false }
                request.k = k
            case "max-depth":
                guard let value = scanner.value(), let maxDepth = Int(value) else { return false }
                request.maxDepth = maxDepth
            case "avoid":
                guard let value = scanner.value() else { return false }
                request.avoid.append(value)
            default:
                return request.options.read(name, from: &scanner)
            }
            return true
        }
        guard let positionals, positionals.count == 2 else { return nil }
        request.from = positionals[0]
        request.to = positionals[1]
        guard (try? request.validate()) != nil else { return nil }
        return request
    }

    /// Reads `arguments`, handing each option to `readOption`, and returns the positionals; `nil`
    /// when an argument is one this parser does not read, or `readOption` refuses an option.
    private static func scan(
        _ arguments: [String], readOption: (Substring, inout ArgumentScanner) -> Bool
    ) -> [String]? {
        var scanner = ArgumentScanner(arguments)
        while true {
            switch scanner.next() {
            case .end: return scanner.positionals
            case .unreadable: return nil
            case .option(let name): guard readOption(name, &scanner) else { return nil }
            }
        }
    }
}

fileprivate extension ReadRequestOptions {
    /// Reads the option `name` and its value, if it is one of these.
    ///
    /// - Returns: `false` when `name` is none of these, or its value is missing or invalid.
    mutating func read(_ name: Substring, from scanner: inout ArgumentScanner) -> Bool {
        switch name {
        case "relation":
            guard let value = scanner.value() else { return false }
            relations.append(value)
        case "exclude-relation":
            guard let value = scanner.value() else { return false }
            excludeRelations.append(value)
        case "as-of":
            // The same conversion as the option's `transform`; its error is ArgumentParser's to print.
            guard let value = scanner.value(), let date = try? PartialDate(value) else { return false }
            asOf = date
        case "directed":
            guard scanner.flag() else { return false }
            directed = true
        case "db":
            guard let value = scanner.value() else { return false }
            databasePath = value
        case "json":
            guard scanner.flag() else { return false }
            json = true
        default:
            return false
        }
        return true
    }
}

/// Reads arguments in order as ArgumentParser reads long options with the default parsing
/// strategy, keeping the plain values met on the way as positionals.
private struct ArgumentScanner {
    enum Step {
        /// An option: a long one by its name without the dashes (`k` for `--k`), a short one
        /// with its dash (`-k`); take its ``value()`` or check ``flag()`` next.
        case option(Substring)
        /// The end of the arguments.
        case end
        /// An argument this scanner does not read the way ArgumentParser would.
        case unreadable
    }

    private var arguments: ArraySlice<String>
    /// The text after `=` in the current option, not yet taken.
    private var attachedValue: String?
    /// The plain values met so far, in order.
    private(set) var positionals: [String] = []

    init(_ arguments: [String]) {
        self.arguments = arguments[...]
    }

    /// Moves to the next option, keeping the plain values before it as positionals.
    mutating func next() -> Step {
        attachedValue = nil
        while let argument = arguments.popFirst() {
            // To ArgumentParser `help` is a plain value here, as these commands have no
            // subcommands; it is left to ArgumentParser all the same, in case that changes.
            if argument == "help" { return .unreadable }
            guard argument.hasPrefix("-") else {
                positionals.append(argument)
                continue
            }
            // Only `--name`, `--name=value` and `-x` alone: `-`, `--`, `---x`, `-xy` (flags
            // grouped, or a value joined) and `-x=y` mean other things.
            guard argument.hasPrefix("--") else {
                let letter = argument.dropFirst()
                guard letter.count == 1, let character = letter.first, character.isASCII, character.isLetter else {
                    return .unreadable
                }
                return .option(argument[...])
            }
            let text = argument.dropFirst(2)
            guard let first = text.first, first != "-" else { return .unreadable }
            guard let equals = text.firstIndex(of: "=") else { return .option(text) }
            let name = text[..<equals]
            let value = text[text.index(after: equals)...]
            // ArgumentParser reads `--name=` as `--name` followed by the next argument.
            guard !name.isEmpty, !value.isEmpty else { return .unreadable }
            attachedValue = String(value)
            return .option(name)
        }
        return .end
    }

    /// The current option's value: the text after `=`, else the next argument, unless that
    /// starts with `-` (an option to ArgumentParser, but `-` alone a value) or is `help`.
    mutating func value() -> String? {
        if let attached = attachedValue {
            attachedValue = nil
            return attached
        }
        guard let next = arguments.first, next != "help", !next.hasPrefix("-") else { return nil }
        arguments.removeFirst()
        return next
    }

    /// Whether the current option is a plain flag: `--json`, not `--json=yes`.
    mutating func flag() -> Bool {
        defer { attachedValue = nil }
        return attachedValue == nil
    }
}
