// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "frontlint",
    products: [
        .executable(name: "frontlint", targets: ["frontlint"]),
        .library(name: "FrontLint", targets: ["FrontLint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libyaml from the system (Debian: libyaml-dev, Homebrew: libyaml), found through pkg-config.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Everything testable: load -> check -> report.
        .target(
            name: "FrontLint",
            dependencies: ["CYAML"]
        ),
        // The thin command-line front end. Release builds link the Swift runtime statically on Linux: a
        // pre-commit hook or an editor starts frontlint once per file, and loading and relocating the
        // shared runtime libraries took half of a single-file run (measured with scripts/bench).
        .executableTarget(
            name: "frontlint",
            dependencies: [
                "FrontLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-l_FoundationCShims", "-l_FoundationCollections"], .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(
            name: "FrontLintTests",
            // The executable is a dependency so that end-to-end tests can run the real binary.
            dependencies: ["FrontLint", "frontlint"],
            // Read through #filePath by the tests that use them, not bundled as resources.
            exclude: ["Reporters/Snapshots", "Reliability/Regressions"]
        ),
    ]
)
