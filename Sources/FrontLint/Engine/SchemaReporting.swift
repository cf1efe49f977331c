/// A rule that reports its share of what the schema validator found in a file (`LintContext.schemaReport`):
/// the validator walks the front matter once, and each rule picks the violations tagged with its id.
public protocol SchemaReporting {}

extension SchemaReporting where Self: Rule {
    public static var reportsSchemaViolationsOnly: Bool { true }

    public func check(_ file: LintContext) -> [Finding] {
        // Most files have nothing to report: the report and the rule's id, read from its static description,
        // are only needed when something was found.
        guard file.schemaReportHasViolations else { return [] }
        return file.schemaReport.findings(for: Self.description.id)
    }
}
