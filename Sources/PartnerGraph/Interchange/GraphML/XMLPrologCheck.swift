import Foundation

/// The checks a GraphML file passes before any XML parser sees it: it is UTF-8, and it holds no
/// document type or entity declaration.
///
/// The second check is a byte search for `<!DOCTYPE` and `<!ENTITY`, not parsing: in a
/// well-formed document those bytes can only start a declaration, a comment's text or a CDATA
/// section, so a file is at worst refused for a comment that mentions a DOCTYPE. In exchange no
/// entity of any kind ever reaches the parser, whatever the parser library's settings.
enum XMLPrologCheck {
    static func check(_ data: Data, file: String) throws {
        try checkEncoding(data, file: file)
        for marker in ["<!DOCTYPE", "<!ENTITY"] {
            if let range = data.range(of: Data(marker.utf8)) {
                throw GraphMLImportError.documentTypeDeclaration(file: file, line: line(at: range.lowerBound, in: data))
            }
        }
    }

    private static func checkEncoding(_ data: Data, file: String) throws {
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw GraphMLImportError.notUTF8(file: file, detail: "it starts with a UTF-16 byte order mark")
        }
        if bytes.starts(with: [0x3C, 0x00]) || bytes.starts(with: [0x00, 0x3C]) {
            throw GraphMLImportError.notUTF8(file: file, detail: "it looks like UTF-16")
        }
        if let offset = firstInvalidUTF8Byte(data) {
            throw GraphMLImportError.notUTF8(
                file: file, detail: "the byte at offset \(offset), on line \(line(at: data.startIndex + offset, in: data)), is not UTF-8")
        }
        // The XML declaration may name another encoding for bytes that happen to be valid UTF-8
        // (plain ASCII Latin-1): the parser would then decode them as that encoding.
        let head = String(decoding: data.prefix(200), as: UTF8.self)
        if head.hasPrefix("<?xml") || head.hasPrefix("\u{FEFF}<?xml"), let end = head.range(of: "?>") {
            let declaration = head[..<end.lowerBound]
            if let match = declaration.firstMatch(of: /encoding\s*=\s*["']([^"']*)["']/) {
                let name = match.1.lowercased()
                if !["utf-8", "utf8", "us-ascii", "ascii"].contains(name) {
                    throw GraphMLImportError.notUTF8(file: file, detail: "its XML declaration says encoding=\"\(match.1)\"")
                }
            }
        }
    }

    /// The offset of the first byte that is not part of valid UTF-8, if any.
    private static func firstInvalidUTF8Byte(_ data: Data) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var offset = 0
            var decoder = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            while true {
                switch decoder.parseScalar(from: &iterator) {
                case .valid(let encoded): offset += encoded.count
                case .emptyInput: return nil
                case .error(let length): _ = length; return offset
                }
            }
        }
    }

    /// The line (from 1) of a byte.
    static func line(at index: Data.Index, in data: Data) -> Int {
        data[data.startIndex..<index].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }
}

/// Words for the error codes XMLParser reports on Linux, which are libxml2's `xmlParserErrors`
/// (FoundationXML's `XMLParser.ErrorCode` cases are numbered from 0 and do not match them).
enum XMLErrorWords {
    /// libxml2's warnings: reported through the same callback, but the document is well formed.
    static let warnings: Set<Int> = [27, 93, 97, 98, 99, 100, 102, 106, 107]

    static func describe(_ code: Int) -> String {
        switch code {
        case 4: return "the file is empty"
        case 5, 86: return "there is content after the root element"
        case 9: return "a character that XML does not allow"
        case 23, 24: return "a bare & (write it as &amp;)"
        case 26: return "an entity reference (&name;) that XML does not define (write & as &amp;)"
        case 38: return "a < inside an attribute value (write it as &lt;)"
        case 39, 40, 41: return "an attribute without a quoted value"
        case 42: return "an element has the same attribute twice"
        case 68: return "a < that does not start a tag (write it as &lt;)"
        case 73, 77: return "a tag that is not closed with >"
        case 76: return "an end tag does not match the element it closes"
        case 85: return "the elements are not properly nested"
        case 201: return "an element or attribute uses a namespace prefix that is not declared"
        default: return "libxml2 error \(code)"
        }
    }
}
