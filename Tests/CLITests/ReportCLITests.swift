import Foundation
import TestSupport
import Testing

/// `codeaudit report` end to end: the real binary, real files, a real database.
@Suite struct ReportCLITests {
    static let hostileProvider = "<script>alert(1)</script>"
    static let hostilePayer = "\"><img src=x onerror=alert(1)>"
    static let hostileCoder = "=HYPERLINK(\"http://x\")"

    /// October: two encounters coded by a coder named like a formula, for a provider named like a script,
    /// billed to a payer named like an HTML attack; a rate, an audit revising E1's 99213 to 99214, and hours.
    private func workspaceWithHostileNames() throws -> CLIWorkspace {
        let workspace = try CLIWorkspace()
        let provider = Self.hostileProvider
        let payer = "\"\"\"><img src=x onerror=alert(1)>\""
        let coder = "\"=HYPERLINK(\"\"http://x\"\")\""
        try workspace.write(
            "e.csv",
            "encounter_id,service_date,patient_id,patient_name,provider,coder,payer,procedure_code,units,"
                + "diagnosis_codes,allowed,coded_at\n"
                + "E1,2026-10-01,MRN-778899,\"Doe, Jane\",\(provider),\(coder),\(payer),99213,1,E11.9,80.00,2026-10-03\n"
                + "E2,2026-10-02,MRN-445566,\"Roe, Rick\",\(provider),\(coder),\(payer),99213,1,I10,91.56,2026-10-02\n"
                + "E3,2026-10-02,MRN-445567,\"Poe, Ann\",\(provider),\(coder),\(payer),99999X,1,I10,91.56,2026-10-02\n")
        try workspace.write("fees.csv", "payer,procedure_code,modifier,amount\n*,99213,,91.56\n")
        try workspace.write(
            "audits.csv",
            "encounter_id,auditor,audit_date,submitted_code,audited_code,category\n"
                + "E1,AUD,2026-11-01,99213,99214,E/M level\nE1,AUD,2026-11-01,E11.9,E11.9,\n")
        try workspace.write("hours.csv", "coder,work_date,hours\n\(coder),2026-10-02,1.5\n")
        for (kind, file) in [
            ("encounters", "e.csv"), ("fees", "fees.csv"), ("audits", "audits.csv"), ("hours", "hours.csv"),
        ] {
            let result = try workspace.run(["import", kind, file])
            #expect(result.status == 0, "\(result.stderr)")
        }
        return workspace
    }

    @Test func reportWritesThePageAndEveryExportAsExportWritesThem() throws {
        // Given October's data
        let workspace = try workspaceWithHostileNames()
        // When the report is written into a new folder
        let result = try workspace.run(
            ["report", "--month", "2026-10", "--out", "out/2026-10", "--practice", "Lakeside <Clinic>"],
            environment: ReportClock.environment)
        // Then the folder holds report.html and the exports, byte for byte what `export` writes
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        for name in [
            "error_rates", "findings", "coder_productivity", "reimbursement_variance", "em_distribution", "edits",
            "edit_rates",
        ] {
            let export = try workspace.run(["export", name, "--month", "2026-10", "--out", "\(name).csv"])
            #expect(export.status == 0)
            let written = try Data(contentsOf: URL(fileURLWithPath: workspace.path("out/2026-10/\(name).csv")))
            #expect(written == (try Data(contentsOf: URL(fileURLWithPath: workspace.path("\(name).csv")))), "\(name)")
        }
        let html = try String(contentsOfFile: workspace.path("out/2026-10/report.html"), encoding: .utf8)
        #expect(html.contains("<h1>Lakeside &lt;Clinic&gt; · October 2026</h1>"))
        #expect(html.contains("Generated 2026-11-01 00:00 UTC"))
        // And its tiles are the analytics' values: 1 of 1 encounters wrong, 1 of 2 codes; no net impact, since
        // 99214 has no rate; 2 encounters in 1.5 hours; E1 allowed 80.00 against 91.56 expected
        let values = html.components(separatedBy: "<p class=\"tile-value\">").dropFirst().map {
            $0.prefix { $0 != "<" }
        }
        #expect(values == ["0.0%", "50.0%", "–", "2", "1.33", "$11.56"])
        let rates = try String(contentsOfFile: workspace.path("error_rates.csv"), encoding: .utf8)
        #expect(rates.contains("\r\n2026-10,practice,ALL,1,1,0.0000,2,1,0.5000,"))
    }

    @Test func hostileNamesAreTextInTheReportAndGuardedInTheExports() throws {
        let workspace = try workspaceWithHostileNames()
        let result = try workspace.run(["report", "--month", "2026-10", "--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: workspace.path("out/report.html"), encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("=HYPERLINK(&quot;http://x&quot;)"))
        let productivity = try String(contentsOfFile: workspace.path("out/coder_productivity.csv"), encoding: .utf8)
        #expect(productivity.contains("\r\n2026-10,\"'=HYPERLINK(\"\"http://x\"\")\","))
        // And no patient identifier, name or encounter id reaches the page
        for secret in ["MRN-778899", "Doe, Jane", "Roe", "E1<", ">E1", ">E2<"] {
            #expect(!html.contains(secret), "\(secret)")
        }
    }

    @Test func theRejectedRowShowsInDataQuality() throws {
        let workspace = try workspaceWithHostileNames()
        _ = try workspace.run(["report", "--month", "2026-10", "--out", "out"])
        let html = try String(contentsOfFile: workspace.path("out/report.html"), encoding: .utf8)
        #expect(html.contains("<tr><th scope=\"row\">e.csv</th><td>encounters</td>"))
        #expect(
            html.contains(
                "<td class=\"num\">3</td><td class=\"num\">2</td><td class=\"num\">1</td><td>procedure_code: 1</td>"))
    }

    @Test func theSameDataAndClockGiveTheSameBytes() throws {
        let workspace = try workspaceWithHostileNames()
        for folder in ["a", "b"] {
            let result = try workspace.run(
                ["report", "--month", "2026-10", "--out", folder], environment: ReportClock.environment)
            #expect(result.status == 0)
        }
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: workspace.path("a/report.html")))
                == Data(contentsOf: URL(fileURLWithPath: workspace.path("b/report.html"))))
    }

    @Test func aMonthWithNoDataStillRenders() throws {
        let workspace = try workspaceWithHostileNames()
        let result = try workspace.run(["report", "--month", "2025-01", "--out", "empty"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: workspace.path("empty/report.html"), encoding: .utf8)
        #expect(html.contains("No audit findings for services in January 2025."))
        let rates = try String(contentsOfFile: workspace.path("empty/error_rates.csv"), encoding: .utf8)
        #expect(rates.components(separatedBy: "\r\n").count == 2)
    }

    @Test func helpShowsTheToleranceInDollars() throws {
        let workspace = try CLIWorkspace()
        for command in ["report", "export"] {
            let help = try workspace.run([command, "--help"])
            #expect(help.stdout.contains("(default: 1.00)"), "\(help.stdout)")
        }
    }

    @Test func badClockTemplatesAndOutputFolderExitWithTheirCodes() throws {
        let workspace = try workspaceWithHostileNames()
        let clock = try workspace.run(
            ["report", "--month", "2026-10", "--out", "x"], environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(clock.status == 64)
        #expect(clock.stderr.contains("SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01, not 'yesterday'"))
        let folder = try workspace.run(["report", "--month", "2026-10", "--out", "x", "--templates", "no-such-folder"])
        #expect(folder.status == 66)
        #expect(folder.stderr.contains("cannot read the templates folder no-such-folder"))
        try FileManager.default.createDirectory(atPath: workspace.path("t"), withIntermediateDirectories: true)
        try workspace.write("t/summary.mustache", "{{#tiles}} unclosed")
        let template = try workspace.run(["report", "--month", "2026-10", "--out", "x", "--templates", "t"])
        #expect(template.status == 65)
        #expect(template.stderr.contains("template summary.mustache: does not parse"))
        try workspace.write("file", "not a folder")
        let out = try workspace.run(["report", "--month", "2026-10", "--out", "file/sub"])
        #expect(out.status == 73)
        #expect(out.stderr.contains("cannot create the folder file/sub"))
        #expect(!workspace.exists("x"))
    }
}
