/// `file-unreadable`: a file that was found but could not be read. Reported by the runner, not by a check
/// over the file's content, so that one bad file never stops the others from being linted.
public struct FileUnreadableRule: SimpleRule {
    public static let description = RuleDescription(
        id: "file-unreadable",
        summary: "A Markdown file that cannot be read is reported, and the run goes on",
        tags: ["files"],
        doc: RuleDoc(
            whatItChecks: """
                Files frontlint found (or was given) but could not read: permission denied, a broken symbolic \
                link, a symbolic link loop, a FIFO, socket or device, a file that disappeared between listing \
                and reading, or one larger than 512 MiB. The diagnostic is at line 1, column 1 and says why.
                """,
            whyItMatters: """
                A linter that skips what it cannot read gives a green check it did not earn. Reporting the file \
                as an error keeps the run honest while every other file is still linted.
                """,
            example: "content/post.md -> missing.md  (a broken symbolic link)",
            useInstead: "Fix the link or the permissions, or exclude the path in .frontlint.yml."),
        triggering: [],
        nonTriggering: [RuleExample("---\ntitle: readable\n---\n")])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] { [] }
}
