import Foundation
import GRDB
import Store
import TestSupport
import Testing

@testable import Ingest

/// SPEC 8: CMS's Medicare NCCI PTP edits, practitioner files, as CMS distributes them.
@Suite struct PTPImportTests {
    @Test func cmsTextFileLoadsEveryEditUnderItsNoticeAndHeader() throws {
        // Given CMS's f1 text file: Windows-1252, tabs, a notice and a title, the header, three sub-header rows
        let store = try PTPStore()
        // When it is imported
        let outcome = try store.importFixture("ccipra-v321r0-f1.txt")
        // Then its 31 edits are read (the notice, title, header and sub-headers are not rows) and 30 load:
        // the key CMS lists twice keeps its row in force
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 31, rowsLoaded: 30, rowsRejected: 1))
        #expect(outcome.encoding == .windows1252)
        #expect(outcome.delimiter == .tab)
        #expect(
            outcome.details == [
                "30 edits: 30 new, 0 replaced (the same column 1, column 2 and effective date)",
                "header on line 3; skipped 2 rows above it (title, notice) and 3 sub-header rows below it",
            ])
        #expect(outcome.warnings == ["not valid UTF-8 (first at line 1, byte 3); read as Windows-1252"])
        #expect(try store.count() == 30)
        // and each edit is stored with its dates as YYYY-MM-DD, its indicator and CMS's rationale
        #expect(
            try store.edits(where: "column_1 IN ('0001A', '13121', '17110', '93000')") == [
                "0001A 96372 2021-01-01 - 0 0 Misuse of column two code with column one code",
                "13121 13120 1996-01-01 - 0 1 CPT Manual or CMS manual coding instruction",
                "17110 11055 2005-01-01 2005-12-31 9 0 HCPCS/CPT procedure code definition",
                "93000 93005 1996-01-01 - 0 1 Standards of medical/surgical practice",
                "93000 93010 1996-01-01 - 0 1 Standards of medical/surgical practice",
            ])
        // and codes with CPT's letters and HCPCS codes are kept as written
        #expect(
            try store.workspace.texts(
                "SELECT column_1 FROM ptp_edit WHERE column_1 GLOB '*[A-Z]*' GROUP BY column_1 ORDER BY column_1")
                == ["0001A", "0002M", "0591T", "G0102", "G0439", "J1100"])
    }

    @Test func rowsSavedAsCSVFromTheSpreadsheetLoadTheSame() throws {
        // Given edits saved from CMS's spreadsheet: the notice quoted, the header cells wrapped over lines
        let store = try PTPStore()
        // When the CSV is imported
        let outcome = try store.importFixture("ccipra-v321r0-f4.csv")
        // Then all 10 edits load, the header found under the notice on line 2 (it spans lines 2 to 9)
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 10, rowsLoaded: 10, rowsRejected: 0))
        #expect(outcome.delimiter == .comma)
        #expect(
            outcome.details == [
                "10 edits: 10 new, 0 replaced (the same column 1, column 2 and effective date)",
                "header on line 2; skipped 1 row above it (title, notice)",
            ])
        #expect(outcome.columns.contains("effective_date ← \"Effective Date\""))
        #expect(
            try store.edits(where: "column_1 IN ('J0585', 'Q4131')") == [
                "J0585 64612 2010-01-01 - 1 0 Standards of medical/surgical practice",
                "Q4131 15275 2016-01-01 2019-12-31 1 0 CPT Manual or CMS manual coding instruction",
            ])
    }

    @Test func theNextQuarterReplacesItsKeysAndKeepsTheRest() throws {
        // Given the first quarter's f1 and f4 imported
        let store = try PTPStore()
        let first = try store.importFixture("ccipra-v321r0-f1.txt")
        _ = try store.importFixture("ccipra-v321r0-f4.csv")
        // When the next quarter's f1 is imported
        let second = try store.importFixture("ccipra-v322r0-f1.txt")
        let batch = try #require(second.batchID)
        // Then its 30 keys stored before are replaced and its 3 new keys added
        #expect(
            second.counts == ImportBatchCounts(rowsRead: 34, rowsLoaded: 33, rowsRejected: 1, rowsReplaced: 30))
        #expect(second.details.first == "33 edits: 3 new, 30 replaced (the same column 1, column 2 and effective date)")
        #expect(
            try store.workspace.texts("SELECT rows_replaced FROM import_batch WHERE id = \(batch)") == ["30"])
        // and the edits it deletes carry their deletion date; the changed indicator is the new one
        #expect(
            try store.edits(
                where: "(column_1, column_2) IN (VALUES ('20610', '76942'), ('99214', '96372'), "
                    + "('G0102', '99397'))") == [
                    "20610 76942 2015-01-01 2026-06-30 0 0 CPT Manual or CMS manual coding instruction",
                    "99214 96372 2005-01-01 2026-06-30 1 0 Standards of medical/surgical practice",
                    "G0102 99397 2010-01-01 - 0 0 Misuse of column two code with column one code",
                ])
        // and the f4 edits, which this file leaves out, are still there: nothing is removed by omission
        #expect(try store.count() == 33 + 10)
        #expect(
            try store.workspace.texts("SELECT batch_id, count(*) FROM ptp_edit GROUP BY batch_id ORDER BY batch_id")
                == ["2", "\(batch)"])
        #expect(first.batchID == 1)
    }

    @Test func aKeyGivenTwiceKeepsTheRowInForceLongerWhicheverComesFirst() throws {
        // Given a file listing 13121/13120 twice, the row deleted the day it took effect first, as CMS
        // does, and 17000/17281 twice, the row in force longer first
        let store = try PTPStore()
        let path = try store.workspace.write(
            "twice.txt",
            ptpFile([
                "13121|13120||19960101|19960101|9|CPT Manual or CMS manual coding instruction",
                "13121|13120|*|19960101|*|0|CPT Manual or CMS manual coding instruction",
                "17000|17281||19990701|20041231|1|Mutually exclusive procedures",
                "17000|17281||19990701|19990701|9|HCPCS/CPT procedure code definition",
            ]))
        // When it is imported
        let outcome = try store.workspace.importFile(path, kind: .ptp)
        // Then each key is stored once, with the row in force longer
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 4, rowsLoaded: 2, rowsRejected: 2))
        #expect(
            try store.edits() == [
                "13121 13120 1996-01-01 - 0 1 CPT Manual or CMS manual coding instruction",
                "17000 17281 1999-07-01 2004-12-31 1 0 Mutually exclusive procedures",
            ])
        // and the other row is rejected, naming the row kept and why, whichever line it is on
        #expect(
            outcome.firstRejects == [
                RowReject(
                    line: 4, column: nil,
                    reason: "edit 13121/13120 effective 1996-01-01 is given again on line 5, whose row stays in force "
                        + "longer (no deletion date against deleted 1996-01-01) and is kept; importing this row again "
                        + "would replace it"),
                RowReject(
                    line: 7, column: nil,
                    reason:
                        "edit 17000/17281 effective 1999-07-01 is given on line 6 already, whose row stays in force "
                        + "longer (deleted 2004-12-31 against deleted 1999-07-01) and is kept; importing this row again "
                        + "would replace it"),
            ])
        // and the rejects file holds both rows as the file gave them, in the store's line order
        let stored = try store.workspace.database.rejects(batchID: #require(outcome.batchID))
        #expect(
            stored.map { "\($0.lineNumber) \($0.rawRow)" } == [
                "4 13121,13120,,19960101,19960101,9,CPT Manual or CMS manual coding instruction",
                "7 17000,17281,,19990701,19990701,9,HCPCS/CPT procedure code definition",
            ])
        #expect(
            try store.rejectsFileRows("twice.rejects.csv").map { $0.prefix(7).joined(separator: "|") } == [
                "13121|13120||19960101|19960101|9|CPT Manual or CMS manual coding instruction",
                "17000|17281||19990701|19990701|9|HCPCS/CPT procedure code definition",
            ])
    }

    @Test func editsAreStoredWhateverTheirNumberAndWhereverAKeyRepeats() throws {
        // Given 150 edits (more than two of the writer's groups of 64, and a remainder), with one key
        // listed twice, the row in force longer second, at rows 100 and 101
        let store = try PTPStore()
        var rows = (0..<150).map { "\(10000 + $0)|99211||20100101|*|1|Standards of medical/surgical practice" }
        rows.insert("10099|99211||20100101|20100101|9|CPT Manual or CMS manual coding instruction", at: 99)
        let path = try store.workspace.write("many.txt", ptpFile(rows))
        // When it is imported, and imported again with --force
        let outcome = try store.workspace.importFile(path, kind: .ptp)
        let again = try store.workspace.importFile(path, kind: .ptp) { $0.force = true }
        // Then every key is stored once, the repeated one with the row in force longer
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 151, rowsLoaded: 150, rowsRejected: 1))
        #expect(
            outcome.details.first == "150 edits: 150 new, 0 replaced (the same column 1, column 2 and effective date)")
        #expect(outcome.firstRejects.map(\.line) == [103])
        #expect(try store.count() == 150)
        #expect(
            try store.edits(where: "column_1 = '10099'") == [
                "10099 99211 2010-01-01 - 1 0 Standards of medical/surgical practice"
            ])
        // and the second import replaces every key
        #expect(again.counts == ImportBatchCounts(rowsRead: 151, rowsLoaded: 150, rowsRejected: 1, rowsReplaced: 150))
        #expect(try store.count() == 150)
        #expect(
            try store.workspace.texts("SELECT DISTINCT batch_id FROM ptp_edit") == ["\(try #require(again.batchID))"])
    }

    @Test func aKeyGivenTwiceAlikeKeepsTheFirstRow() throws {
        // Given the same key twice, both in force, with other indicators
        let store = try PTPStore()
        let path = try store.workspace.write(
            "twice.txt",
            ptpFile(["99213|99211||20100101|*|0|Mutually exclusive procedures", "99213|99211||20100101|*|1|Other"]))
        // When it is imported
        let outcome = try store.workspace.importFile(path, kind: .ptp)
        // Then the first row is kept and the second rejected
        #expect(try store.edits() == ["99213 99211 2010-01-01 - 0 0 Mutually exclusive procedures"])
        #expect(
            outcome.firstRejects == [
                RowReject(
                    line: 5, column: nil,
                    reason: "edit 99213/99211 effective 2010-01-01 is given on line 4 already; a table gives each edit "
                        + "(column 1, column 2, effective date) once, and importing this row again would replace that "
                        + "one")
            ])
    }

    static let codeShapes =
        "is not a CPT code (5 digits, or 4 digits and A, F, M, T or U) or a HCPCS Level II code "
        + "(a letter A–V and 4 digits)"
    static let dateForms = "is not a date: write YYYYMMDD as CMS does (or YYYY-MM-DD, MM/DD/YYYY)"
    static let indicators = "0 (not allowed), 1 (allowed) or 9 (not applicable)"

    @Test(
        arguments: [
            ("9921|99211||20100101|*|0|x", "Column 1", "column 1 '9921' \(codeShapes)"),
            ("99213|W9999||20100101|*|0|x", "Column 2", "column 2 'W9999' \(codeShapes)"),
            ("99213|0001X||20100101|*|0|x", "Column 2", "column 2 '0001X' \(codeShapes)"),
            ("|99211||20100101|*|0|x", "Column 1", "column 1 is blank"),
            (
                "99213|99211|Y|20100101|*|0|x", "*=in existence prior to 1996",
                "in existence before 1996 is 'Y', not * (yes) or blank (no)"
            ),
            ("99213|99211||20101301|*|0|x", "Effective Date", "effective date '20101301' \(dateForms)"),
            ("99213|99211||2010-02-30|*|0|x", "Effective Date", "effective date '2010-02-30' \(dateForms)"),
            ("99213|99211|||*|0|x", "Effective Date", "effective date is blank"),
            ("99213|99211||20100101|2010|0|x", "Deletion Date", "deletion date '2010' \(dateForms), or * for none"),
            (
                "99213|99211||20100101|20091231|0|x", "Deletion Date",
                "deletion date 2009-12-31 is before the effective date 2010-01-01"
            ),
            ("99213|99211||20100101|*|2|x", "Modifier", "modifier indicator '2' is not \(indicators)"),
            ("99213|99211||20100101|*||x", "Modifier", "modifier indicator is blank; it is \(indicators)"),
            ("99213|99211||20100101|*|0", nil, "the row has 6 fields; the header has 7"),
            (
                "99213|99211||20100101|*|0|x|y", nil,
                "the row has 8 fields; the header has 7 (a value holding a tab must be enclosed in quotes)"
            ),
        ] as [(String, String?, String)])
    func badRowIsRejectedWithItsReasonAndTheOthersLoad(row: String, column: String?, reason: String) throws {
        // Given a bad edit (file line 5) between two good ones
        let store = try PTPStore()
        let path = try store.workspace.write(
            "bad.txt",
            ptpFile([
                "11055|11056||20020101|*|0|HCPCS/CPT procedure code definition", row,
                "36415|36416||20000101|*|1|Misuse of column two code with column one code",
            ]))
        // When it is imported
        let outcome = try store.workspace.importFile(path, kind: .ptp)
        // Then that row alone is rejected, naming its line, column and reason, and the others load
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 3, rowsLoaded: 2, rowsRejected: 1))
        #expect(outcome.firstRejects == [RowReject(line: 5, column: column, reason: reason)])
        #expect(try store.workspace.texts("SELECT column_1 FROM ptp_edit ORDER BY 1") == ["11055", "36415"])
        let stored = try store.workspace.database.rejects(batchID: #require(outcome.batchID))
        #expect(stored.map(\.reason) == [reason])
        #expect(stored.map(\.rawRow) == [row.replacingOccurrences(of: "|", with: ",")])
        // and the rejects file beside it holds the row with its line and reason
        let rejects = try store.rejectsFileRows("bad.rejects.csv")
        #expect(rejects.map { $0.suffix(2) } == [["5", reason]])
    }

    @Test func codesAndDatesAreReadInEveryForm() throws {
        // Given lower-case codes, dates as YYYY-MM-DD and MM/DD/YYYY, and a blank deletion date
        let store = try PTPStore()
        let path = try store.workspace.write(
            "forms.txt",
            ptpFile([
                "0001a|j1100||2021-01-01||1|x", "g0439|0002m|*|01/01/2011|12/31/2011|9|y",
                " 99213 | 99211 ||20100101|*|0|z",
            ]))
        // When it is imported
        let outcome = try store.workspace.importFile(path, kind: .ptp)
        // Then the codes are upper-cased, the dates stored as YYYY-MM-DD, a blank deletion date is none
        #expect(outcome.counts.rowsRejected == 0, "\(outcome.firstRejects)")
        #expect(
            try store.edits() == [
                "0001A J1100 2021-01-01 - 1 0 x", "99213 99211 2010-01-01 - 0 0 z",
                "G0439 0002M 2011-01-01 2011-12-31 9 1 y",
            ])
    }

    @Test func aDeletionDateOnItsEffectiveDateIsKept() throws {
        // Given an edit deleted the day it took effect (never in force, as CMS lists some)
        let store = try PTPStore()
        let path = try store.workspace.write("same.txt", ptpFile(["13121|13120||19960101|19960101|9|x"]))
        // When it is imported
        let outcome = try store.workspace.importFile(path, kind: .ptp)
        // Then it is stored as given
        #expect(outcome.counts.rowsLoaded == 1)
        #expect(try store.edits() == ["13121 13120 1996-01-01 1996-01-01 9 0 x"])
    }

    @Test func rowsWithoutCodesOnlyUnderTheHeaderAreSubHeaders() throws {
        // Given sub-header rows under the header, then an edit, then a row without codes
        let store = try PTPStore()
        let text =
            ptpFile(["||||*=no data|0=not allowed|", "|||||1=allowed|", "99213|99211||20100101|*|0|x"])
            + "\t\t\t20100101\t*\t0\tno codes\r\n"
        let path = try store.workspace.write("sub.txt", text)
        // When it is imported
        let outcome = try store.workspace.importFile(path, kind: .ptp)
        // Then the sub-header rows are skipped, and the row without codes below the edit is rejected
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 2, rowsLoaded: 1, rowsRejected: 1))
        #expect(
            outcome.details.last
                == "header on line 3; skipped 2 rows above it (title, notice) and 2 sub-header rows below it")
        #expect(
            outcome.firstRejects == [
                RowReject(line: 7, column: "Column 1", reason: "column 1 is blank; column 2 is blank")
            ])
    }

    @Test func theRejectsFileImportsAgainOnceFixed() throws {
        // Given a file with a bad effective date, imported
        let store = try PTPStore()
        let path = try store.workspace.write(
            "f1.txt", ptpFile(["99213|99211||20101301|*|0|x", "36415|36416||20000101|*|1|y"]))
        let first = try store.workspace.importFile(path, kind: .ptp)
        #expect(first.counts.rowsRejected == 1)
        // When its rejects file has the date fixed and is imported as it is (header, reject columns and all)
        let rejects = store.workspace.folder.appendingPathComponent("f1.rejects.csv").path
        let fixed = try String(contentsOfFile: rejects, encoding: .utf8).replacingOccurrences(
            of: "20101301", with: "20100101")
        try store.workspace.write("f1.rejects.csv", fixed)
        let again = try store.workspace.importFile(rejects, kind: .ptp)
        // Then the row loads, the reject columns ignored
        #expect(again.counts == ImportBatchCounts(rowsRead: 1, rowsLoaded: 1, rowsRejected: 0))
        #expect(again.ignoredColumns == ["reject_line", "reject_reason"])
        #expect(try store.edits(where: "column_1 = '99213'") == ["99213 99211 2010-01-01 - 0 0 x"])
    }

    @Test func sameFileTwiceIsANoOpAndForceReplacesEveryKey() throws {
        // Given CMS's f1 imported once
        let store = try PTPStore()
        let first = try store.importFixture("ccipra-v321r0-f1.txt")
        let before = try store.workspace.contentSnapshot()
        // When it is imported again
        let second = try store.importFixture("ccipra-v321r0-f1.txt")
        // Then it says which batch loaded it, and nothing changed
        #expect(second.alreadyImportedAs?.id == first.batchID)
        #expect(second.batchID == nil)
        #expect(try store.workspace.contentSnapshot() == before)
        // And with --force every key it loads replaces the stored one, under the new batch
        let forced = try store.importFixture("ccipra-v321r0-f1.txt") { $0.force = true }
        #expect(forced.counts == ImportBatchCounts(rowsRead: 31, rowsLoaded: 30, rowsRejected: 1, rowsReplaced: 30))
        #expect(
            try store.workspace.texts("SELECT DISTINCT batch_id FROM ptp_edit") == ["\(try #require(forced.batchID))"])
    }

    @Test func strictRollsBackAFileWithARejectedRow() throws {
        // Given CMS's f1, whose key listed twice rejects a row
        let store = try PTPStore()
        let before = try store.workspace.contentSnapshot()
        // When it is imported with --strict
        let outcome = try store.importFixture("ccipra-v321r0-f1.txt") { $0.strict = true }
        // Then nothing is stored
        #expect(outcome.rolledBack)
        #expect(try store.workspace.contentSnapshot() == before)
    }

    static let expected =
        "a header row starting \"Column 1\", \"Column 2\" (as in CMS's practitioner PTP files, "
        + "ccipra-v…-f1.txt to -f4.txt, or their rows saved as CSV)"

    static let refusals: [(String, String)] = {
        let twentyRows = (1...20).map { "line \($0)\r\n" }.joined() + "Column 1\tColumn 2\n"
        let fiveColumns = "Column 1\tColumn 2\tEffective\tDeletion\tModifier\r\n99213\t99211\t20100101\t*\t0\r\n"
        let columns: String =
            "\"Column 1\", \"Column 2\", in existence before 1996 (* or blank), effective date, deletion date, "
            + "modifier indicator (0, 1 or 9), rationale"
        let mueHeader: String =
            "\"HCPCS/CPT Code\", \"Practitioner Services MUE Values\", \"MUE Adjudication Indicator\", \"MUE Rationale\""
        return [
            ("", "expected \(expected), but the file is empty"),
            (
                "Practice notes\r\nnothing here\r\n",
                "expected \(expected), but none of the file's 2 rows is that header"
            ),
            (twentyRows, "expected \(expected) within its first 20 rows"),
            (
                "99213\t99211\t\t20100101\t*\t0\tx\r\n",
                "expected \(expected) above the edits, but line 1 is an edit (99213, 99211) with no header above it"
            ),
            (fiveColumns, "its header row (line 1) has 5 columns; a PTP table has 7: " + columns),
            (
                mueFile(["36415,2,3 Date of Service Edit: Clinical,Clinical: Data"]),
                "line 2 is the header of an MUE table (" + mueHeader
                    + "); import it with codeaudit import mue FILE --effective YYYY-MM-DD"
            ),
        ]
    }()

    @Test(arguments: refusals)
    func aFileThatIsNoPTPTableIsRefusedAndNothingStored(text: String, reason: String) throws {
        // Given a store holding CMS's f4 edits, and a file that is not a PTP table
        let store = try PTPStore()
        _ = try store.importFixture("ccipra-v321r0-f4.csv")
        let before = try store.workspace.contentSnapshot()
        let path = try store.workspace.write("other.txt", text)
        // When it is imported as PTP edits
        let error = #expect(throws: IngestError.self) { _ = try store.workspace.importFile(path, kind: .ptp) }
        // Then it is refused, saying what was expected and what was found, and nothing changed
        #expect(error == .notATable(file: path, table: "an NCCI PTP table", reason: reason))
        #expect(error?.exitCode == 65)
        #expect(try store.workspace.contentSnapshot() == before)
        #expect(
            !FileManager.default.fileExists(
                atPath: store.workspace.folder.appendingPathComponent("other.rejects.csv").path))
    }

    @Test func theDelimiterIsTheHeaderRowsNotTheNoticesOnTheFirstLine() throws {
        // Given a tab-delimited file whose notice (first line) holds commas and whose title names "Column 1"
        let folder = try TemporaryFolder()
        let path = try folder.write("f.txt", ptpFile(["99213|99211||20100101|*|0|x"]))
        // When the file is inspected for a header whose first cell is Column 1
        let info = try InputFileInfo.inspect(path: path, headerFirstCells: ["column1"])
        // Then the delimiter is the tab after the header's Column 1, not the notice's comma
        #expect(info.delimiter == .tab)
        #expect(try InputFileInfo.inspect(path: path).delimiter == .comma)
    }
}

// MARK: - Helpers

/// A workspace for NCCI tables (they need nothing else stored).
struct PTPStore {
    let workspace: TestWorkspace

    init() throws {
        workspace = try TestWorkspace()
    }

    /// Copies a fixture of `Tests/Fixtures/NCCI` into the workspace and imports it as PTP edits.
    func importFixture(_ name: String, configure: (inout ImportOptions) -> Void = { _ in }) throws -> ImportOutcome {
        let path = try workspace.write(name, bytes: NCCIFixture.bytes(name))
        return try workspace.importFile(path, kind: .ptp, configure: configure)
    }

    /// The stored edits as `column1 column2 effective deletion|- indicator before1996 rationale`.
    func edits(where condition: String = "1") throws -> [String] {
        try workspace.texts(
            """
            SELECT column_1 || ' ' || column_2 || ' ' || effective_date || ' ' || coalesce(deletion_date, '-') || ' '
                   || modifier_indicator || ' ' || before_1996 || ' ' || rationale
            FROM ptp_edit WHERE \(condition) ORDER BY column_1, column_2, effective_date
            """)
    }

    func count() throws -> Int { try workspace.read { try $0.rowCount("ptp_edit") } }

    /// The rows of a rejects file in the workspace, its header left out.
    func rejectsFileRows(_ name: String) throws -> [[String]] {
        let path = workspace.folder.appendingPathComponent(name).path
        return Array(csvRecords(try String(contentsOfFile: path, encoding: .utf8)).dropFirst())
    }
}
