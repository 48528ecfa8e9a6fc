import Foundation
import GRDB
import TestSupport
import Testing

/// The import commands keep each month's summary for the reports' trends (see
/// `Analytics.keepMonthSummaries`): after an import of encounters every month of
/// the data has one; 835s alone leave the months their claims match to be computed.
@Suite struct MonthSummaryCLITests {
    static func sample(_ name: String) -> String { Repository.sampleData.appendingPathComponent(name).path }

    static let august = sample("encounters-primary-care-2026-08.csv")

    /// A store of August and September of the sample practice and its fees, imported by the commands.
    static func importedStore() throws -> CLIWorkspace {
        let workspace = try CLIWorkspace()
        for file in [august, sample("encounters-primary-care-2026-09.csv")] {
            let result = try workspace.run(["import", "encounters", "--no-rejects-file", file])
            try #require(result.status == 0, "\(result.stderr)")
        }
        let fees = try workspace.run(["import", "fees", "--no-rejects-file", sample("fee-schedule.csv")])
        try #require(fees.status == 0, "\(fees.stderr)")
        return workspace
    }

    @Test func importsKeepTheSummariesAndTheReportIsTheSameEitherWay() throws {
        // Given August and September of the sample practice and its fees imported by the commands
        let workspace = try Self.importedStore()
        let august = Self.august

        let kept = {
            try workspace.read { try String.fetchAll($0, sql: "SELECT month FROM month_summary ORDER BY month") }
        }
        // Then every month from the first service date to the last work day has its summary kept
        let months = try workspace.read {
            try String.fetchOne(
                $0,
                sql: """
                    SELECT MIN(substr(service_date, 1, 7)) || ' ' || MAX(substr(COALESCE(coded_at, service_date), 1, 7))
                    FROM encounter
                    """)!
        }
        #expect(try kept().first == String(months.prefix(7)) && kept().last == String(months.suffix(7)))
        #expect(try kept().contains("2026-08"))

        // When Medicare's August 835 is imported
        let remittances = try workspace.run([
            "import", "remittances", "--no-rejects-file", Self.sample("remittances-medicare-2026-08.835"),
        ])
        try #require(remittances.status == 0, "\(remittances.stderr)")
        // Then August, whose lines it pays, has no kept summary until an import of another kind
        #expect(try !kept().contains("2026-08"))
        let epoch = ["SOURCE_DATE_EPOCH": "1790000000"]
        let computed = try workspace.run(["report", "--month", "2026-09", "--out", "computed"], environment: epoch)
        try #require(computed.status == 0, "\(computed.stderr)")

        // When the August encounters are imported again (nothing to do: the same file)
        let again = try workspace.run(["import", "encounters", "--no-rejects-file", august])
        try #require(again.status == 0, "\(again.stderr)")
        // Then August is kept again, and September's report reads it to the same bytes it computed
        #expect(try kept().contains("2026-08"))
        let read = try workspace.run(["report", "--month", "2026-09", "--out", "kept"], environment: epoch)
        try #require(read.status == 0, "\(read.stderr)")
        for name in ["report.html", "reimbursement_variance.csv", "payments.csv"] {
            let one = try Data(contentsOf: URL(fileURLWithPath: workspace.path("computed/\(name)")))
            let other = try Data(contentsOf: URL(fileURLWithPath: workspace.path("kept/\(name)")))
            #expect(one == other, "\(name)")
        }
    }

    @Test func checkComputesEveryKeptSummaryAgainAndNamesAMonthThatDiffers() throws {
        // Given the same store
        let workspace = try Self.importedStore()
        // When it is checked, then it is sound, its kept summaries included
        let sound = try workspace.run(["check"])
        #expect(sound.status == 0, "\(sound.stderr)")
        #expect(sound.stderr.contains("every kept month summary matches its data"))
        // When August's kept underpaid amount no longer matches its data
        try DatabaseQueue(path: workspace.path("codeaudit.sqlite")).write {
            try $0.execute(sql: "UPDATE month_summary SET underpaid_cents = 1 WHERE month = '2026-08'")
        }
        // Then the check names the month and exits 65, and only that month
        let stale = try workspace.run(["check"])
        #expect(stale.status == 65)
        #expect(
            stale.stderr.split(separator: "\n").filter { $0.hasPrefix("month summary:") } == [
                "month summary: 2026-08's kept figures differ from its data (reports would show them)"
            ])
    }
}
