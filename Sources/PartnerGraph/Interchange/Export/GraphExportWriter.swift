/// Writes one export format, streaming: the exporter calls ``begin(_:)`` once, then
/// ``node(_:)`` for every entity in key order, then ``edge(_:)`` for every relation ordered by
/// source key, type, target key and id, then ``end()``. A writer holds its ``ExportSink``s and
/// writes as it goes, so that an export of a million relations never holds them all.
///
/// Output must be deterministic: the same calls give the same bytes.
public protocol GraphExportWriter {
    mutating func begin(_ header: ExportHeader) throws
    mutating func node(_ node: ExportNode) throws
    mutating func edge(_ edge: ExportEdge) throws
    mutating func end() throws
}
