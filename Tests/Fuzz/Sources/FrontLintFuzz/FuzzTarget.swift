import FrontLint

/// Settings built once: the Mainroad schema plus every rule, including those off by default.
private let settings: LintSettings = {
    let text = """
        extends: [mainroad]
        require-front-matter: true
        fields:
          title: {required: true, minLength: 1, pattern: "^[^<>]*$"}
          date: {required: true}
          lang: {type: array, items: {type: string, format: bcp47}}
          email: {type: string, format: email}
          updated: {format: date-layout, layout: ["YYYY-MM-DD HH:mm:ss", "YYYY-MM-DD"]}
          weight: {type: integer, minimum: 0, maximum: 1000}
        """
    do {
        let configuration = try ConfigurationLoader.load(source: SourceFile(path: "fuzz.yml", text: text), directory: ".")
        let every = RuleRegistry.ids
        return try LintSettings(layer: configuration.base, selection: RuleSelection(select: every))
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
