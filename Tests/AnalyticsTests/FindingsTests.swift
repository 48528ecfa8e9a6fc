import Codes
import Testing

@testable import Analytics

/// SPEC 5.2: one row per finding that is not `agree`, over the fixture of `CodingAccuracyFixture`.
@Suite struct FindingsTests {
    /// An expected row of October; `units` and `price` as (submitted, audited) and (delta, rate missing).
    static func finding(
        _ encounter: String, _ serviceDate: String, _ provider: String, _ coder: String, _ payer: String,
        _ auditor: String, _ auditDate: String, _ codeType: String, _ outcome: String, _ submitted: String?,
        _ audited: String?, units: (Int?, Int?) = (nil, nil), category: String?, price: (Int64?, Bool?) = (nil, nil),
        comment: String? = nil
    ) -> FindingRow {
        FindingRow(
            month: CodingAccuracyFixture.october, encounterID: encounter, serviceDate: serviceDate,
            provider: provider, coder: coder, payer: payer, auditor: auditor, auditDate: auditDate,
            codeType: CodeType(rawValue: codeType)!, outcome: FindingOutcome(rawValue: outcome)!,
            submittedCode: submitted, auditedCode: audited,
            submittedUnits: units.0, auditedUnits: units.1, category: category, deltaCents: price.0,
            rateMissing: price.1, comment: comment)
    }

    static let october = [
        // delta = 13000 (Medicare 99214, `*`) − 8500 (Medicare 99213, its own rate) = +4500
        finding(
            "E02", "2026-10-02", "Dr Adams", "alice", "Medicare", "R. Patel", "2026-11-02", "CPT", "revised",
            "99213", "99214", units: (1, 1), category: "E/M level", price: (4500, false),
            comment: "MDM supports moderate"),
        // delta = 9156 (`*` 99213) − 14000 (Aetna 99214 through 10-15) = −4844
        finding(
            "E03", "2026-10-05", "Dr Baker", "bob", "Aetna", "S. Kim", "2026-11-03", "CPT", "revised", "99214",
            "99213", units: (1, 1), category: "E/M level", price: (-4844, false)),
        // ICD-10 codes printed with their dot; no units, delta or rate_missing
        finding(
            "E03", "2026-10-05", "Dr Baker", "bob", "Aetna", "S. Kim", "2026-11-03", "ICD10", "revised", "E11.9",
            "E11.65", category: "Specificity"),
        finding(
            "E03", "2026-10-05", "Dr Baker", "bob", "Aetna", "S. Kim", "2026-11-03", "MOD", "deleted", "25", nil,
            category: "Modifier", comment: "no separate E/M"),
        // delta = 2500·1 − 2500·2 = −2500
        finding(
            "E04", "2026-10-08", "Dr Baker", "bob", "Medicare", "S. Kim", "2026-11-03", "CPT", "revised", "96372",
            "96372", units: (2, 1), category: "Units", price: (-2500, false), comment: "one injection"),
        // 99215 has no rate: delta blank, rate missing
        finding(
            "E05", "2026-10-12", "Dr Cole", "chen", "Aetna", "R. Patel", "2026-11-04", "CPT", "revised", "99215",
            "99214", units: (1, 1), category: "E/M level", price: (nil, true)),
        // delta = 17500·1 − 0 (blank side) = +17500; units on the audited side only
        finding(
            "E06", "2026-10-15", "Dr Adams", "bob", "Aetna", "R. Patel", "2026-11-04", "HCPCS", "added", nil,
            "G0439", units: (nil, 1), category: "Missing code", price: (17500, false)),
        // delta = 15000 (Aetna 99214 from 10-16) − 9156 = +5844
        finding(
            "E07", "2026-10-16", "Dr Adams", "alice", "Aetna", "S. Kim", "2026-11-05", "CPT", "revised", "99213",
            "99214", units: (1, 1), category: "E/M level", price: (5844, false)),
        finding(
            "E07", "2026-10-16", "Dr Adams", "alice", "Aetna", "S. Kim", "2026-11-05", "ICD10", "added", nil,
            "E78.5", category: "Missing code"),
        // E08 before E09 on the same day, though E09 comes first in the audit file; delta = 0 − 1000·1 = −1000
        finding(
            "E08", "2026-10-20", "Dr Baker", "alice", "Medicare", "S. Kim", "2026-11-05", "CPT", "deleted", "36415",
            nil, units: (1, nil), category: "Unbundling", price: (-1000, false)),
        finding(
            "E09", "2026-10-20", "Dr Cole", "chen", "Medicare", "S. Kim", "2026-11-05", "MOD", "added", nil, "25",
            category: "Modifier"),
        // last by service date, though third in the audit file; delta = 1250·3 − 1250·1 = +2500
        finding(
            "E11", "2026-10-29", "Dr Adams", "chen", "Medicare", "R. Patel", "2026-11-04", "HCPCS", "revised",
            "J1030", "J1030", units: (1, 3), category: "Units", price: (2500, false)),
    ]

    @Test func everyFindingThatIsNotAgreeIsListedInOrder() throws {
        // Given the fixture: 26 October findings, 14 of them agree, and E00's finding in September
        let workspace = try CodingAccuracyFixture.workspace()
        // When the findings of October are listed
        let rows = try workspace.analytics.findings(for: CodingAccuracyFixture.october)
        // Then the 12 others appear by service date, encounter id and file line, with their hand-computed deltas
        #expect(rows.count == 12)
        for (row, expected) in zip(rows, Self.october) {
            #expect(row == expected, "\(expected.encounterID) \(expected.codeType)")
        }
        #expect(rows == Self.october)
    }

    @Test func aFindingWhoseRateIsMissingHasNoDelta() throws {
        // Given the fixture, where E05's submitted 99215 has no rate
        let workspace = try CodingAccuracyFixture.workspace()
        // When the findings of October are listed
        let rows = try workspace.analytics.findings(for: CodingAccuracyFixture.october)
        // Then only E05's row is marked, with a blank delta; every other procedure row has a delta
        #expect(rows.filter { $0.rateMissing == true }.map(\.encounterID) == ["E05"])
        #expect(rows.filter { $0.rateMissing == false }.allSatisfy { $0.deltaCents != nil })
    }

    @Test func diagnosisAndModifierRowsHaveNoUnitsOrMoney() throws {
        // Given the fixture
        let workspace = try CodingAccuracyFixture.workspace()
        // When the findings of October are listed
        let rows = try workspace.analytics.findings(for: CodingAccuracyFixture.october)
        // Then ICD10 and MOD rows carry no units, delta or rate_missing, and ICD-10 codes have their dot
        let other = rows.filter { $0.codeType == .icd10 || $0.codeType == .modifier }
        #expect(other.count == 4)
        #expect(
            other.allSatisfy {
                $0.submittedUnits == nil && $0.auditedUnits == nil && $0.deltaCents == nil && $0.rateMissing == nil
            })
        #expect(
            rows.filter { $0.codeType == .icd10 }.map { "\($0.submittedCode ?? "") \($0.auditedCode ?? "")" } == [
                "E11.9 E11.65", " E78.5",
            ])
    }

    @Test func otherMonthsListOnlyTheirOwnFindings() throws {
        // Given the fixture
        let workspace = try CodingAccuracyFixture.workspace()
        // When September and November are listed
        let september = try workspace.analytics.findings(for: Month("2026-09")!)
        let november = try workspace.analytics.findings(for: Month("2026-11")!)
        // Then September holds E00's revision (99215 has no rate) and November nothing
        #expect(
            september == [
                FindingRow(
                    month: Month("2026-09")!, encounterID: "E00", serviceDate: "2026-09-30", provider: "Dr Adams",
                    coder: "alice", payer: "Aetna", auditor: "R. Patel", auditDate: "2026-10-05", codeType: .cpt,
                    outcome: .revised, submittedCode: "99213", auditedCode: "99215", submittedUnits: 1,
                    auditedUnits: 1, category: "E/M level", deltaCents: nil, rateMissing: true, comment: nil)
            ])
        #expect(november == [])
    }
}
