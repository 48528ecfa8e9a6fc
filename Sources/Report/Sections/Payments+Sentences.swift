import Analytics

/// The section's sentences: the month in one line, and each payer's allowed against expected.
extension PaymentsView {
    /// "Medicare allowed $50,900.00 against $51,000.00 expected (−0.2%)." for each
    /// payer with remitted lines and lines that have both a contract rate and an allowed amount.
    static func expectedSentences(variance: [ReimbursementVarianceRow], remitted: [PaymentRow]) -> [String] {
        remitted.compactMap { payment in
            guard
                let row = variance.first(where: { $0.payer == payment.payer && $0.procedureCode == "ALL" }),
                let expected = row.expectedCents, let allowed = row.allowedCents
            else { return nil }
            let rate = ReportFormat.percent(row.varianceRate)
            let signed = (row.varianceCents ?? 0) > 0 ? "+" + rate : rate
            return "\(payment.payer) allowed \(ReportFormat.money(allowed)) against \(ReportFormat.money(expected)) "
                + "expected (\(signed))."
        }
    }

    /// The sentence at the top of the section: how much was remitted and denied,
    /// the reason behind the most denied lines, and how long payers took.
    static func summary(all: PaymentRow?, denials: [DenialRow]) -> String {
        guard let all, all.remittedLines > 0 else {
            let unmatched = all?.unmatchedClaims ?? 0
            let verb = unmatched == 1 ? "matches" : "match"
            return "No line of this month's encounters has a remittance yet; \(claims(unmatched)) in the payers' 835 "
                + "files \(verb) no encounter (see unmatched remittances under data quality)."
        }
        var text =
            "Of the month's \(ReportFormat.count(all.lines)) service lines, \(ReportFormat.count(all.remittedLines)) "
            + "\(all.remittedLines == 1 ? "has" : "have") a remittance; "
        if all.deniedLines == 0 {
            text += "payers denied none of them."
        } else {
            text +=
                "payers denied \(ReportFormat.count(all.deniedLines)) of them (\(ReportFormat.percent(all.denialRate))), "
                + "\(ReportFormat.money(all.deniedChargeCents)) of charges"
            // The most lines; on a tie the first in denials.csv's order (by payer, then denied charge).
            var top: DenialRow?
            for denial in denials where top == nil || denial.deniedLines > top!.deniedLines { top = denial }
            if let top { text += "; the most common reason was \(top.reason) at \(top.payer)" }
            text += "."
        }
        if let median = all.medianDaysToPayment, let p90 = all.p90DaysToPayment {
            text +=
                " Payers answered half of the remitted lines within \(days(median)) of the date of service, and nine "
                + "in ten within \(days(Ratio(p90, 1)!))."
        }
        return text
    }

    /// `18 days`, `16.5 days`, `1 day`.
    static func days(_ value: Ratio) -> String {
        let text = ReportFormat.number(value, decimals: value.numerator % value.denominator == 0 ? 0 : 1)
        return text + (text == "1" ? " day" : " days")
    }

    private static func claims(_ count: Int) -> String {
        count == 1 ? "1 claim" : "\(ReportFormat.count(count)) claims"
    }
}
