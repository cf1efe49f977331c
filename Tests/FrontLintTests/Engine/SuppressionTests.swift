import Testing
@testable import FrontLint

/// Inline suppressions in every form, front matter and body.
@Suite struct SuppressionTests {
    let duplicate = "---\ntitle: x\ntitle: z\n---\n"

    func lint(_ text: String, enable: [String] = []) throws -> [String] {
        try Linter.lint(text: text, configuration: "fields:\n  title: {required: true}\n",
                        selection: RuleSelection(enable: enable))
            .diagnostics.map { "\($0.range.start) \($0.rule)" }
    }

    @Test func withoutSuppressionTheDuplicateIsReported() throws {
        #expect(try lint(duplicate) == ["3:1 key-duplicate"])
    }

    @Test func frontMatterDisableLine() throws {
        #expect(try lint("---\ntitle: x\ntitle: z # frontlint-disable-line key-duplicate\n---\n") == [])
        #expect(try lint("---\ntitle: x\ntitle: z # frontlint-disable-line yaml-syntax, key-duplicate -- reason\n---\n") == [])
        #expect(try lint("---\ntitle: x\ntitle: z # frontlint-disable-line yaml\n---\n") == [], "a tag names its rules")
        #expect(try lint("---\ntitle: x\ntitle: z # frontlint-disable-line\n---\n") == [], "no list: every rule")
        #expect(try lint("---\ntitle: x # frontlint-disable-line key-duplicate\ntitle: z\n---\n") == ["3:1 key-duplicate"],
                "another line is not suppressed")
        #expect(try lint("---\ntitle: x\ntitle: z # frontlint-disable-line yaml-syntax\n---\n") == ["3:1 key-duplicate"],
                "another rule is not suppressed")
    }

    @Test func frontMatterDisableNextLine() throws {
        #expect(try lint("---\ntitle: x\n# frontlint-disable-next-line key-duplicate\ntitle: z\n---\n") == [])
        #expect(try lint("---\n# frontlint-disable-next-line key-duplicate\ntitle: x\ntitle: z\n---\n") == ["4:1 key-duplicate"])
    }

    @Test func frontMatterDisableFile() throws {
        #expect(try lint("---\n# frontlint-disable-file key-duplicate\ntitle: x\ntitle: z\n---\n") == [])
        // No list: every rule, including one reported on the opening line.
        #expect(try lint("---\n# frontlint-disable-file\ndate: 2025-01-01\n---\n") == [])
        #expect(try lint("---\ndate: 2025-01-01\n---\n") == ["1:1 field-required"])
    }

    @Test func hashesThatAreNotCommentsDoNotSuppress() throws {
        #expect(try lint("---\ntitle: x\ntitle: \"y # frontlint-disable-line key-duplicate\"\n---\n") == ["3:1 key-duplicate"])
        #expect(try lint("---\ntitle: x\ntitle: 'y # frontlint-disable-line key-duplicate'\n---\n") == ["3:1 key-duplicate"])
        #expect(try lint("---\ntitle: x\ntitle: z#frontlint-disable-line key-duplicate\n---\n") == ["3:1 key-duplicate"])
        // An apostrophe inside a plain scalar does not open a quote.
        #expect(try lint("---\ntitle: x\ntitle: it's # frontlint-disable-line key-duplicate\n---\n") == [])
        #expect(try lint("---\ntitle: x\ntitle: 'it''s' # frontlint-disable-line key-duplicate\n---\n") == [])
    }

    @Test func crlfFrontMatter() throws {
        #expect(try lint("---\r\ntitle: x\r\ntitle: z # frontlint-disable-line key-duplicate\r\n---\r\n") == [])
        #expect(try lint("---\r\ntitle: x\r\n# frontlint-disable-next-line key-duplicate\r\ntitle: z\r\n---\r\n") == [])
    }

    @Test func bodyCommentsReachTheFrontMatterOnlyThroughDisableFile() throws {
        #expect(try lint(duplicate + "\n<!-- frontlint-disable-file key-duplicate -->\n") == [])
        #expect(try lint(duplicate + "\n<!-- frontlint-disable key-duplicate -->\n") == ["3:1 key-duplicate"],
                "a region starts where it is written")
    }

    // Body directives, checked against diagnostics placed by hand (no body rule is needed to test them).
    func filter(_ text: String, _ diagnostics: [(line: Int, rule: String)], enable: [String] = []) throws -> [String] {
        let source = SourceFile(path: "t.md", text: text)
        let settings = try LintSettings(layer: ConfigurationLayer(), selection: RuleSelection(enable: enable))
        let split = FrontMatterSplitter.split(source)
        let suppressions = Suppressions(source, split: split) {
            BlockScanner.scan(in: source, body: split.body, firstLine: split.bodyLine).htmlComments
        }
        let made = diagnostics.map {
            Diagnostic(rule: $0.rule, severity: .error, message: "m", range: SourceRange(at: source.startOfLine($0.line)))
        }
        return suppressions.filter(made, settings: settings).map { "\($0.range.start.line) \($0.rule)" }
    }

    @Test func bodyDisableAndEnable() throws {
        let text = """
            # Title
            <!-- frontlint-disable key-duplicate -->
            line 3
            <!-- frontlint-enable key-duplicate -->
            line 5
            <!-- frontlint-disable -->
            line 7
            <!-- frontlint-enable yaml-syntax -->
            line 9

            """
        let found = try filter(text, [(1, "key-duplicate"), (3, "key-duplicate"), (3, "yaml-syntax"), (5, "key-duplicate"),
                                      (7, "key-duplicate"), (7, "yaml-syntax"), (9, "yaml-syntax"), (9, "key-duplicate")])
        #expect(found == ["1 key-duplicate", "3 yaml-syntax", "5 key-duplicate", "9 yaml-syntax"])
    }

    @Test func bodyDisableNextLineAndFile() throws {
        let text = "Text\n  <!-- frontlint-disable-next-line yaml-syntax -->\nline 3\nline 4\n<!-- frontlint-disable-file field-required -->\n"
        let found = try filter(text, [(3, "yaml-syntax"), (4, "yaml-syntax"), (1, "field-required"), (3, "key-duplicate")])
        #expect(found == ["4 yaml-syntax", "3 key-duplicate"])
        // A comment over several lines: "next line" is the one after it ends.
        let multi = "<!--\nfrontlint-disable-next-line yaml-syntax\n-->\nline 4\n"
        #expect(try filter(multi, [(4, "yaml-syntax"), (2, "yaml-syntax")]) == ["2 yaml-syntax"])
    }

    @Test func commentsInCodeOrIndentedDoNotCount() throws {
        let fenced = "```markdown\n<!-- frontlint-disable-file -->\n```\n~~~~\n<!-- frontlint-disable-file -->\n~~~\n~~~~\nline 8\n"
        #expect(try filter(fenced, [(8, "yaml-syntax")]) == ["8 yaml-syntax"])
        #expect(try filter("Text\n\n    <!-- frontlint-disable-file -->\n", [(1, "yaml-syntax")]) == ["1 yaml-syntax"])
        #expect(try filter("Text <!-- frontlint-disable-file -->\n", [(1, "yaml-syntax")]) == ["1 yaml-syntax"],
                "only comments that start a line")
        // After the fence closes, comments count again.
        #expect(try filter("```\ncode\n```\n<!-- frontlint-disable-file -->\n", [(1, "yaml-syntax")]) == [])
    }

    @Test func unknownRulesAndDirectivesAreReported() throws {
        let result = try Linter.lint(text: "---\ntitle: x # frontlint-disable-line key-duplicat\n# frontlint-disable key-duplicate\n---\n\n<!-- frontlint-expect: 1:1 nothing -->\n")
        let invalid = result.diagnostics.filter { $0.rule == "suppression-invalid" }
        #expect(invalid.map(\.range.start.description) == ["2:35", "3:1"])
        #expect(invalid.first?.message.contains("did you mean `key-duplicate`") == true, "\(invalid.first?.message ?? "")")
    }

    @Test func unusedSuppressionsOnlyWhenAsked() throws {
        let text = "---\ntitle: x\ntitle: z # frontlint-disable-line key-duplicate, yaml-syntax\ndate: 1 # frontlint-disable-line\n---\n"
        #expect(try lint(text) == [])
        let result = try Linter.lint(text: text, selection: RuleSelection(enable: ["suppression-unused"]))
        let messages = result.diagnostics.map { "\($0.range.start) \($0.rule): \($0.message)" }
        #expect(messages == [
            "3:10 suppression-unused: `frontlint-disable-line` suppressed nothing for `yaml-syntax`",
            "4:9 suppression-unused: `frontlint-disable-line` suppressed nothing",
        ])
        let body = try filter("<!-- frontlint-disable yaml-syntax -->\nx\n", [], enable: ["suppression-unused"])
        #expect(body == ["1 suppression-unused"])
    }
}

/// A `#` inside a block scalar is text, not a comment, so it cannot suppress anything.
@Suite struct SuppressionBlockScalarTests {
    @Test func hashInABlockScalarIsNotADirective() throws {
        let text = "---\ndescription: |\n  a line # frontlint-disable-file\n  more\ntitle: x\ntitle: z\n---\n"
        let result = try Linter.lint(text: text)
        #expect(result.diagnostics.map { "\($0.range.start) \($0.rule)" } == ["6:1 key-duplicate"])
        let folded = "---\nlead: >-\n  # frontlint-disable-file\ntitle: x\ntitle: z # frontlint-disable-line key-duplicate\n---\n"
        #expect(try Linter.lint(text: folded).diagnostics.isEmpty)
    }
}

/// Body directives are found by the CommonMark scanner: only comments that open an HTML block count.
@Suite struct SuppressionBodyStructureTests {
    let duplicate = "---\ntitle: x\ntitle: z\n---\n"

    @Test func commentsInsideCodeOrOtherHTMLBlocksAreNotDirectives() throws {
        for body in [
            "```\n<!-- frontlint-disable-file -->\n```\n",
            "- item\n\n  ~~~\n  <!-- frontlint-disable-file -->\n  ~~~\n",
            "<script>\n<!-- frontlint-disable-file -->\n</script>\n",
            "    <!-- frontlint-disable-file -->\n",
        ] {
            let result = try Linter.lint(text: duplicate + "\n" + body)
            #expect(result.diagnostics.map(\.rule) == ["key-duplicate"], "\(body.debugDescription)")
        }
    }

    @Test func aCommentInABlockQuoteOrListIsADirective() throws {
        for body in ["> <!-- frontlint-disable-file key-duplicate -->\n", "- <!-- frontlint-disable-file key-duplicate -->\n"] {
            let result = try Linter.lint(text: duplicate + "\n" + body)
            #expect(result.diagnostics.isEmpty, "\(body.debugDescription): \(result.diagnostics.map(\.message))")
        }
    }
}
