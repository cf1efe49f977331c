/// Which files to lint, from the paths on the command line.
///
/// - A file named explicitly is always linted, whatever its extension, `.gitignore` or the config's
///   `exclude` say (but a FIFO, socket or device is reported, never opened).
/// - A directory is walked for `*.md` and `*.markdown` (extension in any case). Hidden entries (name
///   starting with `.`) are skipped, files as well as directories, unless `includeHidden` is set; `.git`
///   is always skipped. A directory named explicitly is walked even if it is hidden, ignored or
///   excluded.
/// - Inside a git checkout (an ancestor holds `.git`, a directory or a file), `.gitignore` files from the
///   checkout root down and `.git/info/exclude` apply; a nested checkout starts over with its own.
///   Outside a checkout `.gitignore` files mean nothing, as for git. The global excludes file is not read.
/// - Symbolic links to files are followed; symbolic links to directories are not (so no loops). Broken
///   links and unreadable directories are reported and the walk goes on.
/// - Paths keep the form they were given in (`fixtures` → `fixtures/a.md`, `./x` → `./x/a.md`, absolute
///   stays absolute). With no paths at all the working directory is walked and paths have no `./`.
///   Results are sorted byte-wise and the same file reached twice (`. a.md`) is listed once, in the
///   form it was first reached in.
public enum FileDiscovery {
    public struct Options: Sendable {
        /// Honour `.gitignore` and `.git/info/exclude` (a `--no-ignore` flag would turn this off).
        public var respectGitignore: Bool
        /// Walk into hidden directories and collect hidden files.
        public var includeHidden: Bool

        public init(respectGitignore: Bool = true, includeHidden: Bool = false) {
            self.respectGitignore = respectGitignore
            self.includeHidden = includeHidden
        }
    }

    /// Collects the Markdown files under `paths` (the working directory when empty).
    ///
    /// `isExcluded` is asked about every file and directory met while walking (never about paths named
    /// on the command line), with the path in the same form as the results and whether it is a directory;
    /// answering true for a directory skips everything below it. This is where the config's `exclude`
    /// globs come in, e.g. through `PathPatterns.matches`. `mayExcludeFiles` is asked as `walk` asks it.
    public static func collect(
        paths: [String],
        options: Options = Options(),
        isExcluded: (_ path: String, _ isDirectory: Bool) -> Bool = { _, _ in false },
        mayExcludeFiles: (_ displayPrefix: String) -> Bool = { _ in true }
    ) -> DiscoveryResult {
        var files: [DiscoveredFile] = []
        var problems: [DiscoveryProblem] = []
        withWalker(options: options, isExcluded: isExcluded, mayExcludeFiles: mayExcludeFiles, found: { item in
            switch item {
            case .file(let file): files.append(file)
            case .problem(let problem): problems.append(problem)
            }
        }) { walker in
            if paths.isEmpty {
                walker.walkRoot(openPath: ".", displayPrefix: "", argument: ".")
            } else {
                for path in paths { walker.add(argument: path) }
            }
        }
        return result(files: files, problems: problems, deduplicate: paths.count > 1)
    }

    /// Walks one path (the working directory when nil) as `collect` does, handing on its files and
    /// problems as they are found, in byte-wise order of their paths: a caller can start on the first
    /// files while the walk goes on. (Several paths may overlap, so only `collect` can order them.)
    ///
    /// `mayExcludeFiles` is asked once per directory, before its first file, with the prefix of the paths
    /// of its files (the directory's path and `/`; empty for the working directory): when it answers
    /// false, no file directly in that directory can be excluded and `isExcluded` is not asked about them
    /// one by one (it still is about its subdirectories).
    public static func walk(
        path: String?,
        options: Options = Options(),
        isExcluded: (_ path: String, _ isDirectory: Bool) -> Bool = { _, _ in false },
        mayExcludeFiles: (_ displayPrefix: String) -> Bool = { _ in true },
        found: (DiscoveredItem) -> Void
    ) {
        withWalker(options: options, isExcluded: isExcluded, mayExcludeFiles: mayExcludeFiles, found: found) { walker in
            if let path {
                walker.add(argument: path)
            } else {
                walker.walkRoot(openPath: ".", displayPrefix: "", argument: ".")
            }
        }
    }

    /// Walks several paths one after another, as `walk` walks one, in the order `orderForWalkingInTurn`
    /// gave them: as `collect` would, no directory is walked twice, even when reached by two names.
    static func walk(
        inTurn paths: [String],
        options: Options = Options(),
        isExcluded: (_ path: String, _ isDirectory: Bool) -> Bool = { _, _ in false },
        mayExcludeFiles: (_ displayPrefix: String) -> Bool = { _ in true },
        found: (DiscoveredItem) -> Void
    ) {
        withWalker(options: options, isExcluded: isExcluded, mayExcludeFiles: mayExcludeFiles, found: found) { walker in
            for path in paths { walker.add(argument: path) }
        }
    }

    /// The order in which several paths can be walked one after another (each with `walk`) so that their
    /// files and problems come out in the order `collect` gives them: byte-wise by path, with nothing
    /// twice. Nil when two of the paths may overlap, and only `collect` can de-duplicate and order them.
    ///
    /// Every path a walk of a directory hands on starts with the directory's prefix (`content/`); a file,
    /// or a path that is not there, is handed on as it was given. When none of these keys starts with a
    /// directory's key (one directory in another, written `a` and `a/../b` or not) and no two paths are
    /// the same once made absolute (`a` and `./a`), every path under a smaller key sorts before every path
    /// under a larger one, so the paths can be walked in the order of their keys.
    static func orderForWalkingInTurn(_ paths: [String]) -> [String]? {
        var keyed: [(key: String, isDirectory: Bool, path: String)] = []
        var absolutes = Set<String>()
        for path in paths {
            let absolute = PathNames.absolute(path)
            guard absolutes.insert(absolute).inserted else { return nil }
            let isDirectory = if case .success(let status) = FileSystem.status(path), status.kind == .directory { true } else { false }
            // A directory named through a symbolic link may be another's, or inside it: a walk lists each
            // directory once, under the name `collect` would keep only when it walks the paths as given.
            if isDirectory && FileSystem.realPath(path) != absolute { return nil }
            keyed.append((isDirectory ? DirectoryWalker.displayPrefix(for: path) : path, isDirectory, path))
        }
        keyed.sort { PathNames.precedesBytewise($0.key, $1.key) }
        // Sorted, a key that starts with a directory's key comes right after it or after others that do.
        var lastDirectoryKey: String?
        for entry in keyed {
            if let lastDirectoryKey, entry.key.utf8.starts(with: lastDirectoryKey.utf8) { return nil }
            if entry.isDirectory { lastDirectoryKey = entry.key }
        }
        // One path inside another whatever the spelling (`a` and `./a/b`): made absolute, one starts with
        // the other and `/`. Sorted with `/` below every other byte, what is inside a path comes right
        // after it (`a`, `a/b`, `a-c`), so comparing neighbours is enough.
        let components = absolutes.map { Array($0.utf8).map { $0 == UInt8(ascii: "/") ? 0 : $0 } }.sorted { $0.lexicographicallyPrecedes($1) }
        for (a, b) in zip(components, components.dropFirst()) {
            if b.starts(with: a.last == 0 ? a : a + [0]) { return nil }
        }
        return keyed.map(\.path)
    }

    /// Runs `body` with a walker that asks these closures: it holds them only while `body` runs, so they
    /// need not escape.
    private static func withWalker(
        options: Options,
        isExcluded: (_ path: String, _ isDirectory: Bool) -> Bool,
        mayExcludeFiles: (_ displayPrefix: String) -> Bool,
        found: (DiscoveredItem) -> Void,
        _ body: (inout DirectoryWalker) -> Void
    ) {
        withoutActuallyEscaping(isExcluded) { isExcluded in
            withoutActuallyEscaping(mayExcludeFiles) { mayExcludeFiles in
                withoutActuallyEscaping(found) { found in
                    var walker = DirectoryWalker(options: options, isExcluded: isExcluded,
                                                 mayExcludeFiles: mayExcludeFiles, found: found)
                    body(&walker)
                }
            }
        }
    }

    /// Files deduplicated (by normalized absolute path, first form kept) and everything sorted byte-wise.
    /// One command-line argument cannot yield a file twice (no directory is walked twice and links to
    /// directories are not followed), so then the paths need not be normalized.
    private static func result(files: [DiscoveredFile], problems: [DiscoveryProblem], deduplicate: Bool) -> DiscoveryResult {
        var seen: [String: Int] = [:]
        var unique: [DiscoveredFile] = []
        unique.reserveCapacity(files.count)
        for file in files where !deduplicate {
            unique.append(file)
        }
        for file in files where deduplicate {
            let key = PathNames.absolute(file.path)
            if let index = seen[key] {
                if file.isExplicit && !unique[index].isExplicit {
                    unique[index] = unique[index].markedExplicit()
                }
                continue
            }
            seen[key] = unique.count
            unique.append(file)
        }
        unique.sort { PathNames.precedesBytewise($0.path, $1.path) }
        var sortedProblems = Array(Set(problems))
        sortedProblems.sort {
            $0.path == $1.path ? $0.kind.rawValue < $1.kind.rawValue : PathNames.precedesBytewise($0.path, $1.path)
        }
        return DiscoveryResult(files: unique, problems: sortedProblems)
    }

    /// The config file that applies to `path` (a file): see `ConfigLocator.configFile(for:)`.
    public static func configFile(for path: String) -> String? {
        ConfigLocator.shared.configFile(for: path)
    }

    /// Whether a name ends in `.md` or `.markdown`, in any case.
    static func isMarkdown(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        func hasSuffix(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard name.count > count else { return false }
            let start = suffix.utf8Start
            for k in 0..<count {
                var b = name[name.count - count + k]
                if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { b |= 0x20 }
                if b != start[k] { return false }
            }
            return true
        }
        return hasSuffix(".md") || hasSuffix(".markdown")
    }
}

/// A file to lint.
public struct DiscoveredFile: Hashable, Sendable, CustomStringConvertible {
    /// The path in the form it was reached in, for reports (and for opening, when no directory is known).
    public let path: String
    /// Named on the command line rather than found by walking.
    public let isExplicit: Bool
    /// The directory a walk found the file in: it is opened from there by name.
    let directory: DirectoryHandle?
    /// Where the file's name starts in `path`, in UTF-8 bytes (with a `directory`).
    let nameOffset: Int

    public init(path: String, isExplicit: Bool) {
        self.init(path: path, isExplicit: isExplicit, directory: nil, nameOffset: 0)
    }

    init(path: String, isExplicit: Bool, directory: DirectoryHandle?, nameOffset: Int) {
        self.path = path
        self.isExplicit = isExplicit
        self.directory = directory
        self.nameOffset = nameOffset
    }

    /// The same file, marked as named on the command line.
    func markedExplicit() -> DiscoveredFile {
        DiscoveredFile(path: path, isExplicit: true, directory: directory, nameOffset: nameOffset)
    }

    /// Files are told apart by path: the directory they are read from is how, not what.
    public static func == (a: DiscoveredFile, b: DiscoveredFile) -> Bool {
        a.path == b.path && a.isExplicit == b.isExplicit
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(isExplicit)
    }

    public var description: String { path }
}

/// Something discovery could not use. The walk goes on past all of them.
public struct DiscoveryProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// A path on the command line does not exist (the CLI exits 2).
        case notFound
        /// A symbolic link whose target does not exist.
        case brokenSymbolicLink
        /// A symbolic link that leads back to itself.
        case symbolicLinkLoop
        /// A directory that cannot be listed, or a path that cannot be examined.
        case unreadable
        /// A FIFO, socket or device named on the command line.
        case notARegularFile
    }

    public let path: String
    public let kind: Kind
    /// Why, in words: "no such file or directory", "permission denied", "is a FIFO" …
    public let reason: String
    /// The path was named on the command line (rather than met while walking).
    public let isCommandLineArgument: Bool

    public init(path: String, kind: Kind, reason: String, isCommandLineArgument: Bool) {
        self.path = path
        self.kind = kind
        self.reason = reason
        self.isCommandLineArgument = isCommandLineArgument
    }

    public var description: String { "\(path): \(reason)" }
}

/// What a walk hands on as it goes: a file to lint or a problem met on the way.
public enum DiscoveredItem: Sendable {
    case file(DiscoveredFile)
    case problem(DiscoveryProblem)
}

public struct DiscoveryResult: Sendable {
    /// Sorted byte-wise by path, no duplicates.
    public var files: [DiscoveredFile]
    /// Sorted byte-wise by path.
    public var problems: [DiscoveryProblem]

    /// Paths named on the command line that could not be used at all: the CLI's exit 2.
    public var commandLineErrors: [DiscoveryProblem] { problems.filter(\.isCommandLineArgument) }
}
