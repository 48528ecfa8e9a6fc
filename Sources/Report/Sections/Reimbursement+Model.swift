import Analytics

/// Reimbursement variance (SPEC 5.4): each payer against its contract, and the most underpaid payer–code pairs.
struct ReimbursementView {
    struct PayerRow {
        var payer: String
        var lines: String
        var expected: String
        var allowed: String
        var paid: String
        var variance: String
        var varianceRate: String
        var underpaidLines: String
        var underpaid: String
        var overpaidLines: String
    }

    struct PairRow {
        var payer: String
        var code: String
        var lines: String
        var underpaidLines: String
        var underpaid: String
        var expected: String
        var allowed: String
        var varianceRate: String
    }

    var hasData: Bool
    var hasComparable: Bool
    var chart: String
    var payers: [PayerRow]
    var pairs: [PairRow]
    var hasPairs: Bool
    var tolerance: String

    /// How many payer–code pairs the report lists.
    static let pairCount = 10

    init(_ data: MonthlyReportData) {
        let totals = data.variance.filter { $0.procedureCode == "ALL" }
        hasData = !totals.isEmpty
        hasComparable = totals.contains { $0.varianceCents != nil }
        tolerance = ReportFormat.money(data.toleranceCents)
        chart = VarianceChart.svg(
            id: "variance-payer", title: "Allowed minus expected, by payer",
            bars: totals.compactMap { row in
                row.varianceCents.map { cents in
                    VarianceChart.Bar(
                        label: row.payer, cents: cents,
                        text: "\(ReportFormat.money(cents)) (\(ReportFormat.percent(row.varianceRate)))")
                }
            })
        payers = totals.map { row in
            PayerRow(
                payer: row.payer, lines: ReportFormat.count(row.lines), expected: ReportFormat.money(row.expectedCents),
                allowed: ReportFormat.money(row.allowedCents), paid: ReportFormat.money(row.paidCents),
                variance: ReportFormat.money(row.varianceCents), varianceRate: ReportFormat.percent(row.varianceRate),
                underpaidLines: ReportFormat.count(row.underpaidLines),
                underpaid: ReportFormat.money(row.underpaidCents),
                overpaidLines: ReportFormat.count(row.overpaidLines))
        }
        pairs = Self.mostUnderpaid(data.variance).map { row in
            PairRow(
                payer: row.payer, code: row.procedureCode, lines: ReportFormat.count(row.lines),
                underpaidLines: ReportFormat.count(row.underpaidLines),
                underpaid: ReportFormat.money(row.underpaidCents),
                expected: ReportFormat.money(row.expectedCents), allowed: ReportFormat.money(row.allowedCents),
                varianceRate: ReportFormat.percent(row.varianceRate))
        }
        hasPairs = !pairs.isEmpty
    }

    /// The payer–code pairs with an underpaid amount, largest first (then payer, then code).
    static func mostUnderpaid(_ rows: [ReimbursementVarianceRow]) -> [ReimbursementVarianceRow] {
        Array(
            rows.filter { $0.procedureCode != "ALL" && ($0.underpaidCents ?? 0) > 0 }
                .sorted {
                    ($0.underpaidCents!, $1.payer, $1.procedureCode) > ($1.underpaidCents!, $0.payer, $0.procedureCode)
                }
                .prefix(pairCount))
    }
}
