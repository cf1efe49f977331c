import Synchronization

/// Finds the config file that applies to a file: `.frontlint.yml`, then `.frontlint.yaml`, in the file's
/// directory and upward, stopping after the checkout root (the directory holding `.git`) or at `/`.
///
/// Answers are cached per directory, so 10,000 files in 200 directories cost about 200 look-ups of
/// two or three `stat` calls each. The cache assumes the tree does not change during a run.
///
/// The only mutable state is the cache, behind a mutex. The file system is consulted outside the lock; two
/// threads missing the same directory at once both look it up and store the same answer.
public final class ConfigLocator: Sendable {
    /// Looked for in this order; the first one present wins.
    public static let fileNames = [".frontlint.yml", ".frontlint.yaml"]

    /// The locator behind `FileDiscovery.configFile(for:)`.
    public static let shared = ConfigLocator()

    /// Absolute directory → absolute config path, or nil for "none applies".
    private let cache = Mutex<[String: String?]>([:])
    private let workingDirectory: String

    /// `workingDirectory` resolves relative paths; by default the process's at first use.
    public init(workingDirectory: String? = nil) {
        self.workingDirectory = workingDirectory.map { PathNames.normalize($0) } ?? FileSystem.currentDirectory
    }

    /// The absolute, normalized path of the config file that applies to the file at `path` (relative
    /// paths are taken from the working directory), or nil when there is none.
    public func configFile(for path: String) -> String? {
        configFile(forDirectory: PathNames.parent(PathNames.absolute(path, base: workingDirectory)))
    }

    /// The config file that applies to files in `directory`.
    public func configFile(forDirectory directory: String) -> String? {
        var current = PathNames.absolute(directory, base: workingDirectory)
        var misses: [String] = []
        var answer: String?
        while true {
            if let cached = cached(current) {
                answer = cached
                break
            }
            misses.append(current)
            let prefix = current == "/" ? "/" : current + "/"
            if let found = ConfigLocator.fileNames.lazy.map({ prefix + $0 }).first(where: FileSystem.isRegularFile) {
                answer = found
                break
            }
            if current == "/" || FileSystem.exists(prefix + ".git") {
                answer = nil
                break
            }
            current = PathNames.parent(current)
        }
        cache.withLock { cache in
            for directory in misses { cache[directory] = .some(answer) }
        }
        return answer
    }

    /// `.some(answer)` when `directory` is cached; nil when it is not.
    private func cached(_ directory: String) -> String?? {
        cache.withLock { $0[directory] }
    }

    /// Forgets every answer (for tests, or a watch mode after the tree changed).
    public func reset() {
        cache.withLock { $0.removeAll() }
    }
}
