import Foundation
import Photos
import Testing

/// The photo a verification page publishes: upright, no bigger than an ID photo, and nothing of the
/// original file but the picture.
@Suite struct PublishedPhotoTests {
    private func header(_ bytes: [UInt8]) -> ImageHeader? {
        if case .header(let h) = bytes.withUnsafeBytes({ ImageHeader.read($0) }) { return h }
        return nil
    }

    @Test func turnedFilesArePublishedUprightWithoutMetadata() throws {
        for name in ["upright-o1.jpg", "upright-o3.jpg", "upright-o6.jpg", "upright-o8.jpg", "upright-o6.png"] {
            let original = try ExifFixtures.bytes(name)
            let published = try #require(PublishedPhoto.make(from: original), "\(name)")
            let h = try #require(header(published))
            #expect(h.format == .jpeg && h.orientation == .up, "\(name)")
            #expect(h.width == 295 && h.height == 413, "\(name): \(h.width)×\(h.height)")
            // No APP1 (Exif/XMP) segment: only the picture is published.
            #expect(!published.indices.dropLast().contains { published[$0] == 0xFF && published[$0 + 1] == 0xE1 }, "\(name)")
            // The dark bar is where it is shown: top left, wider than tall.
            let rgb = try fullRGB(published)
            func luma(_ x: Int, _ y: Int) -> Int { let i = (y * rgb.width + x) * 3; return (Int(rgb.rgb[i]) + Int(rgb.rgb[i + 1]) + Int(rgb.rgb[i + 2])) / 3 }
            #expect(luma(90, 50) < 60, "\(name): bar at (90, 50) is \(luma(90, 50))")
            #expect(luma(50, 120) > 100, "\(name): backdrop at (50, 120) is \(luma(50, 120))")
        }
    }

    @Test func largePhotosAreScaledDownAndDamagedOnesRefused() throws {
        let big = SamplePhoto(width: 590, height: 826, background: (250, 250, 250)).jpeg()
        let published = try #require(PublishedPhoto.make(from: big))
        let h = try #require(header(published))
        #expect(h.width == 295 && h.height == 413)
        #expect(PublishedPhoto.make(from: Array("not a photo".utf8)) == nil)
        #expect(PublishedPhoto.make(from: Array(big.prefix(200))) == nil)
    }
}
