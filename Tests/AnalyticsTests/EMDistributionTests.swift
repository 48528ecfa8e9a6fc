import Ingest
import TestSupport
import Testing

@testable import Analytics

/// SPEC 5.5: office/outpatient E/M levels by provider against the practice.
@Suite struct EMDistributionTests {
    static let october = Month(year: 2026, month: 10)
    static let header =
        "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,modifiers,units,diagnosis_codes"

    /// `count` one-line encounters of `provider` billed as `code`.
    static func visits(_ provider: String, _ code: String, _ count: Int, on day: String = "2026-10-15") -> [String] {
        (1...count).map { "\(provider)-\(code)-\(day)-\($0),\(day),P\($0),\(provider),ALICE,ACME,\(code),,1,I10" }
    }

    static func row(
        _ provider: String, _ category: EMDistributionRow.Category, _ level: String, visits: Int,
        share: (Int, Int), practice: (Int, Int), difference: (Int, Int), flagged: Bool = false
    ) -> EMDistributionRow {
        EMDistributionRow(
            month: october, provider: provider, category: category, level: level, visits: visits,
            share: Ratio(share.0, share.1), practiceShare: Ratio(practice.0, practice.1),
            difference: Ratio(difference.0, difference.1), flagged: flagged)
    }

    @Test func eachProviderHasEveryLevelOfItsCategoriesAgainstThePractice() throws {
        // Given, in October, DR-HIGH: new 99203 × 2; established 99213 × 10, 99214 × 25, 99215 × 5 (40)
        // and DR-LOW: established only, 99212 × 10, 99213 × 30, 99214 × 20 (60).
        // One DR-HIGH 99214 encounter also has a 36415 line, one DR-LOW 99213 line has 3 units;
        // DR-OTHER bills only 99221 and 99201 (not office/outpatient levels);
        // DR-LOW's 99215 × 3 and DR-SEPT's 99204 were served in September.
        let workspace = try TestWorkspace()
        try workspace.load(
            .encounters,
            [Self.header]
                + Self.visits("DR-HIGH", "99203", 2) + Self.visits("DR-HIGH", "99213", 10)
                + Self.visits("DR-HIGH", "99214", 24) + Self.visits("DR-HIGH", "99215", 5)
                + [
                    "MIXED,2026-10-20,P90,DR-HIGH,ALICE,ACME,99214,,1,E11.9",
                    "MIXED,2026-10-20,P90,DR-HIGH,ALICE,ACME,36415,,1,E11.9",
                    "UNITS,2026-10-21,P91,DR-LOW,ALICE,ACME,99213,,3,I10",
                ]
                + Self.visits("DR-LOW", "99212", 10) + Self.visits("DR-LOW", "99213", 29)
                + Self.visits("DR-LOW", "99214", 20)
                + Self.visits("DR-OTHER", "99221", 5) + Self.visits("DR-OTHER", "99201", 1)
                + Self.visits("DR-LOW", "99215", 3, on: "2026-09-30")
                + Self.visits("DR-SEPT", "99204", 1, on: "2026-09-30")
        )
        // When October's distribution is computed
        let rows = try workspace.analytics.emDistribution(for: Self.october)
        // Then practice (established): 99211 0, 99212 10, 99213 10 + 30 = 40, 99214 25 + 20 = 45,
        // 99215 5: 100 visits; practice (new): 99203 2 of 2.
        // difference = share − practice share = (v·100 − p·n) / (n·100), n the provider's visits.
        #expect(
            rows == [
                // DR-HIGH new, n = 2 over a practice of 2: (v·2 − p·2) / 4
                Self.row("DR-HIGH", .new, "99202", visits: 0, share: (0, 2), practice: (0, 2), difference: (0, 4)),
                Self.row("DR-HIGH", .new, "99203", visits: 2, share: (2, 2), practice: (2, 2), difference: (0, 4)),
                Self.row("DR-HIGH", .new, "99204", visits: 0, share: (0, 2), practice: (0, 2), difference: (0, 4)),
                Self.row("DR-HIGH", .new, "99205", visits: 0, share: (0, 2), practice: (0, 2), difference: (0, 4)),
                // DR-HIGH established, n = 40: / 4000
                Self.row(
                    "DR-HIGH", .established, "99211", visits: 0, share: (0, 40), practice: (0, 100),
                    difference: (0, 4000)),
                // 0 − 10·40 = −400: −0.10
                Self.row(
                    "DR-HIGH", .established, "99212", visits: 0, share: (0, 40), practice: (10, 100),
                    difference: (-400, 4000)),
                // 10·100 − 40·40 = −600: −0.15, but 10 visits < 20: not flagged
                Self.row(
                    "DR-HIGH", .established, "99213", visits: 10, share: (10, 40), practice: (40, 100),
                    difference: (-600, 4000)),
                // 25·100 − 45·40 = 700: +0.175 with 25 visits ≥ 20: flagged
                Self.row(
                    "DR-HIGH", .established, "99214", visits: 25, share: (25, 40), practice: (45, 100),
                    difference: (700, 4000), flagged: true),
                // 5·100 − 5·40 = 300: +0.075
                Self.row(
                    "DR-HIGH", .established, "99215", visits: 5, share: (5, 40), practice: (5, 100),
                    difference: (300, 4000)),
                // DR-LOW has no new visits, so no new rows; established, n = 60: / 6000
                Self.row(
                    "DR-LOW", .established, "99211", visits: 0, share: (0, 60), practice: (0, 100),
                    difference: (0, 6000)),
                // 10·100 − 10·60 = 400: +0.067
                Self.row(
                    "DR-LOW", .established, "99212", visits: 10, share: (10, 60), practice: (10, 100),
                    difference: (400, 6000)),
                // 30 lines (the 3-unit line counts once); 30·100 − 40·60 = 600: +0.10 < 0.15: not flagged
                Self.row(
                    "DR-LOW", .established, "99213", visits: 30, share: (30, 60), practice: (40, 100),
                    difference: (600, 6000)),
                // 20·100 − 45·60 = −700: −0.117, not flagged
                Self.row(
                    "DR-LOW", .established, "99214", visits: 20, share: (20, 60), practice: (45, 100),
                    difference: (-700, 6000)),
                // 0 − 5·60 = −300: −0.05
                Self.row(
                    "DR-LOW", .established, "99215", visits: 0, share: (0, 60), practice: (5, 100),
                    difference: (-300, 6000)),
            ])
    }

    @Test func exactlyTwentyVisitsAndFifteenPointsIsFlagged() throws {
        // Given DR-X: 99213 × 20, 99214 × 20 (40) and DR-Y: 99213 × 8, 99214 × 32 (40);
        // practice 99213 28/80 = 0.35, 99214 52/80 = 0.65
        let workspace = try TestWorkspace()
        try workspace.load(
            .encounters,
            [Self.header]
                + Self.visits("DR-X", "99213", 20) + Self.visits("DR-X", "99214", 20)
                + Self.visits("DR-Y", "99213", 8) + Self.visits("DR-Y", "99214", 32))
        // When October's distribution is computed
        let rows = try workspace.analytics.emDistribution(for: Self.october)
        // Then DR-X 99213: 20·80 − 28·40 = 480 → +480/3200 = +0.15 exactly, 20 visits: flagged;
        // DR-X 99214: 20·80 − 52·40 = −480 → −0.15, 20 visits: flagged;
        // DR-Y 99213: 8·80 − 28·40 = −480 → −0.15, but 8 visits: not flagged;
        // DR-Y 99214: 32·80 − 52·40 = 480 → +0.15, 32 visits: flagged.
        #expect(
            rows.filter(\.flagged).map { "\($0.provider) \($0.level) \($0.difference!)" } == [
                "DR-X 99213 480/3200", "DR-X 99214 -480/3200", "DR-Y 99214 480/3200",
            ])
        #expect(rows.filter { $0.provider == "DR-Y" && $0.level == "99213" }.map(\.difference) == [Ratio(-480, 3200)])
        // And neither provider has new visits: established rows only, 5 each
        #expect(rows.map(\.category) == Array(repeating: .established, count: 10))
    }

    @Test func aMonthWithNoVisitsHasNoRows() throws {
        // Given an empty store, and a store whose only E/M visit is in October
        let empty = try TestWorkspace()
        let workspace = try TestWorkspace()
        try workspace.load(.encounters, [Self.header] + Self.visits("DR-X", "99213", 1))
        // When September's and October's distributions are computed
        // Then they are empty
        #expect(try empty.analytics.emDistribution(for: Self.october).isEmpty)
        #expect(try workspace.analytics.emDistribution(for: Month(year: 2026, month: 9)).isEmpty)
    }
}
