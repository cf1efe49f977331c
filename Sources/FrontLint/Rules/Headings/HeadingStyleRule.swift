/// `heading-style`: headings are written in one style.
public struct HeadingStyleRule: Rule {
    public static let description = RuleDescription(
        id: "heading-style",
        summary: "Headings must be written in one style",
        defaultSeverity: .warning,
        tags: ["headings"],
        doc: RuleDoc(
            whatItChecks: """
                How each heading is written: `atx` (`## Title`), `atx-closed` (`## Title ##`), `setext` \
                (`Title` underlined with `===` or `---`, which exists for levels 1 and 2 only), or \
                `setext-with-atx` (setext for levels 1 and 2, `atx` below). With `style: consistent` (the \
                default) the first heading sets the style, and a setext heading sets `setext-with-atx`, so \
                that a setext page can still have level-3 headings; when the first heading is an ATX heading \
                of level 3 or deeper, the first level-1 or level-2 heading decides between `atx` and \
                `setext-with-atx`. Empty headings, which can only be ATX, are left to `heading-empty`.
                """,
            whyItMatters: """
                Mixed styles make the source harder to scan and to edit by search and replace, and a setext \
                underline is easily mistaken for a thematic break when a blank line creeps in above it.
                """,
            example: "## Install\n\nUsage\n-----\n",
            useInstead: "## Install\n\n## Usage\n"),
        options: [
            RuleOptionDescription(
                "style", "`consistent`, `atx`, `atx-closed`, `setext` or `setext-with-atx`.", default: "consistent"),
        ],
        triggering: [
            RuleExample("## First\n\n↓Second\n------\n"),
            RuleExample("First\n=====\n\n### Level 3 is ATX in this style\n\n↓## But level 2 is setext\n"),
            RuleExample("## Closed ##\n\n↓## Open\n"),
            RuleExample("↓## Open\n\n## Closed ##\n", configuration: "rules:\n  heading-style: {style: atx-closed}\n"),
            RuleExample("Title\n=====\n\n↓### No setext for level 3\n", configuration: "rules:\n  heading-style: {style: setext}\n"),
        ],
        nonTriggering: [
            RuleExample("Title\n=====\n\nSection\n-------\n\n### Sub\n"),
            RuleExample("# A\n\n## B\n\n### C\n"),
            RuleExample("## A ##\n\n### B ###\n"),
            RuleExample("### First, and deep\n\nSection\n-------\n\n### Sub\n"),
            RuleExample("Section\n-------\n\n##\n"),
            RuleExample("Section\n-------\n\n### Sub\n", configuration: "rules:\n  heading-style: {style: setext-with-atx}\n"),
        ])

    enum Style: String {
        case atx
        case atxClosed = "atx-closed"
        case setext
        case setextWithATX = "setext-with-atx"

        /// The style a heading must have under this style, at its level.
        func expected(atLevel level: Int) -> Style {
            switch self {
            case .setextWithATX: return level <= 2 ? .setext : .atx
            default: return self
            }
        }
    }

    let configured: Style?

    public init(options: RuleOptions) throws(ConfigurationError) {
        let name = try options.choice("style", of: ["consistent", "atx", "atx-closed", "setext", "setext-with-atx"],
                                      default: "consistent")
        configured = Style(rawValue: name)
    }

    static func written(_ heading: Heading) -> Style {
        switch heading.style {
        case .setext: return .setext
        case .atx: return heading.hasClosingSequence ? .atxClosed : .atx
        }
    }

    public func check(_ file: LintContext) -> [Finding] {
        let headings = file.headings
        // Empty headings, which can only be ATX, are left to heading-empty.
        // Indices rather than the headings themselves, which `first(where:)` would copy.
        guard let firstIndex = headings.firstIndex(where: { !$0.isBlank }) else { return [] }
        let style: Style
        var decisiveLine = 0
        if let configured {
            style = configured
        } else {
            // An open ATX heading below level 2 fits both `atx` and `setext-with-atx`: the first heading
            // that can tell them apart decides.
            var decisive = firstIndex
            if Self.written(headings[firstIndex]) == .atx && headings[firstIndex].level > 2,
               let shallow = headings.firstIndex(where: { $0.level <= 2 && !$0.isBlank }) {
                decisive = shallow
            }
            switch Self.written(headings[decisive]) {
            case .setext: style = .setextWithATX
            case let other: style = other
            }
            decisiveLine = headings[decisive].line
        }
        var findings: [Finding] = []
        // By index: `for heading in headings` would copy every heading.
        for index in headings.indices {
            let expected = style.expected(atLevel: headings[index].level)
            let written = Self.written(headings[index])
            guard written != expected, !headings[index].isBlank else { continue }
            let heading = headings[index]
            let reason = configured.map { "(option `style: \($0.rawValue)`)" } ?? "(as set by the heading on line \(decisiveLine))"
            let message: String
            if expected == .setext && heading.level > 2 {
                message = "level-\(heading.level) heading in a setext-style document, but setext headings are level 1 or 2 only \(reason)"
            } else {
                message = "heading is written in \(written.rawValue) style; expected \(expected.rawValue) \(reason)"
            }
            findings.append(Finding(message, help: Self.help(for: expected, level: heading.level), at: file.range(of: heading)))
        }
        return findings
    }

    static func help(for style: Style, level: Int) -> String {
        let marker = Heading.marker(level)
        switch style {
        case .atx: return "write it as `\(marker) Title`"
        case .atxClosed: return "write it as `\(marker) Title \(marker)`"
        case .setext where level <= 2: return "write it as `Title` underlined with `\(level == 1 ? "===" : "---")`"
        default: return "use a level-1 or level-2 heading, or choose another `style`"
        }
    }
}
