/// A `pattern` keyword: a regular expression compiled once, when the configuration is loaded.
public struct SchemaPattern: @unchecked Sendable {
    // Regex values are immutable; matching from several threads is safe.
    public let source: String
    let regex: Regex<AnyRegexOutput>

    public init(_ source: String) throws {
        self.source = source
        self.regex = try Regex(source)
    }

    /// Whether the pattern matches somewhere in `text` (JSON Schema patterns are not anchored).
    public func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }
}
