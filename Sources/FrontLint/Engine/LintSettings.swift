/// The settings for a group of files, compiled once: the configured rules, ready to run, and the field
/// schema with an index by name. Files under the same configuration and the same overrides share one.
public final class LintSettings: Sendable {
    public let layer: ConfigurationLayer
    /// The enabled rules, each with its id and the severity it reports at.
    public let rules: [ConfiguredRule]
    /// The severity of each enabled rule, by id.
    public let severities: [String: Severity]
    /// The severities of `suppression-invalid` and `suppression-unused`, nil when off: looked up once here
    /// rather than in `severities` (hashing each id) for every file.
    let suppressionInvalidSeverity: Severity?
    let suppressionUnusedSeverity: Severity?
    /// The fields marked `required: true`, in definition order.
    public let requiredFields: [String]
    /// The configured fields with their schemas compiled for checking, in definition order;
    /// `fieldIndex(forKey:)` points into it.
    let fields: [(name: String, plan: SchemaPlan)]
    /// For each of `fields`, its position in `requiredFields`, or nil when it is not required.
    let requiredPositions: [Int?]
    /// `SchemaReport.requiredFieldsPresent` of a file that has every required field: most files, which share it.
    private let allRequiredFieldsPresent: [Bool]
    /// Field names, their aliases and their lowercase forms, mapped to an index into `fields`: one lookup per
    /// front matter key (it is done for every key of every file).
    private let fieldIndexByKey: [String: Int]
    /// The same index, read by a key's bytes; nil when a name or alias is not ASCII.
    private let keyTable: KeySpellingTable?
    /// The directory of the configuration file these settings come from: the project root that relative
    /// paths (`url-local-missing`) are resolved in and never leave. Nil for the built-in default.
    public let projectRoot: String?
    /// The rules chosen on the command line (`--select`, `--ignore` and the like), kept for `copy()`.
    private let selection: RuleSelection

    public init(layer: ConfigurationLayer, selection: RuleSelection = RuleSelection(),
                projectRoot: String? = nil) throws(ConfigurationError) {
        self.layer = layer
        self.projectRoot = projectRoot
        self.selection = selection
        var rules: [ConfiguredRule] = []
        for type in RuleRegistry.all {
            let description = type.description
            let setting = layer.rules[description.id] ?? RuleSetting()
            var severity: Severity? = description.enabledByDefault ? description.defaultSeverity : nil
            if let level = setting.level { severity = level == .off ? nil : level.severity }
            if description.id == KeyUnknownRuleID, let level = layer.unknownKeys, setting.level == nil {
                severity = level.severity
            }
            severity = selection.apply(to: description, severity: severity)
            guard var severity else {
                // A rule that is off is still configured, so a wrong option value is reported now rather
                // than on the day someone turns the rule on.
                if !setting.options.isEmpty { _ = try type.init(options: RuleOptions(setting.options)) }
                continue
            }
            if let cap = layer.severityCap { severity = min(severity, cap) }
            rules.append(ConfiguredRule(rule: try type.init(options: RuleOptions(setting.options)),
                                        id: description.id, severity: severity,
                                        reportsSchemaViolationsOnly: type.reportsSchemaViolationsOnly))
        }
        self.rules = rules
        let severities = Dictionary(rules.map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
        self.severities = severities
        self.suppressionInvalidSeverity = severities[Suppressions.invalidRuleID]
        self.suppressionUnusedSeverity = severities[Suppressions.unusedRuleID]
        let fields = layer.fieldOrder.compactMap { name in layer.fields[name].map { (name: name, schema: $0) } }
        var index: [String: Int] = [:]
        for (position, field) in fields.enumerated() {
            for spelling in [field.name] + (field.schema.aliases ?? []) {
                index[spelling] = position
                index[spelling.lowercased()] = index[spelling.lowercased()] ?? position
            }
        }
        self.fields = fields.map { (name: $0.name, plan: SchemaPlan($0.schema)) }
        self.fieldIndexByKey = index
        self.keyTable = KeySpellingTable(index)
        let requiredFields = fields.filter { $0.schema.isRequired }.map(\.name)
        self.requiredFields = requiredFields
        self.requiredPositions = fields.map { requiredFields.firstIndex(of: $0.name) }
        self.allRequiredFieldsPresent = [Bool](repeating: true, count: requiredFields.count)
    }

    /// The same settings compiled again: their own rules, field plans and tables, sharing only the
    /// configuration they come from, for a lint thread to use alone (see `WindowQueue`). The same
    /// configuration compiles the same way, so this cannot fail; if it did, the settings would be shared.
    func copy() -> LintSettings {
        (try? LintSettings(layer: layer, selection: selection, projectRoot: projectRoot)) ?? self
    }

    /// `SchemaReport.requiredFieldsPresent` from bits: bit `p` is set when `requiredFields[p]` is present.
    /// There must be at most 64 required fields.
    func requiredFieldsPresent(_ bits: UInt64) -> [Bool] {
        let count = requiredFields.count
        if bits == (count == 64 ? .max : (1 << UInt64(count)) - 1) { return allRequiredFieldsPresent }
        return (0..<count).map { bits >> UInt64($0) & 1 != 0 }
    }

    /// The canonical field a key stands for: exact name or alias first, then case-insensitively, as Hugo
    /// compares keys.
    public func field(forKey key: String) -> String? {
        fieldIndex(forKey: key).map { fields[$0].name }
    }

    /// The position in `fields` of the field a key stands for (looked up as `field(forKey:)` does).
    func fieldIndex(forKey key: String) -> Int? {
        withUTF8Bytes(key) { fieldIndex(forKey: $0) }
    }

    /// `fieldIndex(forKey:)` of the key whose UTF-8 bytes are `bytes`, read in place from the front matter.
    func fieldIndex(forKey bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if let keyTable {
            // Only an ASCII key finds a spelling in the table, so most keys, which are fields, are not
            // scanned for other bytes: only a key the table does not know is, to be looked up as a
            // `String` when it is not ASCII.
            if let value = keyTable.value(forKey: bytes) { return value }
            if !bytes.contains(where: { $0 >= 0x80 }) { return nil }
        }
        let key = String(decoding: bytes, as: UTF8.self)
        return fieldIndexByKey[key] ?? fieldIndexByKey[key.lowercased()]
    }
}

/// A rule ready to run: configured once, with its id copied out of its description (reading a static
/// description on every file costs a copy of all its documentation) and its severity.
public struct ConfiguredRule: Sendable {
    public let rule: any Rule
    public let id: String
    public let severity: Severity
    /// Whether the rule only reports its share of the schema validator's findings (`SchemaReporting`): it
    /// has nothing to report about a file in which the validator found nothing.
    let reportsSchemaViolationsOnly: Bool
}

/// The id `unknown-keys:` in the configuration is shorthand for.
let KeyUnknownRuleID = "key-unknown"

/// `--select` and `--ignore` from the command line: which rules run, whatever the configuration says.
public struct RuleSelection: Sendable {
    /// When non-empty, only these rules (ids or tags) run; rules that are off by default are turned on.
    public var select: [String] = []
    /// These rules (ids or tags) never run.
    public var ignore: [String] = []
    /// These rules run as well, even when off by default or not selected (`--report-unused-suppressions`).
    public var enable: [String] = []

    public init(select: [String] = [], ignore: [String] = [], enable: [String] = []) {
        self.select = select
        self.ignore = ignore
        self.enable = enable
    }

    func apply(to description: RuleDescription, severity: Severity?) -> Severity? {
        func names(_ list: [String]) -> Bool {
            list.contains(description.id) || list.contains { description.tags.contains($0) }
        }
        if names(ignore) { return nil }
        if names(enable) { return severity ?? description.defaultSeverity }
        if !select.isEmpty {
            return names(select) ? (severity ?? description.defaultSeverity) : nil
        }
        return severity
    }

    /// Checks every name against the registry; an unknown one is an error with a did-you-mean.
    public func validate() throws(ConfigurationError) {
        let known = Set(RuleRegistry.ids + RuleRegistry.tags)
        for name in select + ignore + enable where !known.contains(name) {
            throw ConfigurationError("unknown rule `\(name)`\(DidYouMean.phrase(name, from: known.sorted()))",
                                     help: "`frontlint rules` lists them")
        }
    }
}
