// Plain scalars that YAML readers disagree about. Hugo (goccy/go-yaml) is mostly YAML 1.2 but keeps some 1.1
// habits (`0777` is octal, `1_000` is 1000 — see ScalarType.swift); Jekyll (Ruby Psych), PyYAML and many editors
// read YAML 1.1, where `yes`, `on`, `y` are booleans and `1:20` is 80; strict YAML 1.2 core readers give yet
// other answers (`0777` is 777, `1e5` is a float).
//
// YAML 1.1 timestamps (`2025-02-13`) are deliberately not modelled: every date would be "ambiguous", and Hugo
// parses the string as a date anyway, so nothing changes meaning.

/// What one YAML reader makes of a plain scalar.
public enum ScalarReading: Equatable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    /// An integer, as signed decimal digits (YAML 1.1 integers need not fit 64 bits).
    case integer(String)
    case float(Double)
    case string(String)

    public static func == (lhs: ScalarReading, rhs: ScalarReading) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return a == b
        default: return false
        }
    }

    /// Plain words: `null`, `the boolean true`, `the integer 511`, `the float 1000.0`, `the string "yes"`.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "the boolean \(b)"
        case .integer(let digits): return "the integer \(digits)"
        case .float(let v):
            if v.isNaN { return "the float NaN (not a number)" }
            if v.isInfinite { return v < 0 ? "the float minus infinity" : "the float infinity" }
            return "the float \(v)"
        case .string(let s): return "the string \"\(s)\""
        }
    }
}

/// How YAML 1.1, YAML 1.2 (core schema) and Hugo (goccy/go-yaml) read one plain scalar.
public struct ScalarReadings: Equatable, Sendable {
    public var yaml11: ScalarReading
    public var yaml12: ScalarReading
    public var hugo: ScalarReading
}

/// The three readings of a plain, untagged scalar when at least two of them differ; nil when they all agree or
/// the scalar is quoted, block or tagged (its type is then not a matter of how it looks).
public func scalarReadings(_ scalar: YAMLScalar) -> ScalarReadings? {
    guard scalar.isPlainUntagged else { return nil }
    return withUTF8Bytes(scalar.value) { plainScalarReadings($0) }
}

/// `scalarReadings(_:)` of a plain, untagged scalar whose value's UTF-8 bytes are `bytes`, read in place from
/// its document: a string of them is made only for the few values readers may disagree on.
func plainScalarReadings(_ bytes: UnsafeBufferPointer<UInt8>) -> ScalarReadings? {
    // Readers disagree only on values that start with a digit, a sign, a dot or a YAML 1.1 boolean's first
    // letter: that byte rules out almost every scalar.
    guard let first = bytes.first, mayReadDifferently(firstByte: first) else { return nil }
    if signAfterFirstByte(bytes) {
        // A date (`2025-02-13`) is text to both YAML versions: only Hugo can read it otherwise.
        if case .string = resolvePlain(bytes) { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        return ScalarReadings(yaml11: .string(text), yaml12: .string(text), hugo: hugoRead(text))
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let readings = ScalarReadings(yaml11: yaml11Read(text), yaml12: yaml12CoreRead(text), hugo: hugoRead(text))
    if readings.yaml11 == readings.hugo && readings.yaml12 == readings.hugo { return nil }
    return readings
}

/// Whether `bytes` have a `-` or `+` after the first that does not follow an `e` or `E`: then it is no
/// number and no word to YAML 1.1 or 1.2, where a sign is only first or opens an exponent, and both read it
/// as a string. Most plain scalars that reach the readings are dates, which this spares two full readings.
func signAfterFirstByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 1
    while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+"), bytes[index - 1] | 0x20 != UInt8(ascii: "e") {
            return true
        }
        index += 1
    }
    return false
}

/// Whether readers can disagree at all: only numbers (digits, a sign, a dot) and YAML 1.1's boolean words
/// (`y`, `yes`, `n`, `no`, `on`, `off` in their capitalisations) can. Everything else is text to every
/// reader, which spares the three full readings for almost every scalar.
@inline(__always)
func mayReadDifferently(firstByte first: UInt8) -> Bool {
    switch first {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
         UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "o"), UInt8(ascii: "O"):
        return true
    default:
        return false
    }
}

/// How YAML 1.1 reads a plain, untagged scalar, in plain words, when that differs from how Hugo reads it:
/// `yes` → `the boolean true`, `1:20` → `the integer 80`, `0b101` agrees (nil). Nil when they agree.
public func yaml11Reading(_ scalar: YAMLScalar) -> String? {
    guard scalar.isPlainUntagged else { return nil }
    let yaml11 = yaml11Read(scalar.value)
    return yaml11 == hugoRead(scalar.value) ? nil : yaml11.description
}

func hugoRead(_ text: String) -> ScalarReading {
    switch resolvePlain(text) {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .integer(let v): return .integer(String(v))
    case .unsignedInteger(let v): return .integer(String(v))
    case .float(let v): return .float(v)
    default: return .string(text)
    }
}

// MARK: - Words

/// The words a reader gives a meaning of their own, by their bytes packed with their length (`packedWord`).
/// The readings work on a scalar's UTF-8 bytes: comparing its `String` with thirty words one after the other
/// cost more than all the rest of reading a date. Bytes compare as the `String`s did: no text that is not
/// ASCII is canonically equivalent to one of these words. A list rather than a dictionary: the words are
/// few, only short scalars are looked up, and building a dictionary cost more than all the lookups of a run.
private struct ReaderWords {
    let words: [(packed: UInt64, reading: ScalarReading)]

    init(_ list: [([StaticString], ScalarReading)]) {
        var words: [(packed: UInt64, reading: ScalarReading)] = []
        for (spellings, reading) in list {
            for spelling in spellings {
                let bytes = UnsafeBufferPointer(start: spelling.utf8Start, count: spelling.utf8CodeUnitCount)
                words.append((packedWord(bytes)!, reading))
            }
        }
        self.words = words
    }

    /// The reading of the word `bytes` spells, if it is one of them.
    func reading(_ bytes: UnsafeBufferPointer<UInt8>) -> ScalarReading? {
        guard let key = packedWord(bytes) else { return nil }
        for word in words where word.packed == key { return word.reading }
        return nil
    }
}

/// The words of the YAML 1.2 core schema (and of YAML 1.1, which has these and more).
private let coreWordList: [([StaticString], ScalarReading)] = [
    (["", "~", "null", "Null", "NULL"], .null),
    (["true", "True", "TRUE"], .bool(true)),
    (["false", "False", "FALSE"], .bool(false)),
    ([".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"], .float(.infinity)),
    (["-.inf", "-.Inf", "-.INF"], .float(-.infinity)),
    ([".nan", ".NaN", ".NAN"], .float(.nan)),
]
private let yaml12Words = ReaderWords(coreWordList)
private let yaml11Words = ReaderWords(coreWordList + [
    (["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"], .bool(true)),
    (["n", "N", "no", "No", "NO", "off", "Off", "OFF"], .bool(false)),
])

/// Up to seven bytes and their count in one word, the count in the top byte; nil for longer text, which is
/// no word (the longest, `false` and `+.inf`, have five bytes).
@inline(__always)
private func packedWord(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    guard bytes.count <= 7 else { return nil }
    var packed = UInt64(bytes.count) << 56
    for (index, byte) in bytes.enumerated() { packed |= UInt64(byte) << UInt64(8 * index) }
    return packed
}

// MARK: - YAML 1.2 core schema

func yaml12CoreRead(_ text: String) -> ScalarReading {
    withUTF8Bytes(text) { yaml12CoreRead(text, $0) }
}

private func yaml12CoreRead(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> ScalarReading {
    if let word = yaml12Words.reading(bytes) { return word }
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

// MARK: - YAML 1.1 (yaml.org/type: bool, null, int, float)

func yaml11Read(_ text: String) -> ScalarReading {
    withUTF8Bytes(text) { yaml11Read(text, $0) }
}

private func yaml11Read(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> ScalarReading {
    if let word = yaml11Words.reading(bytes) { return word }
    var i = 0
    let negative = bytes.first == UInt8(ascii: "-")
    if negative || bytes.first == UInt8(ascii: "+") { i = 1 }
    let body = bytes[i...]
    guard let first = body.first else { return .string(text) }

    func digits(_ from: Int, _ base: UInt64) -> ScalarReading {
        let run = body.dropFirst(from)
        guard !run.isEmpty, run.contains(where: { $0 != UInt8(ascii: "_") }) else { return .string(text) }
        return integerDigits(run.lazy.filter { $0 != UInt8(ascii: "_") }, base: base, negative: negative)
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
    if let sexagesimal = yaml11Sexagesimal(body, negative: negative) { return sexagesimal }
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
    let noUnderscores = body.filter { $0 != UInt8(ascii: "_") }
    guard let v = Double(String(decoding: noUnderscores, as: UTF8.self)) else { return .string(text) }
    return .float(negative ? -v : v)
}

/// `[1-9][0-9_]*(:[0-5]?[0-9])+` (int) and `[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*` (float), base 60.
func yaml11Sexagesimal(_ body: Slice<UnsafeBufferPointer<UInt8>>, negative: Bool) -> ScalarReading? {
    guard let colon = body.firstIndex(of: UInt8(ascii: ":")) else { return nil }
    let head = body[..<colon]
    guard let h = head.first, ASCII.isDigit(h), head.allSatisfy({ ASCII.isDigit($0) || $0 == UInt8(ascii: "_") })
    else { return nil }
    var value = Double(String(decoding: head.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)) ?? 0
    var intValue = UInt64(value)
    var i = colon
    var isFloat = false
    while i < body.endIndex, body[i] == UInt8(ascii: ":") {
        i += 1
        var n = 0, count = 0
        while i < body.endIndex, ASCII.isDigit(body[i]), count < 2 { n = n * 10 + Int(body[i] - 0x30); i += 1; count += 1 }
        guard count > 0, count == 1 || body[i - 2] <= UInt8(ascii: "5") else { return nil }
        value = value * 60 + Double(n)
        intValue = intValue &* 60 &+ UInt64(n)
    }
    if i < body.endIndex {
        guard body[i] == UInt8(ascii: "."), body[(i + 1)...].allSatisfy({ ASCII.isDigit($0) || $0 == UInt8(ascii: "_") })
        else { return nil }
        isFloat = true
        let fraction = "0." + String(decoding: body[(i + 1)...].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        value += Double(fraction) ?? 0
    }
    if isFloat { return .float(negative ? -value : value) }
    guard h != UInt8(ascii: "0") else { return nil }
    return .integer((negative ? "-" : "") + String(intValue))
}

/// Signed decimal text of digits in `base`; nil when a digit is invalid. Values beyond 64 bits keep their
/// decimal text when `base` is 10 and are reported as nil otherwise.
func integerDigits<C: Collection>(_ digits: C, base: UInt64, negative: Bool) -> String? where C.Element == UInt8 {
    if let v = parseUnsigned(digits, base: base) {
        return v == 0 ? "0" : (negative ? "-" : "") + String(v)
    }
    guard base == 10, !digits.isEmpty, digits.allSatisfy(ASCII.isDigit) else { return nil }
    var text = String(decoding: digits.drop(while: { $0 == UInt8(ascii: "0") }), as: UTF8.self)
    if text.isEmpty { text = "0" }
    return (negative ? "-" : "") + text
}
