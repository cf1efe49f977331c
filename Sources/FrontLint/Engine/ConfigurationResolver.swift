#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Finds the configuration for each file and compiles its settings, once per configuration file and
/// combination of overrides: resolving a file's settings is a few dictionary look-ups after the first file
/// of its directory.
public final class ConfigurationResolver: Sendable {
    public struct Resolved: Sendable {
        public let configuration: Configuration
        public let settings: LintSettings
    }

    private let selection: RuleSelection
    /// `--config`: the one configuration of every file.
    private let explicitEntry: Entry?
    private let state = Mutex(State())

    /// One configuration, with what every file under it shares. Handed out by reference: a look-up costs
    /// one retain, not a copy of the configuration (a large struct of arrays and dictionaries).
    private final class Entry: Sendable {
        /// The settings cache key: the configuration file's path, `<default>` or `<explicit>`.
        let key: String
        let configuration: Configuration
        /// Whether `exclude` has any glob: when not (most configurations), exclusion is decided here.
        let hasExclusions: Bool
        let hasOverrides: Bool
        /// The settings of every file under this configuration when it has no overrides, once compiled.
        let plainSettings = Mutex<LintSettings?>(nil)

        init(key: String, configuration: Configuration) {
            self.key = key
            self.configuration = configuration
            self.hasExclusions = !configuration.exclude.isEmpty
            self.hasOverrides = !configuration.overrides.isEmpty
        }
    }

    private struct State {
        /// A directory, as written in the paths asked about, → the configuration that applies there.
        var byDirectory: [String: Entry] = Dictionary(minimumCapacity: 64)
        /// Loaded configurations, by `Entry.key`.
        var entries: [String: Entry] = [:]
        /// Settings of files matched by overrides, by configuration and the overrides that match.
        var settings: [SettingsKey: LintSettings] = [:]
        /// The directory asked about last, as bytes, and its answer: files and walked entries come
        /// directory by directory, so most questions are answered by comparing bytes, with no string
        /// built and nothing hashed.
        var lastDirectory: [UInt8] = []
        var lastEntry: Entry?
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
        self.explicitEntry = try configPath.map { path throws(ConfigurationError) in
            let configuration = try ConfigurationLoader.load(path: path)
            return Entry(key: configuration.path ?? "<explicit>", configuration: configuration)
        }
    }

    /// The configuration and settings for a file (which need not exist: `--stdin-filename`).
    public func resolve(filePath: String) throws(ConfigurationError) -> Resolved {
        let entry = try self.entry(forPath: filePath, isDirectory: false)
        return Resolved(configuration: entry.configuration, settings: try settings(forFile: filePath, under: entry))
    }

    /// The settings for a file: `resolve(filePath:).settings` without the copy of its configuration; and
    /// whether every file of its directory (as written in its path) has the same, as it does when the
    /// configuration has no overrides.
    func settings(forFile filePath: String) throws(ConfigurationError) -> (settings: LintSettings, sameForDirectory: Bool) {
        let entry = try entry(forPath: filePath, isDirectory: false)
        return (try settings(forFile: filePath, under: entry), !entry.hasOverrides)
    }

    private func settings(forFile filePath: String, under entry: Entry) throws(ConfigurationError) -> LintSettings {
        // Without overrides every file of a configuration shares one settings object: no path arithmetic.
        guard entry.hasOverrides else {
            if let cached = entry.plainSettings.withLock({ $0 }) { return cached }
            let settings = try compileSettings(SettingsKey(configPath: entry.key, overrides: []), entry.configuration.base, entry)
            entry.plainSettings.withLock { $0 = settings }
            return settings
        }
        let relative = entry.configuration.relativePath(of: filePath)
        let settingsKey = SettingsKey(configPath: entry.key, overrides: entry.configuration.matchingOverrides(forRelativePath: relative))
        if let cached = state.withLock({ $0.settings[settingsKey] }) { return cached }
        return try compileSettings(settingsKey, entry.configuration.layer(forRelativePath: relative), entry)
    }

    /// Compiles the settings for `key` once: a settings object made by another thread meanwhile is the one
    /// kept, so every file under the same configuration and overrides shares one.
    private func compileSettings(_ key: SettingsKey, _ layer: ConfigurationLayer, _ entry: Entry) throws(ConfigurationError) -> LintSettings {
        if let cached = state.withLock({ $0.settings[key] }) { return cached }
        let configuration = entry.configuration
        let settings = try LintSettings(layer: layer, selection: selection,
                                        projectRoot: configuration.path == nil ? nil : PathNames.absolute(configuration.directory))
        return state.withLock { state in
            if let raced = state.settings[key] { return raced }
            state.settings[key] = settings
            return settings
        }
    }

    /// Whether a walked file or directory is excluded by the `exclude` globs of its configuration (for a
    /// directory, the configuration that applies inside it).
    public func isExcluded(path: String, isDirectory: Bool) throws(ConfigurationError) -> Bool {
        let entry = try self.entry(forPath: path, isDirectory: isDirectory)
        guard entry.hasExclusions else { return false }
        let relative = entry.configuration.relativePath(of: path)
        return entry.configuration.exclude.contains { $0.matchesSelfOrAncestor(relative, isDirectory: isDirectory) }
    }

    /// Whether any file whose path is `prefix` followed by a name (a file directly in the directory
    /// `prefix` names, as `FileDiscovery` walks it) may be excluded: false when its configuration has no
    /// `exclude` globs, and then `isExcluded` would say false for each of them.
    func mayExcludeFiles(withPrefix prefix: String) throws(ConfigurationError) -> Bool {
        try entry(forPath: prefix + "_", isDirectory: false).hasExclusions
    }

    /// The configuration that applies in a file's directory (as written in its path: `.` when it has no
    /// `/`), or in a directory itself.
    private func entry(forPath path: String, isDirectory: Bool) throws(ConfigurationError) -> Entry {
        if let explicitEntry { return explicitEntry }
        // The directory part, found on bytes (a `Character` search would break graphemes along the path),
        // compared with the last one asked about before any string is made of it.
        let lookup = withUTF8Bytes(path) { bytes in
            Self.withDirectory(of: bytes, isDirectory: isDirectory) { directory -> (known: Entry?, bytes: [UInt8]) in
                let last = state.withLock { state -> Entry? in
                    guard let last = state.lastEntry, state.lastDirectory.count == directory.count else { return nil }
                    let same = state.lastDirectory.withUnsafeBufferPointer { lastBytes in
                        directory.isEmpty || memcmp(lastBytes.baseAddress!, directory.baseAddress!, directory.count) == 0
                    }
                    return same ? last : nil
                }
                return last.map { ($0, []) } ?? (nil, Array(directory))
            }
        }
        if let known = lookup.known { return known }

        let directoryBytes = lookup.bytes
        let directory = String(decoding: directoryBytes, as: UTF8.self)
        if let known = state.withLock({ state -> Entry? in
            guard let found = state.byDirectory[directory] else { return nil }
            state.lastDirectory = directoryBytes
            state.lastEntry = found
            return found
        }) {
            return known
        }
        let found: Entry
        if let configPath = ConfigLocator.shared.configFile(forDirectory: directory.isEmpty ? "/" : directory) {
            found = try loadEntry(configPath: configPath)
        } else {
            found = defaultEntry()
        }
        state.withLock { state in
            state.byDirectory[directory] = found
            state.lastDirectory = directoryBytes
            state.lastEntry = found
        }
        return found
    }

    /// Calls `body` with the directory part of `path`: all of it for a directory, the part before the last
    /// `/` for a file, `.` for a file name alone.
    private static func withDirectory<R>(of path: UnsafeBufferPointer<UInt8>, isDirectory: Bool,
                                         _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if isDirectory { return body(path) }
        guard let end = path.lastIndex(of: UInt8(ascii: "/")) else {
            let here: StaticString = "."
            return body(UnsafeBufferPointer(start: here.utf8Start, count: here.utf8CodeUnitCount))
        }
        return body(UnsafeBufferPointer(rebasing: path[..<end]))
    }

    private func defaultEntry() -> Entry {
        state.withLock { state in
            if let entry = state.entries["<default>"] { return entry }
            let entry = Entry(key: "<default>", configuration: Self.defaultConfiguration)
            state.entries["<default>"] = entry
            return entry
        }
    }

    private func loadEntry(configPath: String) throws(ConfigurationError) -> Entry {
        if let cached = state.withLock({ $0.entries[configPath] }) { return cached }
        let loaded = Entry(key: configPath, configuration: try ConfigurationLoader.load(path: configPath))
        return state.withLock { state in
            if let raced = state.entries[configPath] { return raced }
            state.entries[configPath] = loaded
            return loaded
        }
    }
}
