/// Writes one export format, streaming: the exporter calls ``begin(_:)`` once, then
/// ``node(_:)`` for every entity in key order, then ``edge(_:)`` for every relation ordered by
/// source key, type, target key and id, then ``end()``. A writer holds its ``ExportSink``s and
/// writes as it goes, so that an export of a million relations never holds them all.
///
/// Output must be deterministic: the same calls give the same bytes.
///
/// A format of one's own is a type with these four methods:
///
/// ```swift
/// struct KeyList: GraphExportWriter {
///     let sink: ExportSink
///     mutating func begin(_ header: ExportHeader) throws { sink.write("# \(header.caption)\n") }
///     mutating func node(_ node: ExportNode) throws { sink.write(node.key + "\n") }
///     mutating func edge(_ edge: ExportEdge) throws {}
///     mutating func end() throws {}
/// }
///
/// var writer = KeyList(sink: try ExportSink(path: "keys.txt"))
/// try store.export(RenderSelection(scope: .around("ICESCO", depth: 1)), into: &writer)
/// try writer.sink.commit()
/// ```
public protocol GraphExportWriter {
    /// Starts the output: the header announces how many entities and relations follow and which
    /// alias languages, attribute keys, relation types and sources they use.
    ///
    /// - Throws: When the format cannot hold the selection, such as
    ///   ``ExportError/tooLargeForMermaid(nodes:limit:)``.
    mutating func begin(_ header: ExportHeader) throws
    /// Writes one entity; entities arrive in key order, before any relation.
    ///
    /// - Throws: When the entity has what the header did not announce (``XMLExportError``).
    mutating func node(_ node: ExportNode) throws
    /// Writes one relation between two entities already passed to ``node(_:)``.
    mutating func edge(_ edge: ExportEdge) throws
    /// Closes the output: what the format writes after its last element.
    mutating func end() throws
}
