import Synchronization

/// Finds the configuration for each file and compiles its settings, once per configuration file and
/// combination of overrides: resolving a file's settings is a few dictionary look-ups after the first file
/// of its directory.
public final class ConfigurationResolver: Sendable {
    public struct Resolved: Sendable {
        public let configuration: Configuration
        public let settings: LintSettings
    }

    private let explicitConfiguration: Configuration?
    private let selection: RuleSelection
    private let state = Mutex(State())

    private struct State {
        var configurations: [String: Configuration] = [:]
        var settings: [SettingsKey: LintSettings] = [:]
    }

    private struct SettingsKey: Hashable {
        var configPath: String
        var overrides: [Int]
    }

    /// `configPath`, when given, applies to every file (`--config`); otherwise each file's configuration
    /// is discovered from its directory upward.
    public init(configPath: String?, selection: RuleSelection) throws(ConfigurationError) {
        try selection.validate()
        self.selection = selection
        self.explicitConfiguration = try configPath.map { path throws(ConfigurationError) in try ConfigurationLoader.load(path: path) }
    }

    /// The configuration and settings for a file (which need not exist: `--stdin-filename`).
    public func resolve(filePath: String) throws(ConfigurationError) -> Resolved {
        let configuration: Configuration
        let key: String
        if let explicitConfiguration {
            configuration = explicitConfiguration
            key = explicitConfiguration.path ?? "<explicit>"
        } else if let path = ConfigLocator.shared.configFile(for: filePath) {
            configuration = try loadConfiguration(path: path)
            key = path
        } else {
            configuration = ConfigurationLoader.defaultConfiguration()
            key = "<default>"
        }
        let relative = configuration.relativePath(of: filePath)
        let mask = configuration.matchingOverrides(forRelativePath: relative)
        let settingsKey = SettingsKey(configPath: key, overrides: mask)
        if let cached = state.withLock({ $0.settings[settingsKey] }) {
            return Resolved(configuration: configuration, settings: cached)
        }
        let settings = try LintSettings(layer: configuration.layer(forRelativePath: relative), selection: selection,
                                        projectRoot: configuration.path == nil ? nil : PathNames.absolute(configuration.directory))
        state.withLock { $0.settings[settingsKey] = settings }
        return Resolved(configuration: configuration, settings: settings)
    }

    /// Whether a walked file or directory is excluded by the `exclude` globs of its configuration.
    public func isExcluded(path: String, isDirectory: Bool) throws(ConfigurationError) -> Bool {
        let probe = isDirectory ? path + "/_" : path
        let configuration = try resolve(filePath: probe).configuration
        guard !configuration.exclude.isEmpty else { return false }
        let relative = configuration.relativePath(of: path)
        return configuration.exclude.contains { $0.matchesSelfOrAncestor(relative, isDirectory: isDirectory) }
    }

    private func loadConfiguration(path: String) throws(ConfigurationError) -> Configuration {
        if let cached = state.withLock({ $0.configurations[path] }) { return cached }
        let configuration = try ConfigurationLoader.load(path: path)
        state.withLock { $0.configurations[path] = configuration }
        return configuration
    }

}
