import Foundation

/// A drawn picture: its bytes, and what it shows.
public struct RenderedPicture: Sendable {
    /// The file's contents in the requested format.
    public var data: Data
    /// The format of ``data``.
    public var format: RenderFormat
    /// The selection that was drawn.
    public var graph: RenderGraph
    /// The layout engine that ran (`auto` resolved).
    public var engine: LayoutEngine
}

extension PartnerGraphStore {
    /// Draws part of the graph: selects it, writes it as DOT, and lays it out and renders it
    /// through libgvc.
    ///
    /// ```swift
    /// let picture = try store.render(
    ///     RenderSelection(scope: .around("ICESCO", depth: 1)), style: RenderStyle(language: .both), format: .png)
    /// try picture.data.write(to: URL(fileURLWithPath: "icesco.png"))
    /// ```
    ///
    /// - Parameters:
    ///   - selection: What to draw: a scope and its filters.
    ///   - style: How it looks.
    ///   - format: The file format of the picture.
    ///   - force: Draw selections above ``renderNodeLimit`` entities.
    /// - Throws: ``RenderError`` and the entity look-up errors.
    public func render(
        _ selection: RenderSelection, style: RenderStyle = RenderStyle(), format: RenderFormat, force: Bool = false
    ) throws -> RenderedPicture {
        let graph = try renderGraph(
            for: selection, limit: force ? nil : Self.renderNodeLimit, today: style.drawnOn.flatMap { try? PartialDate($0) })
        let engine = style.layout.resolved(nodes: graph.nodes.count, edges: graph.edges.count)
        let dot = DOTWriter(style: style).dot(for: graph)
        // 144 dpi makes a sharp briefing picture; large graphs stay at 96 to keep the bitmap drawable.
        let dpi = format == .png && graph.nodes.count <= 300 ? Self.pictureDPI : nil
        let data = try GraphvizRenderer.render(dot: dot, engine: engine, format: format, dpi: dpi)
        return RenderedPicture(data: data, format: format, graph: graph, engine: engine)
    }

    /// The resolution of PNG pictures of up to 300 entities.
    public static let pictureDPI = 144
}
