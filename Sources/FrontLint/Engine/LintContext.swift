/// Everything rules may read about one file. Built once per file; the parts some rules need and others
/// don't (the heading outline, the schema check) are computed on first use.
public final class LintContext {
    public let source: SourceFile
    public let split: SplitDocument
    /// The front matter as loaded from YAML; nil when there is no terminated YAML front matter.
    public let document: YAMLDocument?
    /// The settings that apply to this file (base configuration plus matching overrides).
    public let settings: LintSettings

    public init(source: SourceFile, settings: LintSettings, loader: YAMLLoader = YAMLLoader()) {
        self.source = source
        self.settings = settings
        let split = FrontMatterSplitter.split(source)
        self.split = split
        if let fm = split.frontMatter, fm.format == .yaml, fm.isTerminated {
            self.document = loader.load(source, range: fm.content)
        } else {
            self.document = nil
        }
    }

    /// Where diagnostics about the front matter as a whole point: its opening delimiter line.
    public var openingRange: SourceRange {
        if let fm = split.frontMatter { return source.range(fm.opening) }
        return source.rangeOfLine(1)
    }

    /// What the schema validator found: computed on first use, once per file, for all the schema rules.
    public private(set) lazy var schemaReport: SchemaReport = {
        guard let document else { return SchemaReport() }
        var validator = SchemaValidator(document: document, settings: settings)
        return validator.run()
    }()

    /// The root mapping's entries, when the front matter is a mapping.
    public var rootEntries: [MappingEntry]? { document?.rootEntries }
}
