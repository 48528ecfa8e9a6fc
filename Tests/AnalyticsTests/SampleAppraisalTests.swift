import Foundation
import Store
import TestSupport
import Testing

@testable import Analytics

/// SPEC 6: `Analytics.appraise(sample:)` — the strata, the refusals, the values.
@Suite struct SampleAppraisalTests {
    /// Eight October encounters of two coders, each one 99213 line; a fee of 100.00.
    static func workspace() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        let header = "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,units,diagnosis_codes"
        let lines = (1...8).map { i in
            String(format: "E%02d,2026-10-%02d,P%03d,Dr Adams,%@,Aetna,99213,1,I10", i, i, i, i <= 4 ? "alice" : "bob")
        }
        try workspace.load(.encounters, [header] + lines)
        try workspace.load(.fees, ["payer,procedure_code,amount", "Aetna,99213,100.00", "Aetna,99214,140.00"])
        return workspace
    }

    @Test func sampleWithUnauditedEncountersIsRefusedNamingThem() throws {
        // Given a sample of 2 per coder, none audited
        let workspace = try Self.workspace()
        let sample = try workspace.analytics.drawSample(
            month: Month("2026-10")!, size: 2, per: .coder, seed: 5, spares: 0, createdAt: "2026-11-27T10:00:00Z")
        // When it is appraised
        // Then it is refused, naming the four unaudited encounters in the sample's order
        let ids = sample.sample.encounters.map(\.externalID)
        #expect(throws: AppraisalError.unaudited(encounterIDs: ids, sampleSize: 4)) {
            try workspace.analytics.appraise(sample: sample.id, confidencePercent: 90, gross: false)
        }
        #expect(throws: AppraisalError.noSample(id: 999, database: workspace.database.path!)) {
            try workspace.analytics.appraise(sample: 999, confidencePercent: 90, gross: false)
        }
    }

    @Test func auditedSampleIsAppraisedPerStratum() throws {
        // Given the sample audited: alice's first encounter upcoded 99213 → audited 99214 is undercoded (+40.00),
        // every other encounter agrees
        let workspace = try Self.workspace()
        let sample = try workspace.analytics.drawSample(
            month: Month("2026-10")!, size: 2, per: .coder, seed: 5, spares: 0, createdAt: "2026-11-27T10:00:00Z")
        let drawn = sample.sample.encounters
        let findings = drawn.enumerated().map { index, encounter in
            "\(encounter.externalID),R. Patel,2026-11-02,CPT,99213,\(index == 0 ? "99214" : "99213")"
        }
        try workspace.load(
            .audits, ["encounter_id,auditor,audit_date,code_type,submitted_code,audited_code"] + findings)
        // When it is appraised, net
        let result = try workspace.analytics.appraise(sample: sample.id, confidencePercent: 90, gross: false)
        // Then the strata are the coders, each with its frame of 4 and its two values in cents
        #expect(result.strata.map(\.name) == ["alice", "bob"])
        #expect(result.strata.map(\.frameSize) == [4, 4])
        #expect(result.strata.map(\.valuesCents) == [[-4_000, 0], [0, 0]])
        #expect(result.encounters.map(\.overpayment.externalID) == drawn.map(\.externalID))
        // and the point estimate is N_h × mean_h summed: 4 × −20.00 + 4 × 0
        #expect(result.appraisal.pointEstimateCents == -8_000)
        #expect(result.unpricedFindings.isEmpty)
    }
}
