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

    public static func read(_ path: String) throws(FileReadError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO with no writer must not hang; the fstat check below then refuses it.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw error(errno) }
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
        var bytes = [UInt8](repeating: 0, count: expected)
        var count = 0
        while true {
            if count == bytes.count {
                // The file grew since fstat; keep reading in chunks.
                guard bytes.count < maximumSize else { break }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count / 2)))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { continue }
                throw error(errno)
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
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
