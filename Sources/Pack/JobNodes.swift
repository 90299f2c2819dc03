import Yams

/// Reads typed values out of a job file's YAML nodes; every mismatch becomes a `JobError` naming the key
/// and line.
struct JobNodes {
    let file: String

    func error(_ node: Node?, key: String, zh: String, en: String) -> JobError {
        JobError(file: file, line: node?.mark.map { $0.line }, key: key, zh: zh, en: en)
    }

    /// A mapping whose keys must all be in `allowed`.
    func mapping(_ node: Node, key: String, allowed: [String]) throws -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw error(node, key: key, zh: "应为“键: 值”的映射", en: "expected keys and values")
        }
        var result: [String: Node] = [:]
        for (k, v) in mapping {
            guard let name = k.string else { throw error(k, key: key, zh: "键必须是文字", en: "a key must be text") }
            let path = key.isEmpty ? name : key + "." + name
            guard allowed.contains(name) else {
                throw error(k, key: path, zh: "未知的键（可用：\(allowed.joined(separator: "、"))）",
                            en: "unknown key (known: \(allowed.joined(separator: ", ")))")
            }
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
