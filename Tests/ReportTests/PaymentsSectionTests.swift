import Analytics
import TestSupport
import Testing

@testable import Report

/// The "Payments and denials" section (SPEC 7, 9).
@Suite struct PaymentsSectionTests {
    private func render(_ data: MonthlyReportData = ReportFixture.data()) throws -> String {
        try MonthlyReport(
            data: data, edits: ReportFixture.edits(), practiceName: "Lakeside Clinic",
            generatedAt: ReportClock.generatedAt
        ).html()
    }

    private func payments(_ data: MonthlyReportData = ReportFixture.data()) throws -> String {
        PageParts.section("payments", in: try render(data))
    }

    @Test func theSectionComesAfterAutomatedEditsAndBeforeDataQuality() throws {
        // Given the fixture; When it renders
        let ids = PageParts.matches("<section id=\"([a-z]+)\"", in: try render())
        // Then payments sits between the automated edits and data quality (SPEC 7's order), under its title
        #expect(
            Array(ids.drop { $0 != "reimbursement" }.prefix(4)) == ["reimbursement", "edits", "payments", "quality"])
        #expect(try payments().contains("<h2 id=\"payments-heading\">Payments and denials</h2>"))
    }

    @Test func oneSentenceSumsUpTheMonth() throws {
        // Given 17 of 640 remitted lines denied, $2,840.00 of charges, Medicare's CO-97 on the most lines (5)
        let section = try payments()
        // Then the lead says so, with the days to payment of all lines
        #expect(
            section.contains(
                "<p class=\"lead\">Of the month&#39;s 715 service lines, 640 have a remittance; payers denied 17 of "
                    + "them (2.7%), $2,840.00 of charges; the most common reason was CO-97 at Medicare. Payers "
                    + "answered half of the remitted lines within 16 days of the date of service, and nine in ten "
                    + "within 38 days.</p>"))
    }

    @Test func eachPayerOfTheExportHasOneRowAndAnUnremittedPayerSaysSo() throws {
        let section = try payments()
        let byPayer = section.components(separatedBy: "<h3>")[0]
        for payer in ["Medicare", "Northwind Health", "Harbor Mutual"] {
            #expect(PageParts.count("<tr><th scope=\"row\">\(payer)</th>", in: byPayer) == 1, "\(payer)")
        }
        // The 835's own name for claims that match no encounter is data quality's, not a payer row
        #expect(!section.contains("NORTHWIND HEALTH PLAN"))
        #expect(byPayer.contains("<tr><th scope=\"row\">All payers</th>"))
        // Harbor Mutual has lines but no remittance: words, not 0%, in the table and in the chart
        #expect(byPayer.contains("<td class=\"num muted\">no remittance imported</td>"))
        #expect(byPayer.contains("class=\"value muted\">no remittance imported</text>"))
        #expect(byPayer.contains("<td class=\"num\">2.5%</td>") && byPayer.contains("2.5% (10 of 400 lines)"))
        #expect(!byPayer.contains(">0.0%<"))
    }

    @Test func theTopReasonsArePerPayerInWords() throws {
        let section = try payments()
        let reasons = PageParts.matches("<td class=\"code\">([^<]*)</td>", in: section)
        // Up to three per payer, in denials.csv's order: Medicare's fourth (CO-50) is left out
        #expect(reasons == ["CO-97", "CO-16", "OA-18", "CO-197", "PI-204", "CO-272"])
        #expect(section.contains("<td>contractual obligation (the practice writes it off)</td>"))
        #expect(section.contains("<td>paid as part of another service on the claim (bundled)</td>"))
        #expect(section.contains("<td>payer-initiated reduction</td>"))
        #expect(section.contains("<td>other adjustment</td>"))
        #expect(section.contains("reason 272 (not in this report&#39;s short list"))
    }

    @Test func daysToPaymentAndAllowedAgainstExpectedAreShownPerPayer() throws {
        let section = try payments()
        #expect(section.contains("<svg id=\"payment-days\""))
        #expect(section.contains("Northwind Health: median 21.5 days · 90th pct 44 days"))
        #expect(section.contains("<li>Medicare allowed $50,900.00 against $51,000.00 expected (−0.2%).</li>"))
        #expect(section.contains("<li>Northwind Health allowed $27,600.00 against $29,000.00 expected (−4.8%).</li>"))
        #expect(!section.contains("<li>Harbor Mutual"))
    }

    @Test func aMonthWithNoRemittanceNamesTheImportThatFillsIt() throws {
        // Given the fixture without any payment or denial row
        var data = ReportFixture.data()
        data.payments = []
        data.denials = []
        // When it renders
        let html = try render(data)
        // Then the section says which import fills it, and data quality lists no unmatched remittance
        #expect(
            PageParts.section("payments", in: html).contains(
                "<p class=\"empty\">No remittances for this month: import the payers' 835 files with "
                    + "<code>codeaudit import remittances FILE...</code>.</p>"))
        #expect(!PageParts.section("quality", in: html).contains("Unmatched remittances"))
    }

    @Test func onlyUnmatchedClaimsStillFillTheSectionAndPointToDataQuality() throws {
        // Given 835s none of whose claims names an encounter
        var data = ReportFixture.data()
        data.payments = ["NORTHWIND HEALTH PLAN", "ALL"].map { payer in
            PaymentRow(
                month: ReportFixture.october, payer: payer, lines: 0, remittedLines: 0, chargeCents: nil,
                allowedCents: nil, paidCents: nil, patientResponsibilityCents: nil, deniedLines: 0, denialRate: nil,
                deniedChargeCents: nil, medianDaysToPayment: nil, p90DaysToPayment: nil, unmatchedClaims: 2)
        }
        data.denials = []
        // When it renders
        let html = try render(data)
        // Then the lead says no line matched and points to data quality, which lists the claims
        #expect(
            PageParts.section("payments", in: html).contains(
                "<p class=\"lead\">No line of this month&#39;s encounters has a remittance yet; 2 claims in the "
                    + "payers&#39; 835 files match no encounter (see unmatched remittances under data quality).</p>"))
        #expect(PageParts.section("quality", in: html).contains("<th scope=\"row\">NORTHWIND HEALTH PLAN</th>"))
    }
}
