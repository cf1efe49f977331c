import Glibc

/// Buffered writing to standard output or standard error (report files are written by `ReportFile`).
///
/// `@unchecked Sendable`: an `Output` is written from the main thread only (reporters run there, in path
/// order, while the workers lint the next window of files).
final class Output: @unchecked Sendable {
    private let fd: Int32
    private var buffer: [UInt8] = []

    static let standardOutput = Output(fd: STDOUT_FILENO)
    static let standardError = Output(fd: STDERR_FILENO)

    private init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) {
        write { $0.append(contentsOf: text.utf8) }
    }

    /// Lets `append` add to the buffer directly (a reporter writing one file's results).
    func write(_ append: (inout [UInt8]) -> Void) {
        append(&buffer)
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
