/// Everything rules may read about one file. Built once per file; the parts some rules need and others
/// don't (the heading outline, the schema check) are computed on first use.
public final class LintContext {
    public let source: SourceFile
    public let split: SplitDocument
    /// The front matter as loaded from YAML; nil when there is no terminated YAML front matter.
    public let document: YAMLDocument?
    /// The settings that apply to this file (base configuration plus matching overrides).
    public let settings: LintSettings
    /// Why the file is not clean UTF-8, if it is not. A UTF-16 or UTF-32 file is not split or loaded at all.
    public let encodingProblem: EncodingProblem?

    public init(source: SourceFile, settings: LintSettings, loader: YAMLLoader = YAMLLoader()) {
        self.source = source
        self.settings = settings
        let encodingProblem = TextEncoding.problem(in: source.bytes)
        self.encodingProblem = encodingProblem
        if case .wideEncoding? = encodingProblem {
            self.split = SplitDocument(frontMatter: nil, body: source.bytes.count..<source.bytes.count, bodyLine: 1)
            self.document = nil
            return
        }
        var split = FrontMatterSplitter.split(source)
        var document: YAMLDocument?
        if let fm = split.frontMatter, fm.format == .yaml, let closing = fm.closing {
            let loaded = loader.load(source, range: fm.content)
            if loaded.problems.contains(where: { $0.kind == .syntax }),
               let bodyLine = RunawayFrontMatter.bodyStart(in: source, frontMatter: fm, loader: loader) {
                split.runawayClosingLine = source.line(containing: closing.lowerBound)
                split.body = source.lineStarts[bodyLine - 1]..<source.bytes.count
                split.bodyLine = bodyLine
            } else {
                document = loaded
            }
        }
        self.split = split
        self.document = document
    }

    /// Where diagnostics about the front matter as a whole point: its opening delimiter line.
    public var openingRange: SourceRange {
        if let fm = split.frontMatter { return source.range(fm.opening) }
        return source.rangeOfLine(1)
    }

    /// What the schema validator found: computed on first use, once per file, for all the schema rules.
    public var schemaReport: SchemaReport {
        if let computedSchemaReport { return computedSchemaReport }
        let report = document.map { SchemaValidator(document: $0, settings: settings).run() } ?? SchemaReport()
        computedSchemaReport = report
        schemaReportHasViolationsStorage = !report.violations.isEmpty
        return report
    }
    private var computedSchemaReport: SchemaReport?

    /// Whether `schemaReport` has violations (computing it on first use). Most files have none, and the many
    /// rules that report them then return at once: reading the report itself costs a retain and a release.
    var schemaReportHasViolations: Bool {
        if computedSchemaReport == nil { _ = schemaReport }
        return schemaReportHasViolationsStorage
    }
    private var schemaReportHasViolationsStorage = false

    /// The root mapping's entries, when the front matter is a mapping.
    public var rootEntries: YAMLChildren<MappingEntry>? { document?.rootEntries }

    /// The body's block outline (headings and line-starting HTML comments), scanned on first use and
    /// shared by every rule that reads it.
    public lazy var bodyOutline: BodyOutline = BlockScanner.scan(in: source, body: split.body, firstLine: split.bodyLine,
                                                                 isValidUTF8: encodingProblem == nil)

    /// The body's headings, in order. Kept apart from `bodyOutline` so that each of the heading rules'
    /// reads costs a retain of the array, not a copy of the whole outline.
    public private(set) lazy var headings: [Heading] = bodyOutline.headings
}
