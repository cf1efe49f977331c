/// A node of a configuration file, with the file it came from, so that every configuration error can be
/// reported with file, line and column.
public struct ConfigNode: Sendable {
    public let document: YAMLDocument
    public let id: NodeID
    /// The configuration file's path, or `<preset NAME>` for a built-in preset.
    public let file: String

    public init(document: YAMLDocument, id: NodeID, file: String) {
        self.document = document
        self.id = id
        self.file = file
    }

    public var range: SourceRange { document.range(of: id) }

    public var scalar: YAMLScalar? { document.scalar(id) }

    /// The scalar's value, or nil when the node is not a scalar.
    public var string: String? { scalar?.value }

    public var isMapping: Bool { document.entries(id) != nil }
    public var isSequence: Bool { document.items(id) != nil }

    /// The entries of a mapping, with keys as text; complex keys are reported as errors.
    public func entries() throws(ConfigurationError) -> [(key: String, keyNode: ConfigNode, value: ConfigNode)] {
        guard let entries = document.entries(id) else {
            throw error("expected a mapping (`key: value` lines), found \(kindName)")
        }
        var result: [(key: String, keyNode: ConfigNode, value: ConfigNode)] = []
        result.reserveCapacity(entries.count)
        for entry in entries {
            let keyNode = ConfigNode(document: document, id: entry.key, file: file)
            guard let key = document.keyText(entry) else {
                throw keyNode.error("expected a text key, found \(keyNode.kindName)")
            }
            result.append((key, keyNode, ConfigNode(document: document, id: entry.value, file: file)))
        }
        return result
    }

    /// The items of a sequence; a single scalar counts as a one-item list when `allowScalar` is true.
    public func items(allowScalar: Bool = false) throws(ConfigurationError) -> [ConfigNode] {
        if let items = document.items(id) {
            return items.map { ConfigNode(document: document, id: $0, file: file) }
        }
        if allowScalar && scalar != nil { return [self] }
        throw error("expected a list, found \(kindName)")
    }

    public func stringValue() throws(ConfigurationError) -> String {
        guard let scalar else { throw error("expected text, found \(kindName)") }
        return scalar.value
    }

    public func stringList(allowScalar: Bool = true) throws(ConfigurationError) -> [String] {
        var result: [String] = []
        for item in try items(allowScalar: allowScalar) { result.append(try item.stringValue()) }
        return result
    }

    public func bool() throws(ConfigurationError) -> Bool {
        if let scalar, scalar.isPlainUntagged {
            switch scalar.value {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        throw error("expected `true` or `false`, found \(describe)")
    }

    public func integer() throws(ConfigurationError) -> Int {
        if let scalar, scalar.isPlainUntagged, let value = Int(scalar.value) { return value }
        throw error("expected a whole number, found \(describe)")
    }

    public func number() throws(ConfigurationError) -> Double {
        if let scalar, scalar.isPlainUntagged, let value = Double(scalar.value) { return value }
        throw error("expected a number, found \(describe)")
    }

    /// `kind` of node in words, for messages.
    public var kindName: String {
        guard let resolvedID = document.resolved(id) else { return "an undefined alias" }
        switch document[resolvedID].kind {
        case .scalar: return "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    /// The node as it would be quoted in a message.
    public var describe: String {
        if let scalar { return "`\(scalar.value)`" }
        return kindName
    }

    public func error(_ message: String, help: String? = nil) -> ConfigurationError {
        ConfigurationError(message, file: file, position: range.start, help: help)
    }
}

/// A configuration frontlint cannot use: exit code 2, with file, line and column where known.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var file: String?
    public var position: Position?
    public var help: String?

    public init(_ message: String, file: String? = nil, position: Position? = nil, help: String? = nil) {
        self.message = message
        self.file = file
        self.position = position
        self.help = help
    }

    public var description: String {
        var text = ""
        if let file {
            text += file
            if let position { text += ":\(position.line):\(position.column)" }
            text += ": "
        }
        text += message
        if let help { text += " (\(help))" }
        return text
    }
}
