/// The globs of one config file (`exclude`, or one `overrides` entry's `files`), matched against paths
/// relative to that file's directory.
///
/// A path in any form (relative to the working directory, `./`-prefixed, absolute) is made absolute,
/// then relative to `baseDirectory`; paths outside it never match. A pattern that names a directory
/// also matches everything below it.
public struct PathPatterns: Sendable {
    /// Absolute and normalized.
    public let baseDirectory: String
    public let globs: [Glob]

    public init(_ patterns: [String], baseDirectory: String) throws(GlobError) {
        self.baseDirectory = PathNames.absolute(baseDirectory)
        var globs: [Glob] = []
        for pattern in patterns { globs.append(try Glob(pattern)) }
        self.globs = globs
    }

    public func matches(_ path: String, isDirectory: Bool = false) -> Bool {
        if globs.isEmpty { return false }
        guard let relative = PathNames.relative(PathNames.absolute(path), to: baseDirectory), !relative.isEmpty else {
            return false
        }
        return globs.contains { $0.matchesSelfOrAncestor(relative, isDirectory: isDirectory) }
    }
}
