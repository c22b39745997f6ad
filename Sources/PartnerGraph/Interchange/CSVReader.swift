import Foundation

/// Reads an RFC 4180 CSV file record by record, in fixed-size chunks, so a file of any size
/// takes constant memory. Quoted fields may hold commas, doubled quotes and line breaks.
struct CSVReader {
    let path: String
    /// The line the current record starts on (1-based; the header is line 1).
    private(set) var line = 0
    /// Bytes consumed so far, for progress.
    private(set) var bytesRead = 0
    let fileSize: Int

    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8]
    private var position = 0
    private var filled = 0
    private var atEnd = false
    private var nextLine = 1
    /// The current record's fields, stored end to end, and where each ends.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    init(path: String, chunkSize: Int = 1 << 20) throws {
        guard let file = fopen(path, "rb") else {
            throw PartnerGraphError.fileNotReadable(path: path, reason: String(cString: strerror(errno)))
        }
        self.path = path
        self.file = file
        buffer = [UInt8](repeating: 0, count: chunkSize)
        fileSize = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }

    func close() { fclose(file) }

    var fieldCount: Int { ends.count }

    /// The bytes of field `index` of the current record.
    func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let start = index == 0 ? 0 : ends[index - 1]
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<ends[index]]))
        }
    }

    /// Field `index` as text, or `nil` when it is not valid UTF-8.
    func string(_ index: Int) -> String? {
        withField(index) { bytes in
            // ASCII, the common case for keys, types and dates, needs no validation.
            bytes.allSatisfy { $0 < 0x80 } ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
        }
    }

    func isEmpty(_ index: Int) -> Bool {
        (index == 0 ? 0 : ends[index - 1]) == ends[index]
    }

    private mutating func refill() -> Bool {
        if atEnd { return false }
        filled = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        position = 0
        bytesRead += filled
        if filled == 0 { atEnd = true }
        return filled > 0
    }

    /// Reads the next record; `false` at the end of the file. A blank line is skipped.
    ///
    /// - Throws: ``CSVImportError/Problem`` text through `onError` for an unterminated quote.
    mutating func next() throws -> Bool {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        line = nextLine
        var quoted = false
        var afterQuote = false
        var sawAny = false
        while true {
            if position >= filled && !refill() {
                if quoted { throw CSVReaderError.unterminatedQuote(line: line) }
                if !sawAny { return false }
                ends.append(bytes.count)
                return true
            }
            let byte = buffer[position]
            position += 1
            sawAny = true
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    quoted = false
                    afterQuote = true
                } else {
                    if byte == UInt8(ascii: "\n") { nextLine += 1 }
                    bytes.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                ends.append(bytes.count)
                afterQuote = false
            case UInt8(ascii: "\n"):
                nextLine += 1
                if bytes.isEmpty && ends.isEmpty && !afterQuote {
                    line = nextLine
                    sawAny = false
                    continue
                }
                ends.append(bytes.count)
                return true
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\""):
                // A doubled quote inside a quoted field is one quote.
                if afterQuote { bytes.append(byte) }
                quoted = true
                afterQuote = false
            default:
                bytes.append(byte)
            }
        }
    }
}

enum CSVReaderError: Error {
    case unterminatedQuote(line: Int)
}
