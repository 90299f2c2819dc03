import Foundation
import Registry
import Support
import Testing

/// Times stored as text: exact round trips, text order is time order, anything else refused.
@Suite struct RegistryTimeTests {
    @Test func knownTimes() {
        #expect(RegistryTime.text(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(RegistryTime.text(Date(timeIntervalSince1970: 1_796_342_400)) == "2026-12-04T00:00:00.000Z")
        #expect(RegistryTime.text(Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
        #expect(RegistryTime.text(Date(timeIntervalSince1970: 951_782_400.5)) == "2000-02-29T00:00:00.500Z")
        #expect(RegistryTime.text(Date(timeIntervalSince1970: 1e15)) == "9999-12-31T23:59:59.999Z")
        #expect(RegistryTime.text(Date(timeIntervalSince1970: .nan)) == "1970-01-01T00:00:00.000Z")
        #expect(RegistryTime.parse("2026-12-04T00:00:00.000Z") == Date(timeIntervalSince1970: 1_796_342_400))
        #expect(RegistryTime.display(Date(timeIntervalSince1970: 1_796_342_400)) == "2026-12-04 08:00:00 +08:00")
        #expect(RegistryTime.display(Date(timeIntervalSince1970: 1_796_342_400.9), in: TimeZone(secondsFromGMT: -5 * 3600)!) == "2026-12-03 19:00:00 -05:00")
    }

    @Test func roundTripsAreExactAndSortInTimeOrder() {
        var random = SeededRandom(seed: 11)
        var previous: (Date, String)?
        var times: [Date] = []
        for _ in 0..<5_000 {
            let seconds = Double(Int64.random(in: -62_000_000_000...250_000_000_000, using: &random)) + Double(Int.random(in: 0..<1_000_000, using: &random)) / 1e6
            times.append(Date(timeIntervalSince1970: seconds))
        }
        for date in times.sorted() {
            let text = RegistryTime.text(date)
            let back = RegistryTime.parse(text)
            #expect(back == RegistryTime.normalised(date), "\(text)")
            #expect(back.map(RegistryTime.text) == text)
            if let (earlier, earlierText) = previous {
                #expect(earlierText <= text, "\(earlier) \(earlierText) \(text)")
            }
            previous = (date, text)
        }
    }

    @Test func onlyTheStoredFormIsRead() {
        for text in ["", "2026-12-04", "2026-12-04T00:00:00Z", "2026-12-04 00:00:00.000Z", "2026-02-30T00:00:00.000Z", "2026-12-04T24:00:00.000Z",
                     "2026-12-04T00:60:00.000Z", "2026-12-04T00:00:60.000Z", "0000-01-01T00:00:00.000Z", "2026-12-04T00:00:00.000Z ",
                     "２０２６-12-04T00:00:00.000Z", "2026-12-04T00:00:00.0-0Z", "+026-12-04T00:00:00.000Z"] {
            #expect(RegistryTime.parse(text) == nil, "\(text)")
        }
    }
}
