import Foundation

/// An open-addressing hash table from byte strings (entity keys) to their numbers, 0, 1, 2, …
/// in the order they were added, so that the million endpoints of an edges file are found
/// without making a `String` for each.
///
/// A look-up at random in a table of 100,000 keys is bound by memory latency, not by
/// arithmetic. So each slot holds the key's first ``inlineLength`` bytes and its length beside
/// its number: a key that short (every key of the benchmark workload, such as `per-020546`)
/// is found or ruled out by reading one slot, where a table of numbers alone needs three reads
/// from far-apart memory (slot, key bounds, key bytes). Longer keys are compared in full
/// against the table's own copy of their bytes.
struct ByteKeyTable: Sendable {
    /// 16 bytes: four slots to a cache line.
    private struct Slot {
        /// Bytes 0–7 of the key, zero-padded.
        var head: UInt64 = 0
        /// Bytes 8–10 of the key, zero-padded, and in the top byte its length (255 for 255 or more).
        var tail: UInt32 = 0
        /// The key's number + 1; 0 for an empty slot.
        var entry: UInt32 = 0
    }

    /// The number of leading bytes each slot holds.
    static let inlineLength = 11

    private var slots = [Slot](repeating: Slot(), count: 1024)
    /// Every key's bytes, one after another: key `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    /// The number of keys.
    var count: Int { starts.count - 1 }

    init() {}

    /// A table with room for `capacity` keys before it grows.
    init(capacity: Int) {
        var slotCount = 1024
        while slotCount < capacity * 2 { slotCount *= 2 }
        slots = [Slot](repeating: Slot(), count: slotCount)
        starts.reserveCapacity(capacity + 1)
    }

    /// The bytes of key number `index`.
    func withKey<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]]))
        }
    }

    /// The number of `key`, or `nil` when it is not in the table.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let (head, tail) = Self.image(key)
        let mask = slots.count - 1
        var slot = Self.hash(head, tail, key) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let candidate = slots[slot]
                if candidate.entry == 0 { return nil }
                if candidate.head == head && candidate.tail == tail
                    && (key.count <= Self.inlineLength || matchesBeyondInline(Int(candidate.entry) - 1, key))
                {
                    return Int(candidate.entry) - 1
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds `key` as number `count`; the caller has checked it is not there yet.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) {
        precondition(count < Int(UInt32.max) - 1, "too many keys for one table")
        if (count + 1) * 2 > slots.count { grow() }
        let (head, tail) = Self.image(key)
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        place(Slot(head: head, tail: tail, entry: UInt32(count - 1)), hash: Self.hash(head, tail, key))
    }

    /// The number of `key`, added as number `count` when it is not in the table yet.
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        if let found = find(key) { return found }
        insert(key)
        return count - 1
    }

    /// The keys' numbers in the order of their bytes (shorter first on a common prefix), the
    /// order of SQLite's BINARY collation. Keys are compared by their first 16 bytes as two
    /// big-endian integers (zero-padded) and their length, then by `memcmp` past the 16th byte.
    func sortedOrder() -> [Int] {
        struct SortKey {
            var high: UInt64, low: UInt64
            var index: Int
        }
        return bytes.withUnsafeBufferPointer { all in
            func prefix(_ start: Int, _ end: Int, skip: Int) -> UInt64 {
                var value: UInt64 = 0
                for offset in 0..<8 {
                    let position = start + skip + offset
                    value = value << 8 | UInt64(position < end ? all[position] : 0)
                }
                return value
            }
            var keys = (0..<count).map { index in
                SortKey(
                    high: prefix(starts[index], starts[index + 1], skip: 0), low: prefix(starts[index], starts[index + 1], skip: 8),
                    index: index)
            }
            keys.sort { a, b in
                if a.high != b.high { return a.high < b.high }
                if a.low != b.low { return a.low < b.low }
                let (xStart, xCount) = (starts[a.index], starts[a.index + 1] - starts[a.index])
                let (yStart, yCount) = (starts[b.index], starts[b.index + 1] - starts[b.index])
                let common = min(xCount, yCount)
                // Equal first 16 bytes (zero padding aside): the rest, then the length, decides.
                if common > 16 {
                    let order = memcmp(all.baseAddress! + xStart + 16, all.baseAddress! + yStart + 16, common - 16)
                    if order != 0 { return order < 0 }
                }
                return xCount < yCount
            }
            return keys.map(\.index)
        }
    }

    /// The same keys, numbered in `order` (a permutation of their numbers).
    func reordered(_ order: [Int]) -> ByteKeyTable {
        var table = ByteKeyTable(capacity: count)
        table.bytes.reserveCapacity(bytes.count)
        for index in order { withKey(index) { table.insert($0) } }
        return table
    }

    // MARK: - Slots

    /// The key as a slot holds it: its first bytes and its length.
    private static func image(_ key: UnsafeBufferPointer<UInt8>) -> (head: UInt64, tail: UInt32) {
        var head: UInt64 = 0, tail: UInt32 = 0
        let count = key.count
        if count >= 8 {
            head = UInt64(littleEndian: UnsafeRawPointer(key.baseAddress!).loadUnaligned(as: UInt64.self))
        } else {
            for index in 0..<count { head |= UInt64(key[index]) << (8 * index) }
        }
        if count > 8 {
            for index in 8..<min(count, inlineLength) { tail |= UInt32(key[index]) << (8 * (index - 8)) }
        }
        return (head, tail | UInt32(min(count, 255)) << 24)
    }

    private static func hash(_ head: UInt64, _ tail: UInt32, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash = head &* 0xFF51_AFD7_ED55_8CCD ^ UInt64(tail) &* 0xC4CE_B9FE_1A85_EC53
        if key.count > inlineLength {
            for byte in key[inlineLength...] { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        // MurmurHash3's finalizer: the slot is taken from the low bits.
        hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        hash = (hash ^ (hash >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return Int(truncatingIfNeeded: hash ^ (hash >> 33))
    }

    /// Whether key number `index`, whose slot matched `key`'s, has the same length and bytes past the inline ones.
    private func matchesBeyondInline(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[index]
        guard starts[index + 1] - start == key.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            memcmp(all.baseAddress! + start + Self.inlineLength, key.baseAddress! + Self.inlineLength, key.count - Self.inlineLength) == 0
        }
    }

    private mutating func place(_ entry: Slot, hash: Int) {
        var entry = entry
        entry.entry += 1
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot].entry != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: slots.count * 2)
        for var entry in old where entry.entry != 0 {
            let index = Int(entry.entry) - 1
            entry.entry -= 1
            let hash = withKey(index) { Self.hash(entry.head, entry.tail, $0) }
            place(entry, hash: hash)
        }
    }
}
