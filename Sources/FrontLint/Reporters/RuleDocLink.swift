/// Where a rule's documentation lives on the web. One scheme, kept here, so JSON, SARIF and every other
/// report link to the same place: `https://frontlint.dev/rules/<id>`.
public enum RuleDocLink {
    public static let homepage = "https://frontlint.dev"
    public static let rulesBase = homepage + "/rules/"

    public static func url(for ruleID: String) -> String {
        rulesBase + ruleID
    }
}
