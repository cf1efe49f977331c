import Foundation

/// Where the repository, its fixtures, the shared data and the built binary are.
enum TestPaths {
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static let fixtures = repositoryRoot.appendingPathComponent("fixtures")

    /// The read-only `shared/` folder beside the checkout (in CI, beside the fresh clone).
    static let shared: URL = {
        var url = repositoryRoot
        while url.path != "/" {
            let candidate = url.appendingPathComponent("shared")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("bench").path) { return candidate }
            url.deleteLastPathComponent()
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// The `frontlint` executable built beside the test bundle.
    static let binary: URL = {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [products, products.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("frontlint")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return repositoryRoot.appendingPathComponent(".build/debug/frontlint")
    }()
}
