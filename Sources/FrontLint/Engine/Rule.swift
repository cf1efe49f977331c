/// A code example in a rule's description. `↓` marks where a diagnostic must start (it is removed before
/// the example is linted); a triggering example has one or more markers, a non-triggering one none.
/// `configuration` is a `.frontlint.yml` text the example is linted with (the `default` preset when nil).
public struct RuleExample: Sendable {
    public static let marker: Character = "↓"

    public var text: String
    public var configuration: String?

    public init(_ text: String, configuration: String? = nil) {
        self.text = text
        self.configuration = configuration
    }
}

/// A rule's documentation, in a fixed outline so every rule explains itself the same way.
public struct RuleDoc: Sendable {
    public var whatItChecks: String
    public var whyItMatters: String
    /// A Markdown file (or part of one) that the rule reports.
    public var example: String
    /// The same file, fixed.
    public var useInstead: String

    public init(whatItChecks: String, whyItMatters: String, example: String, useInstead: String) {
        self.whatItChecks = whatItChecks
        self.whyItMatters = whyItMatters
        self.example = example
        self.useInstead = useInstead
    }
}

/// One option a rule accepts under `rules: {RULE: {OPTION: …}}`.
public struct RuleOptionDescription: Sendable {
    public var name: String
    public var summary: String
    /// The default, as it would be written in YAML.
    public var defaultValue: String

    public init(_ name: String, _ summary: String, default defaultValue: String) {
        self.name = name
        self.summary = summary
        self.defaultValue = defaultValue
    }
}

/// Everything about a rule except its logic: id, defaults, documentation and examples.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id, used in configuration, suppressions and reports.
    public var id: String
    public var summary: String
    public var defaultSeverity: Severity
    public var enabledByDefault: Bool
    /// Groups, e.g. `front-matter`, `yaml`, `fields`, `dates`, `urls`, `lists`, `headings`.
    public var tags: [String]
    public var doc: RuleDoc
    public var options: [RuleOptionDescription]
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]

    public init(id: String, summary: String, defaultSeverity: Severity = .error, enabledByDefault: Bool = true,
                tags: [String], doc: RuleDoc, options: [RuleOptionDescription] = [],
                triggering: [RuleExample], nonTriggering: [RuleExample]) {
        self.id = id
        self.summary = summary
        self.defaultSeverity = defaultSeverity
        self.enabledByDefault = enabledByDefault
        self.tags = tags
        self.doc = doc
        self.options = options
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// What a rule found: the engine adds the rule id and the configured severity.
public struct Finding: Sendable {
    public var message: String
    public var help: String?
    public var range: SourceRange

    public init(_ message: String, help: String? = nil, at range: SourceRange) {
        self.message = message
        self.help = help
        self.range = range
    }
}

/// A check over one loaded file. A rule is configured once per configuration (never per file) and must not
/// keep state between files.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Makes the rule with its options from the configuration; throws for an invalid option value.
    init(options: RuleOptions) throws(ConfigurationError)
    func check(_ file: LintContext) -> [Finding]
    /// Whether the rule reports nothing but its share of the schema validator's findings, as the
    /// `SchemaReporting` rules do: the engine then does not ask it about a file in which the validator found
    /// nothing (most files). A requirement, so that the engine reads it from the rule's type without a cast
    /// to `SchemaReporting`, which searches the program's conformances at run time.
    static var reportsSchemaViolationsOnly: Bool { get }
}

extension Rule {
    public static var reportsSchemaViolationsOnly: Bool { false }
}

/// A rule without options.
public protocol SimpleRule: Rule {
    init()
}

extension SimpleRule {
    public init(options: RuleOptions) throws(ConfigurationError) { self.init() }
}
