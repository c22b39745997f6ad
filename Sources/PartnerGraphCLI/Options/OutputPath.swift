import ArgumentParser
import Foundation

/// Checks of an `-o` path that can be made before any work, with the usage error (exit 64).
enum OutputPath {
    /// Refuses an existing folder where a file is to be written, suggesting a file in it.
    ///
    /// - Parameter example: a file name to suggest inside the folder, such as `graph.svg`.
    static func refuseFolder(_ path: String, example: String, otherwise: String? = nil) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return }
        let inside = (path.hasSuffix("/") ? path : path + "/") + example
        throw ValidationError(
            "-o \(path.debugDescription) is a folder, not a file; name a file in it, e.g. -o \(inside.debugDescription)"
                + (otherwise.map { ", or \($0)" } ?? ""))
    }
}
