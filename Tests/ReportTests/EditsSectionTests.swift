import Analytics
import Edits
import TestSupport
import Testing

@testable import Report

/// The report's "Automated edits" section (SPEC 7, 8): aggregates in words a
/// practice manager reads, and no encounter id.
@Suite struct EditsSectionTests {
    private func render(_ edits: MonthlyEdits = ReportFixture.edits()) throws -> String {
        let html = try MonthlyReport(
            data: ReportFixture.data(), edits: edits, practiceName: "Lakeside Clinic",
            generatedAt: ReportClock.generatedAt
        ).html()
        return PageParts.section("edits", in: html)
    }

    /// The fixture with the practice row's audit counts replaced.
    private func edits(flagged: (Int, Int), unflagged: (Int, Int)) -> MonthlyEdits {
        var edits = ReportFixture.edits()
        edits.rates[0] = ReportFixture.rate(
            .practice, "ALL", encounters: 1_530, flagged: 19, flags: [9, 3, 4, 2, 3], risk: 39_590,
            audited: flagged, others: unflagged)
        return edits
    }

    @Test func oneSentenceSaysHowManyEncountersAreFlaggedAndWhatIsAtRisk() throws {
        // Given 19 of 1,530 encounters flagged (1.24%) by 21 flags, $395.90 at risk
        let view = EditsView(ReportFixture.edits())
        // Then the lead says so in words
        #expect(
            view.summary
                == "The edits flag 19 of the month's 1,530 encounters (1.2%), with 21 flags and $395.90 of expected "
                + "payment at risk.")
        #expect(try render().contains("<p class=\"lead\">\(HTML.escape(view.summary)) Unlike audits"))
    }

    @Test func aMonthWithoutFlagsOrAmountsSaysSo() {
        var edits = ReportFixture.edits()
        edits.rates[0] = ReportFixture.rate(
            .practice, "ALL", encounters: 1, flagged: 0, flags: [0, 0, 0, 0, 0], risk: nil, audited: (0, 0),
            others: (1, 0))
        #expect(EditsView(edits).summary == "No edit flags any of the month's 1 encounter.")
        edits.rates[0] = ReportFixture.rate(
            .practice, "ALL", encounters: 40, flagged: 1, flags: [0, 0, 1, 0, 0], risk: nil, audited: (0, 0),
            others: (0, 0))
        #expect(
            EditsView(edits).summary
                == "The edits flag 1 of the month's 40 encounters (2.5%), with 1 flag and no amount at risk on any "
                + "of them.")
    }

    @Test func flaggedAgainstUnflaggedErrorRatesInOneSentence() throws {
        // Given 4 of 17 flagged and 2 of 23 unflagged audited encounters in error
        let view = EditsView(ReportFixture.edits())
        // Then whole percents with their counts, and no few-audits warning at 17 and 23
        #expect(
            view.comparison
                == "Auditors found errors in 24% of flagged encounters (4 of 17) and 9% of the others (2 of 23).")
        #expect(!view.hasFewAudits && !view.suggestRiskSample)
        #expect(try render().contains("<p>\(view.comparison)</p>"))
    }

    @Test(arguments: [
        (
            (4, 1), (30, 2),
            "The comparison rests on few audits (only 4 flagged encounters were audited): read it as "
                + "a hint, not a measure."
        ),
        (
            (1, 1), (6, 0),
            "The comparison rests on few audits (only 1 flagged and 6 unflagged encounters were "
                + "audited): read it as a hint, not a measure."
        ),
        (
            (1, 0), (40, 3),
            "The comparison rests on few audits (only 1 flagged encounter was audited): read it as a "
                + "hint, not a measure."
        ),
        (
            (12, 3), (9, 1),
            "The comparison rests on few audits (only 9 unflagged encounters were audited): read it "
                + "as a hint, not a measure."
        ),
    ])
    func fewAuditsAreSaidInWords(flagged: (Int, Int), unflagged: (Int, Int), sentence: String) throws {
        // Given fewer than 10 audited encounters on a side
        let edits = edits(flagged: flagged, unflagged: unflagged)
        let view = EditsView(edits)
        // Then the comparison carries the warning, and the page points to a risk-based sample
        #expect(view.fewAudits == sentence)
        #expect(view.hasFewAudits && view.suggestRiskSample)
        let section = try render(edits)
        #expect(section.contains("\(view.comparison) \(sentence)</p>"))
        #expect(section.contains("<code>codeaudit sample --per risk</code>"))
    }

    @Test func withoutAuditsOrWithOneSideOnlyThereIsNothingToCompare() {
        let none = EditsView(edits(flagged: (0, 0), unflagged: (0, 0)))
        #expect(
            none.comparison
                == "No encounter of the month has been audited, so whether the edits find what auditors find cannot "
                + "be measured yet.")
        #expect(!none.hasFewAudits && none.suggestRiskSample)
        let unflaggedOnly = EditsView(edits(flagged: (0, 0), unflagged: (30, 3)))
        #expect(
            unflaggedOnly.comparison
                == "None of the audited encounters was flagged by the edits; auditors found errors in 10% of them "
                + "(3 of 30), and there is no flagged encounter to compare with.")
        let flaggedOnly = EditsView(edits(flagged: (12, 5), unflagged: (0, 0)))
        #expect(
            flaggedOnly.comparison
                == "Every audited encounter was flagged by the edits; auditors found errors in 42% of them (5 of 12), "
                + "and there is no unflagged encounter to compare with.")
        #expect(!unflaggedOnly.hasFewAudits && unflaggedOnly.suggestRiskSample && flaggedOnly.suggestRiskSample)
    }

    @Test func aTableNeverImportedNamesTheImportThatFillsIt() throws {
        // Given a store that never held a PTP table, then neither table
        var edits = ReportFixture.edits()
        edits.ptpImported = false
        let view = EditsView(edits)
        #expect(view.missing.map(\.command) == ["codeaudit import ptp FILE..."])
        #expect(
            view.missing[0].sentence
                == "No NCCI procedure-to-procedure (PTP) table has been imported, so pairs of procedures billed "
                + "together are not checked. Import CMS's practitioner PTP files from the quarterly NCCI download:")
        #expect(view.stillRun == "The Excludes1, modifier 25 and new-patient edits run without it.")
        let section = try render(edits)
        #expect(section.contains("download: <code>codeaudit import ptp FILE...</code></p>"))
        #expect(!section.contains("Most frequent procedure pairs"))
        edits.mueImported = false
        let neither = EditsView(edits)
        #expect(
            neither.missing.map(\.command)
                == ["codeaudit import ptp FILE...", "codeaudit import mue FILE --effective YYYY-MM-DD"])
        #expect(neither.stillRun == "The Excludes1, modifier 25 and new-patient edits run without them.")
        // And with both imported, no such note
        #expect(EditsView(ReportFixture.edits()).missing.isEmpty)
        #expect(!(try render()).contains("has been imported"))
    }

    @Test func theMostFrequentEditsAndPairsComeFirstWithTheirAmounts() {
        // Given 9 PTP, 4 Excludes1, 3 MUE, 3 new-patient and 2 modifier 25 flags
        let view = EditsView(ReportFixture.edits())
        // Then by flags, a tie in the edits' order; amounts only where a flag carries one
        #expect(view.kinds.map(\.id) == ["ptp", "excludes1", "mue", "new_patient", "mod25"])
        #expect(view.kinds.map(\.flags) == ["9", "4", "3", "3", "2"])
        #expect(view.kinds.map(\.atRisk) == ["$199.40", "–", "$37.20", "$159.30", "–"])
        #expect(view.kinds[0].share == "42.9%")
        // And the PTP pairs by flags: the 20611/20610 pair sums the two flags that have a rate
        #expect(
            view.pairs.map { "\($0.column1)/\($0.column2) \($0.flags) \($0.atRisk)" } == [
                "80053/80048 4 $46.00", "20611/20610 3 $136.40", "93000/93010 2 $17.00",
            ])
    }

    @Test func atMostTenPairsMostFlagsThenMostMoneyFirst() {
        // Given twelve pairs flagged once each, at risk $1.00 … $12.00, and one pair flagged twice
        var edits = ReportFixture.edits()
        edits.flags = (1...12).map { index in
            EditFlagRow(
                month: ReportFixture.october, encounterID: "E\(index)", serviceDate: "2026-10-01", provider: "P",
                coder: "C", payer: "X", edit: .ptp, code: "1000\(index % 10)", otherCode: "2\(index + 1000)",
                modifiers: [], units: 1, limit: nil, modifierIndicator: 0, atRiskCents: Int64(index * 100),
                detail: "", flaggedEncounterIDs: ["E\(index)"])
        }
        edits.flags.append(edits.flags[0])
        let pairs = EditsView(edits).pairs
        #expect(pairs.count == 10)
        #expect(pairs.map(\.atRisk).prefix(3) == ["$2.00", "$12.00", "$11.00"])
        #expect(pairs[0].flags == "2")
    }

    @Test func flagRatesByCoderAndProviderAreChartedWithIntervalsAndTabled() throws {
        let section = try render()
        // Then two charts whose descriptions give each rate with its counts, against the practice's 1.2%
        #expect(PageParts.count("<svg ", in: section) == 2)
        #expect(section.contains("coder.one: 1.0% (6 of 620); coder.two: 1.4% (13 of 910)."))
        #expect(section.contains("class=\"target-label\">practice 1.2%</text>"))
        #expect(PageParts.count("class=\"whisker\"", in: section) == 4 * 3)
        // And each coder and provider has one table row with the same numbers
        for group in ["coder.one", "coder.two", "Avery Quinn MD", "Blake Rivera DO"] {
            #expect(PageParts.count("<tr><th scope=\"row\">\(group)</th>", in: section) == 1, "\(group)")
        }
        #expect(
            section.contains(
                "<tr><th scope=\"row\">coder.two</th><td class=\"num\">910</td><td class=\"num\">13</td>"
                    + "<td class=\"num\">1.4%</td>"))
        #expect(section.contains("<td class=\"num\">3 of 9</td><td class=\"num\">1 of 6</td></tr>"))
    }

    @Test func aSmallGroupIsMarkedAndAGroupWellAboveThePracticeIsDarker() throws {
        // Given a coder with 20 encounters, 12 flagged (60%: its interval is far above the practice's 1.2%)
        var edits = ReportFixture.edits()
        edits.rates.insert(
            ReportFixture.rate(
                .coder, "coder.new", encounters: 20, flagged: 12, flags: [12, 0, 0, 0, 0], risk: nil,
                audited: (0, 0), others: (0, 0)), at: 3)
        let section = try render(edits)
        #expect(section.contains("<tr><th scope=\"row\">coder.new <span class=\"badge\">small sample</span></th>"))
        #expect(section.contains("coder.new: 60.0% (12 of 20), small sample"))
        #expect(PageParts.count("class=\"bar bar-below\"", in: section) == 1)
        #expect(section.contains("<td class=\"num\">–</td><td class=\"num\">–</td></tr>"))
    }

    @Test func noEncounterIdLeavesTheSection() throws {
        let section = try render()
        #expect(!section.contains("ENC-EDIT-"))
        #expect(!section.contains("detail"))
    }

    @Test func aMonthWithoutEncountersSaysWhichImportFillsIt() throws {
        let section = try render(ReportFixture.noEdits)
        #expect(section.contains("No encounters dated in October 2026"))
        #expect(section.contains("<code>codeaudit import encounters</code>"))
        #expect(!section.contains("<svg "))
    }
}
