import ArgumentParser
import FrontLint
import Glibc

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

extension ReportFormat: ExpressibleByArgument {}

/// `frontlint [check] [PATH ...]`: lint files and report.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint Markdown files (the default command)."
    )

    @Argument(help: "Files and directories to lint. Directories are searched for *.md and *.markdown.")
    var paths: [String] = []

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .human

    @Option(help: "Use this configuration file for every file instead of discovering .frontlint.yml.")
    var config: String?

    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    @Flag(name: .shortAndLong, help: "Report errors only.")
    var quiet = false

    @Option(help: "Run only these rules (comma-separated ids or tags).")
    var select: String?

    @Option(help: "Never run these rules (comma-separated ids or tags).")
    var ignore: String?

    @Flag(help: "Lint one document read from standard input.")
    var stdin = false

    @Option(help: "With --stdin: the document's path, for configuration lookup and the report.")
    var stdinFilename: String?

    @Option(help: "How many files to lint at once (default: all cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp(
        "Lint only the Markdown files changed since the merge base of REF and HEAD (committed, staged or not), plus untracked ones, under the PATHs (default: the working directory).",
        valueName: "REF"))
    var changedSince: String?

    @Flag(help: "Apply the configuration's `exclude` to files named on the command line too (for pre-commit).")
    var forceExclude = false

    func validate() throws {
        if stdinFilename != nil && !stdin { throw ValidationError("--stdin-filename needs --stdin") }
        if stdin && !paths.isEmpty { throw ValidationError("--stdin lints standard input; give no paths with it") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if stdin && changedSince != nil { throw ValidationError("--stdin and --changed-since cannot be combined") }
    }

    func run() throws {
        var request = LintRequest()
        request.paths = paths
        request.configPath = config
        request.quiet = quiet
        request.selection = RuleSelection(select: list(select), ignore: list(ignore))
        if let jobs { request.jobs = jobs }
        request.changedSince = changedSince
        request.forceExclude = forceExclude
        if stdin {
            request.stdin = readStandardInput()
            request.stdinFilename = stdinFilename
        }

        let useColor: Bool
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto: useColor = Output.isTerminal && getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true
        }
        var reporter = format.makeReporter(ReportOptions(color: useColor))
        let out = Output.standardOutput
        out.write(reporter.header())
        let summary: RunSummary
        do {
            summary = try LintRunner.run(request) { result in
                out.write(reporter.file(result))
            }
        } catch {
            out.flush()
            Output.standardError.write("frontlint: \(error)\n")
            throw ExitCode(2)
        }
        out.write(reporter.footer(summary))
        out.flush()
        if summary.errors > 0 { throw ExitCode(1) }
    }

    private func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { String($0).trimmingCharacters() }.filter { !$0.isEmpty }
    }

    private func readStandardInput() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(STDIN_FILENO, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return bytes
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
