import CYAML
import CYAMLArena
import Testing
@testable import FrontLint

/// libyaml's memory comes from a per-thread arena while the loader parses (Sources/CYAMLArena/arena.c).
@Suite struct LibYAMLArenaTests {
    private func load(_ text: String) -> YAMLDocument {
        let source = SourceFile(path: "t.md", text: text)
        let fm = FrontMatterSplitter.split(source).frontMatter!
        return YAMLLoader().load(source, range: fm.content)
    }

    @Test func libyamlAllocatesFromTheArenaWhileTheLoaderParses() {
        let before = frontlint_yaml_arena_allocations()
        let document = load("---\ntitle: \"苹果\"\ntags: [a, b, c]\nmenu: {main: {weight: 1}}\n---\n")
        #expect(document.problems.isEmpty)
        #expect(document.rootEntries?.count == 3)
        #if os(Linux)
        // The parser's buffers, queues and stacks, and several buffers per scalar. None at all would mean
        // that libyaml's calls are not bound to frontlint's allocation functions. (On macOS, two-level
        // namespaces bind libyaml's calls to its own functions, and libyaml keeps its allocator.)
        #expect(frontlint_yaml_arena_allocations() - before > 20)
        #endif
    }

    @Test func outsideAParseLibyamlGetsMalloc() {
        let before = frontlint_yaml_arena_allocations()
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        #expect(yaml_parser_initialize(parser) != 0)
        yaml_parser_delete(parser)  // freed with free(): a crash here would mean arena memory was mixed up
        #expect(frontlint_yaml_arena_allocations() == before)
    }

    @Test func aDocumentLargerThanTheArenaContinuesOnMalloc() {
        // The arena's chunk is 256 KB: this front matter needs well over that (libyaml copies every scalar
        // and grows its buffers by doubling), so the parse moves on to malloc and realloc mid-way.
        let long = String(repeating: "长文本 long text ", count: 20_000)
        var text = "---\n"
        for index in 0..<200 { text += "key\(index): \"\(index)\"\n" }
        text += "big: \"\(long)\"\nafter: [1, 2, 3]\n---\n"
        let document = load(text)
        #expect(document.problems.isEmpty)
        let big = document.entry("big", in: document.root!).flatMap { document.scalar($0.value) }
        #expect(big?.value == long)
        #expect(document.items(document.entry("after", in: document.root!)!.value)?.count == 3)
        #expect(document.rootEntries?.count == 202)
    }

    @Test func aSyntaxErrorMidParseStillEmptiesTheArena() {
        // libyaml stops at the error with tokens queued; deleting the parser frees them into the arena.
        for _ in 0..<3 {
            let broken = load("---\na: [1, 2\nb: \"unterminated\n---\n")
            #expect(broken.problems.contains { $0.kind == .syntax })
            let good = load("---\nx: 1\n---\n")
            #expect(good.problems.isEmpty)
            #expect(good.rootEntries?.count == 1)
        }
    }

    @Test func nestedParsesShareTheOuterArena() {
        frontlint_yaml_arena_begin()
        let before = frontlint_yaml_arena_allocations()
        let inner = load("---\nk: v\n---\n")  // begins and ends an inner parse
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        // Still inside the outer parse: libyaml allocates from the arena, which the inner end did not empty.
        #expect(yaml_parser_initialize(parser) != 0)
        #if os(Linux)
        #expect(frontlint_yaml_arena_allocations() > before)
        #endif
        yaml_parser_delete(parser)
        frontlint_yaml_arena_end()
        #expect(inner.rootEntries?.count == 1)
    }
}
