import Foundation
import GRDBSQLite

/// Text copied once into one buffer, to be bound to statements without a copy (SQLITE_STATIC):
/// the buffer lives, unchanged, until the arena is released, after the last statement step.
final class TextArena {
    /// Where a text lies in the arena.
    struct Span {
        var start = 0
        var count: Int32 = 0
    }

    private var bytes: [UInt8] = []
    private var sealed: UnsafeMutableBufferPointer<UInt8>?

    deinit { sealed?.deallocate() }

    /// Copies `text` in; only before `seal()`.
    func append(_ text: String) -> Span {
        precondition(sealed == nil, "append before seal()")
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        return Span(start: start, count: Int32(bytes.count - start))
    }

    /// Moves the text to its final place; `bind` is allowed from now on.
    func seal() {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        sealed = buffer
        bytes = []
    }

    func bind(_ span: Span, to handle: OpaquePointer, at index: Int32) {
        let base = UnsafeRawPointer(sealed!.baseAddress!).assumingMemoryBound(to: CChar.self)
        sqlite3_bind_text(handle, index, base + span.start, span.count, nil)
    }
}

/// A constant text in C memory, bound without a copy (SQLITE_STATIC); freed when released,
/// after the last statement step that uses it.
final class StaticText {
    private let pointer: UnsafeMutablePointer<CChar>
    private let count: Int32

    init(_ text: String) {
        pointer = strdup(text)!
        count = Int32(text.utf8.count)
    }

    deinit { free(pointer) }

    func bind(to handle: OpaquePointer, at index: Int32) { sqlite3_bind_text(handle, index, pointer, count, nil) }
}
