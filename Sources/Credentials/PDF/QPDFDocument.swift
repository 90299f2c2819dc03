internal import CQPDF

/// A PDF opened read-only with libqpdf's C API (owns the `qpdf_data` and the copy of the bytes it reads
/// from). qpdf is a well-kept, fuzzed PDF library: it finds the trailer, the catalog, the pages and any
/// object of a file (classic or stream cross-references, damaged files repaired), so neither the signer nor
/// the checker parses PDF objects itself. Objects are passed around as qpdf's handles (`Object`), valid
/// while this document lives. Not thread-safe (qpdf_data is not): one per call.
final class QPDFDocument {
    /// A qpdf object handle of this document.
    struct Object: Equatable {
        fileprivate let handle: qpdf_oh
    }

    private var data: qpdf_data?
    private let buffer: UnsafeMutableRawBufferPointer
    /// Warnings qpdf raised while reading (a damaged file it repaired, …).
    private(set) var warnings: [String] = []

    /// Reads `bytes`; throws qpdf's message when it is not a PDF qpdf can open.
    init(bytes: [UInt8]) throws(QPDFFailure) {
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        }
        data = qpdf_init()
        qpdf_silence_errors(data)
        qpdf_set_suppress_warnings(data, QPDF_TRUE)
        let status = qpdf_read_memory(data, "document.pdf", buffer.baseAddress!.assumingMemoryBound(to: CChar.self),
                                      UInt64(bytes.count), nil)
        if status & QPDF_ERRORS != 0 {
            throw QPDFFailure(message: lastError() ?? "unreadable")
        }
        collectWarnings()
    }

    deinit {
        qpdf_cleanup(&data)
        buffer.deallocate()
    }

    /// The error of the last call, if it failed.
    private func lastError() -> String? {
        guard qpdf_has_error(data) != QPDF_FALSE else { return nil }
        let error = qpdf_get_error(data)
        return error.flatMap { qpdf_get_error_full_text(data, $0) }.map { String(cString: $0) }
    }

    private func collectWarnings() {
        while qpdf_more_warnings(data) != QPDF_FALSE {
            if let warning = qpdf_next_warning(data), let text = qpdf_get_error_full_text(data, warning) {
                warnings.append(String(cString: text))
            }
        }
    }

    /// Throws when the calls since the last check failed inside qpdf.
    func check() throws(QPDFFailure) {
        if let message = lastError() { throw QPDFFailure(message: message) }
        collectWarnings()
        if warnings.contains(where: { $0.contains("C API function caught an exception") }) {
            throw QPDFFailure(message: warnings.last ?? "qpdf error")
        }
    }

    var isEncrypted: Bool { qpdf_is_encrypted(data) != QPDF_FALSE }
    var pageCount: Int { Int(qpdf_get_num_pages(data)) }
    var trailer: Object { Object(handle: qpdf_get_trailer(data)) }
    var root: Object { Object(handle: qpdf_get_root(data)) }

    /// The page at `index` (0-based); nil when there is none.
    func page(_ index: Int) -> Object? {
        guard index >= 0, index < pageCount else { return nil }
        let page = Object(handle: qpdf_get_page_n(data, index))
        return isDictionary(page) ? page : nil
    }

    /// The value of `key` (with its slash, "/Annots") in a dictionary, references followed; nil when absent
    /// or null.
    func value(_ object: Object, _ key: String) -> Object? {
        guard isDictionary(object), qpdf_oh_has_key(data, object.handle, key) != QPDF_FALSE else { return nil }
        let value = Object(handle: qpdf_oh_get_key(data, object.handle, key))
        return qpdf_oh_is_null(data, value.handle) != QPDF_FALSE ? nil : value
    }

    /// The keys of a dictionary, in qpdf's order, each with its slash.
    func keys(_ object: Object) -> [String] {
        guard isDictionary(object) else { return [] }
        var keys: [String] = []
        qpdf_oh_begin_dict_key_iter(data, object.handle)
        while qpdf_oh_dict_more_keys(data) != QPDF_FALSE {
            if let key = qpdf_oh_dict_next_key(data) { keys.append(String(cString: key)) }
        }
        return keys
    }

    /// The number of items of an array (0 for anything else).
    func count(_ object: Object) -> Int {
        guard qpdf_oh_is_array(data, object.handle) != QPDF_FALSE else { return 0 }
        return max(Int(qpdf_oh_get_array_n_items(data, object.handle)), 0)
    }

    /// The items of an array (empty for anything else), at most `limit` of them.
    func items(_ object: Object, limit: Int = 100_000) -> [Object] {
        (0..<min(count(object), limit)).map { Object(handle: qpdf_oh_get_array_item(data, object.handle, Int32($0))) }
    }

    func isDictionary(_ object: Object) -> Bool { qpdf_oh_is_dictionary(data, object.handle) != QPDF_FALSE }
    func isArray(_ object: Object) -> Bool { qpdf_oh_is_array(data, object.handle) != QPDF_FALSE }
    func isName(_ object: Object, _ name: String) -> Bool { qpdf_oh_is_name_and_equals(data, object.handle, name) != QPDF_FALSE }

    /// The value of an integer object; nil for anything else.
    func integer(_ object: Object) -> Int64? {
        guard qpdf_oh_is_integer(data, object.handle) != QPDF_FALSE else { return nil }
        return Int64(qpdf_oh_get_int_value(data, object.handle))
    }

    /// The bytes of a string object; nil for anything else.
    func stringBytes(_ object: Object) -> [UInt8]? {
        guard qpdf_oh_is_string(data, object.handle) != QPDF_FALSE else { return nil }
        var length = 0
        guard let bytes = qpdf_oh_get_binary_string_value(data, object.handle, &length) else { return [] }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: length) { [UInt8](UnsafeBufferPointer(start: $0, count: length)) }
    }

    /// The object number and generation of an indirect object; nil for a direct one.
    func reference(_ object: Object) -> (number: Int, generation: Int)? {
        guard qpdf_oh_is_indirect(data, object.handle) != QPDF_FALSE else { return nil }
        return (Int(qpdf_oh_get_object_id(data, object.handle)), Int(qpdf_oh_get_generation(data, object.handle)))
    }

    /// PDF syntax for the object as it appears inside another (indirect objects as "12 0 R").
    func syntax(_ object: Object) -> String {
        guard let text = qpdf_oh_unparse(data, object.handle) else { return "null" }
        return String(cString: text)
    }

    /// PDF syntax for a name (escaped as the syntax needs).
    func nameSyntax(_ name: String) -> String {
        let handle = qpdf_oh_new_name(data, name)
        defer { qpdf_oh_release(data, handle) }
        return syntax(Object(handle: handle))
    }
}
