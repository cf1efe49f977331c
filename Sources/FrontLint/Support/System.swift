import CThreads
import Glibc

/// The machine, as far as the runner needs it.
public enum System {
    /// How many files are linted at once unless `--jobs` says otherwise: the CPUs this process may run on
    /// (its CPU affinity, as `nproc` counts them: `taskset`, a container's `--cpuset-cpus`), or fewer when
    /// its cgroup has a CPU quota that allows less (a container's `--cpus`, a Kubernetes CPU limit; see
    /// `CPUQuota`). Counting every online CPU instead started 63 lint threads in a container limited to 2
    /// CPUs on a 64-core machine, each compiling its own copy of the settings and all of them throttled.
    public static var activeProcessorCount: Int {
        processorCount(online: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))),
                       allowed: Int(frontlint_allowed_cpu_count()), quota: CPUQuota.current())
    }

    /// `activeProcessorCount` from what the system says: the online CPUs, those this process may run on
    /// (-1 when unknown) and its cgroup's CPU quota in whole CPUs (nil when it has none).
    static func processorCount(online: Int, allowed: Int, quota: Int?) -> Int {
        var count = allowed > 0 ? allowed : online
        if let quota { count = min(count, quota) }
        return max(1, count)
    }
}

/// The CPU quota of this process's cgroup, in whole CPUs: the lowest along the path from its cgroup up to
/// the root of the hierarchy (a container's limit is often set on a parent), from cgroup v2's `cpu.max`
/// and cgroup v1's `cpu.cfs_quota_us` and `cpu.cfs_period_us`, found through `/proc/self/cgroup` and
/// `/proc/self/mountinfo`. A quota of 1.5 CPUs counts as 2: a linter is after throughput, and two threads
/// then get 1.5 CPUs' worth of time where one would get 1.
enum CPUQuota {
    /// The quota, or nil when there is none or it cannot be read (not Linux, no cgroup file system).
    static func current() -> Int? {
        quota(read: { try? FileReader.read($0) })
    }

    /// The quota, reading each file (`/proc/self/cgroup`, `/proc/self/mountinfo` and the cgroup files)
    /// with `read`, which gives nil for a file that cannot be read.
    static func quota(read: (String) -> [UInt8]?) -> Int? {
        guard let cgroups = read("/proc/self/cgroup"), let mounts = read("/proc/self/mountinfo") else { return nil }
        var lowest: Int?
        for (version, mountPoint, directory) in cgroupDirectories(cgroups: cgroups, mountInfo: mounts) {
            // From the process's own cgroup up to the root of the hierarchy, the root included.
            var current = directory
            while true {
                if let quota = quota(in: current, version: version, read: read) { lowest = min(lowest ?? quota, quota) }
                guard current.utf8.count > mountPoint.utf8.count,
                      let slash = current.utf8.lastIndex(of: UInt8(ascii: "/")) else { break }
                current = String(current[..<slash])
                if current.utf8.count < mountPoint.utf8.count { current = mountPoint }
            }
        }
        return lowest
    }

    enum Version { case v1, v2 }

    /// The quota set in one cgroup directory, in whole CPUs (rounded up), or nil for none.
    static func quota(in directory: String, version: Version, read: (String) -> [UInt8]?) -> Int? {
        let quota: Int, period: Int
        switch version {
        case .v2:
            // "max 100000" (no quota) or "150000 100000": the quota and the period, in microseconds.
            guard let text = read(directory + "/cpu.max") else { return nil }
            let fields = pieces(text[...], at: UInt8(ascii: " "))
            guard fields.count == 2, let q = integer(fields[0]), let p = integer(fields[1]) else { return nil }
            (quota, period) = (q, p)
        case .v1:
            // -1 for no quota.
            func number(_ file: String) -> Int? {
                read(directory + "/" + file).flatMap { pieces($0[...], at: UInt8(ascii: " ")).first.flatMap(integer) }
            }
            guard let q = number("cpu.cfs_quota_us"), let p = number("cpu.cfs_period_us") else { return nil }
            (quota, period) = (q, p)
        }
        guard quota > 0, period > 0 else { return nil }
        return max(1, (quota + period - 1) / period)
    }

    /// The directories holding this process's cgroup for the CPU controller: cgroup v2's unified
    /// hierarchy and cgroup v1's `cpu` hierarchy, each with its mount point, where both are mounted.
    static func cgroupDirectories(cgroups: [UInt8], mountInfo: [UInt8])
        -> [(Version, mountPoint: String, directory: String)] {
        func hasCPU(_ list: ArraySlice<UInt8>) -> Bool {
            pieces(list, at: UInt8(ascii: ",")).contains { same($0, "cpu") }
        }
        // "hierarchy-ID:controllers:path": "0::/path" for v2, "4:cpu,cpuacct:/path" for v1.
        var v2Path: String?, v1Path: String?
        for line in pieces(cgroups[...], at: UInt8(ascii: "\n")) {
            let parts = pieces(line, at: UInt8(ascii: ":"), keepingEmpty: true, limit: 3)
            guard parts.count == 3 else { continue }
            if same(parts[0], "0") && parts[1].isEmpty { v2Path = String(decoding: parts[2], as: UTF8.self) }
            if hasCPU(parts[1]) { v1Path = String(decoding: parts[2], as: UTF8.self) }
        }
        guard v2Path != nil || v1Path != nil else { return [] }
        var found: [(Version, mountPoint: String, directory: String)] = []
        // "36 25 0:32 ROOT MOUNT-POINT OPTIONS [OPTIONAL...] - TYPE SOURCE SUPER-OPTIONS", with spaces and
        // the like in paths written as octal escapes (`\040`).
        for line in pieces(mountInfo[...], at: UInt8(ascii: "\n")) where mayBeCgroupMount(line) {
            let fields = pieces(line, at: UInt8(ascii: " "))
            guard fields.count >= 7, let dash = fields.firstIndex(where: { same($0, "-") }), dash + 1 < fields.count
            else { continue }
            let type = fields[dash + 1]
            let version: Version, path: String
            if same(type, "cgroup2"), let v2Path {
                (version, path) = (.v2, v2Path)
            } else if same(type, "cgroup"), dash + 3 < fields.count, hasCPU(fields[dash + 3]), let v1Path {
                (version, path) = (.v1, v1Path)
            } else {
                continue
            }
            if found.contains(where: { $0.0 == version }) { continue }
            let root = unescaped(fields[3]), mountPoint = unescaped(fields[4])
            // The cgroup's path is given from the root of the hierarchy; the mount may show a part of it.
            let relative: Substring
            if root == "/" {
                relative = path[...]
            } else if path == root || path.hasPrefix(root + "/") {
                relative = path.dropFirst(root.count)
            } else {
                continue
            }
            let directory = relative == "/" || relative.isEmpty ? mountPoint : mountPoint + relative
            found.append((version, mountPoint, directory))
        }
        return found
    }

    /// The pieces of `bytes` between `separator`s (and, for spaces, tabs and line feeds too), empty ones left
    /// out unless `keepingEmpty`; at most `limit` pieces, the last holding the rest. A plain loop: the
    /// standard library's `split` and `elementsEqual` on these types cost hundreds of instructions a call
    /// in generic metadata look-ups.
    private static func pieces(_ bytes: ArraySlice<UInt8>, at separator: UInt8, keepingEmpty: Bool = false,
                               limit: Int = .max) -> [ArraySlice<UInt8>] {
        func separates(_ byte: UInt8) -> Bool {
            if byte == separator { return true }
            return separator == UInt8(ascii: " ") && (byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n"))
        }
        var found: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            if separates(bytes[index]) && found.count < limit - 1 {
                if keepingEmpty || index > start { found.append(bytes[start..<index]) }
                start = index + 1
            }
            index += 1
        }
        if keepingEmpty || start < bytes.endIndex { found.append(bytes[start..<bytes.endIndex]) }
        return found
    }

    /// Whether a mountinfo line may be a cgroup mount: " - cgroup" is in it, where its file system type
    /// would be. A quick look, so that most lines of a machine with many mounts are not split into fields.
    private static func mayBeCgroupMount(_ line: ArraySlice<UInt8>) -> Bool {
        let pattern: StaticString = " - cgroup"
        return pattern.withUTF8Buffer { pattern in
            guard line.count >= pattern.count else { return false }
            return (line.startIndex...(line.endIndex - pattern.count)).contains { start in
                line[start] == UInt8(ascii: " ") && pattern.indices.allSatisfy { line[start + $0] == pattern[$0] }
            }
        }
    }

    /// Whether `bytes` are the ASCII text `text`.
    private static func same(_ bytes: ArraySlice<UInt8>, _ text: StaticString) -> Bool {
        text.withUTF8Buffer { text in
            bytes.count == text.count && zip(bytes.indices, text.indices).allSatisfy { bytes[$0] == text[$1] }
        }
    }

    /// A decimal integer, with an optional minus sign, and nothing else.
    private static func integer(_ field: ArraySlice<UInt8>) -> Int? {
        Int(String(decoding: field, as: UTF8.self))
    }

    /// A mountinfo field with its octal escapes (`\040` for a space) decoded.
    private static func unescaped(_ field: ArraySlice<UInt8>) -> String {
        var bytes: [UInt8] = []
        var rest = field
        while let byte = rest.popFirst() {
            let digits = rest.prefix(3)
            if byte == UInt8(ascii: "\\"), digits.count == 3, digits.allSatisfy({ (48...55).contains($0) }) {
                bytes.append(digits.reduce(0) { $0 &* 8 &+ ($1 - 48) })
                rest.removeFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
