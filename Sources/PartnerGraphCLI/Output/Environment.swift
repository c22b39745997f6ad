import Foundation

/// The value of one environment variable, or `nil` when it is not set.
///
/// Read with `getenv`: `ProcessInfo.environment` copies the whole environment into a
/// dictionary first, about 3 % of the instructions of a fresh `partnergraph neighbors`.
func environmentVariable(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}
