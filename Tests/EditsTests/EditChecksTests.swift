import Analytics
import TestSupport
import Testing

@testable import Edits

/// SPEC 8: the five edits over a hand-made October (see `EditsFixture`).
@Suite struct EditChecksTests {
    static func flags(ptp: Bool = true, mue: Bool = true) throws -> [EditFlagRow] {
        let workspace = try EditsFixture.workspace(ptp: ptp, mue: mue)
        return try EditChecks(database: workspace.database).monthly(for: EditsFixture.october).flags
    }

    /// `encounter edit code/other units limit indicator at-risk`, one string a flag.
    static func summary(_ flag: EditFlagRow) -> String {
        let codes: String = flag.code + "/" + (flag.otherCode ?? "")
        let modifiers: String = flag.modifiers.joined(separator: ";")
        let units: String = flag.units.map { String($0) } ?? "-"
        let limit: String = flag.limit.map { String($0) } ?? "-"
        let indicator: String = flag.modifierIndicator.map { String($0) } ?? "-"
        let atRisk: String = flag.atRiskCents.map { String($0) } ?? "-"
        return [flag.encounterID, flag.edit.rawValue, codes, modifiers, units, limit, indicator, atRisk]
            .joined(separator: " ")
    }

    @Test func everyEditFiresWhereACoderWouldExpectAndNowhereElse() throws {
        // Given the fixture month with both NCCI tables
        // When its edits are run
        let flags = try Self.flags()
        // Then these flags, by service date, encounter id, edit and codes:
        #expect(
            flags.map(Self.summary) == [
                // 59 does not lift an indicator-0 edit; at risk: 93005's blank-modifier rate
                "E01 ptp 93000/93005 59 1 - 0 2000",
                // indicator 1, no modifier: 96372's rate × its 2 units
                "E02 ptp 99214/96372  2 - 1 5000",
                // the deleted edit still in force on 10-07; 97597 has no rate
                "E04 ptp 11042/97597  1 - 1 -",
                // across two encounters, on column 2's line (E07)
                "E07 ptp 99214/96372  1 - 1 2500",
                // line edit: 30.00 × (5 − 4)
                "E09 mue 97110/  5 4 - 3000",
                // date of service: 1 + 1 units against 1, on the first line
                "E10 mue 36415/  2 1 - 1000",
                "E12 excludes1 E10.9/E11.9  - - - -",
                "E13 mod25 99213/ 25 1 - - -",
                // new patient seen 1,095 days before: 99204's rate − 99214's
                "E14 new_patient 99204/99213  1 - - 4000",
            ])
        // and a flag across encounters flags both
        #expect(flags.first { $0.encounterID == "E07" }?.flaggedEncounterIDs == ["E07", "E06"])
        #expect(flags.first { $0.encounterID == "E10" }?.flaggedEncounterIDs == ["E10", "E11"])
        #expect(flags.first { $0.encounterID == "E14" }?.flaggedEncounterIDs == ["E14"])
    }

    @Test func theFlagsAloneAreTheMonthsFlags() throws {
        // Given the fixture month with both NCCI tables
        let workspace = try EditsFixture.workspace()
        // When its flags are asked for alone (export edits) and with the rates (the report, export all)
        let alone = try Analytics(database: workspace.database).editFlags(for: EditsFixture.october)
        let monthly = try EditChecks(database: workspace.database).monthly(for: EditsFixture.october)
        // Then they are the same flags, in the same order
        #expect(alone.count == 9)
        #expect(alone == monthly.flags)
    }

    @Test func eachFlagSaysWhatIsWrongInOneSentence() throws {
        let flags = try Self.flags()
        let details = Dictionary(uniqueKeysWithValues: flags.map { ($0.encounterID, $0.detail) })
        #expect(details["E01"]?.contains("modifier indicator 0: no modifier allows the pair") == true)
        #expect(details["E07"]?.hasSuffix("(99214 is in encounter E06)") == true)
        #expect(details["E09"] == "MUE: 5 units of 97110 on one line; the practitioner limit is 4 per line (line edit)")
        #expect(
            details["E10"]
                == "MUE: 2 units of 36415 for one patient and provider on 2026-10-15 over 2 lines; the practitioner "
                + "limit is 1 per day (date-of-service edit: policy)")
        #expect(details["E12"] == "Excludes1: E10.9 and E11.9 are not coded together (E10 excludes E11.-)")
        #expect(details["E14"]?.contains("99213 on 2023-10-21") == true)
    }

    @Test func withoutTheNCCITablesOnlyTheBuiltInEditsRun() throws {
        // Given no PTP or MUE table imported
        let flags = try Self.flags(ptp: false, mue: false)
        // Then Excludes1, modifier 25 and new patient still run
        #expect(flags.map(\.edit) == [.excludes1, .mod25, .newPatient])
    }

    @Test func editRatesCompareFlaggedWithUnflaggedAudits() throws {
        let workspace = try EditsFixture.workspace()
        let rates = try EditChecks(database: workspace.database).monthly(for: EditsFixture.october).rates
        func row(_ dimension: EditRateRow.Dimension, _ group: String) -> String? {
            rates.first { $0.dimension == dimension && $0.group == group }.map { row in
                let counts = EditKind.allCases.map { String(row.count($0)) }.joined(separator: ",")
                return "\(row.encounters) \(row.encountersFlagged) \(row.flagRate?.description ?? "-") \(counts) "
                    + "\(row.atRiskCents.map(String.init) ?? "-") \(row.auditedFlagged)/\(row.auditedFlaggedInError) "
                    + "\(row.auditedUnflagged)/\(row.auditedUnflaggedInError)"
            }
        }
        // Then the practice: 16 encounters, 11 flagged (E06 and E11 by the flags of E07 and E10);
        // flags ptp,mue,excludes1,mod25,new_patient = 4,2,1,1,1; 20+50+25+30+10+40 = 175.00 at risk;
        // audited flagged E01 (error), E02, E13 (error); unflagged E03, E05 (error)
        #expect(row(.practice, "ALL") == "16 11 11/16 4,2,1,1,1 17500 3/2 2/1")
        // coders count the flags their encounters are named in; bob's flags carry no amount
        #expect(row(.coder, "alice") == "6 5 5/6 2,0,1,0,1 11000 2/1 0/0")
        #expect(row(.coder, "bob") == "5 2 2/5 1,0,0,1,0 - 1/1 2/1")
        #expect(row(.coder, "chen") == "2 2 2/2 1,0,0,0,0 2500 0/0 0/0")
        #expect(row(.coder, "dana") == "3 2 2/3 0,2,0,0,0 4000 0/0 0/0")
        #expect(row(.provider, "Dr Baker") == "4 2 2/4 1,0,0,1,0 - 1/1 1/1")
        // and the order is practice, coders, providers by name
        #expect(
            rates.map { "\($0.dimension.rawValue) \($0.group)" } == [
                "practice ALL", "coder alice", "coder bob", "coder chen", "coder dana", "provider Dr Adams",
                "provider Dr Baker", "provider Dr Cole",
            ])
        let practice = rates[0]
        #expect(practice.flaggedErrorRate?.formatted(decimals: 4) == "0.6667")
        #expect(practice.unflaggedErrorRate?.formatted(decimals: 4) == "0.5000")
        #expect(rates.first { $0.group == "chen" }?.flaggedErrorRate == nil)
    }

    @Test func rowsEqualInEveryOrderingColumnFollowTheLinesOrder() throws {
        // Given one encounter whose lines repeat two codes of a PTP edit (11102 column 1, 17003
        // column 2: 17003 × 8, 11102, 11102, 17003 × 11) and one whose two 97110 lines each exceed
        // their MUE line edit of 4 (× 7, then × 5)
        let workspace = try TestWorkspace()
        let header =
            "encounter_id,service_date,patient_id,provider,specialty,coder,payer,procedure_code,modifiers,units,"
            + "diagnosis_codes"
        try workspace.load(
            .encounters,
            [
                header,
                "R1,2026-10-05,P01,Dr Adams,Dermatology,alice,Aetna,17003,,8,L57.0",
                "R1,2026-10-05,P01,Dr Adams,Dermatology,alice,Aetna,11102,,1,L57.0",
                "R1,2026-10-05,P01,Dr Adams,Dermatology,alice,Aetna,11102,,1,L57.0",
                "R1,2026-10-05,P01,Dr Adams,Dermatology,alice,Aetna,17003,,11,L57.0",
                "R2,2026-10-06,P02,Dr Adams,Family Medicine,alice,Aetna,97110,,7,M54.50",
                "R2,2026-10-06,P02,Dr Adams,Family Medicine,alice,Aetna,97110,,5,M54.50",
            ])
        try workspace.loadPTP([("11102", "17003", "2010-01-01", nil, 0)])
        try workspace.loadMUE([("97110", "2026-07-01", 4, 1)])
        // When October's edits run
        let flags = try EditChecks(database: workspace.database).monthly(for: EditsFixture.october).flags
        // Then the four ptp rows tie on service date, encounter, edit and codes, and come by
        // column 1's line, then column 2's line (so 17003's units alternate); the mue rows by line
        #expect(
            flags.map(Self.summary) == [
                "R1 ptp 11102/17003  8 - 0 -", "R1 ptp 11102/17003  11 - 0 -",
                "R1 ptp 11102/17003  8 - 0 -", "R1 ptp 11102/17003  11 - 0 -",
                "R2 mue 97110/  7 4 - -", "R2 mue 97110/  5 4 - -",
            ])
    }

    @Test func aMonthWithoutEncountersHasNoFlagsAndNoRates() throws {
        let workspace = try EditsFixture.workspace()
        let edits = try EditChecks(database: workspace.database).monthly(for: Month("2026-08")!)
        #expect(edits.flags.isEmpty && edits.rates.isEmpty)
        #expect(edits.ptpImported && edits.mueImported)
    }
}
