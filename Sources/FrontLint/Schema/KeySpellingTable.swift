/// A fixed set of ASCII key spellings, looked up by a key's UTF-8 bytes the way Hugo matches front matter keys:
/// a spelling written exactly so first, then one that differs only in ASCII case.
///
/// Every key of every file is looked up, and hashing a `String` with `Hasher` (twice, once more after
/// `lowercased()` allocated a copy) cost more than the rest of checking a short value. Here the key's bytes are
/// packed into words (`PackedKey`) and lower-cased a word at a time, and the words are hashed and compared:
/// front matter keys are short, and a key of up to sixteen bytes is compared with a spelling in three word
/// comparisons. A class, so that reading the table from the settings costs one reference, not a copy of each of
/// its arrays.
final class KeySpellingTable: Sendable {
    /// A spelling: its first sixteen bytes packed, the bytes beyond them in `tails`, and the value it stands for.
    private struct Spelling: Sendable {
        var head: PackedKey
        var tail: Range<Int>
        var value: Int
    }

    /// The spellings that are equal ignoring ASCII case: the lower-case one, and those written with capitals.
    private struct Group: Sendable {
        /// The spelling in lower case: what any capitalisation of the key not written exactly finds.
        var folded: Spelling
        /// The spellings with capitals, in `exact`: a key written exactly so finds its own value.
        var exact: Range<Int>
    }

    private let tails: [UInt8]
    private let groups: [Group]
    private let exact: [Spelling]
    /// Open addressing over `groups`, by the folded spelling's hash; -1 marks an empty slot.
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
        var tails: [UInt8] = []
        var groups: [Group] = []
        var exact: [Spelling] = []
        var slots = [Int32](repeating: -1, count: capacity)
        func store(_ spelling: String, _ value: Int) -> Spelling {
            let head = Array(spelling.utf8).withUnsafeBufferPointer(PackedKey.init)
            let start = tails.count
            tails.append(contentsOf: spelling.utf8.dropFirst(PackedKey.capacity))
            return Spelling(head: head, tail: start..<tails.count, value: value)
        }
        // Sorted, so that the table is laid out the same on every run.
        for (lower, spellings) in folded.sorted(by: { $0.key < $1.key }) {
            guard let lowerValue = values[lower] else { return nil }
            let exactStart = exact.count
            for (spelling, value) in spellings.sorted(by: { $0.spelling < $1.spelling }) where spelling != lower {
                exact.append(store(spelling, value))
            }
            let group = Group(folded: store(lower, lowerValue), exact: exactStart..<exact.count)
            groups.append(group)
            var slot = group.folded.head.hash & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(groups.count - 1)
        }
        self.tails = tails
        self.groups = groups
        self.exact = exact
        self.slots = slots
        self.mask = capacity - 1
    }

    /// The value of the spelling `key` is written as, or else of the one it matches ignoring ASCII case.
    /// A key that is not ASCII finds nothing: a byte from 0x80 up stays one when its word is lower-cased and
    /// in `tailEquals`, and no spelling has one. The caller compares such a key as `String`s compare it.
    func value(forKey key: UnsafeBufferPointer<UInt8>) -> Int? {
        let written = PackedKey(key)
        let folded = written.lowercased
        var slot = folded.hash & mask
        while slots[slot] >= 0 {
            let group = groups[Int(slots[slot])]
            if group.folded.head == folded, tailEquals(group.folded.tail, key, ignoringCase: true) {
                for index in group.exact
                where exact[index].head == written && tailEquals(exact[index].tail, key, ignoringCase: false) {
                    return exact[index].value
                }
                return group.folded.value
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Whether the key's bytes beyond the packed ones equal `tails[tail]`; the caller has compared the lengths.
    private func tailEquals(_ tail: Range<Int>, _ key: UnsafeBufferPointer<UInt8>, ignoringCase: Bool) -> Bool {
        var at = PackedKey.capacity
        for index in tail {
            let byte = ignoringCase ? ASCII.lower(key[at]) : key[at]
            if byte != tails[index] { return false }
            at += 1
        }
        return true
    }
}

/// The first sixteen bytes of an ASCII key and its length, in three words: keys that fit are equal exactly
/// when their packed forms are. The bytes are copied in at once and lower-cased a word at a time.
private struct PackedKey: Equatable, Sendable {
    static var capacity: Int { 16 }
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var count = 0

    @inline(__always)
    init(_ key: UnsafeBufferPointer<UInt8>) {
        count = key.count
        guard let base = key.baseAddress.map(UnsafeRawPointer.init) else { return }
        // Whole words are loaded, never a byte outside the key: a word from each end when the key is shorter
        // than the word, shifted into place, where the bytes both cover are the same. A call to copy the bytes
        // (`copyMemory`) cost as much as the rest of packing.
        func word(at offset: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        func half(at offset: Int) -> UInt64 { UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) }
        switch key.count {
        case 16...:
            low = word(at: 0)
            high = word(at: 8)
        case 9..<16:
            low = word(at: 0)
            high = word(at: key.count - 8) >> UInt64(8 * (16 - key.count))
        case 8:
            low = word(at: 0)
        case 4..<8:
            low = half(at: 0) | half(at: key.count - 4) << UInt64(8 * (key.count - 4))
        default:
            for index in 0..<key.count { low |= UInt64(key[index]) << UInt64(8 * index) }
        }
    }

    /// The key with ASCII capitals lower-cased, eight bytes at a time: adding 0x3F to a byte below 0x80 sets
    /// its top bit from `A` up, adding 0x25 from past `Z`; neither carries into the next byte.
    var lowercased: PackedKey {
        func lower(_ word: UInt64) -> UInt64 {
            let fromA = word &+ 0x3F3F_3F3F_3F3F_3F3F
            let pastZ = word &+ 0x2525_2525_2525_2525
            return word | ((fromA & ~pastZ & 0x8080_8080_8080_8080) >> 2)
        }
        var result = self
        result.low = lower(low)
        result.high = lower(high)
        return result
    }

    /// A multiplicative hash of the words, its high bits (the best mixed) first.
    var hash: Int {
        let mixed = (low &+ high &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: count)) &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: mixed >> 32)
    }
}
