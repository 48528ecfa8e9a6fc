import Analytics
import TestSupport
import Testing

@testable import Edits

/// SPEC 8.3: `sample --per risk` draws from the flagged and the unflagged
/// encounters, and its appraisal is stratified as `--per coder`'s.
@Suite struct RiskSampleTests {
    /// Eight October encounters of one 99214 line; E01–E03 carry modifier 25 alone (a mod25 flag).
    static func workspace() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        let header =
            "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,modifiers,diagnosis_codes"
        let lines = (1...8).map { i in
            "E0\(i),2026-10-0\(i),P0\(i),Dr Adams,alice,Aetna,99214,\(i <= 3 ? "25" : ""),I10"
        }
        try workspace.load(.encounters, [header] + lines)
        try workspace.load(.fees, ["payer,procedure_code,amount", "Aetna,99213,100.00", "Aetna,99214,140.00"])
        return workspace
    }

    @Test func riskStrataAreTheFlaggedAndTheUnflaggedAndAreAppraisedApart() throws {
        // Given a risk sample of 2 per stratum
        let workspace = try Self.workspace()
        let october = Month("2026-10")!
        let flagged = try EditChecks(database: workspace.database).flaggedEncounters(in: october)
        #expect(flagged == ["E01", "E02", "E03"])
        let sample = try Analytics(database: workspace.database).drawSample(
            month: october, size: 2, per: .risk, seed: 7, spares: 0, createdAt: "2026-11-27T10:00:00Z",
            flagged: flagged)
        let drawn = sample.sample.encounters
        #expect(drawn.map(\.stratum) == ["flagged", "flagged", "unflagged", "unflagged"])
        #expect(drawn.map(\.stratumFrameSize) == [3, 3, 5, 5])
        #expect(drawn.prefix(2).allSatisfy { flagged.contains($0.externalID) })
        #expect(drawn.suffix(2).allSatisfy { !flagged.contains($0.externalID) })
        // and audited: the first flagged encounter's 99214 was a 99213 (overpaid 40.00), the rest agree
        let findings = drawn.enumerated().map { index, encounter in
            "\(encounter.externalID),R. Patel,2026-11-02,CPT,99214,\(index == 0 ? "99213" : "99214")"
        }
        try workspace.load(
            .audits, ["encounter_id,auditor,audit_date,code_type,submitted_code,audited_code"] + findings)
        // When it is appraised
        let result = try Analytics(database: workspace.database).appraise(
            sample: sample.id, confidencePercent: 90, gross: false)
        // Then the strata are appraised apart: flagged N 3, values 40.00 and 0; unflagged N 5, both 0
        #expect(result.strata.map(\.name) == ["flagged", "unflagged"])
        #expect(result.strata.map(\.frameSize) == [3, 5])
        #expect(result.strata.map(\.valuesCents) == [[4_000, 0], [0, 0]])
        // point estimate 3 × 20.00 + 5 × 0 = 60.00
        #expect(result.appraisal.pointEstimateCents == 6_000)
        // standard error √(3² × (1 − 2/3) × s²/2) with s² = 2 × 20.00² = 8,000,000 cents²: √12,000,000
        #expect(abs(result.appraisal.standardErrorCents - 3_464.1016) < 0.001)
    }
}
