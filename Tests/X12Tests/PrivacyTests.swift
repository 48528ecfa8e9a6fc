import Testing
import X12

/// SPEC 9: names and member ids of patients and subscribers (NM1*QC, NM1*IL,
/// NM1*74) are never stored, so the reader never hands them over.
@Suite struct PrivacyTests {
    static let probes = [
        "ZQPROBEPATIENTLAST", "ZQPROBEPATIENTFIRST", "ZQPROBEMEMBER0001", "ZQPROBEINSUREDLAST",
        "ZQPROBEINSUREDFIRST", "ZQPROBESUBSCRIBER0002", "ZQPROBECORRECTEDLAST", "ZQPROBECORRECTED0003",
    ]

    @Test func personNamesAndMemberIDsAreNeverReturned() throws {
        // Given a claim with a patient, an insured and a corrected insured named by probe strings
        let text = try Fixture.text("privacy")
        for probe in Self.probes { #expect(text.contains(probe)) }
        // When it is read
        let remittances = try RemittanceReader(bytes: Array(text.utf8)).readAll()
        // Then the claim is read, and no probe appears anywhere in what the reader returns
        #expect(remittances.first?.claims.map(\.patientControlNumber) == ["ENC-7001"])
        let everything = String(describing: remittances) + String(reflecting: remittances)
        for probe in Self.probes + ["ZQPROBE"] { #expect(!everything.contains(probe)) }
    }

    @Test(arguments: [
        ("NM1*QC*1*ZQPROBEPATIENTLAST", "NM1*QC*1*ZQPROBEPATIENTLAST" + String(repeating: "X", count: 70_000)),
        ("NM1*QC*1*ZQPROBEPATIENTLAST", "nm1*QC*1*ZQPROBEPATIENTLAST"),
        ("ZQPROBEPATIENTFIRST****MI*ZQPROBEMEMBER0001~", "ZQPROBEPATIENTFIRST****MI*ZQPROBEMEMBER0001"),
    ])
    func refusalsNeverQuoteAPerson(original: String, replacement: String) throws {
        // Given a patient NM1 that is too long, garbled, or cut off at the end of the file
        var text = try Fixture.text("privacy").replacingOccurrences(of: original, with: replacement)
        if !replacement.hasSuffix("~") && original.hasSuffix("~") {
            text = String(text[..<text.range(of: replacement)!.upperBound])
        }
        // When it is read
        let error = try #require(readingError(text))
        // Then the refusal names the segment but quotes no probe
        let message = (error.errorDescription ?? "") + String(describing: error)
        #expect(message.contains("segment 9"))
        for probe in Self.probes + ["ZQPROBE"] { #expect(!message.contains(probe)) }
    }
}
