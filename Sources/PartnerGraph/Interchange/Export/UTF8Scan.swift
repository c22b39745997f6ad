extension String {
    /// Whether any of the string's UTF-8 bytes satisfies `predicate`, read from its contiguous
    /// storage when it has one (every native string does).
    ///
    /// Writers ask this of every field they write, to take the common path (nothing to escape)
    /// without building a new string; over a buffer the scan is several times faster than the
    /// `utf8` view's iterator.
    func utf8Contains(where predicate: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: predicate) }) { return found }
        return utf8.contains(where: predicate)
    }
}

extension Array where Element == UInt8 {
    /// Appends a string's UTF-8 bytes, copied from its contiguous storage when it has one.
    mutating func append(utf8 text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            append(contentsOf: text.utf8)
        }
    }
}
