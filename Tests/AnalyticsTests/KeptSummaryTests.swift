import GRDB
import Ingest
import Store
import TestSupport
import Testing

@testable import Analytics

/// The month summaries the imports keep (so that a report's trend reads them
/// instead of recomputing eleven months) must always be what the trend computes
/// from the data: after every kind of import, for every month of the store.
@Suite struct KeptSummaryTests {
    /// Every month the fixture's data spans: the October 2025 encounter to O3, coded in November 2026.
    static let span = Month(year: 2025, month: 10)...Month(year: 2026, month: 11)

    /// The trend of every month of `span`, read from the kept summaries, and computed from the data.
    static func keptAndComputed(
        _ workspace: TestWorkspace, toleranceCents: Int64 = Analytics.keptToleranceCents
    ) throws -> (kept: [PracticeSummary], computed: [PracticeSummary], rows: Int) {
        try workspace.read { db in
            (
                try Analytics.keptTrend(db, months: span, toleranceCents: toleranceCents),
                try Analytics.practiceTrend(db, months: span, toleranceCents: toleranceCents),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM month_summary")!
            )
        }
    }

    @Test func afterEveryKindOfImportEachKeptSummaryIsTheComputedOne() throws {
        // Given the trend fixture loaded a file at a time — encounters, fees, audits, hours, 835s — and
        // the summaries kept after each file, as the import command keeps them
        var previous: [PracticeSummary] = []
        var steps: [ImportKind] = []
        let workspace = try PracticeTrendTests.workspace { workspace, kind in
            try workspace.analytics.keepMonthSummaries()
            let (kept, computed, rows) = try Self.keptAndComputed(workspace)
            // Then every month of the data has its summary kept, and each equals the computed one
            #expect(rows == Self.span.months.count, "after \(kind)")
            #expect(kept == computed, "after \(kind)")
            // And each file changed some month's figures, so that a summary left stale would show
            #expect(computed != previous, "after \(kind)")
            previous = computed
            steps.append(kind)
        }
        #expect(steps == [.encounters, .fees, .audits, .hours, .remittances])

        // When an encounter moves from June to October and another comes in October, and the summaries
        // are kept again
        try workspace.load(
            .encounters,
            [
                "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,modifiers,units,"
                    + "diagnosis_codes,charge,allowed,paid,coded_at,coding_minutes",
                "J2,2026-10-12,P2,Dr B,bob,Medicare,99214,25,1,I10,220.00,125.00,100.00,2026-10-13,12",
                "N1,2026-10-20,P10,Dr A,alice,Aetna,99214,,1,I10,220.00,100.00,100.00,2026-10-21,",
            ])
        try workspace.analytics.keepMonthSummaries()
        // Then June and October are both what the data now says
        let afterMove = try Self.keptAndComputed(workspace)
        #expect(afterMove.kept == afterMove.computed)
        let juneAndOctober = { (trend: [PracticeSummary]) in trend.filter { [6, 10].contains($0.month.month) } }
        #expect(juneAndOctober(afterMove.computed) != juneAndOctober(previous))

        // When Aetna's open-ended 99214 rate from August 16th is replaced by one that ends with August
        try workspace.load(
            .fees,
            [
                "payer,procedure_code,modifier,amount,effective_from,effective_to",
                "Aetna,99214,,150.00,2026-08-16,2026-08-31",
            ])
        try workspace.analytics.keepMonthSummaries()
        // Then October, whose N1 the old rate priced and the new one does not, is what the data says too
        let afterRate = try Self.keptAndComputed(workspace)
        #expect(afterRate.kept == afterRate.computed)
        let october = { (trend: [PracticeSummary]) in trend.first { $0.month == PracticeTrendTests.october } }
        #expect(october(afterRate.computed) != october(afterMove.computed))
    }

    @Test func theReportsTrendReadsTheKeptSummaries() throws {
        // Given the fixture with its summaries kept
        let workspace = try PracticeTrendTests.workspace()
        try workspace.analytics.keepMonthSummaries()
        let october = PracticeTrendTests.october
        let before = try workspace.analytics.monthlyReportData(for: october)
        #expect(before.trend == (try PracticeTrendTests.exportSummaries(workspace.analytics, toleranceCents: 100)))
        // When August's kept summary says something else
        try DatabaseQueue(path: workspace.databasePath).write { db in
            try db.execute(sql: "UPDATE month_summary SET underpaid_cents = 1 WHERE month = '2026-08'")
        }
        // Then October's report shows it: the trend reads the kept row, not the data
        let after = try workspace.analytics.monthlyReportData(for: october)
        #expect(after.trend.map(\.underpaidCents) == [2_156, nil, 1, 4_156])
        #expect(after.trend.filter { $0.month.month != 8 } == before.trend.filter { $0.month.month != 8 })
    }

    @Test func monthsWithoutAKeptSummaryAndOtherTolerancesAreComputed() throws {
        // Given the fixture with its summaries kept, then those of July and August gone (as when a
        // command is stopped between an import's commit and keeping the summaries again)
        let workspace = try PracticeTrendTests.workspace()
        try workspace.analytics.keepMonthSummaries()
        try DatabaseQueue(path: workspace.databasePath).write { db in
            try db.execute(sql: "DELETE FROM month_summary WHERE month IN ('2026-07', '2026-08')")
        }
        // When the trend is read, then it is still the computed one
        let trend = try Self.keptAndComputed(workspace)
        #expect(trend.rows == Self.span.months.count - 2)
        #expect(trend.kept == trend.computed)
        #expect(
            trend.kept.map(\.month.description) == ["2025-10", "2026-06", "2026-07", "2026-08", "2026-10", "2026-11"])
        // And at a tolerance other than the kept summaries', every month is computed at that tolerance
        let lenient = try Self.keptAndComputed(workspace, toleranceCents: 500)
        #expect(lenient.kept == lenient.computed)
        #expect(lenient.kept.map(\.underpaidCents) == [nil, 1_856, nil, 14_000, 4_156, nil])
        // And keeping the summaries again fills the two months back in, the others unchanged
        try workspace.analytics.keepMonthSummaries()
        let kept = try Self.keptAndComputed(workspace)
        #expect(kept.rows == Self.span.months.count)
        #expect(kept.kept == kept.computed)
    }

    @Test func aPassHoldsFewerEncountersTheMoreServiceLinesTheyWerePaidFor() throws {
        // Given two encounters of one line each
        let workspace = try TestWorkspace()
        try workspace.load(
            .encounters,
            [
                "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,modifiers,units,"
                    + "diagnosis_codes,charge",
                "E1,2026-06-03,P1,Dr A,alice,Aetna,99213,,1,I10,150.00",
                "E2,2026-06-04,P2,Dr A,alice,Aetna,99214,,1,I10,220.00",
            ])
        let withoutRemittances = try workspace.read { db in try Analytics.encountersPerPass(db) }
        // When an 835 pays each of them, one service line each
        try workspace.load(
            .remittances,
            [
                Remittance835.file(
                    payer: "AETNA", payerID: "60054", trace: "A-1", paidOn: "20260620",
                    claims: [
                        ["CLP*E1*1*150*90*0*12*AE1", "SVC*HC:99213*150*90**1", "DTM*472*20260603"],
                        ["CLP*E2*1*220*120*0*12*AE2", "SVC*HC:99214*220*120**1", "DTM*472*20260604"],
                    ])
            ])
        let withRemittances = try workspace.read { db in try Analytics.encountersPerPass(db) }
        // Then a pass holds the most encounters without remittances, and with a service line an
        // encounter, as many as the bytes a pass may hold allow at 70 + 200 bytes an encounter
        #expect(withoutRemittances == Analytics.encountersPerKeepingPass)
        #expect(withRemittances == Analytics.bytesPerKeepingPass / 270)
        // (the 400,000-line benchmark store: 132,654 encounters paid for 367,988 service lines, one pass
        // of which took 121 MB, make two passes)
        #expect(Analytics.bytesPerKeepingPass / (70 + 200 * 367_988 / 132_654) < 132_654)
    }

    @Test func keptInPassesOfAMonthEachSummaryIsTheOneKeptInOnePass() throws {
        // Given the fixture, 835s included
        let workspace = try PracticeTrendTests.workspace()
        // When the summaries are kept a month a pass (a pass of one encounter: each month its own),
        // then every kept summary is the computed one, as when they are kept in one pass
        try DatabaseQueue(path: workspace.databasePath).write { db in
            try Analytics.keepMonthSummaries(db, encountersPerPass: 1)
        }
        let monthByMonth = try Self.keptAndComputed(workspace)
        #expect(monthByMonth.rows == Self.span.months.count)
        #expect(monthByMonth.kept == monthByMonth.computed)
        let keptMonthByMonth = try workspace.read { db in try Row.fetchAll(db, sql: "SELECT * FROM month_summary") }
        try DatabaseQueue(path: workspace.databasePath).write { db in
            try db.execute(sql: "DELETE FROM month_summary")
            try Analytics.keepMonthSummaries(db, encountersPerPass: 1_000_000)
        }
        let keptAtOnce = try workspace.read { db in try Row.fetchAll(db, sql: "SELECT * FROM month_summary") }
        #expect(keptAtOnce == keptMonthByMonth)
    }

    @Test func aStoreWithoutEncountersKeepsNothing() throws {
        // Given a new store, when the summaries are kept and the trend read, then there is nothing
        let workspace = try TestWorkspace()
        try workspace.analytics.keepMonthSummaries()
        let trend = try Self.keptAndComputed(workspace)
        #expect(trend.rows == 0 && trend.kept.isEmpty && trend.computed.isEmpty)
    }
}
