import Foundation
import Ingest
import TestSupport
import Testing

@testable import Analytics

/// The report's own figures: the practice summary and trend, and the files behind a month.
@Suite struct MonthlyReportDataTests {
    static let october = Month(year: 2026, month: 10)

    /// October encounters from one file (with two bad rows), September ones from another, an audit,
    /// hours for one of the two October coders, and a fee schedule.
    static func fixture() throws -> (TestWorkspace, [String]) {
        let workspace = try TestWorkspace()
        let october = try workspace.write(
            "october.csv",
            csvFile([
                "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,units,diagnosis_codes,allowed",
                "E1,2026-10-01,P1,DR-A,ALICE,ACME,99213,1,E11.9,80.00",
                "E2,2026-10-02,P2,DR-A,ALICE,ACME,99214,1,I10,120.00",
                "E3,2026-10-03,P3,DR-B,BOB,ACME,99213,1,I10,",
                "E4,2026-10-04,P4,DR-B,BOB,ACME,9921,1,I10,90.00",
                "E5,2026-13-04,P5,DR-B,BOB,ACME,99213,1,I10,90.00",
            ]))
        let outcome = try workspace.importFile(october, kind: .encounters) { $0.writeRejectsFile = false }
        #expect(outcome.counts.rowsRejected == 2)
        try workspace.load(
            .encounters,
            [
                "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,units,diagnosis_codes",
                "S1,2026-09-15,P9,DR-A,ALICE,ACME,99213,1,E11.9",
            ], name: "september.csv")
        try workspace.load(
            .fees, ["payer,procedure_code,amount", "ACME,99213,91.56", "ACME,99214,130.00"], name: "fees.csv")
        try workspace.load(
            .audits,
            [
                "encounter_id,auditor,audit_date,submitted_code,audited_code",
                "E2,AUD,2026-11-01,99214,99213", "E2,AUD,2026-11-01,I10,I10", "E1,AUD,2026-11-01,99213,99213",
            ], name: "audits.csv")
        try workspace.load(
            .hours, ["coder,work_date,hours", "ALICE,2026-10-01,1.5", "ALICE,2026-10-02,0.5"], name: "hours.csv")
        return (workspace, [october])
    }

    @Test func theFilesBehindAMonthAreThoseWhoseRowsBelongToIt() throws {
        // Given files for October and September, audits and hours of October, and a fee schedule
        let (workspace, _) = try Self.fixture()
        // When October's files are listed
        let files = try workspace.analytics.importedFiles(for: Self.october)
        // Then they are the October encounters, the audits and the hours, in import order — not September's
        // encounters, and not the fee schedule, which belongs to no month
        #expect(
            files.map(\.fileName).map { ($0 as NSString).lastPathComponent } == [
                "october.csv", "audits.csv", "hours.csv",
            ])
        #expect(files.map(\.kind) == ["encounters", "audits", "hours"])
        // And the October file carries both of its rejected rows, by the column at fault
        let october = try #require(files.first)
        #expect((october.rowsRead, october.rowsLoaded, october.rowsRejected) == (5, 3, 2))
        #expect(
            october.rejectsByColumn == [
                RejectedColumn(column: "procedure_code", rows: 1), RejectedColumn(column: "service_date", rows: 1),
            ])
        #expect(october.sha256.count == 64)
        let september = try workspace.analytics.importedFiles(for: Month(year: 2026, month: 9))
        #expect(september.map(\.fileName).map { ($0 as NSString).lastPathComponent } == ["september.csv"])
        // And the report, which takes the batches of the month's encounters and findings from its own pass
        // over the month, lists the same files
        #expect(try workspace.analytics.monthlyReportData(for: Self.october).files == files)
        #expect(try workspace.analytics.monthlyReportData(for: Month(year: 2026, month: 9)).files == september)
    }

    @Test func theSummaryIsTheExportsPracticeFigures() throws {
        let (workspace, _) = try Self.fixture()
        // When the report's data is computed for October
        let data = try workspace.analytics.monthlyReportData(for: Self.october)
        let summary = data.summary
        // Then E2's 99214 revised to 99213: 1 of 2 encounters right, 2 of 3 codes (E1 one, E2 two)
        #expect(summary.encounterAccuracy == Ratio(1, 2))
        #expect(summary.codeAccuracy == Ratio(2, 3))
        // overcoded 130.00 − 91.56 = 38.44, nothing undercoded
        #expect(summary.netImpactCents == -3_844)
        #expect(summary.encountersCoded == 3)
        // Only ALICE has hours: her 2 encounters in 2 hours; BOB has neither hours nor minutes
        #expect(summary.encountersPerHour?.formatted(decimals: 4) == "1.0000")
        // E1 allowed 80.00 against 91.56: 11.56 underpaid; E2 allowed 120.00 against 130.00: 10.00
        #expect(summary.underpaidCents == 2_156)
        // And it equals the summary built from the export rows themselves
        #expect(
            summary
                == PracticeSummary(
                    month: Self.october, errorRates: data.errorRates, productivity: data.productivity,
                    variance: data.variance))
    }

    @Test func theTrendHasOnlyTheMonthsThatHoldData() throws {
        let (workspace, _) = try Self.fixture()
        // When October's report data is computed, in a store whose first encounters are September's
        let data = try workspace.analytics.monthlyReportData(for: Self.october)
        // Then the trend has September and October, not ten months of zeros before them
        #expect(data.trend.map(\.month.description) == ["2026-09", "2026-10"])
        // September has one encounter coded by ALICE, no audits, no hours, no allowed amounts
        let september = try #require(data.previousSummary)
        #expect(september.month == Month(year: 2026, month: 9))
        #expect(september.encountersCoded == 1)
        #expect(september.encounterAccuracy == nil && september.encountersPerHour == nil)
        #expect(september.underpaidCents == nil)
        #expect(data.trend.last == data.summary)
    }

    @Test func aMonthWithoutDataHasNoSummaryInTheTrend() throws {
        let (workspace, _) = try Self.fixture()
        // When the report is computed for August, before any encounter
        let data = try workspace.analytics.monthlyReportData(for: Month(year: 2026, month: 8))
        // Then the trend is empty and the month's own summary has no figure
        #expect(data.trend.isEmpty && data.previousSummary == nil)
        #expect(data.summary.encountersCoded == 0 && data.summary.encounterAccuracy == nil)
    }

    @Test func anImportCommittingMidReportChangesNothingTheReportReads() throws {
        // Given the fixture, its October report as computed now, and a file of late October encounters
        let (workspace, _) = try Self.fixture()
        let before = try workspace.analytics.monthlyReportData(for: Self.october)
        let late = try workspace.write(
            "late.csv",
            csvFile([
                "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,units,diagnosis_codes,allowed",
                "E9,2026-10-20,P9,DR-A,ALICE,ACME,99214,1,I10,100.00",
                "E9,2026-10-20,P9,DR-A,ALICE,ACME,99213,1,I10,50.00",
            ]))
        // When another process imports that file and commits after the report has read its first figures
        var stages: [String] = []
        var imported: ImportOutcome?
        let during = try workspace.analytics.monthlyReportData(for: Self.october) { stage in
            stages.append(stage)
            if stages.count == 2 { imported = try? workspace.importFromAnotherProcess(late, kind: .encounters) }
        }
        // Then the import did commit: a report begun afterwards has the new encounter
        #expect(imported?.counts.rowsLoaded == 2)
        let after = try workspace.analytics.monthlyReportData(for: Self.october)
        #expect(after.summary.encountersCoded == before.summary.encountersCoded + 1)
        #expect(after.variance != before.variance && after.files != before.files)
        // And the report it landed in is the store as it was before, every table and tile of it
        #expect(during == before)
    }
}
