internal import CCairo

/// Process-wide allocator settings for writing many PDFs.
public enum MemoryTuning {
    /// Lets glibc keep freed memory for reuse instead of mapping and unmapping it for every file: each PDF
    /// allocates and frees a few MB (font tables, compressed streams), and with glibc's defaults those come
    /// from fresh mmaps every time, costing page faults that made a 2,000-page file 70 % slower.
    public static func keepFreedMemory() {
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
    }
}
