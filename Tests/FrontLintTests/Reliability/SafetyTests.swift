import Foundation
import Testing
import FrontLint

/// What frontlint promises not to do: change a file, use the network, run a program, or look outside the
/// site when it checks a local path.
///
/// How the tests show it:
/// - Files: every file of the tree (pages, configuration, images) has the same bytes, mode, mtime and
///   ctime after a run with every report format; ctime moves on any write, chmod or rename, so even a
///   rewrite of identical bytes would show. Under `strace`, no open of a file in the tree asks for write
///   access and no call that changes a file (unlink, rename, truncate, utimes, chmod) names one.
/// - Network and programs: configuration and pages name URLs (one on this machine) and shell commands in
///   every place a string can go (exclude globs, patterns, enums, values, a file name). Under `strace`, the
///   run makes no network system call at all (socket, connect …) and executes nothing but itself; under
///   `unshare -n` (no network interface) its report is byte-for-byte the same; and the commands' marker
///   files never appear. `--changed-since` runs `git` by design; it is not used here, and git is not a
///   program a configuration can name.
/// - Outside the site: `url-local-missing` gets `..`, encoded `%2e%2e`, and symbolic links out of
///   `static/` (relative and absolute); each is reported, and `strace` shows no system call on any path
///   past the link, nor on the file outside.
/// A tool that is missing (`strace`, `unshare`) is reported in the test log and its part skipped; the
/// file and marker checks always run.
@Suite(.serialized) struct SafetyTests {
    static let strace = ["/usr/bin/strace", "/bin/strace"].first(where: FileManager.default.isExecutableFile(atPath:))
    static let unshare = ["/usr/bin/unshare", "/bin/unshare"].first(where: FileManager.default.isExecutableFile(atPath:))

    struct Snapshot: Equatable {
        var bytes: [UInt8]
        var mode: UInt32
        var mtime: [Int]
        var ctime: [Int]
    }

    static func snapshot(_ root: String) throws -> [String: Snapshot] {
        var result: [String: Snapshot] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        while let relative = enumerator.nextObject() as? String {
            let path = root + "/" + relative
            var st = stat()
            guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            result[relative] = Snapshot(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), mode: st.st_mode,
                                        mtime: [st.st_mtim.tv_sec, st.st_mtim.tv_nsec], ctime: [st.st_ctim.tv_sec, st.st_ctim.tv_nsec])
        }
        return result
    }

    /// Runs a command and returns its status and standard output.
    static func run(_ command: [String], in directory: String) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        // Under scripts/sanitize: LeakSanitizer cannot run under ptrace, so a traced frontlint skips its leak check.
        if command[0].hasSuffix("strace"), let options = environment["ASAN_OPTIONS"] {
            environment["ASAN_OPTIONS"] = options + ":detect_leaks=0"
        }
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The site every test lints: pages of every kind, a configuration turning every rule on.
    static func makeSite(_ scratch: ScratchDirectory, extraConfig: String = "", extraPage: String = "") throws -> String {
        try scratch.write("site/.frontlint.yml", """
            extends: [hugo]
            fields:
              thumbnail: {type: string, format: uri-reference}
            rules:
              url-local-missing: error
              url-insecure: warning
            \(extraConfig)
            """)
        try scratch.write("site/content/good.md", "---\ntitle: Good\ndate: 2024-01-02\nthumbnail: /img/ok.png\n---\n## Hello\n")
        try scratch.write("site/content/bad.md", "---\ntitle: a\ntitle: b\ndate: 2024-02-30\nthumbnail: /img/missing.png\n---\n# H\n#### deep\n")
        try scratch.write("site/content/crlf-bom.md", [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: x\r\n---\r\nbody\r\n".utf8))
        try scratch.write("site/content/latin1.md", Array("---\ntitle: caf".utf8) + [0xE9] + Array("\n---\n".utf8))
        try scratch.write("site/content/extra.md", "---\ntitle: Extra\n\(extraPage)---\n")
        try scratch.write("site/static/img/ok.png", [0x89, 0x50, 0x4E, 0x47])
        return scratch.path + "/site"
    }

    @Test func lintingChangesNoFile() throws {
        let scratch = try ScratchDirectory()
        let site = try Self.makeSite(scratch)
        let before = try Self.snapshot(scratch.path)
        #expect(before.count == 7)
        // Every format, to standard output and to report files (written outside the tree).
        let reports = try ScratchDirectory()
        var arguments = ["--select", RuleRegistry.ids.joined(separator: ","), "--report-unused-suppressions", "--statistics"]
        for format in ["human", "concise", "json", "json-lines", "github", "gitlab", "junit", "sarif"] {
            arguments += ["--format", format, "--output", reports.path + "/report." + format]
        }
        arguments += ["--format", "human", "--output", "-", "."]
        let binary = TestPaths.binary.path
        var command = [binary] + arguments
        let trace = scratch.path + "/../" + UUID().uuidString + ".strace"
        if let strace = Self.strace {
            command = [strace, "-f", "-qq", "-e", "trace=%file,%desc", "-o", trace] + command
        } else {
            print("NOTE: SafetyTests.lintingChangesNoFile: strace is not installed; only bytes and times are compared")
        }
        let result = try TimeBound.expect(under: 5, "lint the site") { try Self.run(command, in: site) }
        #expect(result.status == 1)
        #expect(result.stdout.contains("error[key-duplicate]"))
        #expect(try Self.snapshot(scratch.path) == before, "a file of the tree changed")

        if Self.strace != nil {
            defer { try? FileManager.default.removeItem(atPath: trace) }
            let log = try String(contentsOfFile: trace, encoding: .utf8)
            // Pages are opened by name relative to their directory (`openat(5, "good.md", …)`): a call
            // relative to an open descriptor rather than AT_FDCWD touches the tree too.
            let relativeToDirectory = #/\b[a-z0-9_]+at\(\d+,/#
            let touchingTree = log.split(separator: "\n").filter {
                $0.contains(scratch.path) || $0.contains("\"content/") || $0.contains("\"./") || $0.contains(relativeToDirectory)
            }
            #expect(touchingTree.contains { $0.contains("good.md") && $0.contains("O_RDONLY") }, "the trace shows the pages being read")
            let writes = touchingTree.filter { line in
                ["O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "unlink", "rename", "truncate", "utime", "chmod", "chown", "link("]
                    .contains { line.contains($0) }
            }
            #expect(writes.isEmpty, "\(writes.prefix(5))")
        }
    }

    @Test func noNetworkAndNothingExecuted() throws {
        let scratch = try ScratchDirectory()
        let markers = (1...6).map { scratch.path + "/marker\($0)" }
        let site = try Self.makeSite(scratch, extraConfig: """
            exclude: ["$(touch \(markers[0]))", "`touch \(markers[1])`"]
            overrides:
              - files: ["*.md; touch \(markers[2])"]
                fields:
                  homepage: {type: string, format: uri, pattern: "$(touch \(markers[3]))", enum: ["http://127.0.0.1:9/", "https://example.com/"]}
            """, extraPage: """
            homepage: http://127.0.0.1:9/
            thumbnail: http://127.0.0.1:9/a.png
            images: ["file:///etc/passwd", "|touch \(markers[4])", "ssh://example.com/x"]
            cmd: $(touch \(markers[4]))
            """)
        try scratch.write("site/content/$(touch \(markers[5])).md", goodPage)
        let binary = TestPaths.binary.path
        let arguments = ["--format", "json", "--select", RuleRegistry.ids.joined(separator: ","), "."]

        let plain = try Self.run([binary] + arguments, in: site)
        #expect(plain.status == 1)
        #expect(plain.stdout.contains("touch"), "the page named after a command is linted like any other")

        if let strace = Self.strace {
            let trace = scratch.path + "/network.strace"
            let traced = try Self.run([strace, "-f", "-qq", "-e", "trace=%network,execve,execveat,fork,vfork", "-o", trace, binary] + arguments,
                                      in: site)
            #expect(traced.stdout == plain.stdout)
            let calls = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
            // The single execve is strace starting frontlint itself.
            #expect(calls.filter { $0.contains("execve") }.count == 1, "\(calls.prefix(5))")
            #expect(calls.filter { !$0.contains("execve") && !$0.contains("exited with") && !$0.contains("+++") }.isEmpty,
                    "network calls or forks: \(calls.prefix(5))")
        } else {
            print("NOTE: SafetyTests.noNetworkAndNothingExecuted: strace is not installed; system calls are not traced")
        }

        if let unshare = Self.unshare, getuid() == 0 {
            let isolated = try Self.run([unshare, "--net", binary] + arguments, in: site)
            #expect(isolated.status == plain.status)
            #expect(isolated.stdout == plain.stdout, "the same report without any network")
        } else {
            print("NOTE: SafetyTests.noNetworkAndNothingExecuted: no network namespace (needs unshare and root); not run offline")
        }

        for marker in markers {
            #expect(!FileManager.default.fileExists(atPath: marker), "\(marker) was created: a command ran")
        }
    }

    @Test func localPathsStayInsideTheSite() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("outside/secret.png", [1, 2, 3])
        let site = try Self.makeSite(scratch)
        try FileManager.default.createSymbolicLink(atPath: site + "/static/escape", withDestinationPath: "../../outside")
        try FileManager.default.createSymbolicLink(atPath: site + "/static/absolute", withDestinationPath: scratch.path + "/outside")
        try FileManager.default.createSymbolicLink(atPath: site + "/static/alias", withDestinationPath: "img")
        try FileManager.default.createSymbolicLink(atPath: site + "/static/rooted", withDestinationPath: site + "/static/img")
        let references = [
            ("../../outside/secret.png", "points outside the site folder"),
            ("/../../outside/secret.png", "points outside the site folder"),
            ("%2e%2e/%2e%2e/%2e%2e/outside/secret.png", "points outside the site folder"),
            ("../../../../../../../../etc/passwd", "points outside the site folder"),
            ("/escape/secret.png", "through a symbolic link"),
            ("/absolute/secret.png", "through a symbolic link"),
            ("/alias/ok.png", nil),
            ("/rooted/ok.png", nil),
            ("/img/../alias/ok.png", nil),
        ]
        for (index, (reference, _)) in references.enumerated() {
            try scratch.write("site/content/ref\(index).md", "---\ntitle: R\nthumbnail: \"\(reference)\"\n---\n")
        }
        var command = [TestPaths.binary.path, "--format", "json", "--select", "url-local-missing", "content"]
        let trace = scratch.path + "/files.strace"
        if let strace = Self.strace {
            command = [strace, "-f", "-qq", "-e", "trace=%file", "-o", trace] + command
        } else {
            print("NOTE: SafetyTests.localPathsStayInsideTheSite: strace is not installed; file system calls are not traced")
        }
        let output = try Self.run(command, in: site)
        let run = try JSONRun(RunResult(status: output.status, stdout: output.stdout, stderr: ""))
        for (index, (reference, fragment)) in references.enumerated() {
            let found = run.files["content/ref\(index).md"] ?? []
            if let fragment {
                #expect(found.count == 1 && found[0].line == 3 && found[0].column == 12 && found[0].message.contains(fragment),
                        "\(reference): \(found)")
            } else {
                #expect(found.isEmpty, "\(reference): \(found)")
            }
        }
        if Self.strace != nil {
            let calls = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
            // The path each call was asked about (its first quoted argument; a readlink's answer, the link's
            // text, comes after it and is only read, never followed).
            // A call strace shows in two pieces (`<unfinished ...>`, then `<... resumed>`) names its path in
            // the first.
            let paths = calls.filter { !$0.contains("resumed>") }.compactMap { $0.split(separator: "\"", maxSplits: 2).dropFirst().first }
            let outside = paths.filter { $0.contains("outside") || $0.contains("escape/") || $0.contains("absolute/") || $0.contains("/etc/passwd") }
            #expect(outside.isEmpty, "\(outside.prefix(5))")
        }
    }
}
