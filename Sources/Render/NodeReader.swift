import Yams

/// Reads typed values out of YAML nodes, turning every mismatch into a `TemplateError` with the line.
struct NodeReader {
    let file: String

    func error(_ node: Node, key: String, _ message: String) -> TemplateError {
        TemplateError(file: file, line: node.mark.map { $0.line }, key: key, message: message)
    }

    /// A mapping whose keys must all be in `allowed`, each given once.
    func mapping(_ node: Node, key: String, allowed: Set<String>) throws -> [String: Node] {
        guard case .mapping(let mapping) = node else { throw error(node, key: key, "expected keys and values") }
        var result: [String: Node] = [:]
        var lines: [String: Int] = [:]
        for (k, v) in mapping {
            guard let name = k.string else { throw error(k, key: key, "a key must be text") }
            guard allowed.contains(name) else {
                throw error(k, key: key + "." + name, "unknown key (known: \(allowed.sorted().joined(separator: ", ")))")
            }
            if let first = lines[name] {
                throw error(k, key: key + "." + name, "repeated key: \(name) is already given on line \(first); give it once")
            }
            lines[name] = k.mark?.line ?? 0
            result[name] = v
        }
        return result
    }

    func string(_ node: Node, key: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(node, key: key, "expected text") }
        return scalar.string
    }

    func number(_ node: Node, key: String, range: ClosedRange<Double>) throws -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string) else { throw error(node, key: key, "expected a number") }
        guard range.contains(value) else { throw error(node, key: key, "\(scalar.string) is outside \(range.lowerBound)…\(range.upperBound)") }
        return value
    }

    func numbers(_ node: Node, key: String, count: Int) throws -> [Double] {
        guard case .sequence(let items) = node, items.count == count else {
            throw error(node, key: key, "expected \(count) numbers in mm, e.g. [\((0..<count).map { _ in "10" }.joined(separator: ", "))]")
        }
        return try items.map { try number($0, key: key, range: -1000...3000) }
    }

    func bool(_ node: Node, key: String) throws -> Bool {
        guard let value = node.bool else { throw error(node, key: key, "expected true or false") }
        return value
    }

    func colour(_ node: Node, key: String) throws -> Colour {
        let text = try string(node, key: key)
        guard text.hasPrefix("#"), text.count == 7, let value = UInt32(text.dropFirst(), radix: 16) else {
            throw error(node, key: key, "expected a colour like #C00000")
        }
        return Colour(value)
    }
}
