/// `heading-duplicate`: two headings under the same parent must not have the same text.
public struct HeadingDuplicateRule: Rule {
    public static let description = RuleDescription(
        id: "heading-duplicate",
        summary: "Headings under the same parent must have different text",
        defaultSeverity: .warning,
        tags: ["headings"],
        doc: RuleDoc(
            whatItChecks: """
                Headings whose text is the same as an earlier heading's under the same parent heading (the \
                nearest heading before it with a lower level; headings before any such heading share the \
                page as parent). Text is compared as written, with runs of spaces and line breaks counted as \
                one space. With `scope: document`, a heading is reported when any earlier heading has its \
                text. Empty headings are left to `heading-empty`.
                """,
            whyItMatters: """
                Two sections with one name are ambiguous in the table of contents, and Hugo gives them the \
                anchors `#notes` and `#notes-1`: links and bookmarks to the second go to the first.
                """,
            example: "## Install\n\n### Linux\n\n### macOS\n\n### Linux\n",
            useInstead: "## Install\n\n### Linux\n\n### macOS\n\n### Linux on ARM\n"),
        options: [
            RuleOptionDescription(
                "scope", "`siblings`: only headings under the same parent heading; `document`: anywhere on the page.",
                default: "siblings"),
        ],
        triggering: [
            RuleExample("## Install\n\n### Linux\n\n### macOS\n\n↓### Linux\n"),
            RuleExample("## Notes\n\nText.\n\n↓Notes\n-----\n"),
            RuleExample("## Install\n\n### Notes\n\n## Usage\n\n↓### Notes\n",
                        configuration: "rules:\n  heading-duplicate: {scope: document}\n"),
        ],
        nonTriggering: [
            RuleExample("## Install\n\n### Notes\n\n## Usage\n\n### Notes\n"),
            RuleExample("## Linux\n\n## linux on ARM\n\n## macOS\n"),
            RuleExample("## Intro\n\n```md\n## Intro\n```\n"),
        ])

    let wholeDocument: Bool

    public init(options: RuleOptions) throws(ConfigurationError) {
        wholeDocument = try options.choice("scope", of: ["siblings", "document"], default: "siblings") == "document"
    }

    /// A slot of the table that finds a heading's earlier namesake: a heading, its parent and the hash of
    /// both parent and text.
    private struct Slot {
        var heading = -1
        var parent = 0
        var hash = 0
    }

    public func check(_ file: LintContext) -> [Finding] {
        let headings = file.headings
        guard headings.count > 1 else { return [] }
        // An open-addressing hash table at most half full, on the stack for a page's few headings.
        var capacity = 8
        while capacity < 2 * headings.count { capacity *= 2 }
        return withUnsafeTemporaryAllocation(of: Slot.self, capacity: capacity) { slots in
            slots.initialize(repeating: Slot())
            // The stack of open headings, on the stack too: it never holds more than all the headings.
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: headings.count) { ancestors in
                file.withHeadings { duplicates(in: $0, slots: slots, ancestors: ancestors, file: file) }
            }
        }
    }

    private func duplicates(in headings: UnsafeBufferPointer<Heading>, slots: UnsafeMutableBufferPointer<Slot>,
                            ancestors: UnsafeMutableBufferPointer<Int>, file: LintContext) -> [Finding] {
        var findings: [Finding] = []
        let mask = slots.count - 1
        // `ancestors[..<open]`: indices of the open headings, each of a lower level than the next; the last
        // is the parent.
        var open = 0
        for index in headings.indices {
            let level = headings[index].level
            while open > 0 && headings[ancestors[open - 1]].level >= level { open -= 1 }
            let parent = open > 0 ? ancestors[open - 1] : -1
            ancestors[open] = index
            open += 1
            let key = wholeDocument ? -1 : parent
            guard let hash = Self.withCollapsedText(headings[index], { bytes -> Int? in
                guard !bytes.isEmpty else { return nil }
                // FNV-1a over the text, then the parent mixed in: equal hashes are compared in full, so the
                // hash only has to spread a page's few headings, not resist collisions.
                var hasher = FNV1a64()
                hasher.add(bytes)
                return Int(truncatingIfNeeded: hasher.value ^ (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15))
            }) else { continue }
            var slot = hash & mask
            while slots[slot].heading >= 0 && !(slots[slot].hash == hash && slots[slot].parent == key
                                                 && Self.sameCollapsedText(headings[slots[slot].heading], headings[index])) {
                slot = (slot + 1) & mask
            }
            let earlier = slots[slot].heading
            guard earlier >= 0 else {
                slots[slot] = Slot(heading: index, parent: key, hash: hash)
                continue
            }
            let under: String
            if wholeDocument {
                under = ""
            } else if parent >= 0 {
                under = " under the same heading (line \(headings[parent].line))"
            } else {
                under = " at the top of the outline"
            }
            findings.append(Finding(
                "heading \(headings[index].quotedText) repeats the heading on line \(headings[earlier].line)\(under); expected a distinct name",
                help: "rename one of them: both get the same anchor, and links to the second go to the first",
                at: file.range(of: headings[index])))
        }
        return findings
    }

    static func sameCollapsedText(_ a: Heading, _ b: Heading) -> Bool {
        withCollapsedText(a) { a in withCollapsedText(b) { b in a.elementsEqual(b) } }
    }

    /// Calls `body` with the bytes of the heading's text with runs of ASCII whitespace made one space and
    /// the ends trimmed: the text's own bytes when it is written that way already, as almost every heading
    /// is. Bytes, not `Character`s: splitting into `Character`s would cost a grapheme-breaking pass over
    /// every CJK heading.
    @inline(__always)
    static func withCollapsedText<Result>(_ heading: Heading, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        heading.withTextBytes { bytes in
            if isCollapsed(bytes) { return body(bytes) }
            return withCollapsedCopy(of: bytes, body)
        }
    }

    /// `withCollapsedText` for text that is not collapsed already.
    private static func withCollapsedCopy<Result>(of bytes: UnsafeBufferPointer<UInt8>,
                                                  _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if ASCII.isWhitespace(byte) {
                pendingSpace = !collapsed.isEmpty
            } else {
                if pendingSpace { collapsed.append(ASCII.space); pendingSpace = false }
                collapsed.append(byte)
            }
        }
        return collapsed.withUnsafeBufferPointer(body)
    }

    /// Whether the bytes have no whitespace but single spaces between words.
    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if ASCII.isWhitespace(first) || ASCII.isWhitespace(last) { return false }
        // Whitespace bytes are all at or below the space; a whitespace byte is never the first.
        func isStray(_ i: Int) -> Bool {
            bytes[i] <= ASCII.space && ASCII.isWhitespace(bytes[i]) && (bytes[i] != ASCII.space || bytes[i - 1] == ASCII.space)
        }
        // Eight bytes at a time: a word with no byte at or below the space, as most of a CJK heading is,
        // is passed with one test (the high bit of a byte of `(word - 0x21…) & ~word & 0x80…` is set only
        // if some byte of the word is below 0x21), and only the other words are read byte by byte.
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        while i + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080 != 0 {
                for j in i..<i + 8 where isStray(j) { return false }
            }
            i += 8
        }
        for j in i..<bytes.count where isStray(j) { return false }
        return true
    }
}
