// The `hugo-date` format: exactly the front matter dates Hugo accepts (see shared/hugo/README.md and the
// measured table shared/hugo/hugo-dates.tsv, which the tests replay row by row).

/// A date as Hugo stores it.
public struct HugoDateValue: Hashable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var nanosecond: Int
    /// Seconds east of UTC when the value carries a numeric offset or `Z`; nil when it is read in the site's
    /// `timeZone` (no offset, or only a zone name such as `UTC` or `CST`).
    public var utcOffsetSeconds: Int?
    /// The zone abbreviation as written (`UTC`, `CST`), if any.
    public var zoneAbbreviation: String?
    /// How Hugo read it: the Go layout that matched (`2006-01-02`), `unix seconds` for an integer, or
    /// `!!timestamp 2006-1-2` for a value with an explicit `!!timestamp` tag.
    public var layout: String

    /// The date in RFC 3339 as Go's `time.RFC3339Nano` prints it, reading a value without offset in a site time
    /// zone `siteOffsetSeconds` east of UTC (default: UTC, printed `Z`).
    public func rfc3339(siteOffsetSeconds: Int = 0) -> String {
        var text = GregorianCalendar.isoDate(year, month, day) + "T"
            + GregorianCalendar.padded(hour, width: 2) + ":" + GregorianCalendar.padded(minute, width: 2) + ":"
            + GregorianCalendar.padded(second, width: 2)
        if nanosecond > 0 {
            var digits = GregorianCalendar.padded(nanosecond, width: 9)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        let offset = utcOffsetSeconds ?? siteOffsetSeconds
        if offset == 0 { return text + "Z" }
        let minutes = abs(offset) / 60
        return text + (offset < 0 ? "-" : "+") + GregorianCalendar.padded(minutes / 60, width: 2) + ":"
            + GregorianCalendar.padded(minutes % 60, width: 2)
    }
}

/// Hugo's verdict on a front matter date.
public enum DateVerdict: Equatable, Sendable {
    /// Hugo reads the value as this date.
    case accepted(HugoDateValue)
    /// Empty, `""`, `~` or `null`: Hugo treats the date as unset.
    case absent
    /// Hugo accepts the value but almost certainly not as meant (an integer read as Unix seconds); `reason` says
    /// what it becomes.
    case acceptedSuspicious(HugoDateValue, reason: String)
    /// Hugo stops with "not a parsable date"; `reason` says why in plain words.
    case rejected(reason: String)
}

/// The dates Hugo accepts in front matter (`date`, `publishDate`, `lastmod`, `expiryDate` and their aliases).
public enum HugoDate {
    /// The Go layouts spf13/cast (v1.10.0, `internal/time.go`) tries, in order; the first that parses wins.
    public static let layouts: [String] = [
        "2006-01-02",
        "2006-01-02T15:04:05Z07:00",  // RFC3339
        "2006-01-02T15:04:05",
        "Mon, 02 Jan 2006 15:04:05 -0700",  // RFC1123Z
        "Mon, 02 Jan 2006 15:04:05 MST",  // RFC1123
        "02 Jan 06 15:04 -0700",  // RFC822Z
        "02 Jan 06 15:04 MST",  // RFC822
        "Monday, 02-Jan-06 15:04:05 MST",  // RFC850
        "2006-01-02 15:04:05.999999999 -0700 MST",
        "2006-01-02T15:04:05-0700",
        "2006-01-02 15:04:05Z0700",
        "2006-01-02 15:04:05",
        "Mon Jan _2 15:04:05 2006",  // ANSIC
        "Mon Jan _2 15:04:05 MST 2006",  // UnixDate
        "Mon Jan 02 15:04:05 -0700 2006",  // RubyDate
        "2006-01-02 15:04:05Z07:00",
        "02 Jan 2006",
        "2006-01-02 15:04:05 -07:00",
        "2006-01-02 15:04:05 -0700",
        "3:04PM",  // Kitchen
        "Jan _2 15:04:05",  // Stamp
        "Jan _2 15:04:05.000",  // StampMilli
        "Jan _2 15:04:05.000000",  // StampMicro
        "Jan _2 15:04:05.000000000",  // StampNano
    ]

    /// The layouts goccy/go-yaml tries for an explicit `!!timestamp` (decode.go `allowedTimestampFormats`).
    /// When none fits, goccy silently gives the zero time.
    public static let timestampTagLayouts: [String] = [
        "2006-1-2T15:4:5.999999999Z07:00",
        "2006-1-2t15:4:5.999999999Z07:00",
        "2006-1-2 15:4:5.999999999",
        "2006-1-2",
    ]

    static let compiled = layouts.map(GoTimeLayout.init)

    /// The shapes nearly every front matter date has, read directly rather than by trying layouts in turn:
    /// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DDTHH:MM:SS`, and the last with `Z` or `±HH:MM`. Returns
    /// what the first layout that reads the value (its index in `layouts`) gives; nil for any other shape or
    /// a field out of range, which the walk over the layouts then explains as Hugo would.
    static func commonShape(_ b: UnsafeBufferPointer<UInt8>) -> (time: GoParsedTime, layout: Int)? {
        // Two digits read directly: this runs for nearly every date, and `ASCII.decimal` loops over any range.
        func digits(_ at: Int) -> Int? {
            let tens = b[at] &- UInt8(ascii: "0"), ones = b[at + 1] &- UInt8(ascii: "0")
            return tens < 10 && ones < 10 ? Int(tens) * 10 + Int(ones) : nil
        }
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = ASCII.decimal(b, 0..<4), let month = digits(5), let day = digits(8),
              (1...12).contains(month), day >= 1, day <= GregorianCalendar.daysIn(month: month, year: year)
        else { return nil }
        var time = GoParsedTime(year: year, month: month, day: day)
        if b.count == 10 { return (time, 0) }  // 2006-01-02
        guard b.count >= 19, b[10] == UInt8(ascii: "T") || b[10] == 0x20, b[13] == UInt8(ascii: ":"),
              b[16] == UInt8(ascii: ":"), let hour = digits(11), let minute = digits(14), let second = digits(17),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        time.hour = hour
        time.minute = minute
        time.second = second
        if b[10] == 0x20 { return b.count == 19 ? (time, 11) : nil }  // 2006-01-02 15:04:05
        switch b.count {
        case 19:  // 2006-01-02T15:04:05
            return (time, 2)
        case 20 where b[19] == UInt8(ascii: "Z"):  // 2006-01-02T15:04:05Z07:00
            time.utcOffsetSeconds = 0
            return (time, 1)
        case 25 where (b[19] == UInt8(ascii: "+") || b[19] == UInt8(ascii: "-")) && b[22] == UInt8(ascii: ":"):
            guard let hours = digits(20), let minutes = digits(23), hours <= 24, minutes <= 60 else { return nil }
            time.utcOffsetSeconds = (b[19] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
            return (time, 1)
        default:
            return nil
        }
    }
    static let compiledTimestamp = timestampTagLayouts.map(GoTimeLayout.init)

    /// Near misses worth naming: a layout Hugo does not accept and what to say when a value fits it.
    static let nearMisses: [(GoTimeLayout, String)] = [
        (GoTimeLayout("2006-1-2"), "month and day need two digits (YYYY-MM-DD)"),
        (GoTimeLayout("2006-1-2 15:04:05"), "month and day need two digits (YYYY-MM-DD)"),
        (GoTimeLayout("2006-1-2T15:04:05Z07:00"), "month and day need two digits (YYYY-MM-DD)"),
        (GoTimeLayout("2006-01-02t15:04:05Z07:00"), "the T between date and time must be upper case"),
        (GoTimeLayout("2006-01-02T15:04:05z"), "the Z for UTC must be upper case"),
        (GoTimeLayout("2006-01-02t15:04:05z"), "the T and the Z must be upper case"),
        (GoTimeLayout("2006-01-02T15:04"), "the seconds are missing (YYYY-MM-DDTHH:MM:SS)"),
        (GoTimeLayout("2006-01-02 15:04"), "the seconds are missing (YYYY-MM-DD HH:MM:SS)"),
        (GoTimeLayout("2006-01-02T15:04:05-07"), "the offset needs minutes too (+08:00, not +08)"),
        (GoTimeLayout("2006-01-02T15:04:05 -0700"),
         "after a T, the offset must follow the seconds without a space (2025-02-13T23:39:14+08:00)"),
        (GoTimeLayout("2006-01-02T15:04:05 -07:00"),
         "after a T, the offset must follow the seconds without a space (2025-02-13T23:39:14+08:00)"),
    ]

    /// Hugo's verdict on a scalar front matter value.
    public static func check(_ scalar: YAMLScalar) -> DateVerdict {
        switch resolve(scalar) {
        case .null:
            return .absent
        case .string:
            return checkString(scalar.value)
        case .integer(let seconds):
            return unixSeconds(seconds, written: scalar.value)
        case .unsignedInteger(let seconds):
            return unixSeconds(Int64(bitPattern: seconds), written: scalar.value)
        case .float:
            return .rejected(reason: "\(scalar.value) is a floating-point number, and Hugo does not read numbers "
                + "with a fraction or exponent as dates; write the date as YYYY-MM-DD")
        case .bool:
            return .rejected(reason: "\(scalar.value) is a boolean, not a date")
        case .binary:
            return .rejected(reason: "a !!binary value is not a date")
        case .invalidTagged(_, let reason):
            return .rejected(reason: reason)
        case .timestamp:
            return checkTimestampTag(scalar.value)
        }
    }

    /// Hugo's verdict on any node: lists and mappings are rejected. An alias must be followed by the caller
    /// (it is checked as the node it points to).
    public static func check(_ id: NodeID, in document: YAMLDocument) -> DateVerdict {
        switch document[id].kind {
        case .scalar: return check(document.scalar(id)!)
        case .sequence: return .rejected(reason: "a list is not a date")
        case .mapping: return .rejected(reason: "a mapping is not a date")
        case .alias(let name, _): return .rejected(reason: "*\(document.text(name)) is an alias; check the node it points to")
        }
    }

    /// Hugo's verdict on a string value (quotes already removed).
    public static func checkString(_ text: String) -> DateVerdict {
        if text.isEmpty { return .absent }
        return withUTF8Bytes(text) { bytes -> DateVerdict in
            if ASCII.isWhitespace(bytes[0]) || ASCII.isWhitespace(bytes[bytes.count - 1]) {
                return .rejected(reason: "leading or trailing whitespace is not allowed")
            }
            if let (parsed, layout) = commonShape(bytes) {
                return .accepted(value(parsed, layout: layouts[layout], zoneOffsetDefault: nil))
            }
            var firstRangeProblem: String?
            for layout in compiled {
                guard let parsed = layout.parse(bytes) else { continue }
                if let problem = parsed.rangeProblem {
                    if firstRangeProblem == nil { firstRangeProblem = problem }
                    continue
                }
                return .accepted(value(parsed, layout: layout.text, zoneOffsetDefault: nil))
            }
            if let firstRangeProblem { return .rejected(reason: firstRangeProblem) }
            for (layout, hint) in nearMisses where layout.parse(bytes) != nil {
                return .rejected(reason: "\"\(text)\" is not a date Hugo accepts: \(hint)")
            }
            return .rejected(reason: "\"\(text)\" matches none of the layouts Hugo accepts; "
                + "use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
        }
    }

    static func checkTimestampTag(_ text: String) -> DateVerdict {
        if text.isEmpty { return .absent }
        return withUTF8Bytes(text) { bytes -> DateVerdict in
            var firstRangeProblem: String?
            for layout in compiledTimestamp {
                guard let parsed = layout.parse(bytes) else { continue }
                if let problem = parsed.rangeProblem {
                    if firstRangeProblem == nil { firstRangeProblem = problem }
                    continue
                }
                // goccy's time.Parse gives UTC when no offset is written; Hugo keeps that (no site time zone).
                return .accepted(value(parsed, layout: "!!timestamp " + layout.text, zoneOffsetDefault: 0))
            }
            let why = firstRangeProblem.map { " (\($0))" } ?? ""
            return .rejected(reason: "\"\(text)\" is not a !!timestamp Hugo's YAML reader understands\(why); "
                + "it silently becomes the zero time, so the date is lost. Remove the !!timestamp tag")
        }
    }

    static func value(_ p: GoParsedTime, layout: String, zoneOffsetDefault: Int?) -> HugoDateValue {
        HugoDateValue(year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second,
                      nanosecond: p.nanosecond, utcOffsetSeconds: p.utcOffsetSeconds ?? zoneOffsetDefault,
                      zoneAbbreviation: p.zoneName, layout: layout)
    }

    static func unixSeconds(_ seconds: Int64, written: String) -> DateVerdict {
        let (days, rest) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (dayIndex, secondOfDay) = rest < 0 ? (days - 1, rest + 86_400) : (days, rest)
        let (y, m, d) = GregorianCalendar.civilDate(daysSinceEpoch: dayIndex)
        let date = HugoDateValue(year: y, month: m, day: d, hour: Int(secondOfDay / 3600),
                                 minute: Int(secondOfDay % 3600 / 60), second: Int(secondOfDay % 60), nanosecond: 0,
                                 utcOffsetSeconds: 0, zoneAbbreviation: nil, layout: "unix seconds")
        var reason = "the number \(written) is read as \(written) seconds after 1970-01-01, i.e. \(date.rfc3339())"
        if let meant = compactDateGuess(written) {
            reason += "; write \(meant) to mean that day"
        } else {
            reason += "; write the date as YYYY-MM-DD"
        }
        return .acceptedSuspicious(date, reason: reason)
    }

    /// `20250213` → `2025-02-13` when the digits are a real YYYYMMDD day.
    static func compactDateGuess(_ written: String) -> String? {
        let u = Array(written.utf8)
        guard u.count == 8, u.allSatisfy(ASCII.isDigit) else { return nil }
        let n = u.map { Int($0 - 0x30) }
        let y = n[0] * 1000 + n[1] * 100 + n[2] * 10 + n[3], m = n[4] * 10 + n[5], d = n[6] * 10 + n[7]
        guard y >= 1000, GregorianCalendar.dayProblem(year: y, month: m, day: d) == nil else { return nil }
        return GregorianCalendar.isoDate(y, m, d)
    }
}
