/// Runs the configured rules over one file: load, then check.
public enum Linter {
    public static func lint(_ source: SourceFile, settings: LintSettings) -> FileResult {
        lint(source, settings: settings, keeping: .always)
    }

    /// Which results keep the file's text (`FileResult.source`).
    enum SourceKept {
        case always
        /// Results with diagnostics, for reporters that show lines or columns of the text.
        case withDiagnostics
        /// None: the reporters read nothing but the diagnostics.
        case never
    }

    /// Lints one file, keeping its text in the result as `keeping` says. Decided here, before the result is
    /// made: setting `source` to nil on the finished result made the optimiser copy the whole result and
    /// destroy the original, for every file.
    static func lint(_ source: SourceFile, settings: LintSettings, keeping: SourceKept) -> FileResult {
        let context = LintContext(source: source, settings: settings)
        let diagnostics = Suppressions.apply(to: check(settings.rules, context), in: context)
        let kept = switch keeping {
        case .always: true
        case .withDiagnostics: !diagnostics.isEmpty
        case .never: false
        }
        return FileResult(path: source.path, source: kept ? source : nil, diagnostics: diagnostics)
    }

    /// Runs `rules` over one file. The rules come in as an argument, which the caller keeps alive, so that
    /// each is checked where it lies in the array: read from `settings.rules` (a class's property) instead,
    /// every rule's existential was copied out (retaining what the rule holds) and destroyed again, per file.
    /// Out of line for the same reason: inlined, the array would be the property again.
    @inline(never)
    private static func check(_ rules: [ConfiguredRule], _ context: LintContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // By index: `for configured in rules` would copy every rule, and its existential, per file.
        for index in rules.indices {
            // Most files give the schema validator nothing to find, and the many rules that report its
            // findings nothing to say: they are not asked (each call cost a call through the protocol's
            // witness and the release of the empty array it returned).
            if rules[index].reportsSchemaViolationsOnly && !context.schemaReportHasViolations { continue }
            let findings = rules[index].rule.check(context)
            guard !findings.isEmpty else { continue }
            for finding in findings {
                diagnostics.append(Diagnostic(rule: rules[index].id, severity: rules[index].severity,
                                              message: finding.message, help: finding.help, range: finding.range))
            }
        }
        return diagnostics
    }

    /// Lints text with a configuration given as text: for rule examples, tests and `--stdin`-like uses.
    /// `projectRoot` is where relative paths are looked up (`url-local-missing`): by default the working
    /// directory.
    public static func lint(text: String, path: String = "example.md", configuration: String? = nil,
                            selection: RuleSelection = RuleSelection(),
                            projectRoot: String? = nil) throws(ConfigurationError) -> FileResult {
        let config = try ConfigurationLoader.load(
            source: SourceFile(path: "<example configuration>", text: configuration ?? "extends: [default]\n"),
            directory: ".")
        let settings = try LintSettings(layer: config.layer(forRelativePath: path), selection: selection,
                                        projectRoot: projectRoot ?? FileSystem.currentDirectory)
        return lint(SourceFile(path: path, text: text), settings: settings)
    }
}
