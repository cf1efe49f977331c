import Foundation
import Testing
@testable import FrontLint

/// One row of shared/hugo/hugo-dates.tsv.
struct HugoDateRow: CustomTestStringConvertible, Sendable {
    var written: String
    var accepted: Bool
    var parsed: String
    var testDescription: String { "date: \(written)" }
}

/// `shared/hugo/hugo-dates.tsv` beside the checkout (see `TestPaths.shared`).
func hugoDatesTSV() -> URL? {
    let url = TestPaths.shared.appendingPathComponent("hugo/hugo-dates.tsv")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}

func hugoDateRows() -> [HugoDateRow] {
    guard let url = hugoDatesTSV(), let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst().map { line in
        let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        return HugoDateRow(written: columns[0], accepted: columns[1] == "yes", parsed: columns[2])
    }
}

/// Hugo's verdict on `date: <written>`, read as libyaml gives it — just enough YAML for the table's values.
func verdictAsWritten(_ written: String) -> DateVerdict {
    var text = written
    var tag: String?
    for (short, long) in [("!!str ", YAMLTag.str), ("!!timestamp ", YAMLTag.timestamp)] where text.hasPrefix(short) {
        tag = long
        text.removeFirst(short.count)
    }
    if text == "[]" || text == "{}" {
        let document = YAMLLoader().load(SourceFile(path: "a.md", text: text))
        return HugoDate.check(document.root!, in: document)
    }
    let scalar: YAMLScalar
    if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
        var value = ""
        var escaped = false
        for c in text.dropFirst().dropLast() {
            if escaped {
                switch c {
                case "t": value.append("\t")
                case "n": value.append("\n")
                default: value.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                value.append(c)
            }
        }
        scalar = YAMLScalar(value: value, style: .doubleQuoted, tag: tag)
    } else if text.hasPrefix("'"), text.hasSuffix("'"), text.count >= 2 {
        let inner = String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        scalar = YAMLScalar(value: inner, style: .singleQuoted, tag: tag)
    } else {
        if let comment = text.range(of: " #") { text = String(text[..<comment.lowerBound]) }
        scalar = YAMLScalar(value: text.trimmingCharacters(in: .whitespaces), style: .plain, tag: tag)
    }
    return HugoDate.check(scalar)
}

private func plain(_ s: String) -> YAMLScalar { YAMLScalar(value: s, style: .plain) }
private func quoted(_ s: String) -> YAMLScalar { YAMLScalar(value: s, style: .doubleQuoted) }

@Suite struct HugoDateTests {
    @Test func tableIsFound() {
        #expect(hugoDateRows().count == 62)
    }

    @Test(arguments: hugoDateRows())
    func agreesWithMeasuredHugo(row: HugoDateRow) {
        let verdict = verdictAsWritten(row.written)
        switch verdict {
        case .rejected(let reason):
            #expect(!row.accepted, "rejected: \(reason)")
        case .absent:
            #expect(row.accepted && row.parsed.hasPrefix("UNSET"), "absent")
        case .accepted(let date), .acceptedSuspicious(let date, _):
            #expect(row.accepted, "accepted as \(date.rfc3339())")
            #expect(date.rfc3339() == row.parsed)
        }
    }

    // MARK: Extra cases

    @Test(arguments: [
        ("2024-02-29", "2024-02-29T00:00:00Z"), ("2000-02-29", "2000-02-29T00:00:00Z"),
        ("2025-02-13T23:39:14.123456789Z", "2025-02-13T23:39:14.123456789Z"),
        ("2025-02-13T23:39:14.1234567891Z", "2025-02-13T23:39:14.123456789Z"),
        ("2025-02-13T23:39:14,5Z", "2025-02-13T23:39:14.5Z"),
        ("2025-02-13T23:39:14+08:00", "2025-02-13T23:39:14+08:00"),
        ("2025-02-13T23:39:14-0700", "2025-02-13T23:39:14-07:00"),
        ("2025-02-13 23:39:14 -0700 MST", "2025-02-13T23:39:14-07:00"),
        ("Mon, 03 Feb 2025 10:00:00 -0700", "2025-02-03T10:00:00-07:00"),
        ("Monday, 03-Feb-25 10:00:00 PST", "2025-02-03T10:00:00Z"),
        ("thu, 13 FEB 2025 23:39:14 GMT", "2025-02-13T23:39:14Z"),
        ("13 Feb 2025", "2025-02-13T00:00:00Z"),
        ("13 Feb 70 10:00 +0000", "1970-02-13T10:00:00Z"),
        ("13 Feb 68 10:00 +0000", "2068-02-13T10:00:00Z"),
        ("Thu Feb  6 23:39:14 2025", "2025-02-06T23:39:14Z"),
        ("Feb  6 10:00:00", "0000-02-06T10:00:00Z"),
        ("Feb 29 10:00:00", "0000-02-29T10:00:00Z"),
        ("12:00AM", "0000-01-01T00:00:00Z"), ("12:30PM", "0000-01-01T12:30:00Z"),
        ("2025-02-13 7:05:09", "2025-02-13T07:05:09Z"),
        ("2025-02-13T23:39:14+24:00", "2025-02-13T23:39:14+24:00"),
        ("0001-01-01", "0001-01-01T00:00:00Z"),
    ])
    func accepted(text: String, rfc3339: String) {
        guard case .accepted(let date) = HugoDate.check(quoted(text)) else {
            Issue.record("\(text) → \(HugoDate.check(quoted(text)))"); return
        }
        #expect(date.rfc3339() == rfc3339)
    }

    @Test func acceptedValueKnowsItsLayoutAndZone() {
        guard case .accepted(let a) = HugoDate.check(plain("2025-02-13")) else { Issue.record("not accepted"); return }
        #expect(a.layout == "2006-01-02")
        #expect(a.utcOffsetSeconds == nil)
        #expect(a.rfc3339(siteOffsetSeconds: -5 * 3600) == "2025-02-13T00:00:00-05:00")
        guard case .accepted(let b) = HugoDate.check(quoted("Thu, 13 Feb 2025 23:39:14 CST")) else {
            Issue.record("not accepted"); return
        }
        #expect(b.layout == "Mon, 02 Jan 2006 15:04:05 MST")
        #expect(b.zoneAbbreviation == "CST")
        #expect(b.utcOffsetSeconds == nil)
        guard case .accepted(let c) = HugoDate.check(plain("2025-02-13T23:39:14+08:00")) else {
            Issue.record("not accepted"); return
        }
        #expect(c.utcOffsetSeconds == 8 * 3600)
        #expect(c.rfc3339(siteOffsetSeconds: -5 * 3600) == "2025-02-13T23:39:14+08:00")
    }

    @Test(arguments: [
        ("2025-02-30", "\"2025-02-30\" is not a real day (February 2025 has 28 days)"),
        ("2100-02-29", "\"2100-02-29\" is not a real day (February 2100 has 28 days)"),
        ("2025-04-31 10:00:00", "\"2025-04-31\" is not a real day (April 2025 has 30 days)"),
        ("2025-01-00", "\"2025-01-00\" is not a real day (January 2025 has 31 days)"),
        ("2025-13-01", "month 13 does not exist"),
        ("2025-00-10", "month 0 does not exist"),
        ("2025-02-13 25:00:00", "hour 25 is out of range"),
        ("2025-02-13T23:60:00Z", "minute 60 is out of range"),
        ("2025-02-13T23:59:60Z", "second 60 is out of range (Hugo does not accept leap seconds)"),
        ("13:00PM", "hour 13 is out of range for a 12-hour clock"),
        (" 2025-02-13", "leading or trailing whitespace is not allowed"),
        ("2025-02-13\t", "leading or trailing whitespace is not allowed"),
        ("2025/02/13", "\"2025/02/13\" matches none of the layouts Hugo accepts; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"),
        ("2025-2-3", "\"2025-2-3\" is not a date Hugo accepts: month and day need two digits (YYYY-MM-DD)"),
        ("2025-02-13t23:39:14z", "\"2025-02-13t23:39:14z\" is not a date Hugo accepts: the T and the Z must be upper case"),
        ("2025-02-13T23:39", "\"2025-02-13T23:39\" is not a date Hugo accepts: the seconds are missing (YYYY-MM-DDTHH:MM:SS)"),
        ("2025-02-13T23:39:14+08", "\"2025-02-13T23:39:14+08\" is not a date Hugo accepts: the offset needs minutes too (+08:00, not +08)"),
        ("2025-02-13T23:39:14 +0800", "\"2025-02-13T23:39:14 +0800\" is not a date Hugo accepts: after a T, the offset must follow the seconds without a space (2025-02-13T23:39:14+08:00)"),
        ("2025-02-13T23:39:14+08:00 ", "leading or trailing whitespace is not allowed"),
        ("2025-02-13T23:39:14.Z", "\"2025-02-13T23:39:14.Z\" matches none of the layouts Hugo accepts; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"),
        ("13.02.2025", "\"13.02.2025\" matches none of the layouts Hugo accepts; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"),
    ] as [(String, String)])
    func rejectedWithReason(text: String, reason: String) {
        #expect(HugoDate.check(quoted(text)) == .rejected(reason: reason))
    }

    @Test func stampMilliIsReachedThroughStamp() {
        // Stamp reads any fraction after the seconds, so even a three-digit one matches it first.
        guard case .accepted(let d) = HugoDate.check(quoted("Feb 13 23:39:14.123")) else { Issue.record("no"); return }
        #expect(d.layout == "Jan _2 15:04:05")
    }

    @Test func integersAreUnixSeconds() {
        guard case .acceptedSuspicious(let d, let reason) = HugoDate.check(plain("20250213")) else {
            Issue.record("not suspicious"); return
        }
        #expect(d.rfc3339() == "1970-08-23T09:03:33Z")
        #expect(d.layout == "unix seconds")
        #expect(reason.contains("1970-08-23T09:03:33Z"))
        #expect(reason.contains("2025-02-13"))
        guard case .acceptedSuspicious(let n, _) = HugoDate.check(plain("-86401")) else { Issue.record("no"); return }
        #expect(n.rfc3339() == "1969-12-30T23:59:59Z")
        guard case .acceptedSuspicious(let h, _) = HugoDate.check(plain("0x67AE1282")) else { Issue.record("no"); return }
        #expect(h.rfc3339() == "2025-02-13T15:40:50Z")
    }

    @Test func nonDatesAreRejected() {
        if case .rejected = HugoDate.check(plain("1.5")) {} else { Issue.record("float") }
        if case .rejected = HugoDate.check(plain("true")) {} else { Issue.record("bool") }
        if case .rejected = HugoDate.check(quoted("1739461154")) {} else { Issue.record("quoted number") }
        #expect(HugoDate.check(plain("~")) == .absent)
        #expect(HugoDate.check(quoted("")) == .absent)
        #expect(verdictAsWritten("[]") == .rejected(reason: "a list is not a date"))
    }

    @Test func timestampTag() {
        let tagged = { (s: String) in YAMLScalar(value: s, style: .plain, tag: YAMLTag.timestamp) }
        guard case .accepted(let a) = HugoDate.check(tagged("2025-2-3 4:05:06.5")) else { Issue.record("no"); return }
        #expect(a.rfc3339(siteOffsetSeconds: -18000) == "2025-02-03T04:05:06.5Z")
        guard case .accepted(let b) = HugoDate.check(tagged("2025-02-13t23:39:14+08:00")) else { Issue.record("no"); return }
        #expect(b.rfc3339() == "2025-02-13T23:39:14+08:00")
        guard case .rejected(let reason) = HugoDate.check(tagged("Feb 13 2025")) else { Issue.record("no"); return }
        #expect(reason.contains("zero time"))
    }
}
