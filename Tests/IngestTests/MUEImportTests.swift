import Foundation
import GRDB
import Store
import TestSupport
import Testing

@testable import Ingest

/// SPEC 8: CMS's practitioner services MUE table, in force from the day `--effective` names.
@Suite struct MUEImportTests {
    static let april = CalendarDay(year: 2026, month: 4, day: 1)!
    static let july = CalendarDay(year: 2026, month: 7, day: 1)!

    @Test func cmsTableLoadsEveryCodeFromItsEffectiveDay() throws {
        // Given CMS's table: a quoted two-line notice, the header with its first cell wrapped, 20 codes
        let store = try MUEStore()
        // When it is imported in force from 2026-04-01
        let outcome = try store.importFixture("ncci-mue-practitioner-2026-04-01.csv", effective: Self.april)
        // Then every code loads, from that day
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 20, rowsLoaded: 20, rowsRejected: 0))
        #expect(
            outcome.details == [
                "20 codes in force from 2026-04-01: 20 new, 0 replaced (the same code and day)",
                "header on line 3; skipped 1 row above it (title, notice)",
            ])
        #expect(outcome.columns.first == "procedure_code ← \"HCPCS/ CPT Code\"")
        #expect(try store.workspace.texts("SELECT DISTINCT effective_date FROM mue_value") == ["2026-04-01"])
        // and each indicator text is its number; a value of 0 is kept (the code is never payable)
        #expect(
            try store.values(where: "procedure_code IN ('11102', '17003', '36415', 'J3490')") == [
                "11102 2026-04-01 1 1 Anatomic Consideration",
                "17003 2026-04-01 13 2 Code Descriptor / CPT Instruction",
                "36415 2026-04-01 2 3 Clinical: Data",
                "J3490 2026-04-01 0 3 Nature of Service/Procedure",
            ])
        #expect(
            try store.workspace.texts(
                "SELECT adjudication_indicator || ':' || count(*) FROM mue_value GROUP BY adjudication_indicator "
                    + "ORDER BY adjudication_indicator")
                == ["1:3", "2:9", "3:8"])
    }

    @Test func aLaterQuarterAddsValuesFromItsOwnDay() throws {
        // Given April's table imported
        let store = try MUEStore()
        _ = try store.importFixture("ncci-mue-practitioner-2026-04-01.csv", effective: Self.april)
        // When July's is imported in force from 2026-07-01
        let outcome = try store.importFixture("ncci-mue-practitioner-2026-07-01.csv", effective: Self.july)
        // Then its 21 codes are new values from July on, and April's stay for the days before
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 21, rowsLoaded: 21, rowsRejected: 0))
        #expect(
            outcome.details == [
                "21 codes in force from 2026-07-01: 21 new, 0 replaced (the same code and day)",
                "header on line 3; skipped 1 row above it (title, notice)",
            ])
        #expect(
            try store.values(where: "procedure_code IN ('96372', '99215', 'J1100')") == [
                "96372 2026-04-01 4 3 Clinical: Data", "96372 2026-07-01 3 3 Clinical: Data",
                "99215 2026-07-01 1 2 Code Descriptor / CPT Instruction",
                "J1100 2026-04-01 100 3 Clinical: Data", "J1100 2026-07-01 80 3 Clinical: Data",
            ])
        #expect(try store.workspace.read { try $0.rowCount("mue_value") } == 41)
    }

    @Test func aTableImportedAgainForTheSameDayReplacesItsValues() throws {
        // Given April's table imported
        let store = try MUEStore()
        let first = try store.importFixture("ncci-mue-practitioner-2026-04-01.csv", effective: Self.april)
        // When a corrected table is imported for the same day (other bytes, so not a no-op)
        let path = try store.workspace.write(
            "corrected.csv", mueFile(["96372,5,3 Date of Service Edit: Clinical,Clinical: Data"]))
        let outcome = try store.workspace.importFile(path, kind: .mue) { $0.effectiveDate = Self.april }
        // Then the code's value for that day is replaced, and the codes it leaves out stay
        #expect(
            outcome.counts == ImportBatchCounts(rowsRead: 1, rowsLoaded: 1, rowsRejected: 0, rowsReplaced: 1))
        #expect(outcome.details.first == "1 code in force from 2026-04-01: 0 new, 1 replaced (the same code and day)")
        #expect(try store.values(where: "procedure_code = '96372'") == ["96372 2026-04-01 5 3 Clinical: Data"])
        #expect(try store.workspace.read { try $0.rowCount("mue_value") } == 20)
        #expect(first.batchID != outcome.batchID)
    }

    @Test(arguments: [
        ("1 Line Edit", 1), ("2 Date of Service Edit: Policy", 2), ("3 Date of Service Edit: Clinical", 3),
        ("3  date of service EDIT:  clinical", 3), ("2", 2),
    ])
    func indicatorCellsAreReadAsCMSWritesThem(cell: String, indicator: Int) throws {
        // Given a code whose indicator cell is written `cell`
        let store = try MUEStore()
        let path = try store.workspace.write("m.csv", mueFile(["36415,2,\(cell),Clinical: Data"]))
        // When it is imported
        let outcome = try store.workspace.importFile(path, kind: .mue) { $0.effectiveDate = Self.april }
        // Then it is stored as that indicator
        #expect(outcome.counts.rowsLoaded == 1, "\(outcome.firstRejects)")
        #expect(try store.workspace.texts("SELECT adjudication_indicator FROM mue_value") == ["\(indicator)"])
    }

    static let indicators =
        "CMS's are \"1 Line Edit\", \"2 Date of Service Edit: Policy\" and \"3 Date of Service Edit: Clinical\""

    @Test(
        arguments: [
            (
                "3641,1,1 Line Edit,x", "HCPCS/CPT Code",
                "code '3641' is not a CPT code (5 digits, or 4 digits and A, F, M, T or U) or a HCPCS Level II code "
                    + "(a letter A–V and 4 digits)"
            ),
            (",1,1 Line Edit,x", "HCPCS/CPT Code", "code is blank"),
            (
                "99213,-1,1 Line Edit,x", "Practitioner Services MUE Values",
                "MUE value '-1' is not a whole number from 0 to 999999"
            ),
            (
                "99213,1.5,1 Line Edit,x", "Practitioner Services MUE Values",
                "MUE value '1.5' is not a whole number from 0 to 999999"
            ),
            (
                "99213,1000000,1 Line Edit,x", "Practitioner Services MUE Values",
                "MUE value '1000000' is not a whole number from 0 to 999999"
            ),
            ("99213,,1 Line Edit,x", "Practitioner Services MUE Values", "MUE value is blank"),
            (
                "99213,1,4 Line Edit,x", "MUE Adjudication Indicator",
                "adjudication indicator '4 Line Edit' is unknown; \(indicators)"
            ),
            (
                "99213,1,2 Date of Service Edit: Clinical,x", "MUE Adjudication Indicator",
                "adjudication indicator '2 Date of Service Edit: Clinical' is unknown; \(indicators)"
            ),
            ("99213,1,,x", "MUE Adjudication Indicator", "adjudication indicator is blank; \(indicators)"),
            (
                "36415,3,1 Line Edit,x", "HCPCS/CPT Code",
                "code 36415 is given on line 3 already; a table gives one value per code, and importing this row "
                    + "again would replace that one"
            ),
            ("99213,1,1 Line Edit", nil, "the row has 3 fields; the header has 4"),
        ] as [(String, String?, String)])
    func badRowIsRejectedWithItsReasonAndTheOthersLoad(row: String, column: String?, reason: String) throws {
        // Given a bad row (file line 4) between two good ones
        let store = try MUEStore()
        let path = try store.workspace.write(
            "bad.csv",
            mueFile([
                "36415,2,3 Date of Service Edit: Clinical,Clinical: Data", row,
                "96372,4,3 Date of Service Edit: Clinical,Clinical: Data",
            ]))
        // When it is imported
        let outcome = try store.workspace.importFile(path, kind: .mue) { $0.effectiveDate = Self.april }
        // Then that row alone is rejected, naming its line, column and reason, and the others load
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 3, rowsLoaded: 2, rowsRejected: 1))
        #expect(outcome.firstRejects == [RowReject(line: 4, column: column, reason: reason)])
        #expect(try store.values() == ["36415 2026-04-01 2 3 Clinical: Data", "96372 2026-04-01 4 3 Clinical: Data"])
        let stored = try store.workspace.database.rejects(batchID: #require(outcome.batchID))
        #expect(stored.map(\.reason) == [reason])
        #expect(
            csvRecords(
                try String(
                    contentsOfFile: store.workspace.folder.appendingPathComponent("bad.rejects.csv").path,
                    encoding: .utf8)
            ).dropFirst().map { $0.suffix(2) } == [["4", reason]])
    }

    static let expected =
        "the header row \"HCPCS/CPT Code\", \"Practitioner Services MUE Values\", \"MUE Adjudication Indicator\", "
        + "\"MUE Rationale\" (as in CMS's Practitioner Services MUE table)"

    @Test(arguments: [
        ("", "expected \(expected), but the file is empty"),
        ("\"notice\",,,\r\n", "expected \(expected), but the file's one row is not that header"),
        (
            "\"notice\",,,\r\nHCPCS/CPT Code,Outpatient Hospital Services MUE Values,MUE Adjudication Indicator,"
                + "MUE Rationale\r\n36415,2,3 Date of Service Edit: Clinical,Clinical: Data\r\n",
            "its header row (line 2) is \"HCPCS/CPT Code\", \"Outpatient Hospital Services MUE Values\", \"MUE "
                + "Adjudication Indicator\", \"MUE Rationale\"; expected \(expected)"
        ),
        (
            "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator\r\n36415,2,1 Line Edit\r\n",
            "its header row (line 1) is \"HCPCS/CPT Code\", \"Practitioner Services MUE Values\", \"MUE "
                + "Adjudication Indicator\"; expected \(expected)"
        ),
        (
            "36415,2,3 Date of Service Edit: Clinical,Clinical: Data\r\n",
            "expected \(expected) above the codes, but line 1 is a code's value (36415, 2) with no header above it"
        ),
        (
            ptpFile(["99213|99211||20100101|*|0|x"]),
            "line 3 is the header of an NCCI PTP table; import it with codeaudit import ptp"
        ),
    ])
    func aFileThatIsNoPractitionerMUETableIsRefusedAndNothingStored(text: String, reason: String) throws {
        // Given a store holding April's table, and a file that is not a practitioner MUE table
        let store = try MUEStore()
        _ = try store.importFixture("ncci-mue-practitioner-2026-04-01.csv", effective: Self.april)
        let before = try store.workspace.contentSnapshot()
        let path = try store.workspace.write("other.csv", text)
        // When it is imported as an MUE table
        let error = #expect(throws: IngestError.self) {
            _ = try store.workspace.importFile(path, kind: .mue) { $0.effectiveDate = Self.july }
        }
        // Then it is refused, saying what was expected and what was found, and nothing changed
        #expect(error == .notATable(file: path, table: "a practitioner MUE table", reason: reason))
        #expect(try store.workspace.contentSnapshot() == before)
    }
}

// MARK: - Helpers

private struct MUEStore {
    let workspace: TestWorkspace

    init() throws {
        workspace = try TestWorkspace()
    }

    /// Copies a fixture of `Tests/Fixtures/NCCI` into the workspace and imports it in force from `effective`.
    func importFixture(_ name: String, effective: CalendarDay) throws -> ImportOutcome {
        let path = try workspace.write(name, bytes: NCCIFixture.bytes(name))
        return try workspace.importFile(path, kind: .mue) { $0.effectiveDate = effective }
    }

    /// The stored values as `code effective value indicator rationale`.
    func values(where condition: String = "1") throws -> [String] {
        try workspace.texts(
            """
            SELECT procedure_code || ' ' || effective_date || ' ' || mue_value || ' ' || adjudication_indicator
                   || ' ' || rationale
            FROM mue_value WHERE \(condition) ORDER BY procedure_code, effective_date
            """)
    }
}
