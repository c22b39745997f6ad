import Foundation

/// Reading and creating the files a person names, with errors that say what is wrong with the
/// path: a folder where a file was expected, a folder on the way that does not exist, a
/// permission, a full disk. Foundation's messages ("The file doesn't exist", "NSCocoaErrorDomain
/// error 512") name none of these.
///
/// ```swift
/// let data = try FileAccess.contents(of: "partners.json")
/// // PartnerGraphError.fileNotReadable: cannot read imports/partners.json: the folder imports does not exist
/// ```
public enum FileAccess {
    /// The whole contents of a file.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - expected: What the file should be, for the message about a folder given instead:
    ///     `"the JSON file"`.
    /// - Throws: ``PartnerGraphError/fileNotReadable(path:reason:)`` naming what is wrong.
    public static func contents(of path: String, expected: String = "a file") throws -> Data {
        try checkReadable(path, expected: expected)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PartnerGraphError.fileNotReadable(path: path, reason: readProblem(path, errno: errno, expected: expected))
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw PartnerGraphError.fileNotReadable(path: path, reason: (error as NSError).localizedFailureReason ?? "\(error)")
        }
    }

    /// Checks that `path` names something to read: a file, or a device or pipe, not a folder.
    ///
    /// - Throws: ``PartnerGraphError/fileNotReadable(path:reason:)`` naming what is wrong.
    public static func checkReadable(_ path: String, expected: String = "a file") throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw PartnerGraphError.fileNotReadable(path: path, reason: readProblem(path, errno: errno, expected: expected))
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw PartnerGraphError.fileNotReadable(path: path, reason: "it is a folder, not \(expected); name \(expected) in it")
        }
        if access(path, R_OK) != 0 {
            throw PartnerGraphError.fileNotReadable(path: path, reason: readProblem(path, errno: errno, expected: expected))
        }
    }

    /// Creates a folder and the folders above it that are missing, as `mkdir -p` does.
    ///
    /// - Throws: ``PartnerGraphError/fileNotWritable(path:reason:)`` naming the folder that
    ///   could not be made, and why.
    public static func createFolder(_ path: String) throws {
        var missing: [String] = []
        var folder = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        var info = stat()
        while folder != "." && folder != "/" && stat(folder, &info) != 0 {
            missing.append(folder)
            folder = parentFolder(of: folder)
        }
        for folder in missing.reversed() where mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw PartnerGraphError.fileNotWritable(path: path, reason: writeProblem(folder, errno: errno))
        }
    }

    /// Why `path` could not be opened for reading, given the `errno` of the failure.
    static func readProblem(_ path: String, errno code: Int32, expected: String = "a file") -> String {
        switch code {
        case ENOENT:
            if let missing = missingFolder(on: path) { return "no such file: the folder \(missing) does not exist" }
            return "no such file"
        case ENOTDIR:
            if let file = fileOnTheWay(to: path) { return "no such file: \(file) is a file, not a folder" }
            return "no such file: a part of the path is a file, not a folder"
        case EACCES, EPERM:
            return "no permission to read it"
        case EISDIR:
            return "it is a folder, not \(expected); name \(expected) in it"
        default:
            return String(cString: strerror(code))
        }
    }

    /// Why a file could not be created at `path`, given the `errno` of the failure.
    ///
    /// - Parameter example: a file name to suggest inside `path` when it is a folder, such as
    ///   `graph.svg`.
    static func writeProblem(_ path: String, errno code: Int32, example: String? = nil) -> String {
        var info = stat()
        if stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
            return folderGiven(path, example: example)
        }
        let folder = parentFolder(of: path)
        switch code {
        case ENOENT:
            if let missing = missingFolder(on: path) {
                return "the folder \(missing) does not exist; create it first (mkdir -p \(shellQuoted(parentFolder(of: path))))"
            }
            return String(cString: strerror(code))
        case ENOTDIR:
            if let file = fileOnTheWay(to: path) { return "\(file) is a file, not a folder" }
            return "a part of the path is a file, not a folder"
        case EACCES, EPERM:
            if FileManager.default.fileExists(atPath: path) && access(path, W_OK) != 0 && access(folder, W_OK) == 0 {
                return "the file is read-only; make it writable, or write another file"
            }
            return "no permission to write in the folder \(folder); choose another folder, or make this one writable"
        case EROFS:
            return "the folder \(folder) is on a read-only file system; write the file elsewhere"
        case EISDIR:
            return folderGiven(path, example: example)
        default:
            return writeFailure(errno: code)
        }
    }

    /// Why a write, sync or close failed, given its `errno`.
    static func writeFailure(errno code: Int32) -> String {
        switch code {
        case ENOSPC: return "no space left on the device (the disk is full); free some space or write elsewhere"
        case EDQUOT: return "the disk quota is exhausted; free some space or write elsewhere"
        case EFBIG: return "the file is too large for the file system"
        case EIO: return "an input/output error on the device"
        default: return String(cString: strerror(code))
        }
    }

    /// The message for a folder named where a file was expected.
    static func folderGiven(_ path: String, example: String?) -> String {
        let inside = path.hasSuffix("/") ? path : path + "/"
        return "it is a folder, not a file; name a file in it" + (example.map { ", e.g. \(inside)\($0)" } ?? "")
    }

    /// The folder a file would be created in: `.` for a bare name.
    static func parentFolder(of path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The folders on the way to `path`, from the top down (`a`, `a/b` for `a/b/c`).
    private static func foldersFromTheTop(to path: String) -> [String] {
        var folders: [String] = []
        var folder = parentFolder(of: path)
        while folder != "." && folder != "/" && !folders.contains(folder) {
            folders.append(folder)
            folder = parentFolder(of: folder)
        }
        return folders.reversed()
    }

    /// The first folder on the way to `path` that does not exist, if one does not.
    static func missingFolder(on path: String) -> String? {
        // From the top down: the first one missing is the one to create.
        for candidate in foldersFromTheTop(to: path) {
            var info = stat()
            if stat(candidate, &info) != 0 && errno == ENOENT { return candidate }
        }
        return nil
    }

    /// The first path on the way to `path` that is a file where a folder should be.
    static func fileOnTheWay(to path: String) -> String? {
        for candidate in foldersFromTheTop(to: path) {
            var info = stat()
            if stat(candidate, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR { return candidate }
        }
        return nil
    }
}
