/// `yaml-ambiguous-scalar`: plain scalars that YAML 1.1 and YAML 1.2 (and Hugo) read differently.
public struct YAMLAmbiguousScalarRule: SimpleRule {
    public static let description = RuleDescription(
        id: "yaml-ambiguous-scalar",
        summary: "Plain values that YAML 1.1 tools and Hugo read differently (`yes`, `on`, `0777`, `1:20` …)",
        defaultSeverity: .warning,
        tags: ["yaml", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                Unquoted values (and keys) that YAML 1.1 readers — Jekyll's Ruby, PyYAML, many editors and \
                tools — read as something else than Hugo's YAML 1.2 decoder does: `yes`, `no`, `on`, `off` \
                and their capitalisations are booleans in YAML 1.1 but strings for Hugo; `0777` is octal (511) \
                for Hugo but 777 for YAML 1.2 readers; `1:20` is 80 in YAML 1.1. `y` and `n` are booleans only \
                to readers that follow YAML 1.1's type list to the letter, such as Go's yaml.v2: Jekyll and \
                PyYAML read them as strings, and the message says so. The message says how Hugo reads the \
                value. Unquoted dates are not reported: a date field accepts them either way.
                """,
            whyItMatters: """
                The same front matter means different things to different tools: `draft: yes` is a draft for a \
                YAML 1.1 script that prepares the site, but a non-empty string for Hugo; `comments: off` turns \
                comments *on* in a theme that tests the value for truth.
                """,
            example: "---\ndraft: yes\nmode: 0777\n---\n",
            useInstead: "---\ndraft: true\nmode: \"0777\"\n---\n"),
        triggering: [
            RuleExample("---\ndraft: ↓yes\n---\n"),
            RuleExample("---\nmode: ↓0777\n---\n"),
            RuleExample("---\nlength: ↓1:20\ncomments: ↓Off\n---\n"),
            RuleExample("---\nbase: ↓&flag yes\nagain: *flag\nplain: ↓! on\n---\n"),
        ],
        nonTriggering: [
            RuleExample("---\ndraft: true\ndate: 2025-02-13\nweight: 10\n---\n"),
            RuleExample("---\ndraft: \"yes\"\nmode: '0777'\ntitle: Yes, we can\n---\n"),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] {
        var findings: [Finding] = []
        // Every node once, in source order: aliases are nodes of their own, so nothing is expanded. The nodes
        // are lent from the file's document in place, through their buffer: a copy of the document retained
        // and released each of its arrays, and the array accesses and their checks cost more than the test.
        guard let document = file.document else { return findings }
        document.valueBytes.withUnsafeBufferPointer { values in
            document.nodes.withUnsafeBufferPointer { nodes in
                for node in nodes.indices {
                    // Readers disagree only on values that start with a digit, a sign, a dot or a YAML 1.1
                    // boolean's first letter: that byte rules out almost every node before anything else is read.
                    guard case .scalar(let scalar) = nodes[node].kind, scalar.style == .plain, scalar.count > 0,
                          mayReadDifferently(firstByte: values[Int(scalar.start)]), document.isPlainUntagged(NodeID(node)),
                          let readings = plainScalarReadings(UnsafeBufferPointer(rebasing: values[scalar.byteRange])) else { continue }
                    findings.append(finding(document.value(of: scalar), readings, at: document.range(of: NodeID(node))))
                }
            }
        }
        return findings
    }

    /// The one-letter booleans of YAML 1.1's type list. Ruby's Psych (under Jekyll) and PyYAML leave them out
    /// of their booleans and read strings, as Hugo does: Psych's scalar scanner matches only `yes|true|on` and
    /// `no|false|off`, and PyYAML 6 reads `y` as 'y'. Go's yaml.v2, among others, follows the list.
    private static let oneLetterBooleans: Set<String> = ["y", "Y", "n", "N"]

    private func finding(_ text: String, _ readings: ScalarReadings, at range: SourceRange) -> Finding {
        var others: [String] = []
        var readers = "Hugo"
        if Self.oneLetterBooleans.contains(text) {
            readers = "Hugo, Jekyll and PyYAML"
            others.append("readers that follow YAML 1.1 to the letter (Go's yaml.v2, for one) read \(readings.yaml11)")
        } else if readings.yaml11 != readings.hugo && text.utf8.contains(UInt8(ascii: ":")) {
            // Base 60: PyYAML reads `1:20` as 80, as YAML 1.1 says; Ruby's Psych weighs the parts as hours
            // and minutes (4800), so Jekyll is not named.
            others.append("YAML 1.1 readers such as PyYAML read \(readings.yaml11)")
        } else if readings.yaml11 != readings.hugo {
            others.append("YAML 1.1 readers (Jekyll, PyYAML) read \(readings.yaml11)")
        }
        if readings.yaml12 != readings.hugo && readings.yaml12 != readings.yaml11 {
            others.append("YAML 1.2 readers read \(readings.yaml12)")
        }
        let message = "`\(text)` is \(readings.hugo) for \(readers), but " + others.joined(separator: " and ")
        let help: String
        switch readings.yaml11 {
        case .bool(let b) where readings.hugo == .string(text):
            help = "write \(b) for a boolean, or \"\(text)\" (quoted) for text"
        default:
            help = "quote it (\"\(text)\") if it is text; otherwise write the number so every reader agrees"
        }
        return Finding(message, help: help, at: range)
    }
}
