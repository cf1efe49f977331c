/// The built-in presets from `rules/*.yml`, embedded in the binary so that an installed `frontlint` needs
/// no source tree.
public enum Presets {
    public static let names: [String] = embedded.map(\.name)

    private static let byName: [String: String] = Dictionary(uniqueKeysWithValues: embedded.map { ($0.name, $0.source) })

    /// The YAML text of a preset.
    public static func source(named name: String) -> String? { byName[name] }

    /// The first comment line of a preset, which says what it is.
    public static func summary(of name: String) -> String {
        guard let first = source(named: name)?.split(separator: "\n").first, first.hasPrefix("# ") else { return "" }
        let text = first.dropFirst(2)
        if let colon = text.firstIndex(of: ":") { return String(text[text.index(after: colon)...]).trimmingWhitespace() }
        return String(text)
    }
}
