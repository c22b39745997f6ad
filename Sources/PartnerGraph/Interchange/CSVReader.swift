import Foundation

/// Reads an RFC 4180 CSV file record by record, in fixed-size chunks, so a file of any size
/// takes constant memory. Quoted fields may hold commas, doubled quotes and line breaks.
///
/// Works on UTF-8 bytes: a record without quotes (all of the benchmark workload) is split in
/// place, its fields handed out as byte ranges of the read buffer, and no `String` is made
/// unless the caller asks for one. A record with a quote or a carriage return inside it goes
/// through the byte-by-byte state machine, which copies the unquoted text aside.
///
/// The field separator is a comma unless the reader is made with another (`;` and tab, as
/// spreadsheets save them in many locales). A UTF-8 byte order mark at the start of the file is
/// skipped, line breaks may be LF or CRLF, and a quoted field keeps its line breaks as written.
struct CSVReader {
    let path: String
    /// The line the current record starts on (1-based; the header is line 1).
    private(set) var line = 0
    /// Bytes consumed so far, for progress.
    private(set) var bytesRead = 0
    let fileSize: Int
    /// The byte between two fields: `,` unless the reader was made with another.
    let delimiter: UInt8

    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var position = 0
    private var filled = 0
    private var atEnd = false
    private var nextLine = 1
    /// Where each field of the current record starts and ends, in `buffer` or, for a record
    /// that needed unquoting, in `scratch`: field `i` is `fields[2 * i] ..< fields[2 * i + 1]`.
    /// Plain memory rather than arrays, whose uniqueness checks on every append were a tenth of
    /// the reading of a large file.
    private var fields: UnsafeMutablePointer<Int>
    /// The room in `fields`, in bounds (two a field).
    private var fieldCapacity = 32
    private(set) var fieldCount = 0
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCount = 0
    private var scratchCapacity = 256
    private var inScratch = false

    /// Opens `path` for reading.
    ///
    /// - Parameter delimiter: the field separator; an ASCII byte other than a quote, a carriage
    ///   return or a line feed.
    init(path: String, delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20) throws {
        precondition(
            delimiter < 0x80 && delimiter != UInt8(ascii: "\"") && delimiter != UInt8(ascii: "\r") && delimiter != UInt8(ascii: "\n"),
            "a CSV delimiter must be an ASCII byte other than a quote or a line break")
        // fopen opens a folder too, which then reads as an empty file.
        try FileAccess.checkReadable(path, expected: "a CSV file")
        guard let file = fopen(path, "rb") else {
            throw PartnerGraphError.fileNotReadable(path: path, reason: FileAccess.readProblem(path, errno: errno, expected: "a CSV file"))
        }
        self.path = path
        self.delimiter = delimiter
        self.file = file
        capacity = max(chunkSize, 16)
        buffer = .allocate(capacity: capacity)
        scratch = .allocate(capacity: scratchCapacity)
        fields = .allocate(capacity: fieldCapacity)
        // fstat rather than FileManager's attributes, which also look up the owner's name.
        var info = stat()
        fileSize = fstat(fileno(file), &info) == 0 ? Int(info.st_size) : 0
    }

    /// Closes the file and frees the buffer; the reader must not be used afterwards.
    func close() {
        fclose(file)
        buffer.deallocate()
        scratch.deallocate()
        fields.deallocate()
    }


    /// The bytes of field `index` of the current record, valid until the next call to `next()`.
    func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try body(field(index))
    }

    /// The bytes of field `index` of the current record; they belong to the reader and stay
    /// valid until the next call to `next()` or `close()`.
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(index < fieldCount, "field \(index) of \(fieldCount)")
        return UnsafeBufferPointer(start: (inScratch ? scratch : buffer) + fields[2 * index], count: fields[2 * index + 1] - fields[2 * index])
    }

    private mutating func appendToScratch(_ byte: UInt8) {
        if scratchCount == scratchCapacity {
            Self.double(&scratch, capacity: &scratchCapacity, keeping: scratchCount)
        }
        scratch[scratchCount] = byte
        scratchCount += 1
    }

    /// Field `index` as text, or `nil` when it is not valid UTF-8.
    func string(_ index: Int) -> String? {
        withField(index) { bytes in
            // ASCII, the common case for keys, types and dates, needs no validation.
            Self.isASCII(bytes) ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
        }
    }

    func isEmpty(_ index: Int) -> Bool {
        precondition(index < fieldCount, "field \(index) of \(fieldCount)")
        return fields[2 * index] == fields[2 * index + 1]
    }

    /// Replaces `pointer` with memory of twice its `capacity`, holding its first `count` elements.
    private static func double<T>(_ pointer: inout UnsafeMutablePointer<T>, capacity: inout Int, keeping count: Int) {
        let larger = UnsafeMutablePointer<T>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: pointer, count: count)
        pointer.deallocate()
        pointer = larger
        capacity *= 2
    }

    private mutating func addField(_ start: Int, _ end: Int) {
        if 2 * fieldCount == fieldCapacity { Self.double(&fields, capacity: &fieldCapacity, keeping: 2 * fieldCount) }
        fields[2 * fieldCount] = start
        fields[2 * fieldCount + 1] = end
        fieldCount += 1
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        // Eight bytes at a time: any byte ≥ 0x80 sets a high bit.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Moves the unread bytes to the front of the buffer (growing it when they fill it) and
    /// reads more after them; `false` at the end of the file.
    private mutating func readMore() -> Bool {
        if atEnd { return false }
        let unread = filled - position
        if position > 0 {
            if unread > 0 { (buffer).update(from: buffer + position, count: unread) }
            position = 0
            filled = unread
        }
        if filled == capacity {
            Self.double(&buffer, capacity: &capacity, keeping: filled)
        }
        let count = fread(buffer + filled, 1, capacity - filled, file)
        if count == 0 {
            atEnd = true
            return false
        }
        if bytesRead == 0 && count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            // A byte order mark, which spreadsheets write before UTF-8 CSV: not part of the
            // first header name. (The first read of a file fills the buffer from its start.)
            position = 3
        }
        filled += count
        bytesRead += count
        return true
    }

    /// Reads the next record; `false` at the end of the file. A blank line is skipped.
    ///
    /// - Throws: ``CSVReaderError/unterminatedQuote(line:)`` for a quoted field never closed.
    mutating func next() throws -> Bool {
        fieldCount = 0
        inScratch = false
        while true {
            line = nextLine
            // Find the end of the line, reading more as needed.
            var end: Int
            while true {
                let found = memchr(buffer + position, Int32(UInt8(ascii: "\n")), filled - position)
                if let found {
                    end = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    break
                }
                if !readMore() {
                    end = filled
                    break
                }
            }
            if position == end && end == filled {
                return false  // The end of the file.
            }
            let lineEnd = end < filled ? end + 1 : end
            // One pass splits the fields; a quote or a carriage return needs the state machine.
            var start = position
            var index = position
            let delimiter = self.delimiter
            while index < end {
                let byte = buffer[index]
                if byte == delimiter {
                    addField(start, index)
                    start = index + 1
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r") {
                    fieldCount = 0
                    return try slowRecord()
                }
                index += 1
            }
            nextLine += 1
            if position == end {
                position = lineEnd
                continue  // A blank line.
            }
            addField(start, end)
            position = lineEnd
            return true
        }
    }

    /// The record starting at `position`, read byte by byte: quotes, doubled quotes, line
    /// breaks inside quotes, carriage returns dropped outside quotes.
    private mutating func slowRecord() throws -> Bool {
        scratchCount = 0
        inScratch = true
        var fieldStart = 0
        var quoted = false
        var afterQuote = false
        var sawAny = false
        while true {
            if position >= filled && !readMore() {
                if quoted { throw CSVReaderError.unterminatedQuote(line: line) }
                if !sawAny { return false }
                addField(fieldStart, scratchCount)
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
                    appendToScratch(byte)
                }
                continue
            }
            if byte == delimiter {
                addField(fieldStart, scratchCount)
                fieldStart = scratchCount
                afterQuote = false
                continue
            }
            switch byte {
            case UInt8(ascii: "\n"):
                nextLine += 1
                if scratchCount == 0 && fieldCount == 0 && !afterQuote {
                    line = nextLine
                    sawAny = false
                    continue
                }
                addField(fieldStart, scratchCount)
                return true
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\""):
                // A doubled quote inside a quoted field is one quote.
                if afterQuote { appendToScratch(byte) }
                quoted = true
                afterQuote = false
            default:
                appendToScratch(byte)
            }
        }
    }
}

enum CSVReaderError: Error {
    case unterminatedQuote(line: Int)
}
