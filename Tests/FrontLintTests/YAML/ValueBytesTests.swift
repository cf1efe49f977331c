import Testing
@testable import FrontLint

/// Loads a whole text as YAML (a configuration file's way).
private func load(_ text: String) -> YAMLDocument {
    YAMLLoader().load(SourceFile(path: "t.yml", text: text))
}

/// The scalar values, anchors, alias names and tags of a document live in one byte array (`valueBytes`);
/// nodes hold only where theirs are. These tests read them back through every way the document offers.
@Suite struct ValueBytesTests {
    @Test func multiByteEmptyAndBlockValuesReadBackExactly() throws {
        let doc = load("""
            title: "苹果的中国AI — é"
            empty: ""
            null:
            plain: héllo wörld
            block: |
              line one
              第二行
            folded: >-
              folded
              text
            """)
        let entries = try #require(doc.rootEntries)
        let values = entries.map { doc.value(of: $0.value) }
        #expect(values == ["苹果的中国AI — é", "", "", "héllo wörld", "line one\n第二行\n", "folded text"])
        #expect(entries.map { doc.keyText($0) } == ["title", "empty", "null", "plain", "block", "folded"])
        let title = try #require(doc[entries[0].value].scalar)
        #expect(doc.withValueBytes(of: title) { Array($0) } == Array("苹果的中国AI — é".utf8))
        #expect(title.count == UInt32("苹果的中国AI — é".utf8.count))
        let empty = try #require(doc[entries[1].value].scalar)
        #expect(empty.count == 0)
        #expect(doc.withValueBytes(of: empty) { $0.isEmpty })
        #expect(doc.scalar(entries[4].value) == YAMLScalar(value: "line one\n第二行\n", style: .literal))
    }

    @Test func manyScalarsReadBackInAnyOrder() throws {
        // Values longer than their source (`\P` is two bytes written, three read) make the loader's buffer
        // grow past the room it made up front.
        var text = "long: \"" + String(repeating: "\\P", count: 10_000) + "\"\n"
        for i in 0..<500 { text += "k\(i): value \(i) 值\(i)\n" }
        let doc = load(text)
        #expect(doc.problems.isEmpty)
        let entries = try #require(doc.rootEntries)
        #expect(entries.count == 501)
        #expect(doc.valueBytes.count > text.utf8.count)
        var order = Array(1...500)
        var generator = SeededGenerator(seed: 7)
        order.shuffle(using: &generator)
        for i in order {
            #expect(doc.value(of: entries[i].value) == "value \(i - 1) 值\(i - 1)")
            #expect(doc.keyText(entries[i]) == "k\(i - 1)")
        }
        #expect(doc.value(of: entries[0].value) == String(repeating: "\u{2029}", count: 10_000))
    }

    @Test func anAliasStandsForItsScalar() throws {
        let doc = load("a: &anchor hello\nb: *anchor\n*anchor : again\n")
        let entries = try #require(doc.rootEntries)
        #expect(doc.value(of: entries[1].value) == "hello")
        #expect(doc.scalar(entries[1].value) == YAMLScalar(value: "hello", style: .plain))
        guard case .alias(let name, let target) = doc[entries[1].value].kind else {
            Issue.record("expected an alias"); return
        }
        #expect(doc.text(name) == "anchor")
        #expect(target == entries[0].value)
        #expect(doc.anchor(of: entries[0].value) == "anchor")
        #expect(doc.anchor(of: entries[1].value) == nil)
        // An alias key is compared by its target's text: `*anchor` repeats no key here, but `hello` would.
        #expect(doc.keyText(entries[2]) == "hello")
        #expect(doc.duplicateKeys.isEmpty)
        let repeated = load("hello: 1\na: &k hello\n*k : 2\n")
        #expect(repeated.duplicateKeys.map(\.key) == ["hello"])
    }

    @Test func tagsAndAnchorsOfScalarsAndCollections() throws {
        let doc = load("a: !!str 12\nb: ! true\nc: &list !!seq [x]\nd: plain\n")
        let entries = try #require(doc.rootEntries)
        #expect(doc.tag(of: entries[0].value) == YAMLTag.str)
        #expect(doc.scalar(entries[0].value)?.tag == YAMLTag.str)
        #expect(doc.tag(of: entries[1].value) == "!")
        #expect(doc.tag(of: entries[2].value) == "tag:yaml.org,2002:seq")
        #expect(doc.anchor(of: entries[2].value) == "list")
        #expect(doc.tag(of: entries[3].value) == nil)
        #expect(!doc.isPlainUntagged(entries[0].value))
        #expect(doc.isPlainUntagged(entries[1].value))
        #expect(doc.isPlainUntagged(entries[3].value))
        #expect(!doc.isPlainUntagged(entries[2].value))
        #expect(doc.value(of: entries[0].value) == "12")
    }

    @Test func nestedCollectionsKeepTheirOwnChildren() throws {
        // Inner collections close first, so their children are stored before their parents'.
        let doc = load("a: [1, [2, 3], {k: v, l: [w]}]\nb: {x: [y, z]}\nc: []\n")
        let entries = try #require(doc.rootEntries)
        #expect(entries.count == 3)
        #expect(entries.map { doc.keyText($0) } == ["a", "b", "c"])
        let a = try #require(doc.items(entries[0].value))
        #expect(a.count == 3)
        #expect(doc.value(of: a[0]) == "1")
        #expect(try #require(doc.items(a[1])).map { doc.value(of: $0) } == ["2", "3"])
        let inner = try #require(doc.entries(a[2]))
        #expect(inner.map { doc.keyText($0) } == ["k", "l"])
        #expect(try #require(doc.items(inner[1].value)).map { doc.value(of: $0) } == ["w"])
        let b = try #require(doc.entries(entries[1].value))
        #expect(b.first.flatMap { doc.items($0.value) }?.map { doc.value(of: $0) } == ["y", "z"])
        #expect(try #require(doc.items(entries[2].value)).isEmpty)
        #expect(doc.items(entries[1].value) == nil)
        #expect(doc.entries(entries[0].value) == nil)
    }

    @Test func valueTextsCompareAsStringsDo() throws {
        let doc = load("- abc\n- abc\n- abd\n- é\n- \"e\\u0301\"\n- ab\n")
        let items = try #require(doc.root.flatMap { doc.items($0) })
        let ranges = try items.map { try #require(doc[$0].scalar).byteRange }
        #expect(doc.valueText(ranges[0], equals: ranges[1]))
        #expect(!doc.valueText(ranges[0], equals: ranges[2]))
        #expect(!doc.valueText(ranges[0], equals: ranges[5]))
        // Different bytes, the same text to `String`: é written precomposed and as e with a combining accent.
        #expect(doc.valueText(ranges[4]) == "e\u{301}")
        #expect(doc.valueText(ranges[3], equals: ranges[4]))
        #expect(!doc.valueText(ranges[3], equals: ranges[0]))
    }
}
