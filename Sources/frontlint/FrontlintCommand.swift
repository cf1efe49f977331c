import ArgumentParser
import FrontLint

@main
struct FrontlintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontlint",
        abstract: "Lint the front matter and heading structure of Markdown files.",
        discussion: """
            Exit codes: 0 no errors (warnings allowed), 1 at least one error or more warnings than \
            --max-warnings (never with --exit-zero), 2 frontlint could not do its job (bad flag, missing path, \
            invalid configuration, a report file that cannot be written).

            Suppressions: `# frontlint-disable-line RULE`, `# frontlint-disable-next-line RULE` and \
            `# frontlint-disable-file RULE` in the front matter; `<!-- frontlint-disable RULE -->` … \
            `<!-- frontlint-enable RULE -->`, `<!-- frontlint-disable-next-line RULE -->` and \
            `<!-- frontlint-disable-file RULE -->` in the body. No RULE means every rule.

            Examples:
              frontlint                      lint every Markdown file below this folder
              frontlint content/posts        lint one directory
              frontlint --format json .      output for editors and scripts
              frontlint --config site.yml .  one configuration for every file
              frontlint --format github .    annotations in a GitHub Actions job
              frontlint --format human --output - --format sarif --output out.sarif
                                             print for people, keep a SARIF file
              frontlint --stdin --stdin-filename content/post.md --format json
                                             lint an editor's unsaved buffer
              frontlint rules                list the rules
              frontlint explain date-format  show a rule's documentation
            """,
        version: FrontLintVersion.string,
        subcommands: [CheckCommand.self, RulesCommand.self, ExplainCommand.self, PresetsCommand.self, PrintConfigCommand.self,
                      InspectCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Runs the command line, mapping every failure to frontlint's exit codes: usage errors exit 2 (not
    /// ArgumentParser's 64), with a one-line reason on standard error.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            exitFlushing(0)  // reports may still be buffered, standard error (--statistics) included
        } catch let exit as ExitCode {
            exitFlushing(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version.
                print(fullMessage(for: error))
                exitFlushing(0)
            }
            var reason = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            if reason.hasPrefix("Error: ") { reason.removeFirst(7) }
            Output.standardError.write("frontlint: \(reason)\n")
            if code == .validationFailure {
                Output.standardError.write("Run `frontlint --help` for usage.\n")
            }
            exitFlushing(2)
        }
    }
}
