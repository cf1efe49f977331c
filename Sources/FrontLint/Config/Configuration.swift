/// How a rule is set in the configuration: off, or on at a severity.
public enum RuleLevel: String, Sendable, CaseIterable {
    case off, warning, error

    public var severity: Severity? {
        switch self {
        case .off: return nil
        case .warning: return .warning
        case .error: return .error
        }
    }
}

/// A rule's entry under `rules:`: its level and its options, as written.
public struct RuleSetting: Sendable {
    public var level: RuleLevel?
    public var options: [String: ConfigNode]

    public init(level: RuleLevel? = nil, options: [String: ConfigNode] = [:]) {
        self.level = level
        self.options = options
    }

    /// `other` wins where it says something.
    func merged(with other: RuleSetting) -> RuleSetting {
        RuleSetting(level: other.level ?? level, options: options.merging(other.options) { _, new in new })
    }
}

/// The settings that can be given for the whole site and again for some files under `overrides`.
public struct ConfigurationLayer: Sendable {
    public var requireFrontMatter: Bool?
    public var unknownKeys: RuleLevel?
    public var fields: [String: FieldSchema] = [:]
    /// Field names in the order they were first defined.
    public var fieldOrder: [String] = []
    public var rules: [String: RuleSetting] = [:]
    /// `severity:` the most serious level any rule reports at for these files (`warning` turns every error
    /// into a warning, e.g. for drafts).
    public var severityCap: Severity?

    public init() {}

    /// `other`'s settings win; fields merge keyword by keyword.
    public func merged(with other: ConfigurationLayer) -> ConfigurationLayer {
        var result = self
        if let v = other.requireFrontMatter { result.requireFrontMatter = v }
        if let v = other.unknownKeys { result.unknownKeys = v }
        if let v = other.severityCap { result.severityCap = v }
        for name in other.fieldOrder {
            guard let schema = other.fields[name] else { continue }
            if let existing = result.fields[name] {
                result.fields[name] = existing.merged(with: schema)
            } else {
                result.fields[name] = schema
                result.fieldOrder.append(name)
            }
        }
        for (id, setting) in other.rules {
            result.rules[id] = result.rules[id].map { $0.merged(with: setting) } ?? setting
        }
        return result
    }
}

/// Settings that apply only to files matching some globs.
public struct ConfigurationOverride: Sendable {
    public var files: [Glob]
    public var layer: ConfigurationLayer
}

/// A loaded configuration: a `.frontlint.yml` with the presets it extends merged in, or a preset alone.
public struct Configuration: Sendable {
    /// The configuration file, or nil for the built-in default.
    public var path: String?
    /// The directory globs are relative to.
    public var directory: String
    /// Presets this configuration extends, directly or through other presets, in merge order.
    public var presets: [String] = []
    public var base = ConfigurationLayer()
    public var exclude: [Glob] = []
    public var overrides: [ConfigurationOverride] = []

    public init(path: String?, directory: String) {
        self.path = path
        self.directory = directory
    }

    /// A file's path relative to this configuration's directory, as its globs are written; a path
    /// outside the directory stays absolute (and matches no relative glob).
    public func relativePath(of path: String) -> String {
        let absolute = PathNames.absolute(path)
        return PathNames.relative(absolute, to: PathNames.absolute(directory)) ?? absolute
    }

    /// The settings for one file: the base layer with every matching override applied in order.
    /// `relativePath` is the file's path relative to `directory`.
    public func layer(forRelativePath relativePath: String) -> ConfigurationLayer {
        var layer = base
        for override in overrides where override.files.contains(where: { $0.matchesSelfOrAncestor(relativePath) }) {
            layer = layer.merged(with: override.layer)
        }
        return layer
    }

    /// The indices of the overrides that apply, so settings can be cached per combination.
    public func matchingOverrides(forRelativePath relativePath: String) -> [Int] {
        overrides.indices.filter { overrides[$0].files.contains(where: { $0.matchesSelfOrAncestor(relativePath) }) }
    }
}
