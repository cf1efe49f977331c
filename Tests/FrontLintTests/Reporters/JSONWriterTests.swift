import Testing
@testable import FrontLint

/// `JSON.append(string:to:)` skips sixteen bytes at a time that need no escaping and reads the rest byte
/// by byte; these tests hold it to a scalar-by-scalar escaper written here from RFC 8259.
@Suite struct JSONWriterTests {
    static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case _ where scalar.value < 0x20:
                out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Each character that needs escaping, and “ and ” (which start with E2, as U+2028 does), at every
    /// offset of ASCII, Chinese and mixed text long enough for several blocks, and at its end.
    @Test func specialCharactersAtEveryOffset() {
        let texts = [
            String(repeating: "content/posts/2019/01/post-000010.md ", count: 3),
            String(repeating: "标题不能为空，请填写标题。", count: 4),
            String(repeating: "date “2019-02-30” is not a real day ", count: 3),
        ]
        let specials = ["\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{2028}", "\u{2029}", "“", "”", "\u{7F}", " "]
        for text in texts {
            for special in specials {
                for offset in 0...60 {
                    let prefix = String(text.prefix(offset))
                    let cut = prefix + special
                    #expect(JSON.string(cut) == Self.reference(cut), "\(cut)")
                    let inside = cut + text
                    #expect(JSON.string(inside) == Self.reference(inside), "\(inside)")
                    let twice = prefix + special + special + text
                    #expect(JSON.string(twice) == Self.reference(twice), "\(twice)")
                }
            }
        }
    }

    @Test func referenceAgreesWithKnownAnswers() {
        #expect(Self.reference("a\"b\\c\nd\u{1}e\u{2028}") == "\"a\\\"b\\\\c\\nd\\u0001e\\u2028\"")
        #expect(JSON.string("") == "\"\"")
    }
}
