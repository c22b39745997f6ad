import Foundation
import Synchronization

/// Lays out and draws DOT text in-process through libgvc: no `dot` subprocess. The library is
/// loaded when the first picture is drawn (see `GraphvizLibrary`).
///
/// Each C resource is released by the `defer` that follows its acquisition, on every path:
/// the context (`gvContext`/`gvFreeContext`), the graph (`agmemread`/`agclose`), the layout
/// (`gvLayout`/`gvFreeLayout`) and the rendered bytes (`gvRenderData`/`gvFreeRenderData`).
/// Graphviz keeps global state and is not thread-safe, so every call is serialised behind
/// one process-wide lock. Graphviz's messages are collected, not printed, and a failure
/// carries them.
///
/// ```swift
/// let png = try GraphvizRenderer.render(dot: text, format: .png)
/// ```
public enum GraphvizRenderer {
    /// Serialises every use of Graphviz in the process.
    private static let lock = Mutex<Void>(())

    /// Lays out `dot` with `engine` and renders it as `format`.
    ///
    /// - Parameters:
    ///   - dot: DOT text, such as ``DOTWriter/dot(for:)`` writes.
    ///   - engine: the layout engine; `nil` uses the graph's `layout` attribute, else `dot`.
    ///   - format: `png`, `svg`, `pdf` or `json`; for ``RenderFormat/dot`` the text is returned as is.
    ///   - dpi: the resolution of bitmap output (PNG), when not Graphviz's default of 96.
    /// - Throws: ``RenderError/graphviz(stage:message:)`` with Graphviz's own message.
    public static func render(dot: String, engine: LayoutEngine? = nil, format: RenderFormat, dpi: Int? = nil) throws -> Data {
        guard format.needsLayout else { return Data(dot.utf8) }
        return try lock.withLock { _ throws(RenderError) -> Data in
            try renderLocked(dot: dot, engine: engine, format: format, dpi: dpi)
        }
    }

    /// The Graphviz output format and plugin: Cairo (through Pango, which shapes Arabic) for
    /// bitmaps and PDF; the core SVG writer, which keeps text as text.
    private static func device(for format: RenderFormat) -> String {
        switch format {
        case .png: return "png:cairo"
        case .pdf: return "pdf:cairo"
        case .svg: return "svg:svg:core"
        case .json, .dot: return "json"
        }
    }

    private static func renderLocked(dot: String, engine: LayoutEngine?, format: RenderFormat, dpi: Int?) throws(RenderError) -> Data {
        let graphviz = try GraphvizLibrary.shared.get()
        GraphvizMessages.start()
        let previousHandler = graphviz.setErrorFunction(graphvizMessageHandler)
        defer {
            _ = graphviz.setErrorFunction(previousHandler)
            GraphvizMessages.stop()
        }

        guard let context = graphviz.context() else {
            throw RenderError.graphviz(stage: "start", message: "gvContext returned nothing")
        }
        defer { _ = graphviz.freeContext(context) }

        guard let graph = dot.withCString({ graphviz.read($0) }) else {
            throw RenderError.graphviz(stage: "read", message: GraphvizMessages.text)
        }
        defer { _ = graphviz.close(graph) }

        if let dpi {
            setAttribute(graphviz, graph, "dpi", String(dpi))
        }
        let layoutName = engine.flatMap { $0 == .auto ? nil : $0.rawValue } ?? attribute(graphviz, graph, "layout") ?? "dot"
        guard graphviz.layout(context, graph, layoutName) == 0 else {
            throw RenderError.graphviz(stage: "lay out", message: GraphvizMessages.text)
        }
        defer { _ = graphviz.freeLayout(context, graph) }

        var bytes: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = graphviz.renderData(context, graph, device(for: format), &bytes, &length)
        defer { if let bytes { graphviz.freeRenderData(bytes) } }
        guard status == 0, let bytes, length > 0 else {
            throw RenderError.graphviz(stage: "render", message: GraphvizMessages.text)
        }
        return Data(bytes: bytes, count: Int(length))
    }

    private static func attribute(_ graphviz: GraphvizLibrary, _ graph: OpaquePointer, _ name: String) -> String? {
        let value = name.withCString { graphviz.get(graph, UnsafeMutablePointer(mutating: $0)) }
        guard let value, value.pointee != 0 else { return nil }
        return String(cString: value)
    }

    private static func setAttribute(_ graphviz: GraphvizLibrary, _ graph: OpaquePointer, _ name: String, _ value: String) {
        name.withCString { name in
            value.withCString { value in
                "".withCString { empty in
                    _ = graphviz.safeSet(
                        graph, UnsafeMutablePointer(mutating: name),
                        UnsafeMutablePointer(mutating: value), UnsafeMutablePointer(mutating: empty))
                }
            }
        }
    }
}

/// Graphviz's warnings and errors during one render. Only touched under the renderer's lock.
private enum GraphvizMessages {
    nonisolated(unsafe) static var lines: [String] = []

    static func start() { lines = [] }
    static func stop() { lines = [] }

    static var text: String {
        lines.joined().trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: "; ")
    }
}

/// Receives Graphviz's messages instead of standard error (`agseterrf`).
private let graphvizMessageHandler: GraphvizLibrary.ErrorFunction = { message in
    if let message { GraphvizMessages.lines.append(String(cString: message)) }
    return 0
}
