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
        let earlier = try practiceTrend(db, before: month, toleranceCents: toleranceCents)
        return try monthFigures(db, month: month, toleranceCents: toleranceCents, progress: progress).data
            .following(earlier)
    }

    /// The summaries of the eleven months before `month` that hold data, oldest
    /// first: the report's trend but for its own month. Kept summaries are read
    /// as they are (see `keepMonthSummaries()`); the months without one are computed.
    ///
    /// - throws: A database error when the store cannot be read.
    package static func practiceTrend(
        _ db: Database, before month: Month, toleranceCents: Int64
    ) throws -> [PracticeSummary] {
        try keptTrend(db, months: month.advanced(by: -11)...month.previous, toleranceCents: toleranceCents)
    }

    /// The data of the monthly report for `month` but for the months before it
    /// (its trend holds only the month itself, when it holds data; see
    /// `MonthlyReportData.following(_:)`), and the month's encounters as the edits
    /// read them, from one pass over each table for the month.
    ///
    /// - throws: A database error when the store cannot be read.
    package static func monthFigures(
        _ db: Database, month: Month, toleranceCents: Int64, progress: (String) -> Void
    ) throws -> (data: MonthlyReportData, detail: MonthDetail) {
        let (data, detail) = try monthFigures(
            db, month: month, toleranceCents: toleranceCents, forReport: true, progress: progress)
        return (data, detail!)
    }

    /// The month's export rows alone, as `monthFigures(_:month:toleranceCents:progress:)`
    /// computes them, without the edits' encounters and the files of its data quality
    /// (`files` is empty).
    ///
    /// - throws: A database error when the store cannot be read.
    package static func monthExportFigures(
        _ db: Database, month: Month, toleranceCents: Int64
    ) throws -> MonthlyReportData {
        try monthFigures(db, month: month, toleranceCents: toleranceCents, forReport: false) { _ in }.data
    }

    /// The month's figures, and for the report (`forReport`) its files and the edits' encounters too.
    private static func monthFigures(
        _ db: Database, month: Month, toleranceCents: Int64, forReport: Bool, progress: (String) -> Void
    ) throws -> (data: MonthlyReportData, detail: MonthDetail?) {
        progress("\(month)")
        // One pass over each table for the month gives its error rates, productivity (the
        // encounters worked in it), variance, payments and E/M levels, and the edits' encounters.
        let period = try ServicePeriod(db, months: month...month, detailMonth: forReport ? 0 : nil)
        let reconciliation = try Reconciliation(db, months: month...month)
        var rates = RateCache(period.schedule)
        var productivity = ProductivityTally(period: period, monthIndex: 0)
        var variance = VarianceFigures(toleranceCents: toleranceCents)
        var payments = PaymentTally()
        var visits = EMVisits()
        var detail = forReport ? MonthDetailBuilder(period: period) : nil
        progress("\(month): lines")
        try period.forEachLine(db) { encounter, line in
            productivity.addLine(of: encounter, modifiers: line.modifiers.count)
            detail?.add(line, of: encounter)
            // The lines of encounters serviced earlier and worked in the month count only as work.
            guard encounter.monthIndex == 0 else { return }
            let remitted = reconciliation.lines.isEmpty ? nil : reconciliation.lines[line.id]
            let priced = PricedLine(line, of: encounter, in: period, remitted: remitted, rates: &rates)
            variance.add(priced, payer: encounter.payer, code: line.code)
            payments.add(encounter: encounter, line: line, remitted: remitted)
            visits.add(provider: encounter.provider, code: line.code)
        }
        progress("\(month): findings and diagnoses")
        var accuracy = ErrorRateTallies()
        // The imports behind the month's encounters and their findings, for its data quality.
        var batches = Set(period.details.lazy.map(\.batch))
        try period.forEachFinding(db) { encounter, finding in
            productivity.add(finding, of: encounter)
            guard encounter.monthIndex == 0 else { return }
            accuracy.add(ReviewedCode(encounter, finding, in: period))
            batches.insert(finding.batch)
        }
        try period.forEachDiagnosis(ofMonth: 0, db) { encounter, position, code in
            if encounter.workMonthIndex == 0 { productivity.addDiagnosis(of: encounter) }
            detail?.addDiagnosis(code, at: position, of: encounter)
        }
        progress("\(month) findings and files")
        let errorRates = accuracy.rows(month: month)
        let productivityRows = try productivity.rows(db)
        let varianceRows = variance.rows(month: month, payers: period.payers.strings, codes: period.codes.strings)
        let paymentFigures = try PaymentFigures(db, month: month, tally: payments, payers: period.payers.strings)
        // The month holds data when it has lines or work: its summary is then the trend's last point.
        let summary =
            varianceRows.isEmpty && productivityRows.isEmpty
            ? []
            : [
                PracticeSummary(
                    month: month, errorRates: errorRates, productivity: productivityRows, variance: varianceRows)
            ]
        let data = MonthlyReportData(
            month: month, errorRates: errorRates, findings: try findings(db, month: month),
            productivity: productivityRows, variance: varianceRows,
            emDistribution: visits.rows(month: month, providers: period.providers.strings, codes: period.codes.strings),
            trend: summary, files: forReport ? try importedFiles(db, month: month, encounterBatches: batches) : [],
            toleranceCents: toleranceCents,
            payments: paymentFigures.paymentRows(), denials: paymentFigures.denialRows())
        return (data, detail?.detail())
    }
}

extension MonthlyReportData {
    /// This month's data with the summaries of the months before it (from
    /// `Analytics.practiceTrend(_:before:toleranceCents:)`) ahead of its own in the trend.
    package func following(_ earlier: [PracticeSummary]) -> MonthlyReportData {
        var data = self
        data.trend = earlier + trend
        return data
    }
}
