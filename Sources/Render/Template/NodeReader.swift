import Foundation
import Support
import Yams

/// Reads typed values out of the YAML nodes of a template or a job file; every mismatch becomes a
/// `FileMistake` naming the file, line and key, in both languages. A repeated key is refused naming both
/// lines. A reader that `collects` notes the mistakes that do not stop the reading (an unknown or repeated
/// key, a part that failed inside `attempt`) and goes on, so one run reports every mistake in the file;
/// otherwise those throw at once.
package final class NodeReader {
    package let file: String
    /// `template.invalid` or `job.invalid`.
    package let code: String
    /// Whether unknown and repeated keys are noted (and left out) instead of thrown.
    package let collects: Bool
    /// The mistakes noted so far, in the order found.
    package private(set) var mistakes: [FileMistake] = []

    package init(file: String, code: String, collects: Bool) {
        self.file = file
        self.code = code
        self.collects = collects
    }

    /// The root node of `yaml`: refused (naming the line) when nested deeper than `YAMLNesting.limit`, as
    /// Yams composes nodes recursively; `notThis` ends that message ("不是任务文件" / "not a job file"),
    /// `empty` says the file is empty; anything Yams cannot read is "not valid YAML".
    package func compose(_ yaml: String, notThis: LocalizedText, empty: LocalizedText) throws -> Node {
        if let line = YAMLNesting.lineBeyondLimit(yaml) {
            throw FileMistake(code: code, file: file, line: line, key: "",
                              text: LocalizedText(zh: "嵌套超过 \(YAMLNesting.limit) 层，\(notThis.zh)", en: "nested more than \(YAMLNesting.limit) levels deep; \(notThis.en)"))
        }
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw self.error(nil, key: "", zh: "不是有效的 YAML：\(error)", en: "not valid YAML: \(error)")
        }
        guard let root else { throw self.error(nil, key: "", empty) }
        return root
    }

    package func error(_ node: Node?, key: String, _ text: LocalizedText) -> FileMistake {
        FileMistake(code: code, file: file, line: node?.mark.map { $0.line }, key: key, text: text)
    }

    package func error(_ node: Node?, key: String, zh: String, en: String) -> FileMistake {
        error(node, key: key, LocalizedText(zh: zh, en: en))
    }

    /// Notes a mistake and goes on.
    package func report(_ mistake: FileMistake) { mistakes.append(mistake) }

    /// Runs one independent part of the reading; a mistake in it is noted and gives nil.
    package func attempt<T>(_ body: () throws -> T) throws -> T? {
        do { return try body() } catch let mistake as FileMistake {
            mistakes.append(contentsOf: [mistake] + mistake.more)
            return nil
        }
    }

    /// Throws every mistake noted, in the order of their lines (the first, with the others in its `more`).
    package func throwIfAny() throws {
        let sorted = mistakes.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        guard var first = sorted.first else { return }
        first.more = Array(sorted.dropFirst())
        throw first
    }

    /// A mistake that need not stop the reading: noted when the reader collects, thrown otherwise.
    private func note(_ mistake: FileMistake) throws {
        guard collects else { throw mistake }
        report(mistake)
    }

    /// A mapping whose keys must all be in `allowed` (listed in that order when one is not), each given once;
    /// an unknown or repeated key is noted and left out, or thrown.
    package func mapping(_ node: Node, key: String, allowed: [String]) throws -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw error(node, key: key, zh: "应为“键: 值”的映射", en: "expected keys and values")
        }
        var result: [String: Node] = [:]
        var lines: [String: Int] = [:]
        for (k, v) in mapping {
            guard let name = k.string else { try note(error(k, key: key, zh: "键必须是文字", en: "a key must be text")); continue }
            let path = key.isEmpty ? name : key + "." + name
            guard allowed.contains(name) else {
                try note(error(k, key: path, zh: "未知的键（可用：\(allowed.joined(separator: "、"))）",
                               en: "unknown key (known: \(allowed.joined(separator: ", ")))"))
                continue
            }
            if let first = lines[name] {
                try note(error(k, key: path, zh: "重复的键：第 \(first) 行已经写过 \(name)，只能写一次",
                               en: "repeated key: \(name) is already given on line \(first); give it once"))
                continue
            }
            lines[name] = k.mark?.line ?? 0
            result[name] = v
        }
        return result
    }

    /// A mapping whose keys must all be in `allowed` (listed sorted when one is not).
    package func mapping(_ node: Node, key: String, allowed: Set<String>) throws -> [String: Node] {
        try mapping(node, key: key, allowed: allowed.sorted())
    }

    /// A text as written.
    package func string(_ node: Node, key: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(node, key: key, zh: "应为文字", en: "expected text") }
        return scalar.string
    }

    /// A text without its leading and trailing white space.
    package func text(_ node: Node, key: String) throws -> String {
        try string(node, key: key).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A required, non-empty text under `name` of `map`; `parent` is the mapping node (for the line).
    package func required(_ map: [String: Node], _ name: String, in parent: Node, key: String, example: String) throws -> String {
        let path = key.isEmpty ? name : key + "." + name
        guard let node = map[name] else {
            throw error(parent, key: path, zh: "缺少此项（例如 \(name): \(example)）", en: "missing (e.g. \(name): \(example))")
        }
        let value = try text(node, key: path)
        guard !value.isEmpty else { throw error(node, key: path, zh: "不能为空（例如 \(example)）", en: "must not be empty (e.g. \(example))") }
        return value
    }

    package func integer(_ node: Node, key: String, range: ClosedRange<Int>) throws -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            throw error(node, key: key, zh: "应为整数", en: "expected a whole number")
        }
        guard range.contains(value) else {
            throw error(node, key: key, zh: "\(value) 超出范围 \(range.lowerBound)…\(range.upperBound)",
                        en: "\(value) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    package func number(_ node: Node, key: String, range: ClosedRange<Double>) throws -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string) else {
            throw error(node, key: key, zh: "应为数字", en: "expected a number")
        }
        guard range.contains(value) else {
            throw error(node, key: key, zh: "\(scalar.string) 超出范围 \(range.lowerBound)…\(range.upperBound)",
                        en: "\(scalar.string) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    /// Exactly `count` numbers in mm, each within -1000…3000.
    package func numbers(_ node: Node, key: String, count: Int) throws -> [Double] {
        guard case .sequence(let items) = node, items.count == count else {
            let example = "[\((0..<count).map { _ in "10" }.joined(separator: ", "))]"
            throw error(node, key: key, zh: "应为 \(count) 个数字（毫米），如 \(example)", en: "expected \(count) numbers in mm, e.g. \(example)")
        }
        return try items.map { try number($0, key: key, range: -1000...3000) }
    }

    package func bool(_ node: Node, key: String) throws -> Bool {
        guard let value = node.bool else { throw error(node, key: key, zh: "应为 true 或 false", en: "expected true or false") }
        return value
    }

    package func list(_ node: Node, key: String) throws -> [Node] {
        guard case .sequence(let items) = node else { throw error(node, key: key, zh: "应为列表（每项以“- ”开头）", en: "expected a list (items start with \"- \")") }
        return Array(items)
    }

    /// A list of texts, or one text (each without leading and trailing white space).
    package func strings(_ node: Node, key: String) throws -> [String] {
        if case .scalar = node { return [try text(node, key: key)] }
        return try list(node, key: key).enumerated().map { try text($0.element, key: "\(key)[\($0.offset + 1)]") }
    }

    package func colour(_ node: Node, key: String) throws -> Colour {
        let value = try string(node, key: key)
        guard value.hasPrefix("#"), value.count == 7, let rgb = UInt32(value.dropFirst(), radix: 16) else {
            throw error(node, key: key, zh: "应为颜色，如 #C00000", en: "expected a colour like #C00000")
        }
        return Colour(rgb)
    }
}
