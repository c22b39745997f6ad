import Foundation

/// Where an export's bytes go: a file, written beside its final name and moved into place only
/// when complete, or standard output. Writes are buffered, and every write and close is checked:
/// a full disk or a closed pipe is an error, never a silent short file.
///
/// ```swift
/// let sink = try ExportSink(path: "graph.graphml")
/// sink.write("<graphml>")
/// try sink.commit()   // or sink.discard() after a failure
/// ```
public final class ExportSink {
    /// The name used in messages: the file's path, or `standard output`.
    public let name: String
    private let finalPath: String?
    private let temporaryPath: String?
    private let descriptor: Int32
    /// Whether the sink opened `descriptor` itself (and closes it), rather than standard output.
    private var ownsDescriptor = false
    private var buffer: [UInt8] = []
    private var failure: PartnerGraphError?
    private var finished = false
    /// How many bytes were written so far.
    public private(set) var byteCount = 0

    private static let bufferSize = 1 << 16

    /// A sink that writes to a file, replacing it only once ``commit()`` succeeds.
    ///
    /// - Throws: ``PartnerGraphError/fileNotWritable(path:reason:)`` when the file cannot be created.
    public init(path: String) throws {
        // A device, a pipe or a terminal (`-o /dev/stdout`, a FIFO) is written as it is: only a
        // regular file can be replaced by renaming.
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw PartnerGraphError.fileNotWritable(path: path, reason: FileAccess.folderGiven(path, example: nil))
        }
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw PartnerGraphError.fileNotWritable(path: path, reason: FileAccess.writeProblem(path, errno: errno)) }
            name = path
            finalPath = nil
            temporaryPath = nil
            descriptor = fd
            ownsDescriptor = true
            buffer.reserveCapacity(Self.bufferSize)
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".partnergraph-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw PartnerGraphError.fileNotWritable(path: path, reason: FileAccess.writeProblem(path, errno: errno))
        }
        name = path
        finalPath = path
        temporaryPath = temporary
        descriptor = fd
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// A sink that writes to standard output.
    public init(standardOutput: ()) {
        name = "standard output"
        finalPath = nil
        temporaryPath = nil
        descriptor = STDOUT_FILENO
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if !finished { discard() }
    }

    /// Appends text as UTF-8.
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(bytes: $0) }
    }

    /// Appends bytes.
    public func write(bytes: UnsafeBufferPointer<UInt8>) {
        byteCount += bytes.count
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { flush() }
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .fileNotWritable(path: name, reason: FileAccess.writeFailure(errno: errno))
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered, makes a file durable and moves it into place.
    ///
    /// - Throws: ``PartnerGraphError/fileNotWritable(path:reason:)`` when any write, the sync,
    ///   the close or the rename failed; the file is then removed and an older one left as it was.
    public func commit() throws {
        flush()
        finished = true
        guard let temporaryPath, let finalPath else {
            if ownsDescriptor && close(descriptor) != 0 && failure == nil {
                failure = .fileNotWritable(path: name, reason: FileAccess.writeFailure(errno: errno))
            }
            if let failure { throw failure }
            return
        }
        if failure == nil && fsync(descriptor) != 0 {
            failure = .fileNotWritable(path: name, reason: FileAccess.writeFailure(errno: errno))
        }
        if close(descriptor) != 0 && failure == nil {
            failure = .fileNotWritable(path: name, reason: FileAccess.writeFailure(errno: errno))
        }
        if failure == nil && rename(temporaryPath, finalPath) != 0 {
            failure = .fileNotWritable(path: name, reason: FileAccess.writeFailure(errno: errno))
        }
        if let failure {
            unlink(temporaryPath)
            throw failure
        }
    }

    /// Abandons the output: a file being written is removed, and an older one left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        buffer.removeAll()
        if let temporaryPath {
            close(descriptor)
            unlink(temporaryPath)
        } else if ownsDescriptor {
            close(descriptor)
        }
    }
}
