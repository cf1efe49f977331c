/// FNV-1a, 64 bits: a small, deterministic hash. Report fingerprints use it because they must not change
/// between runs or machines (Swift's `Hasher` is seeded per process); the YAML loader and the key table use
/// it because it is cheap on a few bytes. Not for security.
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    /// Adds a string and a separator byte that no UTF-8 text contains, so ("ab", "c") ≠ ("a", "bc").
    mutating func add(field: String) {
        add(field.utf8)
        add(CollectionOfOne(0xFF))
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
