import Testing
@testable import FrontLint

private func plain(_ s: String) -> YAMLScalar { YAMLScalar(value: s, style: .plain) }

@Suite struct ScalarTypeTests {
    @Test(arguments: [
        ("", ResolvedType.null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("nULL", .string),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)), ("false", .bool(false)),
        ("FALSE", .bool(false)), ("tRUE", .string),
        ("yes", .string), ("no", .string), ("on", .string), ("off", .string), ("y", .string), ("n", .string),
        ("Yes", .string), ("OFF", .string),
        ("0", .integer(0)), ("42", .integer(42)), ("-42", .integer(-42)), ("+42", .integer(42)),
        ("0x1F", .integer(31)), ("-0x10", .integer(-16)), ("0o17", .integer(15)), ("0b101", .integer(5)),
        ("0777", .integer(511)), ("089", .string), ("1_000", .integer(1000)), ("_1", .string),
        ("9223372036854775807", .integer(Int64.max)), ("-9223372036854775808", .integer(Int64.min)),
        ("9223372036854775808", .unsignedInteger(9_223_372_036_854_775_808)),
        ("99999999999999999999", .string), ("0x", .string), ("-", .string), ("+", .string),
        ("1.5", .float(1.5)), ("-1.5", .float(-1.5)), (".5", .float(0.5)), ("5.", .float(5)),
        ("1.7e9", .float(1.7e9)), ("1.5E-3", .float(0.0015)), ("1e5", .string), ("1.2.3", .string),
        (".", .string), ("1.0e999", .string),
        (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)), ("+.inf", .string),
        ("2025-02-13", .string), ("1:20", .string), ("hello", .string), ("20250213", .integer(20_250_213)),
    ])
    func plainScalarsResolveAsGoccyDoes(text: String, expected: ResolvedType) {
        #expect(resolve(plain(text)) == expected, "\(text)")
    }

    @Test func nanResolvesToFloat() {
        guard case .float(let v) = resolve(plain(".nan")) else { Issue.record("not a float"); return }
        #expect(v.isNaN)
    }

    /// Text that starts like a number but holds a byte no integer can (a date, a time, a range) is a string,
    /// told before it is parsed; signs and underscores where goccy takes them still make numbers.
    @Test(arguments: [
        ("2025-02-13T10:00:00Z", ResolvedType.string), ("12-3", .string), ("0x1-2", .string), ("1 2", .string),
        ("7:30", .string), ("1/2", .string), ("-1_000", .integer(-1000)), ("+-5", .integer(5)), ("-0b11", .integer(-3)),
        ("1.5e-3", .float(0.0015)), ("+1.5", .float(1.5)), ("12é", .string),
    ])
    func numberLikeTextIsToldApartBeforeParsing(text: String, expected: ResolvedType) {
        #expect(resolve(plain(text)) == expected, "\(text)")
    }

    /// `plainKeyword` compares packed words with constants: every spelling of every word must find its value,
    /// and a word one letter or one byte off must find nothing.
    @Test func everyKeywordSpellingIsFoundAndNearMissesAreNot() {
        let words: [(String, String)] = [
            ("~", "null"), ("null", "null"), ("Null", "null"), ("NULL", "null"),
            ("true", "true"), ("True", "true"), ("TRUE", "true"), ("false", "false"), ("False", "false"),
            ("FALSE", "false"), (".inf", "inf"), (".Inf", "inf"), (".INF", "inf"), ("-.inf", "-inf"),
            ("-.Inf", "-inf"), ("-.INF", "-inf"), (".nan", "nan"), (".NaN", "nan"), (".NAN", "nan"),
        ]
        func name(_ type: ResolvedType?) -> String? {
            switch type {
            case .null?: return "null"
            case .bool(let b)?: return b ? "true" : "false"
            case .float(let d)? where d.isNaN: return "nan"
            case .float(let d)?: return d > 0 ? "inf" : "-inf"
            default: return nil
            }
        }
        for (word, expected) in words {
            #expect(Array(word.utf8).withUnsafeBufferPointer(plainKeyword).flatMap(name) == expected, "\(word)")
        }
        for miss in ["~~", "nul", "nulll", "tRue", "truE", "fals", "falsee", "inf", "-inf", ".iNf", "+.inf", ".nAn",
                     "nan", "", "t", "TRUe", "FALSe", "\u{0}true"] {
            #expect(Array(miss.utf8).withUnsafeBufferPointer(plainKeyword) == nil, "\(miss)")
        }
    }

    @Test(arguments: [ScalarStyle.singleQuoted, .doubleQuoted, .literal, .folded])
    func nonPlainScalarsAreStrings(style: ScalarStyle) {
        #expect(resolve(YAMLScalar(value: "true", style: style)) == .string)
        #expect(resolve(YAMLScalar(value: "42", style: style)) == .string)
        #expect(resolve(YAMLScalar(value: "", style: style)) == .string)
    }

    @Test func explicitTagsWin() {
        #expect(resolve(YAMLScalar(value: "42", style: .plain, tag: YAMLTag.str)) == .string)
        #expect(resolve(YAMLScalar(value: "42", style: .doubleQuoted, tag: YAMLTag.int)) == .integer(42))
        #expect(resolve(YAMLScalar(value: "yes", style: .plain, tag: YAMLTag.bool)) == .bool(true))
        #expect(resolve(YAMLScalar(value: "F", style: .plain, tag: YAMLTag.bool)) == .bool(false))
        #expect(resolve(YAMLScalar(value: "3", style: .plain, tag: YAMLTag.float)) == .float(3))
        #expect(resolve(YAMLScalar(value: "1e3", style: .plain, tag: YAMLTag.float)) == .float(1000))
        #expect(resolve(YAMLScalar(value: "x", style: .plain, tag: YAMLTag.null)) == .null)
        #expect(resolve(YAMLScalar(value: "2025-02-13", style: .plain, tag: YAMLTag.timestamp)) == .timestamp)
        #expect(resolve(YAMLScalar(value: "aGk=", style: .plain, tag: YAMLTag.binary)) == .binary)
        #expect(resolve(YAMLScalar(value: "true", style: .plain, tag: "!")) == .string)
        #expect(resolve(YAMLScalar(value: "true", style: .plain, tag: "!local")) == .bool(true))
    }

    @Test func badTaggedValuesSayWhy() {
        guard case .invalidTagged(let tag, let reason) = resolve(YAMLScalar(value: "abc", style: .plain, tag: YAMLTag.int))
        else { Issue.record("expected invalidTagged"); return }
        #expect(tag == YAMLTag.int)
        #expect(reason.contains("not an integer"))
        if case .invalidTagged = resolve(YAMLScalar(value: "maybe", style: .plain, tag: YAMLTag.bool)) {} else {
            Issue.record("maybe is not a bool")
        }
        if case .invalidTagged = resolve(YAMLScalar(value: "a!", style: .plain, tag: YAMLTag.binary)) {} else {
            Issue.record("a! is not Base64")
        }
    }

    @Test func tooBigForInt64IsFlagged() {
        #expect(resolve(plain("18446744073709551615")).isIntegerTooBigForInt64)
        #expect(!resolve(plain("1")).isIntegerTooBigForInt64)
        #expect(resolve(plain("18446744073709551615")).typeName == "integer")
    }

    // MARK: YAML 1.1 readings

    @Test(arguments: [
        ("yes", "the boolean true"), ("Yes", "the boolean true"), ("YES", "the boolean true"), ("y", "the boolean true"),
        ("on", "the boolean true"), ("ON", "the boolean true"), ("no", "the boolean false"), ("n", "the boolean false"),
        ("off", "the boolean false"), ("Off", "the boolean false"),
        ("1:20", "the integer 80"), ("1:20:30", "the integer 4830"), ("0o17", "the string \"0o17\""),
        ("1.0e5", "the string \"1.0e5\""), ("+.inf", "the float infinity"), ("1:30.5", "the float 90.5"),
    ])
    func yaml11ReadsDifferently(text: String, expected: String) {
        #expect(yaml11Reading(plain(text)) == expected, "\(text)")
    }

    @Test(arguments: ["true", "false", "null", "~", "", "42", "hello", "1.5", "0777", "1_000", "0b101", "0x1F",
                      "2025-02-13", ".inf"])
    func yaml11AgreesWithHugo(text: String) {
        #expect(yaml11Reading(plain(text)) == nil, "\(text)")
    }

    @Test func quotedScalarsAreNeverAmbiguous() {
        #expect(yaml11Reading(YAMLScalar(value: "yes", style: .doubleQuoted)) == nil)
        #expect(scalarReadings(YAMLScalar(value: "yes", style: .singleQuoted)) == nil)
        #expect(yaml11Reading(YAMLScalar(value: "yes", style: .plain, tag: YAMLTag.str)) == nil)
    }

    @Test func threeReadingsOfTheDoubtfulCases() {
        let octal = scalarReadings(plain("0777"))
        #expect(octal == ScalarReadings(yaml11: .integer("511"), yaml12: .integer("777"), hugo: .integer("511")))
        let grouped = scalarReadings(plain("1_000"))
        #expect(grouped == ScalarReadings(yaml11: .integer("1000"), yaml12: .string("1_000"), hugo: .integer("1000")))
        let exponent = scalarReadings(plain("1e5"))
        #expect(exponent == ScalarReadings(yaml11: .string("1e5"), yaml12: .float(100_000), hugo: .string("1e5")))
        let yes = scalarReadings(plain("yes"))
        #expect(yes == ScalarReadings(yaml11: .bool(true), yaml12: .string("yes"), hugo: .string("yes")))
        let binary = scalarReadings(plain("0b101"))
        #expect(binary == ScalarReadings(yaml11: .integer("5"), yaml12: .string("0b101"), hugo: .integer("5")))
        #expect(scalarReadings(plain("hello")) == nil)
        #expect(scalarReadings(plain("12")) == nil)
    }
}
