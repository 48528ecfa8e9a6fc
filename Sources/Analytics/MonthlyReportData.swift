/// Everything the monthly report shows, computed from the store: the month's
/// export rows, the twelve-month trend and the files the month came from.
public struct MonthlyReportData: Sendable {
    public var month: Month
    public var errorRates: [ErrorRateRow]
    public var findings: [FindingRow]
    public var productivity: [CoderProductivityRow]
    public var variance: [ReimbursementVarianceRow]
    public var emDistribution: [EMDistributionRow]
    /// Twelve months ending with `month`, oldest first.
    public var trend: [PracticeSummary]
    public var files: [ImportedFileQuality]
    /// The reimbursement tolerance per line the variance rows were computed with.
    public var toleranceCents: Int64
    /// What the 835 remittances say of the month's lines (SPEC 9.1, 9.2).
    public var payments: [PaymentRow]
    public var denials: [DenialRow]

    public init(
        month: Month, errorRates: [ErrorRateRow], findings: [FindingRow], productivity: [CoderProductivityRow],
        variance: [ReimbursementVarianceRow], emDistribution: [EMDistributionRow], trend: [PracticeSummary],
        files: [ImportedFileQuality], toleranceCents: Int64, payments: [PaymentRow] = [], denials: [DenialRow] = []
    ) {
        self.month = month
        self.errorRates = errorRates
        self.findings = findings
        self.productivity = productivity
        self.variance = variance
        self.emDistribution = emDistribution
        self.trend = trend
        self.files = files
        self.toleranceCents = toleranceCents
        self.payments = payments
        self.denials = denials
    }

    /// The report month's summary (the last point of the trend).
    public var summary: PracticeSummary {
        trend.last
            ?? PracticeSummary(month: month, errorRates: errorRates, productivity: productivity, variance: variance)
    }

    /// The previous month's summary, when the trend has one.
    public var previousSummary: PracticeSummary? {
        trend.count >= 2 ? trend[trend.count - 2] : nil
    }
}

extension Analytics {
    /// The data of the monthly report for `month`.
    ///
    /// - parameter progress: Told what is being computed, for a progress line.
    /// - throws: A database error when the store cannot be read.
    public func monthlyReportData(
        for month: Month, toleranceCents: Int64 = 100, progress: (String) -> Void = { _ in }
    ) throws -> MonthlyReportData {
        progress("\(month)")
        let errorRates = try errorRates(for: month)
        let productivity = try coderProductivity(for: month)
        // One reconciliation of the month's remittances feeds the variance, payments and denials.
        let (variance, payments) = try database.read { db in
            let reconciliation = try Reconciliation(db, month: month)
            return (
                try Self.reimbursementVariance(
                    db, month: month, toleranceCents: toleranceCents, remitted: reconciliation.lines),
                try PaymentFigures(db, month: month, reconciliation: reconciliation)
            )
        }
        progress("trend of the eleven months before \(month)")
        var trend = try practiceTrend(endingWith: month.previous, count: 11, toleranceCents: toleranceCents)
        trend.append(
            PracticeSummary(month: month, errorRates: errorRates, productivity: productivity, variance: variance))
        return MonthlyReportData(
            month: month, errorRates: errorRates, findings: try findings(for: month), productivity: productivity,
            variance: variance, emDistribution: try emDistribution(for: month), trend: trend,
            files: try importedFiles(for: month), toleranceCents: toleranceCents, payments: payments.paymentRows(),
            denials: payments.denialRows())
    }
}
