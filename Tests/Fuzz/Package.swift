// swift-tools-version:6.0
// The fuzz target, as a package of its own so that the main package's builds never see a target without
// `main` (libFuzzer supplies it). Built and run by scripts/fuzz.
import Foundation
import PackageDescription

// A path dependency is named after its folder, which is whatever the checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let rootPackage = root.lastPathComponent

let package = Package(
    name: "FrontLintFuzz",
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "FrontLintFuzz",
            dependencies: [.product(name: "FrontLint", package: rootPackage)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
