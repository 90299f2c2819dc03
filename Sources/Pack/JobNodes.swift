import Yams

/// Reads typed values out of a job file's YAML nodes; every mismatch becomes a `JobError` naming the key
/// and line. Mistakes that do not stop the reading (an unknown or repeated key, a part that failed inside
/// `attempt`) are collected, so one run reports every mistake in the file.
final class JobNodes {
    let file: String
    /// The mistakes found so far, in the order found.
    private(set) var errors: [JobError] = []

    init(file: String) { self.file = file }

    func error(_ node: Node?, key: String, zh: String, en: String) -> JobError {
        JobError(file: file, line: node?.mark.map { $0.line }, key: key, zh: zh, en: en)
    }

    /// Notes a mistake and goes on.
    func report(_ error: JobError) { errors.append(error) }

    /// Runs one independent part of the reading; a mistake in it is noted and gives nil.
    func attempt<T>(_ body: () throws -> T) throws -> T? {
        do { return try body() } catch let error as JobError {
            errors.append(contentsOf: [error] + error.more)
            return nil
        }
    }

    /// Throws every mistake noted, in the order of their lines (the first, with the others in its `more`).
    func throwIfAny() throws {
        let sorted = errors.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        guard var first = sorted.first else { return }
        first.more = Array(sorted.dropFirst())
        throw first
    }

    /// A mapping whose keys must all be in `allowed`; an unknown or repeated key is noted and left out.
    func mapping(_ node: Node, key: String, allowed: [String]) throws -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw error(node, key: key, zh: "应为“键: 值”的映射", en: "expected keys and values")
        }
        var result: [String: Node] = [:]
        var lines: [String: Int] = [:]
        for (k, v) in mapping {
            guard let name = k.string else { report(error(k, key: key, zh: "键必须是文字", en: "a key must be text")); continue }
            let path = key.isEmpty ? name : key + "." + name
            guard allowed.contains(name) else {
                report(error(k, key: path, zh: "未知的键（可用：\(allowed.joined(separator: "、"))）",
                             en: "unknown key (known: \(allowed.joined(separator: ", ")))"))
                continue
            }
            if let first = lines[name] {
                report(error(k, key: path, zh: "重复的键：第 \(first) 行已经写过 \(name)，只能写一次",
                             en: "repeated key: \(name) is already given on line \(first); give it once"))
                continue
            }
            lines[name] = k.mark?.line ?? 0
            result[name] = v
        }
        return result
    }

    func string(_ node: Node, key: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(node, key: key, zh: "应为文字", en: "expected text") }
        return scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A required, non-empty text under `name` of `map`; `parent` is the mapping node (for the line).
    func required(_ map: [String: Node], _ name: String, in parent: Node, key: String, example: String) throws -> String {
        let path = key.isEmpty ? name : key + "." + name
        guard let node = map[name] else {
            throw error(parent, key: path, zh: "缺少此项（例如 \(name): \(example)）", en: "missing (e.g. \(name): \(example))")
        }
        let text = try string(node, key: path)
        guard !text.isEmpty else { throw error(node, key: path, zh: "不能为空（例如 \(example)）", en: "must not be empty (e.g. \(example))") }
        return text
    }

    func integer(_ node: Node, key: String, range: ClosedRange<Int>) throws -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            throw error(node, key: key, zh: "应为整数", en: "expected a whole number")
        }
        guard range.contains(value) else {
            throw error(node, key: key, zh: "\(value) 超出范围 \(range.lowerBound)…\(range.upperBound)",
                        en: "\(value) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    func bool(_ node: Node, key: String) throws -> Bool {
        guard let value = node.bool else { throw error(node, key: key, zh: "应为 true 或 false", en: "expected true or false") }
        return value
    }

    func list(_ node: Node, key: String) throws -> [Node] {
        guard case .sequence(let items) = node else { throw error(node, key: key, zh: "应为列表（每项以“- ”开头）", en: "expected a list (items start with \"- \")") }
        return Array(items)
    }

    /// A list of texts, or one text.
    func strings(_ node: Node, key: String) throws -> [String] {
        if case .scalar = node { return [try string(node, key: key)] }
        return try list(node, key: key).enumerated().map { try string($0.element, key: "\(key)[\($0.offset + 1)]") }
    }
}
