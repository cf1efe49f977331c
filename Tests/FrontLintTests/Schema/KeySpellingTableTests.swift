import Testing
@testable import FrontLint

/// The table packs a key's first sixteen bytes by loading whole words from its ends; every length, and a
/// change to any one byte, must be seen.
@Suite struct KeySpellingTableTests {
    /// `a`, `ab`, … up to twenty bytes, each with a field of its own, and a spelling with capitals.
    static let names = (1...20).map { length in String(decoding: (0..<length).map { UInt8(ascii: "a") + UInt8($0) }, as: UTF8.self) }

    static func table() -> KeySpellingTable {
        var values: [String: Int] = [:]
        for (index, name) in names.enumerated() { values[name] = index }
        values["publishDate"] = 100
        values["publishdate"] = 101
        return KeySpellingTable(values)!
    }

    static func lookUp(_ table: KeySpellingTable, _ key: String) -> Int? {
        Array(key.utf8).withUnsafeBufferPointer { table.value(forKey: $0) }
    }

    @Test func everyLengthIsFoundInAnyCase() {
        let table = Self.table()
        for (index, name) in Self.names.enumerated() {
            #expect(Self.lookUp(table, name) == index, "\(name)")
            #expect(Self.lookUp(table, name.uppercased()) == index, "\(name)")
        }
        #expect(Self.lookUp(table, "publishDate") == 100)
        #expect(Self.lookUp(table, "PUBLISHDATE") == 101)
        #expect(Self.lookUp(table, "publishdate") == 101)
        #expect(Self.lookUp(table, "") == nil)
    }

    @Test func aChangeToAnyByteIsAMiss() {
        let table = Self.table()
        for name in Self.names {
            let bytes = Array(name.utf8)
            for position in bytes.indices {
                var changed = bytes
                changed[position] = UInt8(ascii: "z")
                #expect(changed.withUnsafeBufferPointer { table.value(forKey: $0) } == nil, "\(changed)")
                changed[position] = 0xC3  // not ASCII: never a spelling
                #expect(changed.withUnsafeBufferPointer { table.value(forKey: $0) } == nil, "\(changed)")
            }
            #expect(Self.lookUp(table, name + "a") == nil, "\(name)a")
        }
    }
}
