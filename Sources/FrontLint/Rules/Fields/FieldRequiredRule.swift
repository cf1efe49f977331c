/// `field-required`: fields the schema marks `required: true` must be present.
public struct FieldRequiredRule: SimpleRule {
    public static let description = RuleDescription(
        id: "field-required",
        summary: "Fields marked `required` must be present",
        tags: ["fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                That every field with `required: true` in the configuration's `fields` is present in the front \
                matter, under its name, one of its `aliases`, or any capitalisation of them (Hugo compares keys \
                case-insensitively), and every property marked `required` inside a field's `properties` when the \
                field is a mapping. A missing field is reported at the opening `---` line, with its name; a missing \
                property at the mapping that lacks it. Files \
                without front matter are left to `front-matter-missing`, and front matter that does not parse \
                to `yaml-syntax`.
                """,
            whyItMatters: """
                Hugo builds a page without a title or date without complaint: it shows up untitled in lists and \
                feeds, or sorted as if written in year 1.
                """,
            example: "---\ndate: 2025-02-13\n---\n",
            useInstead: "---\ntitle: Apple and Alibaba\ndate: 2025-02-13\n---\n"),
        triggering: [
            RuleExample("↓---\ndate: 2025-02-13\n---\n", configuration: "fields:\n  title: {required: true}\n"),
            RuleExample("↓---\n---\n", configuration: "fields:\n  title: {required: true}\n"),
            RuleExample("---\nthumbnail: ↓{visibility: [list]}\n---\n",
                        configuration: "fields:\n  thumbnail: {properties: {src: {required: true}, visibility: {}}}\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: Hello\n---\n", configuration: "fields:\n  title: {required: true}\n"),
            RuleExample("---\nTitle: Hello\n---\n", configuration: "fields:\n  title: {required: true}\n"),
            RuleExample("---\npubdate: 2025-01-01\n---\n",
                        configuration: "fields:\n  publishDate: {required: true, aliases: [pubdate]}\n"),
            RuleExample("No front matter: another rule's business.\n", configuration: "fields:\n  title: {required: true}\n"),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] {
        guard let document = file.document, document.problems.isEmpty else { return [] }
        let report = file.schemaReport
        // Required properties of nested mappings are found by the schema validator.
        let nested = report.findings(for: Self.description.id)
        let required = file.settings.requiredFields
        guard !required.isEmpty else { return nested }
        // The validator looks every key up anyway, and notes the required fields it meets.
        let present = report.requiredFieldsPresent
        let missing = required.indices.filter { $0 >= present.count || !present[$0] }
        return missing.map { required[$0] }.map { name in
            Finding("required field `\(name)` is missing", help: "add `\(name): …` to the front matter",
                    at: file.openingRange)
        } + nested
    }
}
