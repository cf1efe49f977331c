import Testing
@testable import FrontLint

private func split(_ text: String) -> (SourceFile, SplitDocument) {
    split(Array(text.utf8))
}

private func split(_ bytes: [UInt8]) -> (SourceFile, SplitDocument) {
    let source = SourceFile(path: "t.md", bytes: bytes)
    return (source, FrontMatterSplitter.split(source))
}

@Suite struct FrontMatterSplitterTests {
    @Test func yamlWithLF() throws {
        let (source, doc) = split("---\ntitle: a\n---\nbody\n")
        let fm = try #require(doc.frontMatter)
        #expect(fm.format == .yaml)
        #expect(source.text(fm.content) == "title: a\n")
        #expect(fm.contentLine == 2)
        #expect(source.text(doc.body) == "body\n")
        #expect(doc.bodyLine == 4)
        #expect(source.text(fm.opening) == "---")
        #expect(fm.isTerminated)
    }

    @Test func yamlWithCRLFAndTrailingSpacesOnDelimiters() throws {
        let (source, doc) = split("---  \r\ntitle: a\r\n--- \t\r\nbody\r\n")
        let fm = try #require(doc.frontMatter)
        #expect(source.text(fm.content) == "title: a\r\n")
        #expect(source.text(try #require(fm.closing)) == "--- \t")
        #expect(source.text(doc.body) == "body\r\n")
        #expect(doc.bodyLine == 4)
    }

    @Test func byteOrderMarkBeforeTheOpeningLine() throws {
        let (source, doc) = split([0xEF, 0xBB, 0xBF] + Array("---\ntitle: a\n---\n".utf8))
        let fm = try #require(doc.frontMatter)
        #expect(fm.opening == 3..<6)
        #expect(source.text(fm.content) == "title: a\n")
    }

    @Test func noFinalNewline() throws {
        let (source, doc) = split("---\ntitle: a\n---")
        let fm = try #require(doc.frontMatter)
        #expect(fm.isTerminated)
        #expect(source.text(fm.content) == "title: a\n")
        #expect(doc.body.isEmpty)
    }

    @Test func emptyBlock() throws {
        let (_, doc) = split("---\n---\nbody")
        let fm = try #require(doc.frontMatter)
        #expect(fm.content.isEmpty)
        #expect(fm.isTerminated)
    }

    @Test func noFrontMatter() {
        let (source, doc) = split("# Title\n\n---\n")
        #expect(doc.frontMatter == nil)
        #expect(doc.body == 0..<source.bytes.count)
        #expect(doc.bodyLine == 1)
    }

    @Test func openingLineMustBeExactlyThreeDashes() {
        #expect(split("----\ntitle: a\n----\n").1.frontMatter == nil)
        #expect(split(" ---\ntitle: a\n---\n").1.frontMatter == nil)
        #expect(split("--- x\ntitle: a\n---\n").1.frontMatter == nil)
        #expect(split("\n---\ntitle: a\n---\n").1.frontMatter == nil)
    }

    @Test func unterminatedBlockRunsToTheEnd() throws {
        let (source, doc) = split("---\ntitle: a\nbody\n")
        let fm = try #require(doc.frontMatter)
        #expect(!fm.isTerminated)
        #expect(fm.content.upperBound == source.bytes.count)
        #expect(doc.body.isEmpty)
    }

    @Test func tomlIsRecognised() throws {
        let (source, doc) = split("+++\ntitle = \"a\"\n+++\nbody\n")
        let fm = try #require(doc.frontMatter)
        #expect(fm.format == .toml)
        #expect(fm.isTerminated)
        #expect(source.text(doc.body) == "body\n")
    }

    @Test func jsonIsRecognised() throws {
        let (source, doc) = split("{\n  \"title\": \"a\"\n}\nbody\n")
        let fm = try #require(doc.frontMatter)
        #expect(fm.format == .json)
        #expect(fm.isTerminated)
        #expect(source.text(doc.body) == "body\n")
    }

    /// Only the lines that start with the closing mark are read whole: lines that start with it but are not a
    /// delimiter do not close the block, nor does an empty line, and the first that is one does.
    @Test func linesStartingWithTheMarkCloseOnlyWhenTheyAreDelimiters() throws {
        let (source, doc) = split("---\ntags:\n- a\n--\n\n----\n--- x\n-\n---\t \nbody\n")
        let fm = try #require(doc.frontMatter)
        #expect(source.text(fm.content) == "tags:\n- a\n--\n\n----\n--- x\n-\n")
        #expect(source.text(try #require(fm.closing)) == "---\t ")
        #expect(doc.bodyLine == 10)
        let (jsonSource, json) = split("{\n\"a\": {\n}x\n} \t\nbody")
        #expect(jsonSource.text(try #require(json.frontMatter?.closing)) == "} \t")
        #expect(jsonSource.text(json.body) == "body")
    }

    @Test func aThematicBreakLaterInTheBodyDoesNotMatter() throws {
        let (source, doc) = split("---\na: 1\n---\ntext\n\n---\n")
        #expect(source.text(try #require(doc.frontMatter).content) == "a: 1\n")
        #expect(source.text(doc.body) == "text\n\n---\n")
    }
}
