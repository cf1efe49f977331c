/// A rule's options as written in the configuration, read with typed accessors that report a wrong value
/// at its position. Unknown option names never get this far: the configuration loader rejects them.
public struct RuleOptions: Sendable {
    public var values: [String: ConfigNode]

    public init(_ values: [String: ConfigNode] = [:]) {
        self.values = values
    }

    public func string(_ name: String, default value: String) throws(ConfigurationError) -> String {
        try values[name]?.stringValue() ?? value
    }

    public func bool(_ name: String, default value: Bool) throws(ConfigurationError) -> Bool {
        try values[name]?.bool() ?? value
    }

    public func integer(_ name: String, default value: Int) throws(ConfigurationError) -> Int {
        try values[name]?.integer() ?? value
    }

    public func strings(_ name: String, default value: [String]) throws(ConfigurationError) -> [String] {
        try values[name]?.stringList() ?? value
    }

    /// A value that must be one of `choices`.
    public func choice(_ name: String, of choices: [String], default value: String) throws(ConfigurationError) -> String {
        guard let node = values[name] else { return value }
        let text = try node.stringValue()
        guard choices.contains(text) else {
            throw node.error("`\(text)` is not a value of `\(name)`\(DidYouMean.phrase(text, from: choices))",
                             help: "choose one of " + choices.joined(separator: ", "))
        }
        return text
    }
}
