internal import CCairo
import Foundation

/// Process-wide allocator settings for writing many PDFs.
public enum MemoryTuning {
    /// Lets glibc keep freed memory for reuse instead of mapping and unmapping it for every file: each PDF
    /// allocates and frees a few MB (font tables, compressed streams), and with glibc's defaults those come
    /// from fresh mmaps every time, costing page faults that made a 2,000-page file 70 % slower.
    ///
    /// It also limits glibc to one allocation arena per core (its default is eight per core): each thread
    /// that frees memory into an arena of its own keeps it there, and a 100,000-candidate pack's photo checks
    /// and rendering threads left about 15 MB more resident that way.
    public static func keepFreedMemory() {
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        _ = mallopt(M_ARENA_MAX, Int32(max(2, ProcessInfo.processInfo.activeProcessorCount)))
    }

    /// Gives the memory freed so far back to the system (a stage that is done, such as reading a roster,
    /// leaves its working memory behind), so the next stage starts from what is still in use.
    public static func releaseFreedMemory() {
        _ = malloc_trim(0)
    }
}
