import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How the process's C heap behaves, set once at start-up by the executables: keep freed memory for
/// reuse instead of handing it back to the system after every large save (glibc's `mallopt`).
public enum HeapSettings {
    /// glibc returns memory to the system once more than 128 KiB is free at the top of the heap, and
    /// serves every allocation above 128 KiB with a fresh mmap that is unmapped when freed. Saving a
    /// session of half a megabyte or more after every answer then unmaps and re-faults the same pages on
    /// each save (page faults were a quarter of an autosave's time). Raising both thresholds to 64 MiB
    /// makes repeated saves reuse their pages. The memory is still the process's to give back when it
    /// ends; a `run` that has saved a session holds at most a few times that session's size.
    /// `mallopt` is looked up at run time (Swift's Glibc module does not export it); elsewhere this does nothing.
    public static func keepFreedMemory() {
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3
        mallopt(trimThreshold, 64 << 20)
        mallopt(mmapThreshold, 64 << 20)
    }

    /// Makes every thread allocate from the main heap (glibc's `M_ARENA_MAX` of 1), for `run`, whose
    /// writer remembers the loaded session's parts on a second thread (`SessionWriter.warmUp`). A second
    /// thread otherwise gets a heap of its own that glibc grows one page at a time, a system call each
    /// (about 300 for a 1.7 MB session), and that cannot reuse the pages the main thread has freed.
    /// Only for a process with one thread at work most of the time: threads that allocate at once wait
    /// for each other. Elsewhere this does nothing.
    public static func shareOneHeap() {
        let arenaMax: Int32 = -8
        mallopt(arenaMax, 1)
    }

    /// glibc's `mallopt(option, value)`, looked up at run time; nothing where there is none.
    private static func mallopt(_ option: Int32, _ value: Int32) {
        #if os(Linux)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: MallOpt.self)(option, value)
        #endif
    }
}
