import CXlsxWriter

/// How a cell looks: bold, fill and font colours, text format (so Excel never turns an ID into a number),
/// wrapping and borders.
public struct CellStyle: Hashable, Sendable {
    public var bold = false
    /// Fill colour as 0xRRGGBB.
    public var fill: UInt32?
    /// Font colour as 0xRRGGBB.
    public var fontColor: UInt32?
    /// Format the cell as text (`@`): what Excel then keeps exactly as typed.
    public var text = false
    public var wrap = false
    public var border = false
    public var centered = false
    public var fontSize: Double?

    public init(bold: Bool = false, fill: UInt32? = nil, fontColor: UInt32? = nil, text: Bool = false,
                wrap: Bool = false, border: Bool = false, centered: Bool = false, fontSize: Double? = nil) {
        self.bold = bold
        self.fill = fill
        self.fontColor = fontColor
        self.text = text
        self.wrap = wrap
        self.border = border
        self.centered = centered
        self.fontSize = fontSize
    }
}
