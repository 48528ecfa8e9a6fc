import Analytics
import Codes
import Foundation

/// A small month of hand-made report data: two coders, two providers, two
/// payers, with every section filled, and names that a hostile fixture can replace.
enum ReportFixture {
    static let october = Month("2026-10")!

    struct Names {
        var providers = ["Avery Quinn MD", "Blake Rivera DO"]
        var coders = ["coder.one", "coder.two"]
        var payers = ["Medicare", "Northwind Health"]
        /// A payer of the export none of whose lines has a remittance yet.
        var unremittedPayer = "Harbor Mutual"
        /// The payer name an 835 gives on claims that match no encounter.
        var remittancePayer = "NORTHWIND HEALTH PLAN"
        var category = "E/M level"
        var file = "/exports/october/encounters.csv"
    }

    static func data(_ names: Names = Names(), trend: Bool = true) -> MonthlyReportData {
        let month = october
        let errorRates = [
            rate(.practice, "ALL", audited: 40, withErrors: 6, reviewed: 200, inError: 12, over: 45_000, under: 12_000),
            rate(
                .coder, names.coders[0], audited: 25, withErrors: 2, reviewed: 130, inError: 4, over: 10_000,
                under: 8_000),
            rate(
                .coder, names.coders[1], audited: 15, withErrors: 4, reviewed: 70, inError: 8, over: 35_000,
                under: 4_000),
            rate(
                .provider, names.providers[0], audited: 30, withErrors: 5, reviewed: 180, inError: 11, over: 44_000,
                under: 12_000),
            rate(
                .provider, names.providers[1], audited: 10, withErrors: 1, reviewed: 20, inError: 1, over: 1_000,
                under: 0),
            rate(
                .payer, names.payers[0], audited: 40, withErrors: 6, reviewed: 200, inError: 12, over: 45_000,
                under: 12_000),
            rate(.codeType, "CPT", audited: 40, withErrors: 5, reviewed: 90, inError: 7, over: 45_000, under: 12_000),
            rate(.codeType, "ICD10", audited: 40, withErrors: 1, reviewed: 110, inError: 5, over: nil, under: nil),
        ]
        let findings = [
            finding(names, category: names.category, delta: -13_500),
            finding(names, category: names.category, delta: -9_000),
            finding(names, category: names.category, delta: nil),
            finding(names, category: "Unbundling", delta: -4_000),
            finding(names, category: nil, delta: 12_000),
        ]
        let productivity = [
            CoderProductivityRow(
                month: month, coder: names.coders[0], encountersCoded: 620, linesCoded: 1_410, codesAssigned: 3_900,
                hours: Ratio(16_000, 100), encountersPerHour: Ratio(620 * 100, 16_000),
                medianTurnaroundDays: Ratio(3, 1), p90TurnaroundDays: 6, encountersAudited: 25,
                codeAccuracy: Ratio(126, 130)),
            CoderProductivityRow(
                month: month, coder: names.coders[1], encountersCoded: 910, linesCoded: 2_050, codesAssigned: 5_200,
                hours: Ratio(15_250, 100), encountersPerHour: Ratio(910 * 100, 15_250),
                medianTurnaroundDays: Ratio(5, 2), p90TurnaroundDays: 4, encountersAudited: 15,
                codeAccuracy: Ratio(62, 70)),
        ]
        let variance = [
            varianceRow(
                names.payers[0], "99214", lines: 300, expected: 3_843_000, allowed: 3_843_000, under: 0, underLines: 0),
            varianceRow(
                names.payers[0], "ALL", lines: 420, expected: 5_100_000, allowed: 5_090_000, under: 10_000,
                underLines: 3, noRate: 4, pending: 11),
            varianceRow(
                names.payers[1], "99213", lines: 150, expected: 1_650_000, allowed: 1_518_000, under: 132_000,
                underLines: 150),
            varianceRow(
                names.payers[1], "ALL", lines: 260, expected: 2_900_000, allowed: 2_760_000, under: 140_000,
                underLines: 160, pending: 7),
        ]
        var em: [EMDistributionRow] = []
        let levels = ["99211", "99212", "99213", "99214", "99215"]
        let visits = [[2, 10, 60, 40, 8], [0, 2, 8, 20, 30]]
        let practice = levels.indices.map { visits[0][$0] + visits[1][$0] }
        for (index, provider) in names.providers.enumerated() {
            let total = visits[index].reduce(0, +)
            for (level, code) in levels.enumerated() {
                let share = Ratio(visits[index][level], total)!
                let practiceShare = Ratio(practice[level], 180)!
                em.append(
                    EMDistributionRow(
                        month: month, provider: provider, category: .established, level: code,
                        visits: visits[index][level], share: share, practiceShare: practiceShare,
                        difference: share - practiceShare,
                        flagged: visits[index][level] >= 20 && abs((share - practiceShare).value) >= 0.15))
            }
        }
        let files = [
            ImportedFileQuality(
                kind: "encounters", fileName: names.file, sha256: String(repeating: "ab", count: 32), rowsRead: 2_400,
                rowsLoaded: 2_391, rowsRejected: 9,
                rejectsByColumn: [
                    RejectedColumn(column: "CPT Code", rows: 5), RejectedColumn(column: "Date of Service", rows: 3),
                    RejectedColumn(column: nil, rows: 1),
                ]),
            ImportedFileQuality(
                kind: "audits", fileName: "audits-october.csv", sha256: String(repeating: "cd", count: 32),
                rowsRead: 400, rowsLoaded: 400, rowsRejected: 0, rejectsByColumn: []),
        ]
        var months: [PracticeSummary] = []
        if trend {
            var earlier = month
            for step in 1..<12 {
                earlier = earlier.previous
                months.insert(
                    PracticeSummary(
                        month: earlier, encounterAccuracy: Ratio(30 + step % 4, 40),
                        codeAccuracy: Ratio(184 + step % 5, 200),
                        netImpactCents: Int64(-20_000 - 1_000 * step), encountersAudited: 40,
                        encountersCoded: 1_400 + 10 * step,
                        encountersPerHour: Ratio(1_400 + 10 * step, 300),
                        underpaidCents: step == 3 ? nil : Int64(100_000 + 2_000 * step)),
                    at: 0)
            }
        }
        months.append(
            PracticeSummary(month: month, errorRates: errorRates, productivity: productivity, variance: variance))
        return MonthlyReportData(
            month: month, errorRates: errorRates, findings: findings, productivity: productivity, variance: variance,
            emDistribution: em, trend: months, files: files, toleranceCents: 100, payments: payments(names),
            denials: denials(names))
    }

    private static func rate(
        _ dimension: ErrorRateRow.Dimension, _ key: String, audited: Int, withErrors: Int, reviewed: Int, inError: Int,
        over: Int64?, under: Int64?
    ) -> ErrorRateRow {
        ErrorRateRow(
            month: october, dimension: dimension, key: key, encountersAudited: audited,
            encountersWithErrors: withErrors,
            encounterAccuracy: Ratio(audited - withErrors, audited), codesReviewed: reviewed, codesInError: inError,
            codeAccuracy: Ratio(reviewed - inError, reviewed),
            codeAccuracyInterval: WilsonInterval(successes: reviewed - inError, trials: reviewed),
            overcodedCents: over, undercodedCents: under, netCents: over.flatMap { o in under.map { $0 - o } },
            paymentErrorRate: over.flatMap { o in under.flatMap { Ratio(o + $0, 2_000_000) } })
    }

    private static func finding(_ names: Names, category: String?, delta: Int64?) -> FindingRow {
        FindingRow(
            month: october, encounterID: "ENC-SECRET-1", serviceDate: "2026-10-05", provider: names.providers[0],
            coder: names.coders[1], payer: names.payers[0], auditor: "auditor", auditDate: "2026-10-20",
            codeType: .cpt, outcome: .revised, submittedCode: "99215", auditedCode: "99214", submittedUnits: 1,
            auditedUnits: 1, category: category, deltaCents: delta, rateMissing: delta == nil, comment: "note")
    }

    private static func varianceRow(
        _ payer: String, _ code: String, lines: Int, expected: Int64, allowed: Int64, under: Int64, underLines: Int,
        noRate: Int = 0, pending: Int = 0
    ) -> ReimbursementVarianceRow {
        ReimbursementVarianceRow(
            month: october, payer: payer, procedureCode: code, lines: lines, units: lines, chargeCents: expected * 2,
            expectedCents: expected, allowedCents: allowed, paidCents: allowed * 8 / 10,
            varianceCents: allowed - expected,
            varianceRate: Ratio(allowed - expected, expected), underpaidLines: underLines, underpaidCents: under,
            overpaidLines: 0, noRateLines: noRate, pendingLines: pending)
    }
}
