/// Reads `.frontlint.yml` files and the built-in presets into `Configuration`s.
///
/// Configuration files are read with the same libyaml loader as front matter, so every mistake in one is
/// reported with file, line and column.
public enum ConfigurationLoader {
        static let topLevelKeys = ["extends", "require-front-matter", "unknown-keys", "fields", "exclude", "rules", "overrides", "severity"]
    static let overrideKeys = ["files", "require-front-matter", "unknown-keys", "fields", "rules", "severity"]

    /// Loads a configuration file from disk.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path)
        } catch {
            throw ConfigurationError("cannot read configuration file: \(error)", file: path)
        }
        return try load(source: SourceFile(path: path, bytes: bytes), directory: directoryOf(path))
    }

    /// The configuration that applies when no configuration file is found: the `default` preset.
    public static func defaultConfiguration(directory: String = ".") -> Configuration {
        // The built-in presets are tested to load; a failure here is a bug in frontlint itself.
        do {
            return try load(source: SourceFile(path: "<preset default>", text: "extends: [default]\n"), directory: directory)
        } catch {
            fatalError("built-in preset `default` does not load: \(error)")
        }
    }

    /// Loads a configuration from text, e.g. a rule example's configuration or a test's.
    public static func load(source: SourceFile, directory: String) throws(ConfigurationError) -> Configuration {
        try load(source: source, directory: directory, presets: Presets.source(named:))
    }

    /// `presets` gives a preset's text by name: the built-in ones, or a test's (to reach the cycle check,
    /// which the built-in presets never trigger).
    static func load(source: SourceFile, directory: String,
                     presets: (String) -> String?) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration(path: source.path.hasPrefix("<") ? nil : source.path, directory: directory)
        var visiting: [String] = []
        try apply(source: source, to: &configuration, visiting: &visiting, isPreset: false, presets: presets)
        return configuration
    }

    private static func apply(source: SourceFile, to configuration: inout Configuration,
                              visiting: inout [String], isPreset: Bool,
                              presets: (String) -> String?) throws(ConfigurationError) {
        let document = YAMLLoader().load(source)
        if let problem = document.problems.first {
            throw ConfigurationError(problem.message, file: source.path, position: problem.range.start, help: problem.help)
        }
        guard let root = document.root else { return }  // an empty file is a valid, empty configuration
        let rootNode = ConfigNode(document: document, id: root, file: source.path)
        if let duplicate = document.duplicateKeys.first {
            let node = ConfigNode(document: document, id: duplicate.duplicate, file: source.path)
            throw node.error("`\(duplicate.key)` is set twice", help: "first set on line \(document.range(of: duplicate.first).start.line)")
        }
        let entries = try rootNode.entries()

        // Presets first, so that this file's own settings win.
        if let extends = entries.first(where: { $0.key == "extends" }) {
            for item in try extends.value.items(allowScalar: true) {
                let name = try item.stringValue()
                guard let text = presets(name) else {
                    // `extends: [.frontlint.yml]`, a config naming itself or another file, is the likely slip.
                    let namesFile = name.contains("/") || name.hasSuffix(".yml") || name.hasSuffix(".yaml")
                    throw item.error("unknown preset `\(name)`\(DidYouMean.phrase(name, from: Presets.names))",
                                     help: (namesFile ? "`extends` names built-in presets, never a file (this one included); " : "")
                                         + "presets are " + Presets.names.joined(separator: ", "))
                }
                if visiting.contains(name) {
                    throw item.error("preset `\(name)` extends itself: " + (visiting + [name]).joined(separator: " → "))
                }
                if configuration.presets.contains(name) { continue }
                visiting.append(name)
                try apply(source: SourceFile(path: "<preset \(name)>", text: text), to: &configuration,
                          visiting: &visiting, isPreset: true, presets: presets)
                visiting.removeLast()
                configuration.presets.append(name)
            }
        }

        var layer = ConfigurationLayer()
        for (key, keyNode, value) in entries {
            switch key {
            case "extends":
                break
            case "exclude":
                for item in try value.items(allowScalar: true) {
                    configuration.exclude.append(try glob(item))
                }
            case "overrides":
                for item in try value.items() {
                    configuration.overrides.append(try parseOverride(item))
                }
            default:
                guard try parseLayerKey(key, keyNode: keyNode, value: value, into: &layer) else {
                    throw keyNode.error("unknown configuration key `\(key)`\(DidYouMean.phrase(key, from: topLevelKeys))",
                                        help: "keys are " + topLevelKeys.joined(separator: ", "))
                }
            }
        }
        configuration.base = configuration.base.merged(with: layer)
    }

    private static func parseOverride(_ node: ConfigNode) throws(ConfigurationError) -> ConfigurationOverride {
        var files: [Glob] = []
        var layer = ConfigurationLayer()
        var sawFiles = false
        for (key, keyNode, value) in try node.entries() {
            if key == "files" {
                sawFiles = true
                for item in try value.items(allowScalar: true) { files.append(try glob(item)) }
            } else if try !parseLayerKey(key, keyNode: keyNode, value: value, into: &layer) {
                throw keyNode.error("unknown override key `\(key)`\(DidYouMean.phrase(key, from: overrideKeys))",
                                    help: "an override takes " + overrideKeys.joined(separator: ", "))
            }
        }
        guard sawFiles else { throw node.error("an override needs `files:`, the globs it applies to") }
        return ConfigurationOverride(files: files, layer: layer)
    }

    /// Parses a key that both the top level and overrides accept; returns false for an unknown key.
    private static func parseLayerKey(_ key: String, keyNode: ConfigNode, value: ConfigNode,
                                      into layer: inout ConfigurationLayer) throws(ConfigurationError) -> Bool {
        switch key {
        case "require-front-matter":
            layer.requireFrontMatter = try value.bool()
        case "unknown-keys":
            layer.unknownKeys = try level(value)
        case "severity":
            let text = try value.stringValue()
            guard let cap = Severity(rawValue: text) else {
                throw value.error("unknown severity `\(text)`\(DidYouMean.phrase(text, from: Severity.allCases.map(\.rawValue)))",
                                  help: "`severity: warning` reports every error in these files as a warning")
            }
            layer.severityCap = cap
        case "fields":
            for (name, schema) in try SchemaParser.parseFields(value) {
                if let existing = layer.fields[name] {
                    layer.fields[name] = existing.merged(with: schema)
                } else {
                    layer.fields[name] = schema
                    layer.fieldOrder.append(name)
                }
            }
        case "rules":
            for (id, idNode, setting) in try value.entries() {
                guard RuleRegistry.description(of: id) != nil else {
                    throw idNode.error("unknown rule `\(id)`\(DidYouMean.phrase(id, from: RuleRegistry.ids))",
                                       help: "`frontlint rules` lists them")
                }
                layer.rules[id] = try ruleSetting(id: id, node: setting)
            }
        default:
            return false
        }
        return true
    }

    static func level(_ node: ConfigNode) throws(ConfigurationError) -> RuleLevel {
        // `false` means off too: people write `rule: false`.
        if let scalar = node.scalar, scalar.isPlainUntagged, scalar.value == "false" { return .off }
        let text = try node.stringValue()
        guard let level = RuleLevel(rawValue: text) else {
            throw node.error("unknown level `\(text)`\(DidYouMean.phrase(text, from: RuleLevel.allCases.map(\.rawValue)))",
                             help: "use off, warning or error")
        }
        return level
    }

    /// `RULE: off|warning|error` or `RULE: {severity: …, OPTION: …}`.
    static func ruleSetting(id: String, node: ConfigNode) throws(ConfigurationError) -> RuleSetting {
        if node.scalar != nil { return RuleSetting(level: try level(node)) }
        let description = RuleRegistry.description(of: id)!
        var setting = RuleSetting()
        let optionNames = description.options.map(\.name)
        for (key, keyNode, value) in try node.entries() {
            if key == "severity" || key == "level" {
                setting.level = try level(value)
            } else if optionNames.contains(key) {
                setting.options[key] = value
            } else {
                let known = ["severity"] + optionNames
                throw keyNode.error("rule `\(id)` has no option `\(key)`\(DidYouMean.phrase(key, from: known))",
                                    help: optionNames.isEmpty ? "it takes only `severity`" : "its options are " + known.joined(separator: ", "))
            }
        }
        return setting
    }

    static func glob(_ node: ConfigNode) throws(ConfigurationError) -> Glob {
        let pattern = try node.stringValue()
        do {
            return try Glob(pattern)
        } catch {
            throw node.error(error.description)
        }
    }

    static func directoryOf(_ path: String) -> String {
        PathNames.parent(PathNames.absolute(path))
    }
}
