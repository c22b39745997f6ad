import Foundation

/// With `PARTNERGRAPH_IMPORT_TIMING` set, a bulk import writes the time of each of its steps to
/// standard error, on both of its threads, in milliseconds since it began: how `BENCHMARKS.md`
/// splits the import's time.
enum ImportTiming {
    static let enabled = getenv("PARTNERGRAPH_IMPORT_TIMING") != nil
    private static let origin = DispatchTime.now().uptimeNanoseconds

    /// Writes `step` with the time since the first mark.
    static func mark(_ step: @autoclosure () -> String) {
        guard enabled else { return }
        let origin = Self.origin
        let elapsed = (DispatchTime.now().uptimeNanoseconds - origin) / 1_000_000
        FileHandle.standardError.write(Data("import timing: \(elapsed) ms \(step())\n".utf8))
    }
}
