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
        try monthlyReport(db, month: month, toleranceCents: toleranceCents, progress: progress).data
    }

    /// The data of the monthly report for `month` and the month's encounters as
    /// the edits read them, from one pass over each table.
    ///
    /// - throws: A database error when the store cannot be read.
    package static func monthlyReport(
        _ db: Database, month: Month, toleranceCents: Int64, progress: (String) -> Void
    ) throws -> (data: MonthlyReportData, detail: MonthDetail) {
        let window = month.advanced(by: -11)...month
        progress("\(month) and the eleven months before")
        // One pass over each table for the twelve months gives the month's error rates,
        // productivity, variance, payments and E/M levels, and the trend's figures.
        let period = try ServicePeriod(db, months: window, detailMonth: 11)
        let last = period.months.count - 1
        let reconciliation = try Reconciliation(db, months: window)
        var rates = RateCache(period.schedule)
        var trend = TrendTallies(months: Array(period.months.dropLast()), toleranceCents: toleranceCents)
        var productivity = ProductivityTally(period: period, monthIndex: last)
        var variance = VarianceFigures(toleranceCents: toleranceCents)
        var payments = PaymentTally()
        var visits = EMVisits()
        var detail = MonthDetailBuilder(period: period)
        progress("\(month) and the eleven months before: lines")
        try period.forEachLine(db) { encounter, line in
            productivity.addLine(of: encounter, modifiers: line.modifiers.count)
            detail.add(line, of: encounter)
            guard (0...last).contains(encounter.monthIndex) else { return }
            let remitted = reconciliation.lines.isEmpty ? nil : reconciliation.lines[line.id]
            let priced = PricedLine(line, of: encounter, in: period, remitted: remitted, rates: &rates)
            if encounter.monthIndex == last {
                variance.add(priced, payer: encounter.payer, code: line.code)
                payments.add(encounter: encounter, line: line, remitted: remitted)
                visits.add(provider: encounter.provider, code: line.code)
            } else {
                trend.add(priced, month: encounter.monthIndex)
            }
        }
        progress("\(month) and the eleven months before: findings and diagnoses")
        var accuracy = ErrorRateTallies()
        try period.forEachFinding(db) { encounter, finding in
            productivity.add(finding, of: encounter)
            guard (0...last).contains(encounter.monthIndex) else { return }
            let code = ReviewedCode(encounter, finding, in: period)
            if encounter.monthIndex == last { accuracy.add(code) } else { trend.add(code, month: encounter.monthIndex) }
        }
        try period.forEachDiagnosis(ofMonth: last, db) { encounter, position, code in
            if encounter.workMonthIndex == last { productivity.addDiagnosis(of: encounter) }
            detail.addDiagnosis(code, at: position, of: encounter)
        }
        try trend.addWork(of: period, db)
        progress("\(month) findings and files")
        let errorRates = accuracy.rows(month: month)
        let productivityRows = try productivity.rows(db)
        let varianceRows = variance.rows(month: month, payers: period.payers.strings, codes: period.codes.strings)
        let paymentFigures = try PaymentFigures(db, month: month, tally: payments, payers: period.payers.strings)
        var summaries = trend.summaries()
        if !varianceRows.isEmpty || !productivityRows.isEmpty {
            summaries.append(
                PracticeSummary(
                    month: month, errorRates: errorRates, productivity: productivityRows, variance: varianceRows))
        }
        let data = MonthlyReportData(
            month: month, errorRates: errorRates, findings: try findings(db, month: month),
            productivity: productivityRows, variance: varianceRows,
            emDistribution: visits.rows(month: month, providers: period.providers.strings, codes: period.codes.strings),
            trend: summaries, files: try importedFiles(db, month: month), toleranceCents: toleranceCents,
            payments: paymentFigures.paymentRows(), denials: paymentFigures.denialRows())
        return (data, detail.detail())
    }
}
