import Foundation
import Testing
@testable import PartnerGraph

/// The bulk import's key table keeps a key's first bytes in its slot; these check that keys
/// which agree there (same first 11 bytes, same length byte) are still told apart.
struct ByteKeyTableTests {
    private func withBytes<T>(_ key: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        key.withUnsafeBufferPointer(body)
    }

    @Test("every key is found under its own number, and a key never added is not found")
    func findsWhatWasAddedAndNothingElse() {
        var keys: [[UInt8]] = [[], [0], [0, 0], Array("a".utf8), Array("per-020546".utf8), Array("per-0205460".utf8)]
        // Long keys sharing their first 11 bytes, of lengths 11 to 300 (the slot's length byte
        // saturates at 255), and keys that differ only in their last byte.
        let shared = Array("organization-of-islamic-cooperation".utf8)
        for length in stride(from: 11, through: 300, by: 7) {
            keys.append((0..<length).map { shared[$0 % shared.count] })
        }
        for last in UInt8(ascii: "a")...UInt8(ascii: "z") { keys.append(Array("republic-of-".utf8) + [last]) }
        keys.append(contentsOf: [Array(repeating: 7, count: 255), Array(repeating: 7, count: 256), Array(repeating: 7, count: 257)])
        keys.append(contentsOf: (0..<5000).map { Array("evt-\($0)".utf8) })
        var table = ByteKeyTable()
        for key in keys { withBytes(key) { table.insert($0) } }
        #expect(table.count == keys.count)
        for (number, key) in keys.enumerated() {
            #expect(withBytes(key) { table.find($0) } == number, "key \(number)")
            #expect(table.withKey(number) { Array($0) } == key)
        }
        let absent: [[UInt8]] = [
            [0, 0, 0], Array("per-02054".utf8), Array("republic-of-".utf8), Array(repeating: 7, count: 258),
            (0..<301).map { shared[$0 % shared.count] }, Array("evt-5000".utf8),
        ]
        for key in absent { #expect(withBytes(key) { table.find($0) } == nil, "\(key.count) bytes") }
    }

    @Test("intern numbers keys in the order first seen and returns the same number again")
    func internNumbersInFirstSeenOrder() {
        var table = ByteKeyTable()
        let words = ["b", "a", "b", "c", "a", "a-very-long-key-beyond-the-slot", "a-very-long-key-beyond-the-slot"]
        let numbers = words.map { word in Array(word.utf8).withUnsafeBufferPointer { table.intern($0) } }
        #expect(numbers == [0, 1, 0, 2, 1, 3, 3])
        #expect(table.count == 4)
    }

    @Test("sortedOrder puts keys in byte order and reordered renumbers them")
    func sortsByBytes() {
        let words = ["org-2", "org-10", "org-1", "", "org-1-and-a-long-tail-x", "org-1-and-a-long-tail", "Z"]
        var table = ByteKeyTable()
        for word in words { Array(word.utf8).withUnsafeBufferPointer { table.insert($0) } }
        let order = table.sortedOrder()
        #expect(order.map { words[$0] } == words.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        let renumbered = table.reordered(order)
        for (number, original) in order.enumerated() {
            #expect(Array(words[original].utf8).withUnsafeBufferPointer { renumbered.find($0) } == number)
        }
    }
}
