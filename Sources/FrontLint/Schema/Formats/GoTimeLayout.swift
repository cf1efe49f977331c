// A re-implementation of the part of Go's `time.Parse` that Hugo's date layouts use, on UTF-8 bytes.
//
// Behaviour copied from Go's time/format.go (checked against its source):
// - `01` `02` `04` `05` need exactly two digits; `1` `2` `15` `3` `4` `5` take one or two (so `15` accepts `7`).
// - `_2` skips one leading space, then takes one or two digits.
// - `2006` takes exactly four digits; `06` takes two, 69…99 → 19xx, 00…68 → 20xx.
// - `Jan`/`January`/`Mon`/`Monday` match month and day names ignoring ASCII case. The day of the week is
//   parsed and then ignored: Go does not check it against the date.
// - `MST` is a zone abbreviation: `UTC`, `GMT` (with an optional `+h`/`-h`), `ChST`/`MeST`, or three to five
//   upper-case letters (four or five must end in `T`, except `WITA`).
// - `-0700`, `-07:00` need a `+` or `-` and exactly the digits shown; `Z0700`/`Z07:00` also accept `Z`. Offset
//   hours above 24 and minutes above 60 are out of range.
// - After the seconds, a `.` or `,` followed by digits is read as a fraction even when the layout has none.
//   `.000` needs exactly that many digits; `.999` is optional and takes any number (nanoseconds kept).
// - A space in the layout matches one or more spaces in the value, or none at its end.
// - Ranges: month 1…12, hour 0…23 (0…12 with PM), minute and second 0…59 (no leap second), day checked
//   against the month's length once everything is read. A missing year is 0, a missing month or day is 1.

/// One Go reference layout (`2006-01-02T15:04:05Z07:00`), compiled into elements.
struct GoTimeLayout: Sendable {
    enum Element: Sendable, Equatable {
        case literal([UInt8])
        case longYear, shortYear
        case month(fixed: Bool), monthShortName, monthLongName
        case day(fixed: Bool), spacePaddedDay
        case weekdayShortName, weekdayLongName
        case hour24, hour12
        case minute(fixed: Bool), second(fixed: Bool)
        /// `.000` (exact digit count) or `.999` (optional, any count).
        case fraction(digits: Int, optional: Bool)
        case pm
        case zoneName
        /// `-0700` / `-07:00`; `allowsZ` for `Z0700` / `Z07:00`.
        case offset(colon: Bool, allowsZ: Bool)
        /// `-07`: sign and hours only.
        case hoursOffset
    }

    let text: String
    let elements: [Element]

    init(_ text: String) {
        self.text = text
        var elements: [Element] = []
        var literal: [UInt8] = []
        let b = Array(text.utf8)
        var i = 0
        func has(_ s: StaticString) -> Bool {
            b.withUnsafeBufferPointer { ASCII.matchesExactly($0, at: i, s) }
        }
        func nextIsLower(_ at: Int) -> Bool { at < b.count && b[at] >= 0x61 && b[at] <= 0x7A }
        while i < b.count {
            var element: Element?
            var width = 0
            if has("January") { element = .monthLongName; width = 7 }
            else if has("Jan") && !nextIsLower(i + 3) { element = .monthShortName; width = 3 }
            else if has("Monday") { element = .weekdayLongName; width = 6 }
            else if has("Mon") && !nextIsLower(i + 3) { element = .weekdayShortName; width = 3 }
            else if has("MST") { element = .zoneName; width = 3 }
            else if has("01") { element = .month(fixed: true); width = 2 }
            else if has("02") { element = .day(fixed: true); width = 2 }
            else if has("04") { element = .minute(fixed: true); width = 2 }
            else if has("05") { element = .second(fixed: true); width = 2 }
            else if has("06") { element = .shortYear; width = 2 }
            else if has("15") { element = .hour24; width = 2 }
            else if has("2006") { element = .longYear; width = 4 }
            else if has("_2") { element = .spacePaddedDay; width = 2 }
            else if has("1") { element = .month(fixed: false); width = 1 }
            else if has("2") { element = .day(fixed: false); width = 1 }
            else if has("3") { element = .hour12; width = 1 }
            else if has("4") { element = .minute(fixed: false); width = 1 }
            else if has("5") { element = .second(fixed: false); width = 1 }
            else if has("PM") { element = .pm; width = 2 }
            else if has("-07:00") { element = .offset(colon: true, allowsZ: false); width = 6 }
            else if has("-0700") { element = .offset(colon: false, allowsZ: false); width = 5 }
            else if has("-07") { element = .hoursOffset; width = 3 }
            else if has("Z07:00") { element = .offset(colon: true, allowsZ: true); width = 6 }
            else if has("Z0700") { element = .offset(colon: false, allowsZ: true); width = 5 }
            else if (b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",")) && i + 1 < b.count
                        && (b[i + 1] == UInt8(ascii: "0") || b[i + 1] == UInt8(ascii: "9")) {
                var j = i + 1
                while j < b.count && b[j] == b[i + 1] { j += 1 }
                if j == b.count || !ASCII.isDigit(b[j]) {
                    element = .fraction(digits: j - i - 1, optional: b[i + 1] == UInt8(ascii: "9"))
                    width = j - i
                }
            }
            if let element {
                if !literal.isEmpty { elements.append(.literal(literal)); literal = [] }
                elements.append(element)
                i += width
            } else {
                literal.append(b[i])
                i += 1
            }
        }
        if !literal.isEmpty { elements.append(.literal(literal)) }
        self.elements = elements
    }
}

/// What `GoTimeLayout.parse` read.
struct GoParsedTime: Sendable, Equatable {
    var year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, nanosecond = 0
    /// Seconds east of UTC when the value has a numeric offset or `Z`.
    var utcOffsetSeconds: Int?
    /// A zone abbreviation such as `UTC` or `CST`.
    var zoneName: String?
    /// The first value out of its range (`hour 25 is out of range`), with the whole value otherwise matching.
    var rangeProblem: String?
}

extension GoTimeLayout {
    /// Parses `value` against the layout. Returns nil when the value does not have the layout's shape; a value
    /// of the right shape with a field out of range comes back with `rangeProblem` set (Go would reject it).
    func parse(_ v: UnsafeBufferPointer<UInt8>) -> GoParsedTime? {
        var r = GoParsedTime()
        var i = 0
        var monthSeen = -1, daySeen = -1
        var pm: Bool?
        func problem(_ text: String) { if r.rangeProblem == nil { r.rangeProblem = text } }
        // getnum: one or two digits; exactly two when fixed.
        func number(fixed: Bool) -> Int? {
            guard i < v.count, ASCII.isDigit(v[i]) else { return nil }
            if i + 1 < v.count, ASCII.isDigit(v[i + 1]) {
                defer { i += 2 }
                return Int(v[i] - 0x30) * 10 + Int(v[i + 1] - 0x30)
            }
            if fixed { return nil }
            defer { i += 1 }
            return Int(v[i] - 0x30)
        }
        // The names are ASCII, so their first `prefixLength` bytes are their first letters; they are compared
        // in place, as every value that fits no common shape is tried against every layout.
        func name(_ table: [String], prefixLength: Int?) -> Int? {
            // Most values that reach a name start with a digit, which begins no name: that is told once.
            guard i < v.count, ASCII.isAlpha(v[i]) else { return nil }
            for (index, full) in table.enumerated() {
                let word = full.utf8.prefix(prefixLength ?? .max)
                guard i + word.count <= v.count,
                      zip(word, v[i...]).allSatisfy({ ASCII.lower($1) == ASCII.lower($0) }) else { continue }
                i += word.count
                return index
            }
            return nil
        }
        func fraction(digitsEnd: Int) {
            // v[i] is '.' or ','; digits run to digitsEnd; Go keeps nine digits.
            var ns = 0
            var count = 0
            for k in (i + 1)..<digitsEnd where count < 9 { ns = ns * 10 + Int(v[k] - 0x30); count += 1 }
            for _ in count..<9 { ns *= 10 }
            r.nanosecond = ns
            i = digitsEnd
        }

        for (index, element) in elements.enumerated() {
            switch element {
            case .literal(let text):
                var k = 0
                while k < text.count {
                    if text[k] == UInt8(ascii: " ") {
                        if i < v.count && v[i] != UInt8(ascii: " ") { return nil }
                        while k < text.count && text[k] == UInt8(ascii: " ") { k += 1 }
                        while i < v.count && v[i] == UInt8(ascii: " ") { i += 1 }
                        continue
                    }
                    guard i < v.count, v[i] == text[k] else { return nil }
                    i += 1; k += 1
                }
            case .longYear:
                guard i + 4 <= v.count, let y = ASCII.decimal(v, i..<(i + 4)) else { return nil }
                r.year = y; i += 4
            case .shortYear:
                guard i + 2 <= v.count, let y = ASCII.decimal(v, i..<(i + 2)) else { return nil }
                r.year = y >= 69 ? 1900 + y : 2000 + y; i += 2
            case .month(let fixed):
                guard let m = number(fixed: fixed) else { return nil }
                if m < 1 || m > 12 { problem("month \(m) does not exist") }
                monthSeen = m
            case .monthShortName, .monthLongName:
                guard let m = name(GregorianCalendar.monthNames, prefixLength: element == .monthShortName ? 3 : nil)
                else { return nil }
                monthSeen = m + 1
            case .weekdayShortName, .weekdayLongName:
                guard name(GregorianCalendar.dayNames, prefixLength: element == .weekdayShortName ? 3 : nil) != nil
                else { return nil }
            case .day(let fixed):
                guard let d = number(fixed: fixed) else { return nil }
                daySeen = d
            case .spacePaddedDay:
                if i < v.count && v[i] == UInt8(ascii: " ") { i += 1 }
                guard let d = number(fixed: false) else { return nil }
                daySeen = d
            case .hour24:
                guard let h = number(fixed: false) else { return nil }
                if h > 23 { problem("hour \(h) is out of range") }
                r.hour = h
            case .hour12:
                guard let h = number(fixed: false) else { return nil }
                if h > 12 { problem("hour \(h) is out of range for a 12-hour clock") }
                r.hour = h
            case .minute(let fixed):
                guard let m = number(fixed: fixed) else { return nil }
                if m > 59 { problem("minute \(m) is out of range") }
                r.minute = m
            case .second(let fixed):
                guard let s = number(fixed: fixed) else { return nil }
                if s == 60 { problem("second 60 is out of range (Hugo does not accept leap seconds)") }
                else if s > 60 { problem("second \(s) is out of range") }
                r.second = s
                // A fraction the layout does not spell is still read, unless the layout's own comes next.
                let next = index + 1 < elements.count ? elements[index + 1] : nil
                if case .fraction = next { break }
                if i + 1 < v.count, v[i] == UInt8(ascii: ".") || v[i] == UInt8(ascii: ","), ASCII.isDigit(v[i + 1]) {
                    var end = i + 1
                    while end < v.count && ASCII.isDigit(v[end]) { end += 1 }
                    fraction(digitsEnd: end)
                }
            case .fraction(let digits, let optional):
                if optional {
                    guard i + 1 < v.count, v[i] == UInt8(ascii: ".") || v[i] == UInt8(ascii: ","),
                          ASCII.isDigit(v[i + 1]) else { break }
                    var end = i + 1
                    while end < v.count && ASCII.isDigit(v[end]) { end += 1 }
                    fraction(digitsEnd: end)
                } else {
                    guard i + digits < v.count, v[i] == UInt8(ascii: ".") || v[i] == UInt8(ascii: ",") else { return nil }
                    for k in (i + 1)...(i + digits) where !ASCII.isDigit(v[k]) { return nil }
                    fraction(digitsEnd: i + 1 + digits)
                }
            case .pm:
                guard i + 2 <= v.count else { return nil }
                switch (v[i], v[i + 1]) {
                case (UInt8(ascii: "P"), UInt8(ascii: "M")): pm = true
                case (UInt8(ascii: "A"), UInt8(ascii: "M")): pm = false
                default: return nil
                }
                i += 2
            case .zoneName:
                guard let n = zoneAbbreviationLength(v, from: i) else { return nil }
                r.zoneName = String(decoding: UnsafeBufferPointer(rebasing: v[i..<(i + n)]), as: UTF8.self)
                i += n
            case .hoursOffset:
                guard i + 3 <= v.count, v[i] == UInt8(ascii: "+") || v[i] == UInt8(ascii: "-"),
                      let hh = ASCII.decimal(v, (i + 1)..<(i + 3)) else { return nil }
                if hh > 24 { problem("time zone offset hour \(hh) is out of range") }
                r.utcOffsetSeconds = (v[i] == UInt8(ascii: "-") ? -1 : 1) * hh * 3600
                i += 3
            case .offset(let colon, let allowsZ):
                if allowsZ, i < v.count, v[i] == UInt8(ascii: "Z") { r.utcOffsetSeconds = 0; i += 1; break }
                let width = colon ? 6 : 5
                guard i + width <= v.count else { return nil }
                if colon && v[i + 3] != UInt8(ascii: ":") { return nil }
                let minuteAt = colon ? i + 4 : i + 3
                guard let hh = ASCII.decimal(v, (i + 1)..<(i + 3)), let mm = ASCII.decimal(v, minuteAt..<(minuteAt + 2))
                else { return nil }
                let sign: Int
                switch v[i] {
                case UInt8(ascii: "+"): sign = 1
                case UInt8(ascii: "-"): sign = -1
                default: return nil
                }
                if hh > 24 { problem("time zone offset hour \(hh) is out of range") }
                if mm > 60 { problem("time zone offset minute \(mm) is out of range") }
                r.utcOffsetSeconds = sign * (hh * 3600 + mm * 60)
                i += width
            }
        }
        guard i == v.count else { return nil }
        if pm == true && r.hour < 12 { r.hour += 12 } else if pm == false && r.hour == 12 { r.hour = 0 }
        if monthSeen >= 0 { r.month = monthSeen }
        if daySeen >= 0 { r.day = daySeen }
        if r.rangeProblem == nil, let p = GregorianCalendar.dayProblem(year: r.year, month: r.month, day: r.day) {
            r.rangeProblem = p
        }
        return r
    }
}

/// Go's `parseTimeZone`: the length of a zone abbreviation at `from`, or nil.
private func zoneAbbreviationLength(_ v: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    let rest = v.count - from
    guard rest >= 3 else { return nil }
    if ASCII.matchesExactly(v, at: from, "UTC") { return 3 }
    if rest >= 4 && (ASCII.matchesExactly(v, at: from, "ChST") || ASCII.matchesExactly(v, at: from, "MeST")) { return 4 }
    if ASCII.matchesExactly(v, at: from, "GMT") {
        // GMT may carry a signed hour offset of at most 23.
        var i = from + 3
        guard i < v.count, v[i] == UInt8(ascii: "+") || v[i] == UInt8(ascii: "-") else { return 3 }
        i += 1
        var n = 0, digits = 0
        while i < v.count, ASCII.isDigit(v[i]), digits < 3 { n = n * 10 + Int(v[i] - 0x30); i += 1; digits += 1 }
        return digits == 0 || n > 23 ? 3 : i - from
    }
    var upper = 0
    while upper < 6 && from + upper < v.count && v[from + upper] >= 0x41 && v[from + upper] <= 0x5A { upper += 1 }
    switch upper {
    case 3: return 3
    case 4: return v[from + 3] == UInt8(ascii: "T") || ASCII.matchesExactly(v, at: from, "WITA") ? 4 : nil
    case 5: return v[from + 4] == UInt8(ascii: "T") ? 5 : nil
    default: return nil
    }
}

extension ASCII {
    static func matchesExactly(_ bytes: UnsafeBufferPointer<UInt8>, at from: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard from + n <= bytes.count else { return false }
        let w = word.utf8Start
        for i in 0..<n where bytes[from + i] != w[i] { return false }
        return true
    }
}
