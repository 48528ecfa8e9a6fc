import Ingest
import TestSupport
import Testing

@testable import Analytics

/// SPEC 5.4: allowed against the fee schedule, per payer and code, from a
/// hand-made month whose every figure is worked out below.
@Suite struct ReimbursementVarianceTests {
    static let october = Month(year: 2026, month: 10)

    /// Rates (SPEC 3.3), in cents per unit:
    /// - 99213: `*` 9000; Medicare its own, 8500 to 2026-10-14 and 8800 from 2026-10-15.
    /// - 20610: Medicare 7000 blank and 8000 RT; `*` 7500 blank and 9900 RT.
    /// - J1030: `*` 1250. 99499: no rate anywhere.
    static let fees = [
        "payer,procedure_code,modifier,amount,effective_from,effective_to",
        "*,99213,,90.00,,",
        "Medicare,99213,,85.00,,2026-10-14",
        "Medicare,99213,,88.00,2026-10-15,",
        "Medicare,20610,,70.00,,",
        "Medicare,20610,RT,80.00,,",
        "*,20610,,75.00,,",
        "*,20610,RT,99.00,,",
        "*,J1030,,12.50,,",
    ]

    /// Each line's rate, expected (rate × units) and shortfall (expected − allowed) at the end of its row.
    static let encounters = [
        "encounter_id,service_date,patient_id,provider,payer,procedure_code,modifiers,units,diagnosis_codes,"
            + "charge,allowed,paid",
        // Medicare
        // M1: last day of the old rate: 8500; expected 8500; shortfall 0
        "E1,2026-10-14,P1,Dr Lee,Medicare,99213,,1,I10,150.00,85.00,68.00",
        // M2: first day of the new rate: 8800; expected 8800; shortfall 200 (underpaid: 8600 < 8700)
        "E2,2026-10-15,P2,Dr Lee,Medicare,99213,,1,I10,150.00,86.00,68.80",
        // M3: modifiers 59 RT, the second matches: 8000; expected 8000; shortfall 100 (7900 is not < 7900)
        "E2,2026-10-15,P2,Dr Lee,Medicare,20610,59 RT,1,I10,200.00,79.00,63.20",
        // M4: LT has no rate of its own, Medicare's blank beats `*`'s: 7000; shortfall −250 (overpaid: 7250 > 7100)
        "E3,2026-10-08,P3,Dr Lee,Medicare,20610,LT,1,E11.9,200.00,72.50,58.00",
        // M5: no rate
        "E4,2026-10-22,P4,Dr Lee,Medicare,99499,,1,I10,120.00,60.00,48.00",
        // M6: pending (blank allowed and paid), rate 8800
        "E4,2026-10-22,P4,Dr Lee,Medicare,99213,,1,I10,150.00,,",
        // M7: Medicare RT beats `*` RT: 8000 × 2 units = 16000; shortfall 50
        "E5,2026-10-31,P5,Dr Lee,Medicare,20610,RT,2,E11.9,400.00,159.50,127.60",
        // Outside October: the day before and the day after
        "E6,2026-09-30,P6,Dr Lee,Medicare,99213,,1,I10,150.00,10.00,10.00",
        "E7,2026-11-01,P7,Dr Lee,Medicare,99213,,1,I10,150.00,10.00,10.00",
        // Aetna, no rate of its own
        // A1: `*` 9000; shortfall 1000 (underpaid: 8000 < 8900)
        "E10,2026-10-03,P10,Dr Kim,Aetna,99213,,1,I10,150.00,80.00,80.00",
        // A2: `*` 1250 × 2 units = 2500; shortfall −500 (overpaid: 3000 > 2600)
        "E10,2026-10-03,P10,Dr Kim,Aetna,J1030,,2,I10,60.00,30.00,24.00",
        // A3: `*` RT beats `*` blank: 9900; shortfall 0; blank paid counts as 0
        "E11,2026-10-09,P11,Dr Kim,Aetna,20610,RT,1,I10,200.00,99.00,",
        // A4: no rate and pending, no charge
        "E11,2026-10-09,P11,Dr Kim,Aetna,99499,,1,I10,,,",
        // A5: `*` 9000; no charge; shortfall 50 (8950 is not < 8900)
        "E12,2026-10-28,P12,Dr Kim,Aetna,99213,,1,I10,,89.50,71.60",
        // Cigna: every line pending
        // C1: rate `*` 9000
        "E20,2026-10-12,P20,Dr Kim,Cigna,99213,,1,I10,150.00,,",
        // C2: rate `*` 7500 × 2, no charge
        "E20,2026-10-12,P20,Dr Kim,Cigna,20610,,2,I10,,,",
    ]

    static func workspace() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        try workspace.load(.fees, fees)
        try workspace.load(.encounters, encounters)
        return workspace
    }

    /// A row of the month; the variance rate is written out by hand, never derived.
    static func row(
        _ payer: String, _ code: String, lines: Int, units: Int, charge: Int64?, expected: Int64?, allowed: Int64?,
        paid: Int64?, variance: Int64?, rate: Ratio?, underpaid: Int, underpaidAmount: Int64?, overpaid: Int,
        noRate: Int, pending: Int
    ) -> ReimbursementVarianceRow {
        ReimbursementVarianceRow(
            month: october, payer: payer, procedureCode: code, lines: lines, units: units, chargeCents: charge,
            expectedCents: expected, allowedCents: allowed, paidCents: paid, varianceCents: variance,
            varianceRate: rate, underpaidLines: underpaid, underpaidCents: underpaidAmount, overpaidLines: overpaid,
            noRateLines: noRate, pendingLines: pending)
    }

    @Test func everyRowOfTheMonth() throws {
        // Given the fixture's fee schedule and encounters
        let workspace = try Self.workspace()
        // When October's variance is computed with the default tolerance of 100 cents
        let rows = try workspace.analytics.reimbursementVariance(for: Self.october)
        // Then payers come in order, codes in order within each, ALL last
        #expect(
            rows.map { "\($0.payer) \($0.procedureCode)" } == [
                "Aetna 20610", "Aetna 99213", "Aetna 99499", "Aetna J1030", "Aetna ALL",
                "Cigna 20610", "Cigna 99213", "Cigna ALL",
                "Medicare 20610", "Medicare 99213", "Medicare 99499", "Medicare ALL",
            ])
        // And every figure is the one worked out by hand
        #expect(
            rows == [
                // A3: expected 9900, allowed 9900, paid blank = 0, variance 0 → rate 0/9900
                Self.row(
                    "Aetna", "20610", lines: 1, units: 1, charge: 20000, expected: 9900, allowed: 9900, paid: 0,
                    variance: 0, rate: Ratio(0, 9900), underpaid: 0, underpaidAmount: 0, overpaid: 0, noRate: 0,
                    pending: 0),
                // A1 + A5: charge 15000 (A5 has none); expected 9000 + 9000 = 18000; allowed 8000 + 8950 = 16950;
                // paid 8000 + 7160 = 15160; variance −1050; underpaid A1 only, 1000
                Self.row(
                    "Aetna", "99213", lines: 2, units: 2, charge: 15000, expected: 18000, allowed: 16950,
                    paid: 15160, variance: -1050, rate: Ratio(-1050, 18000), underpaid: 1, underpaidAmount: 1000,
                    overpaid: 0, noRate: 0, pending: 0),
                // A4: no charge, not comparable: no money figures, underpaid amount blank
                Self.row(
                    "Aetna", "99499", lines: 1, units: 1, charge: nil, expected: nil, allowed: nil, paid: nil,
                    variance: nil, rate: nil, underpaid: 0, underpaidAmount: nil, overpaid: 0, noRate: 1,
                    pending: 1),
                // A2: expected 2500, allowed 3000, paid 2400, variance 500 → 500/2500; overpaid
                Self.row(
                    "Aetna", "J1030", lines: 1, units: 2, charge: 6000, expected: 2500, allowed: 3000, paid: 2400,
                    variance: 500, rate: Ratio(500, 2500), underpaid: 0, underpaidAmount: 0, overpaid: 1,
                    noRate: 0, pending: 0),
                // Aetna: units 1 + 2 + 1 + 2 = 6; charge 20000 + 15000 + 6000 = 41000;
                // expected 9900 + 18000 + 2500 = 30400; allowed 9900 + 16950 + 3000 = 29850;
                // paid 0 + 15160 + 2400 = 17560; variance −550
                Self.row(
                    "Aetna", "ALL", lines: 5, units: 6, charge: 41000, expected: 30400, allowed: 29850,
                    paid: 17560, variance: -550, rate: Ratio(-550, 30400), underpaid: 1, underpaidAmount: 1000,
                    overpaid: 1, noRate: 1, pending: 1),
                // C2: pending, no charge
                Self.row(
                    "Cigna", "20610", lines: 1, units: 2, charge: nil, expected: nil, allowed: nil, paid: nil,
                    variance: nil, rate: nil, underpaid: 0, underpaidAmount: nil, overpaid: 0, noRate: 0,
                    pending: 1),
                // C1: pending
                Self.row(
                    "Cigna", "99213", lines: 1, units: 1, charge: 15000, expected: nil, allowed: nil, paid: nil,
                    variance: nil, rate: nil, underpaid: 0, underpaidAmount: nil, overpaid: 0, noRate: 0,
                    pending: 1),
                // Cigna: units 2 + 1 = 3; charge 15000
                Self.row(
                    "Cigna", "ALL", lines: 2, units: 3, charge: 15000, expected: nil, allowed: nil, paid: nil,
                    variance: nil, rate: nil, underpaid: 0, underpaidAmount: nil, overpaid: 0, noRate: 0,
                    pending: 2),
                // M3 + M4 + M7: units 1 + 1 + 2 = 4; charge 20000 + 20000 + 40000 = 80000;
                // expected 8000 + 7000 + 16000 = 31000; allowed 7900 + 7250 + 15950 = 31100;
                // paid 6320 + 5800 + 12760 = 24880; variance 100; none underpaid, M4 overpaid
                Self.row(
                    "Medicare", "20610", lines: 3, units: 4, charge: 80000, expected: 31000, allowed: 31100,
                    paid: 24880, variance: 100, rate: Ratio(100, 31000), underpaid: 0, underpaidAmount: 0,
                    overpaid: 1, noRate: 0, pending: 0),
                // M1 + M2 + M6 (pending): charge 3 × 15000 = 45000; expected 8500 + 8800 = 17300;
                // allowed 8500 + 8600 = 17100; paid 6800 + 6880 = 13680; variance −200; M2 underpaid by 200
                Self.row(
                    "Medicare", "99213", lines: 3, units: 3, charge: 45000, expected: 17300, allowed: 17100,
                    paid: 13680, variance: -200, rate: Ratio(-200, 17300), underpaid: 1, underpaidAmount: 200,
                    overpaid: 0, noRate: 0, pending: 1),
                // M5: no rate, so not comparable even with an allowed amount
                Self.row(
                    "Medicare", "99499", lines: 1, units: 1, charge: 12000, expected: nil, allowed: nil, paid: nil,
                    variance: nil, rate: nil, underpaid: 0, underpaidAmount: nil, overpaid: 0, noRate: 1,
                    pending: 0),
                // Medicare: units 4 + 3 + 1 = 8; charge 80000 + 45000 + 12000 = 137000;
                // expected 31000 + 17300 = 48300; allowed 31100 + 17100 = 48200; paid 24880 + 13680 = 38560;
                // variance −100
                Self.row(
                    "Medicare", "ALL", lines: 7, units: 8, charge: 137000, expected: 48300, allowed: 48200,
                    paid: 38560, variance: -100, rate: Ratio(-100, 48300), underpaid: 1, underpaidAmount: 200,
                    overpaid: 1, noRate: 1, pending: 1),
            ])
    }

    /// Shortfalls (expected − allowed) of the comparable lines: Medicare M1 0, M2 200, M3 100, M4 −250, M7 50;
    /// Aetna A1 1000, A2 −500, A3 0, A5 50. Underpaid when shortfall > tolerance, overpaid when −shortfall > tolerance.
    @Test(arguments: [
        // 0: Medicare M2, M3, M7 (200 + 100 + 50 = 350), M4 over; Aetna A1, A5 (1000 + 50 = 1050), A2 over
        (Int64(0), 3, Int64(350), 1, 2, Int64(1050), 1),
        // 100: Medicare M2 (M3 is at the edge); Aetna A1
        (100, 1, 200, 1, 1, 1000, 1),
        // 500: Medicare none (amount 0, not blank), M4's 250 within; Aetna A1, A2's 500 exactly at the edge
        (500, 0, 0, 0, 1, 1000, 0),
        // 1000: A1's 1000 exactly at the edge
        (1000, 0, 0, 0, 0, 0, 0),
    ])
    func toleranceDecidesUnderAndOverpaid(
        tolerance: Int64, medicareUnder: Int, medicareUnderAmount: Int64, medicareOver: Int, aetnaUnder: Int,
        aetnaUnderAmount: Int64, aetnaOver: Int
    ) throws {
        // Given the fixture
        let workspace = try Self.workspace()
        // When October's variance is computed with the tolerance
        let rows = try workspace.analytics.reimbursementVariance(for: Self.october, toleranceCents: tolerance)
        // Then the payers' totals count and sum the lines strictly beyond it
        let totals = Dictionary(uniqueKeysWithValues: rows.filter { $0.procedureCode == "ALL" }.map { ($0.payer, $0) })
        #expect(totals["Medicare"]?.underpaidLines == medicareUnder)
        #expect(totals["Medicare"]?.underpaidCents == medicareUnderAmount)
        #expect(totals["Medicare"]?.overpaidLines == medicareOver)
        #expect(totals["Aetna"]?.underpaidLines == aetnaUnder)
        #expect(totals["Aetna"]?.underpaidCents == aetnaUnderAmount)
        #expect(totals["Aetna"]?.overpaidLines == aetnaOver)
        // And an all-pending payer has nothing to judge at any tolerance
        #expect(totals["Cigna"]?.underpaidLines == 0)
        #expect(totals["Cigna"]?.underpaidCents == nil)
        // And the tolerance changes no sum
        #expect(totals["Medicare"]?.varianceCents == -100)
        #expect(totals["Aetna"]?.varianceCents == -550)
    }

    /// SPEC 3.3's order: the payer's rate for the first matching modifier in the line's order, then the
    /// payer's blank-modifier rate, then `*` with a modifier, then `*` blank.
    @Test(arguments: [
        // 50 is listed first: Medicare 50, 6000
        (1, "50 RT", Int64(6000)),
        // 59 has no rate, RT is listed before 50: Medicare RT, 8000
        (2, "59 RT 50", 8000),
        // Medicare has no LT rate: its blank rate (7000) comes before `*` LT (9500)
        (3, "LT", 7000),
        // Aetna has no rate of its own: `*` LT (9500) before `*` blank (7500)
        (4, "LT", 9500),
        // RT is the fourth modifier: still before Medicare's blank rate, 8000
        (5, "59 76 77 RT", 8000),
    ])
    func theRateFollowsTheLookUpOrder(month: Int, modifiers: String, rate: Int64) throws {
        // Given rates for 20610 and one line a month, each month testing one step of the look-up
        let workspace = try TestWorkspace()
        try workspace.load(
            .fees,
            [
                "payer,procedure_code,modifier,amount,effective_from,effective_to",
                "Medicare,20610,,70.00,,", "Medicare,20610,50,60.00,,", "Medicare,20610,RT,80.00,,",
                "*,20610,,75.00,,", "*,20610,LT,95.00,,",
            ])
        let payer = month == 4 ? "Aetna" : "Medicare"
        try workspace.load(
            .encounters,
            [
                "encounter_id,service_date,patient_id,provider,payer,procedure_code,modifiers,units,diagnosis_codes,"
                    + "charge,allowed,paid",
                "E\(month),2026-0\(month)-10,P1,Dr Lee,\(payer),20610,\(modifiers),1,I10,,1.00,1.00",
            ])
        // When the month is computed
        let rows = try workspace.analytics.reimbursementVariance(for: Month(year: 2026, month: month))
        // Then the line's expected amount is that rate × 1 unit
        #expect(rows.map(\.procedureCode) == ["20610", "ALL"])
        #expect(rows.map(\.expectedCents) == [rate, rate])
    }

    @Test func aMonthIsTheMonthOfTheServiceDate() throws {
        // Given the fixture, with one Medicare line on 2026-09-30 and one on 2026-11-01
        let workspace = try Self.workspace()
        // When September is computed
        let rows = try workspace.analytics.reimbursementVariance(for: Month(year: 2026, month: 9))
        // Then only the 2026-09-30 line counts: rate 8500 (the old one, open at the start), allowed 1000,
        // shortfall 7500 → underpaid
        let september = Month(year: 2026, month: 9)
        let line = ReimbursementVarianceRow(
            month: september, payer: "Medicare", procedureCode: "99213", lines: 1, units: 1, chargeCents: 15000,
            expectedCents: 8500, allowedCents: 1000, paidCents: 1000, varianceCents: -7500,
            varianceRate: Ratio(-7500, 8500), underpaidLines: 1, underpaidCents: 7500, overpaidLines: 0,
            noRateLines: 0, pendingLines: 0)
        var total = line
        total.procedureCode = "ALL"
        #expect(rows == [line, total])
    }

    @Test func aMonthWithoutLinesHasNoRows() throws {
        // Given the fixture, and an empty store
        let workspace = try Self.workspace()
        let empty = try TestWorkspace()
        // When a month without service dates is computed
        // Then there are no rows
        #expect(try workspace.analytics.reimbursementVariance(for: Month(year: 2026, month: 8)) == [])
        #expect(try empty.analytics.reimbursementVariance(for: Self.october) == [])
    }
}
