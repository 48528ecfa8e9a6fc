import Foundation
import GRDB
import TestSupport
import Testing

/// CMS's NCCI tables (SPEC 8) broken one way each, imported with the real binary into a database
/// that already holds encounters G1 and G2: a file that is not the table asked for is refused whole
/// (exit 65), a bad row is rejected alone (exit 0), and nothing stored before is lost or changed.
extension MalformedInputCLITests {
    /// A file refused as the table `kind` names, with the message it gets.
    struct TableRefusal: CustomTestStringConvertible, Sendable {
        let file: String
        let kind: String
        let message: String
        var testDescription: String { "\(kind) \(file)" }

        /// The import command for the file.
        var arguments: [String] {
            ["import", kind] + (kind == "mue" ? ["--effective", "2026-04-01"] : []) + [file]
        }
    }

    static let ptpExpected =
        "expected a header row starting \"Column 1\", \"Column 2\" (as in CMS's practitioner PTP files, "
        + "ccipra-v…-f1.txt to -f4.txt, or their rows saved as CSV)"
    static let mueExpected =
        "expected the header row \"HCPCS/CPT Code\", \"Practitioner Services MUE Values\", \"MUE Adjudication "
        + "Indicator\", \"MUE Rationale\" (as in CMS's Practitioner Services MUE table)"

    static let tableRefusals = [
        TableRefusal(
            file: "ptp-no-header.txt", kind: "ptp",
            message: "ptp-no-header.txt is not an NCCI PTP table: \(ptpExpected), but none of the file's 4 rows is "
                + "that header; nothing was imported"),
        TableRefusal(
            file: "ptp-five-columns.txt", kind: "ptp",
            message: "ptp-five-columns.txt is not an NCCI PTP table: its header row (line 2) has 5 columns; a PTP "
                + "table has 7: \"Column 1\", \"Column 2\", in existence before 1996 (* or blank), effective date, "
                + "deletion date, modifier indicator (0, 1 or 9), rationale; nothing was imported"),
        TableRefusal(
            file: "mue-table.csv", kind: "ptp",
            message: "mue-table.csv is not an NCCI PTP table: line 2 is the header of an MUE table (\"HCPCS/CPT "
                + "Code\", \"Practitioner Services MUE Values\", \"MUE Adjudication Indicator\", \"MUE Rationale\"); "
                + "import it with codeaudit import mue FILE --effective YYYY-MM-DD; nothing was imported"),
        TableRefusal(
            file: "empty.csv", kind: "ptp",
            message: "empty.csv is not an NCCI PTP table: \(ptpExpected), but the file is empty; nothing was imported"),
        TableRefusal(
            file: "header-only.csv", kind: "ptp",
            message: "header-only.csv is not an NCCI PTP table: \(ptpExpected), but the file's one row is not that "
                + "header; nothing was imported"),
        TableRefusal(
            file: "mue-outpatient-hospital.csv", kind: "mue",
            message: "mue-outpatient-hospital.csv is not a practitioner MUE table: its header row (line 2) is "
                + "\"HCPCS/CPT Code\", \"Outpatient Hospital Services MUE Values\", \"MUE Adjudication Indicator\", "
                + "\"MUE Rationale\"; \(mueExpected); nothing was imported"),
        TableRefusal(
            file: "ptp-table.txt", kind: "mue",
            message: "ptp-table.txt is not a practitioner MUE table: line 3 is the header of an NCCI PTP table; "
                + "import it with codeaudit import ptp; nothing was imported"),
        TableRefusal(
            file: "empty.csv", kind: "mue",
            message: "empty.csv is not a practitioner MUE table: \(mueExpected), but the file is empty; nothing was "
                + "imported"),
        TableRefusal(
            file: "unterminated-quote.csv", kind: "ptp",
            message: "unterminated-quote.csv, line 3, column 4 (byte 187): a quoted field is never closed (its "
                + "closing \" is missing); nothing was imported"),
        TableRefusal(
            file: "nul-byte.csv", kind: "mue",
            message: "nul-byte.csv, line 3 (byte 192): a NUL character, and a CSV export holds text only (is this a "
                + "spreadsheet or UTF-16 file? save it as CSV UTF-8)"),
    ]

    @Test(arguments: tableRefusals)
    func fileThatIsNotTheTableIsRefusedSayingWhatWasExpected(_ refusal: TableRefusal) throws {
        // Given a database holding encounters, and a file that is not the NCCI table asked for
        let workspace = try MalformedWorkspace()
        try workspace.copyFixture(refusal.file)
        let before = try workspace.storedRows()
        // When it is imported as that table
        let result = try workspace.run(refusal.arguments)
        // Then it exits 65 with one message naming the file, what was expected and what it holds
        #expect(result.status == 65)
        #expect(result.stderr == "codeaudit: \(refusal.message)\n")
        #expect(result.stdout.isEmpty)
        // and nothing changed but the run log's record of the failure; no rejects file was left
        #expect(try workspace.storedRows() == before)
        #expect(try workspace.lastRun() == ["import \(refusal.kind)", "65"])
        let stem = (refusal.file as NSString).deletingPathExtension
        #expect(!workspace.exists(stem + ".rejects.csv"))
    }

    @Test func badPTPRowsAreRejectedAloneNamingLineColumnAndRule() throws {
        // Given a database holding encounters, and a PTP file with four rows broken one way each
        let workspace = try MalformedWorkspace()
        try workspace.copyFixture("ptp-bad-rows.txt")
        let before = try workspace.storedRows()
        // When it is imported
        let result = try workspace.run(["import", "ptp", "ptp-bad-rows.txt"])
        // Then it exits 0, loading the two good rows and naming each bad one
        #expect(result.status == 0)
        #expect(
            result.stderr == """
                ptp-bad-rows.txt: 6 rows read, 2 loaded, 4 rejected
                  2 edits: 2 new, 0 replaced (the same column 1, column 2 and effective date)
                  header on line 3; skipped 2 rows above it (title, notice)
                  batch 2
                  read as UTF-8, tab-separated
                  columns: \(NCCIImportCLITests.ptpColumns)
                  rejected rows:
                    line 5, column "Column 1": column 1 '1105' is not a CPT code (5 digits, or 4 digits and A, F, M, \
                T or U) or a HCPCS Level II code (a letter A–V and 4 digits)
                    line 6, column "Effective Date": effective date '2002-13-01' is not a date: write YYYYMMDD as CMS \
                does (or YYYY-MM-DD, MM/DD/YYYY)
                    line 7, column "Deletion Date": deletion date 2001-12-31 is before the effective date 2002-01-01
                    line 8, column "Modifier": modifier indicator '5' is not 0 (not allowed), 1 (allowed) or 9 (not \
                applicable)
                  every rejected row, with its reason: \(workspace.cli.path("ptp-bad-rows.rejects.csv"))

                """)
        #expect(try workspace.count("ptp_edit") == 2)
        #expect(try workspace.count("import_reject") == 4)
        // and every row stored before is still there, unchanged
        let after = try workspace.storedRows()
        #expect(Set(before).isSubset(of: Set(after)), "\(Set(before).subtracting(after))")
    }

    @Test func badMUERowsAreRejectedAloneNamingLineColumnAndRule() throws {
        // Given a database holding encounters, and an MUE table with three rows broken one way each
        let workspace = try MalformedWorkspace()
        try workspace.copyFixture("mue-bad-rows.csv")
        let before = try workspace.storedRows()
        // When it is imported
        let result = try workspace.run(["import", "mue", "--effective", "2026-04-01", "mue-bad-rows.csv"])
        // Then it exits 0, loading the two good rows and naming each bad one
        #expect(result.status == 0)
        #expect(
            result.stderr == """
                mue-bad-rows.csv: 5 rows read, 2 loaded, 3 rejected
                  2 codes in force from 2026-04-01: 2 new, 0 replaced (the same code and day)
                  header on line 2; skipped 1 row above it (title, notice)
                  batch 2
                  read as UTF-8, comma-separated
                  columns: procedure_code ← "HCPCS/CPT Code"; mue_value ← "Practitioner Services MUE Values"; \
                adjudication_indicator ← "MUE Adjudication Indicator"; rationale ← "MUE Rationale"
                  rejected rows:
                    line 4, column "Practitioner Services MUE Values": MUE value 'four' is not a whole number from 0 \
                to 999999
                    line 5, column "MUE Adjudication Indicator": adjudication indicator 'Date of Service Edit' is \
                unknown; CMS's are "1 Line Edit", "2 Date of Service Edit: Policy" and "3 Date of Service Edit: \
                Clinical"
                    line 6, column "HCPCS/CPT Code": code 36415 is given on line 3 already; a table gives one value \
                per code, and importing this row again would replace that one
                  every rejected row, with its reason: \(workspace.cli.path("mue-bad-rows.rejects.csv"))

                """)
        #expect(try workspace.count("mue_value") == 2)
        let after = try workspace.storedRows()
        #expect(Set(before).isSubset(of: Set(after)), "\(Set(before).subtracting(after))")
    }
}
