import Dispatch
import Glibc
import Synchronization

/// What to lint and how: the command line, in library form.
public struct LintRequest: Sendable {
    /// Files and directories to lint; empty means the working directory.
    public var paths: [String] = []
    /// `--config`: one configuration for every file, instead of discovering one per file.
    public var configPath: String?
    public var selection = RuleSelection()
    /// `--quiet`: report errors only.
    public var quiet = false
    /// `--stdin`: lint these bytes instead of files, under `stdinFilename` (for configuration lookup and
    /// the report).
    public var stdin: [UInt8]?
    public var stdinFilename: String?
    /// How many files are linted at once.
    public var jobs: Int = System.activeProcessorCount
    /// `--changed-since REF`: lint the Markdown files changed against this git ref (see `ChangedFiles`),
    /// under `paths` when given, instead of walking `paths`.
    public var changedSince: String?
    /// `--force-exclude`: a configuration's `exclude` applies to files named in `paths` too (as it always
    /// does to files found by walking a directory). For pre-commit, which names every staged file.
    public var forceExclude = false

    public init() {}
}

/// Why a run could not do its job (exit code 2).
public enum RunFailure: Error, Sendable, CustomStringConvertible {
    case configuration(ConfigurationError)
    case path(String, reason: String)
    case changedFiles(ChangedFiles.Failure)

    public var description: String {
        switch self {
        case .configuration(let error): return "invalid configuration: \(error)"
        case .path(let path, let reason): return "\(path): \(reason)"
        case .changedFiles(let failure): return failure.description
        }
    }
}

/// Lints files and streams their results, in path order, to a consumer (the reporters).
public enum LintRunner {
    /// Files linted together before their results are handed on: bounds memory to one window of files
    /// and their diagnostics, whatever the size of the tree.
    static let windowSize = 256

    public static func run(_ request: LintRequest, emit: (FileResult) -> Void) throws(RunFailure) -> RunSummary {
        let resolver: ConfigurationResolver
        do throws(ConfigurationError) {
            resolver = try ConfigurationResolver(configPath: request.configPath, selection: request.selection)
        } catch {
            throw .configuration(error)
        }
        var summary = RunSummary()
        func deliver(_ result: FileResult) {
            var result = result
            if request.quiet { result.diagnostics.removeAll { $0.severity != .error } }
            summary.add(result)
            emit(result)
        }

        if let stdin = request.stdin {
            let path = request.stdinFilename ?? "<stdin>"
            let settings: LintSettings
            do throws(ConfigurationError) {
                settings = try resolver.resolve(filePath: request.stdinFilename ?? "stdin.md").settings
            } catch {
                throw .configuration(error)
            }
            deliver(Linter.lint(SourceFile(path: path, bytes: stdin), settings: settings))
            return summary
        }

        var paths = request.paths
        var forceExclude = request.forceExclude
        if let ref = request.changedSince {
            do throws(ChangedFiles.Failure) {
                paths = try ChangedFiles.markdownFiles(since: ref, paths: request.paths)
            } catch {
                throw .changedFiles(error)
            }
            // Nothing changed: lint nothing (no paths would mean the whole working directory).
            if paths.isEmpty { return summary }
            // git found these files as a walk would have: `exclude` applies to them.
            forceExclude = true
        }

        // Discovery asks about exclusion for every walked entry; a configuration error found on the way
        // is kept and reported once the walk is over.
        let discoveryError = Mutex<ConfigurationError?>(nil)
        var discovered = FileDiscovery.collect(paths: paths) { path, isDirectory in
            do throws(ConfigurationError) {
                return try resolver.isExcluded(path: path, isDirectory: isDirectory)
            } catch {
                discoveryError.withLock { if $0 == nil { $0 = error } }
                return false
            }
        }
        if let error = discoveryError.withLock({ $0 }) { throw .configuration(error) }
        if let missing = discovered.problems.first(where: { $0.isCommandLineArgument && $0.kind == DiscoveryProblem.Kind.notFound }) {
            throw .path(missing.path, reason: missing.reason)
        }
        if forceExclude {
            do throws(ConfigurationError) {
                var kept: [DiscoveredFile] = []
                for file in discovered.files {
                    if file.isExplicit, try resolver.isExcluded(path: file.path, isDirectory: false) { continue }
                    kept.append(file)
                }
                discovered.files = kept
            } catch {
                throw .configuration(error)
            }
        }

        // Everything to report, in path order: files to lint and problems met while finding them. Both
        // lists come sorted byte-wise, so they are merged (a file before a problem with the same path).
        enum Item { case file(String), problem(DiscoveryProblem) }
        var items: [Item] = []
        items.reserveCapacity(discovered.files.count + discovered.problems.count)
        var problems = discovered.problems[...]
        for file in discovered.files {
            while let problem = problems.first, PathNames.precedesBytewise(problem.path, file.path) {
                items.append(.problem(problem))
                problems.removeFirst()
            }
            items.append(.file(file.path))
        }
        items += problems.map { Item.problem($0) }

        var settingsByItem: [LintSettings?] = []
        settingsByItem.reserveCapacity(items.count)
        do throws(ConfigurationError) {
            for item in items {
                if case .file(let path) = item {
                    settingsByItem.append(try resolver.resolve(filePath: path).settings)
                } else {
                    settingsByItem.append(nil)
                }
            }
        } catch {
            throw .configuration(error)
        }

        // Windows are linted on the workers while this thread reports the window before: reporting
        // overlaps linting, and at most two windows of files and results are held at once.
        var pending: WindowJob?
        var start = 0
        while start < items.count {
            let end = min(start + windowSize, items.count)
            let window = Array(items[start..<end])
            let settings = Array(settingsByItem[start..<end])
            let lint: @Sendable (Int) -> FileResult = { index in
                switch window[index] {
                case .file(let path):
                    return lintFile(path: path, settings: settings[index]!)
                case .problem(let problem):
                    return unreadable(path: problem.path, reason: problem.reason)
                }
            }
            if request.jobs == 1 {
                // One job means one thread: lint and report in turn.
                (0..<window.count).map(lint).forEach(deliver)
                start = end
                continue
            }
            let job = WindowJob.start(count: window.count, jobs: request.jobs, lint)
            pending?.wait().forEach(deliver)
            pending = job
            start = end
        }
        pending?.wait().forEach(deliver)
        return summary
    }

    static func lintFile(path: String, settings: LintSettings) -> FileResult {
        do throws(FileReadError) {
            let bytes = try FileReader.read(path)
            return Linter.lint(SourceFile(path: path, bytes: bytes), settings: settings)
        } catch {
            return unreadable(path: path, reason: error.description)
        }
    }

    static func unreadable(path: String, reason: String) -> FileResult {
        let start = Position(line: 1, column: 1, offset: 0)
        return FileResult(path: path, source: nil, diagnostics: [
            Diagnostic(rule: FileUnreadableRule.description.id, severity: .error,
                       message: "cannot read this file: \(reason)", range: SourceRange(at: start)),
        ])
    }
}

/// One window of files being linted in the background.
final class WindowJob: @unchecked Sendable {
    // `results` is written once by the background task before `done` is signalled, and read only after
    // `wait()` has seen that signal.
    private var results: [FileResult] = []
    private let done = DispatchSemaphore(value: 0)

    static func start(count: Int, jobs: Int, _ transform: @escaping @Sendable (Int) -> FileResult) -> WindowJob {
        let job = WindowJob()
        DispatchQueue.global().async {
            job.results = ParallelMap.map(count: count, jobs: jobs, transform)
            job.done.signal()
        }
        return job
    }

    func wait() -> [FileResult] {
        done.wait()
        return results
    }
}

/// Maps indices to values on several threads; results come back in index order.
enum ParallelMap {
    static func map<T: Sendable>(count: Int, jobs: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 1, jobs > 1 else { return (0..<count).map(transform) }
        let slots = Slots<T>(count: count)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                slots.store(transform(index), at: index)
            }
        }
        return slots.values()
    }

    /// One slot per index, each written by exactly one thread before `values()` is read.
    ///
    /// The slots are a buffer allocated once, never an array property: `withUnsafeMutableBufferPointer` on
    /// a shared `[T?]` is a modifying access to the whole array from every thread at once (ThreadSanitizer:
    /// "Swift access race" in `store`, and a data race on the array's buffer in `Array._endMutation`).
    private final class Slots<T>: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<T?>
        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }
        deinit {
            storage.deinitialize()
            storage.deallocate()
        }
        func store(_ value: T, at index: Int) { storage[index] = value }
        func values() -> [T] { storage.map { $0! } }
    }
}

/// The machine, as far as the runner needs it.
public enum System {
    public static var activeProcessorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
