import Foundation
import GRDB
import TestSupport
import Testing

/// End to end: `codeaudit import ptp` and `codeaudit import mue` with the real binary, CMS's layouts
/// (`Tests/Fixtures/NCCI`) and a real database.
@Suite struct NCCIImportCLITests {
    static let ptpColumns =
        "column_1 ← \"Column 1\"; column_2 ← \"Column 2\"; before_1996 ← \"*=in existence prior to 1996\"; "
        + "effective_date ← \"Effective Date\"; deletion_date ← \"Deletion Date\"; modifier_indicator ← \"Modifier\"; "
        + "rationale ← \"PTP Edit Rationale\""

    @Test func aQuartersPTPFilesImportTogetherWithASummaryEach() throws {
        // Given a database, CMS's f1 text file and edits saved from the spreadsheet as CSV
        let workspace = try CLIWorkspace()
        #expect(try workspace.run(["init"]).status == 0)
        try workspace.copyNCCIFixture("ccipra-v321r0-f1.txt")
        try workspace.copyNCCIFixture("ccipra-v321r0-f4.csv")
        // When both are imported
        let result = try workspace.run(["import", "ptp", "ccipra-v321r0-f1.txt", "ccipra-v321r0-f4.csv"])
        // Then it exits 0 with each file's summary on stderr and nothing on stdout
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                ccipra-v321r0-f1.txt: 31 rows read, 30 loaded, 1 rejected
                  30 edits: 30 new, 0 replaced (the same column 1, column 2 and effective date)
                  header on line 3; skipped 2 rows above it (title, notice) and 3 sub-header rows below it
                  batch 1
                  read as Windows-1252, tab-separated
                  columns: \(Self.ptpColumns)
                  warning: not valid UTF-8 (first at line 1, byte 3); read as Windows-1252
                  rejected rows:
                    line 15: \(Self.listedTwice)
                  every rejected row, with its reason: \(workspace.path("ccipra-v321r0-f1.rejects.csv"))
                ccipra-v321r0-f4.csv: 10 rows read, 10 loaded, 0 rejected
                  10 edits: 10 new, 0 replaced (the same column 1, column 2 and effective date)
                  header on line 2; skipped 1 row above it (title, notice)
                  batch 2
                  read as UTF-8, comma-separated
                  columns: column_1 ← "Column 1"; column_2 ← "Column 2"; before_1996 ← "*=in existence prior to \
                1996"; effective_date ← "Effective Date"; deletion_date ← "Deletion Date *=no data"; \
                modifier_indicator ← "Modifier 0=not allowed 1=allowed 9=not applicable"; rationale ← "PTP Edit \
                Rationale"

                """)
        // and the edits are stored, and the row CMS lists twice is in the rejects file with its reason
        #expect(try workspace.count("ptp_edit") == 40)
        #expect(
            String(
                decoding: try Data(contentsOf: workspace.folder.appendingPathComponent("ccipra-v321r0-f1.rejects.csv")),
                as: UTF8.self)
                == "\u{FEFF}Column 1,Column 2,*=in existence prior to 1996,Effective Date,Deletion Date,Modifier,"
                + "PTP Edit Rationale,reject_line,reject_reason\r\n"
                + "13121,13120,,19960101,19960101,9,CPT Manual or CMS manual coding instruction,15,"
                + "\"\(Self.listedTwice)\"\r\n")
        // and the run log names the command, both files and the rows
        let logged = try workspace.read { db in
            try Row.fetchOne(
                db, sql: "SELECT command, exit_code, rows_read, rows_loaded, inputs FROM run_log ORDER BY id DESC")
        }
        #expect(logged?["command"] == "import ptp")
        #expect(logged?["exit_code"] == 0)
        #expect(logged?["rows_read"] == 41 && logged?["rows_loaded"] == 40)
        #expect((logged?["inputs"] as String?)?.contains("\"path\":\"ccipra-v321r0-f4.csv\"") == true)
    }

    static let listedTwice =
        "edit 13121/13120 effective 1996-01-01 is given again on line 16, whose row stays in force longer (no "
        + "deletion date against deleted 1996-01-01) and is kept; importing this row again would replace it"

    @Test func theSameFileAgainIsANoOpAndForceImportsItAgain() throws {
        // Given CMS's f1 imported
        let workspace = try CLIWorkspace()
        try workspace.copyNCCIFixture("ccipra-v321r0-f1.txt")
        #expect(try workspace.run(["import", "ptp", "ccipra-v321r0-f1.txt"]).status == 0)
        let before = try workspace.read { try $0.storedRows(except: ["run_log"]) }
        // When it is imported again
        let again = try workspace.run(["import", "ptp", "ccipra-v321r0-f1.txt"])
        // Then it exits 0 saying so, and nothing changed
        #expect(again.status == 0)
        #expect(again.stderr.hasPrefix("ccipra-v321r0-f1.txt: already imported (batch 1, "))
        #expect(again.stderr.hasSuffix(", 30 rows loaded); nothing to do. Use --force to import it again.\n"))
        #expect(try workspace.read { try $0.storedRows(except: ["run_log"]) } == before)
        // And with --force it is imported again, every key replaced
        let forced = try workspace.run(["import", "ptp", "--force", "ccipra-v321r0-f1.txt"])
        #expect(forced.status == 0)
        #expect(
            forced.stderr.hasPrefix(
                """
                ccipra-v321r0-f1.txt: 31 rows read, 30 loaded, 1 rejected
                  30 edits: 0 new, 30 replaced (the same column 1, column 2 and effective date)
                  header on line 3; skipped 2 rows above it (title, notice) and 3 sub-header rows below it
                  batch 2

                """))
        #expect(try workspace.read { try String.fetchAll($0, sql: "SELECT DISTINCT batch_id FROM ptp_edit") } == ["2"])
    }

    @Test func theNextQuarterReplacesTheKeysItGives() throws {
        // Given the first quarter's f1 imported
        let workspace = try CLIWorkspace()
        try workspace.copyNCCIFixture("ccipra-v321r0-f1.txt")
        try workspace.copyNCCIFixture("ccipra-v322r0-f1.txt")
        #expect(try workspace.run(["import", "ptp", "ccipra-v321r0-f1.txt"]).status == 0)
        // When the next quarter's f1 is imported
        let result = try workspace.run(["import", "ptp", "ccipra-v322r0-f1.txt"])
        // Then it says how many keys it replaced, the import log keeps the count, and a deletion date appeared
        #expect(result.status == 0)
        #expect(
            result.stderr.hasPrefix(
                """
                ccipra-v322r0-f1.txt: 34 rows read, 33 loaded, 1 rejected
                  33 edits: 3 new, 30 replaced (the same column 1, column 2 and effective date)

                """))
        let logged = try workspace.read { db in
            try String.fetchAll(db, sql: "SELECT kind || ' ' || rows_replaced FROM import_batch ORDER BY id")
        }
        #expect(logged == ["ptp 0", "ptp 30"])
        let deleted = try workspace.read { db in
            try String.fetchOne(
                db, sql: "SELECT deletion_date FROM ptp_edit WHERE column_1 = '20610' AND column_2 = '76942'")
        }
        #expect(deleted == "2026-06-30")
    }

    @Test func anMUETableImportsInForceFromTheDayGiven() throws {
        // Given a database and CMS's practitioner MUE table
        let workspace = try CLIWorkspace()
        #expect(try workspace.run(["init"]).status == 0)
        try workspace.copyNCCIFixture("ncci-mue-practitioner-2026-04-01.csv", as: "MCR_MUE_PractitionerServices.csv")
        // When it is imported with --effective
        let result = try workspace.run([
            "import", "mue", "--effective", "2026-04-01", "MCR_MUE_PractitionerServices.csv",
        ])
        // Then it exits 0 with its summary, and every code is stored from that day
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                MCR_MUE_PractitionerServices.csv: 20 rows read, 20 loaded, 0 rejected
                  20 codes in force from 2026-04-01: 20 new, 0 replaced (the same code and day)
                  header on line 3; skipped 1 row above it (title, notice)
                  batch 1
                  read as UTF-8, comma-separated
                  columns: procedure_code ← "HCPCS/ CPT Code"; mue_value ← "Practitioner Services MUE Values"; \
                adjudication_indicator ← "MUE Adjudication Indicator"; rationale ← "MUE Rationale"

                """)
        let days = try workspace.read { db in
            try String.fetchAll(
                db, sql: "SELECT effective_date || ' ' || count(*) FROM mue_value GROUP BY effective_date")
        }
        #expect(days == ["2026-04-01 20"])
    }

    @Test(arguments: [
        (
            [] as [String],
            "Error: Missing expected argument '--effective <date>'"
        ),
        (
            ["--effective", "2026-4-1"],
            "Error: --effective must be a day as YYYY-MM-DD (the first day of the table's quarter), not '2026-4-1'"
        ),
        (
            ["--effective", "04/01/2026"],
            "Error: --effective must be a day as YYYY-MM-DD (the first day of the table's quarter), not '04/01/2026'"
        ),
        (
            ["--effective", "2026-04-01", "--mapping", "m.json"],
            "Error: --mapping names the columns of an export; CMS's tables have fixed columns"
        ),
    ])
    func anMUEImportWithoutAUsableDayIsAUsageError(options: [String], message: String) throws {
        // Given CMS's MUE table and no database
        let workspace = try CLIWorkspace()
        try workspace.copyNCCIFixture("ncci-mue-practitioner-2026-04-01.csv", as: "mue.csv")
        // When it is imported without --effective, with a day in another form, or with a mapping
        let result = try workspace.run(["import", "mue"] + options + ["mue.csv"])
        // Then it exits 64 saying what is wanted, before creating anything
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix(message + "\n"), "\(result.stderr)")
        #expect(!workspace.exists("codeaudit.sqlite"))
    }

    @Test func strictRefusesAFileWithARejectedRow() throws {
        // Given a database holding the f4 edits, and CMS's f1, which lists a key twice
        let workspace = try CLIWorkspace()
        try workspace.copyNCCIFixture("ccipra-v321r0-f4.csv")
        try workspace.copyNCCIFixture("ccipra-v321r0-f1.txt")
        #expect(try workspace.run(["import", "ptp", "ccipra-v321r0-f4.csv"]).status == 0)
        let before = try workspace.read { try $0.storedRows(except: ["run_log"]) }
        // When f1 is imported with --strict
        let result = try workspace.run(["import", "ptp", "--strict", "ccipra-v321r0-f1.txt"])
        // Then it exits 65, nothing of it stored
        #expect(result.status == 65)
        #expect(
            result.stderr.hasPrefix(
                "ccipra-v321r0-f1.txt: 31 rows read, 30 loaded, 1 rejected — --strict: nothing imported\n"))
        #expect(try workspace.read { try $0.storedRows(except: ["run_log"]) } == before)
    }

    @Test func importHelpListsTheNCCITables() throws {
        let workspace = try CLIWorkspace()
        let result = try workspace.run(["import", "--help"])
        #expect(result.status == 0)
        // (the help wraps its lines: compare the words)
        let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("ptp Import CMS's Medicare NCCI procedure-to-procedure edits, practitioner file."))
        #expect(words.contains("mue Import CMS's practitioner services MUE table (medically unlikely edits)."))
    }

    @Test func theDemoImportsSampleNCCITablesByTheirNames() throws {
        // Given a sample folder with an encounter export, a PTP file and an MUE table dated by its name
        let workspace = try CLIWorkspace()
        try workspace.write("sample/encounters.csv", encounters(["E1"]))
        try workspace.copyNCCIFixture("ccipra-v321r0-f4.csv", as: "sample/ncci-ptp-practitioner-2026q2.csv")
        try workspace.copyNCCIFixture(
            "ncci-mue-practitioner-2026-04-01.csv", as: "sample/ncci-mue-practitioner-2026-04-01.csv")
        // When the demo runs on it
        let result = try workspace.run(["demo", "--sample-data", "sample", "--out", "out"])
        // Then each table is imported as its kind, the MUE table from the day its name ends with
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("ptp: ncci-ptp-practitioner-2026q2.csv: 10 rows, 10 loaded, 0 rejected\n"))
        #expect(result.stderr.contains("mue: ncci-mue-practitioner-2026-04-01.csv: 20 rows, 20 loaded, 0 rejected\n"))
        let stored = try workspace.read("out/demo.sqlite") { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT 'ptp ' || count(*) FROM ptp_edit
                    UNION ALL SELECT 'mue ' || effective_date || ' ' || count(*) FROM mue_value
                    """)
        }
        #expect(stored == ["ptp 10", "mue 2026-04-01 20"])
    }

    @Test func theDemoRefusesASampleMUETableWithoutADayInItsName() throws {
        // Given a sample folder whose MUE table's name ends without a day
        let workspace = try CLIWorkspace()
        try workspace.write("sample/encounters.csv", encounters(["E1"]))
        try workspace.copyNCCIFixture("ncci-mue-practitioner-2026-04-01.csv", as: "sample/ncci-mue-practitioner.csv")
        // When the demo runs on it
        let result = try workspace.run(["demo", "--sample-data", "sample", "--out", "out"])
        // Then it exits 65 saying how to name the file
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "codeaudit: the sample MUE table ncci-mue-practitioner.csv has no effective date at the end of its "
                + "name; name it like ncci-mue-practitioner-2026-04-01.csv (the day the table takes effect)\n")
    }
}
