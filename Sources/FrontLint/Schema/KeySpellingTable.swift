/// A fixed set of ASCII key spellings, looked up by a key's UTF-8 bytes the way Hugo matches front matter keys:
/// a spelling written exactly so first, then one that differs only in ASCII case.
///
/// Every key of every file is looked up, and hashing a `String` with `Hasher` (twice, once more after
/// `lowercased()` allocated a copy) cost more than the rest of checking a short value. Here the key's bytes
/// are hashed once, lower-cased on the fly, and compared in place. A class, so that reading the table from the
/// settings costs one reference, not a copy of each of its arrays.
final class KeySpellingTable: Sendable {
    /// A spelling's bytes in `bytes`, and the value it stands for.
    private struct Spelling: Sendable {
        var start: Int
        var end: Int
        var value: Int
    }

    /// The spellings that are equal ignoring ASCII case: the lower-case one, and those written with capitals.
    private struct Group: Sendable {
        var hash: UInt64
        /// The spelling in lower case: what any capitalisation of the key not written exactly finds.
        var folded: Spelling
        /// The spellings with capitals, in `exact`: a key written exactly so finds its own value.
        var exact: Range<Int>
    }

    private let bytes: [UInt8]
    private let groups: [Group]
    private let exact: [Spelling]
    /// Open addressing over `groups`, by hash; -1 marks an empty slot.
    private let slots: [Int32]
    private let mask: Int

    /// `values` maps each spelling to its value and must hold the lower-case form of every spelling in it (as
    /// a case-insensitive index does). Nil when a spelling is not ASCII: `String` compares other text by
    /// canonical equivalence, which a byte comparison cannot follow.
    init?(_ values: [String: Int]) {
        guard values.keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return nil }
        var folded: [String: [(spelling: String, value: Int)]] = [:]
        for (spelling, value) in values {
            folded[String(decoding: spelling.utf8.map(ASCII.lower), as: UTF8.self), default: []].append((spelling, value))
        }
        var capacity = 8
        while capacity < folded.count * 2 { capacity *= 2 }
        var bytes: [UInt8] = []
        var groups: [Group] = []
        var exact: [Spelling] = []
        var slots = [Int32](repeating: -1, count: capacity)
        func store(_ spelling: String, _ value: Int) -> Spelling {
            let start = bytes.count
            bytes.append(contentsOf: spelling.utf8)
            return Spelling(start: start, end: bytes.count, value: value)
        }
        // Sorted, so that the table is laid out the same on every run.
        for (lower, spellings) in folded.sorted(by: { $0.key < $1.key }) {
            guard let lowerValue = values[lower] else { return nil }
            let exactStart = exact.count
            for (spelling, value) in spellings.sorted(by: { $0.spelling < $1.spelling }) where spelling != lower {
                exact.append(store(spelling, value))
            }
            var hash = FNV1a64()
            hash.add(lower.utf8)
            groups.append(Group(hash: hash.value, folded: store(lower, lowerValue), exact: exactStart..<exact.count))
            var slot = Int(truncatingIfNeeded: hash.value) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(groups.count - 1)
        }
        self.bytes = bytes
        self.groups = groups
        self.exact = exact
        self.slots = slots
        self.mask = capacity - 1
    }

    /// The value of the spelling `key` is written as, or else of the one it matches ignoring ASCII case.
    /// The key must be ASCII: other text is compared as `String`s compare it, by the caller.
    func value(forKey key: UnsafeBufferPointer<UInt8>) -> Int? {
        var hash = FNV1a64()
        hash.add(key.lazy.map(ASCII.lower))
        return bytes.withUnsafeBufferPointer { stored -> Int? in
            var slot = Int(truncatingIfNeeded: hash.value) & mask
            while slots[slot] >= 0 {
                let group = groups[Int(slots[slot])]
                if group.hash == hash.value, Self.equal(stored, group.folded, key, ignoringCase: true) {
                    for index in group.exact where Self.equal(stored, exact[index], key, ignoringCase: false) {
                        return exact[index].value
                    }
                    return group.folded.value
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    private static func equal(_ stored: UnsafeBufferPointer<UInt8>, _ spelling: Spelling,
                              _ key: UnsafeBufferPointer<UInt8>, ignoringCase: Bool) -> Bool {
        guard spelling.end - spelling.start == key.count else { return false }
        for i in 0..<key.count {
            let byte = ignoringCase ? ASCII.lower(key[i]) : key[i]
            if stored[spelling.start + i] != byte { return false }
        }
        return true
    }
}
