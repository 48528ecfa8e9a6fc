import Analytics

/// Payments and denials (SPEC 9): what the payers' 835 remittances say of the
/// month's lines — how many were denied and why, how long payers took, and
/// what they allowed against the contract.
struct PaymentsView {
    struct PayerRow {
        var payer: String
        var lines: String
        var remitted: String
        var paid: String
        var deniedLines: String
        var denialRate: String
        var deniedCharge: String
        var medianDays: String
        var p90Days: String
        var noRemittance: Bool
    }

    /// True once any 835 told something of the month: a remitted line or a claim matching no encounter.
    var hasData: Bool
    var summary: String
    var denialChart: String
    var payers: [PayerRow]
    /// The `ALL` row, for the table's foot (none or one).
    var totals: [PayerRow]
    var reasons: [ReasonRow]
    var hasReasons: Bool
    var daysChart: String
    var hasDays: Bool
    /// One sentence per payer: allowed against expected at contract rates.
    var expected: [String]
    var hasExpected: Bool

    init(_ data: MonthlyReportData) {
        let all = data.payments.first { $0.payer == "ALL" }
        let payers = data.payments.filter { $0.payer != "ALL" && $0.lines > 0 }
        hasData = (all?.remittedLines ?? 0) > 0 || (all?.unmatchedClaims ?? 0) > 0
        summary = Self.summary(all: all, denials: data.denials)
        self.payers = payers.map(Self.row)
        totals =
            all.map { all in
                var total = Self.row(all)
                total.payer = "All payers"
                return [total]
            } ?? []
        denialChart = DenialRateChart.svg(
            id: "denial-rate", title: "Denied lines as a share of remitted lines, by payer",
            bars: payers.map { row in
                DenialRateChart.Bar(label: row.payer, rate: row.denialRate?.value, text: Self.rateText(row))
            })
        let timed = payers.filter { $0.medianDaysToPayment != nil && $0.p90DaysToPayment != nil }
        hasDays = !timed.isEmpty
        daysChart = PaymentDaysChart.svg(
            id: "payment-days", title: "Days from the date of service to the payer's answer, by payer",
            rows: timed.map { row in
                PaymentDaysChart.Row(
                    label: row.payer, median: row.medianDaysToPayment!.value, p90: Double(row.p90DaysToPayment!),
                    text: "median \(Self.days(row.medianDaysToPayment!)) · "
                        + "90th pct \(Self.days(Ratio(row.p90DaysToPayment!, 1)!))")
            })
        reasons = ReasonRow.topReasons(data.denials)
        hasReasons = !reasons.isEmpty
        expected = Self.expectedSentences(variance: data.variance, remitted: payers.filter { $0.remittedLines > 0 })
        hasExpected = !expected.isEmpty
    }

    /// `2.5% (10 of 400 lines)`, or `no remittance imported` when no line was remitted.
    static func rateText(_ row: PaymentRow) -> String {
        guard row.remittedLines > 0 else { return noRemittance }
        return "\(ReportFormat.percent(row.denialRate)) (\(ReportFormat.count(row.deniedLines)) of "
            + "\(ReportFormat.count(row.remittedLines)) lines)"
    }

    static let noRemittance = "no remittance imported"

    private static func row(_ row: PaymentRow) -> PayerRow {
        let remitted = row.remittedLines > 0
        return PayerRow(
            payer: row.payer, lines: ReportFormat.count(row.lines), remitted: ReportFormat.count(row.remittedLines),
            paid: ReportFormat.money(row.paidCents),
            deniedLines: remitted ? ReportFormat.count(row.deniedLines) : ReportFormat.dash,
            denialRate: remitted ? ReportFormat.percent(row.denialRate) : noRemittance,
            deniedCharge: ReportFormat.money(row.deniedChargeCents),
            medianDays: ReportFormat.number(row.medianDaysToPayment, decimals: 1),
            p90Days: row.p90DaysToPayment.map(ReportFormat.count) ?? ReportFormat.dash, noRemittance: !remitted)
    }
}
