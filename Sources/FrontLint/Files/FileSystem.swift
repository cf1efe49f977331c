#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls discovery needs, with Swift-shaped results. Nothing here opens a file that is
/// not a regular file: opening a FIFO could block forever, so reads use `O_NONBLOCK` and check the type
/// of what they opened before reading.
enum FileSystem {
    enum Kind: Sendable, Equatable {
        case regular, directory, symbolicLink, other
    }

    struct Status: Sendable {
        let kind: Kind
        let device: UInt64
        let inode: UInt64
        /// For `other`: what it is, in words.
        let description: String
    }

    static func kind(of mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        default: .other
        }
    }

    static func describe(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a directory"
        case S_IFLNK: "a symbolic link"
        default: "a regular file"
        }
    }

    private static func status(_ st: stat) -> Status {
        Status(kind: kind(of: st.st_mode), device: UInt64(st.st_dev), inode: UInt64(st.st_ino), description: describe(st.st_mode))
    }

    /// `stat`/`lstat`; the error is an `errno` value.
    static func status(_ path: String, followingLinks: Bool = true) -> Result<Status, Errno> {
        var st = stat()
        let rc = followingLinks ? stat(path, &st) : lstat(path, &st)
        return rc == 0 ? .success(status(st)) : .failure(Errno(errno))
    }

    /// `fstatat` relative to an open directory.
    static func status(in directory: Int32, _ name: UnsafePointer<CChar>, followingLinks: Bool) -> Result<Status, Errno> {
        var st = stat()
        let rc = fstatat(directory, name, &st, followingLinks ? 0 : AT_SYMLINK_NOFOLLOW)
        return rc == 0 ? .success(status(st)) : .failure(Errno(errno))
    }

    static func status(of fd: Int32) -> Status? {
        var st = stat()
        return fstat(fd, &st) == 0 ? status(st) : nil
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && kind(of: st.st_mode) == .regular
    }

    /// The contents of a regular file, or nil when it is missing, unreadable or not a regular file.
    static func read(_ path: String) -> [UInt8]? {
        read(openedBy: open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC))
    }

    /// The contents of regular file `name` in an open directory.
    static func read(in directory: Int32, _ name: String) -> [UInt8]? {
        read(openedBy: openat(directory, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC))
    }

    private static func read(openedBy fd: Int32) -> [UInt8]? {
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let st = status(of: fd), st.kind == .regular else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    /// What `relative` names under `root`, looked up one component at a time with `lstat`, following a
    /// symbolic link only while its target stays under `root` (textually, like `..`). A link that leads
    /// out is never followed, so nothing outside `root` is touched.
    enum Beneath: Equatable { case exists, missing, outside }

    static func lookUp(_ relative: String, beneath root: String) -> Beneath {
        var pending = Array(relative.split(separator: "/", omittingEmptySubsequences: true).reversed())
        var resolved: [Substring] = []
        var links = 0
        while let component = pending.popLast() {
            if component == "." { continue }
            if component == ".." {
                guard !resolved.isEmpty else { return .outside }
                resolved.removeLast()
                continue
            }
            let path = root + "/" + (resolved + [component]).joined(separator: "/")
            var st = stat()
            guard lstat(path, &st) == 0 else { return .missing }
            guard kind(of: st.st_mode) == .symbolicLink else {
                resolved.append(component)
                continue
            }
            links += 1
            guard links <= 40, let target = readLink(path) else { return .missing }  // ELOOP, as the kernel would
            if target.hasPrefix("/") {
                guard let inside = PathNames.relative(PathNames.normalize(target), to: root) else { return .outside }
                resolved = []
                pending += inside.split(separator: "/").reversed()
            } else {
                pending += target.split(separator: "/").reversed()
            }
        }
        return .exists
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The working directory when first asked; discovery assumes it does not change during a run.
    static let currentDirectory: String = {
        guard let buffer = getcwd(nil, 0) else { return "/" }
        defer { free(buffer) }
        return String(cString: buffer)
    }()
}

/// `read(2)`, named apart from `FileSystem.read`.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// An `errno` value, with its text from `strerror`.
struct Errno: Error, Equatable, Sendable, CustomStringConvertible {
    let code: Int32
    init(_ code: Int32) { self.code = code }
    var description: String { String(cString: strerror(code)) }
}

/// Purely textual path arithmetic (no file system access).
enum PathNames {
    /// `path` made absolute against `base` (by default the working directory) and normalized.
    static func absolute(_ path: String, base: String = FileSystem.currentDirectory) -> String {
        normalize(path.hasPrefix("/") ? path : base + "/" + path)
    }

    /// Removes empty and `.` segments and resolves `..` textually. Keeps a leading `/`.
    static func normalize(_ path: String) -> String {
        if isNormal(path) { return path }
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == ".." && absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Whether `normalize` would return `path` unchanged: no empty, `.` or `..` segment, no trailing `/`.
    /// Checked on bytes because almost every path is already normal and this is the hot case.
    private static func isNormal(_ path: String) -> Bool {
        withUTF8Bytes(path) { isNormal(bytes: $0) }
    }

    private static func isNormal(bytes path: UnsafeBufferPointer<UInt8>) -> Bool {
        var utf8 = path.makeIterator()
        var segmentLength = 0
        var dots = 0
        var first = true
        while let b = utf8.next() {
            if b == slash {
                if !first && (segmentLength == 0 || dots == segmentLength && dots <= 2) { return false }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if b == dot { dots += 1 }
            }
            first = false
        }
        if first { return false } // empty
        if segmentLength == 0 { return path.count == 1 } // "/" alone
        return !(dots == segmentLength && dots <= 2) || path.count == 1 && path[0] == dot
    }

    /// Byte-wise order of the UTF-8 forms (not `String`'s `<`, which compares by Unicode equivalence
    /// and would put an NFD name elsewhere than `ls` does). `memcmp` on the contiguous storage:
    /// `utf8.lexicographicallyPrecedes` is about ten times slower.
    static func precedesBytewise(_ a: String, _ b: String) -> Bool {
        let result = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb -> Bool in
                let common = min(pa.count, pb.count)
                let order = common == 0 ? 0 : memcmp(pa.baseAddress!, pb.baseAddress!, common)
                return order != 0 ? order < 0 : pa.count < pb.count
            }
        }
        return (result ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The directory part of a normalized absolute path (`/` for `/` itself).
    static func parent(_ path: String) -> String {
        // Found among the UTF-8 bytes: a `/` is never part of a longer character.
        guard let slashIndex = path.utf8.lastIndex(of: slash) else { return "." }
        if slashIndex == path.startIndex { return "/" }
        return String(path[..<slashIndex])
    }

    /// `path` relative to `base`, both absolute and normalized; nil when it is not inside `base`.
    static func relative(_ path: String, to base: String) -> String? {
        if path == base { return "" }
        let prefix = base == "/" ? "/" : base + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }
}
