/// Text for `frontlint rules` and `frontlint explain`.
public enum RuleCatalog {
    /// One line per rule: id, default severity, on by default, summary.
    public static func table() -> String {
        let rules = RuleRegistry.all.map { $0.description }
        let idWidth = rules.map(\.id.count).max() ?? 0
        var out = pad("RULE", idWidth) + "  SEVERITY  DEFAULT  SUMMARY\n"
        for rule in rules {
            out += pad(rule.id, idWidth) + "  " + pad(rule.defaultSeverity.rawValue, 8) + "  "
                + pad(rule.enabledByDefault ? "on" : "off", 7) + "  " + rule.summary + "\n"
        }
        return out
    }

    public static func json() -> String {
        let items = RuleRegistry.all.map { $0.description }.map { rule in
            JSON.object([
                ("id", JSON.string(rule.id)),
                ("severity", JSON.string(rule.defaultSeverity.rawValue)),
                ("enabledByDefault", rule.enabledByDefault ? "true" : "false"),
                ("tags", "[" + rule.tags.map(JSON.string).joined(separator: ", ") + "]"),
                ("summary", JSON.string(rule.summary)),
                ("options", "[" + rule.options.map { JSON.object([("name", JSON.string($0.name)), ("default", JSON.string($0.defaultValue)), ("summary", JSON.string($0.summary))]) }.joined(separator: ", ") + "]"),
            ])
        }
        return "[\n  " + items.joined(separator: ",\n  ") + "\n]\n"
    }

    /// A rule's documentation in its fixed outline, as Markdown.
    public static func explain(_ rule: RuleDescription) -> String {
        var out = "# \(rule.id)\n\n\(rule.summary).\n\n"
        out += "Default: \(rule.enabledByDefault ? "on" : "off"), \(rule.defaultSeverity.rawValue). Tags: \(rule.tags.joined(separator: ", ")).\n\n"
        out += "## What it checks\n\n\(rule.doc.whatItChecks)\n\n"
        out += "## Why it matters\n\n\(rule.doc.whyItMatters)\n\n"
        out += "## Example\n\n```markdown\n\(rule.doc.example.trailingNewline)```\n\n"
        out += "## Use instead\n\n```markdown\n\(rule.doc.useInstead.trailingNewline)```\n\n"
        out += "## Options\n\n"
        if rule.options.isEmpty {
            out += "Only `severity` (`off`, `warning`, `error`), under `rules: {\(rule.id): …}` in .frontlint.yml.\n"
        } else {
            for option in rule.options {
                out += "- `\(option.name)` (default `\(option.defaultValue)`): \(option.summary)\n"
            }
            out += "\nSet them under `rules: {\(rule.id): {severity: …, OPTION: …}}` in .frontlint.yml.\n"
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

extension String {
    var trailingNewline: String { hasSuffix("\n") ? self : self + "\n" }
}
