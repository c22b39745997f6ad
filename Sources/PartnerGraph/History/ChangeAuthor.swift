import Foundation

/// Who makes the changes a store records in its history, and with what command.
///
/// ```swift
/// let store = try PartnerGraphStore(path: "partners.sqlite",
///                                   author: ChangeAuthor(user: "amina", command: "nightly sync"))
/// ```
public struct ChangeAuthor: Sendable, Equatable {
    /// The person: `$PARTNERGRAPH_USER`, else the operating system's user name.
    public var user: String
    /// What was run: a command line, or any label a program chooses.
    public var command: String

    /// An author with the given user name and command.
    public init(user: String, command: String) {
        self.user = user
        self.command = command
    }

    /// This process: `$PARTNERGRAPH_USER` (else `$USER`, else the account's name) running its
    /// own command line, as a shell would show it (`partnergraph link ICESCO partner_of 'Arab League'`).
    public static var current: ChangeAuthor {
        let arguments = CommandLine.arguments
        var words = arguments.isEmpty ? ["partnergraph"] : arguments
        words[0] = (words[0] as NSString).lastPathComponent
        return ChangeAuthor(user: currentUser, command: words.map(commandWord).joined(separator: " "))
    }

    /// `$PARTNERGRAPH_USER`, else `$USER`, else the name of the process's account.
    static var currentUser: String {
        let environment = ProcessInfo.processInfo.environment
        if let user = environment["PARTNERGRAPH_USER"], !user.isEmpty { return user }
        if let user = environment["USER"], !user.isEmpty { return user }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }
}

/// A word as a POSIX shell would need it written: unchanged when it is made of safe characters,
/// else in single quotes.
func commandWord(_ word: String) -> String {
    let safe = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
        scalar.value >= 0x80 || CharacterSet.alphanumerics.contains(scalar) || "-_./:=@%+,".unicodeScalars.contains(scalar)
    }
    if safe { return word }
    return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
}
