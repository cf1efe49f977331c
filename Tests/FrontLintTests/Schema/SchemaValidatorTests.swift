import Foundation
import Testing
@testable import FrontLint

/// The schema validator on its own: what it reports, with which rule id, and where.
@Suite struct SchemaValidatorTests {
    /// Lints `text` with `configuration` and gives `line:column rule` for every schema diagnostic.
    func report(_ text: String, _ configuration: String) throws -> [String] {
        let result = try Linter.lint(text: text, configuration: configuration)
        return result.diagnostics.filter { $0.rule != "yaml-ambiguous-scalar" }.map { "\($0.range.start) \($0.rule)" }
    }

    func messages(_ text: String, _ configuration: String) throws -> [String] {
        try Linter.lint(text: text, configuration: configuration).diagnostics.map(\.message)
    }

    @Test func typesAreReadAsHugoReadsThem() throws {
        let config = "fields:\n  b: {type: boolean}\n  i: {type: integer}\n  n: {type: number}\n  s: {type: string}\n  l: {type: array}\n  o: {type: object}\n  u: {type: [string, 'null']}\n"
        #expect(try report("---\nb: false\ni: 5\nn: 5\ns: yes\nl: []\no: {}\n---\n", config) == [])
        #expect(try report("---\ni: 5.0\nn: 2.5\ns: '5'\nu: x\n---\n", config) == [])
        #expect(try report("---\nb: \"false\"\ni: 2.5\nn: \"5\"\ns: 5\nl: x\no: [x]\n---\n", config) == [
            "2:4 field-type", "3:4 field-type", "4:4 field-type", "5:4 field-type", "6:4 field-type", "7:4 field-type",
        ])
        let text = try messages("---\nb: \"false\"\n---\n", config)
        #expect(text == ["`b` must be a boolean, found the string \"false\" (quoted); write `b: false`"])
        #expect(try messages("---\ns: 0777\n---\n", config).contains("`s` must be a string, found the integer 511 (written 0777); write `s: \"0777\"`"))
    }

    @Test func emptyTopLevelValuesAreUnset() throws {
        #expect(try report("---\nb:\nc: ~\n---\n", "fields:\n  b: {type: boolean}\n  c: {type: string}\n") == [])
    }

    @Test func enumsCompareResolvedValues() throws {
        let config = "fields:\n  sidebar: {enum: [left, right, false]}\n  n: {enum: [1, 2]}\n"
        #expect(try report("---\nsidebar: \"right\"\n---\n", config) == [])
        #expect(try report("---\nsidebar: false\n---\n", config) == [])
        #expect(try report("---\nsidebar: \"false\"\n---\n", config) == ["2:10 field-enum"])
        #expect(try report("---\nsidebar: FALSE\n---\n", config) == [])
        #expect(try report("---\nsidebar: true\n---\n", config) == ["2:10 field-enum"])
        #expect(try report("---\nn: 1.0\n---\n", config) == [])
        #expect(try report("---\nn: \"1\"\n---\n", config) == ["2:4 field-enum"])
        #expect(try messages("---\nsidebar: lef\n---\n", config)
            == ["`sidebar` must be one of \"left\", \"right\", false; found the string \"lef\" (did you mean \"left\"?)"])
    }

    @Test func stringAndNumberLimits() throws {
        let config = "fields:\n  t: {type: string, minLength: 2, maxLength: 3, pattern: '^[^x]*$'}\n  w: {minimum: 1, maximum: 10}\n"
        #expect(try report("---\nt: 苹果果\nw: 10\n---\n", config) == [])
        #expect(try report("---\nt: 苹果果果\nw: 0\n---\n", config) == ["2:4 field-length", "3:4 field-range"])
        #expect(try report("---\nt: ax\nw: 10.5\n---\n", config) == ["2:4 field-pattern", "3:4 field-range"])
    }

    @Test func anyOfReportsTheBranchThatTakesTheValuesType() throws {
        let config = """
            unknown-keys: warning
            fields:
              thumbnail:
                anyOf:
                  - {type: string, format: uri-reference}
                  - type: object
                    properties:
                      src: {type: string, required: true}
                      visibility: {type: array, items: {enum: [list, post]}}
                    additionalProperties: false
            """
        #expect(try report("---\nthumbnail: img/a.png\n---\n", config) == [])
        #expect(try report("---\nthumbnail: {src: a.png, visibility: [list]}\n---\n", config) == [])
        // The string branch alone takes a string: its error is the one reported.
        #expect(try report("---\nthumbnail: \"https://\"\n---\n", config) == ["2:12 url-invalid"])
        // The object branch alone takes a mapping: its errors, at the nested values.
        #expect(try report("---\nthumbnail:\n  srcc: a.png\n  visibility: [lst]\n---\n", config)
            == ["3:3 key-unknown", "3:3 field-required", "4:16 field-enum"])
        // Neither takes a list: one message with the alternatives.
        #expect(try messages("---\nthumbnail: [a]\n---\n", config)
            == ["`thumbnail` must be a string (uri-reference) or a mapping with `src`, `visibility`, found a list"])
    }

    @Test func deprecatedAlternativeIsReportedOnItsItem() throws {
        let result = try Linter.lint(text: "---\nwidgets: [search, ddg-search]\n---\n", configuration: "extends: [mainroad]\n")
        #expect(result.diagnostics.map { "\($0.range.start) \($0.rule)" } == ["2:19 field-deprecated"])
    }

    @Test func unknownKeysGetADidYouMeanCaseInsensitively() throws {
        let messages = try messages("---\nAutorBox: false\nAUTHORBOX: true\n---\n", "extends: [mainroad]\n")
        #expect(messages == ["`AutorBox` is not a known field (did you mean `authorbox`?)"])
        // Without fields, no key is unknown.
        #expect(try report("---\nanything: 1\n---\n", "extends: [default]\n") == [])
    }

    /// Keys are looked up by their bytes; a key that is not ASCII is compared as Swift compares strings, where
    /// the Kelvin sign (U+212A) is canonically the letter K.
    @Test func keysThatAreNotASCIIAreComparedAsStrings() throws {
        let config = "unknown-keys: warning\nfields:\n  Kind: {type: string}\n  title: {type: string}\n"
        #expect(try report("---\nKind: x\nkind: y\nTITLE: z\n---\n", config) == [])
        #expect(try report("---\n\u{212A}ind: 5\n---\n", config) == ["2:7 field-type"])
        #expect(try messages("---\nkïnd: x\n---\n", config) == ["`kïnd` is not a known field (did you mean `Kind`?)"])
        #expect(try messages("---\ntitel: x\n---\n", config) == ["`titel` is not a known field (did you mean `title`?)"])
    }

    @Test func mergeKeysAreApplied() throws {
        let config = "fields:\n  a: {type: object, properties: {x: {type: integer}}, additionalProperties: false}\n  base: {}\n"
        #expect(try report("---\nbase: &b {x: 1}\na:\n  <<: *b\n---\n", config) == [])
        #expect(try report("---\nbase: &b {x: no}\na:\n  <<: *b\n---\n", config) == ["2:14 field-type"])
    }

    /// A merge source's own merge keys are applied too, to any depth, as Hugo's YAML reader applies them: no
    /// `<<` is left to report as a key, and a value merged from two levels down is checked where it is written.
    @Test func nestedMergeKeysAreApplied() throws {
        let config = "fields:\n  title: {type: string}\n  draft: {type: boolean}\n  weight: {type: integer}\n  x-base: {}\n  x-mid: {}\nunknown-keys: warning\n"
        let text = "---\nx-base: &base\n  draft: \"yes\"\nx-mid: &mid\n  <<: *base\n  weight: 3\n<<: *mid\ntitle: T\n---\n"
        #expect(try report(text, config) == ["3:10 field-type"])
        #expect(try report("---\nx-base: &base {draft: true, extra: 1}\nx-mid: &mid {<<: *base}\n<<: *mid\ntitle: T\n---\n", config)
                == ["2:29 key-unknown"])
    }

    /// The mapping's own keys win over merged ones, an earlier source over a later one, and a source's own
    /// keys over those it merges in: only the value that takes effect is checked.
    @Test func mergePrecedence() throws {
        let config = "fields:\n  n: {type: integer}\n  x: {}\n  y: {}\n  z: {}\n"
        #expect(try report("---\nx: &x {n: bad}\nn: 1\n<<: *x\n---\n", config) == [])
        #expect(try report("---\nx: &x {n: 1}\ny: &y {n: bad}\n<<: [*x, *y]\n---\n", config) == [])
        #expect(try report("---\nx: &x {n: bad}\ny: &y {n: 1, <<: *x}\n<<: *y\n---\n", config) == [])
        #expect(try report("---\nx: &x {n: 1}\ny: &y {n: bad}\n<<: [*y, *x]\n---\n", config) == ["3:11 field-type"])
    }

    /// A required field that a merge key brings in is there, as it is for Hugo.
    @Test func requiredFieldsMayBeMergedIn() throws {
        let config = "fields:\n  title: {type: string, required: true}\n  x-defaults: {}\n"
        #expect(try report("---\nx-defaults: &d {title: From defaults}\n<<: *d\n---\n", config) == [])
        #expect(try report("---\nx-defaults: &d {other: 1}\n<<: *d\n---\n", config) == ["1:1 field-required"])
    }

    @Test func aliasesAreFollowedAndReportedOnce() throws {
        let config = "fields:\n  a: {type: array, items: {type: string}}\n  b: {type: array, items: {type: string}}\n"
        #expect(try report("---\na: &x [1]\nb: *x\n---\n", config) == ["2:8 field-type"])
    }

    /// A billion laughs: each level is ten aliases of the one before. Expanded it is 10^9 items; the
    /// validator stops at its budget, so this returns at once.
    @Test func aliasBombStaysCheap() throws {
        var text = "---\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        text += "---\n"
        var config = "fields:\n"
        let nested = "{type: array, items: {type: array, items: {type: array, items: {type: array, items: {type: array, items: {type: array, items: {type: array, items: {type: array, items: {type: array, items: {type: integer}}}}}}}}}}"
        for level in 0...8 { config += "  l\(level): \(nested)\n" }
        let source = SourceFile(path: "bomb.md", text: text)
        let settings = try LintSettings(layer: ConfigurationLoader.load(source: SourceFile(path: "<c>", text: config), directory: ".").base)
        let context = LintContext(source: source, settings: settings)
        let report = context.schemaReport
        #expect(report.budgetExhaustedAt != nil)
        // One finding per offending node (the ten `x`), not one per path through the aliases.
        #expect(report.violations.count == 10)
    }

    @Test func listItems() throws {
        let config = "fields:\n  tags: {type: array, uniqueItems: true, items: {type: string}}\n"
        #expect(try report("---\ntags:\n  - a\n  - \"a\"\n  - ''\n  -\n  - b\n---\n", config)
            == ["4:5 list-duplicate", "5:5 list-empty-item", "6:4 list-empty-item"])
    }

    /// Each list notes its values in memory of its own: nested lists keep theirs apart, and a list longer
    /// than the linear scan moves its values into a dictionary and still finds every repeat.
    @Test func repeatedItemsOfNestedAndLongLists() throws {
        let config = """
            fields:
              m: {type: array, uniqueItems: true, items: {type: array, uniqueItems: true}}
              long: {type: array, uniqueItems: true}
            """
        // The second list's `a` and `b` are not repeats of the first list's.
        #expect(try messages("---\nm: [[a, b, a], [a, b], [b, 1, 1]]\n---\n", config) == [
            "item 3 of `m[1]` repeats \"a\", already item 1",
            "item 3 of `m[3]` repeats 1, already item 2",
        ])
        let items = (1...40).map(String.init) + ["3", "17", "40", "x", "x"]
        let found = try messages("---\nlong: [\(items.joined(separator: ", "))]\n---\n", config)
        #expect(found == [
            "item 41 of `long` repeats 3, already item 3",
            "item 42 of `long` repeats 17, already item 17",
            "item 43 of `long` repeats 40, already item 40",
            "item 45 of `long` repeats \"x\", already item 44",
        ])
        // Sixteen values are scanned, the seventeenth moves them into a dictionary: a repeat on either side.
        let edge = (1...16).map(String.init) + ["16", "17", "1"]
        #expect(try messages("---\nlong: [\(edge.joined(separator: ", "))]\n---\n", config) == [
            "item 17 of `long` repeats 16, already item 16",
            "item 19 of `long` repeats 1, already item 1",
        ])
    }

    @Test func datesAreCheckedAsHugoDoes() throws {
        let config = "extends: [hugo]\n"
        #expect(try report("---\ndate: 2025-02-13\npubdate: \"2025-02-13 23:39:14\"\nLastmod: 2025-02-14T00:00:00+08:00\n---\n", config) == [])
        #expect(try report("---\ndate: 2025-02-29\n---\n", config) == ["2:7 date-format"])
        #expect(try messages("---\ndate: 2025-13-01\n---\n", config).first?.contains("month") == true)
        #expect(try report("---\ndate: 2025\n---\n", config) == ["2:7 date-suspicious"])
        #expect(try report("---\ndate: 2025-02-13\nmodified: 2025-02-12\n---\n", config) == ["3:11 date-order"])
    }

    @Test func dateFutureUsesItsClock() throws {
        let source = SourceFile(path: "a.md", text: "---\ndate: 2025-02-13\n---\n")
        let config = try ConfigurationLoader.load(source: SourceFile(path: "<c>", text: "extends: [hugo]\n"), directory: ".")
        let context = LintContext(source: source, settings: try LintSettings(layer: config.base))
        let day = 86_400.0
        let february13 = Double(GregorianCalendar.daysSinceEpoch(year: 2025, month: 2, day: 13)) * day
        let before = try DateFutureRule(options: RuleOptions(), clock: { february13 - 1 })
        let after = try DateFutureRule(options: RuleOptions(), clock: { february13 })
        #expect(before.check(context).count == 1)
        #expect(after.check(context).isEmpty)
        #expect(DateFutureRule.duration("1d") == day)
        #expect(DateFutureRule.duration("12h") == day / 2)
        #expect(DateFutureRule.duration("soon") == nil)
    }

    @Test func localPathsAreLookedUpInsideTheSiteOnly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("frontlint-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("static/img"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/post"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("static/img/a b.png"))
        try Data().write(to: root.appendingPathComponent("content/post/cover.jpg"))
        let config = "extends: [mainroad]\nrules:\n  url-local-missing: error\n"
        func check(_ value: String) throws -> [String] {
            try Linter.lint(text: "---\nthumbnail: \(value)\n---\n", path: root.path + "/content/post/index.md",
                            configuration: config, projectRoot: root.path)
                .diagnostics.filter { $0.rule == "url-local-missing" }.map(\.message)
        }
        #expect(try check("/img/a%20b.png") == [])
        #expect(try check("img/a%20b.png?v=1") == [])
        #expect(try check("cover.jpg") == [])
        #expect(try check("{src: cover.jpg}") == [])
        #expect(try check("https://example.com/none.png") == [])
        #expect(try check("/img/missing.png").count == 1)
        #expect(try check("../../../../etc/hostname").first?.contains("outside") == true)
    }

    /// `containsWord` answers as `String.contains` does, from the bytes where they settle it.
    @Test(arguments: ["the path contains a space", "space", "spaces", "no spac e here", "", "SPACE", "a space\u{301}",
                      "a spac\u{65}\u{301}", "é space", "aspace", "spa", "\u{301}space"])
    func containsWordAgreesWithStringContains(text: String) throws {
        let settings = try LintSettings(layer: ConfigurationLayer())
        let validator = SchemaValidator(document: YAMLDocument(), settings: settings)
        #expect(validator.containsWord(text, "space") == text.contains("space"), "\(text)")
    }

    @Test func anInvalidURLWithASpaceSuggestsPercentEncoding() throws {
        let config = "fields:\n  u: {type: string, format: uri-reference}\n"
        let result = try Linter.lint(text: "---\nu: \"/a b.png\"\n---\n", configuration: config)
        #expect(result.diagnostics.map(\.help) == ["percent-encode spaces as %20"])
        let other = try Linter.lint(text: "---\nu: \"/a<b.png\"\n---\n", configuration: config)
        #expect(other.diagnostics.count == 1 && other.diagnostics[0].help == nil)
    }

    /// Messages name where a value sits, through lists and mappings nested a few levels deep: the path keeps
    /// its first step apart from the deeper ones, and each must be pushed, replaced and popped in turn.
    @Test func messagesNameNestedPlaces() throws {
        let config = """
            fields:
              a:
                type: array
                items:
                  type: object
                  properties:
                    b: {type: array, items: {type: array, items: {type: integer}}}
                    c: {type: string}
              d: {type: array, items: {type: boolean}}
            """
        let text = "---\na:\n  - b: [[1, 2], [3, x]]\n    c: 5\n  - b: [[y]]\nd: [true, 1]\n---\n"
        let found = try Linter.lint(text: text, configuration: config).diagnostics
            .filter { $0.rule == "field-type" }.map(\.message)
        #expect(found == [
            "item 2 of `a[1].b[2]` must be an integer, found the string \"x\"",
            "`a[1].c` must be a string, found the integer 5; write `c: \"5\"`",
            "item 1 of `a[2].b[1]` must be an integer, found the string \"y\"",
            "item 2 of `d` must be a boolean, found the integer 1",
        ])
    }

    /// An `anyOf` branch reports after what was found before it: a branch that fails takes its findings (a date
    /// it read included) out again, and the branch that is met keeps its advisories.
    @Test func anyOfBranchesKeepOnlyWhatTheMetBranchFound() throws {
        let text = "published: 2025-02-13\nold: x\n"
        let config = try ConfigurationLoader.load(source: SourceFile(path: ".frontlint.yml", text: """
            fields:
              published:
                anyOf:
                  - {format: hugo-date, maxLength: 5}
                  - {type: string, deprecated: use date}
              old:
                deprecated: gone
                anyOf:
                  - {type: integer}
                  - {type: string, format: uri-reference}
            """), directory: "/site")
        let settings = try LintSettings(layer: config.layer(forRelativePath: "a.md"))
        let document = YAMLLoader().load(SourceFile(path: "a.md", text: text))
        let report = SchemaValidator(document: document, settings: settings).run()
        #expect(report.dates.isEmpty)
        #expect(report.violations.map(\.rule) == ["field-deprecated", "field-deprecated"])
        #expect(report.violations.map(\.message) == ["`published` is deprecated: use date", "`old` is deprecated: gone"])
        #expect(report.localReferences.map(\.path) == ["x"])
    }
}
