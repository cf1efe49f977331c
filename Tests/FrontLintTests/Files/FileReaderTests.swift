import Foundation
import Testing
@testable import FrontLint

/// Files found by a walk are read by name from their directory (`openat`); a file named on the command
/// line by its path. Either way the same checks apply and the same errors come out.
@Suite(.serialized) struct FileReaderTests {
    /// The walked file named `name`.
    func walked(_ tree: TemporaryTree, _ name: String) throws -> DiscoveredFile {
        try #require(FileDiscovery.collect(paths: [tree.root]).files.first { $0.path.hasSuffix("/" + name) })
    }

    func readError(_ file: DiscoveredFile) -> FileReadError? {
        do {
            _ = try FileReader.read(file)
            return nil
        } catch {
            return error
        }
    }

    @Test func walkedFilesKeepTheirDirectoryAndNamedOnesDoNot() throws {
        let tree = try TemporaryTree()
        try tree.file("a/b/page.md", "---\ntitle: x\n---\n")
        let file = try walked(tree, "page.md")
        #expect(file.directory != nil)
        #expect(file.path == tree.path("a/b/page.md"))
        #expect(String(decoding: Array(file.path.utf8)[file.nameOffset...], as: UTF8.self) == "page.md")
        #expect(try FileReader.read(file) == Array("---\ntitle: x\n---\n".utf8))

        let named = try #require(FileDiscovery.collect(paths: [tree.path("a/b/page.md")]).files.first)
        #expect(named.directory == nil)
        #expect(try FileReader.read(named) == Array("---\ntitle: x\n---\n".utf8))
    }

    /// Names that are not plain ASCII and a directory under the working directory are read as well.
    @Test func oddNamesAreReadFromTheirDirectory() throws {
        let tree = try TemporaryTree()
        let names = ["with space.md", "中文 文件.md", "new\nline.md"]
        for name in names { try tree.file("d/" + name, "---\ntitle: \(names.firstIndex(of: name)!)\n---\n") }
        let files = FileDiscovery.collect(paths: [tree.path("d")]).files
        #expect(files.count == 3)
        for file in files {
            let index = try #require(names.firstIndex { file.path.hasSuffix("/" + $0) })
            #expect(try FileReader.read(file) == Array("---\ntitle: \(index)\n---\n".utf8))
        }
    }

    /// Each way a walked file can go bad between the walk and the read gives the error reading it by
    /// path gives: the kind and the words.
    @Test func aFileChangedAfterTheWalkFailsAsItWouldByPath() throws {
        let tree = try TemporaryTree()
        for name in ["gone.md", "dir.md", "fifo.md", "loop.md", "ok.md"] { try tree.file("content/" + name) }
        let files = FileDiscovery.collect(paths: [tree.root]).files
        #expect(files.count == 5)
        try FileManager.default.removeItem(atPath: tree.path("content/gone.md"))
        try FileManager.default.removeItem(atPath: tree.path("content/dir.md"))
        try tree.directory("content/dir.md")
        try FileManager.default.removeItem(atPath: tree.path("content/fifo.md"))
        #expect(mkfifo(tree.path("content/fifo.md"), 0o644) == 0)
        try FileManager.default.removeItem(atPath: tree.path("content/loop.md"))
        try tree.symlink("content/loop.md", to: "loop.md")

        for file in files {
            #expect(file.directory != nil)
            let relative = TimeBound.expect(under: 2, file.path) { readError(file) }
            var byPath: FileReadError?
            do { _ = try FileReader.read(file.path) } catch { byPath = error }
            #expect(relative?.kind == byPath?.kind, "\(file.path)")
            #expect(relative?.description == byPath?.description, "\(file.path)")
        }
        let byName = Dictionary(uniqueKeysWithValues: files.map { (String($0.path.split(separator: "/").last!), $0) })
        #expect(readError(byName["gone.md"]!)?.kind == .notFound)
        #expect(readError(byName["dir.md"]!)?.kind == .isDirectory)
        #expect(readError(byName["fifo.md"]!)?.kind == .notRegularFile)
        #expect(readError(byName["loop.md"]!)?.description == "too many levels of symbolic links")
        #expect(readError(byName["ok.md"]!) == nil)
    }

    /// A walked file is read without `fstat` when one read returns less than the buffer holds; every
    /// size around the buffer's, and an empty file, come out whole and equal to reading by path.
    @Test func walkedFilesOfEverySizeAroundTheReadBufferAreReadWhole() throws {
        let tree = try TemporaryTree()
        let size = FileReader.walkedReadSize
        let sizes = [0, 1, 4_321, size - 1, size, size + 1, 3 * size + 17]
        for length in sizes {
            let text = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            try tree.file("s/\(length).md", text)
        }
        let files = FileDiscovery.collect(paths: [tree.path("s")]).files
        #expect(files.count == sizes.count)
        for file in files {
            let length = try #require(Int(file.path.split(separator: "/").last!.dropLast(3)))
            let bytes = try FileReader.read(file)
            #expect(bytes.count == length, "\(file.path)")
            // Compared outside #expect, which would work out a difference of the two on a failure.
            let same = bytes == (try FileReader.read(file.path))
            #expect(same, "\(file.path)")
        }
    }

    /// Files of the proc file system give a size of zero and are read 4 KB at a time until the end: they
    /// come out whole, as one large read gives them (/proc/kallsyms is megabytes, so many chunks).
    @Test func filesWithoutASizeAreReadWhole() throws {
        for path in ["/proc/self/mountinfo", "/proc/kallsyms"] {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { continue }
            var expected: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                guard n > 0 else { break }
                expected += buffer[..<n]
            }
            close(fd)
            let bytes = try FileReader.read(path)
            #expect(!bytes.isEmpty, "\(path)")
            // Compared outside #expect, which would work out a difference of megabytes on a failure.
            let whole = bytes == expected
            #expect(whole, "\(path): \(bytes.count) bytes against \(expected.count)")
        }
    }

    /// A directory that is gone by the time its files are read: its files are reported missing, as they
    /// would be by path.
    @Test func aDirectoryGoneAfterTheWalk() throws {
        let tree = try TemporaryTree()
        try tree.file("content/posts/a.md")
        let file = try walked(tree, "a.md")
        try FileManager.default.removeItem(atPath: tree.path("content/posts"))
        #expect(readError(file)?.kind == .notFound)
        #expect(readError(file)?.description == "no such file or directory")
    }

    /// Once its directory is open, a file is found through it, not by its path: the directory can even
    /// be renamed meanwhile. (Read by path, the second file would be missing.)
    @Test func filesAreOpenedRelativeToTheirDirectory() throws {
        let tree = try TemporaryTree()
        try tree.file("content/one.md", "one")
        try tree.file("content/two.md", "two")
        let files = FileDiscovery.collect(paths: [tree.root]).files
        #expect(files.map { String($0.path.split(separator: "/").last!) } == ["one.md", "two.md"])
        #expect(try FileReader.read(files[0]) == Array("one".utf8))
        try FileManager.default.moveItem(atPath: tree.path("content"), toPath: tree.path("moved"))
        #expect(try FileReader.read(files[1]) == Array("two".utf8))
        #expect(throws: FileReadError.self) { try FileReader.read(files[1].path) }
    }

    /// However many directories hold files waiting to be read, the handles keep at most
    /// `DirectoryHandle.maximumOpen` open at once (the files of the others are read by path).
    @Test func openDirectoriesStayBounded() throws {
        let tree = try TemporaryTree()
        let count = DirectoryHandle.maximumOpen + 40
        for k in 0..<count { try tree.file(String(format: "d%03d/p.md", k), "page \(k)") }
        let files = FileDiscovery.collect(paths: [tree.root]).files
        #expect(files.count == count)
        for (k, file) in files.enumerated() {
            #expect(try FileReader.read(file) == Array("page \(k)".utf8))
            #expect(DirectoryHandle.openDescriptors <= DirectoryHandle.maximumOpen)
        }
    }

    #if os(Linux)
    /// A handle opens its directory when first asked and closes it when it goes away.
    @Test func aHandleClosesItsDirectory() throws {
        let tree = try TemporaryTree()
        try tree.directory("sub")
        func target(_ fd: Int32) -> String? {
            var buffer = [CChar](repeating: 0, count: 4096)
            let count = readlink("/proc/self/fd/\(fd)", &buffer, buffer.count - 1)
            return count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
        }
        let real = try #require(FileSystem.realPath(tree.path("sub")))
        var descriptor: Int32 = -1
        do {
            let root = DirectoryHandle(rootPath: tree.root)
            let sub = Array("sub".utf8).withUnsafeBufferPointer { DirectoryHandle(parent: root, name: $0) }
            descriptor = try #require(sub.openDescriptor())
            #expect(sub.openDescriptor() == descriptor, "opened once")
            #expect(target(descriptor) == real)
        }
        #expect(target(descriptor) != real, "closed with its handle")
    }
    #endif
}
