import Glibc

/// Buffered writing to standard output, standard error or a report file.
///
/// `@unchecked Sendable`: an `Output` is written from the main thread only (reporters run there, in path
/// order, after the workers have linted a window of files).
final class Output: @unchecked Sendable {
    private let fd: Int32
    private let owned: Bool
    private var buffer: [UInt8] = []

    static let standardOutput = Output(fd: STDOUT_FILENO, owned: false)
    static let standardError = Output(fd: STDERR_FILENO, owned: false)

    private init(fd: Int32, owned: Bool) {
        self.fd = fd
        self.owned = owned
        buffer.reserveCapacity(1 << 16)
    }

    /// Opens a report file for writing (`--output`), replacing what was there.
    static func create(path: String) -> Output? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        return fd < 0 ? nil : Output(fd: fd, owned: true)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                break  // e.g. a closed pipe: nothing more can be written
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        flush()
        if owned { close(fd) }
    }

    /// Whether standard output is a terminal (for `--color auto`).
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}

/// Flushes the standard streams and exits.
func exitFlushing(_ code: Int32) -> Never {
    Output.standardOutput.flush()
    Output.standardError.flush()
    exit(code)
}
