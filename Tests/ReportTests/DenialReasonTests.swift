import Testing

@testable import Report

/// The denial reasons' words: the five group codes and the common reason codes.
@Suite struct DenialReasonTests {
    @Test func aReasonSplitsIntoItsGroupAndCode() {
        // Given reasons as denials.csv writes them; When they are read
        // Then the group is before the first hyphen and the code after it
        #expect(DenialReason("CO-97") == DenialReason(group: "CO", code: "97"))
        #expect(DenialReason("PI-B7") == DenialReason(group: "PI", code: "B7"))
        #expect(DenialReason("97") == DenialReason(group: "", code: "97"))
    }

    @Test func eachGroupCodeIsInWords() {
        #expect(DenialReason("CO-97").groupWords == "contractual obligation (the practice writes it off)")
        #expect(DenialReason("PR-1").groupWords == "patient responsibility")
        #expect(DenialReason("OA-18").groupWords == "other adjustment")
        #expect(DenialReason("PI-204").groupWords == "payer-initiated reduction")
        #expect(DenialReason("CR-16").groupWords == "correction or reversal")
        #expect(DenialReason("XX-16").groupWords == "group XX")
    }

    @Test func theCommonReasonCodesAreDescribedShortly() {
        // Given the reason codes payers use most
        let common = [
            "1", "2", "3", "4", "5", "11", "16", "18", "22", "23", "27", "29", "45", "50", "96", "97", "109", "119",
            "151", "167", "197", "204", "242", "253",
        ]
        // Then each has a short description of its own, in lower case to read inside a sentence
        for code in common {
            let reason = DenialReason("CO-\(code)")
            #expect(reason.isDescribed, "\(code)")
            #expect(reason.reasonWords.count <= 90, "\(code)")
            #expect(reason.reasonWords.first?.isLowercase == true, "\(code)")
        }
        #expect(DenialReason("CO-97").reasonWords == "paid as part of another service on the claim (bundled)")
        #expect(Set(DenialReason.reasons.values).count == DenialReason.reasons.count)
    }

    @Test func aCodeOutsideTheListIsNamedAsSuch() {
        let reason = DenialReason("CO-272")
        #expect(!reason.isDescribed)
        #expect(reason.reasonWords == "reason 272 (not in this report's short list: see the X12 CARC list)")
    }
}
