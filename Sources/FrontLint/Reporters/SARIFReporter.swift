/// `--format sarif`: SARIF 2.1.0 (OASIS), as GitHub code scanning and other code-review tools read it.
///
/// - `tool.driver.rules` lists every rule frontlint has, in registry order, with its documentation;
///   each result's `ruleIndex` points into that list.
/// - Artifact URIs are relative to the working directory with `uriBaseId` `%SRCROOT%` (percent-encoded);
///   a file outside the working directory gets an absolute `file://` URI instead. `originalUriBaseIds`
///   is left out so that a report does not depend on where it was made.
/// - Columns are UTF-16 code units, SARIF's default `columnKind` (written out explicitly too), converted
///   from the source line: an emoji counts 2, a CJK character 1. Regions are half-open, so an empty range
///   has `endColumn == startColumn`.
/// - `partialFingerprints["frontlint/v1"]` is the same line-content hash the `gitlab` format uses.
public struct SARIFReporter: Reporter {
    public static let name = "sarif"
    let options: ReportOptions
    private var first = true
    private static let ruleIndex: [String: Int] = Dictionary(
        uniqueKeysWithValues: RuleRegistry.all.enumerated().map { ($0.element.description.id, $0.offset) })

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    public mutating func header() -> String {
        let rules = RuleRegistry.all.map { SARIFReporter.rule($0.description) }.joined(separator: ",\n")
        return """
            {
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": {
                    "driver": {
                      "name": "frontlint",
                      "version": \(JSON.string(FrontLintVersion.string)),
                      "semanticVersion": \(JSON.string(FrontLintVersion.string)),
                      "informationUri": \(JSON.string(RuleDocLink.homepage)),
                      "rules": [
            \(rules)
                      ]
                    }
                  },
                  "columnKind": "utf16CodeUnits",
                  "results": [
            """
    }

    static func rule(_ r: RuleDescription) -> String {
        let help = "\(r.doc.whatItChecks)\n\n\(r.doc.whyItMatters)"
        return "            " + JSON.object([
            ("id", JSON.string(r.id)),
            ("shortDescription", JSON.object([("text", JSON.string(r.summary))])),
            ("fullDescription", JSON.object([("text", JSON.string(r.doc.whatItChecks))])),
            ("help", JSON.object([("text", JSON.string(help)), ("markdown", JSON.string(RuleCatalog.explain(r)))])),
            ("helpUri", JSON.string(RuleDocLink.url(for: r.id))),
            ("defaultConfiguration", JSON.object([
                ("enabled", r.enabledByDefault ? "true" : "false"),
                ("level", JSON.string(level(r.defaultSeverity))),
            ])),
            ("properties", JSON.object([("tags", "[" + r.tags.map(JSON.string).joined(separator: ", ") + "]")])),
        ])
    }

    static func level(_ severity: Severity) -> String {
        severity == .error ? "error" : "warning"
    }

    public mutating func file(_ result: FileResult) -> String {
        guard !result.diagnostics.isEmpty else { return "" }
        let artifact: String
        if let relative = ReportPath.relative(result.path, workingDirectory: options.workingDirectory) {
            artifact = JSON.object([("uri", JSON.string(ReportPath.uriEncoded(relative))), ("uriBaseId", JSON.string("%SRCROOT%"))])
        } else {
            let absolute = PathNames.absolute(result.path, base: options.workingDirectory)
            artifact = JSON.object([("uri", JSON.string("file://" + ReportPath.uriEncoded(absolute)))])
        }
        let fingerprints = DiagnosticFingerprints.compute(result, path: ReportPath.display(result.path, workingDirectory: options.workingDirectory))
        var out = ""
        for (d, fingerprint) in zip(result.diagnostics, fingerprints) {
            let source = result.source
            let region = JSON.object([
                ("startLine", String(d.range.start.line)),
                ("startColumn", String(ColumnUnits.utf16Column(d.range.start, in: source))),
                ("endLine", String(d.range.end.line)),
                ("endColumn", String(ColumnUnits.utf16Column(d.range.end, in: source))),
            ])
            var message = d.message
            if let help = d.help { message += "\n" + help }
            var fields: [(String, String)] = [("ruleId", JSON.string(d.rule))]
            if let index = SARIFReporter.ruleIndex[d.rule] { fields.append(("ruleIndex", String(index))) }
            fields += [
                ("level", JSON.string(SARIFReporter.level(d.severity))),
                ("message", JSON.object([("text", JSON.string(message))])),
                ("locations", "[" + JSON.object([("physicalLocation", JSON.object([
                    ("artifactLocation", artifact), ("region", region)]))]) + "]"),
                ("partialFingerprints", JSON.object([("frontlint/v1", JSON.string(fingerprint))])),
            ]
            out += (first ? "\n" : ",\n") + "        " + JSON.object(fields)
            first = false
        }
        return out
    }

    public mutating func footer(_ summary: RunSummary) -> String {
        (first ? "" : "\n") + "      ]\n    }\n  ]\n}\n"
    }
}
