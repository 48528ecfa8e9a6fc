import GRDB
import Store

/// Computes the metrics of SPEC 5 for a month from the store.
///
/// ```swift
/// let analytics = Analytics(database: database)
/// let rates = try analytics.errorRates(for: Month("2026-10")!)
/// ```
public struct Analytics: Sendable {
    package let database: CodeAuditDatabase

    public init(database: CodeAuditDatabase) {
        self.database = database
    }
}
