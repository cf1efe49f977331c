import Glibc


/// The Markdown files a branch touches, for `--changed-since REF`: what a pull request changed.
///
/// A file is listed when it differs between the merge base of `REF` and `HEAD` and the working tree —
/// committed on the branch since it left `REF`, staged, or modified and not yet staged — or when it is
/// untracked and not ignored (`.gitignore`, `.git/info/exclude`, the global excludes file). So it is
/// `git diff --name-only $(git merge-base REF HEAD)` plus `git ls-files --others --exclude-standard`.
/// The merge base rather than `REF` itself: commits that landed on `REF` after the branch was cut are
/// not the branch's changes (this is what `git diff REF...` and a pull request's "files changed" show).
///
/// - Deleted files are skipped; a renamed file is listed under its new name.
/// - Only `*.md` and `*.markdown` (any case), and, as in a directory walk, nothing with a hidden path
///   component (a name starting with `.`).
/// - Only files under the working directory, or under `paths` when given (files or directories, relative
///   to the working directory); paths are relative to the working directory, sorted byte-wise.
///
/// git runs as a subprocess (found on `PATH`, never through a shell).
public enum ChangedFiles {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case gitNotFound
        case notARepository(directory: String)
        case unknownRevision(String)
        case noMergeBase(String)
        case gitFailed(command: String, message: String)

        public var description: String {
            switch self {
            case .gitNotFound:
                return "--changed-since needs git, and no `git` was found on PATH"
            case .notARepository(let directory):
                return "--changed-since works inside a git repository, and \(directory) is not in one"
            case .unknownRevision(let ref):
                return "--changed-since: `\(ref)` is not a commit, branch or tag in this repository"
                    + " (in CI, fetch it first, e.g. `git fetch origin \(ref)`)"
            case .noMergeBase(let ref):
                return "--changed-since: `\(ref)` and HEAD have no common ancestor"
                    + " (in a shallow clone, fetch more history, e.g. `fetch-depth: 0`)"
            case .gitFailed(let command, let message):
                return "--changed-since: `\(command)` failed: \(message)"
            }
        }
    }

    /// The Markdown files changed since `ref`: see the type's documentation.
    public static func markdownFiles(
        since ref: String, paths: [String] = [], in directory: String? = nil
    ) throws(Failure) -> [String] {
        let directory = directory ?? FileSystem.currentDirectory
        let git = try Git(directory: directory)
        guard (try? git.run(["rev-parse", "--is-inside-work-tree"]))?.output == "true\n" else {
            throw .notARepository(directory: directory)
        }
        guard (try? git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"])) != nil else {
            throw .unknownRevision(ref)
        }
        let base: String
        do throws(Failure) {
            base = String(try git.run(["merge-base", "--end-of-options", ref, "HEAD"]).output
                .split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == " " }).first ?? "")
        } catch {
            throw .noMergeBase(ref)
        }
        let pathspecs = ["--"] + (paths.isEmpty ? ["."] : paths)
        // Working tree against the merge base: commits since then, staged and unstaged changes alike.
        let changed = try git.run(["diff", "--name-only", "-z", "--relative", "--no-ext-diff", "--no-color",
                                   "--ignore-submodules", "--diff-filter=d", base] + pathspecs).output
        let untracked = try git.run(["ls-files", "-z", "--others", "--exclude-standard"] + pathspecs).output

        var seen = Set<String>()
        var files: [String] = []
        for name in (changed + untracked).split(separator: "\0").map(String.init) where seen.insert(name).inserted {
            guard isMarkdown(name), !isHidden(name) else { continue }
            // A file deleted from the working tree but not from the index is still in the diff as modified.
            guard FileSystem.isRegularFile(PathNames.absolute(name, base: directory)) else { continue }
            files.append(name)
        }
        return files.sorted(by: PathNames.precedesBytewise)
    }

    static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return (lower.hasSuffix(".md") && lower.count > 3) || (lower.hasSuffix(".markdown") && lower.count > 9)
    }

    static func isHidden(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") && $0 != "." && $0 != ".." }
    }
}

/// Runs git in one directory with arguments, never through a shell.
struct Git {
    let directory: String

    init(directory: String) throws(ChangedFiles.Failure) {
        guard Git.isInstalled() else { throw .gitNotFound }
        self.directory = directory
    }

    /// Whether `git` is on `PATH`.
    static func isInstalled() -> Bool {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").contains { !$0.isEmpty && access(String($0) + "/git", X_OK) == 0 }
    }

    struct Outcome {
        var output: String
    }

    /// Runs `git ARGUMENTS` in `directory` and returns its standard output; a non-zero exit is `gitFailed`
    /// with the first line git wrote to standard error.
    func run(_ arguments: [String]) throws(ChangedFiles.Failure) -> Outcome {
        // Pathspecs are file names, not patterns: a file called `*.md` means that file.
        let options = ["--literal-pathspecs", "-c", "core.quotePath=false"]
        let command = "git " + arguments.prefix(2).joined(separator: " ")
        let result: Subprocess.Result
        do throws(Subprocess.SpawnError) {
            result = try Subprocess.run("git", ["-C", directory] + options + arguments)
        } catch {
            throw .gitFailed(command: command, message: error.description)
        }
        guard result.status == 0 else {
            let firstLine = String(decoding: result.error, as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw .gitFailed(command: command, message: firstLine ?? "exit status \(result.status)")
        }
        return Outcome(output: String(decoding: result.output, as: UTF8.self))
    }
}
