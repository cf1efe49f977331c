/// Inline suppressions, applied after the rules have run: rules never look at comments.
///
/// Front matter (YAML comments):
///   `# frontlint-disable-line RULE[, RULE]` on the line it is about,
///   `# frontlint-disable-next-line RULE`, `# frontlint-disable-file RULE`.
/// Body (HTML comments that start a line):
///   `<!-- frontlint-disable RULE -->` … `<!-- frontlint-enable RULE -->`,
///   `<!-- frontlint-disable-next-line RULE -->`, `<!-- frontlint-disable-file RULE -->`.
/// A directive without rules covers every rule; a name may be a rule id or a tag; `-- reason` ends the
/// list. A diagnostic belongs to the line it starts on. For `disable`/`enable`, the last one before a
/// diagnostic's line that names its rule (or names none) decides.
struct Suppressions {
    static let invalidRuleID = "suppression-invalid"
    static let unusedRuleID = "suppression-unused"

    let directives: [SuppressionDirective]
    let malformed: [MalformedSuppression]

    init(_ source: SourceFile, split: SplitDocument, bodyComments: () -> [Range<Int>]) {
        let scanned = SuppressionScanner.scan(source, split: split, bodyComments: bodyComments)
        directives = scanned.directives
        malformed = scanned.malformed
    }

    /// The diagnostics that are not suppressed, plus what the suppression rules have to say about the
    /// directives themselves when those rules are enabled.
    static func apply(to diagnostics: [Diagnostic], in context: LintContext) -> [Diagnostic] {
        let suppressions = Suppressions(context.source, split: context.split) { context.bodyOutline.htmlComments }
        return suppressions.filter(diagnostics, settings: context.settings)
    }

    func filter(_ diagnostics: [Diagnostic], settings: LintSettings) -> [Diagnostic] {
        let invalidSeverity = settings.suppressionInvalidSeverity
        let unusedSeverity = settings.suppressionUnusedSeverity
        if directives.isEmpty && (malformed.isEmpty || invalidSeverity == nil) { return diagnostics }

        // Which names are real rules or tags; an unknown one is reported and matches nothing.
        let known = Set(RuleRegistry.ids + RuleRegistry.tags)
        // used[d][n]: whether name n of directive d suppressed something; the last slot is for "all rules".
        var used = directives.map { Array(repeating: false, count: $0.names.count + 1) }

        func matches(_ directive: Int, _ rule: String) -> Int? {
            let names = directives[directive].names
            if names.isEmpty { return 0 }
            let tags = RuleRegistry.description(of: rule)?.tags ?? []
            return names.firstIndex { $0.text == rule || tags.contains($0.text) }
        }

        var kept: [Diagnostic] = []
        for diagnostic in diagnostics {
            let line = diagnostic.range.start.line
            var suppressed = false
            var regionDecision: (directive: Int, name: Int)? = nil
            for (index, directive) in directives.enumerated() {
                guard let name = matches(index, diagnostic.rule) else { continue }
                switch directive.kind {
                case .disableFile:
                    used[index][name] = true; suppressed = true
                case .disableLine, .disableNextLine:
                    if directive.line == line { used[index][name] = true; suppressed = true }
                case .disable:
                    if directive.line <= line { regionDecision = (index, name) }
                case .enable:
                    if directive.line <= line { regionDecision = nil }
                }
            }
            if let (index, name) = regionDecision {
                used[index][name] = true
                suppressed = true
            }
            if !suppressed { kept.append(diagnostic) }
        }

        if let invalidSeverity {
            for problem in malformed {
                let expected = problem.expected.map { "`frontlint-\($0.rawValue)`" }.joined(separator: ", ")
                kept.append(Diagnostic(
                    rule: Suppressions.invalidRuleID, severity: invalidSeverity,
                    message: "`\(problem.keyword)` is not a suppression frontlint knows here; it suppresses nothing",
                    help: "use one of \(expected)", range: problem.range))
            }
            for directive in directives {
                for name in directive.names where !known.contains(name.text) {
                    kept.append(Diagnostic(
                        rule: Suppressions.invalidRuleID, severity: invalidSeverity,
                        message: "`frontlint-\(directive.kind.rawValue)` names `\(name.text)`, which is not a rule or tag\(DidYouMean.phrase(name.text, from: RuleRegistry.ids + RuleRegistry.tags))",
                        help: "`frontlint rules` lists the rules", range: name.range))
                }
            }
        }

        if let unusedSeverity {
            let enabled = Set(settings.severities.keys)
            for (index, directive) in directives.enumerated() where directive.kind != .enable {
                let keyword = "`frontlint-\(directive.kind.rawValue)`"
                if directive.names.isEmpty {
                    if !used[index][0] {
                        kept.append(Diagnostic(rule: Suppressions.unusedRuleID, severity: unusedSeverity,
                                               message: "\(keyword) suppressed nothing",
                                               help: "remove the comment", range: directive.range))
                    }
                    continue
                }
                let unused = directive.names.enumerated().filter { !used[index][$0.offset] && known.contains($0.element.text) }.map(\.element.text)
                guard !unused.isEmpty else { continue }
                let off = unused.filter { RuleRegistry.description(of: $0) != nil && !enabled.contains($0) }
                var message = "\(keyword) suppressed nothing for " + unused.map { "`\($0)`" }.joined(separator: ", ")
                if !off.isEmpty {
                    message += " (" + off.map { "`\($0)`" }.joined(separator: ", ") + (off.count == 1 ? " is" : " are") + " not enabled for this file)"
                }
                kept.append(Diagnostic(rule: Suppressions.unusedRuleID, severity: unusedSeverity, message: message,
                                       help: unused.count == directive.names.count ? "remove the comment" : "remove the names that no longer apply",
                                       range: directive.range))
            }
        }
        return kept
    }
}
