import Foundation
import GRDB
import Store
import TestSupport
import Testing

@testable import Ingest

/// SPEC 3.3: fee schedules, contract rates per payer, code and modifier over
/// effective ranges that must not overlap.
@Suite struct FeeImportTests {
    // MARK: - Stored values

    @Test func ratesAreStoredInCentsWithDefaults() throws {
        // Given a fee schedule with an any-payer rate, a dated payer rate and a lower-case HCPCS code
        let store = try FeeStore()
        let outcome = try store.importFees([
            "*,99213,,$91.56,,",
            "Medicare,99214,25,\"$1,234.50\",2026-01-01,2026-12-31",
            "Aetna,j1030,lt,12.5,01/15/2026,",
            "BCBS,0001U,,0,1/1/2026,",
        ])
        // When it is imported
        // Then every rate is stored: amounts in cents, a blank modifier as '', from defaulting to 0001-01-01,
        // a blank to as NULL (open-ended), codes upper-cased
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 4, rowsLoaded: 4, rowsRejected: 0))
        #expect(
            try store.rates() == [
                "*|99213||9156|0001-01-01|NULL",
                "Medicare|99214|25|123450|2026-01-01|2026-12-31",
                "Aetna|J1030|LT|1250|2026-01-15|NULL",
                "BCBS|0001U||0|2026-01-01|NULL",
            ])
        #expect(
            try store.workspace.texts("SELECT typeof(modifier) || length(modifier) FROM fee_rate WHERE payer = '*'")
                == ["text0"])
        #expect(outcome.details == ["4 rates: 4 new, 0 replaced"])
    }

    @Test func headerAliasesAreRecognized() throws {
        // Given a schedule headed as a payer contract export might be
        let store = try FeeStore()
        let path = try store.workspace.write(
            "contract.csv",
            "Payer,CPT,Mod,Rate,Effective Date,End Date\nMedicare,99213,25,95.00,2026-01-01,2026-12-31\n")
        // When it is imported
        let outcome = try store.importFile(path)
        // Then Rate, Effective Date, End Date and Mod are read as amount, effective_from, effective_to, modifier
        #expect(outcome.counts.rowsLoaded == 1, "\(outcome.firstRejects)")
        #expect(try store.rates() == ["Medicare|99213|25|9500|2026-01-01|2026-12-31"])
    }

    // MARK: - Rejected rows

    static let dateForms = "write YYYY-MM-DD, MM/DD/YYYY or M/D/YYYY"

    @Test(arguments: [
        (",99213,,50.00,,", "payer", "payer is blank (write * for any payer)"),
        (
            "*,9921,,50.00,,", "procedure_code",
            "procedure code '9921' is not a CPT code (5 digits, or 4 digits and F, T or U) or a HCPCS Level II code "
                + "(a letter A–V and 4 digits)"
        ),
        (
            "*,E11.9,,50.00,,", "procedure_code",
            "procedure code 'E11.9' is not a CPT code (5 digits, or 4 digits and F, T or U) or a HCPCS Level II code "
                + "(a letter A–V and 4 digits)"
        ),
        ("*,99213,2A5,50.00,,", "modifier", "modifier '2A5' is not 2 letters or digits"),
        (
            "*,99213,,abc,,", "amount",
            "amount 'abc' is not an amount of money; write it like 1234.50, $1,234.50 or (12.00)"
        ),
        ("*,99213,,12.345,,", "amount", "amount '12.345' has fractions of a cent"),
        ("*,99213,,-5.00,,", "amount", "amount '-5.00' is negative"),
        ("*,99213,,(12.00),,", "amount", "amount '(12.00)' is negative"),
        ("*,99213,,,,", "amount", "amount is blank"),
        ("*,99213,,50.00,2026-13-01,", "effective_from", "effective from '2026-13-01' is not a date; \(dateForms)"),
        ("*,99213,,50.00,1/1/26,", "effective_from", "effective from '1/1/26' has a two-digit year; \(dateForms)"),
        ("*,99213,,50.00,,31/12/2026", "effective_to", "effective to '31/12/2026' is not a date; \(dateForms)"),
        (
            "*,99213,,50.00,2026-06-01,2026-05-31", "effective_to",
            "effective to 2026-05-31 is before effective from 2026-06-01"
        ),
    ])
    func badRowIsRejectedWithItsReasonAndTheOthersLoad(row: String, column: String, reason: String) throws {
        // Given a bad row (file line 3) between two good rates of other codes
        let store = try FeeStore()
        let outcome = try store.importFees(["*,99212,,40.00,,", row, "*,99215,,140.00,,"])
        // When it is imported
        // Then that row alone is rejected, naming its line, column and reason, and the others load
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 3, rowsLoaded: 2, rowsRejected: 1))
        #expect(outcome.firstRejects == [RowReject(line: 3, column: column, reason: reason)])
        #expect(try store.workspace.texts("SELECT procedure_code FROM fee_rate ORDER BY id") == ["99212", "99215"])
        let stored = try store.workspace.database.rejects(batchID: #require(outcome.batchID))
        #expect(stored.map(\.lineNumber) == [3])
        #expect(stored.map(\.columnName) == [column])
        #expect(stored.map(\.reason) == [reason])
    }

    // MARK: - Overlapping ranges

    @Test func overlappingRangesInOneFileRefuseTheWholeFile() throws {
        // Given a store holding an earlier schedule, and a file whose lines 2 and 4 overlap for Medicare 99213
        let store = try FeeStore()
        _ = try store.importFees(["*,99212,,40.00,,"], name: "earlier.csv")
        let before = try store.workspace.contentSnapshot()
        let path = try store.workspace.write(
            "overlap.csv",
            feeFile([
                "Medicare,99213,,90.00,2026-01-01,2026-06-30", "*,99214,,130.00,,", "Medicare,99213,,95.00,2026-06-01,",
            ]))
        // When it is imported
        let error = #expect(throws: IngestError.self) { _ = try store.importFile(path) }
        // Then it is a data error (exit 65) naming both lines, and nothing is stored: no batch, no rates
        #expect(error?.exitCode == 65)
        guard case .overlappingRates(let file, let clashes) = error else {
            Issue.record("expected overlappingRates, got \(String(describing: error))")
            return
        }
        #expect(file == path)
        #expect(
            clashes == [
                "line 4: payer Medicare, code 99213 from 2026-06-01 to open end overlaps line 2 of this file "
                    + "(2026-01-01 to 2026-06-30)"
            ])
        let message = error?.localizedDescription ?? ""
        #expect(message.contains("line 4") && message.contains("line 2") && message.contains("nothing was imported"))
        #expect(try store.workspace.contentSnapshot() == before)
        #expect(
            !FileManager.default.fileExists(
                atPath: store.workspace.folder.appendingPathComponent("overlap.rejects.csv").path))
    }

    @Test func everyClashOfAFileIsNamed() throws {
        // Given three open-ended rates of one key, one a modifier rate
        let store = try FeeStore()
        let path = try store.workspace.write(
            "overlap.csv",
            feeFile([
                "Aetna,99213,25,90.00,2026-01-01,", "Aetna,99213,25,91.00,2026-03-01,",
                "Aetna,99213,25,92.00,2026-05-01,",
            ]))
        // When it is imported
        let error = #expect(throws: IngestError.self) { _ = try store.importFile(path) }
        // Then each later line names each earlier one it overlaps
        guard case .overlappingRates(_, let clashes) = error else {
            Issue.record("expected overlappingRates, got \(String(describing: error))")
            return
        }
        #expect(
            clashes == [
                "line 3: payer Aetna, code 99213, modifier 25 from 2026-03-01 to open end overlaps line 2 of this "
                    + "file (2026-01-01 to open end)",
                "line 4: payer Aetna, code 99213, modifier 25 from 2026-05-01 to open end overlaps line 2 of this "
                    + "file (2026-01-01 to open end)",
                "line 4: payer Aetna, code 99213, modifier 25 from 2026-05-01 to open end overlaps line 3 of this "
                    + "file (2026-03-01 to open end)",
            ])
    }

    @Test func otherModifiersAndOtherPayersDoNotClash() throws {
        // Given open-ended rates of one code over the same dates for other modifiers and other payers
        let store = try FeeStore()
        let outcome = try store.importFees([
            "Medicare,99213,,90.00,2026-01-01,", "Medicare,99213,25,91.00,2026-01-01,",
            "Medicare,99213,59,92.00,2026-01-01,", "Aetna,99213,,93.00,2026-01-01,", "*,99213,,94.00,2026-01-01,",
            "*,99213,25,95.00,2026-01-01,",
        ])
        // Then every one is stored
        #expect(outcome.counts.rowsLoaded == 6, "\(outcome.firstRejects)")
        #expect(try store.workspace.texts("SELECT count(*) FROM fee_rate") == ["6"])
    }

    @Test func adjacentRangesDoNotClash() throws {
        // Given one range ending 2026-05-31 and the next starting 2026-06-01, in either order
        let store = try FeeStore()
        let outcome = try store.importFees([
            "Medicare,99213,,95.00,2026-06-01,", "Medicare,99213,,90.00,2026-01-01,2026-05-31",
            "Medicare,99213,,85.00,,2025-12-31",
        ])
        // Then all three are stored
        #expect(outcome.counts.rowsLoaded == 3, "\(outcome.firstRejects)")
        #expect(
            try store.rates() == [
                "Medicare|99213||9500|2026-06-01|NULL", "Medicare|99213||9000|2026-01-01|2026-05-31",
                "Medicare|99213||8500|0001-01-01|2025-12-31",
            ])
    }

    @Test(arguments: [
        ("Medicare,99213,,90.00,2026-01-01,2026-06-01", "Medicare,99213,,95.00,2026-06-01,"),
        ("Medicare,99213,,90.00,2026-01-01,2026-01-01", "Medicare,99213,,95.00,2026-01-01,2026-01-01"),
        ("Medicare,99213,,90.00,,", "Medicare,99213,,95.00,2030-01-01,2030-12-31"),
        ("Medicare,99213,,90.00,2026-03-01,2026-03-31", "Medicare,99213,,95.00,,2026-03-31"),
    ])
    func rangesSharingADayClash(first: String, second: String) throws {
        // Given two ranges of one key that share at least one day (both ends are inclusive)
        let store = try FeeStore()
        let path = try store.workspace.write("fees.csv", feeFile([first, second]))
        // When they are imported
        // Then the file is refused and nothing is stored
        #expect(throws: IngestError.self) { _ = try store.importFile(path) }
        #expect(try store.workspace.texts("SELECT count(*) FROM import_batch") == ["0"])
        #expect(try store.workspace.texts("SELECT count(*) FROM fee_rate") == ["0"])
    }

    @Test func laterFileOverlappingAStoredRateIsRefused() throws {
        // Given a stored open-ended Medicare rate from 2026-01-01
        let store = try FeeStore()
        let first = try store.importFees(["Medicare,99213,,90.00,2026-01-01,"], name: "2026.csv")
        let batch = try #require(first.batchID)
        let before = try store.workspace.contentSnapshot()
        // When a later file starts another Medicare rate on 2026-07-01
        let path = try store.workspace.write(
            "july.csv", feeFile(["*,99214,,130.00,,", "Medicare,99213,,95.00,2026-07-01,"]))
        let error = #expect(throws: IngestError.self) { _ = try store.importFile(path) }
        // Then the file is refused, naming its line and the stored rate, and nothing changes
        guard case .overlappingRates(_, let clashes) = error else {
            Issue.record("expected overlappingRates, got \(String(describing: error))")
            return
        }
        #expect(
            clashes == [
                "line 3: payer Medicare, code 99213 from 2026-07-01 to open end overlaps the rate stored by import "
                    + "batch \(batch) (2026-01-01 to open end)"
            ])
        #expect(try store.workspace.contentSnapshot() == before)
    }

    @Test func laterFileWithTheSameStartReplacesTheStoredRate() throws {
        // Given stored Medicare rates for 99213 and 99214 from 2026-01-01
        let store = try FeeStore()
        let first = try store.importFees(
            ["Medicare,99213,,90.00,2026-01-01,", "Medicare,99214,,130.00,2026-01-01,"], name: "2026.csv")
        let batchA = try #require(first.batchID)
        // When a later file gives 99213 a corrected rate from the same day, ending in December, and adds 99215
        let second = try store.importFees(
            ["Medicare,99213,,92.50,2026-01-01,2026-12-31", "Medicare,99215,,180.00,2026-01-01,"], name: "fix.csv")
        let batchB = try #require(second.batchID)
        // Then the old 99213 row is gone, the new one stored, and 99214 untouched
        #expect(
            try store.workspace.texts(
                "SELECT procedure_code || ' ' || amount_cents || ' ' || ifnull(effective_to, 'NULL') || ' ' || batch_id "
                    + "FROM fee_rate ORDER BY procedure_code")
                == [
                    "99213 9250 2026-12-31 \(batchB)", "99214 13000 NULL \(batchA)", "99215 18000 NULL \(batchB)",
                ])
        // and the batch counts the replaced rate
        #expect(second.counts == ImportBatchCounts(rowsRead: 2, rowsLoaded: 2, rowsRejected: 0, rowsReplaced: 1))
        #expect(
            try store.workspace.texts(
                "SELECT rows_replaced || ' ' || encounters_replaced FROM import_batch WHERE id = \(batchB)")
                == ["1 0"])
        #expect(second.details == ["2 rates: 1 new, 1 replaced"])
    }

    @Test(arguments: [false, true])
    func laterFileMaySplitAStoredRangeInEitherRowOrder(newPeriodFirst: Bool) throws {
        // Given a stored open-ended Medicare rate from 2026-01-01
        let store = try FeeStore()
        _ = try store.importFees(["Medicare,99213,,90.00,2026-01-01,"], name: "2026.csv")
        // When a later file ends it on 2026-06-30 (same start) and starts a new rate on 2026-07-01,
        // the new period's row coming first or second
        let rows = ["Medicare,99213,,90.00,2026-01-01,2026-06-30", "Medicare,99213,,95.00,2026-07-01,"]
        let outcome = try store.importFees(newPeriodFirst ? rows.reversed() : rows, name: "split.csv")
        // Then the stored rate is replaced and the new period added beside it
        #expect(outcome.counts.rowsReplaced == 1)
        #expect(
            try store.rates().sorted() == [
                "Medicare|99213||9000|2026-01-01|2026-06-30", "Medicare|99213||9500|2026-07-01|NULL",
            ])
    }

    @Test func sameFileTwiceIsANoOp() throws {
        // Given a fee schedule imported once
        let store = try FeeStore()
        let path = try store.workspace.write(
            "fees.csv", feeFile(["*,99213,,91.56,,", "Medicare,99213,,90.00,2026-01-01,"]))
        let first = try store.importFile(path)
        let before = try store.workspace.contentSnapshot()
        // When it is imported again
        let second = try store.importFile(path)
        // Then it says which batch loaded it (its rates do not clash with themselves) and nothing changed
        #expect(second.alreadyImportedAs?.id == first.batchID)
        #expect(second.alreadyImportedAs?.kind == .fees)
        #expect(second.batchID == nil)
        #expect(try store.workspace.contentSnapshot() == before)
    }

    @Test func forcedReimportReplacesEveryRate() throws {
        // Given a fee schedule imported once
        let store = try FeeStore()
        let path = try store.workspace.write(
            "fees.csv", feeFile(["*,99213,,91.56,,", "Medicare,99213,,90.00,2026-01-01,"]))
        _ = try store.importFile(path)
        // When it is imported again with force
        let second = try store.importFile(path) { $0.force = true }
        // Then each rate replaces its own earlier copy: two rates stored, both counted as replaced
        #expect(second.counts.rowsReplaced == 2)
        #expect(try store.workspace.texts("SELECT count(*) FROM fee_rate") == ["2"])
    }
}

// MARK: - Helpers

/// A workspace for fee schedules (they need no encounters).
private struct FeeStore {
    let workspace: TestWorkspace

    init() throws {
        workspace = try TestWorkspace()
    }

    func importFile(_ path: String, configure: (inout ImportOptions) -> Void = { _ in }) throws -> ImportOutcome {
        try workspace.importFile(path, kind: .fees, configure: configure)
    }

    func importFees(_ rows: [String], name: String = "fees.csv") throws -> ImportOutcome {
        try importFile(try workspace.write(name, feeFile(rows)))
    }

    /// Each stored rate as `payer|code|modifier|cents|from|to`, in file order.
    func rates() throws -> [String] {
        try workspace.texts(
            """
            SELECT payer || '|' || procedure_code || '|' || modifier || '|' || amount_cents || '|' || effective_from
                || '|' || ifnull(effective_to, 'NULL')
            FROM fee_rate ORDER BY id
            """)
    }
}
