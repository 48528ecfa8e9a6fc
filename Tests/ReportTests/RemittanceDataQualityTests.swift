import Analytics
import TestSupport
import Testing

@testable import Report

/// What the remittances add outside their own section: data quality's
/// unmatched remittances and the definitions of the new figures.
@Suite struct RemittanceDataQualityTests {
    private func render(_ data: MonthlyReportData = ReportFixture.data()) throws -> String {
        try MonthlyReport(
            data: data, edits: ReportFixture.edits(), practiceName: "Lakeside Clinic",
            generatedAt: ReportClock.generatedAt
        ).html()
    }

    @Test func dataQualityListsTheUnmatchedClaimsByThe835sPayerName() throws {
        // Given two claims of NORTHWIND HEALTH PLAN's 835 that name no encounter; When the report renders
        let quality = PageParts.section("quality", in: try render())
        // Then data quality lists them by that name and says what to check
        #expect(quality.contains("<h3>Unmatched remittances</h3>"))
        #expect(quality.contains("<tr><th scope=\"row\">NORTHWIND HEALTH PLAN</th><td class=\"num\">2</td></tr>"))
        #expect(
            quality.contains("2 claims in the payers&#39; 835 files for services in October 2026 name no encounter"))
        #expect(quality.contains("patient control number (CLP01) is the encounter id"))
    }

    @Test func aMonthWhoseClaimsAllMatchSaysSo() throws {
        // Given the fixture's remittances with every claim naming an encounter
        var data = ReportFixture.data()
        data.payments = data.payments.filter { $0.lines > 0 || $0.payer == "ALL" }.map { row in
            var row = row
            row.unmatchedClaims = 0
            return row
        }
        // When it renders; Then data quality has no unmatched table, only the sentence that all matched
        let quality = PageParts.section("quality", in: try render(data))
        #expect(!quality.contains("Unmatched remittances"))
        #expect(
            quality.contains(
                "<p class=\"note\">Every claim in the payers' 835 files for services in October 2026 matched an "
                    + "encounter.</p>"))
    }

    @Test func theDefinitionsExplainEachNewFigure() throws {
        // Given the fixture; When it renders; Then each remittance figure has its words and formula
        let definitions = PageParts.section("definitions", in: try render())
        for term in [
            "Denied line and denial rate", "Denied charge", "Days to payment", "Remitted allowed and paid",
            "Unmatched claims",
        ] {
            #expect(definitions.contains("<dt>\(term)</dt>"), "\(term)")
        }
        #expect(definitions.contains("denial rate = denied lines ÷ remitted lines"))
    }
}
