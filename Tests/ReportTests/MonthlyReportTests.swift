import Analytics
import Crypto
import Edits
import Foundation
import TestSupport
import Testing

@testable import Report

@Suite struct MonthlyReportTests {
    private func render(
        _ data: MonthlyReportData = ReportFixture.data(), edits: MonthlyEdits = ReportFixture.edits(),
        practice: String? = "Lakeside Clinic"
    ) throws -> String {
        try MonthlyReport(data: data, edits: edits, practiceName: practice, generatedAt: ReportClock.generatedAt).html()
    }

    /// The text between `<section id="ID"` and its `</section>`.
    private func section(_ id: String, in html: String) -> String {
        guard let start = html.range(of: "<section id=\"\(id)\"") else { return "" }
        let rest = html[start.lowerBound...]
        guard let end = rest.range(of: "</section>") else { return "" }
        return String(rest[..<end.upperBound])
    }

    private func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    @Test func theWholeReportMatchesItsGoldenFile() throws {
        // Given the fixed fixture and clock; When the report renders; Then it is byte-for-byte the reviewed file
        let html = try render()
        try Golden.assertMatches(html, file: "monthly-report.html")
    }

    @Test func everySectionIsPresentInOrder() throws {
        let html = try render()
        let ids = matches("<section id=\"([a-z]+)\"", in: html)
        #expect(
            ids == [
                "summary", "accuracy", "categories", "em", "productivity", "reimbursement", "edits", "payments",
                "quality", "definitions",
            ])
        #expect(html.contains("<title>Lakeside Clinic — Coding audit report, October 2026</title>"))
        #expect(html.contains("Generated 2026-11-01 00:00 UTC"))
    }

    @Test func theTilesShowTheAnalyticsValues() throws {
        // Given practice rows: 34 of 40 encounters right, 188 of 200 codes, undercoded $120 − overcoded $450,
        // 620 + 910 encounters in 160 + 152.5 hours, underpaid $100 + $1,400
        let html = try render()
        let values = matches("<p class=\"tile-value\">(.*?)</p>", in: html)
        #expect(values == ["85.0%", "94.0%", "−$330.00", "1,530", "4.90", "$1,500.00"])
        let summary = ReportFixture.data().summary
        #expect(values[0] == ReportFormat.percent(summary.encounterAccuracy))
        #expect(values[4] == summary.encountersPerHour?.formatted(decimals: 2))
        // And the change from September: code accuracy 188/200 against (184 + 1 % 5)/200
        let changes = matches("<p class=\"change change-[a-z]+\">(.*?)</p>", in: html)
        #expect(changes[1] == "+1.5 points from September 2026")
        #expect(changes[3] == "+120 (+8.5%) from September 2026")
    }

    @Test func eachCoderHasOneRowInEachTable() throws {
        let html = try render()
        for id in ["productivity", "accuracy"] {
            let part = section(id, in: html)
            for coder in ["coder.one", "coder.two"] {
                #expect(part.components(separatedBy: "<tr><th scope=\"row\">\(coder)").count - 1 == 1, "\(id) \(coder)")
            }
        }
    }

    @Test func theFlaggedProviderIsNamedInWords() throws {
        let em = section("em", in: try render())
        #expect(
            em.contains(
                "Blake Rivera DO billed 99215 on 50.0% of established-patient visits (30 of 60) against 21.1% for the "
                    + "practice: +28.9 percentage points."))
        #expect(!em.contains("Avery Quinn MD billed"))
    }

    @Test func theMostUnderpaidPairComesFirst() throws {
        let money = section("reimbursement", in: try render())
        let payers = matches("<tr><th scope=\"row\">([^<]*)</th><td class=\"code\">", in: money)
        #expect(payers == ["Northwind Health"])
        #expect(money.contains("<td class=\"code\">99213</td>"))
    }

    @Test func chartsCarryATextAlternativeAndTheirNumbersInATable() throws {
        let html = try render()
        let charts = html.components(separatedBy: "<svg ").count - 1
        // tiles, accuracy ×2, Pareto, E/M, scatter, variance, flag rate ×2, denial rate, days to payment
        #expect(charts == 6 + 2 + 1 + 1 + 1 + 1 + 2 + 1 + 1)
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 == charts)
        #expect(html.components(separatedBy: "<title id=").count - 1 == charts)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == charts)
        #expect(html.contains("<th scope=\"col\">Category</th>"))
    }

    @Test func noEncounterOrPatientIdentifierAndNoRemoteLoad() throws {
        let html = try render()
        #expect(!html.contains("ENC-SECRET-1") && !html.contains("ENC-EDIT-"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("<script") && !html.contains("src="))
        #expect(matches("href=\"([^\"]*)\"", in: html).allSatisfy { $0.hasPrefix("#") })
        #expect(matches("url\\(([^)]*)\\)", in: html).allSatisfy { $0.hasPrefix("#") })
    }

    @Test func theContentSecurityPolicyForbidsScriptsAndNamesTheStylesheet() throws {
        let html = try render()
        let policy = matches("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"", in: html).first ?? ""
        let style = matches("<style>(.*?)</style>", in: html).first ?? ""
        let hash = Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString()
        #expect(
            policy == "default-src &#39;none&#39;; style-src &#39;sha256-\(hash)&#39;; base-uri &#39;none&#39;; "
                + "form-action &#39;none&#39;")
        #expect(!html.contains(" style=\""))
    }

    @Test func theSameDataGivesTheSameBytes() throws {
        #expect(try render() == render())
    }

    @Test func aMonthWithoutAuditsFeesOrHoursStillRendersAndSaysWhatWouldFillIt() throws {
        // Given a month with nothing at all
        let empty = MonthlyReportData(
            month: ReportFixture.october, errorRates: [], findings: [], productivity: [], variance: [],
            emDistribution: [], trend: [], files: [], toleranceCents: 100)
        // When it renders
        let html = try render(empty, edits: ReportFixture.noEdits, practice: nil)
        // Then every section is there and each empty one names the import that would fill it
        #expect(matches("<section id=\"([a-z]+)\"", in: html).count == 10)
        #expect(section("accuracy", in: html).contains("codeaudit import audits FILE"))
        #expect(section("categories", in: html).contains("codeaudit import audits"))
        #expect(section("em", in: html).contains("No office or outpatient E/M visits"))
        #expect(section("productivity", in: html).contains("codeaudit import hours"))
        #expect(section("reimbursement", in: html).contains("codeaudit import fees"))
        let edits = section("edits", in: html)
        #expect(edits.contains("<code>codeaudit import encounters</code>"))
        #expect(edits.contains("<code>codeaudit import ptp FILE...</code>"))
        #expect(edits.contains("<code>codeaudit import mue FILE --effective YYYY-MM-DD</code>"))
        #expect(section("payments", in: html).contains("codeaudit import remittances FILE..."))
        #expect(section("quality", in: html).contains("No imported file holds data for October 2026."))
        #expect(matches("<p class=\"tile-value\">(.*?)</p>", in: html) == ["–", "–", "–", "0", "–", "–"])
    }
}
