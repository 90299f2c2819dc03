import Archive
import Support

/// How a photo archive's names without the UTF-8 flag are read, and why. One tool wrote every name, so
/// the encoding is chosen once per archive: the one under which the names in `姓名-身份证号.jpg` match the
/// roster's names; failing that, the one giving common hanzi (GB2312 level 1) for more names; failing
/// that, UTF-8 when every such name is valid UTF-8, else GB18030. Names with the flag are always UTF-8.
public struct NameEncodingChoice: Sendable, Codable, Equatable {
    /// What settled the choice.
    public enum Basis: String, Sendable, Codable {
        /// No name needed it: every name is pure ASCII or flagged UTF-8.
        case none
        /// More person names in the file names are roster names when read this way.
        case roster
        /// More names read this way give common hanzi.
        case commonHanzi = "common-hanzi"
        /// Nothing told the two apart.
        case fallback
    }

    /// The encoding names without the flag are read in (each falls back to the other if invalid in it).
    public var encoding: ZipNameEncoding
    public var basis: Basis
    /// Names without the flag that are not pure ASCII.
    public var names: Int
    /// Of the names weighed, how many spoke for `encoding` and how many for the other (roster matches or
    /// common-hanzi votes, by `basis`).
    public var support = 0
    public var against = 0

    public init(encoding: ZipNameEncoding, basis: Basis, names: Int, support: Int = 0, against: Int = 0) {
        self.encoding = encoding
        self.basis = basis
        self.names = names
        self.support = support
        self.against = against
    }

    /// The choice for an archive without undeclared names.
    public static let unneeded = NameEncodingChoice(encoding: .utf8, basis: .none, names: 0)

    /// At most this many names (spread over the archive) are weighed: enough to tell, and quick for a
    /// million entries.
    static let sampleSize = 20_000

    /// Chooses for the raw `names` lacking the flag (not pure ASCII); `rosterNames`, when known, are the
    /// roster's names in key form (`TextCleaner.nameKey`).
    public static func choose(_ names: [[UInt8]], rosterNames: Set<String>? = nil) -> NameEncodingChoice {
        guard !names.isEmpty else { return .unneeded }
        let step = max(1, names.count / sampleSize)
        let sample = stride(from: 0, to: names.count, by: step).map { names[$0] }
        let read = sample.map { (utf8: ZipNameEncoding.utf8.decode($0), gb18030: ZipNameEncoding.gb18030.decode($0)) }

        func decided(_ basis: Basis, utf8: Int, gb18030: Int) -> NameEncodingChoice {
            utf8 > gb18030 ? NameEncodingChoice(encoding: .utf8, basis: basis, names: names.count, support: utf8, against: gb18030)
                           : NameEncodingChoice(encoding: .gb18030, basis: basis, names: names.count, support: gb18030, against: utf8)
        }
        if let rosterNames, !rosterNames.isEmpty {
            func matches(_ path: String?) -> Bool {
                guard let person = path.flatMap({ PhotoName.parse($0)?.personName }) else { return false }
                return rosterNames.contains(person)
            }
            let utf8 = read.filter { matches($0.utf8) }.count
            let gb18030 = read.filter { matches($0.gb18030) }.count
            if utf8 != gb18030 { return decided(.roster, utf8: utf8, gb18030: gb18030) }
        }
        // A name votes for the reading with the larger share of common hanzi (an invalid reading has none).
        var utf8 = 0, gb18030 = 0
        for (u, g) in read {
            let su = u.map(CommonHanzi.share) ?? -1, sg = g.map(CommonHanzi.share) ?? -1
            if su > sg { utf8 += 1 } else if sg > su { gb18030 += 1 }
        }
        if utf8 != gb18030 { return decided(.commonHanzi, utf8: utf8, gb18030: gb18030) }
        let allUTF8 = read.allSatisfy { $0.utf8 != nil }
        return NameEncodingChoice(encoding: allUTF8 ? .utf8 : .gb18030, basis: .fallback, names: names.count)
    }
}
