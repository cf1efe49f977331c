// How Hugo's YAML decoder (goccy/go-yaml) types a scalar, and how YAML 1.1 readers would type it instead.
//
// Findings from goccy/go-yaml's source (token/token.go `New`, `toNumber` and the reserved keyword tables;
// decode.go `nodeToValue`), which is what Hugo's front matter goes through:
// - Null: exactly `null`, `Null`, `NULL`, `~` (and an empty value). Booleans: exactly `true`/`True`/`TRUE`,
//   `false`/`False`/`FALSE`. The YAML 1.1 words `y`, `yes`, `on`, `off`, `no`, `n` … sit only in
//   `reservedEncKeywordMap`, which the *encoder* uses to decide what to quote: on decoding they are strings.
// - Infinity/NaN: exactly `.inf` `.Inf` `.INF` `-.inf` `-.Inf` `-.INF`, `.nan` `.NaN` `.NAN`. `+.inf` is a string.
// - Numbers (`toNumber`): a leading `_` makes a string; more than one `.` makes a string; one leading `+` or `-` is
//   stripped and then *every* `_` is removed (so `1_000` is 1000, unlike YAML 1.2). Prefix `0x` is hex, `0o`
//   octal, `0b` binary, and a leading `0` with more digits and no dot is **octal** (`0777` is 511, `089` is a
//   string because it is not valid octal). One dot makes a float, parsed with Go's `strconv.ParseFloat`; an
//   exponent with no dot (`1e5`) is a string. Positive integers become `uint64`, negative ones `int64`; a value
//   out of range makes `ToNumber` fail and the scalar stays a *string*.
// - Dates: plain `2025-02-13` is a string; only an explicit `!!timestamp` gives a `time.Time`.
// - Explicit tags (decode.go): `!!int` runs `strconv.Atoi` on the decoded value and silently gives 0 when it
//   fails; `!!float` likewise gives 0; `!!bool` accepts what `strconv.ParseBool` accepts after lower-casing
//   (`1`, `t`, `true`, `0`, `f`, `false`) plus `yes`/`no`, and is an error otherwise; `!!null` is null whatever
//   the text; `!!str` is the text; `!!timestamp` is tried against four Go layouts and silently gives the zero
//   time when none fits.

/// The type Hugo's YAML decoder gives a scalar.
public enum ResolvedType: Equatable, Sendable {
    case null
    case bool(Bool)
    /// An integer that fits in `Int64`.
    case integer(Int64)
    /// A positive integer above `Int64.max` that still fits in `UInt64` (goccy decodes positive integers as
    /// `uint64`). Use `isIntegerTooBigForInt64` to test for it.
    case unsignedInteger(UInt64)
    case float(Double)
    case string
    /// An explicit `!!timestamp`: Hugo gets a `time.Time`.
    case timestamp
    /// An explicit `!!binary`: Hugo gets bytes.
    case binary
    /// An explicit tag whose text cannot be read as that type; `reason` says why in plain words.
    case invalidTagged(tag: String, reason: String)

    /// Whether this is an integer too big for `Int64` (it only fits goccy's `uint64`).
    public var isIntegerTooBigForInt64: Bool {
        if case .unsignedInteger = self { return true }
        return false
    }

    /// The type's name as messages show it: `null`, `boolean`, `integer`, `float`, `string`, `timestamp`, `binary`.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer, .unsignedInteger: return "integer"
        case .float: return "float"
        case .string: return "string"
        case .timestamp: return "timestamp"
        case .binary: return "binary"
        case .invalidTagged(let tag, _): return YAMLTag.shortName(tag)
        }
    }
}

/// The standard tags, expanded as `YAMLScalar.tag` holds them.
public enum YAMLTag {
    public static let str = "tag:yaml.org,2002:str"
    public static let int = "tag:yaml.org,2002:int"
    public static let bool = "tag:yaml.org,2002:bool"
    public static let float = "tag:yaml.org,2002:float"
    public static let null = "tag:yaml.org,2002:null"
    public static let timestamp = "tag:yaml.org,2002:timestamp"
    public static let binary = "tag:yaml.org,2002:binary"
    static let prefix = "tag:yaml.org,2002:"

    /// `!!int` for `tag:yaml.org,2002:int`; other tags unchanged.
    public static func shortName(_ tag: String) -> String {
        tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}

/// Resolves a scalar's type the way Hugo's YAML decoder (goccy/go-yaml) does.
///
/// Quoted and block scalars are strings; an explicit standard tag wins; the non-specific tag `!` makes a string;
/// other (application) tags are ignored. A plain scalar is typed by its text, YAML 1.2 style: `yes`, `on`, `y`
/// are strings and `2025-02-13` is a string.
public func resolve(_ scalar: YAMLScalar) -> ResolvedType {
    withUTF8Bytes(scalar.value) { resolve($0, style: scalar.style, tag: scalar.tag) }
}

/// `resolve(_:)` for a scalar whose value's UTF-8 bytes are `bytes`, read in place from its document.
func resolve(_ bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle, tag: String?) -> ResolvedType {
    if let tag {
        if tag == "!" { return .string }
        if tag.hasPrefix(YAMLTag.prefix) { return resolveTagged(String(decoding: bytes, as: UTF8.self), tag: tag) }
    }
    guard style == .plain else { return .string }
    return resolvePlain(bytes)
}

/// goccy's reading of an untagged plain scalar's text.
func resolvePlain(_ text: String) -> ResolvedType {
    withUTF8Bytes(text) { resolvePlain($0) }
}

/// goccy's reading of an untagged plain scalar whose UTF-8 bytes are `bytes`.
func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>) -> ResolvedType {
    guard let first = bytes.first else { return .null }
    // Most plain text (a title, a tag) starts with a byte that begins no keyword and no number, and is a
    // string without being compared to anything.
    switch first {
    case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
         UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "."), UInt8(ascii: "-"):
        if bytes.count <= 5, let keyword = plainKeyword(bytes) { return keyword }
    default:
        break
    }
    guard ASCII.isDigit(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: ".") else { return .string }
    return goccyNumber(bytes) ?? .string
}

/// Up to seven bytes and their count in one integer: equal exactly when the bytes are.
func packedWord(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var packed = UInt64(bytes.count) &<< 56
    var shift: UInt64 = 0
    for byte in bytes {
        packed |= UInt64(byte) &<< shift
        shift &+= 8
    }
    return packed
}

/// goccy's null, boolean, infinity and NaN words, spelt exactly so. Each is at most five bytes, and a plain
/// scalar's bytes are packed into an integer (`packedWord`: the count in the top byte, the bytes from the
/// lowest up) and compared with the words' packed forms in one switch: `true` and `false` are among the
/// commonest values, and a search of a table of words cost more than the rest of resolving them. The
/// constants are the words as `packedWord` packs them (a test checks each against its spelling).
func plainKeyword(_ bytes: UnsafeBufferPointer<UInt8>) -> ResolvedType? {
    switch packedWord(bytes) {
    case 0x0100_0000_0000_007E,  // ~
         0x0400_0000_6C6C_756E, 0x0400_0000_6C6C_754E, 0x0400_0000_4C4C_554E:  // null Null NULL
        return .null
    case 0x0400_0000_6575_7274, 0x0400_0000_6575_7254, 0x0400_0000_4555_5254:  // true True TRUE
        return .bool(true)
    case 0x0500_0065_736C_6166, 0x0500_0065_736C_6146, 0x0500_0045_534C_4146:  // false False FALSE
        return .bool(false)
    case 0x0400_0000_666E_692E, 0x0400_0000_666E_492E, 0x0400_0000_464E_492E:  // .inf .Inf .INF
        return .float(.infinity)
    case 0x0500_0066_6E69_2E2D, 0x0500_0066_6E49_2E2D, 0x0500_0046_4E49_2E2D:  // -.inf -.Inf -.INF
        return .float(-.infinity)
    case 0x0400_0000_6E61_6E2E, 0x0400_0000_4E61_4E2E, 0x0400_0000_4E41_4E2E:  // .nan .NaN .NAN
        return .float(.nan)
    default:
        return nil
    }
}

/// goccy's `toNumber`: nil when the text is not a number goccy accepts (it then stays a string).
func goccyNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> ResolvedType? {
    guard let first = bytes.first, first != UInt8(ascii: "_") else { return nil }
    var dots = 0
    var hasUnderscore = false
    var lastOther = -1  // the last byte that is not a letter, a digit, a dot or an underscore
    for (k, c) in bytes.enumerated() {
        if c == UInt8(ascii: ".") {
            dots += 1
        } else if c == UInt8(ascii: "_") {
            hasUnderscore = true
        } else if !ASCII.isAlphanumeric(c) {
            lastOther = k
        }
    }
    guard dots <= 1 else { return nil }
    let negative = first == UInt8(ascii: "-")
    var start = 0
    if first == UInt8(ascii: "+") { start = 1 }
    if start < bytes.count, bytes[start] == UInt8(ascii: "-") { start += 1 }
    // Without a dot the rest must be an integer: digits, a base prefix and underscores. A plain date
    // (`2025-02-13`) starts like a number and is told apart here, before it is parsed digit by digit.
    if dots == 0 && lastOther >= start { return nil }
    // Underscores are dropped anywhere after the sign; only a number that has some is copied without them.
    if hasUnderscore {
        let digits = bytes[start...].filter { $0 != UInt8(ascii: "_") }
        return digits.withUnsafeBufferPointer { goccyNumber(digits: $0[...], negative: negative, dots: dots) }
    }
    return goccyNumber(digits: bytes[start...], negative: negative, dots: dots)
}

/// `toNumber` after the sign: a base prefix, then an integer or (with one dot) a float.
private func goccyNumber(digits: Slice<UnsafeBufferPointer<UInt8>>, negative: Bool, dots: Int) -> ResolvedType? {
    var base: UInt64 = 10
    var body = digits
    if digits.count >= 2, digits.first == UInt8(ascii: "0") {
        switch digits[digits.startIndex + 1] {
        case UInt8(ascii: "x"): base = 16; body = digits.dropFirst(2)
        case UInt8(ascii: "o"): base = 8; body = digits.dropFirst(2)
        case UInt8(ascii: "b"): base = 2; body = digits.dropFirst(2)
        default: if dots == 0 { base = 8 }
        }
    }
    if dots == 1 && base == 10 {
        guard isGoFloatSyntax(body), let value = Double(String(decoding: body, as: UTF8.self)),
              value.isFinite else { return nil }
        return .float(negative ? -value : value)
    }
    guard let magnitude = parseUnsigned(body, base: base) else { return nil }
    if negative {
        if magnitude <= UInt64(Int64.max) { return .integer(-Int64(magnitude)) }
        if magnitude == UInt64(Int64.max) + 1 { return .integer(Int64.min) }
        return nil
    }
    return magnitude <= UInt64(Int64.max) ? .integer(Int64(magnitude)) : .unsignedInteger(magnitude)
}

/// Digits in `base` with no sign or prefix; nil when empty, invalid or above `UInt64.max`.
func parseUnsigned<C: Collection>(_ digits: C, base: UInt64) -> UInt64? where C.Element == UInt8 {
    guard !digits.isEmpty else { return nil }
    var value: UInt64 = 0
    for c in digits {
        let d: UInt64
        switch c {
        case 0x30...0x39: d = UInt64(c - 0x30)
        case 0x61...0x66: d = UInt64(c - 0x61 + 10)
        case 0x41...0x46: d = UInt64(c - 0x41 + 10)
        default: return nil
        }
        guard d < base else { return nil }
        let (m, o1) = value.multipliedReportingOverflow(by: base)
        let (s, o2) = m.addingReportingOverflow(d)
        guard !o1, !o2 else { return nil }
        value = s
    }
    return value
}

/// Go's decimal `ParseFloat` syntax for an unsigned mantissa with one dot: digits, optional exponent.
func isGoFloatSyntax<C: Collection>(_ text: C) -> Bool where C.Element == UInt8 {
    var sawDigit = false
    var i = text.startIndex
    while i != text.endIndex, ASCII.isDigit(text[i]) || text[i] == UInt8(ascii: ".") {
        if text[i] != UInt8(ascii: ".") { sawDigit = true }
        i = text.index(after: i)
    }
    guard sawDigit else { return false }
    if i == text.endIndex { return true }
    guard text[i] | 0x20 == UInt8(ascii: "e") else { return false }
    i = text.index(after: i)
    if i != text.endIndex, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") { i = text.index(after: i) }
    guard i != text.endIndex else { return false }
    while i != text.endIndex {
        guard ASCII.isDigit(text[i]) else { return false }
        i = text.index(after: i)
    }
    return true
}

private func resolveTagged(_ text: String, tag: String) -> ResolvedType {
    switch tag {
    case YAMLTag.str: return .string
    case YAMLTag.null: return .null
    case YAMLTag.timestamp: return .timestamp
    case YAMLTag.binary:
        return isBase64(text) ? .binary : .invalidTagged(tag: tag, reason: "\"\(text)\" is not valid Base64")
    case YAMLTag.bool:
        switch text.lowercased() {
        case "true", "t", "1", "yes": return .bool(true)
        case "false", "f", "0", "no": return .bool(false)
        default: return .invalidTagged(tag: tag, reason: "\"\(text)\" is not a boolean (use true or false)")
        }
    case YAMLTag.int:
        switch resolvePlain(text) {
        case .integer(let v): return .integer(v)
        case .unsignedInteger(let v): return .unsignedInteger(v)
        default:
            return .invalidTagged(tag: tag, reason: "\"\(text)\" is not an integer (Hugo silently reads it as 0)")
        }
    case YAMLTag.float:
        switch resolvePlain(text) {
        case .float(let v): return .float(v)
        case .integer(let v): return .float(Double(v))
        case .unsignedInteger(let v): return .float(Double(v))
        default:
            if let v = withUTF8Bytes(text, { isGoFloatSyntax($0) ? Double(text) : nil }) { return .float(v) }
            return .invalidTagged(tag: tag, reason: "\"\(text)\" is not a number (Hugo silently reads it as 0)")
        }
    default:
        // !!seq, !!map, !!set … on a scalar, or a tag from the standard namespace that goccy does not know.
        return .invalidTagged(tag: tag, reason: "\(YAMLTag.shortName(tag)) cannot tag a single value")
    }
}

private func isBase64(_ text: String) -> Bool {
    var count = 0
    var padding = 0
    for c in text.utf8 {
        if ASCII.isWhitespace(c) { continue }
        if c == UInt8(ascii: "=") { padding += 1; count += 1; continue }
        guard padding == 0, ASCII.isAlphanumeric(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "/") else {
            return false
        }
        count += 1
    }
    return count % 4 == 0 && padding <= 2
}
