import Ingest
import Store
import TestSupport
import Testing

@testable import Analytics

/// The twelve-month trend read in one pass per figure must give, month by
/// month, what the summary of that month's own exports gives.
@Suite struct PracticeTrendTests {
    static let october = Month(year: 2026, month: 10)

    /// June to October 2026 and one October 2025 encounter before the window:
    /// - June: J1 (alice, Aetna) two lines underpaid, J2 (bob, Medicare) a
    ///   modifier-25 rate within the tolerance, J3 serviced in June without a
    ///   rate or an allowed amount but coded on July 2nd — July's only data.
    /// - August: Aetna's 99214 rate goes from 130.00 to 140.00 on the 16th; A1
    ///   (before) is remitted 125.00 where its export says 100.00, A2 (after),
    ///   A3 (chen, minutes only, 2 units).
    /// - September: alice's hours and nothing else, so no data.
    /// - October: O1 remitted 70.00 where its export says 91.56, O2, and O3
    ///   coded in November.
    /// Audits in June, August and October; hours for alice; bob and chen have minutes.
    /// `afterEach` is called after each file is loaded, with its kind.
    static func workspace(
        afterEach: (TestWorkspace, ImportKind) throws -> Void = { _, _ in }
    ) throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        let encounter = "Dr A,alice,Aetna"
        try workspace.load(
            .encounters,
            [
                "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,modifiers,units,"
                    + "diagnosis_codes,charge,allowed,paid,coded_at,coding_minutes",
                "X1,2025-10-20,P0,\(encounter),99213,,1,I10,150.00,50.00,50.00,2025-10-21,",
                "J1,2026-06-03,P1,\(encounter),99213,,1,I10,150.00,80.00,80.00,2026-06-04,",
                "J1,2026-06-03,P1,\(encounter),36415,,1,I10,20.00,3.00,3.00,2026-06-04,",
                "J2,2026-06-10,P2,Dr B,bob,Medicare,99214,25,1,I10,220.00,125.00,100.00,2026-06-12,12",
                "J3,2026-06-28,P3,Dr B,bob,Medicare,99213,,1,I10,150.00,,,2026-07-02,8",
                "A1,2026-08-14,P4,\(encounter),99214,,1,I10,220.00,100.00,90.00,2026-08-14,",
                "A2,2026-08-20,P5,\(encounter),99214,,1,I10,220.00,100.00,100.00,2026-08-21,",
                "A3,2026-08-22,P6,Dr B,chen,Medicare,99215,,2,I10,600.00,300.00,300.00,2026-08-25,20",
                "O1,2026-10-02,P7,\(encounter),99213,,1,I10,150.00,91.56,91.56,2026-10-03,",
                "O2,2026-10-05,P8,Dr B,bob,Medicare,99214,,1,I10,220.00,100.00,100.00,2026-10-06,15",
                "O3,2026-10-30,P9,Dr B,bob,Medicare,99213,,1,I10,150.00,,,2026-11-02,10",
            ])
        try afterEach(workspace, .encounters)
        try workspace.load(
            .fees,
            [
                "payer,procedure_code,modifier,amount,effective_from,effective_to",
                "Aetna,99213,,91.56,2026-01-01,", "Aetna,99214,,130.00,2026-01-01,2026-08-15",
                "Aetna,99214,,140.00,2026-08-16,", "*,99214,,120.00,2026-01-01,",
                "Medicare,99214,25,128.00,2026-01-01,",
                "*,99215,,200.00,2026-01-01,", "*,36415,,10.00,2026-01-01,",
            ])
        try afterEach(workspace, .fees)
        try workspace.load(
            .audits,
            [
                "encounter_id,auditor,audit_date,submitted_code,audited_code",
                "J1,AUD,2026-07-01,99213,99213", "J1,AUD,2026-07-01,I10,I10", "J2,AUD,2026-07-01,99214,99213",
                "A1,AUD,2026-09-01,99214,99214", "A1,AUD,2026-09-01,,36415", "A3,AUD,2026-09-01,99215,99214",
                "O2,AUD,2026-11-01,99214,",
            ])
        try afterEach(workspace, .audits)
        try workspace.load(
            .hours,
            [
                "coder,work_date,hours", "alice,2026-06-03,2.0", "alice,2026-06-04,1.0", "alice,2026-08-14,1.5",
                "alice,2026-08-21,0.25", "alice,2026-09-02,4.0", "alice,2026-10-03,1.0",
            ])
        try afterEach(workspace, .hours)
        try workspace.load(
            .remittances,
            [
                Remittance835.file(
                    payer: "AETNA", payerID: "60054", trace: "A-1", paidOn: "20261020",
                    claims: [
                        [
                            "CLP*A1*1*220*90*35*12*AETA1", "SVC*HC:99214*220*90**1", "DTM*472*20260814",
                            "CAS*CO*45*95", "CAS*PR*1*35", "AMT*B6*125",
                        ],
                        [
                            "CLP*O1*1*150*70*0*12*AETO1", "SVC*HC:99213*150*70**1", "DTM*472*20261002",
                            "CAS*CO*45*80", "AMT*B6*70",
                        ],
                    ])
            ])
        try afterEach(workspace, .remittances)
        return workspace
    }

    /// The summary of each month of the twelve ending in October that has a row in an export.
    static func exportSummaries(_ analytics: Analytics, toleranceCents: Int64) throws -> [PracticeSummary] {
        try (october.advanced(by: -11)...october).months.compactMap { month in
            let productivity = try analytics.coderProductivity(for: month)
            let variance = try analytics.reimbursementVariance(for: month, toleranceCents: toleranceCents)
            guard !productivity.isEmpty || !variance.isEmpty else { return nil }
            return PracticeSummary(
                month: month, errorRates: try analytics.errorRates(for: month), productivity: productivity,
                variance: variance)
        }
    }

    @Test func eachMonthOfTheTrendIsTheSummaryOfItsExports() throws {
        // Given five months of encounters, audits, fees that change mid-August, hours and remittances
        let workspace = try Self.workspace()
        // When the trend is read over the twelve months ending in October, with a 5.00 tolerance
        let trend = try workspace.analytics.practiceTrend(endingWith: Self.october, count: 12, toleranceCents: 500)
        // Then each month equals the summary built from that month's exports, figure for figure
        #expect(trend == (try Self.exportSummaries(workspace.analytics, toleranceCents: 500)))
        // And the figures are the hand-worked ones: June J1's 11.56 + 7.00; August A2's 40.00 and A3's
        // 2 × 200.00 − 300.00 (A1 remitted 125.00 against 130.00 is within 5.00); October O1 remitted
        // 70.00 against 91.56 and O2 100.00 against 120.00
        #expect(trend.map(\.month.description) == ["2026-06", "2026-07", "2026-08", "2026-10"])
        #expect(trend.map(\.underpaidCents) == [1_856, nil, 14_000, 4_156])
        #expect(trend.map(\.encountersCoded) == [2, 1, 3, 2])
        // alice's 3 hours and bob's 12 minutes for 2 encounters; bob's 8 minutes for 1; alice's 1.75 hours and
        // chen's 20 minutes for 3; alice's hour and bob's 15 minutes for 2
        #expect(trend.map { $0.encountersPerHour?.formatted(decimals: 4) } == ["0.6250", "7.5000", "1.4400", "1.6000"])
        #expect(trend.map(\.encounterAccuracy) == [Ratio(1, 2), nil, Ratio(0, 2), Ratio(0, 1)])
        #expect(trend.map(\.codeAccuracy) == [Ratio(2, 3), nil, Ratio(1, 3), Ratio(0, 1)])
    }

    @Test func theTrendFollowsTheToleranceAsTheVarianceDoes() throws {
        // Given the same store
        let workspace = try Self.workspace()
        // When the trend is read with no tolerance at all
        let trend = try workspace.analytics.practiceTrend(endingWith: Self.october, count: 12, toleranceCents: 0)
        // Then A1's 5.00 and J2's 3.00 now count, and it still equals the exports read with no tolerance
        #expect(trend.map(\.underpaidCents) == [2_156, nil, 14_500, 4_156])
        #expect(trend == (try Self.exportSummaries(workspace.analytics, toleranceCents: 0)))
    }

    @Test func theReportsTrendIsTheEarlierMonthsAndTheMonthItself() throws {
        // Given the same store
        let workspace = try Self.workspace()
        // When October's report data is computed
        let data = try workspace.analytics.monthlyReportData(for: Self.october)
        // Then its trend is the months with data of the eleven before, then October's own summary
        #expect(data.trend == (try Self.exportSummaries(workspace.analytics, toleranceCents: 100)))
        #expect(data.trend.last == data.summary)
        // And the previous month is September, which has no data: no figure to compare with
        #expect(data.previousSummary == nil)
    }

    @Test func aMonthWithNoDataBetweenTwoWithDataIsLeftOut() throws {
        // Given the same store, whose September has hours only
        let workspace = try Self.workspace()
        // When November's report data is computed (O3 was coded in November)
        let data = try workspace.analytics.monthlyReportData(for: Self.october.next)
        // Then the trend has June, July, August, October and November, and October is the previous month
        #expect(data.trend.map(\.month.description) == ["2026-06", "2026-07", "2026-08", "2026-10", "2026-11"])
        #expect(data.previousSummary?.month == Self.october)
        #expect(data.summary.encountersCoded == 1 && data.summary.underpaidCents == nil)
    }
}
