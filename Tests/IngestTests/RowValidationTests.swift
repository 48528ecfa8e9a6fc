import Foundation
import GRDB
import Store
import TestSupport
import Testing

@testable import Ingest

/// SPEC 3.1 "Row validation": a failing row is rejected with a reason that
/// names its value, and every other row imports.
@Suite struct RowValidationTests {
    // MARK: - Procedure codes and modifiers

    @Test(arguments: ["9921", "992134", "W1234"])
    func procedureCodeNotCPTOrHCPCSShapedIsRejected(code: String) throws {
        // Given a line whose procedure code is not CPT- or HCPCS-shaped, among good lines
        // When it is imported, Then only that line is rejected, naming the code and both shapes
        try expectOneReject(
            ["procedure_code": code], column: "procedure_code",
            reason: "procedure code '\(code)' is not a CPT code (5 digits, or 4 digits and F, T or U) "
                + "or a HCPCS Level II code (a letter A–V and 4 digits)")
    }

    @Test(arguments: [
        ("0001U", "0001U"), ("0591T", "0591T"), ("3074F", "3074F"), ("J1030", "J1030"),
        ("G0439", "G0439"), ("99213", "99213"), (" j1030 ", "J1030"), ("0001u", "0001U"),
    ])
    func cptAndHCPCSShapesAreAccepted(code: String, stored: String) throws {
        // Given a line with a valid CPT or HCPCS Level II code, perhaps lower case or padded
        let imported = try ImportedFile(lines: [encounterLine(["procedure_code": code])])
        // Then it loads with the code trimmed and upper-cased, leading zeros kept
        #expect(imported.outcome.counts.rowsRejected == 0)
        #expect(try imported.texts("SELECT procedure_code FROM encounter_line") == [stored])
    }

    @Test func blankProcedureCodeIsRejected() throws {
        // Given a blank procedure code among good lines; Then that line alone is rejected
        try expectOneReject(["procedure_code": ""], column: "procedure_code", reason: "procedure code is blank")
    }

    @Test(arguments: ["2", "2A5"])
    func modifierNotTwoAlphanumericsIsRejected(modifier: String) throws {
        // Given a good modifier and a malformed one; Then the line is rejected naming the bad one
        try expectOneReject(
            ["modifiers": "25 \(modifier)"], column: "modifiers",
            reason: "modifier '\(modifier)' is not 2 letters or digits")
    }

    @Test func moreThanFourModifiersAreRejected() throws {
        // Given five modifiers in one cell; Then the line is rejected listing them
        try expectOneReject(
            ["modifiers": "25 59 LT RT XU"], column: "modifiers",
            reason: "5 modifiers (25 59 LT RT XU); a line takes at most 4")
    }

    @Test func fourModifiersFillTheFourSlots() throws {
        // Given a line with four modifiers, lower case
        let imported = try ImportedFile(lines: [encounterLine(["modifiers": "25 59 lt rt"])])
        // Then they are stored upper-cased in order
        let row = try imported.texts(
            "SELECT modifier_1 || modifier_2 || modifier_3 || modifier_4 FROM encounter_line")
        #expect(row == ["2559LTRT"])
    }

    // MARK: - Units

    @Test(arguments: ["0", "1000", "1.5", "abc", "-1"])
    func unitsNotAWholeNumberFrom1To999AreRejected(units: String) throws {
        // Given units outside 1–999 or not whole; Then the line is rejected
        try expectOneReject(
            ["units": units], column: "units", reason: "units '\(units)' is not a whole number from 1 to 999")
    }

    @Test(arguments: [("2.00", 2), ("999", 999), ("", 1)])
    func unitsAcceptedAndDefaulted(text: String, units: Int) throws {
        // Given a line whose units are `text` (blank defaults to 1)
        let imported = try ImportedFile(lines: [encounterLine(["units": text])])
        // Then it loads with that many units
        #expect(try imported.texts("SELECT units FROM encounter_line") == [String(units)])
    }

    // MARK: - Diagnosis codes

    @Test func encounterWithoutDiagnosisIsRejected() throws {
        // Given a new encounter's line with no diagnosis; Then it is rejected
        try expectOneReject(
            ["diagnosis_codes": ""], column: "diagnosis_codes",
            reason: "no diagnosis code on the encounter: this line gives none, and no earlier line of "
                + "encounter B1 does")
    }

    @Test func laterLineWithoutDiagnosisUsesTheEncounters() throws {
        // Given a second line of an encounter that gives no diagnosis of its own
        let imported = try ImportedFile(lines: [
            encounterLine(), encounterLine(["procedure_code": "36415", "diagnosis_codes": ""]),
        ])
        // Then both lines load: diagnoses are per encounter
        #expect(imported.outcome.counts.rowsLoaded == 2)
        #expect(try imported.texts("SELECT code FROM encounter_diagnosis") == ["E119"])
    }

    @Test(arguments: [
        ("E11.99", "diagnosis code 'E11.99' is not in the ICD-10-CM FY2026 code set"),
        ("ZZZ9", "diagnosis code 'ZZZ9' is not an ICD-10-CM code (a letter, a digit, then 1 to 5 letters or digits)"),
        (
            "E11",
            "diagnosis code 'E11' is a category, not billable: it has more specific codes below it "
                + "(E11.00, E11.01, E11.10, …)"
        ),
        ("S52.521", "diagnosis code 'S52.521' needs a 7th character (for example S52.521A)"),
    ])
    func nonBillableDiagnosisIsRejectedSayingWhy(code: String, reason: String) throws {
        // Given a billable code beside a non-billable one; Then the reason says why the latter fails
        try expectOneReject(["diagnosis_codes": "I10 \(code)"], column: "diagnosis_codes", reason: reason)
    }

    @Test func dottedAndUndottedDiagnosisAreOneCode() throws {
        // Given two lines of one encounter giving E11.9 and E119, and a cell repeating it
        let imported = try ImportedFile(lines: [
            encounterLine(["diagnosis_codes": "E11.9"]),
            encounterLine(["procedure_code": "36415", "diagnosis_codes": "e119; I10; E11.9"]),
        ])
        // Then the encounter holds E119 once, without its dot
        #expect(imported.outcome.counts.rowsLoaded == 2)
        #expect(try imported.texts("SELECT code FROM encounter_diagnosis ORDER BY position") == ["E119", "I10"])
    }

    // MARK: - Dates and timestamps

    @Test(arguments: [
        ("13/45/2026", "service date '13/45/2026' is not a date; write YYYY-MM-DD, MM/DD/YYYY or M/D/YYYY"),
        ("10/01/26", "service date '10/01/26' has a two-digit year; write YYYY-MM-DD, MM/DD/YYYY or M/D/YYYY"),
        ("02/30/2026", "service date '02/30/2026' is not a date; write YYYY-MM-DD, MM/DD/YYYY or M/D/YYYY"),
        ("2026-11-28", "service date '2026-11-28' is in the future (today is 2026-11-27)"),
    ])
    func badServiceDateIsRejected(date: String, reason: String) throws {
        // Given a service date that does not parse or is after today; Then the line is rejected
        try expectOneReject(["service_date": date], column: "service_date", reason: reason)
    }

    @Test func isoFebruary30IsNotCalledATwoDigitYear() throws {
        // Given 2026-02-30, a four-digit year on a day that does not exist
        // Then the reason says it is not a date (the code says "two-digit year")
        try expectOneReject(
            ["service_date": "2026-02-30"], column: "service_date",
            reason: "service date '2026-02-30' is not a date; write YYYY-MM-DD, MM/DD/YYYY or M/D/YYYY")
    }

    @Test func codedAtInTheFutureIsRejected() throws {
        // Given a coded-at time the day after today; Then the line is rejected
        try expectOneReject(
            ["coded_at": "2026-11-28 08:00"], column: "coded_at",
            reason: "coded at '2026-11-28 08:00' is in the future (today is 2026-11-27)")
    }

    @Test(arguments: [
        ("2026-10-01", "2026-10-01"), ("10/01/2026", "2026-10-01"), ("1/5/2026", "2026-01-05"),
        ("2026-11-27", "2026-11-27"),
    ])
    func acceptedDateForms(text: String, stored: String) throws {
        // Given a service date in one of the accepted forms; Then it is stored as YYYY-MM-DD
        let imported = try ImportedFile(lines: [encounterLine(["service_date": text])])
        #expect(try imported.texts("SELECT service_date FROM encounter") == [stored])
    }

    @Test(arguments: [
        ("2026-10-02T09:15:00Z", "2026-10-02T09:15:00Z"), ("2026-10-02 09:15", "2026-10-02T09:15:00"),
        ("10/02/2026 2:15 PM", "2026-10-02T14:15:00"), ("10/02/2026 12:05 AM", "2026-10-02T00:05:00"),
        ("2026-10-02T09:15:00-05:00", "2026-10-02T09:15:00-05:00"), ("2026-10-02", "2026-10-02"),
    ])
    func acceptedTimestampsAreNormalized(text: String, stored: String) throws {
        // Given a coded-at timestamp in an accepted form; Then its normalized text is stored
        let imported = try ImportedFile(lines: [encounterLine(["coded_at": text])])
        #expect(try imported.texts("SELECT coded_at FROM encounter") == [stored])
    }

    // MARK: - Money

    @Test(arguments: ["12.3.4", "$1,23.00", "abc"])
    func moneyThatDoesNotParseIsRejected(text: String) throws {
        // Given a charge that is not money; Then the line is rejected with the accepted forms
        try expectOneReject(
            ["charge": text], column: "charge",
            reason: "charge '\(text)' is not an amount of money; write it like 1234.50, $1,234.50 or (12.00)")
    }

    @Test func fractionsOfACentAreRejected() throws {
        // Given a paid amount with a tenth of a cent; Then the line is rejected
        try expectOneReject(["paid": "1.234"], column: "paid", reason: "paid '1.234' has fractions of a cent")
    }

    @Test(arguments: [
        ("1234.5", 123_450), ("$1,234.50", 123_450), ("(12.00)", -1200), ("-$12.00", -1200),
        ("$0.00", 0), ("7", 700),
    ])
    func acceptedMoneyIsStoredInCents(text: String, cents: Int64) throws {
        // Given an allowed amount in an accepted form; Then it is stored as integer cents
        let imported = try ImportedFile(lines: [encounterLine(["allowed": text])])
        #expect(try imported.texts("SELECT allowed_cents FROM encounter_line") == [String(cents)])
    }

    // MARK: - Encounter fields across lines

    @Test func lineWithADifferentProviderIsRejected() throws {
        // Given a second line of encounter B1 naming another provider
        try expectReject(
            lines: [
                goodLine("G1"), encounterLine(["encounter_id": "B1"]),
                encounterLine(["encounter_id": "B1", "provider": "Dr Other", "procedure_code": "36415"]),
                goodLine("G2"),
            ],
            line: 4, column: "provider",
            reason: "encounter field disagrees: provider 'Dr Other' but earlier lines give 'Dr Demo' (encounter B1)")
    }

    @Test func lineWithADifferentPatientIsRejectedWithoutNamingEither() throws {
        // Given a second line of encounter B1 naming another patient
        let imported = try expectReject(
            lines: [
                goodLine("G1"), encounterLine(["encounter_id": "B1", "patient_id": "MRN555"]),
                encounterLine(["encounter_id": "B1", "patient_id": "MRN777", "procedure_code": "36415"]),
                goodLine("G2"),
            ],
            line: 4, column: "patient_id",
            reason: "encounter field disagrees: patient id differs from the one earlier lines give (encounter B1)")
        // Then neither patient id is in the reason, and the stored row carries the pseudonym
        let stored = try #require(imported.rejects().first)
        #expect(!stored.reason.contains("MRN555") && !stored.reason.contains("MRN777"))
        #expect(!stored.rawRow.contains("MRN777"))
        #expect(stored.rawRow.contains(PatientPseudonymizer(key: imported.workspace.key).pseudonym(for: "MRN777")))
    }

    @Test func sameValueWrittenAnotherWayAgrees() throws {
        // Given a second line writing the service date and coded-at time in the US forms
        let imported = try ImportedFile(lines: [
            encounterLine(),
            encounterLine(["procedure_code": "36415", "service_date": "10/01/2026", "coded_at": "10/02/2026 9:00 AM"]),
        ])
        // Then the values agree once normalized, and both lines load
        #expect(imported.outcome.counts.rowsLoaded == 2)
        #expect(
            try imported.texts("SELECT service_date || ' ' || coded_at FROM encounter") == [
                "2026-10-01 2026-10-02T09:00:00"
            ])
    }

    @Test func blankFieldsOnALaterLineTakeTheFirstLinesValues() throws {
        // Given a second line leaving every encounter field blank
        let blanks = [
            "service_date", "patient_id", "provider", "specialty", "coder", "payer", "coded_at", "coding_minutes",
        ]
        var second = Dictionary(uniqueKeysWithValues: blanks.map { ($0, "") })
        second["procedure_code"] = "36415"
        let imported = try ImportedFile(lines: [encounterLine(), encounterLine(second)])
        // Then both load, and the encounter keeps the first line's values
        #expect(imported.outcome.counts.rowsLoaded == 2)
        let pseudonym = PatientPseudonymizer(key: imported.workspace.key).pseudonym(for: "MRN001")
        #expect(
            try imported.texts(
                "SELECT service_date || '|' || patient_pseudonym || '|' || provider || '|' || specialty || '|' || coder"
                    + " || '|' || payer || '|' || coded_at || '|' || coding_minutes FROM encounter")
                == ["2026-10-01|\(pseudonym)|Dr Demo|Family Medicine|jlee|Medicare|2026-10-02T09:00:00|6.0"])
    }

    @Test func laterLineMayFillABlankOptionalField() throws {
        // Given a first line without a specialty and a second line that gives one
        let imported = try ImportedFile(lines: [
            encounterLine(["specialty": ""]), encounterLine(["specialty": "Cardiology", "procedure_code": "93000"]),
        ])
        // Then the encounter has the specialty
        #expect(imported.outcome.counts.rowsLoaded == 2)
        #expect(try imported.texts("SELECT specialty FROM encounter") == ["Cardiology"])
    }

    @Test(arguments: [
        ("service_date", "service date is blank, and no earlier line of encounter B1 gives it"),
        ("patient_id", "patient id is blank, and no earlier line of encounter B1 gives it"),
        ("provider", "provider is blank, and no earlier line of encounter B1 gives it"),
        ("encounter_id", "encounter id is blank"),
    ])
    func requiredFieldBlankOnTheFirstLineIsRejected(column: String, reason: String) throws {
        // Given an encounter's first line leaving a required field blank; Then it is rejected
        try expectOneReject([column: ""], column: column, reason: reason)
    }

    @Test func missingCoderAndPayerTakeTheDefaults() throws {
        // Given an encounter with no coder and no payer
        let imported = try ImportedFile(lines: [encounterLine(["coder": "", "payer": ""]), goodLine("G1")])
        // Then it is stored as UNASSIGNED / UNKNOWN, and the coder default is warned about
        #expect(
            try imported.texts("SELECT coder || '/' || payer FROM encounter ORDER BY external_id")
                == ["UNASSIGNED/UNKNOWN", "jlee/Medicare"])
        #expect(imported.outcome.warnings.contains("1 encounter had no coder; stored as UNASSIGNED"))
    }

    // MARK: - Row shape

    @Test(arguments: [true, false])
    func rowWithTheWrongFieldCountIsRejected(oneTooMany: Bool) throws {
        // Given a line with one field too many, or one too few
        let line = encounterLine(["encounter_id": "B1"])
        let bad = oneTooMany ? line + ",extra" : String(line[..<line.lastIndex(of: ",")!])
        try expectReject(
            lines: [goodLine("G1"), bad, goodLine("G2")], line: 3, column: nil,
            reason: oneTooMany
                ? "the row has 18 fields; the header has 17 (a value holding a comma must be enclosed in quotes)"
                : "the row has 16 fields; the header has 17")
    }

    @Test func allBlankRowsAreSkippedAndNotCounted() throws {
        // Given blank rows (empty, commas only, spaces) between good lines and a bad one
        let blank = String(repeating: ",", count: 16)
        let imported = try ImportedFile(lines: [
            goodLine("G1"), blank, "", " , ,\t", goodLine("G2"), encounterLine(["encounter_id": "B1", "units": "0"]),
        ])
        // Then they are not read rows, and later line numbers still count them
        #expect(imported.outcome.counts.rowsRead == 3)
        #expect(imported.outcome.counts.rowsLoaded == 2)
        #expect(imported.outcome.firstRejects.map(\.line) == [7])
        #expect(imported.outcome.blankRowsSkipped == 2)
        #expect(imported.outcome.warnings.contains("2 blank row(s) skipped"))
    }

    @Test func severalReasonsAreJoinedWithSemicolons() throws {
        // Given a line with three bad values; Then one reject gives all three reasons, in column order
        try expectOneReject(
            ["procedure_code": "9921", "units": "0", "charge": "abc"], column: "procedure_code",
            reason: "procedure code '9921' is not a CPT code (5 digits, or 4 digits and F, T or U) or a HCPCS "
                + "Level II code (a letter A–V and 4 digits); units '0' is not a whole number from 1 to 999; "
                + "charge 'abc' is not an amount of money; write it like 1234.50, $1,234.50 or (12.00)")
    }
}

// MARK: - Helpers

/// A good line of its own encounter and patient.
private func goodLine(_ id: String) -> String {
    encounterLine(["encounter_id": id, "patient_id": "MRN-\(id)", "procedure_code": "99214"])
}

extension ImportedFile {
    /// The rejects the store keeps for the import.
    fileprivate func rejects() throws -> [StoredReject] {
        try workspace.database.rejects(batchID: #require(outcome.batchID))
    }
}

/// Imports good lines of G1 and G2 around line 3, encounter B1 with `overrides`,
/// and expects that line alone rejected.
private func expectOneReject(
    _ overrides: [String: String], column: String?, reason: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    try expectReject(
        lines: [goodLine("G1"), encounterLine(["encounter_id": "B1"].merging(overrides) { $1 }), goodLine("G2")],
        line: 3, column: column, reason: reason, sourceLocation: sourceLocation)
}

/// Imports `lines` and expects exactly the one at file line `line` rejected,
/// with `reason` reported and stored, and every other line loaded.
@discardableResult
private func expectReject(
    lines: [String], line: Int, column: String?, reason: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> ImportedFile {
    let imported = try ImportedFile(lines: lines)
    let counts = imported.outcome.counts
    #expect(counts.rowsRead == lines.count, sourceLocation: sourceLocation)
    #expect(counts.rowsLoaded == lines.count - 1, sourceLocation: sourceLocation)
    #expect(counts.rowsRejected == 1, sourceLocation: sourceLocation)
    #expect(
        imported.outcome.firstRejects == [RowReject(line: line, column: column, reason: reason)],
        sourceLocation: sourceLocation)
    let sourceLines = try imported.texts("SELECT source_line FROM encounter_line ORDER BY source_line")
    let others: [String] = (2...lines.count + 1).filter { $0 != line }.map { String($0) }
    #expect(sourceLines == others, sourceLocation: sourceLocation)
    let stored = try imported.rejects()
    #expect(stored.map(\.lineNumber) == [line], sourceLocation: sourceLocation)
    #expect(stored.map(\.columnName) == [column], sourceLocation: sourceLocation)
    #expect(stored.map(\.reason) == [reason], sourceLocation: sourceLocation)
    return imported
}
