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
        // libyaml's allocation functions, served from a per-thread arena while a document is parsed (see
        // Sources/CYAMLArena/arena.c). C for its thread-local variable. DWARF 4, because the valgrind of
        // Debian 12 (3.19), used for profiling, stops at clang's DWARF 5.
        .target(name: "CYAMLArena", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        // UTF-8 validation and the line index with AVX2 where the processor has it (Sources/CUTF8/utf8.c):
        // C for its per-function target attribute, which Swift lacks.
        .target(name: "CUTF8", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        // Lint threads started on a CPU other than the main thread's (Sources/CThreads/threads.c): C for the
        // CPU affinity calls, which Swift's Glibc module leaves out.
        .target(name: "CThreads", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        // Everything testable: load -> check -> report.
        .target(
            name: "FrontLint",
            dependencies: ["CYAML", "CYAMLArena", "CUTF8", "CThreads"]
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
            dependencies: ["FrontLint", "frontlint", "CYAML", "CYAMLArena", "CUTF8", "CThreads"],
            // Read through #filePath by the tests that use them, not bundled as resources.
            exclude: ["Reporters/Snapshots", "Reliability/Regressions"]
        ),
    ]
)
