import Foundation

/// The clock of the report tests, 2026-11-01 00:00 UTC: a report rendered in process is
/// generated `generatedAt`, and the binary reads the same moment from `SOURCE_DATE_EPOCH`.
public enum ReportClock {
    /// The moment, in seconds since 1970-01-01 00:00 UTC.
    public static let epoch = 1_793_491_200

    /// The moment, for `MonthlyReport(generatedAt:)`.
    public static let generatedAt = Date(timeIntervalSince1970: TimeInterval(epoch))

    /// The environment that sets the binary's clock to the moment.
    public static let environment = ["SOURCE_DATE_EPOCH": String(epoch)]
}
