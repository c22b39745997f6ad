import Foundation

/// The secret a client must send, as `Authorization: Bearer TOKEN`, with every write.
///
/// It is given when the server starts, in a file or an environment variable, never on the
/// command line, where `ps` shows it to every user of the machine; and compared in constant
/// time, so that how long a refusal takes tells nothing of how much of a guess was right.
public struct BearerToken: Sendable {
    private let bytes: [UInt8]

    /// The shortest token accepted: a guessable token would make `--allow-writes` open to anyone.
    public static let minimumLength = 16

    /// A token from text read from a file or the environment: surrounding white space
    /// (a file's final line break) is dropped.
    ///
    /// - Throws: ``WebError`` when the token is shorter than ``minimumLength`` or holds white
    ///   space or control characters inside.
    public init(_ text: String) throws {
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.count >= Self.minimumLength else {
            throw WebError(
                status: .internalServerError,
                message: "the write token is \(token.isEmpty ? "empty" : "\(token.count) characters long"); it must have at least \(Self.minimumLength)",
                fix: "make one with `head -c 24 /dev/urandom | base64 > token.txt` and pass --token-file token.txt")
        }
        guard token.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw WebError(
                status: .internalServerError, message: "the write token holds a space, a control character or a non-ASCII character",
                fix: "use printable ASCII only, e.g. `head -c 24 /dev/urandom | base64`")
        }
        bytes = Array(token.utf8)
    }

    /// Whether an `Authorization` header's value is `Bearer` and this token.
    ///
    /// Every byte of the longer of the two is read whatever the others are.
    public func accepts(authorization: String?) -> Bool {
        guard let authorization else { return false }
        let prefix = "bearer "
        guard authorization.count > prefix.count, authorization.prefix(prefix.count).lowercased() == prefix else { return false }
        let given = Array(authorization.utf8.dropFirst(prefix.utf8.count))
        var difference = UInt8(given.count == bytes.count ? 0 : 1)
        for index in 0..<max(given.count, bytes.count) {
            let left = index < given.count ? given[index] : 0
            let right = index < bytes.count ? bytes[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
