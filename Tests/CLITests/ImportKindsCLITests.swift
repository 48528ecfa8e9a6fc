import Foundation
import GRDB
import TestSupport
import Testing

/// End to end: `codeaudit import audits|fees|hours` with the real binary, real
/// files and a real database.
@Suite struct ImportKindsCLITests {
    static let auditHeader = "encounter_id,auditor,audit_date,code_type,submitted_code,audited_code\n"

    @Test func auditsImportSummarizesOnStderr() throws {
        // Given encounters E1 and E2 imported, and an audit of both
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1", "E2"]))
        try workspace.write(
            "audit.csv", Self.auditHeader + "E1,akim,2026-11-02,,99213,99214\nE2,akim,2026-11-02,,E11.9,E11.9\n")
        let encountersResult = try workspace.run(["import", "encounters", "e.csv"])
        // When the audit is imported
        let result = try workspace.run(["import", "audits", "audit.csv"])
        // Then it exits 0 with the summary on stderr and nothing on stdout, and the findings are stored
        #expect(encountersResult.status == 0, "\(encountersResult.stderr)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("audit.csv: 2 rows read, 2 loaded, 0 rejected"))
        #expect(result.stderr.contains("2 encounters audited"))
        #expect(result.stdout.isEmpty)
        let outcomes = try workspace.read {
            try String.fetchAll($0, sql: "SELECT outcome FROM audit_finding ORDER BY source_line")
        }
        #expect(outcomes == ["revised", "agree"])
    }

    @Test func feesImportSummarizesOnStderr() throws {
        // Given a fee schedule and no database
        let workspace = try CLIWorkspace()
        try workspace.write("fees.csv", feeFile(["*,99213,,$91.56,,", "Medicare,99213,25,95.00,2026-01-01,"]))
        // When it is imported
        let result = try workspace.run(["import", "fees", "fees.csv"])
        // Then it exits 0 with the summary on stderr, nothing on stdout, and the rates in cents
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("fees.csv: 2 rows read, 2 loaded, 0 rejected"))
        #expect(result.stdout.isEmpty)
        let cents = try workspace.read { try Int.fetchAll($0, sql: "SELECT amount_cents FROM fee_rate ORDER BY id") }
        #expect(cents == [9156, 9500])
    }

    @Test func hoursImportSummarizesOnStderr() throws {
        // Given an hours file and no database
        let workspace = try CLIWorkspace()
        try workspace.write("hours.csv", "coder,work_date,hours\njlee,2026-10-01,7.5\nmlopez,2026-10-01,8\n")
        // When it is imported
        let result = try workspace.run(["import", "hours", "hours.csv"])
        // Then it exits 0 with the summary on stderr, nothing on stdout, and the hours in hundredths
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("hours.csv: 2 rows read, 2 loaded, 0 rejected"))
        #expect(result.stdout.isEmpty)
        let hours = try workspace.read {
            try Int.fetchAll($0, sql: "SELECT centihours FROM coder_hours ORDER BY coder")
        }
        #expect(hours == [750, 800])
    }

    @Test func overlappingFeeRangesExit65NamingBothLines() throws {
        // Given a fee schedule whose lines 2 and 3 overlap for Medicare 99213
        let workspace = try CLIWorkspace()
        try workspace.write(
            "fees.csv",
            feeFile(["Medicare,99213,,90.00,2026-01-01,2026-06-30", "Medicare,99213,,95.00,2026-06-01,"]))
        // When it is imported
        let result = try workspace.run(["import", "fees", "fees.csv"])
        // Then it exits 65, naming both lines on stderr, and stores no rate and no batch
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("line 3") && result.stderr.contains("line 2"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try workspace.count("fee_rate") == 0)
        #expect(try workspace.count("import_batch") == 0)
    }

    @Test func auditOfAnUnknownEncounterIsARejectNotAFailure() throws {
        // Given encounter E1 imported, and an audit of E1 and of an encounter never imported
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1"]))
        try workspace.write(
            "audit.csv", Self.auditHeader + "E1,akim,2026-11-02,,99213,99213\nE9,akim,2026-11-02,,99213,99213\n")
        _ = try workspace.run(["import", "encounters", "e.csv"])
        // When the audit is imported
        let result = try workspace.run(["import", "audits", "audit.csv"])
        // Then it exits 0, the summary shows the reject with its line, column and reason, and E1's finding loads
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("audit.csv: 2 rows read, 1 loaded, 1 rejected"))
        #expect(
            result.stderr.contains(
                "line 3, column \"encounter_id\": unknown encounter 'E9': import the encounter export that holds it "
                    + "first"),
            "\(result.stderr)")
        #expect(result.stderr.contains("audit.rejects.csv"))
        #expect(workspace.exists("audit.rejects.csv"))
        #expect(try workspace.count("audit_finding") == 1)
    }

    @Test func strictAuditImportWithARejectExits65AndStoresNothing() throws {
        // Given encounter E1 imported, and an audit with a row for an unknown encounter
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1"]))
        try workspace.write(
            "audit.csv", Self.auditHeader + "E1,akim,2026-11-02,,99213,99213\nE9,akim,2026-11-02,,99213,99213\n")
        _ = try workspace.run(["import", "encounters", "e.csv"])
        // When it is imported with --strict
        let result = try workspace.run(["import", "audits", "--strict", "audit.csv"])
        // Then it exits 65, says nothing was imported, and stores no finding and no audit batch
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("--strict: nothing imported"), "\(result.stderr)")
        #expect(try workspace.count("audit_finding") == 0)
        #expect(try workspace.count("import_batch") == 1)
    }

    @Test(arguments: [
        ("fees", "payer,procedure_code,amount\n*,99213,abc\n"),
        ("hours", "coder,work_date,hours\njlee,2026-10-01,25\n"),
    ])
    func strictFeeAndHourImportsWithARejectExit65(kind: String, text: String) throws {
        // Given a file of `kind` whose only row is bad
        let workspace = try CLIWorkspace()
        try workspace.write("input.csv", text)
        // When it is imported with --strict
        let result = try workspace.run(["import", kind, "--strict", "input.csv"])
        // Then it exits 65 and records no batch
        #expect(result.status == 65, "\(result.stderr)")
        #expect(try workspace.count("import_batch") == 0)
    }

    @Test func importHelpListsEveryKind() throws {
        // Given the built binary
        let workspace = try CLIWorkspace()
        // When `codeaudit import --help` runs
        let result = try workspace.run(["import", "--help"])
        // Then it exits 0 and lists the four kinds of import
        #expect(result.status == 0, "\(result.stderr)")
        let help = result.stdout + result.stderr
        for kind in ["encounters", "audits", "fees", "hours"] {
            #expect(help.contains(kind), "\(kind) missing from: \(help)")
        }
        #expect(!workspace.exists("codeaudit.sqlite"))
    }
}
