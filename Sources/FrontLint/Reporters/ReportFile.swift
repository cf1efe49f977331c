import Glibc

/// A report written to a file atomically: the text goes to a temporary file in the same directory, which
/// replaces the target by `rename(2)` only once the run is complete. A run that fails leaves the previous
/// report (or no file) in place, never half a report.
public final class ReportFile {
    public let path: String
    private let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var failure: Int32 = 0

    /// Creates the temporary file; throws when the directory is not writable.
    public init(path: String) throws(ReportFileError) {
        self.path = path
        let directory = PathNames.parent(PathNames.absolute(path))
        let name = path.split(separator: "/").last.map(String.init) ?? "report"
        let base = (directory == "/" ? "/" : directory + "/") + "." + name + ".frontlint-XXXXXX"
        var template = Array(base.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw ReportFileError(path: path, reason: Errno(errno).description) }
        self.fd = fd
        self.temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        _ = fchmod(fd, 0o644)
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ text: String) {
        write { $0.append(utf8: text) }
    }

    /// Lets `append` add to the report's buffer directly (a reporter writing one file's results).
    public func write(_ append: (inout [UInt8]) -> Void) {
        append(&buffer)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        var offset = 0
        while offset < buffer.count && failure == 0 {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
            } else {
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and moves the file into place.
    public func commit() throws(ReportFileError) {
        flush()
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        fd = -1
        if failure == 0 && rename(temporaryPath, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporaryPath)
            throw ReportFileError(path: path, reason: Errno(failure).description)
        }
    }

    /// Throws the report away, leaving whatever was at `path` before.
    public func discard() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(temporaryPath)
    }

    deinit {
        if fd >= 0 { discard() }
    }
}

public struct ReportFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write report \(path): \(reason)" }
}
