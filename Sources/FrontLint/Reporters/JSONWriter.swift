/// Just enough JSON writing for reports: keys in a fixed order, strings escaped per RFC 8259.
enum JSON {
    static func string(_ text: String) -> String {
        var out: [UInt8] = []
        append(string: text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string. Runs of bytes that need no escaping (in most strings, all of
    /// them) are copied whole.
    static func append(string text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        withUTF8Bytes(text) { bytes in
            var copied = 0
            var i = 0
            // Bytes before `readFrom` are read one by one; from there, sixteen at a time while none of
            // them may need escaping. Paths and messages are mostly such blocks.
            var readFrom = 0
            while i < bytes.count {
                if i >= readFrom, let base = bytes.baseAddress {
                    while bytes.count - i >= 16 && isPlain(UnsafeRawPointer(base + i)) { i += 16 }
                    readFrom = i + 16
                    if i == bytes.count { break }
                }
                let b = bytes[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                    // U+2028 and U+2029 (E2 80 A8 and A9) are escaped too: JavaScript cannot hold them raw.
                    guard b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] & 0xFE == 0xA8 else {
                        i += 1
                        continue
                    }
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                switch b {
                case UInt8(ascii: "\""): out.append("\\\"")
                case UInt8(ascii: "\\"): out.append("\\\\")
                case UInt8(ascii: "\n"): out.append("\\n")
                case UInt8(ascii: "\r"): out.append("\\r")
                case UInt8(ascii: "\t"): out.append("\\t")
                case 0xE2:
                    out.append(bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    i += 2
                default:
                    out.append("\\u00")
                    out.append(hexDigits[Int(b >> 4)])
                    out.append(hexDigits[Int(b & 0xF)])
                }
                i += 1
                copied = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether none of the sixteen bytes at `q` is a control character, `"`, `\\` or E2 (which starts
    /// U+2028 and U+2029, and other punctuation that the byte-wise reading then lets through).
    @inline(__always)
    private static func isPlain(_ q: UnsafeRawPointer) -> Bool {
        // The constants are spelled out with their type: inferred, they make the optimizer compare lane
        // by lane.
        let c = q.loadUnaligned(as: SIMD16<UInt8>.self)
        let space = SIMD16<UInt8>(repeating: 0x20), quote = SIMD16<UInt8>(repeating: 0x22)
        let backslash = SIMD16<UInt8>(repeating: 0x5C), e2 = SIMD16<UInt8>(repeating: 0xE2)
        let special = (c .< space) .| (c .== quote) .| (c .== backslash) .| (c .== e2)
        let halves = unsafeBitCast(special, to: (UInt64, UInt64).self)
        return halves.0 | halves.1 == 0
    }

    /// Lower case, as `String(_:radix:)` writes them.
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// An object from pairs whose values are already JSON.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    static func optional(_ text: String?) -> String {
        text.map(string) ?? "null"
    }
}
