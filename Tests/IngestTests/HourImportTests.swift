import Foundation
import GRDB
import Store
import TestSupport
import Testing

@testable import Ingest

/// SPEC 3.4: coder hours, one row per coder per day, stored exactly.
@Suite struct HourImportTests {
    @Test(arguments: [
        ("7.5", 750), ("7.25", 725), ("8", 800), ("0.25", 25), ("7.250", 725), ("24", 2400), ("8.00", 800),
    ])
    func hoursAreStoredInHundredths(hours: String, centihours: Int) throws {
        // Given a row of `hours`
        let store = try HourStore()
        let outcome = try store.importHours(["jlee,2026-10-01,\(hours)"])
        // When it is imported
        // Then it is stored as an exact whole number of hundredths of an hour
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 1, rowsLoaded: 1, rowsRejected: 0))
        #expect(try store.hours() == ["jlee 2026-10-01 \(centihours)"])
        #expect(try store.workspace.texts("SELECT typeof(centihours) FROM coder_hours") == ["integer"])
    }

    @Test func datesInEveryFormAreStoredAsISO() throws {
        // Given work dates in the three accepted forms
        let store = try HourStore()
        _ = try store.importHours(["jlee,2026-10-01,8", "jlee,10/02/2026,8", "jlee,10/5/2026,8"])
        // Then they are stored as YYYY-MM-DD
        #expect(try store.hours() == ["jlee 2026-10-01 800", "jlee 2026-10-02 800", "jlee 2026-10-05 800"])
    }

    static let hoursReason = "is not a number of hours above 0 and at most 24, with at most 2 decimals (7.5, 7.25)"
    static let dateForms = "write YYYY-MM-DD, MM/DD/YYYY or M/D/YYYY"

    @Test(arguments: [
        (",2026-10-02,8", "coder", "coder is blank"),
        ("jlee,,8", "work_date", "work date is blank"),
        ("jlee,2026-02-30,8", "work_date", "work date '2026-02-30' is not a date; \(dateForms)"),
        ("jlee,yesterday,8", "work_date", "work date 'yesterday' is not a date; \(dateForms)"),
        ("jlee,10/02/26,8", "work_date", "work date '10/02/26' has a two-digit year; \(dateForms)"),
        ("jlee,2026-11-28,8", "work_date", "work date '2026-11-28' is in the future (today is 2026-11-27)"),
        ("jlee,2026-10-02,0", "hours", "hours '0' \(hoursReason)"),
        ("jlee,2026-10-02,0.00", "hours", "hours '0.00' \(hoursReason)"),
        ("jlee,2026-10-02,25", "hours", "hours '25' \(hoursReason)"),
        ("jlee,2026-10-02,24.01", "hours", "hours '24.01' \(hoursReason)"),
        ("jlee,2026-10-02,-1", "hours", "hours '-1' \(hoursReason)"),
        ("jlee,2026-10-02,7.333", "hours", "hours '7.333' \(hoursReason)"),
        ("jlee,2026-10-02,abc", "hours", "hours 'abc' \(hoursReason)"),
        ("jlee,2026-10-02,7:30", "hours", "hours '7:30' \(hoursReason)"),
        ("jlee,2026-10-02,", "hours", "hours is blank"),
    ])
    func badRowIsRejectedWithItsReasonAndTheOthersLoad(row: String, column: String, reason: String) throws {
        // Given a bad row (file line 3) between two good rows
        let store = try HourStore()
        let outcome = try store.importHours(["mlopez,2026-10-02,7.5", row, "akim,2026-10-02,6"])
        // When it is imported
        // Then that row alone is rejected, naming its line, column and reason, and the others load
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 3, rowsLoaded: 2, rowsRejected: 1))
        #expect(outcome.firstRejects == [RowReject(line: 3, column: column, reason: reason)])
        #expect(try store.hours() == ["akim 2026-10-02 600", "mlopez 2026-10-02 750"])
        let stored = try store.workspace.database.rejects(batchID: #require(outcome.batchID))
        #expect(stored.map(\.lineNumber) == [3])
        #expect(stored.map(\.columnName) == [column])
        #expect(stored.map(\.reason) == [reason])
    }

    @Test func secondRowForACoderDayInOneFileIsRejected() throws {
        // Given jlee on 2026-10-01 at line 2, another coder that day, and jlee that day again (another date form)
        let store = try HourStore()
        let outcome = try store.importHours(["jlee,2026-10-01,7.5", "mlopez,2026-10-01,8", "jlee,10/01/2026,6"])
        // When it is imported
        // Then the second jlee row is rejected with its reason, and the first is the one stored
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 3, rowsLoaded: 2, rowsRejected: 1))
        #expect(
            outcome.firstRejects == [
                RowReject(
                    line: 4, column: "work_date",
                    reason: "a second row for coder jlee on 2026-10-01; a file gives one row per coder per day")
            ])
        #expect(try store.hours() == ["jlee 2026-10-01 750", "mlopez 2026-10-01 800"])
        #expect(outcome.details == ["2 coder-days: 2 new, 0 replaced"])
    }

    @Test func coderDayStoredByAnEarlierFileIsReplaced() throws {
        // Given jlee's hours for two days, stored by file A
        let store = try HourStore()
        let first = try store.importHours(["jlee,2026-10-01,7.5", "jlee,2026-10-02,8"], name: "a.csv")
        let batchA = try #require(first.batchID)
        // When file B corrects jlee's first day and adds mlopez's
        let second = try store.importHours(["jlee,2026-10-01,6.25", "mlopez,2026-10-01,4"], name: "b.csv")
        let batchB = try #require(second.batchID)
        // Then the corrected day holds B's value (one row), the other day is A's
        #expect(
            try store.workspace.texts(
                "SELECT coder || ' ' || work_date || ' ' || centihours || ' ' || batch_id FROM coder_hours "
                    + "ORDER BY coder, work_date")
                == [
                    "jlee 2026-10-01 625 \(batchB)", "jlee 2026-10-02 800 \(batchA)", "mlopez 2026-10-01 400 \(batchB)",
                ])
        // and B's batch counts one replacement
        #expect(second.counts == ImportBatchCounts(rowsRead: 2, rowsLoaded: 2, rowsRejected: 0, rowsReplaced: 1))
        #expect(
            try store.workspace.texts(
                "SELECT id || ' ' || rows_replaced || ' ' || encounters_replaced FROM import_batch ORDER BY id") == [
                    "\(batchA) 0 0", "\(batchB) 1 0",
                ])
        #expect(second.details == ["2 coder-days: 1 new, 1 replaced"])
    }

    @Test func headerAliasesAreRecognized() throws {
        // Given a timesheet export headed Employee, Work Date, Hours Worked
        let store = try HourStore()
        let path = try store.workspace.write("timesheet.csv", "Employee,Work Date,Hours Worked\njlee,10/01/2026,7.75\n")
        // When it is imported
        let outcome = try store.importFile(path)
        // Then the row loads through those aliases
        #expect(outcome.counts.rowsLoaded == 1, "\(outcome.firstRejects)")
        #expect(try store.hours() == ["jlee 2026-10-01 775"])
    }

    @Test func sameFileTwiceIsANoOp() throws {
        // Given an hours file imported once
        let store = try HourStore()
        let path = try store.workspace.write("hours.csv", hourFile(["jlee,2026-10-01,7.5"]))
        let first = try store.importFile(path)
        let before = try store.workspace.contentSnapshot()
        // When it is imported again
        let second = try store.importFile(path)
        // Then it says which batch loaded it, and nothing changed
        #expect(second.alreadyImportedAs?.id == first.batchID)
        #expect(try store.workspace.contentSnapshot() == before)
    }
}

// MARK: - Helpers

/// A workspace for coder hours (they need no encounters).
private struct HourStore {
    let workspace: TestWorkspace

    init() throws {
        workspace = try TestWorkspace()
    }

    func importFile(_ path: String) throws -> ImportOutcome {
        try workspace.importFile(path, kind: .hours)
    }

    func importHours(_ rows: [String], name: String = "hours.csv") throws -> ImportOutcome {
        try importFile(try workspace.write(name, hourFile(rows)))
    }

    /// Each stored coder-day as `coder day centihours`.
    func hours() throws -> [String] {
        try workspace.texts(
            "SELECT coder || ' ' || work_date || ' ' || centihours FROM coder_hours ORDER BY coder, work_date")
    }
}
