import Foundation

/// Where ``PartnerGraphStore/export(_:format:to:options:)`` writes.
public enum ExportDestination: Sendable, Equatable {
    /// One file (for CSV, a folder that receives `nodes.csv` and `edges.csv`).
    case path(String)
    /// Standard output (not for CSV, which is two files).
    case standardOutput
}

/// Choices that only some formats have.
public struct ExportOptions: Sendable, Equatable {
    /// Mermaid: write more than ``MermaidWriter/nodeLimit`` entities.
    public var force: Bool
    /// Cypher: the engine the script is for.
    public var dialect: CypherDialect

    /// The options; the defaults suit every format.
    public init(force: Bool = false, dialect: CypherDialect = .kuzu) {
        self.force = force
        self.dialect = dialect
    }
}

extension PartnerGraphStore {
    /// Exports a selection in a format to a file, a folder (CSV) or standard output.
    ///
    /// Files are written beside their final name and moved into place only once complete, so a
    /// failed export (a full disk, an entity that cannot be found) leaves an older file as it was.
    ///
    /// ```swift
    /// try store.export(RenderSelection(relationTypes: ["member_of"]), format: .graphml, to: .path("members.graphml"))
    /// ```
    ///
    /// - Throws: ``PartnerGraphError/fileNotWritable(path:reason:)``, ``ExportError``, and the
    ///   selection's errors (see ``export(_:into:)``).
    @discardableResult
    public func export(
        _ selection: RenderSelection, format: ExportFormat, to destination: ExportDestination,
        options: ExportOptions = ExportOptions()
    ) throws -> ExportSummary {
        if format == .csv {
            guard case let .path(folder) = destination else { throw ExportError.csvNeedsFolder(nil) }
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
                try FileAccess.createFolder(folder)
            } else if !isFolder.boolValue {
                throw ExportError.csvNeedsFolder(folder)
            }
            let nodes = try ExportSink(path: folder + "/nodes.csv")
            let edges = try ExportSink(path: folder + "/edges.csv")
            defer {
                nodes.discard()
                edges.discard()
            }
            var writer = CSVExportWriter(nodes: nodes, edges: edges)
            let summary = try export(selection, into: &writer)
            try nodes.commit()
            try edges.commit()
            return summary
        }
        let sink: ExportSink
        switch destination {
        case let .path(path): sink = try ExportSink(path: path)
        case .standardOutput: sink = ExportSink(standardOutput: ())
        }
        let summary: ExportSummary
        // A failed export removes its unfinished file (and leaves an older one as it was).
        defer { sink.discard() }
        switch format {
        case .graphml:
            var writer = GraphMLWriter(sink: sink)
            summary = try export(selection, into: &writer)
        case .gexf:
            var writer = GEXFWriter(sink: sink)
            summary = try export(selection, into: &writer)
        case .jsonld:
            var writer = JSONLDWriter(sink: sink)
            summary = try export(selection, into: &writer)
        case .mermaid:
            var writer = MermaidWriter(sink: sink, force: options.force)
            summary = try export(selection, into: &writer)
        case .cypher:
            var writer = CypherWriter(sink: sink, dialect: options.dialect)
            summary = try export(selection, into: &writer)
        case .csv:
            preconditionFailure("handled above")
        }
        try sink.commit()
        return summary
    }
}
