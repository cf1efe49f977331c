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
        /// A file's directory, as written in its path, → the configuration that applies there.
        var byDirectory: [String: (key: String, configuration: Configuration)] = [:]
        var configurations: [String: Configuration] = [:]
        var settings: [SettingsKey: LintSettings] = [:]
        /// The directory asked about last and its answer: files and walked entries come directory by
        /// directory, so this spares hashing the path for most of them.
        var last: (directory: String, found: (key: String, configuration: Configuration))?
    }

    /// The built-in default, loaded once.
    private static let defaultConfiguration = ConfigurationLoader.defaultConfiguration()

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
        let (key, configuration) = try self.configuration(forFile: filePath)
        // Without overrides every file of a configuration shares one settings object: no path arithmetic.
        var relative: String?
        var overrides: [Int] = []
        if !configuration.overrides.isEmpty {
            let path = configuration.relativePath(of: filePath)
            relative = path
            overrides = configuration.matchingOverrides(forRelativePath: path)
        }
        let settingsKey = SettingsKey(configPath: key, overrides: overrides)
        if let cached = state.withLock({ $0.settings[settingsKey] }) {
            return Resolved(configuration: configuration, settings: cached)
        }
        let layer = relative.map { configuration.layer(forRelativePath: $0) } ?? configuration.base
        let settings = try LintSettings(layer: layer, selection: selection,
                                        projectRoot: configuration.path == nil ? nil : PathNames.absolute(configuration.directory))
        state.withLock { $0.settings[settingsKey] = settings }
        return Resolved(configuration: configuration, settings: settings)
    }

    /// Whether a walked file or directory is excluded by the `exclude` globs of its configuration.
    public func isExcluded(path: String, isDirectory: Bool) throws(ConfigurationError) -> Bool {
        let configuration = try self.configuration(forFile: isDirectory ? path + "/_" : path).configuration
        guard !configuration.exclude.isEmpty else { return false }
        let relative = configuration.relativePath(of: path)
        return configuration.exclude.contains { $0.matchesSelfOrAncestor(relative, isDirectory: isDirectory) }
    }

    /// The configuration for a file, cached by the directory part of its path as written.
    private func configuration(forFile filePath: String) throws(ConfigurationError) -> (key: String, configuration: Configuration) {
        if let explicitConfiguration { return (explicitConfiguration.path ?? "<explicit>", explicitConfiguration) }
        // The directory part, found on bytes (a `Character` search would break graphemes along the path).
        var path = filePath
        let directory = path.withUTF8 { bytes in
            bytes.lastIndex(of: UInt8(ascii: "/")).map { String(decoding: bytes[..<$0], as: UTF8.self) } ?? "."
        }
        let cached = state.withLock { state -> (key: String, configuration: Configuration)? in
            if let last = state.last, last.directory == directory { return last.found }
            let found = state.byDirectory[directory]
            if let found { state.last = (directory, found) }
            return found
        }
        if let cached { return cached }
        let found: (key: String, configuration: Configuration)
        if let path = ConfigLocator.shared.configFile(forDirectory: directory.isEmpty ? "/" : directory) {
            found = (path, try loadConfiguration(path: path))
        } else {
            found = ("<default>", Self.defaultConfiguration)
        }
        state.withLock { $0.byDirectory[directory] = found }
        return found
    }

    private func loadConfiguration(path: String) throws(ConfigurationError) -> Configuration {
        if let cached = state.withLock({ $0.configurations[path] }) { return cached }
        let configuration = try ConfigurationLoader.load(path: path)
        state.withLock { $0.configurations[path] = configuration }
        return configuration
    }

}
