import ArgumentParser
import FrontLint
import Glibc

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

extension ReportFormat: ExpressibleByArgument {}

/// The value names of frontlint's enumerated options, read straight from their raw values.
/// swift-argument-parser's defaults go through string interpolation (`"\(rawValue)"`), and it asks for them
/// on every run, not only for `--help`: each first use of an interpolation looks up protocol conformances
/// by scanning every conformance record in the binary (about 3,800), which made up a tenth of a one-file
/// run's instructions.
extension ExpressibleByArgument where Self: CaseIterable & RawRepresentable, RawValue == String {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { rawValue }
}

/// `frontlint [check] [PATH ...]`: lint files and report.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint Markdown files (the default command)."
    )

    @Argument(help: "Files and directories to lint. Directories are searched for *.md and *.markdown.")
    var paths: [String] = []

    @Option(help: ArgumentHelp(
        "Output format (default: human). May be repeated.",
        discussion: "Each --format pairs, in order, with one --output: e.g. --format human --output - --format sarif --output report.sarif."))
    var format: [ReportFormat] = []

    @Option(help: ArgumentHelp(
        "Write the report to this file (`-`: standard output). Repeat it once per --format; they pair in order.",
        discussion: "A report file is written to a temporary file beside it and renamed into place when the run ends."))
    var output: [String] = []

    @Option(help: "Exit 1 when there are more than this many warnings.")
    var maxWarnings: Int?

    @Flag(help: "Exit 0 even when there are errors (exit 2 still means frontlint could not do its job).")
    var exitZero = false

    @Flag(help: "After the report, count diagnostics per rule (on standard output beside a human or concise report, on standard error beside a machine-readable one).")
    var statistics = false

    @Flag(help: "Report suppression comments that suppressed nothing (rule suppression-unused).")
    var reportUnusedSuppressions = false

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

    @Option(help: "How many files to lint at once (default: the CPUs frontlint may run on, or its cgroup's CPU quota when lower).")
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
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
        do {
            _ = try ReportPlan(formats: format, outputs: output)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        var request = LintRequest()
        request.paths = paths
        request.configPath = config
        request.quiet = quiet
        request.selection = RuleSelection(select: list(select), ignore: list(ignore),
                                          enable: reportUnusedSuppressions ? ["suppression-unused"] : [])
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
        let plan = try ReportPlan(formats: format, outputs: output)
        request.keepSources = plan.reports.contains { $0.format.readsSource }
        let out = Output.standardOutput
        var destinations: [ReportDestination] = []
        for report in plan.reports {
            // Colour only on the terminal, never in a file.
            let options = ReportOptions(color: useColor && report.path == nil)
            if let path = report.path {
                do {
                    destinations.append(ReportDestination(reporter: report.format.makeReporter(options), file: try ReportFile(path: path)))
                } catch {
                    destinations.forEach { $0.file?.discard() }
                    Output.standardError.write("frontlint: \(error)\n")
                    throw ExitCode(2)
                }
            } else {
                destinations.append(ReportDestination(reporter: report.format.makeReporter(options), file: nil))
            }
        }
        var counts = RuleStatistics()
        // Read once: reading a `@Flag` property goes through swift-argument-parser's property wrapper, which
        // cost hundreds of instructions for every file when it was read in the closure below.
        let statistics = statistics
        let summary: RunSummary
        do {
            summary = try LintRunner.run(request) { result in
                if statistics { counts.add(result) }
                for destination in destinations { destination.write(result) }
            }
        } catch {
            destinations.forEach { $0.file?.discard() }
            out.flush()
            Output.standardError.write("frontlint: \(error)\n")
            throw ExitCode(2)
        }
        for destination in destinations {
            destination.begin()
            destination.write(destination.reporter.footer(summary))
        }
        var failed = false
        for destination in destinations {
            do {
                try destination.file?.commit()
            } catch {
                Output.standardError.write("frontlint: \(error)\n")
                failed = true
            }
        }
        if statistics {
            (plan.statisticsGoToStandardOutput ? out : Output.standardError).write(counts.render())
        }
        out.flush()
        if failed { throw ExitCode(2) }
        let policy = ExitPolicy(maxWarnings: maxWarnings, exitZero: exitZero)
        if policy.tooManyWarnings(summary), let maxWarnings {
            Output.standardError.write("frontlint: \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"), more than --max-warnings \(maxWarnings)\n")
        }
        let code = policy.exitCode(summary)
        if code != 0 { throw ExitCode(code) }
    }

    private func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
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

/// One report being written: its reporter and, unless it goes to standard output, its file.
///
/// The header is written with the first file's results (or with the footer): a run that fails before
/// reporting anything, such as one that meets an invalid configuration, leaves standard output empty
/// rather than holding the start of a document that never ends.
final class ReportDestination {
    var reporter: any Reporter
    let file: ReportFile?
    private var begun = false

    init(reporter: any Reporter, file: ReportFile?) {
        self.reporter = reporter
        self.file = file
    }

    /// Writes the header, once.
    func begin() {
        guard !begun else { return }
        begun = true
        write(reporter.header())
    }

    func write(_ text: String) {
        if let file { file.write(text) } else { Output.standardOutput.write(text) }
    }

    /// One file's results, rendered straight into the buffer of the file or standard output.
    func write(_ result: FileResult) {
        begin()
        if let file {
            file.write { reporter.file(result, into: &$0) }
        } else {
            Output.standardOutput.write { reporter.file(result, into: &$0) }
        }
    }
}
