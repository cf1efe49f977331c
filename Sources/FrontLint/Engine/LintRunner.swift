import CThreads
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
    /// How many files are linted at once; nil for `System.activeProcessorCount`, which is worked out only
    /// when a run has more than one file to lint (it reads the process's cgroup files).
    public var jobs: Int?
    /// `--changed-since REF`: lint the Markdown files changed against this git ref (see `ChangedFiles`),
    /// under `paths` when given, instead of walking `paths`.
    public var changedSince: String?
    /// `--force-exclude`: a configuration's `exclude` applies to files named in `paths` too (as it always
    /// does to files found by walking a directory). For pre-commit, which names every staged file.
    public var forceExclude = false
    /// Whether results with diagnostics keep the file's text, for reporters that show its lines or count
    /// its columns (`ReportFormat.readsSource`). Without it a lint thread lets the text go at once, rather
    /// than the main thread freeing it into that thread's allocator once the file is reported.
    public var keepSources = true
    /// How many windows of files the walk may run ahead of the report (tests set fewer).
    var windowsHeld = WindowQueue.defaultWindowsHeld

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
            // A copy of the result (which retains each of its parts) only when there is something to drop.
            guard request.quiet else {
                summary.add(result)
                emit(result)
                return
            }
            var result = result
            result.diagnostics.removeAll { $0.severity != .error }
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
        func isExcluded(path: String, isDirectory: Bool) -> Bool {
            do throws(ConfigurationError) {
                return try resolver.isExcluded(path: path, isDirectory: isDirectory)
            } catch {
                discoveryError.withLock { if $0 == nil { $0 = error } }
                return false
            }
        }
        // Asked once per directory; on an error, each file is asked about and the error is kept there.
        func mayExcludeFiles(withPrefix prefix: String) -> Bool {
            do throws(ConfigurationError) {
                return try resolver.mayExcludeFiles(withPrefix: prefix)
            } catch {
                return true
            }
        }
        var windows = WindowQueue(resolver: resolver, forceExclude: forceExclude, jobs: request.jobs,
                                  windowsHeld: request.windowsHeld, keepSources: request.keepSources)
        // What makes the run fail, as far as the walk has gone.
        func failure() -> RunFailure? {
            if let error = discoveryError.withLock({ $0 }) { return .configuration(error) }
            if let missing = windows.missingPath { return .path(missing.path, reason: missing.reason) }
            if let error = windows.exclusionError ?? windows.settingsError { return .configuration(error) }
            return nil
        }
        // One path, or several that do not overlap, are walked in turn, each in path order: their files are
        // linted while the walk goes on. Once the walk is `windowsHeld` windows ahead of the report, the
        // oldest window is reported before it goes on, so that memory holds the paths of that many windows
        // at most, whatever the size of the tree.
        func take(_ item: DiscoveredItem) {
            // Once the run is known to fail, no more files are held: the walk only goes on to its end.
            if windows.isFull && failure() != nil { return }
            windows.add(item)
            if windows.isFull && failure() == nil { windows.deliverOldest(deliver) }
        }
        if paths.count <= 1 {
            FileDiscovery.walk(path: paths.first, isExcluded: isExcluded, mayExcludeFiles: mayExcludeFiles, found: take)
        } else if let inTurn = FileDiscovery.orderForWalkingInTurn(paths) {
            FileDiscovery.walk(inTurn: inTurn, isExcluded: isExcluded, mayExcludeFiles: mayExcludeFiles, found: take)
        } else {
            // Paths that may overlap: all their files are found, de-duplicated and sorted first. Both lists
            // come sorted byte-wise, so they are merged (a file before a problem with the same path).
            let discovered = FileDiscovery.collect(paths: paths, isExcluded: isExcluded, mayExcludeFiles: mayExcludeFiles)
            var problems = discovered.problems[...]
            for file in discovered.files {
                while let problem = problems.first, PathNames.precedesBytewise(problem.path, file.path) {
                    windows.add(.problem(problem))
                    problems.removeFirst()
                }
                windows.add(.file(file))
            }
            problems.forEach { windows.add(.problem($0)) }
        }

        // A failure met by the walk stops the run. Unless the tree holds more than `windowsHeld` windows of
        // files, nothing has been reported by then, so a run that fails reports nothing.
        if let failure = failure() {
            windows.abandon()
            throw failure
        }
        windows.finish(deliver)
        return summary
    }

    /// Reads a file (by name from `directory`, when there is one; otherwise by its path) and lints it.
    static func lintFile(path: String, nameOffset: Int = 0, in directory: DirectoryHandle? = nil,
                         settings: LintSettings, keepingSource: Bool = true) -> FileResult {
        do throws(FileReadError) {
            let bytes = try FileReader.read(path: path, nameOffset: nameOffset, in: directory)
            // Reporters read a file's text only to show its diagnostics, and some not at all. Most files have
            // none: their text is let go here, on the thread that read it, rather than held until the window
            // is reported. The memory is reused at once, while still in cache, by the next file this thread
            // reads.
            return Linter.lint(SourceFile(path: path, bytes: bytes), settings: settings,
                               keeping: keepingSource ? .withDiagnostics : .never)
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

/// The files and problems to report, in path order, cut into windows. With several jobs a window is
/// linted in the background as soon as it is full, while discovery goes on, but at most `windowsAhead`
/// windows are started and not yet reported: that bounds memory whatever the size of the tree.
struct WindowQueue {
    enum Item: Sendable {
        case file(File)
        case problem(DiscoveryProblem)
    }

    /// A file as a window holds it. Its directory and settings are held unretained, so that linting it
    /// updates no reference count that another thread updates too: each update would wait for the other
    /// core to hand over the cache line (for a directory, the one its descriptor is read from as well).
    /// Every settings object lives as long as the resolver, for the whole run; the directories of a window's
    /// files are held by the window queue until the window is reported.
    struct File: Sendable {
        let path: String
        /// Where the file's name starts in `path`, in UTF-8 bytes (with a `directory`).
        let nameOffset: Int
        let directory: Unmanaged<DirectoryHandle>?
        let settings: Unmanaged<LintSettings>

        init(_ file: DiscoveredFile, settings: LintSettings) {
            path = file.path
            nameOffset = file.nameOffset
            directory = file.directory.map { .passUnretained($0) }
            self.settings = .passUnretained(settings)
        }

        /// Reads the file and lints it with `settings` (its own or a lint thread's copy), keeping its text in
        /// a result with diagnostics when `keepingSource` (`LintRequest.keepSources`).
        func lint(with settings: LintSettings, keepingSource: Bool) -> FileResult {
            guard let directory else {
                return LintRunner.lintFile(path: path, settings: settings, keepingSource: keepingSource)
            }
            return directory._withUnsafeGuaranteedRef {
                LintRunner.lintFile(path: path, nameOffset: nameOffset, in: $0, settings: settings,
                                    keepingSource: keepingSource)
            }
        }
    }

    /// Items and the directories their files are read from, which the items do not hold.
    struct Window {
        var items: [Item] = []
        var directories: [DirectoryHandle] = []
    }

    /// Windows started and not yet reported. While the main thread walks, the lint threads have only these
    /// windows to work on: with two, the second core sat idle for the last part of a 10,000-file walk
    /// (about 2.5 % more wall time with `--jobs 2`, measured with alternating runs). The results held stay
    /// small: a file without diagnostics keeps no text.
    static let windowsAhead = 6

    /// Windows held at most, started or waiting, before the oldest is reported while the walk goes on
    /// (`LintRequest.windowsHeld`). Holding them lets a configuration error found late in the walk stop
    /// the run before anything is reported; bounding them keeps memory flat in the number of files. 64
    /// windows are 16,384 files, about 2.5 MB of paths.
    static let defaultWindowsHeld = 64

    let resolver: ConfigurationResolver
    /// `--force-exclude`: files named on the command line are asked about `exclude` too.
    let forceExclude: Bool
    /// `LintRequest.jobs`, worked out when first needed.
    private let requestedJobs: Int?
    private lazy var jobs = requestedJobs ?? System.activeProcessorCount
    let windowsHeld: Int
    let keepSources: Bool

    /// The first path named on the command line that does not exist.
    private(set) var missingPath: DiscoveryProblem?
    /// The first error met asking whether a file named on the command line is excluded.
    private(set) var exclusionError: ConfigurationError?
    /// The first error met resolving a file's settings.
    private(set) var settingsError: ConfigurationError?

    /// The directory of the last file added, when every file in it has `lastSettings`.
    private var lastDirectory: DirectoryHandle?
    private var lastSettings: LintSettings?

    private var forming = Window()
    private var waiting: [Window] = []
    /// Each started window, with the directories of its files.
    private var started: [(window: LintPool<Item, FileResult>.Window, directories: [DirectoryHandle])] = []
    /// With several jobs: `jobs - 1` threads that lint started windows for the whole run, beside the
    /// main thread.
    private var pool: LintPool<Item, FileResult>?

    init(resolver: ConfigurationResolver, forceExclude: Bool, jobs: Int?, windowsHeld: Int = defaultWindowsHeld,
         keepSources: Bool = true) {
        self.resolver = resolver
        self.forceExclude = forceExclude
        requestedJobs = jobs
        self.windowsHeld = max(1, windowsHeld)
        self.keepSources = keepSources
    }

    /// Whether `windowsHeld` full windows are held, started or waiting: the walk should not run further
    /// ahead of the report.
    var isFull: Bool { started.count + waiting.count >= windowsHeld }

    /// Takes the next file or problem, in path order.
    mutating func add(_ item: DiscoveredItem) {
        switch item {
        case .problem(let problem):
            if missingPath == nil && problem.isCommandLineArgument && problem.kind == .notFound { missingPath = problem }
            append(.problem(problem))
        case .file(let file):
            if forceExclude && file.isExplicit {
                do throws(ConfigurationError) {
                    if try resolver.isExcluded(path: file.path, isDirectory: false) { return }
                } catch {
                    if exclusionError == nil { exclusionError = error }
                    return
                }
            }
            guard settingsError == nil else { return }
            // Files come directory by directory, and the files of one directory usually share their
            // settings: then the next file of the same directory needs no look-up at all.
            if let directory = file.directory, directory === lastDirectory, let lastSettings {
                append(file, settings: lastSettings)
                return
            }
            do throws(ConfigurationError) {
                let found = try resolver.settings(forFile: file.path)
                lastDirectory = found.sameForDirectory ? file.directory : nil
                lastSettings = found.settings
                append(file, settings: found.settings)
            } catch {
                settingsError = error
            }
        }
    }

    private mutating func append(_ file: DiscoveredFile, settings: LintSettings) {
        // Files come directory by directory: a window holds each directory once.
        if let directory = file.directory, directory !== forming.directories.last {
            forming.directories.append(directory)
        }
        append(.file(File(file, settings: settings)))
    }

    private mutating func append(_ item: Item) {
        forming.items.append(item)
        guard forming.items.count == LintRunner.windowSize else { return }
        waiting.append(forming)
        forming = Window()
        startWaiting()
    }

    /// Starts waiting windows while fewer than `windowsAhead` are started and not reported; none once the
    /// run is known to fail.
    private mutating func startWaiting() {
        guard jobs > 1 && exclusionError == nil && settingsError == nil else { return }
        while started.count < Self.windowsAhead && !waiting.isEmpty {
            let window = waiting.removeFirst()
            // The thread that reports lints too, while it waits for a window: `jobs - 1` more threads.
            if pool == nil {
                pool = LintPool(threads: min(jobs, window.items.count) - 1, transformOnEachThread: { [keepSources] in
                    OwnSettings(keepingSource: keepSources).lint
                })
            }
            started.append((pool!.start(window.items), window.directories))
        }
    }

    /// Lints what is left and hands on every result, in order.
    mutating func finish(_ deliver: (FileResult) -> Void) {
        lastDirectory = nil
        if !forming.items.isEmpty {
            waiting.append(forming)
            forming = Window()
        }
        while deliverOldest(deliver) {}
        pool?.end()
    }

    /// Lints what is left of the oldest full window (with the threads, when it is started) and hands on its
    /// results, in order; then lets it go, and with it the directories its files were read from (see
    /// `DirectoryHandle`). False when there is no such window (none is left, or the run is known to fail).
    @discardableResult
    mutating func deliverOldest(_ deliver: (FileResult) -> Void) -> Bool {
        // One job means one thread: lint and report in turn, each file's result handed on as soon as it is
        // made (not gathered into an array of the window's results, which was then destroyed through the
        // runtime's generic value witnesses). So is a run of one file (the editor's, and often pre-commit's),
        // whatever the jobs, which are then never worked out.
        guard !started.isEmpty || !waiting.isEmpty else { return false }
        let oneFile = started.isEmpty && waiting.count == 1 && waiting[0].items.count == 1
        if oneFile || jobs == 1 {
            // With one job nothing is ever started, so the guard above leaves a waiting window.
            let window = waiting.removeFirst()
            // By index: `for item in window.items` would copy every item (retaining its path).
            for item in window.items.indices { deliver(Self.lint(window.items[item], keepingSource: keepSources)) }
            return true
        }
        startWaiting()
        guard let (window, _) = started.first else { return false }
        let keepSources = keepSources
        window.deliver(helping: { Self.lint($0, keepingSource: keepSources) }, later: started.dropFirst().lazy.map(\.window), deliver)
        started.removeFirst()
        startWaiting()
        return true
    }

    /// Finishes the windows already started (with the threads), whose results are not wanted, and stops the
    /// threads: nothing goes on reading files once the run is over.
    mutating func abandon() {
        let keepSources = keepSources
        for (window, _) in started { window.discard(helping: { Self.lint($0, keepingSource: keepSources) }) }
        started = []
        pool?.end()
    }

    private static func lint(_ item: Item, keepingSource: Bool) -> FileResult {
        switch item {
        case .file(let file):
            return file.settings._withUnsafeGuaranteedRef { file.lint(with: $0, keepingSource: keepingSource) }
        case .problem(let problem):
            return LintRunner.unreadable(path: problem.path, reason: problem.reason)
        }
    }

    /// How a lint thread other than the main one lints: with its own copy of each file's settings
    /// (`LintSettings.copy()`), made the first time one of its files needs it. Linting a file updates the
    /// reference counts of its settings, of their field plans and of their tables about 30 times (atomic
    /// updates); when two threads update the same counts, their cores hand the cache lines holding them
    /// back and forth, each update waiting for the other core. That cost up to 15 % more CPU time with two
    /// threads than with one (and nothing with two separate processes), depending on where the machine
    /// placed the two cores. The main thread lints with the settings as they are.
    private final class OwnSettings {
        private var copies: [UnsafeMutableRawPointer: LintSettings] = [:]
        /// The last settings asked for, and their copy: the files of a window mostly share their settings.
        private var lastOriginal: UnsafeMutableRawPointer?
        private var lastCopy: LintSettings?
        private let keepingSource: Bool

        init(keepingSource: Bool) {
            self.keepingSource = keepingSource
        }

        func lint(_ item: Item) -> FileResult {
            guard case .file(let file) = item else { return WindowQueue.lint(item, keepingSource: keepingSource) }
            return file.lint(with: copy(of: file.settings), keepingSource: keepingSource)
        }

        private func copy(of settings: Unmanaged<LintSettings>) -> LintSettings {
            // Every settings object lives as long as the resolver, for the whole run: an address is not
            // reused while this thread is up.
            let original = settings.toOpaque()
            if original == lastOriginal, let lastCopy { return lastCopy }
            let copy = copies[original] ?? settings._withUnsafeGuaranteedRef { $0.copy() }
            copies[original] = copy
            lastOriginal = original
            lastCopy = copy
            return copy
        }
    }
}

/// Threads that stay up for a whole run and transform the items of started windows, taking one item at a
/// time from the oldest started window that has any left, with no hand-off between windows: a thread that
/// finds a window with nothing left to take goes on to the next one started, and sleeps only when no
/// started window has anything left. The owner starts windows, takes their results in order (linting the
/// items left in a window, then, while the threads finish its last items, items of the windows started after
/// it), and bounds how many are started at once.
///
/// Each thread has its own semaphore, signalled once for every window started (and once at the end): a
/// thread visits every window in turn, so it finds the next one already linked when it wakes, and a
/// semaphore that already counts one more window lets it go on without sleeping. The semaphores and the
/// atomic counters are what orders the threads' accesses (and ThreadSanitizer sees both).
final class LintPool<Item: Sendable, Result: Sendable>: @unchecked Sendable {
    /// One started window: its items, a slot for each result, and the counters the threads share.
    final class Window: @unchecked Sendable {
        // Each item is moved out of `items` by the thread that claimed its index (below `count`), and let go
        // by that thread once transformed.
        // Each slot of `results` is written by the thread that claimed its index, and read by the owner
        // once `done` is signalled. `next` is set by the owner before the threads are signalled.
        private let items: UnsafeMutableBufferPointer<Item>
        private let results: UnsafeMutableBufferPointer<Result>
        private let claimed = Atomic<Int>(0)
        private let remaining: Atomic<Int>
        private let done = DispatchSemaphore(value: 0)
        fileprivate var next: Window?
        /// The window that tells the threads the run is over.
        fileprivate let isEnd: Bool

        fileprivate init(_ items: [Item], isEnd: Bool = false) {
            self.items = .allocate(capacity: items.count)
            _ = self.items.initialize(from: items)
            results = .allocate(capacity: items.count)
            remaining = Atomic(items.count)
            self.isEnd = isEnd
        }

        deinit {
            // Every started window is delivered or discarded, so both buffers are empty by now. A thread may
            // keep a window (and the ones started after it) a little longer, until it moves on: only these
            // buffers, not the files or their results.
            items.deallocate()
            results.deallocate()
        }

        /// Transforms items of this window until none is left to take.
        fileprivate func work(_ transform: (Item) -> Result) {
            while workOne(transform) {}
        }

        /// Transforms one item of this window, when one is left to take.
        private func workOne(_ transform: (Item) -> Result) -> Bool {
            let index = claimed.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < items.count else { return false }
            let item = items.moveElement(from: index)
            results.initializeElement(at: index, to: transform(item))
            if remaining.wrappingSubtract(1, ordering: .acquiringAndReleasing).newValue == 0 { done.signal() }
            return true
        }

        /// Takes the items left (alongside the threads), waits for every result and hands them on, in item
        /// order. While the threads finish their last items of this window, the caller takes items of the
        /// windows started after it (`later`), one at a time, rather than sleep.
        func deliver<Later: Sequence<Window>>(helping transform: (Item) -> Result, later: Later,
                                              _ deliver: (Result) -> Void) {
            work(transform)
            var others = later.makeIterator()
            var other = others.next()
            while let window = other, remaining.load(ordering: .acquiring) != 0 {
                if !window.workOne(transform) { other = others.next() }
            }
            done.wait()
            for index in results.indices { deliver(results.moveElement(from: index)) }
        }

        /// Takes the items left (alongside the threads), waits for every result and lets them go.
        func discard(helping transform: (Item) -> Result) {
            work(transform)
            done.wait()
            results.deinitialize()
        }
    }

    private var threads: [pthread_t] = []
    private var wakeUps: [DispatchSemaphore] = []
    /// The last window started (at first, an empty one that the threads start from).
    private var last = Window([])

    convenience init(threads count: Int, _ transform: @escaping @Sendable (Item) -> Result) {
        self.init(threads: count, transformOnEachThread: { transform })
    }

    /// `makeTransform` is called once on each thread, which then transforms every item it takes with what it
    /// returned: a transform with state of its own, used by that thread alone.
    init(threads count: Int, transformOnEachThread makeTransform: @escaping @Sendable () -> (Item) -> Result) {
        for _ in 0..<count {
            let wakeUp = DispatchSemaphore(value: 0)
            let worker = Worker(window: last, wakeUp: wakeUp, makeTransform: makeTransform)
            // A thread the system refuses (a process or user thread limit) is not an error: the threads
            // started, and the main thread, lint every window all the same.
            guard let thread = LintThread.start({ worker.run() }) else { break }
            wakeUps.append(wakeUp)
            threads.append(thread)
        }
    }

    /// Starts transforming a window's items (there must be at least one).
    func start(_ items: [Item]) -> Window {
        let window = Window(items)
        link(window)
        return window
    }

    /// Tells the threads the run is over and waits for them to stop. The windows started must all have
    /// been delivered or discarded.
    func end() {
        link(Window([], isEnd: true))
        for thread in threads { pthread_join(thread, nil) }
        threads = []
    }

    private func link(_ window: Window) {
        last.next = window
        last = window
        for wakeUp in wakeUps { wakeUp.signal() }
    }

    /// One thread: it visits every window in the order they were started.
    private final class Worker: @unchecked Sendable {
        var window: Window
        let wakeUp: DispatchSemaphore
        let makeTransform: @Sendable () -> (Item) -> Result

        init(window: Window, wakeUp: DispatchSemaphore, makeTransform: @escaping @Sendable () -> (Item) -> Result) {
            self.window = window
            self.wakeUp = wakeUp
            self.makeTransform = makeTransform
        }

        func run() {
            let transform = makeTransform()
            while true {
                wakeUp.wait()
                window = window.next!
                if window.isEnd { return }
                window.work(transform)
            }
        }
    }
}

/// A thread of its own for a body that runs for a whole run (a Dispatch queue may hold back threads beyond
/// its width, and a pool thread that sleeps between windows would hold one of its places).
///
/// It starts on a CPU other than the caller's (`frontlint_thread_start_elsewhere`), then may go anywhere.
/// Started the usual way on the 2-CPU virtual machines this project is measured on, the kernel put the lint
/// thread on the main thread's CPU, where the two took turns for 2 to 12 ms while the other CPU was idle:
/// the thread began linting 2.1 ms after it was created (median of 15 runs), against 0.07 ms now, and a
/// `--jobs 2` run on the 10,000-file corpus took 120.5 ms against 112.9 ms now (medians of 30 alternating
/// rounds).
enum LintThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// The thread, or nil when it cannot be started.
    static func start(_ run: @escaping @Sendable () -> Void) -> pthread_t? {
        var thread = pthread_t()
        let body = Unmanaged.passRetained(Body(run))
        let result = frontlint_thread_start_elsewhere(&thread, { argument in
            Unmanaged<Body>.fromOpaque(argument!).takeRetainedValue().run()
            return nil
        }, body.toOpaque(), nil)
        guard result == 0 else {
            body.release()
            return nil
        }
        return thread
    }
}
