import Glibc

/// Why a file could not be read.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        case notFound, permissionDenied, isDirectory, notRegularFile, tooLarge, other
    }

    public var kind: Kind
    public var description: String
}

/// Reads whole files, read-only, without ever blocking on a FIFO or a device.
public enum FileReader {
    /// Files larger than this are not read (they are reported instead).
    public static let maximumSize = 512 << 20

    /// O_NONBLOCK: opening a FIFO with no writer must not hang; the fstat check in `read(opened:)` then
    /// refuses it.
    private static let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK

    public static func read(_ path: String) throws(FileReadError) -> [UInt8] {
        let fd = open(path, flags)
        guard fd >= 0 else { throw error(errno) }
        return try read(opened: fd)
    }

    /// Reads a discovered file: by name from the directory a walk found it in, so that the kernel looks up
    /// one path component rather than all of them, or by its path when it has no directory or that
    /// directory cannot be opened. Both ways fail alike: `openat` follows a link named like the file as
    /// `open` does, and reports a missing or unreadable file with the same `errno`.
    public static func read(_ file: DiscoveredFile) throws(FileReadError) -> [UInt8] {
        try read(path: file.path, nameOffset: file.nameOffset, in: file.directory)
    }

    /// `read(_:)` of a file at `path`, whose name starts `nameOffset` bytes in, found in `directory`.
    static func read(path: String, nameOffset: Int, in directory: DirectoryHandle?) throws(FileReadError) -> [UInt8] {
        // The caller holds the directory, so its descriptor stays open while the file is opened.
        guard let directoryDescriptor = directory?.openDescriptor() else { return try read(path) }
        let fd = path.withCString { openat(directoryDescriptor, $0 + nameOffset, flags) }
        guard fd >= 0 else { throw error(errno) }
        return try readWalked(opened: fd)
    }

    /// How much of a walked file is read before asking what it is.
    static let walkedReadSize = 64 << 10

    /// Reads a walked file, open as `fd`, which it closes. The walk saw a regular file, so its bytes are
    /// read first and the question asked only if the answer is unusual: a read that returns fewer bytes
    /// than asked, and at least one, has reached the end of a regular file, and the file then costs an
    /// open, a read and a close, with no `fstat` (a quarter of the system calls per file). Anything else
    /// (an empty file, a failed read, a file of 64 KB or more, or something that is no longer a regular
    /// file: a directory fails the read, a FIFO without a writer reads nothing, a device fills the buffer)
    /// goes back to the start and takes `read(opened:)`, which checks with `fstat` and reports exactly as
    /// reading by path does.
    private static func readWalked(opened fd: Int32) throws(FileReadError) -> [UInt8] {
        let bytes = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: walkedReadSize) { buffer -> [UInt8]? in
            var n: Int
            repeat { n = Glibc.read(fd, buffer.baseAddress!, walkedReadSize) } while n < 0 && errno == EINTR
            guard n > 0 && n < walkedReadSize else { return nil }
            return Array(UnsafeBufferPointer(rebasing: buffer[..<n]))
        }
        if let bytes {
            close(fd)
            return bytes
        }
        _ = lseek(fd, 0, SEEK_SET)
        return try read(opened: fd)
    }

    /// Reads the file open as `fd`, which it closes.
    private static func read(opened fd: Int32) throws(FileReadError) -> [UInt8] {
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw error(errno) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw FileReadError(kind: .isDirectory, description: "is a directory") }
        guard type == S_IFREG else {
            throw FileReadError(kind: .notRegularFile, description: "not a regular file (a FIFO, socket or device)")
        }
        let expected = Int(info.st_size)
        guard expected <= maximumSize else {
            throw FileReadError(kind: .tooLarge, description: "file is \(expected >> 20) MiB, larger than the \(maximumSize >> 20) MiB frontlint reads")
        }
        if expected > 0 {
            // The size fstat gave: read exactly that much into an uninitialised buffer, with no final read
            // to see the end (a file that grows meanwhile is read as it was when opened; one that shrinks,
            // up to where it ends).
            var failure: Int32 = 0
            let bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
                var count = 0
                while count < expected {
                    let n = Glibc.read(fd, buffer.baseAddress! + count, expected - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        break
                    }
                    if n == 0 { break }
                    count += n
                }
                initialized = count
            }
            if failure != 0 { throw error(failure) }
            return bytes
        }
        // A size of zero may be a real empty file or one whose size is not known in advance (the proc and
        // cgroup file systems give none; `CPUQuota` reads them): read straight into the result, 4 KB at a
        // time, which such files rarely exceed.
        var bytes: [UInt8] = []
        let chunk = 4096
        while bytes.count < maximumSize {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + start, chunk) }
            let failure = errno
            bytes.removeLast(n > 0 ? chunk - n : chunk)
            if n < 0 {
                if failure == EINTR { continue }
                throw error(failure)
            }
            if n == 0 { break }
        }
        return bytes
    }

    static func error(_ code: Int32) -> FileReadError {
        let text = String(cString: strerror(code)).lowercased()
        switch code {
        case ENOENT: return FileReadError(kind: .notFound, description: "no such file or directory")
        case EACCES, EPERM: return FileReadError(kind: .permissionDenied, description: "permission denied")
        case EISDIR: return FileReadError(kind: .isDirectory, description: "is a directory")
        case ELOOP: return FileReadError(kind: .other, description: "too many levels of symbolic links")
        default: return FileReadError(kind: .other, description: text)
        }
    }
}
