import GRDB

/// Everything the monthly report shows, computed from the store: the month's
/// export rows, the twelve-month trend and the files the month came from.
public struct MonthlyReportData: Sendable, Equatable {
    public var month: Month
    public var errorRates: [ErrorRateRow]
    public var findings: [FindingRow]
    public var productivity: [CoderProductivityRow]
    public var variance: [ReimbursementVarianceRow]
    public var emDistribution: [EMDistributionRow]
    /// The months of the twelve ending with `month` that hold data (see
    /// `Analytics.practiceTrend(endingWith:count:toleranceCents:)`), oldest first.
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

    /// The report month's summary, from its exports (the trend's last point when the month holds data).
    public var summary: PracticeSummary {
        PracticeSummary(month: month, errorRates: errorRates, productivity: productivity, variance: variance)
    }

    /// The previous month's summary, when that month holds data.
    public var previousSummary: PracticeSummary? {
        trend.last { $0.month == month.previous }
    }
}

extension Analytics {
    /// The data of the monthly report for `month`, read in one transaction.
    ///
    /// - parameter progress: Told what is being computed, for a progress line.
    /// - throws: A database error when the store cannot be read.
    public func monthlyReportData(
        for month: Month, toleranceCents: Int64 = 100, progress: (String) -> Void = { _ in }
    ) throws -> MonthlyReportData {
        try database.read { db in
            try Self.monthlyReportData(db, month: month, toleranceCents: toleranceCents, progress: progress)
        }
    }

    /// The data of the monthly report for `month` from an open read, so that a
    /// caller can read it and other figures (the edits) from one snapshot.
    ///
    /// - parameter progress: Told what is being computed, for a progress line.
    /// - throws: A database error when the store cannot be read.
    public static func monthlyReportData(
        _ db: Database, month: Month, toleranceCents: Int64 = 100, progress: (String) -> Void = { _ in }
    ) throws -> MonthlyReportData {
        progress("\(month) error rates")
        let errorRates = try errorRates(db, month: month)
        let findings = try findings(db, month: month)
        progress("\(month) coder productivity")
        let productivity = try coderProductivity(db, month: month)
        progress("\(month) reimbursement and payments")
        // One reconciliation of the month's remittances feeds the variance, payments and denials.
        let reconciliation = try Reconciliation(db, month: month)
        let variance = try reimbursementVariance(
            db, month: month, toleranceCents: toleranceCents, remitted: reconciliation.lines)
        let payments = try PaymentFigures(db, month: month, reconciliation: reconciliation)
        progress("\(month) E/M levels and files")
        let emDistribution = try emDistribution(db, month: month)
        let files = try importedFiles(db, month: month)
        progress("trend of the eleven months before \(month)")
        var trend = try practiceTrend(
            db, months: month.advanced(by: -11)...month.previous, toleranceCents: toleranceCents)
        if !variance.isEmpty || !productivity.isEmpty {
            trend.append(
                PracticeSummary(month: month, errorRates: errorRates, productivity: productivity, variance: variance))
        }
        return MonthlyReportData(
            month: month, errorRates: errorRates, findings: findings, productivity: productivity, variance: variance,
            emDistribution: emDistribution, trend: trend, files: files, toleranceCents: toleranceCents,
            payments: payments.paymentRows(), denials: payments.denialRows())
    }
}
