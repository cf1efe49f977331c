/// Every rule frontlint has. A test fails when a rule type is missing here.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        // Files and front matter as a whole
        FileUnreadableRule.self,
        FrontMatterMissingRule.self,
        FrontMatterUnterminatedRule.self,
        FrontMatterFormatRule.self,
        // YAML
        YAMLSyntaxRule.self,
        KeyDuplicateRule.self,
        // Fields
        FieldRequiredRule.self,
        // Headings
        HeadingIncrementRule.self,
        HeadingTitleH1Rule.self,
        HeadingEmptyRule.self,
        HeadingDuplicateRule.self,
        HeadingStyleRule.self,
        HeadingTrailingPunctuationRule.self,
        HeadingMaxDepthRule.self,
    ]

    public static let ids: [String] = all.map { $0.description.id }

    public static let tags: [String] = Array(Set(all.flatMap { $0.description.tags })).sorted()

    private static let byID: [String: RuleDescription] = Dictionary(uniqueKeysWithValues: all.map { ($0.description.id, $0.description) })

    public static func description(of id: String) -> RuleDescription? { byID[id] }
}
