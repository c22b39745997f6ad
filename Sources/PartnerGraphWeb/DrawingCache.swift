import Foundation
import PartnerGraph
import Synchronization

/// Drawings already made, so that Graphviz runs once per picture and graph version, not once
/// per request: Graphviz is serialised process-wide (it is not thread-safe), and a layout
/// takes tens of milliseconds where a page takes a fraction of one.
final class DrawingCache: Sendable {
    /// What a drawing shows, and of which state of the graph.
    struct Key: Hashable, Sendable {
        var selection: RenderSelection
        /// ``WebGraph/version()`` when it was drawn.
        var version: Int64
        /// The day it was drawn (`YYYY-MM-DD`): relations count as ended against it.
        var day: String
    }

    /// The most drawings kept; past it, the oldest versions go first.
    static let capacity = 512

    private let entries = Mutex<[Key: String]>([:])

    /// The drawing for `key`, if made.
    subscript(key: Key) -> String? {
        get { entries.withLock { $0[key] } }
        set {
            entries.withLock { entries in
                if let newValue, entries.count >= Self.capacity {
                    // Drawings of older versions can never be asked for again; when all are
                    // current, start afresh rather than track use.
                    entries = entries.filter { $0.key.version == key.version && $0.key.day == key.day }
                    if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
                    entries[key] = newValue
                } else {
                    entries[key] = newValue
                }
            }
        }
    }

    /// How many drawings are kept.
    var count: Int { entries.withLock { $0.count } }
}

/// Graphviz's SVG file made into an element to put inside an HTML page.
enum InlineSVG {
    /// The `<svg …>…</svg>` element of an SVG file: without the XML declaration, the doctype
    /// and the comments Graphviz writes before it, which are not allowed inside HTML.
    static func element(from data: Data) -> String {
        element(from: String(decoding: data, as: UTF8.self))
    }

    /// The `<svg …>…</svg>` element of SVG text.
    static func element(from text: String) -> String {
        guard let start = text.range(of: "<svg") else { return "" }
        return String(text[start.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
