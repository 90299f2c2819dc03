import Documents
import Render
import Validation

/// Validates a roster and photos as `kaowu render` does and adapts the valid candidates to records.
func validatedRecords(roster: String, photos: String?, options: ValidationOptions) -> (report: ValidationReport, records: [RenderRecord]) {
    let validated = Validator(options: options).validateRoster(rosterPath: roster, photosPath: photos)
    return (validated.report, CandidateRecords.records(validated.candidates, photos: photos, limit: options.photo.maxBytes))
}
