import Support

/// Background colours of Chinese ID photos, and the class of a measured border colour.
public enum BackgroundColour: String, Sendable, CaseIterable {
    case red, blue, white, other

    /// The colour a person names for a required background, in English or Chinese and any case:
    /// red/Red/RED/红/红色/红底 (also 红底色, 红色底), blue/蓝/蓝色/蓝底, white/白/白色/白底; nil for anything
    /// else (`other` is no colour one can require).
    public static func named(_ text: String) -> BackgroundColour? {
        var name = TextCleaner.key(text).lowercased().replacingOccurrences(of: " ", with: "")
        for suffix in ["底色", "色底", "底", "色"] where name.hasSuffix(suffix) && name.count > suffix.count {
            name.removeLast(suffix.count)
            break
        }
        if name.hasSuffix("色") && name.count > 1 { name.removeLast() }
        switch name {
        case "red", "红": return .red
        case "blue", "蓝": return .blue
        case "white", "白": return .white
        default: return nil
        }
    }

    /// Classifies a mean background colour (0–255 per channel).
    ///
    /// - white: every channel ≥ 180 and the channels within 30 of each other (bright, unsaturated);
    /// - red: R ≥ 150 and R above both G and B by ≥ 60 (ID red is about (220, 0, 0) to (200, 30, 40));
    /// - blue: B ≥ 140, B above R by ≥ 60 and above G by ≥ 30 (ID blues: (67, 142, 219), (0, 100, 200),
    ///   light blue (0, 191, 243));
    /// - anything else: other (grey, green, a room behind the person, …).
    public static func classify(red r: Int, green g: Int, blue b: Int) -> BackgroundColour {
        if min(r, g, b) >= 180 && max(r, g, b) - min(r, g, b) <= 30 { return .white }
        if r >= 150 && r - g >= 60 && r - b >= 60 { return .red }
        if b >= 140 && b - r >= 60 && b - g >= 30 { return .blue }
        return .other
    }
}
