import Analytics
import Foundation
import TestSupport
import Testing

@testable import Report

/// Names come from imported files: the report must show them as text and the
/// exports must not let a spreadsheet run them.
@Suite struct HostileNamesTests {
    private static let provider = "<script>alert(1)</script>"
    private static let payer = "\"><img src=x onerror=alert(1)>"
    private static let coder = "=HYPERLINK(\"http://x\")"
    private static let category = "E/M' onmouseover='alert(2)"
    private static let file = "/tmp/<b>bold&amp;.csv"
    private static let unremittedPayer = "<script>alert('payer')</script>"
    private static let remittancePayer = "</svg><script>alert(835)</script>"

    private var names: ReportFixture.Names {
        var names = ReportFixture.Names()
        names.providers[1] = Self.provider
        names.payers[1] = Self.payer
        names.coders[0] = Self.coder
        names.category = Self.category
        names.file = Self.file
        names.unremittedPayer = Self.unremittedPayer
        names.remittancePayer = Self.remittancePayer
        return names
    }

    private var data: MonthlyReportData { ReportFixture.data(names) }

    private func html() throws -> String {
        try MonthlyReport(
            data: data, edits: ReportFixture.edits(names), practiceName: "<i>Clinic</i>",
            generatedAt: ReportClock.generatedAt
        ).html()
    }

    @Test func everyImportedNameIsEscapedInTablesTextAndCharts() throws {
        let html = try html()
        // Then no markup from the data survives
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<i>Clinic"))
        #expect(!html.contains("<b>bold"))
        #expect(!html.contains("onmouseover='"))
        // And each name is there, escaped, in table cells and in the charts' labels and descriptions
        let provider = "&lt;script&gt;alert(1)&lt;/script&gt;"
        let payer = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        #expect(html.contains("<tr><th scope=\"row\">\(provider)"))
        #expect(html.contains("class=\"label\">\(provider)</text>"))
        #expect(html.contains("<tr><th scope=\"row\">\(payer)</th>"))
        // (a chart label longer than 26 characters is shortened; the table beside it has it in full)
        #expect(html.contains("class=\"label\">&quot;&gt;&lt;img src=x onerror=aler…</text>"))
        #expect(html.contains("=HYPERLINK(&quot;http://x&quot;)"))
        #expect(html.contains("E/M&#39; onmouseover=&#39;alert(2)"))
        #expect(html.contains("<tr><th scope=\"row\">&lt;b&gt;bold&amp;amp;.csv</th>"))
        // And the charts' descriptions escape them too
        let descriptions = html.components(separatedBy: "<desc id=").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(descriptions.contains { $0.contains(provider.prefix(20)) })
    }

    @Test func payerNamesFromImportsAnd835sAreEscapedInPaymentsAndDataQuality() throws {
        // Given payers named like markup, in the export and in an 835's N1*PR
        let html = try html()
        // When the payments and data quality sections render
        let payments = PageParts.section("payments", in: html)
        let quality = PageParts.section("quality", in: html)
        // Then each name is text in the table, the chart and the sentences, and nothing runs
        let payer = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        let unremitted = "&lt;script&gt;alert(&#39;payer&#39;)&lt;/script&gt;"
        #expect(!payments.contains("<script") && !payments.contains("<img") && !quality.contains("</svg><script"))
        #expect(payments.contains("<tr><th scope=\"row\">\(payer)</th><td class=\"num\">260</td>"))
        #expect(payments.contains("<tr><th scope=\"row\">\(unremitted)</th>"))
        #expect(payments.contains("class=\"label\">&lt;script&gt;alert(&#39;payer&#39;)&lt;/s…</text>"))
        #expect(payments.contains("<li>\(payer) allowed $27,600.00 against $29,000.00 expected (−4.8%).</li>"))
        #expect(payments.contains("<tr><th scope=\"row\">\(payer)</th><td class=\"code\">CO-197</td>"))
        #expect(
            quality.contains(
                "<tr><th scope=\"row\">&lt;/svg&gt;&lt;script&gt;alert(835)&lt;/script&gt;</th><td class=\"num\">2</td>"
            ))
    }

    @Test func coderAndProviderNamesAreTextInTheAutomatedEdits() throws {
        // Given the edits' coder and provider rows under hostile names
        let edits = PageParts.section("edits", in: try html())
        // Then each is an escaped table header and chart label, and nothing runs
        let provider = "&lt;script&gt;alert(1)&lt;/script&gt;"
        #expect(!edits.contains("<script"))
        #expect(edits.contains("<tr><th scope=\"row\">\(provider)</th><td class=\"num\">430</td>"))
        #expect(edits.contains("class=\"label\">\(provider)</text>"))
        #expect(edits.contains("<tr><th scope=\"row\">=HYPERLINK(&quot;http://x&quot;)</th>"))
    }

    @Test func aQuoteOrBracketFollowedByACombiningMarkIsStillEscaped() throws {
        // Given names where a markup character and a combining mark make one Swift Character
        var names = ReportFixture.Names()
        names.providers[0] = "\"\u{301} onmouseover=x"
        names.coders[0] = "<\u{BC0}script>"
        let html = try MonthlyReport(
            data: ReportFixture.data(names), edits: ReportFixture.edits(names), practiceName: "'\u{301}",
            generatedAt: ReportClock.generatedAt
        ).html()
        // Then every such quote and bracket is an entity, in the tables and in the charts alike
        #expect(html.contains("&quot;\u{301} onmouseover=x"))
        #expect(html.contains("&lt;\u{BC0}script&gt;"))
        #expect(html.contains("&#39;\u{301}"))
        let scalars = Array(html.unicodeScalars)
        let pairs = zip(scalars, scalars.dropFirst()).filter { "<>\"'".unicodeScalars.contains($0.0) }
        #expect(!pairs.contains { $0.1 == "\u{301}" || $0.1 == "\u{BC0}" })
    }

    @Test func nothingInThePageWouldLoadFromAnywhere() throws {
        let html = try html()
        // The coder's name carries a URL as text; no attribute or stylesheet may point anywhere
        #expect(html.range(of: "<[^>]*\\ssrc=", options: .regularExpression) == nil)
        #expect(!html.contains("@import"))
        let attributes = try NSRegularExpression(pattern: "(?:href|xlink:href|action|poster|data)=\"([^\"]*)\"")
        let values = attributes.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range(at: 1), in: html)!])
        }
        #expect(!values.isEmpty && values.allSatisfy { $0.hasPrefix("#") })
    }

    @Test func theExportsGuardTheFormula() throws {
        // Given the coder named like a spreadsheet formula; When the exports are written
        let productivity = String(decoding: Exports.coderProductivity(data.productivity).csv(bom: false), as: UTF8.self)
        let rates = String(decoding: Exports.errorRates(data.errorRates).csv(bom: false), as: UTF8.self)
        // Then the cell starts with the guard quote, and the raw formula never starts a cell
        #expect(productivity.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","))
        #expect(rates.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","))
        #expect(!productivity.contains(",=HYPERLINK") && !productivity.contains(",\"=HYPERLINK"))
    }
}
