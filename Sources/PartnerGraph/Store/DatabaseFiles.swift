import Foundation

/// The file-system steps of backup and restore: where a copy is written before it is moved
/// into place, how it is moved, and what SQLite leaves next to a database file.
enum DatabaseFiles {
    /// The files SQLite keeps next to a database while it is open or after a crash.
    static let companionSuffixes = ["-wal", "-shm", "-journal"]

    /// What is at `path`.
    enum Entry: Equatable {
        case absent
        case folder
        case file(size: Int64)
    }

    static func entry(at path: String) -> Entry {
        var info = stat()
        guard stat(path, &info) == 0 else { return .absent }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .file(size: Int64(info.st_size))
    }

    /// Whether two paths name the same file (the same device and inode), whatever their spelling.
    static func sameFile(_ first: String, _ second: String) -> Bool {
        var a = stat(), b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// The folder `path` is in (`.` for a bare file name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Refuses a target that is a folder or whose folder does not exist.
    static func checkWritableLocation(_ path: String) throws {
        if entry(at: path) == .folder { throw BackupError.isAFolder(path: path) }
        let folder = folder(of: path)
        if entry(at: folder) != .folder { throw BackupError.folderMissing(path: path, folder: folder) }
    }

    /// A fresh name next to `path`, in the same folder (so that a rename moves it into place
    /// atomically), hidden, and unique to this process and call.
    static func temporaryPath(next path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let unique = UUID().uuidString.prefix(8)
        return (folder(of: path) as NSString).appendingPathComponent(".\(name).partnergraph-\(getpid())-\(unique).tmp")
    }

    /// Removes a database file and its companions, ignoring those that are not there.
    static func remove(_ path: String) {
        for suffix in [""] + companionSuffixes { unlink(path + suffix) }
    }

    /// Moves the finished file `temporary` to `path`: atomically replacing what is there when
    /// `replacing`, else only if nothing is there (a hard link fails when the name is taken,
    /// so a file created meanwhile by someone else is never overwritten).
    ///
    /// A database's companion files left at `path` (a `-wal` from a crash, or next to a file
    /// with no database) would be read as part of the new file, so they go first.
    static func move(_ temporary: String, to path: String, replacing: Bool) throws {
        if replacing || entry(at: path) == .absent {
            for suffix in companionSuffixes { unlink(path + suffix) }
        }
        if replacing {
            guard rename(temporary, path) == 0 else {
                throw BackupError.writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
        } else if link(temporary, path) == 0 {
            unlink(temporary)
        } else {
            let failure = errno
            if failure == EEXIST { throw BackupError.destinationExists(path: path) }
            // File systems without hard links: check, then rename (the check and the rename are
            // not one step there, which is the best such a file system allows).
            guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK].contains(failure) else {
                throw BackupError.writeFailed(path: path, reason: String(cString: strerror(failure)))
            }
            if entry(at: path) != .absent { throw BackupError.destinationExists(path: path) }
            guard rename(temporary, path) == 0 else {
                throw BackupError.writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
        }
        syncFolder(of: path)
    }

    /// Makes a rename durable: the folder's entry is flushed to disk too.
    static func syncFolder(of path: String) {
        let descriptor = open(folder(of: path), O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Checks that `path` begins as every SQLite database does.
    ///
    /// - Throws: ``BackupError/notSQLite(path:reason:)`` naming what the file is instead, or
    ///   ``BackupError/unreadable(path:reason:)``.
    static func checkSQLiteHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.isReadableFile(atPath: path) ? "it cannot be opened" : "permission denied"
            throw BackupError.unreadable(path: path, reason: reason)
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty { throw BackupError.notSQLite(path: path, reason: "it is empty") }
        let magic = Data("SQLite format 3\0".utf8)
        guard header.count >= 100, header.prefix(magic.count) == magic else {
            throw BackupError.notSQLite(path: path, reason: "it is not an SQLite file (\(describe(header)))")
        }
    }

    /// A few words on what a file that is not SQLite looks like, from its first bytes.
    private static func describe(_ header: Data) -> String {
        let starts: [([UInt8], String)] = [
            (Array("PK".utf8), "it looks like a ZIP archive"), (Array("%PDF".utf8), "it looks like a PDF"),
            ([0x1F, 0x8B], "it looks gzip-compressed"), (Array("SQLite format".utf8), "it is an SQLite header cut short"),
        ]
        for (prefix, description) in starts where header.starts(with: prefix) { return description }
        let text = String(decoding: header.prefix(16), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("{") || text.hasPrefix("[") { return "it looks like JSON" }
        if text.hasPrefix("<") { return "it looks like XML or HTML" }
        if header.allSatisfy({ $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || (0x20..<0x7F).contains($0) || $0 >= 0x80 }) {
            return "it looks like text"
        }
        return "it starts with the bytes " + header.prefix(8).map { String(format: "%02x", $0) }.joined(separator: " ")
    }
}
