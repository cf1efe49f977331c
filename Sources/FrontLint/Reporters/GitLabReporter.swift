/// `--format gitlab`: a GitLab Code Quality report, a JSON array of issues with `description`,
/// `check_name`, `fingerprint`, `severity` and `location` (`path` relative to the working directory,
/// `lines.begin` and `lines.end`), plus `categories: ["Style"]` and the rule's doc `url`.
///
/// The fingerprint is FNV-1a 64 over the path, rule, trimmed text of the line and the occurrence index of
/// that rule on identical lines, so it survives edits elsewhere in the file but not a change to the line.
/// Severity: `major` for errors, `minor` for warnings.
public struct GitLabReporter: Reporter {
    public static let name = "gitlab"
    let options: ReportOptions
    private var first = true

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    public mutating func header() -> String { "[" }

    public mutating func file(_ result: FileResult) -> String {
        let path = ReportPath.display(result.path, workingDirectory: options.workingDirectory)
        let fingerprints = DiagnosticFingerprints.compute(result, path: path)
        var out = ""
        for (d, fingerprint) in zip(result.diagnostics, fingerprints) {
            out += (first ? "\n  " : ",\n  ") + JSON.object([
                ("description", JSON.string(d.message)),
                ("check_name", JSON.string(d.rule)),
                ("fingerprint", JSON.string(fingerprint)),
                ("severity", JSON.string(d.severity == .error ? "major" : "minor")),
                ("categories", "[\"Style\"]"),
                ("url", JSON.string(RuleDocLink.url(for: d.rule))),
                ("location", JSON.object([
                    ("path", JSON.string(path)),
                    ("lines", JSON.object([("begin", String(d.range.start.line)), ("end", String(d.range.end.line))])),
                ])),
            ])
            first = false
        }
        return out
    }

    public mutating func footer(_ summary: RunSummary) -> String {
        first ? "]\n" : "\n]\n"
    }
}
