import Testing
@testable import FrontLint

/// The YAML 1.1 and 1.2 readings work on bytes; these are the `String` readings they replaced, kept as the
/// reference they must agree with on every input below.
@Suite struct YAMLReadingsDifferentialTests {
    /// Every text of up to three bytes over the bytes that matter to numbers and words, the words themselves
    /// in other capitalisations, and longer numbers, dates and times.
    static let inputs: [String] = {
        let alphabet = Array("019+-._:eEoxbBf".utf8)
        var texts: [String] = [""]
        var level: [[UInt8]] = [[]]
        for _ in 1...3 {
            level = level.flatMap { prefix in alphabet.map { prefix + [$0] } }
            texts += level.map { String(decoding: $0, as: UTF8.self) }
        }
        let words = ["~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE",
                     ".inf", ".Inf", ".INF", ".iNF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "-.INf",
                     ".nan", ".NaN", ".NAN", ".Nan", "y", "Y", "yes", "Yes", "YES", "yES", "on", "On", "ON", "oN",
                     "n", "N", "no", "No", "NO", "nO", "off", "Off", "OFF", "oFF", "yess", "nulll", "\u{212A}",
                     "ｎull", "nul\u{0}", "null\u{0}", "\u{0}"]
        let numbers = ["0777", "0o17", "0x1F", "0xG", "0b101", "0b", "0b_", "1_000", "1e5", "1E+5", "1.0e5", "1.0e+5",
                       "1.5", "-1.5", "+1.5", "1_0.5_0", "._5", "1:20", "1:20:30", "-1:20", "1:30.5", "0:30", "1:60",
                       "1:5:7", "12345678901234567890123", "-12345678901234567890123", "0x12345678901234567890",
                       "2025-02-13", "2019-03-17T19:13:37Z", "2019-03-17T19:13:37+08:00", "1.2.3", "+", "-", ".",
                       "+0", "-0", "00", "0_", "09", "1__", "1e", "1.e5", ".5e-3", "+.5", "99999999999999999999.5"]
        return texts + words + numbers
    }()

    @Test func yaml11ReadingsAgreeWithTheStringReadings() {
        for text in Self.inputs {
            #expect(yaml11Read(text) == referenceYAML11Read(text), "\(Array(text.utf8))")
        }
    }

    /// `scalarReadings` skips the two YAML readings of a text with a sign inside (a date); it must give what
    /// the three full readings give.
    @Test func readingsOfTextWithASignInsideAreThoseOfTheFullReadings() {
        for text in Self.inputs {
            let full = ScalarReadings(yaml11: referenceYAML11Read(text), yaml12: referenceYAML12CoreRead(text),
                                      hugo: hugoRead(text))
            let agree = full.yaml11 == full.hugo && full.yaml12 == full.hugo
            let expected = text.utf8.first.map { mayReadDifferently(firstByte: $0) } == true && !agree ? full : nil
            #expect(scalarReadings(YAMLScalar(value: text, style: .plain)) == expected, "\(Array(text.utf8))")
        }
        let sign = { (text: String) in withUTF8Bytes(text) { signAfterFirstByte($0) } }
        #expect(sign("2025-02-13") && !sign("1e-5") && !sign("-1"))
    }

    @Test func yaml12ReadingsAgreeWithTheStringReadings() {
        for text in Self.inputs {
            #expect(yaml12CoreRead(text) == referenceYAML12CoreRead(text), "\(Array(text.utf8))")
        }
    }
}



private func referenceYAML12CoreRead(_ text: String) -> ScalarReading {
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
    case ".nan", ".NaN", ".NAN": return .float(.nan)
    default: break
    }
    let bytes = Array(text.utf8)
    // 0o[0-7]+ and 0x[0-9a-fA-F]+ (no sign allowed).
    if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x") {
        let base: UInt64 = bytes[1] == UInt8(ascii: "o") ? 8 : 16
        if let digits = integerDigits(bytes[2...], base: base, negative: false) { return .integer(digits) }
        return .string(text)
    }
    var i = 0
    let negative = bytes.first == UInt8(ascii: "-")
    if negative || bytes.first == UInt8(ascii: "+") { i = 1 }
    let body = bytes[i...]
    if !body.isEmpty, body.allSatisfy(ASCII.isDigit) {
        return .integer(integerDigits(body, base: 10, negative: negative) ?? text)
    }
    // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
    var j = body.startIndex
    var mantissaDigits = 0
    while j < body.endIndex, ASCII.isDigit(body[j]) { j += 1; mantissaDigits += 1 }
    var fractionDigits = 0
    if j < body.endIndex, body[j] == UInt8(ascii: ".") {
        j += 1
        while j < body.endIndex, ASCII.isDigit(body[j]) { j += 1; fractionDigits += 1 }
        if mantissaDigits == 0 && fractionDigits == 0 { return .string(text) }
    } else if mantissaDigits == 0 {
        return .string(text)
    }
    if j < body.endIndex, body[j] | 0x20 == UInt8(ascii: "e") {
        j += 1
        if j < body.endIndex, body[j] == UInt8(ascii: "+") || body[j] == UInt8(ascii: "-") { j += 1 }
        var exponentDigits = 0
        while j < body.endIndex, ASCII.isDigit(body[j]) { j += 1; exponentDigits += 1 }
        if exponentDigits == 0 { return .string(text) }
    }
    guard j == body.endIndex, let v = Double(text.hasPrefix("+") ? String(text.dropFirst()) : text) else {
        return .string(text)
    }
    return .float(v)
}



private func referenceYAML11Read(_ text: String) -> ScalarReading {
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
    case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
    case ".nan", ".NaN", ".NAN": return .float(.nan)
    default: break
    }
    let bytes = Array(text.utf8)
    var i = 0
    let negative = bytes.first == UInt8(ascii: "-")
    if negative || bytes.first == UInt8(ascii: "+") { i = 1 }
    let body = bytes[i...]
    guard let first = body.first else { return .string(text) }
    let noUnderscores = body.filter { $0 != UInt8(ascii: "_") }

    func digits(_ from: Int, _ base: UInt64) -> ScalarReading {
        let run = body.dropFirst(from)
        guard !run.isEmpty, run.contains(where: { $0 != UInt8(ascii: "_") }) else { return .string(text) }
        return integerDigits(run.filter { $0 != UInt8(ascii: "_") }, base: base, negative: negative)
            .map(ScalarReading.integer) ?? .string(text)
    }
    if first == UInt8(ascii: "0"), body.count > 1 {
        let second = body[body.startIndex + 1]
        if second == UInt8(ascii: "b") { return digits(2, 2) }
        if second == UInt8(ascii: "x") { return digits(2, 16) }
        if body.allSatisfy({ ($0 >= 0x30 && $0 <= 0x37) || $0 == UInt8(ascii: "_") }) { return digits(1, 8) }
    }
    if first == UInt8(ascii: "0"), body.count == 1 { return .integer("0") }
    if first >= 0x31 && first <= 0x39, body.allSatisfy({ ASCII.isDigit($0) || $0 == UInt8(ascii: "_") }) {
        return digits(0, 10)
    }
    // Sexagesimal numbers and integer digits are read by the same helpers as before the change: only the
    // words and the dispatch around them moved to bytes.
    let sexagesimal = Array(body).withUnsafeBufferPointer { yaml11Sexagesimal($0[...], negative: negative) }
    if let sexagesimal { return sexagesimal }
    // [0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?  or  \.[0-9][0-9_]*([eE][-+][0-9]+)?
    var j = body.startIndex
    var leading = 0
    while j < body.endIndex, ASCII.isDigit(body[j]) || (leading > 0 && body[j] == UInt8(ascii: "_")) {
        j += 1; leading += 1
    }
    guard j < body.endIndex, body[j] == UInt8(ascii: ".") else { return .string(text) }
    j += 1
    var fraction = 0
    while j < body.endIndex, ASCII.isDigit(body[j]) || (fraction > 0 || leading > 0) && body[j] == UInt8(ascii: "_") {
        j += 1; fraction += 1
    }
    if leading == 0 && fraction == 0 { return .string(text) }
    if j < body.endIndex {
        guard body[j] | 0x20 == UInt8(ascii: "e"), j + 2 < body.endIndex,
              body[j + 1] == UInt8(ascii: "+") || body[j + 1] == UInt8(ascii: "-"),
              body[(j + 2)...].allSatisfy(ASCII.isDigit) else { return .string(text) }
    }
    guard let v = Double(String(decoding: noUnderscores, as: UTF8.self)) else { return .string(text) }
    return .float(negative ? -v : v)
}
