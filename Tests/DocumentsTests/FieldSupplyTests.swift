import Foundation
import Testing
import Render
import Roster
import Support
import Synthetic
import TestTools
import Validation
@testable import Documents

/// The sets of fields each source supplies are made from the values themselves, and the sample data
/// covers every built-in template.
@Suite struct FieldSupplyTests {
    @Test func sampleDataSuppliesEveryBuiltInField() throws {
        let record = try #require(SampleRecords.records(1).first)
        for kind in BuiltInTemplates.kinds {
            let document = try PaperRenderer(templatePath: try #require(BuiltInTemplates.path(for: kind)))
            let supplied = Set(record.values.keys).union(record.images.keys).union(document.computedFields)
            #expect(TemplateFieldCheck.gaps(in: document.template, supplied: supplied).isEmpty, "\(kind)")
        }
    }

    @Test func aRostersSuppliedFieldsAreWhatItsCandidatesGet() throws {
        let fixture = try FieldFixture()
        let header = try #require(RosterHeader.read(path: fixture.full))
        let supplied = CandidateRecords.suppliedFields(header: header, photos: true)
        let validated = Validator(options: ValidationOptions()).validateRoster(rosterPath: fixture.full, photosPath: fixture.photos)
        let candidate = try #require(validated.candidates.dropFirst().first)          // row 3: every column filled
        let record = try #require(CandidateRecords.records([candidate], photos: fixture.photos, limit: 5 << 20).first)
        let filled = Set(record.values.filter { !$0.value.isEmpty }.keys).union(record.images.keys)
        #expect(supplied == filled, "\(supplied.symmetricDifference(filled))")
        for field in ["证书编号", "培训项目", "ticketNumber", "seat", "gender", "birthdate", "row.index", "photo"] { #expect(supplied.contains(field), "\(field)") }
        #expect(!CandidateRecords.suppliedFields(header: header, photos: false).contains("photo"))
    }

    @Test func noticesAreNumberedWithoutGaps() {
        let values = TemplateValues.notices(["带证件。", "  ", "提前到。"])
        #expect(values["notices"] == "1. 带证件。\n2. 提前到。")
        #expect(values["notice.2"] == "提前到。" && values["notice.3"] == nil)
        #expect(TemplateValues.notices([]).isEmpty)
        #expect(TemplateValues.noticeParagraphs(in: ["notice.10": "c", "notice.2": "b", "notice.1": "a", "notice.x": "?"]) == ["a", "b", "c"])
    }

    @Test func namesAndNearNames() {
        for name in ["exam.title", "证书编号", "row.index", "培训项目（初级）"] { #expect(DocumentFields.isWellFormed(name), "\(name)") }
        for name in ["", "exam.", "a b", "a|b", "{x}", "a=b", String(repeating: "长", count: 101)] { #expect(!DocumentFields.isWellFormed(name), "\(name)") }
        let known = DocumentFields.knownNames()
        #expect(DocumentFields.nearest("exam.titel", in: known) == "exam.title")
        #expect(DocumentFields.nearest("ticketnumber", in: known) == "ticketNumber")
        #expect(DocumentFields.nearest("完全不同的名字", in: known) == nil)
        #expect(DocumentFields.misspelt("room.range", supplied: ["room.name"]) == nil, "a known name is missing, not misspelt")
        #expect(DocumentFields.misspelt("room.nmae", supplied: ["room.name"]) == "room.name")
    }
}
