import Analytics

/// October's remittances in the fixture: Medicare and Northwind Health remitted
/// with denials, a payer with no remittance yet, and an 835 payer name whose
/// claims match no encounter. The `ALL` row adds up the others.
extension ReportFixture {
    static func payments(_ names: Names) -> [PaymentRow] {
        [
            payment(
                names.payers[0], lines: 420, remitted: 400, charge: 10_200_000, allowed: 5_090_000, paid: 4_072_000,
                denied: 10, deniedCharge: 129_000, median: Ratio(14, 1), p90: 27),
            payment(
                names.payers[1], lines: 260, remitted: 240, charge: 5_800_000, allowed: 2_760_000, paid: 2_208_000,
                denied: 7, deniedCharge: 155_000, median: Ratio(43, 2), p90: 44),
            payment(
                names.unremittedPayer, lines: 35, remitted: 0, charge: 420_000, allowed: nil, paid: nil, denied: 0,
                deniedCharge: nil, median: nil, p90: nil),
            payment(
                names.remittancePayer, lines: 0, remitted: 0, charge: nil, allowed: nil, paid: nil, denied: 0,
                deniedCharge: nil, median: nil, p90: nil, unmatched: 2),
            payment(
                "ALL", lines: 715, remitted: 640, charge: 16_420_000, allowed: 7_850_000, paid: 6_280_000, denied: 17,
                deniedCharge: 284_000, median: Ratio(16, 1), p90: 38, unmatched: 2),
        ]
    }

    /// By payer, then denied charge, largest first, as `denials.csv` orders them;
    /// Medicare has four reasons (the report shows three), Northwind one outside the report's short list.
    static func denials(_ names: Names) -> [DenialRow] {
        [
            denial(names.payers[0], "CO-97", lines: 5, claims: 4, charge: 60_000, of: 10),
            denial(names.payers[0], "CO-16", lines: 3, claims: 3, charge: 45_000, of: 10),
            denial(names.payers[0], "OA-18", lines: 1, claims: 1, charge: 15_000, of: 10),
            denial(names.payers[0], "CO-50", lines: 1, claims: 1, charge: 9_000, of: 10),
            denial(names.payers[1], "CO-197", lines: 4, claims: 2, charge: 120_000, of: 7),
            denial(names.payers[1], "PI-204", lines: 2, claims: 2, charge: 30_000, of: 7),
            denial(names.payers[1], "CO-272", lines: 1, claims: 1, charge: 5_000, of: 7),
        ]
    }

    private static func payment(
        _ payer: String, lines: Int, remitted: Int, charge: Int64?, allowed: Int64?, paid: Int64?, denied: Int,
        deniedCharge: Int64?, median: Ratio?, p90: Int?, unmatched: Int = 0
    ) -> PaymentRow {
        PaymentRow(
            month: october, payer: payer, lines: lines, remittedLines: remitted, chargeCents: charge,
            allowedCents: allowed, paidCents: paid, patientResponsibilityCents: paid.map { $0 / 4 },
            deniedLines: denied, denialRate: Ratio(denied, remitted), deniedChargeCents: deniedCharge,
            medianDaysToPayment: median, p90DaysToPayment: p90, unmatchedClaims: unmatched)
    }

    private static func denial(
        _ payer: String, _ reason: String, lines: Int, claims: Int, charge: Int64, of payerDenied: Int
    ) -> DenialRow {
        DenialRow(
            month: october, payer: payer, reason: reason, deniedLines: lines, deniedClaims: claims,
            deniedChargeCents: charge, shareOfDenied: Ratio(lines, payerDenied))
    }
}
