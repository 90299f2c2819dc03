import Foundation
import Testing
@testable import Identity

@Suite struct RegionCodesTests {
    @Test func tableIsComplete() {
        #expect(RegionCodes.shared.codeCount > 7_000)
        #expect(RegionCodes.shared.name(of: "110101") == "东城区")
        #expect(RegionCodes.shared.name(of: "810000") == "香港特别行政区")
        #expect(RegionCodes.shared.name(of: "999999") == nil)
        #expect(RegionCodes.shared.name(of: "11010") == nil)
        #expect(RegionCodes.shared.periods(of: "abcdef").isEmpty)
    }

    @Test func periods() {
        let chongwen = RegionCodes.shared.periods(of: "110103")
        #expect(chongwen == [RegionPeriod(name: "崇文区", start: 1980, end: 2009)])
        let tianjin = RegionCodes.shared.periods(of: "120110")
        #expect(tianjin.map(\.name) == ["东郊区", "东丽区"])
        #expect(tianjin.last?.end == nil)
        #expect(RegionCodes.shared.name(of: "120110", in: 1985) == "东郊区")
        #expect(RegionCodes.shared.name(of: "120110") == "东丽区")
        #expect(RegionCodes.shared.fullName(of: "440402", in: 2020) == "广东省珠海市香洲区")
    }

    @Test func parserSkipsCommentsAndBadLines() {
        let text = "# comment\n110000\t北京市\t1980\t\n110101\t东城区\t1980\t\r\nbad line\n110110\t燕山区\t1980\t1985\n12345\tx\t1980\t\n"
        let table = RegionCodes(tsv: Data(text.utf8))
        #expect(table.codeCount == 3)
        #expect(table.periods(of: "110110") == [RegionPeriod(name: "燕山区", start: 1980, end: 1985)])
        #expect(table.fullName(of: "110101", in: 2000) == "北京市东城区")
    }

    @Test func loadsQuickly() {
        let data = RegionCodes.bundledTable()
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = RegionCodes(tsv: data) }
        #expect(elapsed < .milliseconds(250))      // debug build; a release build takes a few ms
    }
}
