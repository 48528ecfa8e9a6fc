import Analytics
import GRDB

extension Analytics {
    /// What `codeaudit report` shows for `month` — the report's data and the
    /// month's edits — read from one snapshot of the store, so that an import
    /// committing while the report is computed changes none of it, and the
    /// tiles, the tables and the edits describe the same data.
    ///
    /// Two connections read it at once: one the eleven months before for the
    /// trend, the other the month's own figures and, from the same pass, its edits.
    ///
    /// - parameter progress: Told what is being computed, for a progress line.
    /// - throws: A database error when the store cannot be read.
    public func monthlyReport(
        for month: Month, toleranceCents: Int64 = 100, progress: (String) -> Void = { _ in }
    ) throws -> (data: MonthlyReportData, edits: MonthlyEdits) {
        let ((data, edits), earlier) = try database.readTogether(
            { db in
                let (data, detail) = try Self.monthFigures(
                    db, month: month, toleranceCents: toleranceCents, progress: progress)
                progress("\(month) edits")
                let edits = try EditChecks.monthly(db, month: month, encounters: MonthEncounters(detail))
                return (data, edits)
            },
            { db in try Self.practiceTrend(db, before: month, toleranceCents: toleranceCents) })
        return (data.following(earlier), edits)
    }
}

extension Analytics {
    /// Every export of `month` — the report's month figures and the month's
    /// edits, without the trend of the months before — from one snapshot of
    /// the store, so that the nine files describe the same data.
    ///
    /// Two connections read it at once: one the month's figures, the other the
    /// month's encounters again for the edits, so that the two halves run on two cores at once.
    ///
    /// - throws: A database error when the store cannot be read.
    public func monthlyExports(
        for month: Month, toleranceCents: Int64 = 100
    ) throws -> (data: MonthlyReportData, edits: MonthlyEdits) {
        try database.readTogether(
            { db in try Self.monthExportFigures(db, month: month, toleranceCents: toleranceCents) },
            { db in try EditChecks.monthly(db, month: month) })
    }
}
