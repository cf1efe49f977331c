import CThreads
import Foundation
import Synchronization
import Testing
@testable import FrontLint

/// The threads that lint started windows (`LintPool`), and the runner's use of them with several jobs.
@Suite struct LintPoolTests {
    /// Starts `sizes.count` windows of consecutive numbers, at most `ahead` started and not delivered (as
    /// the runner does), and returns the results in the order they were delivered.
    func run(threads: Int, sizes: [Int], ahead: Int) -> [Int] {
        let transform: @Sendable (Int) -> Int = { $0 * 3 + 1 }
        let pool = LintPool<Int, Int>(threads: threads, transform)
        var started: [LintPool<Int, Int>.Window] = []
        var delivered: [Int] = []
        var first = 0
        var waiting = sizes[...]
        while !waiting.isEmpty || !started.isEmpty {
            while started.count < ahead, let size = waiting.popFirst() {
                started.append(pool.start(Array(first..<first + size)))
                first += size
            }
            started.removeFirst().deliver(helping: transform, later: started) { delivered.append($0) }
        }
        pool.end()
        return delivered
    }

    /// Every result of a run of the runner over `path` with `jobs` jobs, in the order they were reported.
    func lintRun(_ path: String, jobs: Int, windowsHeld: Int = WindowQueue.defaultWindowsHeld) throws -> [FileResult] {
        var request = LintRequest()
        request.paths = [path]
        request.jobs = jobs
        request.windowsHeld = windowsHeld
        var results: [FileResult] = []
        _ = try LintRunner.run(request) { results.append($0) }
        return results
    }

    @Test func resultsOfManyWindowsComeInOrder() {
        let sizes = (0..<60).map { 1 + ($0 * 37) % 256 }
        let total = sizes.reduce(0, +)
        #expect(run(threads: 3, sizes: sizes, ahead: 2) == (0..<total).map { $0 * 3 + 1 })
    }

    @Test func manyTinyWindows() {
        #expect(run(threads: 4, sizes: Array(repeating: 1, count: 500), ahead: 2) == (0..<500).map { $0 * 3 + 1 })
        #expect(run(threads: 2, sizes: Array(repeating: 2, count: 300), ahead: 1) == (0..<600).map { $0 * 3 + 1 })
    }

    @Test func moreThreadsThanItems() {
        #expect(run(threads: 16, sizes: [3], ahead: 2) == [1, 4, 7])
        #expect(run(threads: 16, sizes: [1, 1], ahead: 2) == [1, 4])
    }

    /// With two jobs and a one-file run there is no thread besides the owner's, which lints it all.
    @Test func noThreadsButTheOwner() {
        #expect(run(threads: 0, sizes: [1, 5, 2], ahead: 2) == (0..<8).map { $0 * 3 + 1 })
    }

    /// While a thread finishes the last item of the window being delivered, the owner takes items of the
    /// windows started after it rather than sleep: here the thread's item waits for the owner to have done
    /// an item of the next window (and gives up, with -1, after ten seconds).
    @Test func ownerTakesItemsOfLaterWindowsWhileWaiting() {
        let threadHasItem = DispatchSemaphore(value: 0)
        let laterItemDone = DispatchSemaphore(value: 0)
        let transform: @Sendable (Int) -> Int = { item in
            switch item {
            case 0:
                threadHasItem.signal()
                return laterItemDone.wait(timeout: .now() + 10) == .success ? 100 : -1
            case 1:
                laterItemDone.signal()
                return 101
            default:
                return item + 100
            }
        }
        let pool = LintPool<Int, Int>(threads: 1, transform)
        let first = pool.start([0])
        threadHasItem.wait()
        let second = pool.start([1, 2])
        var delivered: [Int] = []
        first.deliver(helping: transform, later: [second]) { delivered.append($0) }
        second.deliver(helping: transform, later: []) { delivered.append($0) }
        pool.end()
        #expect(delivered == [100, 101, 102])
    }

    /// Each thread makes its own transform, on that thread, and uses it alone: the runner's lint threads keep
    /// their own copies of the settings in it.
    @Test func eachThreadTransformsWithItsOwn() {
        final class Own: @unchecked Sendable {
            let thread = pthread_self()
            func transform(_ item: Int) -> [Int] {
                // The thread this transform was made on, and the one it runs on.
                [item, pthread_equal(thread, pthread_self()) != 0 ? 1 : 0, Int(bitPattern: UInt(bitPattern: ObjectIdentifier(self)))]
            }
        }
        let made = Atomic<Int>(0)
        let pool = LintPool<Int, [Int]>(threads: 3, transformOnEachThread: {
            made.add(1, ordering: .relaxed)
            return Own().transform
        })
        // The owner's transform: recognisably not one of the threads'.
        let owner: (Int) -> [Int] = { [$0, 1, -1] }
        var results: [[Int]] = []
        for first in stride(from: 0, to: 3_000, by: 300) {
            pool.start(Array(first..<first + 300)).deliver(helping: owner, later: []) { results.append($0) }
        }
        pool.end()
        #expect(made.load(ordering: .relaxed) == 3)
        #expect(results.map { $0[0] } == Array(0..<3_000))
        // Every item ran on the thread its transform was made on.
        #expect(results.allSatisfy { $0[1] == 1 })
        // At most three transforms besides the owner's were used.
        #expect(Set(results.map { $0[2] }).subtracting([-1]).count <= 3)
    }

    @Test func discardedWindowsAreWaitedFor() {
        let transformed = Atomic<Int>(0)
        let transform: @Sendable (Int) -> [Int] = { item in
            transformed.add(1, ordering: .relaxed)
            return [item]
        }
        let pool = LintPool<Int, [Int]>(threads: 1, transform)
        let windows = [pool.start(Array(0..<300)), pool.start(Array(300..<310))]
        windows.forEach { $0.discard(helping: transform) }
        // Every item was done before `discard` returned: nothing goes on once the run is over.
        #expect(transformed.load(ordering: .relaxed) == 310)
        pool.end()
    }

    /// A lint thread starts on a CPU other than its creator's, where there is one, then may run on any CPU
    /// the process may (`LintThread`). Checked ten times over, with the creator busy as the runner's main
    /// thread is: started the usual way, a thread often lands on its creator's CPU on this project's virtual
    /// machines.
    @Test func threadStartsOnAnotherCPUThenMayRunAnywhere() {
        /// What the thread found as its body began.
        final class Seen {
            var cpu: Int32 = -2
            var allowed: Int32 = -2
            let begun = Atomic<Bool>(false)
        }
        let allowed = frontlint_allowed_cpu_count()
        for _ in 0..<10 {
            let seen = Seen()
            var thread = pthread_t()
            var avoided: Int32 = -2
            let result = frontlint_thread_start_elsewhere(&thread, { raw in
                let seen = Unmanaged<Seen>.fromOpaque(raw!).takeUnretainedValue()
                seen.cpu = frontlint_current_cpu()
                seen.allowed = frontlint_allowed_cpu_count()
                seen.begun.store(true, ordering: .releasing)
                return nil
            }, Unmanaged.passUnretained(seen).toOpaque(), &avoided)
            #expect(result == 0)
            guard result == 0 else { return }
            // Busy until the thread has begun, as the runner's main thread is while it walks the tree.
            let start = ContinuousClock.now
            while !seen.begun.load(ordering: .acquiring) && ContinuousClock.now - start < .seconds(1) {}
            pthread_join(thread, nil)
            if allowed > 1 {
                #expect(avoided >= 0)
                #expect(seen.cpu >= 0 && seen.cpu != avoided)
            } else {
                #expect(avoided == -1)
            }
            #expect(seen.allowed == allowed)
        }
    }

    /// Enough files for several windows, linted with several jobs, in path order and as with one job.
    @Test func runnerReportsManyWindowsInPathOrder() throws {
        let scratch = try ScratchDirectory()
        for index in 0..<(LintRunner.windowSize * 3 + 17) {
            try scratch.write("d\(index % 7)/page\(index).md", index % 5 == 0 ? duplicateKeyPage : goodPage)
        }
        let one = try lintRun(scratch.path, jobs: 1)
        #expect(one.count == LintRunner.windowSize * 3 + 17)
        #expect(one.map(\.path) == one.map(\.path).sorted { PathNames.precedesBytewise($0, $1) })
        for jobs in [2, 3, 64] {
            let several = try lintRun(scratch.path, jobs: jobs)
            #expect(several.map(\.path) == one.map(\.path))
            #expect(several.map(\.diagnostics) == one.map(\.diagnostics))
        }
    }

    /// Files under several settings (a nested configuration and an override), linted with several jobs: each
    /// lint thread compiles its own copy of each settings object, and reports exactly what one job does.
    @Test func runnerWithSeveralSettingsAndJobs() throws {
        let scratch = try ScratchDirectory()
        try scratch.write(".frontlint.yml", """
            fields:
              title: {type: string, required: true}
            overrides:
              - files: ["strict/**"]
                unknown-keys: error
            """)
        try scratch.write("nested/.frontlint.yml", "fields:\n  draft: {type: boolean, required: true}\n")
        let pages = ["---\ntitle: a\ndraft: 1\nextra: x\n---\n", "---\ndraft: true\n---\n", goodPage, duplicateKeyPage]
        for index in 0..<(LintRunner.windowSize * 2 + 9) {
            let directory = ["plain", "strict", "nested", "nested/strict"][index % 4]
            try scratch.write("\(directory)/page\(index).md", pages[index / 4 % pages.count])
        }
        let one = try lintRun(scratch.path, jobs: 1)
        // The settings differ from directory to directory, so the results do too.
        #expect(Set(one.flatMap { $0.diagnostics.map(\.rule) }).isSuperset(of: ["field-required", "key-unknown", "field-type"]))
        for jobs in [2, 3] {
            let several = try lintRun(scratch.path, jobs: jobs)
            #expect(several.map(\.path) == one.map(\.path))
            #expect(several.map(\.diagnostics) == one.map(\.diagnostics))
        }
    }

    /// Each file in a directory of its own, over several windows: the window queue keeps each window's
    /// directories (which its items do not hold) until the window is reported, so every file is read, by
    /// name from its directory or, past the limit of open directories, by its path.
    @Test func runnerReadsFilesOfManyDirectories() throws {
        let scratch = try ScratchDirectory()
        let count = LintRunner.windowSize * 2 + 50
        for index in 0..<count {
            try scratch.write(String(format: "d%04d/page.md", index), index % 3 == 0 ? duplicateKeyPage : goodPage)
        }
        for jobs in [1, 2, 3] {
            let results = try lintRun(scratch.path, jobs: jobs)
            #expect(results.count == count)
            #expect(results.map { $0.diagnostics.map(\.rule) } == (0..<count).map { $0 % 3 == 0 ? ["key-duplicate"] : [] })
        }
        #expect(DirectoryHandle.openDescriptors <= DirectoryHandle.maximumOpen)
    }

    /// One file with two jobs (no thread besides the main one), and three files with eight.
    @Test func runnerWithMoreJobsThanFiles() throws {
        for (files, jobs) in [(1, 2), (3, 8)] {
            let scratch = try ScratchDirectory()
            for index in 0..<files { try scratch.write("page\(index).md", duplicateKeyPage) }
            let results = try lintRun(scratch.path, jobs: jobs)
            #expect(results.map(\.path) == (0..<files).map { scratch.path + "/page\($0).md" })
            #expect(results.allSatisfy { $0.diagnostics.map(\.rule) == ["key-duplicate"] })
        }
    }

    /// When the walk may run only one or two windows ahead of the report, windows are reported while it
    /// goes on: the results are the same, in the same order, as when it runs ahead of the whole tree.
    @Test func walkThatRunsAheadByFewWindowsReportsTheSame() throws {
        let scratch = try ScratchDirectory()
        for index in 0..<(LintRunner.windowSize * 5 + 17) {
            try scratch.write(String(format: "d%02d/page%04d.md", index % 7, index), index % 5 == 0 ? duplicateKeyPage : goodPage)
        }
        let whole = try lintRun(scratch.path, jobs: 1)
        #expect(whole.count == LintRunner.windowSize * 5 + 17)
        #expect(whole.map(\.path) == whole.map(\.path).sorted { PathNames.precedesBytewise($0, $1) })
        for held in [1, 2] {
            for jobs in [1, 2, 3] {
                let results = try lintRun(scratch.path, jobs: jobs, windowsHeld: held)
                #expect(results.map(\.path) == whole.map(\.path), "held \(held), jobs \(jobs)")
                #expect(results.map(\.diagnostics) == whole.map(\.diagnostics), "held \(held), jobs \(jobs)")
            }
        }
    }

    /// A configuration error met once the walk had reported windows to stay within `windowsHeld`: the run
    /// fails, after reporting the files before those the walk held.
    @Test func runThatFailsAfterTheWalkReportedWindowsStops() throws {
        let scratch = try ScratchDirectory()
        for index in 0..<(LintRunner.windowSize * 3 + 10) { try scratch.write(String(format: "a/page%04d.md", index), goodPage) }
        try scratch.write("z/.frontlint.yml", "rules: [\n")
        try scratch.write("z/page.md", goodPage)
        for jobs in [1, 3] {
            var request = LintRequest()
            request.paths = [scratch.path]
            request.jobs = jobs
            request.windowsHeld = 1
            var reported: [String] = []
            #expect(throws: RunFailure.self) {
                _ = try LintRunner.run(request) { reported.append($0.path) }
            }
            // The three full windows of `a/`, in order; not the ten files of the window the walk still held
            // when it met the error, nor anything of `z/`.
            let expected = (0..<(LintRunner.windowSize * 3)).map { String(format: "\(scratch.path)/a/page%04d.md", $0) }
            #expect(reported.count == expected.count, "jobs \(jobs)")
            #expect(reported.elementsEqual(expected), "jobs \(jobs)")
        }
    }

    /// Several paths, walked in turn when they do not overlap and collected and sorted when they may:
    /// either way the results are what `collect` finds, in its order, with problems among the files.
    @Test func severalPathsAreReportedInTheOrderCollectGives() throws {
        let scratch = try ScratchDirectory()
        let names = ["a/x.md", "a/-y.md", "a/sub/z.md", "a-b/x.md", "a.md", "ab/x.md", "b/x.md", "b/c/x.md"]
        for (index, name) in names.enumerated() { try scratch.write(name, index % 2 == 0 ? duplicateKeyPage : goodPage) }
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/b/broken.md", withDestinationPath: "nowhere.md")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/link", withDestinationPath: scratch.path + "/a")
        let p = scratch.path
        let candidates = ["\(p)/a", "\(p)/a/", "\(p)/./a", "\(p)/a-b", "\(p)/a.md", "\(p)/ab", "\(p)/b", "\(p)/b/c",
                          "\(p)/a/sub", "\(p)/a/x.md", "\(p)/b/../ab", "\(p)/link", p]
        // A fixed sequence of argument lists (a linear congruential generator), so a failure can be replayed.
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var walkedInTurn = 0
        for _ in 0..<120 {
            let paths = (0..<(2 + next(3))).map { _ in candidates[next(candidates.count)] }
            if FileDiscovery.orderForWalkingInTurn(paths) != nil { walkedInTurn += 1 }
            let discovered = FileDiscovery.collect(paths: paths)
            var expected: [String] = []
            var problems = discovered.problems[...]
            for file in discovered.files {
                while let problem = problems.first, PathNames.precedesBytewise(problem.path, file.path) {
                    expected.append(problem.path)
                    problems.removeFirst()
                }
                expected.append(file.path)
            }
            expected += problems.map(\.path)
            for jobs in [1, 2] {
                var request = LintRequest()
                request.paths = paths
                request.jobs = jobs
                var reported: [String] = []
                _ = try LintRunner.run(request) { reported.append($0.path) }
                #expect(reported == expected, "\(paths), jobs \(jobs)")
            }
        }
        // Both ways were taken.
        #expect(walkedInTurn > 20 && walkedInTurn < 100, "\(walkedInTurn)")
    }

    /// Two directories walked in turn stream like one: past `windowsHeld` windows, results are reported
    /// while the walk goes on.
    @Test func pathsWalkedInTurnAreReportedWhileTheWalkGoesOn() throws {
        let scratch = try ScratchDirectory()
        for index in 0..<(LintRunner.windowSize * 2) { try scratch.write(String(format: "a/page%04d.md", index), goodPage) }
        try scratch.write("b/.frontlint.yml", "rules: [\n")
        try scratch.write("b/page.md", goodPage)
        var request = LintRequest()
        request.paths = [scratch.path + "/b", scratch.path + "/a"]
        request.jobs = 2
        request.windowsHeld = 1
        var reported = 0
        #expect(throws: RunFailure.self) {
            _ = try LintRunner.run(request) { _ in reported += 1 }
        }
        #expect(reported == LintRunner.windowSize * 2)
    }

    /// A configuration error met after windows were started: the run fails and reports nothing.
    @Test func runThatFailsMidWalkReportsNothing() throws {
        let scratch = try ScratchDirectory()
        for index in 0..<(LintRunner.windowSize * 3) { try scratch.write("a/page\(index).md", goodPage) }
        try scratch.write("z/.frontlint.yml", "rules: [\n")
        try scratch.write("z/page.md", goodPage)
        var request = LintRequest()
        request.paths = [scratch.path]
        request.jobs = 3
        var reported = 0
        #expect(throws: RunFailure.self) {
            _ = try LintRunner.run(request) { _ in reported += 1 }
        }
        #expect(reported == 0)
    }
}
