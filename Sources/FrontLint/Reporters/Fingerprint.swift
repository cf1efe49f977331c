/// Fingerprints for the diagnostics of one file that survive edits elsewhere in it: a hash of the path,
/// the rule, the text of the line the diagnostic starts on (trimmed) and how many times the same rule
/// was already reported on an identical line before it. Moving a line keeps its fingerprint; two equal
/// findings on equal lines still differ.
struct DiagnosticFingerprints {
    static func compute(_ result: FileResult, path: String) -> [String] {
        var seen: [String: Int] = [:]
        return result.diagnostics.map { d in
            let line = lineText(d.range.start.line, in: result.source)
            let key = d.rule + "\u{0}" + line
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            var hash = FNV1a64()
            hash.add(field: path)
            hash.add(field: d.rule)
            hash.add(field: line)
            hash.add(field: String(occurrence))
            return hash.hex
        }
    }

    private static func lineText(_ line: Int, in source: SourceFile?) -> String {
        guard let source, line >= 1, line <= source.lineStarts.count else { return "" }
        var text = Substring(source.lineText(line))
        while let c = text.first, c == " " || c == "\t" { text.removeFirst() }
        while let c = text.last, c == " " || c == "\t" { text.removeLast() }
        return String(text)
    }
}
