internal import CCairo
import Foundation
import Support

/// Texts laid out once and drawn again: a pack prints the same schools, subjects, rooms, times, seats and
/// labels thousands of times, and shaping them (Pango and HarfBuzz) cost more than drawing them. Each
/// thread keeps its own cache, because a Pango layout belongs to the thread's font map (`FontSubset.use`).
///
/// A text is cached the second time it is drawn (names and ID numbers, drawn once, never are). The cache
/// holds at most `capacity` layouts and starts again when full or when the thread's font map changes, so
/// it never outlives the fonts it was made with. Owns the cached Pango layouts and frees each once.
final class TextLayoutCache {
    /// What decides a layout: the text, its style, its box, the kind of surface and the drawing's scale.
    struct Key: Hashable {
        /// As written, byte for byte (`ExactText`).
        var text: ExactText
        var style: TextStyle
        var width: Double
        var height: Double
        /// A PDF page and a recorded layer get different font options from Pango.
        var recordedLayer: Bool
        var xx: Double, yx: Double, xy: Double, yy: Double
    }

    /// A text laid out in its box: the layout, the font size it was fitted at and its logical size in points.
    struct Entry {
        let layout: OpaquePointer
        let size: Double
        let width: Double
        let height: Double
    }

    /// A layout with its lines and glyphs is a few KB: 1,024 per thread hold a pack's schools, subjects, times,
    /// seats and labels with room to spare.
    static let capacity = 1_024
    /// How many texts seen once are remembered before that list starts again.
    static let seenCapacity = 65_536

    private var entries: [Key: Entry] = [:]
    /// The hashes of texts drawn once (a collision only caches a text early).
    private var seenOnce = Set<Int>()
    private var fontMap: OpaquePointer?

    /// The calling thread's cache.
    static var current: TextLayoutCache {
        if let pointer = pthread_getspecific(threadKey) { return Unmanaged<TextLayoutCache>.fromOpaque(pointer).takeUnretainedValue() }
        let cache = TextLayoutCache()
        pthread_setspecific(threadKey, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }

    /// The thread-local slot; a thread's cache is released when the thread ends.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<TextLayoutCache>.fromOpaque(pointer).release() }
        }
        return key
    }()

    deinit { removeAll() }

    /// The cached layout of `key`, when it was made with the thread's current font map.
    func entry(for key: Key) -> Entry? {
        let map = OpaquePointer(pango_cairo_font_map_get_default())
        if map != fontMap {
            removeAll()
            fontMap = map
            return nil
        }
        return entries[key]
    }

    /// Whether `key` should be cached: true the second time it is asked about.
    func isRepeated(_ key: Key) -> Bool {
        let hash = key.hashValue
        if seenOnce.remove(hash) != nil { return true }
        if seenOnce.count >= Self.seenCapacity { seenOnce.removeAll(keepingCapacity: true) }
        seenOnce.insert(hash)
        return false
    }

    /// Keeps `entry` (the cache takes the layout's reference).
    func insert(_ entry: Entry, for key: Key) {
        if entries.count >= Self.capacity { removeLayouts() }
        entries[key] = entry
    }

    /// Frees every cached layout and forgets what was seen.
    func removeAll() {
        removeLayouts()
        seenOnce.removeAll()
        fontMap = nil
    }

    private func removeLayouts() {
        for entry in entries.values { g_object_unref(UnsafeMutableRawPointer(entry.layout)) }
        entries.removeAll(keepingCapacity: true)
    }
}
