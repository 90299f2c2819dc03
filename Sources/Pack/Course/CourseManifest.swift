import Foundation

/// manifest.json of a course pack: every file with its size and SHA-256, the inputs' hashes, the counts
/// and the kaowu version (the `kaowu` and `files` every kaowu manifest has, so a later run knows the pack
/// as kaowu's), with the course's title and card-number pattern.
struct CourseManifest: Codable {
    struct Counts: Codable {
        var rows: Int
        var learners: Int
        var enrolled: Int
        var notEnrolled: Int
        var classes: Int
        var sessions: Int
        var pages: Int
        var files: Int
        var errors: Int
        var warnings: Int
    }

    var kaowu: String
    var course: String
    var created: String
    var cardNumberPattern: String
    var inputs: [Manifest.Input]
    var counts: Counts
    var files: [Manifest.File]

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
