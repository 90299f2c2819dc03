import Foundation
import Support
import Validation

/// report.json of a certificate batch: the validation report (rows, valid, problems with row and column)
/// and every holder not certified with the reasons, in the language of the run.
enum CertifyReport {
    static let fileName = "report.json"

    struct Entry: Encodable {
        var row: Int
        var name: String
        var maskedID: String
        var reasons: [String]
    }

    static func write(report: ValidationReport, notCertified: [NotCertified], language: Language, to path: String) throws {
        let reportData = try report.json(language)
        guard var object = try JSONSerialization.jsonObject(with: reportData) as? [String: Any] else { return }
        object["notCertified"] = notCertified.map { entry -> [String: Any] in
            ["row": entry.row, "name": entry.name, "maskedID": entry.maskedID, "reasons": entry.reasons.map { $0.pick(language) }]
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try data.write(to: URL(fileURLWithPath: path))
    }
}
