import Foundation
import PartnerGraph
import Synchronization

/// Text made from the graph as it stood at one version, on one day: drawings (so that
/// Graphviz, serialised process-wide and tens of milliseconds a layout, runs once per picture
/// and state of the graph) and whole entity pages.
final class VersionedCache<Subject: Hashable & Sendable>: Sendable {
    /// What the text shows, and of which state of the graph.
    struct Key: Hashable, Sendable {
        var subject: Subject
        /// ``WebGraph/version()`` when it was made.
        var version: Int64
        /// The day it was made (`YYYY-MM-DD`): relations count as ended against it.
        var day: String
    }

    /// The most entries kept, and the most bytes; past either, older versions go first.
    let capacity: Int
    let byteLimit: Int

    private let state = Mutex<(entries: [Key: String], bytes: Int)>(([:], 0))

    init(capacity: Int = 512, byteLimit: Int = 64 << 20) {
        self.capacity = capacity
        self.byteLimit = byteLimit
    }

    /// The text for `key`, if made.
    subscript(key: Key) -> String? {
        get { state.withLock { $0.entries[key] } }
        set {
            guard let newValue else { return }
            let size = newValue.utf8.count
            guard size <= byteLimit / 8 else { return }
            state.withLock { state in
                if state.entries.count >= capacity || state.bytes + size > byteLimit {
                    // Text of older versions can never be asked for again; when all is current,
                    // start afresh rather than track use.
                    state.entries = state.entries.filter { $0.key.version == key.version && $0.key.day == key.day }
                    if state.entries.count >= capacity || state.bytes + size > byteLimit { state.entries.removeAll(keepingCapacity: true) }
                    state.bytes = state.entries.values.reduce(0) { $0 + $1.utf8.count }
                }
                if let old = state.entries.updateValue(newValue, forKey: key) { state.bytes -= old.utf8.count }
                state.bytes += size
            }
        }
    }

    /// How many entries are kept.
    var count: Int { state.withLock { $0.entries.count } }
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
