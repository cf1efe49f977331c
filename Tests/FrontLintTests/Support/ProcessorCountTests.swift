import CThreads
import Testing
@testable import FrontLint

/// How many files are linted at once by default (`System.activeProcessorCount`): the CPUs the process may
/// run on, or its cgroup's CPU quota when that is lower. The cgroup files are given as the kernel writes
/// them, from the layouts of Docker (cgroup v1 and v2), Kubernetes and this project's machines.
@Suite struct ProcessorCountTests {
    /// Reads from `files`, as `CPUQuota.quota(read:)` reads the real ones.
    func quota(_ files: [String: String]) -> Int? {
        CPUQuota.quota(read: { files[$0].map { Array($0.utf8) } })
    }

    static let v2Mount = "1046 1035 0:27 / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime - cgroup2 cgroup rw,nsdelegate\n"

    @Test func affinityAndQuotaLimitTheCount() {
        #expect(System.processorCount(online: 64, allowed: 2, quota: nil) == 2)
        #expect(System.processorCount(online: 64, allowed: 64, quota: 2) == 2)
        #expect(System.processorCount(online: 2, allowed: 2, quota: 8) == 2)
        // The affinity could not be read: every online CPU.
        #expect(System.processorCount(online: 8, allowed: -1, quota: nil) == 8)
        #expect(System.processorCount(online: 0, allowed: -1, quota: nil) == 1)
    }

    /// `docker run --cpus 1.5` with cgroup v2 and its own cgroup namespace: the quota is in the root of
    /// what the container sees, and 1.5 CPUs count as 2.
    @Test func dockerCgroupV2() {
        let files = ["/proc/self/cgroup": "0::/\n", "/proc/self/mountinfo": Self.v2Mount,
                     "/sys/fs/cgroup/cpu.max": "150000 100000\n"]
        #expect(quota(files) == 2)
        var unlimited = files
        unlimited["/sys/fs/cgroup/cpu.max"] = "max 100000\n"
        #expect(quota(unlimited) == nil)
    }

    /// A Kubernetes pod's limit is set on the pod's cgroup, a parent of the container's; the lowest quota
    /// on the way up counts.
    @Test func kubernetesLimitOnAParent() {
        let pod = "/sys/fs/cgroup/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1.slice"
        var files = ["/proc/self/cgroup": "0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1.slice/cri-containerd-ab.scope\n",
                     "/proc/self/mountinfo": Self.v2Mount,
                     "/sys/fs/cgroup/cpu.max": "max 100000\n",
                     "/sys/fs/cgroup/kubepods.slice/cpu.max": "max 100000\n",
                     pod + "/cpu.max": "200000 100000\n",
                     pod + "/cri-containerd-ab.scope/cpu.max": "max 100000\n"]
        #expect(quota(files) == 2)
        files[pod + "/cri-containerd-ab.scope/cpu.max"] = "300000 100000\n"
        #expect(quota(files) == 2)
        files[pod + "/cri-containerd-ab.scope/cpu.max"] = "100000 100000\n"
        #expect(quota(files) == 1)
    }

    /// Docker with cgroup v1 and no cgroup namespace: the mount shows the container's own cgroup, so the
    /// path in /proc/self/cgroup is cut by the mount's root.
    @Test func dockerCgroupV1() {
        let files = ["/proc/self/cgroup": "12:pids:/docker/ab\n4:cpu,cpuacct:/docker/ab\n1:name=systemd:/docker/ab\n",
                     "/proc/self/mountinfo": "30 25 0:26 /docker/ab /sys/fs/cgroup/cpu,cpuacct ro,nosuid - cgroup cgroup rw,cpu,cpuacct\n",
                     "/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us": "50000\n",
                     "/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us": "100000\n"]
        #expect(quota(files) == 1)
        var unlimited = files
        unlimited["/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us"] = "-1\n"
        #expect(quota(unlimited) == nil)
    }

    /// This project's machines: cgroup v1 and v2 mounted side by side, the process in the root cgroup of
    /// both, no quota.
    @Test func hybridWithoutQuota() {
        let files = ["/proc/self/cgroup": "9:name=systemd:/\n4:memory:/process_api/f8\n2:cpuacct:/\n1:cpu:/\n0::/\n",
                     "/proc/self/mountinfo": """
                     31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
                     32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
                     33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
                     41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw

                     """,
                     "/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "-1\n",
                     "/sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000\n"]
        #expect(quota(files) == nil)
        var limited = files
        limited["/sys/fs/cgroup/unified/cpu.max"] = "400000 100000\n"
        #expect(quota(limited) == 4)
        limited["/sys/fs/cgroup/cpu/cpu.cfs_quota_us"] = "250000\n"
        #expect(quota(limited) == 3)
    }

    @Test func mountPointWithEscapedSpace() {
        let files = ["/proc/self/cgroup": "0::/job\n",
                     "/proc/self/mountinfo": "50 1 0:40 / /run/my\\040cgroups rw - cgroup2 none rw\n",
                     "/run/my cgroups/job/cpu.max": "300000 100000\n"]
        #expect(quota(files) == 3)
    }

    /// Whatever the files hold, no quota is made up and nothing traps.
    @Test func unreadableOrMalformedFilesMeanNoQuota() {
        #expect(quota([:]) == nil)
        #expect(quota(["/proc/self/cgroup": "0::/\n"]) == nil)
        for cpuMax in ["", "max", "150000", "abc 100000", "150000 0", "-5 100000", "0 100000", "1 2 3"] {
            let files = ["/proc/self/cgroup": "0::/\n", "/proc/self/mountinfo": Self.v2Mount,
                         "/sys/fs/cgroup/cpu.max": cpuMax]
            #expect(quota(files) == nil, "cpu.max \(cpuMax.debugDescription)")
        }
        for cgroup in ["", "nonsense", "0::", "::::", "0::relative/path\n"] {
            let files = ["/proc/self/cgroup": cgroup, "/proc/self/mountinfo": Self.v2Mount + "garbage\n- - -\n"]
            #expect(quota(files) == nil, "cgroup \(cgroup.debugDescription)")
        }
        // A cgroup outside what the mount shows cannot be found: no quota rather than a wrong one.
        let outside = ["/proc/self/cgroup": "4:cpu:/elsewhere\n",
                       "/proc/self/mountinfo": "30 25 0:26 /docker/ab /sys/fs/cgroup/cpu ro - cgroup cgroup rw,cpu\n",
                       "/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "50000\n",
                       "/sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000\n"]
        #expect(quota(outside) == nil)
    }

    /// On this machine: at least one job, and never more than the CPUs the process may run on.
    @Test func thisMachine() {
        let count = System.activeProcessorCount
        #expect(count >= 1)
        let allowed = Int(frontlint_allowed_cpu_count())
        if allowed > 0 { #expect(count <= allowed) }
    }
}
