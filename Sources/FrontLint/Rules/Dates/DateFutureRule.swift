import Glibc

/// `date-future`: a page date after now (Hugo does not publish such pages without `--buildFuture`).
public struct DateFutureRule: Rule {
    static let configuration = "extends: [hugo]\n"

    public static let description = RuleDescription(
        id: "date-future",
        summary: "Page dates must not be in the future (Hugo skips such pages)",
        defaultSeverity: .warning,
        enabledByDefault: false,
        tags: ["dates", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                `hugo-date` values of the fields in `fields` (by default `date`, `publishDate` and `lastmod`, \
                found under their aliases) that are later than now plus `tolerance`. Values without an offset \
                are read as UTC, so a `tolerance` of a day absorbs any site time zone.
                """,
            whyItMatters: """
                Hugo leaves out pages dated in the future unless the site is built with `--buildFuture`: the \
                page is silently missing, often because of a typo in the year.
                """,
            example: "---\ndate: 2205-02-13\n---\n",
            useInstead: "---\ndate: 2025-02-13\n---\n"),
        options: [
            RuleOptionDescription("tolerance", "How far ahead a date may be: a number with s, m, h or d (`12h`, `1d`)", default: "0"),
            RuleOptionDescription("fields", "The fields to check (canonical names from the schema)", default: "[date, publishDate, lastmod]"),
        ],
        triggering: [
            RuleExample("---\ndate: ↓2999-01-01\n---\n", configuration: configuration),
            RuleExample("---\nLastmod: ↓\"2999-12-31 23:59:59\"\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\ndate: 2001-01-01\nexpiryDate: 2999-01-01\n---\n", configuration: configuration),
            RuleExample("---\ndate: 2999-01-01\n---\n",
                        configuration: configuration + "rules:\n  date-future: {tolerance: 400000d}\n"),
        ])

    /// Seconds since 1970-01-01T00:00:00Z, now.
    public typealias Clock = @Sendable () -> Double

    public static let systemClock: Clock = {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    let tolerance: Double
    let fields: Set<String>
    let clock: Clock

    public init(options: RuleOptions) throws(ConfigurationError) {
        try self.init(options: options, clock: DateFutureRule.systemClock)
    }

    /// `clock` tells the time; tests pass a fixed one.
    public init(options: RuleOptions, clock: @escaping Clock) throws(ConfigurationError) {
        self.clock = clock
        self.fields = Set(try options.strings("fields", default: ["date", "publishDate", "lastmod"]))
        let text = try options.string("tolerance", default: "0")
        guard let seconds = DateFutureRule.duration(text) else {
            throw options.values["tolerance"]!.error("`\(text)` is not a duration", help: "write a number with s, m, h or d, such as 12h or 1d")
        }
        self.tolerance = seconds
    }

    /// `90`, `90s`, `30m`, `12h`, `1d` in seconds; nil when not a duration.
    static func duration(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var digits = Substring(text)
        var unit = 1.0
        if let last = digits.last, let factor = units[last] { unit = factor; digits = digits.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), let value = Double(digits) else { return nil }
        return value * unit
    }

    public func check(_ file: LintContext) -> [Finding] {
        let dates = file.schemaReport.dates.filter { fields.contains($0.field) }
        guard !dates.isEmpty, let document = file.document else { return [] }
        let limit = clock() + tolerance
        return dates.filter { $0.epochSeconds > limit }.map { date in
            Finding("`\(date.key)` is \(date.value.rfc3339()), in the future; Hugo leaves the page out unless built with --buildFuture",
                    help: "check the year, or set `tolerance` on date-future", at: document.range(of: date.node))
        }
    }
}
