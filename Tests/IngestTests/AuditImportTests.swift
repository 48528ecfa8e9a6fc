import Foundation
import GRDB
import Store
import TestSupport
import Testing

@testable import Ingest

/// SPEC 3.2: audit findings, one row per reviewed code, judged against
/// encounters already in the store.
@Suite struct AuditImportTests {
    // MARK: - Outcomes, code types, codes and units

    @Test func eachOutcomeIsStoredWithItsCodeTypeCodesAndUnits() throws {
        // Given a store holding encounter E1, and an audit of it with one row per kind of finding
        let store = try AuditStore()
        let outcome = try store.importAudits([
            auditRow(["submitted_code": "99213", "audited_code": "99213"]),
            auditRow(["submitted_code": "99213", "audited_code": "99214", "category": "E/M level"]),
            auditRow(["submitted_code": "96372", "audited_code": "96372", "submitted_units": "2"]),
            auditRow(["submitted_code": "36415", "audited_code": "", "category": "Unbundling"]),
            auditRow(["submitted_code": "", "audited_code": "G0439", "category": "Missing code"]),
            auditRow(["submitted_code": "E11.9", "audited_code": "E119"]),
            auditRow(["submitted_code": "E11.9", "audited_code": "E11.65", "category": "Specificity"]),
            auditRow(["submitted_code": "25", "audited_code": "", "category": "Modifier"]),
            auditRow(["submitted_code": "I10", "audited_code": "I10", "submitted_units": "3", "audited_units": "2"]),
        ])
        // When it is imported
        // Then every row loads: agree, revised (code), revised (units), deleted, added, and the ICD-10 and
        // modifier rows, with ICD-10 codes undotted and units only on the non-blank sides of procedure rows
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 9, rowsLoaded: 9, rowsRejected: 0))
        #expect(
            try store.findings() == [
                "2 E1 CPT 99213 99213 1 1 agree",
                "3 E1 CPT 99213 99214 1 1 revised",
                "4 E1 CPT 96372 96372 2 1 revised",
                "5 E1 CPT 36415 NULL 1 NULL deleted",
                "6 E1 HCPCS NULL G0439 NULL 1 added",
                "7 E1 ICD10 E119 E119 NULL NULL agree",
                "8 E1 ICD10 E119 E1165 NULL NULL revised",
                "9 E1 MOD 25 NULL NULL NULL deleted",
                "10 E1 ICD10 I10 I10 NULL NULL agree",
            ])
        // and the summary counts the audited encounter and the outcomes
        #expect(
            outcome.details == [
                "1 encounters audited (0 earlier audits replaced); findings: 3 agree, 3 revised, 2 deleted, 1 added"
            ])
    }

    @Test func auditorDateCategoryAndCommentAreStored() throws {
        // Given an audit row in M/D/YYYY with a category and a comment holding a comma
        let store = try AuditStore()
        _ = try store.importAudits([
            auditRow([
                "auditor": "R. Patel, CPC", "audit_date": "11/2/2026", "submitted_code": "99214",
                "audited_code": "99213", "category": "E/M level", "comment": "MDM supports low, not moderate",
            ])
        ])
        // Then they are stored as given, the date as ISO 8601
        #expect(
            try store.workspace.texts(
                "SELECT auditor || '|' || audit_date || '|' || category || '|' || comment FROM audit_finding")
                == ["R. Patel, CPC|2026-11-02|E/M level|MDM supports low, not moderate"])
    }

    @Test func blankCategoryAndCommentAreNull() throws {
        // Given a row without category or comment
        let store = try AuditStore()
        _ = try store.importAudits([auditRow()])
        // Then both are stored as NULL
        #expect(
            try store.workspace.texts("SELECT ifnull(category, 'NULL') || ifnull(comment, 'NULL') FROM audit_finding")
                == ["NULLNULL"])
    }

    @Test(arguments: [
        ("25", "MOD", "25"), ("lt", "MOD", "LT"), ("99213", "CPT", "99213"), ("0001U", "CPT", "0001U"),
        ("3074F", "CPT", "3074F"), ("0591T", "CPT", "0591T"), ("J1030", "HCPCS", "J1030"),
        ("g0439", "HCPCS", "G0439"), ("E11.9", "ICD10", "E119"), ("Z00.00", "ICD10", "Z0000"),
        ("S52.521A", "ICD10", "S52521A"), ("I10", "ICD10", "I10"), ("E119", "ICD10", "E119"),
        ("I2510", "HCPCS", "I2510"),
    ])
    func blankCodeTypeIsInferredFromTheCodesShape(code: String, type: String, stored: String) throws {
        // Given a row with no code type whose submitted and audited code is `code`
        let store = try AuditStore()
        let outcome = try store.importAudits([auditRow(["submitted_code": code, "audited_code": code])])
        // Then the type follows the shape (2 characters MOD; 5 digits or 4 digits + F/T/U CPT; a letter and
        // 4 digits HCPCS; a dot or another ICD-10-CM shape ICD10), and the row agrees with itself
        #expect(outcome.counts.rowsRejected == 0, "\(outcome.firstRejects)")
        #expect(
            try store.workspace.texts(
                "SELECT code_type || ' ' || submitted_code || ' ' || audited_code FROM audit_finding")
                == ["\(type) \(stored) \(stored)"])
        #expect(try store.workspace.texts("SELECT outcome FROM audit_finding") == ["agree"])
    }

    @Test func typeIsInferredFromTheAuditedCodeWhenTheSubmittedIsBlank() throws {
        // Given an added ICD-10 code and an added modifier, with no code type
        let store = try AuditStore()
        _ = try store.importAudits([
            auditRow(["submitted_code": "", "audited_code": "I10"]),
            auditRow(["submitted_code": "", "audited_code": "59"]),
        ])
        // Then their types come from the audited code, with no units
        #expect(try store.findings() == ["2 E1 ICD10 NULL I10 NULL NULL added", "3 E1 MOD NULL 59 NULL NULL added"])
    }

    @Test(arguments: [
        ("icd-10", "E119", "ICD10", "E119"), ("ICD-10-CM", "e11.9", "ICD10", "E119"),
        ("ICD10", "I2510", "ICD10", "I2510"),
        ("Dx", "I10", "ICD10", "I10"), ("Modifier", "59", "MOD", "59"), ("mod", "xu", "MOD", "XU"),
        ("cpt", "99213", "CPT", "99213"), ("HCPCS", "J1030", "HCPCS", "J1030"),
    ])
    func givenCodeTypeIsReadInAnyCaseAndByItsAliases(given: String, code: String, type: String, stored: String) throws {
        // Given a row whose code type is written `given`
        let store = try AuditStore()
        let outcome = try store.importAudits([
            auditRow(["code_type": given, "submitted_code": code, "audited_code": code])
        ])
        // Then the canonical type is stored, with the code as that type stores it
        #expect(outcome.counts.rowsRejected == 0, "\(outcome.firstRejects)")
        #expect(
            try store.workspace.texts(
                "SELECT code_type || ' ' || submitted_code || ' ' || audited_code FROM audit_finding")
                == ["\(type) \(stored) \(stored)"])
    }

    @Test func procedureRowMayReviseACPTCodeToAHCPCSCode() throws {
        // Given a CPT code the auditor replaced by a HCPCS code, with no code type
        let store = try AuditStore()
        let outcome = try store.importAudits([auditRow(["submitted_code": "99397", "audited_code": "G0439"])])
        // Then the row loads as a revised procedure row, typed by its submitted code
        #expect(outcome.counts.rowsRejected == 0, "\(outcome.firstRejects)")
        #expect(try store.findings() == ["2 E1 CPT 99397 G0439 1 1 revised"])
    }

    @Test func unitsOnADiagnosisOrModifierRowAreIgnored() throws {
        // Given units, even bad ones, on ICD-10 and modifier rows
        let store = try AuditStore()
        let outcome = try store.importAudits([
            auditRow(["submitted_code": "E11.9", "audited_code": "E11.9", "submitted_units": "0"]),
            auditRow(["submitted_code": "25", "audited_code": "59", "audited_units": "1000"]),
        ])
        // Then both load with NULL units
        #expect(outcome.counts.rowsRejected == 0, "\(outcome.firstRejects)")
        #expect(try store.findings() == ["2 E1 ICD10 E119 E119 NULL NULL agree", "3 E1 MOD 25 59 NULL NULL revised"])
    }

    @Test func explicitUnitsOfOneAgreeWithBlankUnits() throws {
        // Given a procedure row with submitted units 1 and audited units blank, and one with 2.00 and 2
        let store = try AuditStore()
        _ = try store.importAudits([
            auditRow(["submitted_code": "99213", "audited_code": "99213", "submitted_units": "1"]),
            auditRow([
                "submitted_code": "96372", "audited_code": "96372", "submitted_units": "2.00", "audited_units": "2",
            ]),
        ])
        // Then blank units count as 1 and both rows agree
        #expect(try store.findings() == ["2 E1 CPT 99213 99213 1 1 agree", "3 E1 CPT 96372 96372 2 2 agree"])
    }

    // MARK: - Rejected rows

    static let bothBlank =
        "submitted and audited code are both blank; a finding judges one code (blank submitted code: the auditor "
        + "added it; blank audited code: the auditor deleted it)"
    static let notProcedure =
        "is not a CPT code (5 digits, or 4 digits and F, T or U) or a HCPCS Level II code (a letter A–V and 4 digits)"
    static let dateForms = "write YYYY-MM-DD, MM/DD/YYYY or M/D/YYYY"

    @Test(arguments: [
        (
            ["encounter_id": "E9"], "encounter_id",
            "unknown encounter 'E9': import the encounter export that holds it first"
        ),
        (["encounter_id": ""], "encounter_id", "encounter id is blank"),
        (["auditor": ""], "auditor", "auditor is blank"),
        (["audit_date": ""], "audit_date", "audit date is blank"),
        (["audit_date": "13/45/2026"], "audit_date", "audit date '13/45/2026' is not a date; \(dateForms)"),
        (["audit_date": "11/02/26"], "audit_date", "audit date '11/02/26' has a two-digit year; \(dateForms)"),
        (["audit_date": "2026-11-28"], "audit_date", "audit date '2026-11-28' is in the future (today is 2026-11-27)"),
        (["submitted_code": "", "audited_code": ""], "submitted_code", bothBlank),
        (["code_type": "LAB"], "code_type", "code type 'LAB' is not one of CPT, HCPCS, ICD10, MOD"),
        (
            ["submitted_code": "ABC", "audited_code": "ABC"], "submitted_code",
            "cannot tell the code type of 'ABC'; give code_type (CPT, HCPCS, ICD10, MOD) or write ICD-10-CM codes "
                + "with their dot"
        ),
        (
            ["submitted_code": "", "audited_code": "9921"], "audited_code",
            "cannot tell the code type of '9921'; give code_type (CPT, HCPCS, ICD10, MOD) or write ICD-10-CM codes "
                + "with their dot"
        ),
        (
            ["code_type": "CPT", "submitted_code": "E11.9", "audited_code": "99213"], "submitted_code",
            "submitted code: 'E11.9' \(notProcedure)"
        ),
        (
            ["submitted_code": "E11", "audited_code": "E11.9"], "submitted_code",
            "submitted code: diagnosis code 'E11' is a category, not billable: it has more specific codes below it "
                + "(E11.00, E11.01, E11.10, …)"
        ),
        (
            ["code_type": "ICD10", "submitted_code": "E11.9", "audited_code": "E11.99"], "audited_code",
            "audited code: diagnosis code 'E11.99' is not in the ICD-10-CM FY2026 code set"
        ),
        (
            ["code_type": "MOD", "submitted_code": "25", "audited_code": "2A5"], "audited_code",
            "audited code: modifier '2A5' is not 2 letters or digits"
        ),
        (["submitted_units": "0"], "submitted_units", "units '0' is not a whole number from 1 to 999"),
        (["audited_units": "1000"], "audited_units", "units '1000' is not a whole number from 1 to 999"),
        (["submitted_units": "1.5"], "submitted_units", "units '1.5' is not a whole number from 1 to 999"),
    ])
    func badRowIsRejectedWithItsReasonAndTheOthersLoad(
        overrides: [String: String], column: String, reason: String
    ) throws {
        // Given a bad row (file line 3) between two good rows of E1 and E2
        let store = try AuditStore()
        let outcome = try store.importAudits([
            auditRow(), auditRow(overrides), auditRow(["encounter_id": "E2", "submitted_code": "99212"]),
        ])
        // When it is imported
        // Then that row alone is rejected, naming its line, column and reason, and the others load
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 3, rowsLoaded: 2, rowsRejected: 1))
        #expect(outcome.firstRejects == [RowReject(line: 3, column: column, reason: reason)])
        #expect(try store.workspace.texts("SELECT source_line FROM audit_finding ORDER BY source_line") == ["2", "4"])
        let stored = try store.workspace.database.rejects(batchID: #require(outcome.batchID))
        #expect(stored.map(\.lineNumber) == [3])
        #expect(stored.map(\.columnName) == [column])
        #expect(stored.map(\.reason) == [reason])
    }

    @Test func everyProblemOfARowIsReportedFirstColumnFirst() throws {
        // Given a row for an unknown encounter with a blank auditor and a future date
        let store = try AuditStore()
        let outcome = try store.importAudits([
            auditRow(["encounter_id": "E9", "auditor": "", "audit_date": "2027-01-01"])
        ])
        // Then one reject lists every problem, and names the first column at fault
        #expect(
            outcome.firstRejects == [
                RowReject(
                    line: 2, column: "encounter_id",
                    reason: "unknown encounter 'E9': import the encounter export that holds it first; auditor is "
                        + "blank; audit date '2027-01-01' is in the future (today is 2026-11-27)")
            ])
        #expect(try store.workspace.texts("SELECT count(*) FROM audit_finding") == ["0"])
    }

    @Test func rejectsFileIsWrittenBesideTheInput() throws {
        // Given an audit file with a row for an unknown encounter
        let store = try AuditStore()
        let outcome = try store.importAudits([auditRow(), auditRow(["encounter_id": "E9"])], name: "audit-oct.csv")
        // Then audit-oct.rejects.csv beside it holds the header, the row, its line and its reason
        let path = store.workspace.folder.appendingPathComponent("audit-oct.rejects.csv").path
        #expect(outcome.rejectsFile == path)
        #expect(try fileMode(path) == 0o600)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        let lines = text.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isNewline)
        #expect(lines.first == Substring(CanonicalHeader.audits + ",reject_line,reject_reason"))
        #expect(
            lines.dropFirst().map(String.init) == [
                auditRow(["encounter_id": "E9"])
                    + ",3,unknown encounter 'E9': import the encounter export that holds it first"
            ])
    }

    @Test func patientIdentifiersInAnAuditFileAreNeverStored() throws {
        // Given an audit worksheet carrying MRN, patient name and date of birth columns, with a rejected row
        let store = try AuditStore()
        let path = try store.workspace.write(
            "worksheet.csv",
            "encounter_id,MRN,Patient Name,DOB,auditor,audit_date,submitted_code,audited_code\n"
                + "E1,MRN001,Jane Doe,1950-01-01,akim,2026-11-02,99213,99213\n"
                + "E9,MRN777,John Roe,1951-02-03,akim,2026-11-02,99213,99213\n")
        // When it is imported
        let outcome = try store.importFile(path)
        // Then the good row loads, the MRN, name and birth date columns are reported as skipped
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 2, rowsLoaded: 1, rowsRejected: 1))
        #expect(outcome.identifierColumns == ["MRN", "Patient Name", "DOB"])
        // and the stored reject holds neither of them
        let raw = try store.workspace.texts("SELECT raw_row FROM import_reject").joined(separator: "\n")
        #expect(raw.contains("E9") && !raw.contains("John Roe") && !raw.contains("1951-02-03"))
        // and the patient id is not stored as given (SPEC 4: only its pseudonym may be)
        #expect(!raw.contains("MRN777"), "\(raw)")
    }

    // MARK: - Replacing audits

    @Test func findingsForAnAuditedEncounterReplaceItsAudit() throws {
        // Given audits of E1 (two rows) and E2 from file A
        let store = try AuditStore()
        let first = try store.importAudits(
            [
                auditRow(["submitted_code": "99213", "audited_code": "99214"]),
                auditRow(["submitted_code": "E11.9", "audited_code": "E11.9"]),
                auditRow(["encounter_id": "E2", "submitted_code": "99212"]),
            ], name: "a.csv")
        let batchA = try #require(first.batchID)
        let e2Before = try store.findings(where: "e.external_id = 'E2'")
        // When file B audits E1 again, with one row
        let second = try store.importAudits(
            [auditRow(["auditor": "second look", "submitted_code": "99213", "audited_code": "99213"])], name: "b.csv")
        let batchB = try #require(second.batchID)
        // Then E1's audit is B's row alone, and E2's audit is untouched
        #expect(try store.findings(where: "e.external_id = 'E1'") == ["2 E1 CPT 99213 99213 1 1 agree"])
        #expect(
            try store.workspace.texts(
                "SELECT DISTINCT f.batch_id FROM audit_finding f JOIN encounter e ON e.id = f.encounter_id WHERE e.external_id = 'E1'"
            ) == ["\(batchB)"])
        #expect(try store.findings(where: "e.external_id = 'E2'") == e2Before)
        // and the batch log records the replacement
        let e1 = try #require(try store.workspace.texts("SELECT id FROM encounter WHERE external_id = 'E1'").first)
        #expect(
            try store.workspace.texts(
                "SELECT batch_id || ' ' || encounter_id || ' ' || previous_batch_id FROM audit_replacement")
                == ["\(batchB) \(e1) \(batchA)"])
        #expect(second.counts.rowsReplaced == 1)
        #expect(
            try store.workspace.texts(
                "SELECT rows_replaced || ' ' || encounters_replaced FROM import_batch WHERE id = \(batchB)")
                == ["1 0"])
        #expect(
            second.details == [
                "1 encounters audited (1 earlier audits replaced); findings: 1 agree, 0 revised, 0 deleted, 0 added"
            ])
    }

    @Test func reimportedEncounterKeepsItsAudit() throws {
        // Given an audit of E1
        let store = try AuditStore()
        _ = try store.importAudits([
            auditRow(["submitted_code": "99213", "audited_code": "99214"]),
            auditRow(["submitted_code": "E11.9", "audited_code": "I10"]),
        ])
        let findingsBefore = try store.workspace.read {
            try Row.fetchAll($0, sql: "SELECT * FROM audit_finding ORDER BY id")
        }
        // When E1 is re-imported from an encounter export with changed lines
        let path = try store.workspace.write(
            "e-corrected.csv",
            encounterFile([encounterLine(["procedure_code": "99214", "diagnosis_codes": "I10"])]))
        let outcome = try store.workspace.importEncounters(path)
        // Then the encounter is replaced, and its audit stays as it was (it judged the first coding)
        #expect(outcome.counts.rowsReplaced == 1)
        #expect(
            try store.workspace.texts(
                "SELECT procedure_code FROM encounter_line JOIN encounter e ON e.id = encounter_id WHERE e.external_id = 'E1'"
            ) == ["99214"])
        #expect(findingsBefore.count == 2)
        #expect(
            try store.workspace.read { try Row.fetchAll($0, sql: "SELECT * FROM audit_finding ORDER BY id") }
                == findingsBefore)
    }

    @Test func sameAuditFileTwiceIsANoOp() throws {
        // Given an audit file imported once
        let store = try AuditStore()
        let path = try store.workspace.write("audit.csv", auditFile([auditRow(), auditRow(["encounter_id": "E2"])]))
        let first = try store.importFile(path)
        let before = try store.workspace.contentSnapshot()
        // When it is imported again
        let second = try store.importFile(path)
        // Then it says which batch loaded it, and nothing changed: no replacement is recorded
        #expect(second.alreadyImportedAs?.id == first.batchID)
        #expect(second.alreadyImportedAs?.kind == .audits)
        #expect(second.batchID == nil)
        #expect(try store.workspace.contentSnapshot() == before)
    }

    @Test func strictWithABadRowCommitsNothing() throws {
        // Given a store holding an audit of E2
        let store = try AuditStore()
        _ = try store.importAudits([auditRow(["encounter_id": "E2"])], name: "first.csv")
        let before = try store.workspace.contentSnapshot()
        // When a file re-auditing E2, with a row for an unknown encounter, is imported with strict
        let outcome = try store.importAudits(
            [auditRow(["encounter_id": "E2", "audited_code": "99214"]), auditRow(["encounter_id": "E9"])],
            name: "strict.csv"
        ) { $0.strict = true }
        // Then it reports a rollback and the store is exactly as before: E2's audit is not replaced
        #expect(outcome.rolledBack)
        #expect(outcome.batchID == nil)
        #expect(outcome.counts.rowsRejected == 1)
        #expect(try store.workspace.contentSnapshot() == before)
    }

    @Test func headerAliasesAreRecognized() throws {
        // Given an audit worksheet with the headers an auditor's spreadsheet might use
        let store = try AuditStore()
        let path = try store.workspace.write(
            "worksheet.csv",
            "Visit ID,Reviewer,Review Date,Code Set,Original Code,Corrected Code,Billed Units,Corrected Units,"
                + "Error Category,Notes\n"
                + "E1,akim,2026-11-02,,99214,99213,1,1,E/M level,downcoded\n")
        let outcome = try store.importFile(path)
        // Then the row loads through those aliases
        #expect(outcome.counts.rowsLoaded == 1, "\(outcome.firstRejects)")
        #expect(try store.findings() == ["2 E1 CPT 99214 99213 1 1 revised"])
    }
}

// MARK: - Helpers

/// A workspace whose store holds encounters E1 and E2, ready for audits.
private struct AuditStore {
    let workspace: TestWorkspace

    init() throws {
        workspace = try TestWorkspace()
        try workspace.load(
            .encounters,
            [
                CanonicalHeader.encounters, encounterLine(),
                encounterLine(["procedure_code": "36415", "diagnosis_codes": "I10"]),
                encounterLine(["encounter_id": "E2", "patient_id": "MRN002", "procedure_code": "99212"]),
            ], name: "encounters.csv")
    }

    func importFile(_ path: String, configure: (inout ImportOptions) -> Void = { _ in }) throws -> ImportOutcome {
        try workspace.importFile(path, kind: .audits, configure: configure)
    }

    func importAudits(
        _ rows: [String], name: String = "audits.csv", configure: (inout ImportOptions) -> Void = { _ in }
    ) throws -> ImportOutcome {
        try importFile(try workspace.write(name, auditFile(rows)), configure: configure)
    }

    /// Each stored finding as `line encounter type submitted audited units units outcome`.
    func findings(where condition: String = "1") throws -> [String] {
        try workspace.texts(
            """
            SELECT f.source_line || ' ' || e.external_id || ' ' || f.code_type || ' '
                || ifnull(f.submitted_code, 'NULL') || ' ' || ifnull(f.audited_code, 'NULL') || ' '
                || ifnull(f.submitted_units, 'NULL') || ' ' || ifnull(f.audited_units, 'NULL') || ' ' || f.outcome
            FROM audit_finding f JOIN encounter e ON e.id = f.encounter_id
            WHERE \(condition) ORDER BY f.batch_id, f.source_line
            """)
    }
}
