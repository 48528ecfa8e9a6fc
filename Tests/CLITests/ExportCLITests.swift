import Foundation
import TestSupport
import Testing

/// `codeaudit export` end to end: the real binary, real files, a real database.
@Suite struct ExportCLITests {
    /// A database with two October encounters of one coder, a Medicare rate for
    /// 99213, and an audit that revises E1's 99213 to 99214 (no 99214 rate).
    private func workspaceWithData() throws -> CLIWorkspace {
        let workspace = try CLIWorkspace()
        try workspace.write(
            "e.csv",
            "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,units,diagnosis_codes,allowed,"
                + "coded_at\n"
                + "E1,2026-10-01,P1,\"=Dr, Demo\",jlee,Medicare,99213,1,E11.9,80.00,2026-10-03\n"
                + "E2,2026-10-02,P2,\"=Dr, Demo\",jlee,Medicare,99213,1,I10,91.56,2026-10-02\n")
        try workspace.write(
            "fees.csv", "payer,procedure_code,modifier,amount\nMedicare,99213,,91.56\n")
        try workspace.write(
            "audits.csv",
            "encounter_id,auditor,audit_date,submitted_code,audited_code\nE1,AUD,2026-11-01,99213,99214\n"
                + "E1,AUD,2026-11-01,E11.9,E11.9\n")
        for (kind, file) in [("encounters", "e.csv"), ("fees", "fees.csv"), ("audits", "audits.csv")] {
            let result = try workspace.run(["import", kind, file])
            #expect(result.status == 0, "\(result.stderr)")
        }
        return workspace
    }

    @Test func exportWritesCSVToStdoutWithBOMAndCRLF() throws {
        // Given a database with October data
        let workspace = try workspaceWithData()
        // When the reimbursement variance is exported to stdout
        let result = try workspace.run(["export", "reimbursement_variance", "--month", "2026-10"])
        // Then stdout holds the CSV: BOM, header, one row per payer × code and the payer's ALL row, CRLF ends;
        // expected 91.56 + 91.56 = 183.12; allowed 80.00 + 91.56 = 171.56; variance -11.56; rate -11.56/183.12 = -0.0631;
        // E1 is 11.56 below expected, more than the 1.00 tolerance: underpaid
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\u{FEFF}month,payer,procedure_code,"))
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[1] == "2026-10,Medicare,99213,2,2,,183.12,171.56,0.00,-11.56,-0.0631,1,11.56,0,0,0")
        #expect(lines[2] == "2026-10,Medicare,ALL,2,2,,183.12,171.56,0.00,-11.56,-0.0631,1,11.56,0,0,0")
    }

    @Test func toleranceAndNoBOMAndOutFile() throws {
        // Given the same data
        let workspace = try workspaceWithData()
        // When exported with a 20.00 tolerance, no BOM, to a file
        let result = try workspace.run([
            "export", "reimbursement_variance", "--month", "2026-10", "--tolerance", "20.00", "--no-bom", "--out",
            "rv.csv",
        ])
        // Then nothing is on stdout, the file has no BOM, and no line is underpaid (0.00 with comparable lines)
        #expect(result.status == 0 && result.stdout.isEmpty, "\(result.stderr)")
        let text = try String(contentsOfFile: workspace.path("rv.csv"), encoding: .utf8)
        #expect(text.hasPrefix("month,"))
        #expect(text.contains("2026-10,Medicare,ALL,2,2,,183.12,171.56,0.00,-11.56,-0.0631,0,0.00,0,0,0\r\n"))
    }

    @Test func findingsExportGuardsFormulasInNames() throws {
        // Given an audited encounter whose provider name starts with '='
        let workspace = try workspaceWithData()
        // When findings are exported
        let result = try workspace.run(["export", "findings", "--month", "2026-10", "--no-bom"])
        // Then the revised 99213 → 99214 row has no rate for 99214: delta blank, rate_missing true, and the
        // provider cell is quoted (it holds a comma) and starts with the ' guard
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "2026-10,E1,2026-10-01,\"'=Dr, Demo\",jlee,Medicare,AUD,2026-11-01,CPT,revised,99213,99214,1,1,,,true,\r\n"
            ), "\(result.stdout)")
    }

    @Test(arguments: [
        "error_rates", "findings", "coder_productivity", "reimbursement_variance", "em_distribution", "edits",
        "edit_rates",
    ])
    func emptyMonthWritesTheHeaderAloneAndSaysSo(name: String) throws {
        // Given a database without data in 2026-01
        let workspace = try workspaceWithData()
        // When any export of that month is asked for
        let result = try workspace.run(["export", name, "--month", "2026-01", "--no-bom"])
        // Then it is the header alone, and stderr says so
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("month,") && result.stdout.components(separatedBy: "\r\n").count == 2)
        #expect(result.stderr.contains("header only"))
    }

    @Test func exportAllWritesEveryExportAsExportNameWritesIt() throws {
        // Given October's data
        let workspace = try workspaceWithData()
        // When every export is written at once, with a tolerance and without the BOM
        let options = ["--month", "2026-10", "--tolerance", "20.00", "--no-bom"]
        let result = try workspace.run(["export", "all", "--out", "out/2026-10"] + options)
        // Then the new folder holds the nine files, each byte for byte what `export NAME` writes
        #expect(result.status == 0 && result.stdout.isEmpty, "\(result.stderr)")
        #expect(result.stderr.contains("wrote 9 CSV exports for 2026-10 into out/2026-10"), "\(result.stderr)")
        let names = [
            "error_rates", "findings", "coder_productivity", "reimbursement_variance", "em_distribution", "edits",
            "edit_rates", "payments", "denials",
        ]
        let written = try FileManager.default.contentsOfDirectory(atPath: workspace.path("out/2026-10"))
        #expect(written.sorted() == names.map { "\($0).csv" }.sorted())
        for name in names {
            let one = try workspace.run(["export", name, "--out", "\(name).csv"] + options)
            #expect(one.status == 0, "\(one.stderr)")
            let all = try Data(contentsOf: URL(fileURLWithPath: workspace.path("out/2026-10/\(name).csv")))
            #expect(all == (try Data(contentsOf: URL(fileURLWithPath: workspace.path("\(name).csv")))), "\(name)")
        }
        // And the tolerance reached the variance: no line is underpaid at 20.00
        let variance = try String(
            contentsOfFile: workspace.path("out/2026-10/reimbursement_variance.csv"), encoding: .utf8)
        #expect(variance.contains("2026-10,Medicare,ALL,2,2,,183.12,171.56,0.00,-11.56,-0.0631,0,0.00,0,0,0\r\n"))
    }

    @Test func exportAllNeedsAFolder() throws {
        // Given October's data
        let workspace = try workspaceWithData()
        // When every export is asked for without --out, or onto stdout
        for out in [[], ["--out", "-"]] {
            let result = try workspace.run(["export", "all", "--month", "2026-10"] + out)
            // Then it is a usage error that names the option, and nothing is written
            #expect(result.status == 64 && result.stdout.isEmpty)
            #expect(result.stderr.contains("give the folder with --out DIR"), "\(result.stderr)")
        }
    }

    @Test func badArgumentsAndAMissingDatabase() throws {
        let workspace = try CLIWorkspace()
        // An unknown export or month is a usage error (64); a missing database is 66, and none is created
        #expect(try workspace.run(["export", "nope", "--month", "2026-10"]).status == 64)
        #expect(try workspace.run(["export", "findings", "--month", "2026-13"]).status == 64)
        let missing = try workspace.run(["export", "findings", "--month", "2026-10"])
        #expect(missing.status == 66 && missing.stderr.contains("no database"))
        #expect(!workspace.exists("codeaudit.sqlite"))
    }

    @Test func unwritableOutputExits73() throws {
        let workspace = try workspaceWithData()
        let result = try workspace.run(["export", "findings", "--month", "2026-10", "--out", "no/such/folder/f.csv"])
        #expect(result.status == 73)
    }
}
