import Foundation
import Support
import Yams

/// Reads templates from YAML, checking every key, size and field binding.
public struct TemplateLoader: Sendable {
    /// Whether a field name may be bound (`name`, `exam.title`, …).
    public let isKnownField: @Sendable (String) -> Bool

    public init(isKnownField: @escaping @Sendable (String) -> Bool) {
        self.isKnownField = isKnownField
    }

    /// Loads the template file at `path`.
    public func load(path: String) throws -> Template {
        switch FilePath.kind(of: path) {
        case .missing:
            throw TemplateError.template(file: path, line: nil, key: "", zh: "找不到这个文件", en: "no such file")
        case .folder, .special:
            throw TemplateError.template(file: path, line: nil, key: "", zh: "不是模板文件（是文件夹或设备）", en: "not a template file (a folder or a device)")
        case .regular:
            break
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard ((attributes?[.size] as? NSNumber)?.intValue ?? 0) <= Self.maxBytes else {
            throw TemplateError.template(file: path, line: nil, key: "", zh: "大于 \(Self.maxBytes / 1024) KB，不是模板", en: "larger than \(Self.maxBytes / 1024) KB: not a template")
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw TemplateError.template(file: path, line: nil, key: "", zh: "无法读取文件（\(error.localizedDescription)）", en: "cannot read the file (\(error.localizedDescription))")
        }
        return try load(yaml: text, file: path)
    }

    /// The largest template file read (templates are a few KB).
    static let maxBytes = 1 << 20

    /// Loads a template from `yaml`; `file` names it in errors.
    public func load(yaml: String, file: String) throws -> Template {
        let reader = NodeReader(file: file, code: TemplateError.templateCode, collects: false)
        let root = try reader.compose(yaml, notThis: LocalizedText(zh: "不是模板文件", en: "not a template"),
                                      empty: LocalizedText(zh: "文件是空的", en: "the file is empty"))
        let top = try reader.mapping(root, key: "template", allowed: ["name", "title", "page", "background", "sheet", "table", "summary", "elements", "back"])
        let name = try top["name"].map { try reader.string($0, key: "name") } ?? (file as NSString).lastPathComponent
        let preset = try top["sheet"].flatMap { try self.preset($0, reader) }
        let width: Double, height: Double, margins: [Double]?
        if let pageNode = top["page"] {
            (width, height) = try page(pageNode, reader)
            margins = try self.margins(pageNode, reader, width: width, height: height)
        } else if let preset {
            // Labels of a known stock: the page is one label.
            (width, height, margins) = (preset.labelWidth, preset.labelHeight, nil)
        } else {
            throw reader.error(root, key: "page", zh: "缺少此项（例如 page: {size: A4}）", en: "missing (e.g. page: {size: A4})")
        }
        guard let elementsNode = top["elements"], case .sequence = elementsNode else {
            throw reader.error(top["elements"] ?? root, key: "elements", zh: "需要元素列表（elements）", en: "a list of elements is required")
        }
        // Every element is checked, so one run reports the mistakes of all of them.
        let elements = try self.elements(elementsNode, key: "elements", reader, width: width, height: height, margins: margins)
        let back = try top["back"].map { try self.elements($0, key: "back", reader, width: width, height: height, margins: margins) } ?? []
        try reader.throwIfAny()
        let sheet = try top["sheet"].map { try self.sheet($0, reader, cardWidth: width, cardHeight: height) }
        var template = Template(name: name, pageWidth: width, pageHeight: height, elements: elements, sheet: sheet)
        template.back = back
        if let b = top["background"] {
            let file = try reader.string(b, key: "background")
            guard [".png", ".jpg", ".jpeg", ".pdf"].contains(where: { file.lowercased().hasSuffix($0) }) else {
                throw reader.error(b, key: "background", zh: "应为 .png、.jpg 或 .pdf 文件", en: "a .png, .jpg or .pdf file")
            }
            template.background = file
        }
        template.table = try top["table"].map { try table($0, reader, pageWidth: width, pageHeight: height) }
        if let summaryNode = top["summary"] {
            guard case .sequence(let items) = summaryNode else { throw reader.error(summaryNode, key: "summary", zh: "应为元素列表", en: "a list of elements") }
            for (index, item) in items.enumerated() {
                template.summary.append(try element(item, key: "summary[\(index)]", reader, pageWidth: width, pageHeight: height))
            }
        }
        return template
    }

    private func table(_ node: Node, _ r: NodeReader, pageWidth: Double, pageHeight: Double) throws -> TableSpec {
        let map = try r.mapping(node, key: "table", allowed: ["box", "header-height", "row-height", "font-size", "columns"])
        let box = try self.box(map["box"], key: "table.box", node, r, pageWidth, pageHeight)
        let headerHeight = try map["header-height"].map { try r.number($0, key: "table.header-height", range: 3...50) } ?? 10
        let rowHeight = try map["row-height"].map { try r.number($0, key: "table.row-height", range: 3...100) } ?? 10
        let fontSize = try map["font-size"].map { try r.number($0, key: "table.font-size", range: 4...30) } ?? 10
        guard let columnsNode = map["columns"], case .sequence(let items) = columnsNode, !items.isEmpty else {
            throw r.error(node, key: "table.columns", zh: "需要列的列表（columns）", en: "a list of columns is required")
        }
        var columns: [TableSpec.Column] = []
        for (index, item) in items.enumerated() {
            let key = "table.columns[\(index)]"
            let c = try r.mapping(item, key: key, allowed: ["header", "width", "text", "image", "optional"])
            guard let h = c["header"], let w = c["width"] else { throw r.error(item, key: key, zh: "需要 header 和 width", en: "header and width are required") }
            var column = TableSpec.Column(header: try r.string(h, key: key + ".header"), width: try r.number(w, key: key + ".width", range: 3...500))
            let optional = try self.optional(c, key: key, r)
            if let t = c["text"] { column.text = try bound(t, key: key + ".text", item, r, optional: optional) }
            if let i = c["image"] {
                let binding = try bound(i, key: key + ".image", item, r, optional: optional)
                guard binding.parts.count == 1, binding.fields.count == 1 else { throw r.error(i, key: key + ".image", zh: "图片只能绑定一个字段，如 {{photo}}", en: "an image takes one field, e.g. {{photo}}") }
                column.image = binding
            }
            if optional, (column.text?.fields ?? []).isEmpty, column.image == nil {
                throw r.error(c["optional"], key: key + ".optional", zh: "optional 只用于绑定了字段的列", en: "optional applies to a column bound to fields")
            }
            columns.append(column)
        }
        let total = columns.reduce(0) { $0 + $1.width }
        guard total <= box.width + 0.01 else {
            throw r.error(columnsNode, key: "table.columns", zh: "各列共宽 \(total) 毫米，表格框只有 \(box.width) 毫米", en: "the columns are \(total) mm wide, the table box only \(box.width) mm")
        }
        let spec = TableSpec(box: box, headerHeight: headerHeight, rowHeight: rowHeight, fontSize: fontSize, columns: columns)
        guard box.height >= headerHeight + rowHeight else { throw r.error(node, key: "table.box", zh: "高度不够放下表头和一行", en: "too low for the header and one row") }
        return spec
    }

    /// `{type: list, items: schedule, box, row-height, size, header, columns: [{header, width, text, align}]}`.
    private func list(_ node: Node, key: String, _ r: NodeReader, pageWidth: Double, pageHeight: Double) throws -> ListSpec {
        let map = try r.mapping(node, key: key, allowed: ["type", "items", "box", "row-height", "size", "font", "header", "columns"])
        guard let itemsNode = map["items"] else { throw r.error(node, key: key + ".items", zh: "需要列表名，如 items: schedule", en: "the list's name is required, e.g. items: schedule") }
        let items = try r.string(itemsNode, key: key + ".items")
        guard isKnownField(items + ".count") else { throw r.error(itemsNode, key: key + ".items", zh: "“\(items)”不是有效的名称", en: "\"\(items)\" is not a valid name") }
        let box = try self.box(map["box"], key: key + ".box", node, r, pageWidth, pageHeight)
        let rowHeight = try map["row-height"].map { try r.number($0, key: key + ".row-height", range: 2...100) } ?? 7
        var style = TextStyle()
        style.size = try map["size"].map { try r.number($0, key: key + ".size", range: 3...100) } ?? 10
        if let f = map["font"] {
            let font = try r.string(f, key: key + ".font")
            style.family = font == "serif" ? "Noto Serif CJK SC" : font == "sans" ? "Noto Sans CJK SC" : font
        }
        let header = try map["header"].map { try r.bool($0, key: key + ".header") } ?? false
        guard let columnsNode = map["columns"], case .sequence(let nodes) = columnsNode, !nodes.isEmpty else {
            throw r.error(node, key: key + ".columns", zh: "需要列的列表（columns）", en: "a list of columns is required")
        }
        var columns: [ListSpec.Column] = []
        for (index, item) in nodes.enumerated() {
            let columnKey = "\(key).columns[\(index)]"
            let c = try r.mapping(item, key: columnKey, allowed: ["header", "width", "text", "align"])
            guard let w = c["width"], let t = c["text"] else { throw r.error(item, key: columnKey, zh: "需要 width 和 text", en: "width and text are required") }
            var alignment = TextStyle.Alignment.left
            if let a = c["align"] {
                guard let value = TextStyle.Alignment(rawValue: try r.string(a, key: columnKey + ".align")) else {
                    throw r.error(a, key: columnKey + ".align", zh: "应为 left、center 或 right", en: "left, center or right")
                }
                alignment = value
            }
            columns.append(ListSpec.Column(header: try c["header"].map { try r.string($0, key: columnKey + ".header") } ?? "",
                                           width: try r.number(w, key: columnKey + ".width", range: 2...500),
                                           text: try bound(t, key: columnKey + ".text", item, r, optional: true), alignment: alignment))
        }
        let total = columns.reduce(0) { $0 + $1.width }
        guard total <= box.width + 0.01 else {
            throw r.error(columnsNode, key: key + ".columns", zh: "各列共宽 \(total) 毫米，列表框只有 \(box.width) 毫米", en: "the columns are \(total) mm wide, the list box only \(box.width) mm")
        }
        guard box.height >= rowHeight else { throw r.error(node, key: key + ".box", zh: "高度不够放下一行", en: "too low for one row") }
        return ListSpec(items: items, box: box, rowHeight: rowHeight, style: style, header: header, columns: columns, line: node.mark.map { $0.line })
    }

    /// The elements listed under `key` (`elements`, `back`), each checked against the page and its margins;
    /// a mistake is noted and the others are read on.
    private func elements(_ node: Node, key: String, _ reader: NodeReader, width: Double, height: Double, margins: [Double]?) throws -> [Template.Element] {
        guard case .sequence(let items) = node else { throw reader.error(node, key: key, zh: "应为元素列表", en: "a list of elements") }
        var elements: [Template.Element] = []
        for (index, item) in items.enumerated() {
            try reader.attempt {
                let element = try element(item, key: "\(key)[\(index)]", reader, pageWidth: width, pageHeight: height)
                if let margins, let box = Self.extent(of: element), !Self.inside(box, margins, width, height) {
                    throw reader.error(item, key: "\(key)[\(index)]", zh: "位于页边距内（\(margins.map { String(format: "%g", $0) }.joined(separator: ", ")) 毫米）：打印机无法打印到这里", en: "lies in the page margins (\(margins.map { String(format: "%g", $0) }.joined(separator: ", ")) mm): printers cannot print there")
                }
                // A list's header row is fixed: drawn once per document like the template's own labels.
                if case .list(let list) = element { elements += list.headerElements }
                elements.append(element)
            }
        }
        return elements
    }

    /// `sheet: {preset: L7165}`: the label stock named, nil when the sheet names none.
    private func preset(_ node: Node, _ r: NodeReader) throws -> LabelPreset? {
        guard case .mapping(let map) = node, let presetNode = map["preset"] else { return nil }
        let name = try r.string(presetNode, key: "sheet.preset")
        guard let preset = LabelPreset.named(name) else {
            throw r.error(presetNode, key: "sheet.preset", zh: "未知的标签纸“\(name)”（可用：\(LabelPreset.names(separator: "、"))）",
                          en: "unknown label stock \"\(name)\" (known: \(LabelPreset.names(separator: ", ")))")
        }
        return preset
    }

    private func sheet(_ node: Node, _ r: NodeReader, cardWidth: Double, cardHeight: Double) throws -> SheetLayout {
        if let preset = try preset(node, r) {
            // The stock says everything: size, columns and rows, margins and gaps; it is pre-cut.
            _ = try r.mapping(node, key: "sheet", allowed: ["preset"])
            guard preset.fits(width: cardWidth, height: cardHeight) else {
                throw r.error(node, key: "sheet.preset", zh: "\(preset.code)（\(preset.plain)）的标签是 \(preset.sizeText) 毫米，而 page 是 \(LabelPreset.format(cardWidth))×\(LabelPreset.format(cardHeight)) 毫米（可省略 page）",
                              en: "\(preset.code) (\(preset.plain)) labels are \(preset.sizeText) mm, the page is \(LabelPreset.format(cardWidth))×\(LabelPreset.format(cardHeight)) mm (page may be left out)")
            }
            return preset.layout
        }
        let map = try r.mapping(node, key: "sheet", allowed: ["size", "orientation", "width", "height", "columns", "rows", "gutter", "cut-marks"])
        var pageMap: [String: Node] = [:]
        for key in ["size", "orientation", "width", "height"] { pageMap[key] = map[key] }
        let (width, height) = try page(.mapping(Node.Mapping(pageMap.map { (Node(stringLiteral: $0.key), $0.value) })), r)
        guard let c = map["columns"], let rw = map["rows"] else { throw r.error(node, key: "sheet", zh: "需要 columns 和 rows", en: "columns and rows are required") }
        let columns = Int(try r.number(c, key: "sheet.columns", range: 1...20)), rows = Int(try r.number(rw, key: "sheet.rows", range: 1...40))
        let gutter = try map["gutter"].map { try r.numbers($0, key: "sheet.gutter", count: 2) } ?? [0, 0]
        let cutMarks = try map["cut-marks"].map { try r.bool($0, key: "sheet.cut-marks") } ?? true
        let layout = SheetLayout(sheetWidth: width, sheetHeight: height, columns: columns, rows: rows, cellWidth: cardWidth,
                                 cellHeight: cardHeight, gutterX: gutter[0], gutterY: gutter[1], cutMarks: cutMarks)
        guard layout.fits else {
            throw r.error(node, key: "sheet", zh: "\(columns)×\(rows) 张 \(cardWidth)×\(cardHeight) 毫米的卡片放不进 \(Int(width))×\(Int(height)) 毫米的纸", en: "\(columns)×\(rows) cards of \(cardWidth)×\(cardHeight) mm do not fit on a \(Int(width))×\(Int(height)) mm sheet")
        }
        return layout
    }

    /// `page.margins`: one number, or [top, right, bottom, left] in mm; nil when absent.
    private func margins(_ node: Node, _ r: NodeReader, width: Double, height: Double) throws -> [Double]? {
        guard case .mapping(let map) = node, let m = map["margins"] else { return nil }
        let values: [Double]
        if case .sequence = m { values = try r.numbers(m, key: "page.margins", count: 4) } else {
            let v = try r.number(m, key: "page.margins", range: 0...50)
            values = [v, v, v, v]
        }
        guard values.allSatisfy({ $0 >= 0 }), values[1] + values[3] < width, values[0] + values[2] < height else {
            throw r.error(m, key: "page.margins", zh: "页边距不能为负，且须在页面上留出空间", en: "margins must be positive and leave room on the page")
        }
        return values
    }

    /// The area an element covers.
    static func extent(of element: Template.Element) -> Box? {
        switch element {
        case .text(_, let box, _), .image(_, let box, _, _), .rect(let box, _, _): return box
        case .qr(_, let x, let y, let side, _): return Box(x: x, y: y, width: side, height: side)
        case .line(let x1, let y1, let x2, let y2, _): return Box(x: min(x1, x2), y: min(y1, y2), width: abs(x2 - x1), height: abs(y2 - y1))
        case .list(let list): return list.box
        }
    }

    static func inside(_ box: Box, _ margins: [Double], _ width: Double, _ height: Double) -> Bool {
        box.x >= margins[3] - 0.01 && box.y >= margins[0] - 0.01
            && box.x + box.width <= width - margins[1] + 0.01 && box.y + box.height <= height - margins[2] + 0.01
    }

    private func page(_ node: Node, _ reader: NodeReader) throws -> (Double, Double) {
        let map = try reader.mapping(node, key: "page", allowed: ["size", "orientation", "width", "height", "margins"])
        var size: (Double, Double)
        if let w = map["width"], let h = map["height"] {
            size = (try reader.number(w, key: "page.width", range: 20...2000), try reader.number(h, key: "page.height", range: 20...2000))
        } else {
            let name = try map["size"].map { try reader.string($0, key: "page.size") } ?? "A4"
            guard let known = PaperSize.sizes[name] else {
                throw reader.error(map["size"] ?? node, key: "page.size", zh: "未知的纸张尺寸“\(name)”（可用：\(PaperSize.sizes.keys.sorted().joined(separator: "、"))，或以毫米写 width 和 height）", en: "unknown size \"\(name)\" (known: \(PaperSize.sizes.keys.sorted().joined(separator: ", ")), or width and height in mm)")
            }
            size = known
        }
        if let o = map["orientation"] {
            switch try reader.string(o, key: "page.orientation") {
            case "portrait": size = (min(size.0, size.1), max(size.0, size.1))
            case "landscape": size = (max(size.0, size.1), min(size.0, size.1))
            default: throw reader.error(o, key: "page.orientation", zh: "应为 portrait（纵向）或 landscape（横向）", en: "portrait or landscape")
            }
        }
        return size
    }

    static let textKeys: Set<String> = ["type", "text", "box", "font", "size", "bold", "spacing", "align", "valign", "wrap", "shrink", "color", "min-size", "optional", "line-spacing", "hanging"]

    private func element(_ node: Node, key: String, _ r: NodeReader, pageWidth: Double, pageHeight: Double) throws -> Template.Element {
        guard case .mapping(let peek) = node, let typeNode = peek["type"] else {
            throw r.error(node, key: key, zh: "每个元素都需要 type：text、image、qr、rect、line 或 list", en: "each element needs a type: text, image, qr, rect, line or list")
        }
        let type = try r.string(typeNode, key: key + ".type")
        switch type {
        case "list":
            return .list(try list(node, key: key, r, pageWidth: pageWidth, pageHeight: pageHeight))
        case "text":
            let map = try r.mapping(node, key: key, allowed: Self.textKeys)
            let text = try bound(map["text"], key: key + ".text", node, r, optional: try optional(map, key: key, r))
            let box = try self.box(map["box"], key: key + ".box", node, r, pageWidth, pageHeight)
            var style = TextStyle()
            if let f = map["font"] {
                let font = try r.string(f, key: key + ".font")
                style.family = font == "serif" ? "Noto Serif CJK SC" : font == "sans" ? "Noto Sans CJK SC" : font
            }
            if let s = map["size"] { style.size = try r.number(s, key: key + ".size", range: 3...300) }
            if let s = map["min-size"] { style.minimumSize = try r.number(s, key: key + ".min-size", range: 2...300) }
            if let b = map["bold"] { style.bold = try r.bool(b, key: key + ".bold") }
            if let s = map["spacing"] { style.letterSpacing = try r.number(s, key: key + ".spacing", range: 0...100) }
            if let w = map["wrap"] { style.wrap = try r.bool(w, key: key + ".wrap") }
            if let s = map["line-spacing"] { style.lineSpacing = try r.number(s, key: key + ".line-spacing", range: 0.5...4) }
            if let h = map["hanging"] { style.hangingIndent = try r.number(h, key: key + ".hanging", range: 0...50) }
            if let s = map["shrink"] { style.shrinkToFit = try r.bool(s, key: key + ".shrink") }
            if let c = map["color"] { style.colour = try r.colour(c, key: key + ".color") }
            if let a = map["align"] {
                guard let value = TextStyle.Alignment(rawValue: try r.string(a, key: key + ".align")) else {
                    throw r.error(a, key: key + ".align", zh: "应为 left、center 或 right", en: "left, center or right")
                }
                style.alignment = value
            }
            if let v = map["valign"] {
                guard let value = TextStyle.VerticalAlignment(rawValue: try r.string(v, key: key + ".valign")) else {
                    throw r.error(v, key: key + ".valign", zh: "应为 top、middle 或 bottom", en: "top, middle or bottom")
                }
                style.verticalAlignment = value
            }
            return .text(text, box, style)
        case "image":
            let map = try r.mapping(node, key: key, allowed: ["type", "source", "box", "border", "optional", "ink"])
            guard let sourceNode = map["source"] else { throw r.error(node, key: key + ".source", zh: "缺少此项：字段（如 {{photo}}）或文件", en: "missing: a field such as {{photo}} or a file") }
            let source = try r.string(sourceNode, key: key + ".source")
            let image: Template.ImageSource
            let optional = try self.optional(map, key: key, r)
            if source.hasPrefix("{{") {
                let binding = try bound(sourceNode, key: key + ".source", node, r, optional: optional)
                guard binding.parts.count == 1, binding.fields.count == 1 else {
                    throw r.error(sourceNode, key: key + ".source", zh: "图片只能绑定一个字段，如 {{photo}}", en: "an image takes one field, e.g. {{photo}}")
                }
                image = .field(binding)
            } else {
                if optional { throw r.error(map["optional"], key: key + ".optional", zh: "optional 只用于绑定了字段的元素（如 {{photo}}）", en: "optional applies to elements bound to fields (such as {{photo}})") }
                image = .file(source)
            }
            let box = try self.box(map["box"], key: key + ".box", node, r, pageWidth, pageHeight)
            let border = try map["border"].map { try r.number($0, key: key + ".border", range: 0...5) } ?? 0
            let ink = try map["ink"].map { try r.colour($0, key: key + ".ink") }
            return .image(image, box, border: border, ink: ink)
        case "qr":
            let map = try r.mapping(node, key: key, allowed: ["type", "text", "at", "size", "level", "optional"])
            let text = try bound(map["text"], key: key + ".text", node, r, optional: try optional(map, key: key, r))
            guard let atNode = map["at"] else { throw r.error(node, key: key + ".at", zh: "缺少此项：[x, y]（毫米）", en: "missing: [x, y] in mm") }
            let at = try r.numbers(atNode, key: key + ".at", count: 2)
            let side = try map["size"].map { try r.number($0, key: key + ".size", range: 8...200) } ?? 25
            var level = QRCode.Level.M
            if let l = map["level"] {
                guard let value = QRCode.Level(rawValue: try r.string(l, key: key + ".level")) else { throw r.error(l, key: key + ".level", zh: "应为 L、M、Q 或 H", en: "L, M, Q or H") }
                level = value
            }
            try inside(at[0], at[1], side, side, atNode, key: key + ".at", r, pageWidth, pageHeight)
            return .qr(text, x: at[0], y: at[1], side: side, level: level)
        case "rect":
            let map = try r.mapping(node, key: key, allowed: ["type", "box", "line", "fill"])
            let box = try self.box(map["box"], key: key + ".box", node, r, pageWidth, pageHeight)
            let line = try map["line"].map { try r.number($0, key: key + ".line", range: 0...10) } ?? 0.3
            let fill = try map["fill"].map { try r.colour($0, key: key + ".fill") }
            return .rect(box, line: line, fill: fill)
        case "line":
            let map = try r.mapping(node, key: key, allowed: ["type", "from", "to", "line"])
            guard let fromNode = map["from"], let toNode = map["to"] else { throw r.error(node, key: key, zh: "线条需要 from: [x, y] 和 to: [x, y]", en: "a line needs from: [x, y] and to: [x, y]") }
            let from = try r.numbers(fromNode, key: key + ".from", count: 2), to = try r.numbers(toNode, key: key + ".to", count: 2)
            let width = try map["line"].map { try r.number($0, key: key + ".line", range: 0.05...10) } ?? 0.3
            return .line(x1: from[0], y1: from[1], x2: to[0], y2: to[1], width: width)
        default:
            throw r.error(typeNode, key: key + ".type", zh: "未知的元素“\(type)”（可用：text、image、qr、rect、line）", en: "unknown element \"\(type)\" (known: text, image, qr, rect, line)")
        }
    }

    /// Reads the text at `node` as a binding, noting its line and whether its element is optional.
    private func bound(_ node: Node?, key: String, _ parent: Node, _ r: NodeReader, optional: Bool = false) throws -> BoundText {
        guard let node else { throw r.error(parent, key: key, zh: "缺少此项", en: "missing") }
        let source = try r.string(node, key: key)
        var text: BoundText
        do { text = try BoundText(source) } catch let error as BindingError { throw r.error(node, key: key, error.text) }
        for field in text.fields where !isKnownField(field) {
            throw r.error(node, key: key, zh: "未知的字段“\(field)”", en: "unknown field \"\(field)\"")
        }
        if optional && text.fields.isEmpty {
            throw r.error(node, key: key, zh: "optional 只用于绑定了字段的元素", en: "optional applies to elements bound to fields")
        }
        text.line = node.mark?.line ?? parent.mark?.line
        text.isOptional = optional
        return text
    }

    /// An element's `optional: true|false` (default false).
    private func optional(_ map: [String: Node], key: String, _ r: NodeReader) throws -> Bool {
        try map["optional"].map { try r.bool($0, key: key + ".optional") } ?? false
    }

    private func box(_ node: Node?, key: String, _ parent: Node, _ r: NodeReader, _ pageWidth: Double, _ pageHeight: Double) throws -> Box {
        guard let node else { throw r.error(parent, key: key, zh: "缺少此项：[x, y, width, height]（毫米）", en: "missing: [x, y, width, height] in mm") }
        let v = try r.numbers(node, key: key, count: 4)
        try inside(v[0], v[1], v[2], v[3], node, key: key, r, pageWidth, pageHeight)
        return Box(x: v[0], y: v[1], width: v[2], height: v[3])
    }

    private func inside(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ node: Node, key: String, _ r: NodeReader,
                        _ pageWidth: Double, _ pageHeight: Double) throws {
        guard w > 0, h > 0 else { throw r.error(node, key: key, zh: "宽和高必须大于 0", en: "width and height must be positive") }
        guard x >= 0, y >= 0, x + w <= pageWidth + 0.01, y + h <= pageHeight + 0.01 else {
            throw r.error(node, key: key, zh: "超出 \(Int(pageWidth))×\(Int(pageHeight)) 毫米的页面", en: "does not fit on the \(Int(pageWidth))×\(Int(pageHeight)) mm page")
        }
    }
}
