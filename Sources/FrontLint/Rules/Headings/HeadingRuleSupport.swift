/// What the heading rules know about the page's title: a theme renders the front matter's title as the
/// page's level-1 heading, so the body's outline starts one level below it.
enum PageTitle: Equatable {
    /// The front matter sets a non-empty title; `line` is where its key is.
    case present(key: String, line: Int)
    /// There is no front matter, or it has no title (or an empty one).
    case absent
    /// The front matter could not be read (TOML, JSON, a YAML error, unterminated): whether it has a title
    /// is not known, so checks that depend on it are skipped.
    case unknown

    /// The title under `key`, compared case-insensitively as Hugo compares keys.
    static func of(_ file: LintContext, key: String) -> PageTitle {
        guard file.split.frontMatter != nil else { return .absent }
        guard let document = file.document, !document.problems.contains(where: { $0.kind == .syntax || $0.kind == .encoding }),
              !file.split.isUnterminated else { return .unknown }
        guard let root = document.root, let entry = document.entry(key, in: root, caseInsensitive: true) else {
            return .absent
        }
        if let scalar = document.scalar(entry.value) {
            if case .null = ValueResolution.resolve(scalar) { return .absent }
            if scalar.value.allSatisfy(\.isWhitespace) { return .absent }
        }
        return .present(key: document.keyText(entry) ?? key, line: document.range(of: entry.key).start.line)
    }
}

extension LintContext {
    /// Calls `body` with the body's headings in place. A `Heading` read from an array is a copy, its text's
    /// storage retained and released; one read through a buffer pointer is not copied.
    func withHeadings<Result>(_ body: (UnsafeBufferPointer<Heading>) -> Result) -> Result {
        headings.withUnsafeBufferPointer(body)
    }

    /// Where a heading diagnostic points: an ATX heading's opening `#` sequence or a setext heading's
    /// first text line, to the end of its content.
    func range(of heading: Heading) -> SourceRange { source.range(heading.range) }
}

extension Heading {
    /// The text as messages quote it: on one line, shortened when long.
    var quotedText: String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let shortened = oneLine.count > 60 ? oneLine.prefix(59) + "…" : Substring(oneLine)
        return "`\(shortened)`"
    }

    /// How the heading's level is written in ATX style, e.g. `###`.
    static func marker(_ level: Int) -> String { String(repeating: "#", count: max(1, min(level, 6))) }

    /// Whether the text is nothing but whitespace `Character`s, as in `##` or `## ##`: those headings are
    /// left to `heading-empty`. A `Character` is whitespace when its first scalar is, so the text's first
    /// scalar settles it for almost every heading, without splitting CJK text into `Character`s.
    var isBlank: Bool {
        guard let first = withTextBytes({ $0.isEmpty ? nil : $0.scalar(at: 0) }) else { return true }
        if first.isPlain || !first.properties.isWhitespace { return false }
        return text.allSatisfy(\.isWhitespace)
    }
}

/// Reading the scalars at the ends of a heading's text from its UTF-8 bytes, which are valid UTF-8.
extension UnsafeBufferPointer<UInt8> {
    /// The scalar whose encoding starts at `start`.
    func scalar(at start: Int) -> Unicode.Scalar {
        let lead = UInt32(self[start])
        if lead < 0x80 { return Unicode.Scalar(UInt8(lead)) }
        // The sequence is put together from its bytes: the standard library's parser costs several times as
        // much, and calls out of line, so that a heading whose bytes are read here would be copied first (a
        // heading read from memory is copied, its text retained and released, when the code reading it calls
        // out of line). A malformed sequence (overlong, a surrogate, out of range, cut short) reads as
        // U+FFFD, as it does in a `String`.
        // Three bytes, as all CJK text is, straight through; other lengths in a loop.
        if lead >= 0xE0 && lead < 0xF0 && start + 2 < count {
            let second = UInt32(self[start + 1])
            let third = UInt32(self[start + 2])
            if second & 0xC0 == 0x80 && third & 0xC0 == 0x80 {
                let value = (lead & 0x0F) << 12 | (second & 0x3F) << 6 | third & 0x3F
                if value >= 0x800, let scalar = Unicode.Scalar(value) { return scalar }
            }
            return "\u{FFFD}"
        }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard lead >= 0xC2 && lead < 0xF5 && start + length <= count else { return "\u{FFFD}" }
        var value = lead & (0x7F >> length)
        for k in 1..<length {
            let next = UInt32(self[start + k])
            guard next & 0xC0 == 0x80 else { return "\u{FFFD}" }
            value = value << 6 | next & 0x3F
        }
        let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= smallest, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    /// Where the encoding of the scalar that ends before `end` starts.
    func scalarStart(before end: Int) -> Int {
        var start = end - 1
        while start > 0 && self[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }
}

extension Unicode.Scalar {
    /// Whether the heading rules may treat the scalar as a `Character` of its own, by its value: printable
    /// ASCII, CJK punctuation (U+3001–U+3029), CJK ideographs and full-width ASCII (U+FF01–U+FF5E). None of
    /// these is whitespace, none joins the scalar before or after it into one `Character` (unless that one
    /// is an extending or prepending mark, which is neither ASCII nor plain), and none has a canonical
    /// decomposition, so two plain scalars are equal `Character`s only when they are the same scalar.
    var isPlain: Bool {
        switch value {
        case 0x21...0x7E, 0x3001...0x3029, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
        default: return false
        }
    }
}

/// The option every title-aware heading rule takes.
let titleKeyOption = RuleOptionDescription(
    "title-key", "The front matter key that holds the page title (compared case-insensitively, as Hugo does).",
    default: "title")
