import FrontLint

/// Settings built once, from Tests/Fuzz/fuzz.frontlint.yml (which the suite's replay of the regressions
/// reads too): the Mainroad schema plus fields for the pattern, format and range checks, and every rule.
private let settings: LintSettings = {
    let path = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
    do {
        let configuration = try ConfigurationLoader.load(path: "/" + path + "/fuzz.frontlint.yml")
        return try LintSettings(layer: configuration.base, selection: RuleSelection(select: RuleRegistry.ids))
    } catch {
        fatalError("the fuzz configuration does not load: \(error)")
    }
}()

/// The whole pipeline on one file's bytes: split, YAML load, schema checks, heading scan, every reporter.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = Linter.lint(SourceFile(path: "content/post 中文.md", bytes: bytes), settings: settings)
    for format in ReportFormat.allCases {
        var reporter = format.makeReporter(ReportOptions(color: true))
        _ = reporter.render([result])
    }
    return 0
}

// SwiftPM links an executable target with `main` defined as `<target>_main`, so libFuzzer's own `main` is
// never pulled in; this entry point hands control to libFuzzer's driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FrontLintFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
