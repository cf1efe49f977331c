/// What the heading rules know about the page's title: a theme renders the front matter's title as the
/// page's level-1 heading, so the body's outline starts one level below it.
enum PageTitle: Equatable {
    /// The front matter sets a non-empty title; `line` is where its key is.
    case present(key: String, line: Int)
    /// There is no front matter, or it has no title (or an empty one).
    case absent
    /// The front matter could not be read (TOML, JSON, a YAML error, unterminated): whether it has a title
    /// is not known, so checks that depend on it are skipped.
    case unknown

    /// The title under `key`, compared case-insensitively as Hugo compares keys.
    static func of(_ file: LintContext, key: String) -> PageTitle {
        guard file.split.frontMatter != nil else { return .absent }
        guard let document = file.document, !document.problems.contains(where: { $0.kind == .syntax || $0.kind == .encoding }),
              !file.split.isUnterminated else { return .unknown }
        guard let root = document.root, let entry = document.entry(key, in: root, caseInsensitive: true) else {
            return .absent
        }
        if let id = document.resolved(entry.value), let scalar = document[id].scalar {
            if case .null = ValueResolution.resolve(scalar) { return .absent }
            if scalar.value.allSatisfy(\.isWhitespace) { return .absent }
        }
        return .present(key: document.keyText(entry) ?? key, line: document[entry.key].range.start.line)
    }
}

extension LintContext {
    /// Where a heading diagnostic points: an ATX heading's opening `#` sequence or a setext heading's
    /// first text line, to the end of its content.
    func range(of heading: Heading) -> SourceRange { source.range(heading.range) }
}

extension Heading {
    /// The text as messages quote it: on one line, shortened when long.
    var quotedText: String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let shortened = oneLine.count > 60 ? oneLine.prefix(59) + "…" : Substring(oneLine)
        return "`\(shortened)`"
    }

    /// How the heading's level is written in ATX style, e.g. `###`.
    static func marker(_ level: Int) -> String { String(repeating: "#", count: max(1, min(level, 6))) }
}

/// The option every title-aware heading rule takes.
let titleKeyOption = RuleOptionDescription(
    "title-key", "The front matter key that holds the page title (compared case-insensitively, as Hugo does).",
    default: "title")
