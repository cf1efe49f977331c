#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A directory met by a walk, which its files are opened from by name (`openat`): the kernel then looks up
/// one path component per file instead of every component of its path.
///
/// The descriptor is opened when the first file is read, relative to the parent directory's (the one a
/// walk started from is opened by the path it was given), and closed when the last file and subdirectory
/// referring to it are gone. The walk's own descriptors are closed as it leaves each directory, and a
/// run lets go of each window of files once it is linted, so the descriptors held here are those of the
/// directories being read and of their ancestors; past `maximumOpen` files are opened by their path, as
/// they would be without a handle.
public final class DirectoryHandle: Sendable {
    private enum Origin: Sendable {
        /// The directory a walk started from, opened by the path it was given.
        case root(path: String)
        /// A subdirectory, by its NUL-terminated name in its parent.
        case child(parent: DirectoryHandle, name: [UInt8])
    }

    /// At most this many directories are held open at once by all handles together.
    static let maximumOpen = 64

    private static let openCount = Atomic<Int>(0)

    /// How many directories the handles hold open now (for tests).
    static var openDescriptors: Int { openCount.load(ordering: .relaxed) }

    private static let unopened: Int32 = -1
    /// Opening failed: files here are opened by their paths.
    private static let failed: Int32 = -2

    private let origin: Origin
    private let descriptor = Atomic<Int32>(DirectoryHandle.unopened)

    init(rootPath: String) {
        origin = .root(path: rootPath)
    }

    init(parent: DirectoryHandle, name: UnsafeBufferPointer<UInt8>) {
        var bytes = Array(name)
        bytes.append(0)
        origin = .child(parent: parent, name: bytes)
    }

    deinit {
        let fd = descriptor.load(ordering: .acquiring)
        if fd >= 0 {
            close(fd)
            Self.openCount.subtract(1, ordering: .relaxed)
        }
    }

    /// The open descriptor of this directory, opened now if need be; nil when it cannot be opened (it is
    /// gone, unreadable, no longer a directory, or too many are open), and files are to be opened by path.
    /// It stays valid while the caller holds this handle.
    func openDescriptor() -> Int32? {
        let current = descriptor.load(ordering: .acquiring)
        if current >= 0 { return current }
        if current == Self.failed { return nil }
        guard Self.openCount.add(1, ordering: .relaxed).oldValue < Self.maximumOpen else {
            Self.openCount.subtract(1, ordering: .relaxed)
            return nil // not remembered: another file may find room later
        }
        let opened: Int32
        switch origin {
        case .root(let path):
            opened = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        case .child(let parent, let name):
            guard let parentDescriptor = parent.openDescriptor() else {
                // Not remembered either: the parent may only have been short of room.
                Self.openCount.subtract(1, ordering: .relaxed)
                return nil
            }
            // As the walk opened it: a directory swapped for a link since is not followed.
            opened = name.withUnsafeBufferPointer { name in
                openat(parentDescriptor, UnsafeRawPointer(name.baseAddress!).assumingMemoryBound(to: CChar.self),
                       O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
        }
        if opened < 0 { Self.openCount.subtract(1, ordering: .relaxed) }
        let stored = opened < 0 ? Self.failed : opened
        let (exchanged, original) = descriptor.compareExchange(expected: Self.unopened, desired: stored,
                                                                ordering: .acquiringAndReleasing)
        if exchanged { return opened < 0 ? nil : opened }
        // Another thread opened it first: keep theirs.
        if opened >= 0 {
            close(opened)
            Self.openCount.subtract(1, ordering: .relaxed)
        }
        return original >= 0 ? original : nil
    }
}
