/// Every rule frontlint has. A test fails when a rule type is missing here.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        // Files and front matter as a whole
        FileUnreadableRule.self,
        FileEncodingRule.self,
        FrontMatterMissingRule.self,
        FrontMatterUnterminatedRule.self,
        FrontMatterFormatRule.self,
        // YAML
        YAMLSyntaxRule.self,
        KeyDuplicateRule.self,
        YAMLAmbiguousScalarRule.self,
        // Fields
        FieldRequiredRule.self,
        KeyUnknownRule.self,
        FieldTypeRule.self,
        FieldEnumRule.self,
        FieldPatternRule.self,
        FieldLengthRule.self,
        FieldRangeRule.self,
        FieldFormatRule.self,
        FieldDeprecatedRule.self,
        // Dates
        DateFormatRule.self,
        DateSuspiciousRule.self,
        DateOrderRule.self,
        DateFutureRule.self,
        // URLs
        URLInvalidRule.self,
        URLSchemeRule.self,
        URLInsecureRule.self,
        URLLocalMissingRule.self,
        // Lists
        ListDuplicateRule.self,
        ListEmptyItemRule.self,
        // Suppression comments (checked by the engine after the rules, see Suppressions)
        SuppressionInvalidRule.self,
        SuppressionUnusedRule.self,
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
