import Foundation

/// Graphviz's C functions, found in its shared library (libgvc, with libcgraph, which it
/// loads) the first time a picture is drawn, rather than linked into the program.
///
/// Most commands never draw. Linked, libgvc and the six libraries it pulls in would be mapped
/// and relocated by every run of every command: a tenth of a fresh `neighbors`. Loaded here,
/// they cost only `render`, once per process. A program without Graphviz installed still
/// answers every other command, and `render` says what to install.
///
/// The function types follow the declarations of `<graphviz/gvc.h>` and `<graphviz/cgraph.h>`
/// (Graphviz 2.42 to 12): graphs and contexts are opaque pointers here.
struct GraphvizLibrary: @unchecked Sendable {
    typealias ErrorFunction = @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32

    let context: @convention(c) () -> OpaquePointer?
    let freeContext: @convention(c) (OpaquePointer?) -> Int32
    let read: @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?
    let close: @convention(c) (OpaquePointer?) -> Int32
    let layout: @convention(c) (OpaquePointer?, OpaquePointer?, UnsafePointer<CChar>?) -> Int32
    let freeLayout: @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32
    let renderData:
        @convention(c) (
            OpaquePointer?, OpaquePointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
            UnsafeMutablePointer<UInt32>?
        ) -> Int32
    let freeRenderData: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void
    let get: @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>?) -> UnsafeMutablePointer<CChar>?
    let safeSet:
        @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<CChar>?)
            -> Int32
    let setErrorFunction: @convention(c) (ErrorFunction?) -> ErrorFunction?

    /// The names tried, in order: `PARTNERGRAPH_GRAPHVIZ_LIBRARY` when set (the path of another
    /// Graphviz build's libgvc), else the runtime library's own name, then the development link.
    static let libraryNames: [String] = {
        if let chosen = getenv("PARTNERGRAPH_GRAPHVIZ_LIBRARY"), chosen.pointee != 0 { return [String(cString: chosen)] }
        return ["libgvc.so.6", "libgvc.so"]
    }()

    /// The library, loaded on first use; the same outcome for the rest of the process.
    static let shared: Result<GraphvizLibrary, RenderError> = Result { () throws(RenderError) in try load() }

    private static func load() throws(RenderError) -> GraphvizLibrary {
        var reasons: [String] = []
        var handle: UnsafeMutableRawPointer?
        var loaded = libraryNames[0]
        for name in libraryNames {
            // RTLD_GLOBAL, as linking would: Graphviz's plugins, which it loads itself, use its symbols.
            handle = dlopen(name, RTLD_NOW | RTLD_GLOBAL)
            loaded = name
            if handle != nil { break }
            reasons.append(dlerror().map { String(cString: $0) } ?? name)
        }
        guard let handle else {
            throw RenderError.graphvizUnavailable(library: libraryNames[0], reason: reasons.joined(separator: "; "))
        }
        // Each function's type is the one its property declares.
        func symbol<T>(_ name: String) throws(RenderError) -> T {
            guard let address = dlsym(handle, name) else {
                throw RenderError.graphvizUnavailable(
                    library: loaded, reason: "it has no function \(name): " + (dlerror().map { String(cString: $0) } ?? "?"))
            }
            return unsafeBitCast(address, to: T.self)
        }
        return GraphvizLibrary(
            context: try symbol("gvContext"), freeContext: try symbol("gvFreeContext"), read: try symbol("agmemread"),
            close: try symbol("agclose"), layout: try symbol("gvLayout"), freeLayout: try symbol("gvFreeLayout"),
            renderData: try symbol("gvRenderData"), freeRenderData: try symbol("gvFreeRenderData"), get: try symbol("agget"),
            safeSet: try symbol("agsafeset"), setErrorFunction: try symbol("agseterrf"))
    }
}
