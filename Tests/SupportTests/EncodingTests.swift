import Testing
@testable import Support

@Suite struct EncodingTests {
    @Test func gb18030RoundTrips() throws {
        let bytes = try #require(GB18030.encode("张三-身份证号.jpg"))
        #expect(bytes.count < Array("张三-身份证号.jpg".utf8).count)   // GBK uses 2 bytes per character
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        #expect(GB18030.decode(bytes) == "张三-身份证号.jpg")
        #expect(LegacyText.decode(bytes)?.encoding == "GB18030")
    }

    @Test func invalidGB18030IsRefused() {
        #expect(GB18030.decode([0x81, 0x20]) == nil)     // a lead byte followed by a space
        #expect(GB18030.decode([0xD5]) == nil)           // truncated character
    }

    @Test func transcoderCarriesSplitCharacters() throws {
        let bytes = try #require(GB18030.encode("考生名单"))
        let transcoder = try #require(Transcoder(from: "GB18030"))
        var out: [UInt8] = []
        for (k, b) in bytes.enumerated() {
            out += try [b].withUnsafeBufferPointer { try transcoder.convert($0, final: k == bytes.count - 1) }
        }
        #expect(String(decoding: out, as: UTF8.self) == "考生名单")
    }

    @Test func utf8ValidatorFindsTheFirstBadByte() {
        var v = UTF8Validator()
        let good = Array("姓名".utf8)
        #expect(good.withUnsafeBufferPointer { v.feed(UnsafeBufferPointer(rebasing: $0[0..<4])) })
        #expect(!v.isComplete)
        #expect(good.withUnsafeBufferPointer { v.feed(UnsafeBufferPointer(rebasing: $0[4...])) })
        #expect(v.isComplete)
        var bad = UTF8Validator()
        #expect(![0x41, 0xD5, 0xC5].withUnsafeBufferPointer { bad.feed($0) })
        #expect(bad.offset == 2)   // the byte that cannot continue the sequence begun at 1
    }
}
