import Analytics
import GRDB

extension Analytics {
    /// What `codeaudit report` shows for `month` — the report's data and the
    /// month's edits — read in one transaction: one snapshot of the store, so
    /// that an import committing while the report is computed changes none of
    /// it, and the tiles, the tables and the edits describe the same data.
    ///
    /// - parameter progress: Told what is being computed, for a progress line.
    /// - throws: A database error when the store cannot be read.
    public func monthlyReport(
        for month: Month, toleranceCents: Int64 = 100, progress: (String) -> Void = { _ in }
    ) throws -> (data: MonthlyReportData, edits: MonthlyEdits) {
        try database.read { db in
            // The month's encounters come with the figures, from the same passes over the store.
            let (data, detail) = try Self.monthlyReport(
                db, month: month, toleranceCents: toleranceCents, progress: progress)
            progress("\(month) edits")
            return (data, try EditChecks.monthly(db, month: month, encounters: MonthEncounters(detail)))
        }
    }
}
