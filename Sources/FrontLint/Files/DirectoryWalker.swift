#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The recursive walk behind `FileDiscovery.collect`. Directories are opened relative to their parent
/// (`openat` with `O_NOFOLLOW`, so a directory swapped for a link is not followed and paths of any length
/// work), listed once with `readdir`, and entries are classified from `d_type` so that a plain file costs
/// no `stat`. Only names that could matter (Markdown files, directories, links) are ever turned into
/// strings.
///
/// Each directory's entries are visited in byte-wise order of their paths, a subdirectory's contents at
/// the place of its name followed by `/` (`a-b.md` < `a/x.md` < `a0.md`), so one argument's files and
/// problems are handed on in byte-wise order of their paths, as they are found.
struct DirectoryWalker {
    let options: FileDiscovery.Options
    let isExcluded: (String, Bool) -> Bool
    /// Whether any file whose path starts with this directory prefix may be excluded: asked once per
    /// directory, before its first file (see `FileDiscovery.walk`).
    let mayExcludeFiles: (String) -> Bool
    let found: (DiscoveredItem) -> Void

    /// Directories already walked (device, inode), so overlapping roots are not walked twice.
    private var visited: Set<DirectoryID> = []

    private struct DirectoryID: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    init(options: FileDiscovery.Options, isExcluded: @escaping (String, Bool) -> Bool,
         mayExcludeFiles: @escaping (String) -> Bool, found: @escaping (DiscoveredItem) -> Void) {
        self.options = options
        self.isExcluded = isExcluded
        self.mayExcludeFiles = mayExcludeFiles
        self.found = found
    }

    // MARK: Command-line arguments

    mutating func add(argument path: String) {
        switch FileSystem.status(path) {
        case .success(let status):
            switch status.kind {
            case .regular:
                found(.file(DiscoveredFile(path: path, isExplicit: true)))
            case .directory:
                walkRoot(openPath: path, displayPrefix: DirectoryWalker.displayPrefix(for: path), argument: path)
            case .symbolicLink, .other:
                report(path, .notARegularFile, "is \(status.description), not a file or directory", argument: true)
            }
        case .failure(let error):
            if case .success(let link) = FileSystem.status(path, followingLinks: false), link.kind == .symbolicLink {
                reportLink(path, error, argument: true)
            } else if error.code == ENOENT || error.code == ENOTDIR {
                report(path, .notFound, "no such file or directory", argument: true)
            } else {
                report(path, .unreadable, "cannot be examined: \(error)", argument: true)
            }
        }
    }

    /// `fixtures/` and `fixtures` both give `fixtures/a.md`; `/` gives `/a.md`.
    static func displayPrefix(for path: String) -> String {
        var trimmed = Substring(path)
        // `utf8.count` rather than `count`: the same test here (a last character `/` is one byte), without
        // walking every character of the path for each `/` taken off.
        while trimmed.utf8.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed == "/" ? "/" : trimmed + "/"
    }

    mutating func walkRoot(openPath: String, displayPrefix: String, argument: String) {
        let fd = open(openPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            report(argument, .unreadable, "cannot be opened: \(Errno(errno))", argument: true)
            return
        }
        guard let root = list(fd, displayPrefix: displayPrefix, name: [], handle: DirectoryHandle(rootPath: openPath)) else { return }
        var ignores = options.respectGitignore ? DirectoryWalker.checkoutIgnores(for: openPath) : nil
        walk(root, ignores: &ignores, isRoot: true)
    }

    // MARK: Walking

    /// A directory opened and listed, waiting for its turn to be walked.
    private struct ListedDirectory {
        let directory: OpaquePointer
        let fd: Int32
        let listing: Listing
        /// Its path followed by `/` (empty for the working directory).
        let displayPrefix: String
        /// Its name followed by `/`: where its contents come among its siblings.
        let sortKey: [UInt8]
        /// What its files are read from, after the walk has closed `fd`.
        let handle: DirectoryHandle
    }

    /// Lists the directory open as `fd`; nil (and `fd` closed) when it was walked already or cannot be
    /// listed.
    private mutating func list(_ fd: Int32, displayPrefix: String, name: [UInt8], handle: DirectoryHandle) -> ListedDirectory? {
        if let status = FileSystem.status(of: fd) {
            guard visited.insert(DirectoryID(device: status.device, inode: status.inode)).inserted else {
                close(fd)
                return nil
            }
        }
        guard let directory = fdopendir(fd) else {
            report(displayPrefix.isEmpty ? "." : String(displayPrefix.dropLast()), .unreadable,
                   "cannot be listed: \(Errno(errno))", argument: false)
            close(fd)
            return nil
        }
        let listing = DirectoryWalker.list(directory, includeHidden: options.includeHidden)
        return ListedDirectory(directory: directory, fd: fd, listing: listing, displayPrefix: displayPrefix,
                               sortKey: name + [slash], handle: handle)
    }

    /// Walks a listed directory (and closes it).
    private mutating func walk(_ directory: ListedDirectory, ignores: inout IgnoreStack?, isRoot: Bool) {
        defer { closedir(directory.directory) }
        if options.respectGitignore && directory.listing.hasGit && !isRoot {
            // A nested checkout (a submodule, a vendored repository) has rules of its own.
            var nested: IgnoreStack? = IgnoreStack(infoExclude: DirectoryWalker.infoExclude(checkoutRoot: String(directory.displayPrefix.dropLast())))
            walkEntries(directory, ignores: &nested)
        } else {
            walkEntries(directory, ignores: &ignores)
        }
    }

    private mutating func walkEntries(_ directory: ListedDirectory, ignores: inout IgnoreStack?) {
        let listing = directory.listing
        var pushed = false
        if ignores != nil && listing.hasGitignore, let bytes = FileSystem.read(in: directory.fd, ".gitignore") {
            let rules = GitignoreRule.parse(bytes)
            if !rules.isEmpty {
                ignores?.push(rules)
                pushed = true
            }
        }
        // A subdirectory is opened at the place of its own path, where a problem with it is reported, and
        // walked once every sibling that sorts before its name followed by `/` has been visited.
        var waiting: [ListedDirectory] = [] // in the order of their sort keys
        var filesMayBeExcluded: Bool? // asked at the first file
        listing.names.withUnsafeBufferPointer { names in
            for entry in listing.entries {
                let name = UnsafeBufferPointer(rebasing: names[entry.start..<(entry.start + entry.length)])
                while let next = waiting.first, next.sortKey.lexicographicallyPrecedes(name) {
                    walkSubdirectory(waiting.removeFirst(), ignores: &ignores)
                }
                if let subdirectory = visit(name, cName: names.baseAddress! + entry.start, type: entry.type,
                                            in: directory, filesMayBeExcluded: &filesMayBeExcluded, ignores: &ignores) {
                    let place = waiting.firstIndex { subdirectory.sortKey.lexicographicallyPrecedes($0.sortKey) } ?? waiting.count
                    waiting.insert(subdirectory, at: place)
                }
            }
        }
        for subdirectory in waiting { walkSubdirectory(subdirectory, ignores: &ignores) }
        if pushed { ignores?.popLevel() }
    }

    private mutating func walkSubdirectory(_ subdirectory: ListedDirectory, ignores: inout IgnoreStack?) {
        let previous = subdirectory.sortKey.withUnsafeBufferPointer { key in
            ignores?.enter(UnsafeBufferPointer(rebasing: key.dropLast()))
        }
        walk(subdirectory, ignores: &ignores, isRoot: false)
        if let previous { ignores?.leave(to: previous) }
    }

    /// Hands on a file or problem, or returns a subdirectory to walk.
    private mutating func visit(_ name: UnsafeBufferPointer<UInt8>, cName: UnsafePointer<UInt8>, type: UInt8,
                                in parent: ListedDirectory, filesMayBeExcluded: inout Bool?,
                                ignores: inout IgnoreStack?) -> ListedDirectory? {
        let fd = parent.fd
        let displayPrefix = parent.displayPrefix
        let cString = UnsafeRawPointer(cName).assumingMemoryBound(to: CChar.self)
        var kind: FileSystem.Kind
        switch Int(type) {
        case Int(DT_DIR): kind = .directory
        case Int(DT_REG): kind = .regular
        case Int(DT_LNK): kind = .symbolicLink
        case Int(DT_UNKNOWN):
            guard case .success(let status) = FileSystem.status(in: fd, cString, followingLinks: false) else { return nil }
            kind = status.kind
        default:
            return nil // FIFOs, sockets and devices are never opened
        }

        var linkError: Errno?
        if kind == .symbolicLink {
            switch FileSystem.status(in: fd, cString, followingLinks: true) {
            case .success(let target):
                // Links to directories are not followed: that is what keeps the walk free of loops.
                guard target.kind == .regular else { return nil }
                kind = .regular
            case .failure(let error):
                linkError = error
            }
        }
        if kind == .regular && linkError == nil && !FileDiscovery.isMarkdown(name) { return nil }
        guard kind == .regular || kind == .directory || linkError != nil else { return nil }

        let isDirectory = kind == .directory
        if ignores?.isIgnored(name, isDirectory: isDirectory) == true { return nil }
        let path = DirectoryWalker.path(displayPrefix, name)
        if isDirectory {
            if isExcluded(path, true) { return nil }
        } else {
            // A file is excluded by the configuration of its directory, the same for all its files: most
            // directories have none that can be, and their files are not asked about.
            if filesMayBeExcluded == nil { filesMayBeExcluded = mayExcludeFiles(displayPrefix) }
            if filesMayBeExcluded == true && isExcluded(path, false) { return nil }
        }

        if let linkError {
            reportLink(path, linkError, argument: false)
        } else if isDirectory {
            let child = openat(fd, cString, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else {
                let error = Errno(errno)
                if error.code == ELOOP || error.code == ENOTDIR || error.code == ENOENT { return nil } // changed under us
                report(path, .unreadable, "cannot be opened: \(error)", argument: false)
                return nil
            }
            return list(child, displayPrefix: path + "/", name: Array(name),
                        handle: DirectoryHandle(parent: parent.handle, name: name))
        } else {
            found(.file(DiscoveredFile(path: path, isExplicit: false, directory: parent.handle,
                                       nameOffset: displayPrefix.utf8.count)))
        }
        return nil
    }

    /// `prefix` followed by `name` read as UTF-8 (ill-formed bytes replaced, as `String(decoding:as:)`
    /// does), made in one allocation rather than a string for the name and another for the whole.
    static func path(_ prefix: String, _ name: UnsafeBufferPointer<UInt8>) -> String {
        withUTF8Bytes(prefix) { prefix in
            String(unsafeUninitializedCapacity: prefix.count + name.count) { buffer in
                let base = buffer.baseAddress!
                if let start = prefix.baseAddress { base.initialize(from: start, count: prefix.count) }
                if let start = name.baseAddress { (base + prefix.count).initialize(from: start, count: name.count) }
                return prefix.count + name.count
            }
        }
    }

    // MARK: Listing

    /// A directory's entries, sorted byte-wise by name: names packed NUL-terminated into one buffer.
    private struct Listing {
        var names: [UInt8] = []
        var entries: [(start: Int, length: Int, type: UInt8)] = []
        var hasGit = false
        var hasGitignore = false
    }

    private static func list(_ directory: OpaquePointer, includeHidden: Bool) -> Listing {
        var listing = Listing()
        // Room for a typical directory from the start, rather than growing one entry at a time.
        listing.entries.reserveCapacity(32)
        listing.names.reserveCapacity(512)
        while let entry = readdir(directory) {
            let type = entry.pointee.d_type
            withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                let length = strlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                let name = UnsafeBufferPointer(start: base, count: length)
                if name.first == dot {
                    if equals(name, ".git") { listing.hasGit = true }
                    if equals(name, ".gitignore") { listing.hasGitignore = true }
                    if !includeHidden || length <= 2 && name.allSatisfy({ $0 == dot }) || equals(name, ".git") { return }
                }
                listing.entries.append((listing.names.count, length, type))
                listing.names.append(contentsOf: name)
                listing.names.append(0)
            }
        }
        listing.names.withUnsafeBufferPointer { names in
            guard let base = names.baseAddress else { return }
            // Byte-wise, as `lexicographicallyPrecedes` on the names would order them, with `memcmp`.
            listing.entries.sort { a, b in
                let order = memcmp(base + a.start, base + b.start, min(a.length, b.length))
                return order != 0 ? order < 0 : a.length < b.length
            }
        }
        return listing
    }

    private static func equals(_ name: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        name.count == text.utf8CodeUnitCount && memcmp(name.baseAddress!, text.utf8Start, name.count) == 0
    }

    // MARK: Git checkouts

    /// The rules in force in directory `path` before its own `.gitignore` is read: `info/exclude` and
    /// the `.gitignore` of every directory from the checkout root down to its parent. Nil outside a
    /// checkout.
    static func checkoutIgnores(for path: String) -> IgnoreStack? {
        guard let real = FileSystem.realPath(path) else { return nil }
        var root = real
        while !FileSystem.exists(root == "/" ? "/.git" : root + "/.git") {
            if root == "/" { return nil }
            root = PathNames.parent(root)
        }
        var stack = IgnoreStack(infoExclude: infoExclude(checkoutRoot: root))
        guard let relative = PathNames.relative(real, to: root), !relative.isEmpty else { return stack }
        var directory = root
        for component in relative.split(separator: "/") {
            if let bytes = FileSystem.read(directory + "/.gitignore") {
                let rules = GitignoreRule.parse(bytes)
                if !rules.isEmpty { stack.push(rules) }
            }
            var name = Array(component.utf8)
            _ = name.withUnsafeBufferPointer { stack.enter($0) }
            name.removeAll()
            directory += "/" + component
        }
        return stack
    }

    /// The rules of `info/exclude` for the checkout whose root is `rootPath`. `.git` is
    /// usually a directory; in a linked worktree or a submodule it is a file saying `gitdir: <path>`,
    /// and a worktree's `info/` lives in the common directory named by `<gitdir>/commondir`.
    static func infoExclude(checkoutRoot rootPath: String) -> [GitignoreRule] {
        var gitDirectory = rootPath + "/.git"
        if case .success(let status) = FileSystem.status(gitDirectory), status.kind == .regular {
            guard let text = FileSystem.read(gitDirectory).map({ String(decoding: $0, as: UTF8.self) }),
                  let line = text.split(whereSeparator: \.isNewline).first, line.hasPrefix("gitdir:") else { return [] }
            let target = line.dropFirst("gitdir:".count).trimmingWhitespace()
            gitDirectory = PathNames.absolute(target, base: rootPath)
            if let common = FileSystem.read(gitDirectory + "/commondir").map({ String(decoding: $0, as: UTF8.self) }) {
                gitDirectory = PathNames.absolute(common.trimmingWhitespace(), base: gitDirectory)
            }
        }
        guard let bytes = FileSystem.read(gitDirectory + "/info/exclude") else { return [] }
        return GitignoreRule.parse(bytes)
    }

    // MARK: Results

    private func report(_ path: String, _ kind: DiscoveryProblem.Kind, _ reason: String, argument: Bool) {
        found(.problem(DiscoveryProblem(path: path, kind: kind, reason: reason, isCommandLineArgument: argument)))
    }

    private func reportLink(_ path: String, _ error: Errno, argument: Bool) {
        if error.code == ELOOP {
            report(path, .symbolicLinkLoop, "is a symbolic link that leads back to itself", argument: argument)
        } else if error.code == ENOENT || error.code == ENOTDIR {
            report(path, .brokenSymbolicLink, "is a broken symbolic link (its target does not exist)", argument: argument)
        } else {
            report(path, .unreadable, "is a symbolic link that cannot be followed: \(error)", argument: argument)
        }
    }
}
