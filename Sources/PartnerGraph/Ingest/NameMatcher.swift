import Foundation

/// Every name of a graph's entities, compiled so that one pass over an article finds them all.
///
/// A name is folded (``NameNormalizer``), cut into words, and the words are written together
/// without what separated them: `Al-Malik`, `Al Malik` and `AlMalik` all become `almalik`. The
/// keys are kept sorted, so the keys that begin with a given text form one run of the array: a
/// walk that reads an article letter by letter narrows that run by binary search, exactly as it
/// would descend a trie, and stops as soon as no name begins with what it read. A walk starts
/// at each word of the article (and inside an Arabic word, after each way of reading its
/// attached prefixes: و ف ب ل ك ال لل وال بال …), and a name is found where a word ends with a
/// whole key.
///
/// Besides each name and alias, the matcher holds forms a text uses for them: an Arabic name
/// without its article (`الإيسيسكو` → `إيسيسكو`, so that `للإيسيسكو` is found), a name without
/// the honorific it was stored with (`Dr. Salim M. AlMalik`), a person's first and last name
/// (`Salim AlMalik`), and a person's last name alone, which ``MentionFinder`` accepts only after
/// an honorific or a fuller mention of the same person.
///
/// - Complexity: Building sorts the keys, O(*k* log *k*) for *k* names. Finding is
///   O(*n* log *k*) for an article of *n* letters, whatever the number of names.
struct NameMatcher: Sendable {
    /// How a key was derived from an entity's name.
    enum Form: UInt8, Sendable, Comparable {
        case name = 0
        case withoutHonorific = 1
        case withoutArticle = 2
        case firstAndLast = 3
        case surname = 4

        static func < (lhs: Form, rhs: Form) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One entity a key names.
    struct Target: Hashable, Sendable {
        var entityId: Int64
        var form: Form
    }

    /// The keys' bytes, one after the other, in sorted order.
    private(set) var keyBytes: [UInt8]
    /// Key `i` is `keyBytes[keyOffsets[i]..<keyOffsets[i + 1]]`.
    private(set) var keyOffsets: [Int32]
    /// Key `i` names `targetIds[targetOffsets[i]..<targetOffsets[i + 1]]`.
    private(set) var targetOffsets: [Int32]
    private(set) var targetIds: [Int64]
    private(set) var targetForms: [UInt8]

    /// The number of distinct keys.
    var count: Int { keyOffsets.count - 1 }

    /// The entities key `index` names.
    func targets(ofKey index: Int) -> [Target] {
        (Int(targetOffsets[index])..<Int(targetOffsets[index + 1])).map {
            Target(entityId: targetIds[$0], form: Form(rawValue: targetForms[$0]) ?? .surname)
        }
    }

    // MARK: - Building

    /// Collects names, then compiles them.
    struct Builder {
        private var entries: [(key: [UInt8], target: Target)] = []

        init() {}

        /// Adds an entity's name or alias, already folded by ``NameNormalizer``, with the forms a
        /// text may use for it.
        mutating func add(normalizedName name: String, entityId: Int64, isPerson: Bool) {
            var words = NameMatcher.words(of: name)
            guard !words.isEmpty else { return }
            add(words, entityId, .name)
            var honorificStripped = false
            while words.count > 1, let length = Lexicon.honorificLength(at: words[...]) {
                words.removeFirst(length)
                honorificStripped = true
            }
            guard !words.isEmpty else { return }
            if honorificStripped { add(words, entityId, .withoutHonorific) }
            if let stem = NameMatcher.withoutArticle(words[0]) {
                add([stem] + words.dropFirst(), entityId, .withoutArticle)
            }
            if isPerson && words.count >= 2 {
                if words.count >= 3, words.last!.unicodeScalars.count > 1 {
                    add([words[0], words[words.count - 1]], entityId, .firstAndLast)
                }
                let surname = words[words.count - 1]
                if surname.unicodeScalars.count >= 3 { add([surname], entityId, .surname) }
                if words.count >= 3, Lexicon.nameParticles.contains(words[words.count - 2]) {
                    add(words.suffix(2), entityId, .surname)
                }
            }
        }

        private mutating func add(_ words: some Collection<String>, _ entityId: Int64, _ form: Form) {
            var key: [UInt8] = []
            for word in words { key.append(contentsOf: word.utf8) }
            // One letter, or two Latin letters, would match everywhere.
            guard key.count >= 3 || (key.count == 2 && key[0] >= 0x80) || key.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) && key.count >= 2 else {
                return
            }
            entries.append((key, Target(entityId: entityId, form: form)))
        }

        /// Byte order of two keys, by `memcmp`: the generic comparison of arrays is several times slower.
        private static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
            let common = min(a.count, b.count)
            let result = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, common) } }
            return result != 0 ? Int(result) : a.count - b.count
        }

        /// The matcher of every name added.
        func build() -> NameMatcher {
            let order = entries.indices.sorted { a, b in
                let order = Self.compare(entries[a].key, entries[b].key)
                if order != 0 { return order < 0 }
                let lhs = entries[a].target, rhs = entries[b].target
                return (lhs.entityId, lhs.form.rawValue) < (rhs.entityId, rhs.form.rawValue)
            }
            var matcher = NameMatcher(keyBytes: [], keyOffsets: [0], targetOffsets: [0], targetIds: [], targetForms: [])
            var previousKey: [UInt8]?
            var previousId: Int64?
            for index in order {
                let (key, target) = entries[index]
                if previousKey == nil || Self.compare(key, previousKey!) != 0 {
                    if previousKey != nil {
                        matcher.keyOffsets.append(Int32(matcher.keyBytes.count))
                        matcher.targetOffsets.append(Int32(matcher.targetIds.count))
                    }
                    matcher.keyBytes.append(contentsOf: key)
                    previousKey = key
                    previousId = nil
                }
                // The strongest form of an entity comes first; its weaker forms of the same key add nothing.
                if previousId == target.entityId { continue }
                matcher.targetIds.append(target.entityId)
                matcher.targetForms.append(target.form.rawValue)
                previousId = target.entityId
            }
            if previousKey != nil {
                matcher.keyOffsets.append(Int32(matcher.keyBytes.count))
                matcher.targetOffsets.append(Int32(matcher.targetIds.count))
            }
            return matcher
        }
    }

    /// The words of an already folded name.
    static func words(of normalized: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in normalized.unicodeScalars {
            if ArticleText.isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// An Arabic word without its article ال, when at least three letters remain.
    static func withoutArticle(_ word: String) -> String? {
        let letters = Array(word.unicodeScalars)
        guard letters.count >= 5, letters[0] == "\u{0627}", letters[1] == "\u{0644}" else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: letters[2...])
        return String(view)
    }

    /// The ways to read an Arabic word's attached prefixes: how many leading letters each
    /// leaves out (و ف ب ل, ال, لل, and their combinations: وال، بال، كال، ولل، وب، ول، فل …),
    /// keeping at least two letters; empty for a word that is not Arabic.
    static func procliticCuts(_ folded: String) -> [Int] {
        // Read from UTF-8: every letter of the Arabic block is two bytes, D8 or D9 then one more.
        var letters: (UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0)
        var count = 0
        var total = 0
        var utf8 = folded.utf8.makeIterator()
        while let lead = utf8.next() {
            if lead & 0xC0 == 0x80 { continue }  // a continuation byte of a longer scalar
            total += 1
            guard lead >= 0xC0 && lead < 0xE0 else { continue }
            guard let next = utf8.next() else { break }
            if total <= 4 {
                let value = UInt16(lead & 0x1F) << 6 | UInt16(next & 0x3F)
                switch total {
                case 1: letters.0 = value
                case 2: letters.1 = value
                case 3: letters.2 = value
                default: letters.3 = value
                }
                count = total
            }
        }
        guard count > 0, (0x0621...0x064A).contains(letters.0) else { return [] }
        func at(_ index: Int) -> UInt16 {
            switch index {
            case 0: return letters.0
            case 1: return letters.1
            case 2: return letters.2
            case 3: return letters.3
            default: return 0
            }
        }
        let waw: UInt16 = 0x0648, fa: UInt16 = 0x0641, ba: UInt16 = 0x0628, kaf: UInt16 = 0x0643, lam: UInt16 = 0x0644, alef: UInt16 = 0x0627
        var cuts: [Int] = []
        func insert(_ cut: Int) { if total - cut >= 2 && !cuts.contains(cut) { cuts.append(cut) } }
        for conjunction in 0...1 {
            let i = conjunction
            if conjunction == 1 {
                guard at(0) == waw || at(0) == fa else { continue }
                insert(1)
            }
            if at(i) == alef && at(i + 1) == lam { insert(i + 2) }  // ال
            if at(i) == lam && at(i + 1) == lam { insert(i + 2) }  // لل
            if at(i) == ba || at(i) == lam {
                insert(i + 1)  // ب ل
                if at(i + 1) == alef && at(i + 2) == lam { insert(i + 3) }  // بال
            }
            // ك starts many words (`كبيرا`): alone, only before a stem of five letters or more (`كمنظمة`).
            if at(i) == kaf {
                if total - (i + 1) >= 5 { insert(i + 1) }
                if at(i + 1) == alef && at(i + 2) == lam { insert(i + 3) }  // كال
            }
        }
        return cuts.sorted()
    }

    // MARK: - Walking

    /// A position in the walk: the run of keys that begin with what was read, and its length.
    struct Cursor {
        var lower: Int
        var upper: Int
        var depth: Int
        var isEmpty: Bool { lower >= upper }
    }

    /// The cursor before anything is read.
    var root: Cursor { Cursor(lower: 0, upper: count, depth: 0) }

    /// The byte of key `index` at `depth`, or -1 past its end (a key that ends sorts first).
    @inline(__always)
    private func byte(ofKey index: Int, at depth: Int) -> Int {
        let position = Int(keyOffsets[index]) + depth
        return position < Int(keyOffsets[index + 1]) ? Int(keyBytes[position]) : -1
    }

    /// The cursor after reading `value`.
    func advance(_ cursor: Cursor, _ value: UInt8) -> Cursor {
        let value = Int(value)
        var low = cursor.lower, high = cursor.upper
        while low < high {
            let middle = (low + high) / 2
            if byte(ofKey: middle, at: cursor.depth) < value { low = middle + 1 } else { high = middle }
        }
        let lower = low
        high = cursor.upper
        while low < high {
            let middle = (low + high) / 2
            if byte(ofKey: middle, at: cursor.depth) <= value { low = middle + 1 } else { high = middle }
        }
        return Cursor(lower: lower, upper: low, depth: cursor.depth + 1)
    }

    /// The key that is exactly what the cursor has read, if any.
    func exactKey(_ cursor: Cursor) -> Int? {
        guard !cursor.isEmpty else { return nil }
        return Int(keyOffsets[cursor.lower + 1] - keyOffsets[cursor.lower]) == cursor.depth ? cursor.lower : nil
    }

    // MARK: - Storing

    private static let magic: UInt32 = 0x4D4E_4750  // "PGNM"
    /// The format of ``data``; a stored matcher of another format is built again.
    static let format = 1

    /// The matcher as bytes, to keep in the database.
    var data: Data {
        var data = Data()
        func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        append(Self.magic)
        append(UInt32(count))
        append(UInt32(keyBytes.count))
        append(UInt32(targetIds.count))
        for value in keyOffsets { append(value) }
        for value in targetOffsets { append(value) }
        for value in targetIds { append(value) }
        data.append(contentsOf: targetForms)
        data.append(contentsOf: keyBytes)
        return data
    }

    /// Reads a matcher written by ``data``; `nil` when the bytes are not one.
    init?(data: Data) {
        var offset = 0
        let total = data.count
        func read<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard offset + MemoryLayout<T>.size <= total else { return nil }
            let value = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
            offset += MemoryLayout<T>.size
            return T(littleEndian: value)
        }
        func readArray<T: FixedWidthInteger>(_: T.Type, count: Int) -> [T]? {
            let size = count * MemoryLayout<T>.size
            guard count >= 0, offset + size <= total else { return nil }
            let start = offset
            offset += size
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                data.withUnsafeBytes { raw in
                    for index in 0..<count {
                        buffer[index] = T(littleEndian: raw.loadUnaligned(fromByteOffset: start + index * MemoryLayout<T>.size, as: T.self))
                    }
                }
                initialized = count
            }
        }
        guard read(UInt32.self) == Self.magic, let keys = read(UInt32.self), let bytes = read(UInt32.self),
            let targets = read(UInt32.self),
            let keyOffsets = readArray(Int32.self, count: Int(keys) + 1),
            let targetOffsets = readArray(Int32.self, count: Int(keys) + 1),
            let targetIds = readArray(Int64.self, count: Int(targets)),
            let targetForms = readArray(UInt8.self, count: Int(targets)),
            let keyBytes = readArray(UInt8.self, count: Int(bytes)),
            offset == total, keyOffsets.last == Int32(bytes), targetOffsets.last == Int32(targets)
        else { return nil }
        self.init(keyBytes: keyBytes, keyOffsets: keyOffsets, targetOffsets: targetOffsets, targetIds: targetIds, targetForms: targetForms)
    }

    private init(keyBytes: [UInt8], keyOffsets: [Int32], targetOffsets: [Int32], targetIds: [Int64], targetForms: [UInt8]) {
        self.keyBytes = keyBytes
        self.keyOffsets = keyOffsets
        self.targetOffsets = targetOffsets
        self.targetIds = targetIds
        self.targetForms = targetForms
    }
}
