import Foundation
@testable import PartnerGraph

/// A store holding the bundled ICESCO–Azerbaijan example, in memory.
func exampleStore() throws -> PartnerGraphStore {
    let store = try PartnerGraphStore()
    try store.loadExample()
    return store
}

/// A fresh temporary folder, removed by the caller with `removeItem`.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("partnergraph-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The project's root folder, found from this file's path.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
