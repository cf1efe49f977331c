/// Format checks. Each returns nil when the value is valid, or the reason it is not, in plain words.
public enum FormatCheck {
    /// `date`: an RFC 3339 `full-date`, `YYYY-MM-DD`, that exists in the calendar.
    public static func date(_ text: String) -> String? {
        withUTF8Bytes(text) { b in
            guard b.count == 10 else {
                return "\"\(text)\" is not a date in the form YYYY-MM-DD"
            }
            return fullDate(b, 0, text)
        }
    }

    /// `date-time`: an RFC 3339 `date-time` (`2025-02-13T23:39:14Z`, `2025-02-13T23:39:14.5+08:00`), with the
    /// calendar checked. `T` and `Z` may be lower case (RFC 3339 §5.6); a leap second is accepted only at
    /// 23:59:60 UTC.
    public static func dateTime(_ text: String) -> String? {
        withUTF8Bytes(text) { b -> String? in
            let shape = "\"\(text)\" is not an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ or with an offset like +08:00)"
            guard b.count >= 20 else { return shape }
            if let problem = fullDate(b, 0, text) { return problem }
            guard b[10] | 0x20 == UInt8(ascii: "t") else {
                return b[10] == UInt8(ascii: " ") ? "\"\(text)\" needs a T between date and time, not a space" : shape
            }
            guard b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
                  let hour = ASCII.decimal(b, 11..<13), let minute = ASCII.decimal(b, 14..<16),
                  let second = ASCII.decimal(b, 17..<19) else { return shape }
            var i = 19
            if b[i] == UInt8(ascii: ".") {
                i += 1
                let start = i
                while i < b.count && ASCII.isDigit(b[i]) { i += 1 }
                if i == start { return "\"\(text)\" has a dot after the seconds but no fraction digits" }
            }
            guard i < b.count else { return "\"\(text)\" has no time zone offset; add Z or an offset like +08:00" }
            var offsetMinutes = 0
            if b[i] | 0x20 == UInt8(ascii: "z") {
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                guard i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"),
                      let oh = ASCII.decimal(b, (i + 1)..<(i + 3)), let om = ASCII.decimal(b, (i + 4)..<(i + 6))
                else { return "\"\(text)\" has an offset that is not in the form +HH:MM" }
                if oh > 23 { return "offset hour \(oh) is out of range" }
                if om > 59 { return "offset minute \(om) is out of range" }
                offsetMinutes = (oh * 60 + om) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
                i += 6
            } else {
                return shape
            }
            guard i == b.count else { return shape }
            if hour > 23 { return "hour \(hour) is out of range" }
            if minute > 59 { return "minute \(minute) is out of range" }
            if second == 60 {
                let utcMinute = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
                if utcMinute != 23 * 60 + 59 { return "second 60 (a leap second) is only possible at 23:59:60 UTC" }
            } else if second > 59 {
                return "second \(second) is out of range"
            }
            return nil
        }
    }

    /// `YYYY-MM-DD` at `at`, calendar-checked.
    static func fullDate(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ text: String) -> String? {
        guard at + 10 <= b.count, b[at + 4] == UInt8(ascii: "-"), b[at + 7] == UInt8(ascii: "-"),
              let y = ASCII.decimal(b, at..<(at + 4)), let m = ASCII.decimal(b, (at + 5)..<(at + 7)),
              let d = ASCII.decimal(b, (at + 8)..<(at + 10)) else {
            return "\"\(text)\" does not start with a date in the form YYYY-MM-DD"
        }
        return GregorianCalendar.dayProblem(year: y, month: m, day: d)
    }
}

/// A date layout chosen by a site, such as `YYYY-MM-DD HH:mm:ss`, and a checker for values written in it.
///
/// Tokens (case-sensitive):
/// - `YYYY` four-digit year, `MM` two-digit month 01–12, `DD` two-digit day (checked against the month),
/// - `HH` two-digit hour 00–23, `mm` two-digit minute 00–59, `ss` two-digit second 00–59,
/// - `Z` an RFC 3339 zone: `Z` or `+HH:MM` / `-HH:MM`; `ZZ` a compact offset `+HHMM` / `-HHMM`.
/// - `T` and any character that is not an ASCII letter (`-` `/` `:` `.` space …) stand for themselves.
/// Any other letter is an error in the layout (so `yyyy` or `hh` are caught rather than read as text).
public struct DateLayout: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case year, month, day, hour, minute, second, zone, compactZone
        case literal(UInt8)
    }

    /// The layout as written.
    public let layout: String
    let tokens: [Token]

    /// Compiles a layout; nil when it is not valid (see `problem(in:)` for why).
    public init?(_ layout: String) {
        guard case .success(let tokens) = DateLayout.compile(layout) else { return nil }
        self.layout = layout
        self.tokens = tokens
    }

    /// Why a layout is not valid, or nil when it is.
    public static func problem(in layout: String) -> String? {
        if case .failure(let reason) = compile(layout) { return reason.text }
        return nil
    }

    struct Reason: Error { var text: String }

    static func compile(_ layout: String) -> Result<[Token], Reason> {
        let b = Array(layout.utf8)
        guard !b.isEmpty else { return .failure(Reason(text: "the date layout is empty")) }
        var tokens: [Token] = []
        var i = 0
        func at(_ s: String) -> Bool {
            let u = Array(s.utf8)
            return i + u.count <= b.count && Array(b[i..<(i + u.count)]) == u
        }
        while i < b.count {
            let table: [(String, Token)] = [("YYYY", .year), ("MM", .month), ("DD", .day), ("HH", .hour),
                                            ("mm", .minute), ("ss", .second), ("ZZ", .compactZone), ("Z", .zone)]
            if let (text, token) = table.first(where: { at($0.0) }) {
                if tokens.contains(token) {
                    return .failure(Reason(text: "the date layout \"\(layout)\" uses \(text) twice"))
                }
                tokens.append(token)
                i += text.utf8.count
            } else if ASCII.isAlpha(b[i]) && b[i] != UInt8(ascii: "T") {
                var j = i
                while j < b.count && b[j] == b[i] { j += 1 }
                let word = String(decoding: b[i..<j], as: UTF8.self)
                return .failure(Reason(text: "\"\(word)\" in the date layout \"\(layout)\" is not a token; "
                    + "use YYYY, MM, DD, HH, mm, ss, Z or ZZ"))
            } else {
                tokens.append(.literal(b[i]))
                i += 1
            }
        }
        let has = { (t: Token) in tokens.contains(t) }
        if has(.day) && !has(.month) || has(.month) && !has(.year) {
            return .failure(Reason(text: "the date layout \"\(layout)\" needs YYYY, MM and DD together"))
        }
        if has(.second) && !has(.minute) || has(.minute) && !has(.hour) {
            return .failure(Reason(text: "the date layout \"\(layout)\" needs HH, mm and ss in order of size"))
        }
        if !tokens.contains(where: { if case .literal = $0 { return false } else { return true } }) {
            return .failure(Reason(text: "the date layout \"\(layout)\" has no date or time tokens"))
        }
        return .success(tokens)
    }

    /// Why `value` is not written in this layout, or nil when it is.
    public func check(_ value: String) -> String? {
        withUTF8Bytes(value) { b -> String? in
            let mismatch = "\"\(value)\" does not match the date layout \(layout)"
            var i = 0
            var year = 2000, month = 1, day = 1
            func two() -> Int? {
                guard i + 2 <= b.count, let n = ASCII.decimal(b, i..<(i + 2)) else { return nil }
                i += 2
                return n
            }
            for token in tokens {
                switch token {
                case .literal(let c):
                    guard i < b.count, b[i] == c else { return mismatch }
                    i += 1
                case .year:
                    guard i + 4 <= b.count, let y = ASCII.decimal(b, i..<(i + 4)) else { return mismatch }
                    year = y; i += 4
                case .month:
                    guard let m = two() else { return mismatch }
                    if m < 1 || m > 12 { return "month \(m) does not exist" }
                    month = m
                case .day:
                    guard let d = two() else { return mismatch }
                    day = d
                case .hour:
                    guard let h = two() else { return mismatch }
                    if h > 23 { return "hour \(h) is out of range" }
                case .minute:
                    guard let m = two() else { return mismatch }
                    if m > 59 { return "minute \(m) is out of range" }
                case .second:
                    guard let s = two() else { return mismatch }
                    if s > 59 { return "second \(s) is out of range" }
                case .zone, .compactZone:
                    if token == .zone, i < b.count, b[i] == UInt8(ascii: "Z") { i += 1; continue }
                    guard i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return mismatch }
                    i += 1
                    guard let oh = two() else { return mismatch }
                    if token == .zone {
                        guard i < b.count, b[i] == UInt8(ascii: ":") else { return mismatch }
                        i += 1
                    }
                    guard let om = two() else { return mismatch }
                    if oh > 23 || om > 59 { return "the offset is out of range" }
                }
            }
            guard i == b.count else { return mismatch }
            if tokens.contains(.day), let problem = GregorianCalendar.dayProblem(
                year: year, month: month, day: day,
                written: "\(GregorianCalendar.isoDate(year, month, day))") {
                return problem
            }
            return nil
        }
    }
}
