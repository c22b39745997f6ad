import Foundation

/// Refuses a command line with an argument that is not UTF-8.
///
/// `CommandLine.arguments` decodes each argument with repair: invalid bytes become U+FFFD, so
/// `update ICESCO --rename $'\xff\xfe'` would store "��" in place of the name. The raw bytes,
/// in `CommandLine.unsafeArgv`, are checked before anything reads the decoded strings.
enum ArgumentEncoding {
    /// The exit status of a refused command line: 64 (EX_USAGE), as for any bad usage.
    static let exitStatus: Int32 = 64

    /// Checks the process's own arguments; on an invalid one, prints why on standard error and
    /// exits.
    static func refuseInvalidArguments() {
        let count = Int(Swift.CommandLine.argc)
        let argv = Swift.CommandLine.unsafeArgv
        var arguments: [UnsafeBufferPointer<UInt8>] = []
        arguments.reserveCapacity(count)
        var valid = true
        for index in 0..<count {
            guard let pointer = argv[index] else { break }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            arguments.append(bytes)
            if valid && index > 0 && !isUTF8(bytes) { valid = false }
        }
        // Nearly every command line is valid: then nothing is copied.
        if valid { return }
        guard let message = problem(in: arguments.dropFirst().map(Array.init)) else { return }
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
        exit(exitStatus)
    }

    /// Whether `bytes` are well-formed UTF-8.
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Printable ASCII, nearly every argument, needs no decoding.
        if bytes.allSatisfy({ $0 < 0x80 }) { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// Why the first argument that is not UTF-8 is refused, naming it; `nil` when all are valid.
    ///
    /// - Parameter arguments: the arguments after the program's name, as bytes.
    static func problem(in arguments: [[UInt8]]) -> String? {
        for (index, bytes) in arguments.enumerated() {
            if bytes.withUnsafeBufferPointer(isUTF8) { continue }
            let which: String
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")), bytes.starts(with: Array("--".utf8)),
                let option = String(validating: bytes[..<equals], as: UTF8.self)
            {
                which = "the value of \(option)"
            } else if index > 0, let previous = String(validating: arguments[index - 1], as: UTF8.self),
                previous.hasPrefix("-"), previous.count > 1, !previous.contains("=")
            {
                which = "the value of \(previous) (argument \(index + 1))"
            } else {
                which = "argument \(index + 1)"
            }
            return "\(which) is not UTF-8 text: \(escaped(bytes)); PartnerGraph stores text as UTF-8. "
                + "Check the encoding of the terminal or script that wrote it (`locale` should name UTF-8), "
                + "or convert the text, e.g. with `iconv -f WINDOWS-1256 -t UTF-8` for Arabic from Windows"
        }
        return nil
    }

    /// The bytes as a quoted string: printable ASCII as it is, anything else as `\xHH`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = "\""
        for byte in bytes.prefix(60) {
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                text += "\\x" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return text + (bytes.count > 60 ? "…\"" : "\"")
    }
}
