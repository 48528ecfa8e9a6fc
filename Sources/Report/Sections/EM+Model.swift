import Analytics

/// Office and outpatient E/M level mix per provider against the practice (SPEC 5.5).
struct EMView {
    struct Category {
        var heading: String
        var chart: String
        var levels: [String]
        var rows: [Row]
    }

    struct Row {
        var provider: String
        var visits: String
        var shares: [String]
        var flagged: Bool
    }

    var hasData: Bool
    var categories: [Category]
    /// One sentence per flagged provider and level.
    var flags: [String]
    var hasFlags: Bool

    init(_ data: MonthlyReportData) {
        hasData = !data.emDistribution.isEmpty
        var flags: [String] = []
        categories = EMDistributionRow.Category.allCases.compactMap { category in
            Self.category(category, rows: data.emDistribution.filter { $0.category == category }, flags: &flags)
        }
        self.flags = flags
        hasFlags = !flags.isEmpty
    }

    /// One category's chart and table: the practice first, then each provider;
    /// the sentence for each flagged level goes to `flags`. nil when the month
    /// has no visit of the category.
    private static func category(
        _ category: EMDistributionRow.Category, rows: [EMDistributionRow], flags: inout [String]
    ) -> Category? {
        guard !rows.isEmpty else { return nil }
        var levels: [String] = []
        for row in rows where !levels.contains(row.level) { levels.append(row.level) }
        levels.sort()
        var providers: [String] = []
        for row in rows where !providers.contains(row.provider) { providers.append(row.provider) }
        let practiceShares = levels.map { level in rows.first { $0.level == level }?.practiceShare?.value ?? 0 }
        let practiceVisits = rows.reduce(0) { $0 + $1.visits }
        var chartRows = [
            EMChart.Row(label: "Practice", shares: practiceShares, visits: practiceVisits, flagged: false)
        ]
        var tableRows = [
            Row(
                provider: "Practice", visits: ReportFormat.count(practiceVisits),
                shares: levels.map { level in
                    ReportFormat.percent(rows.first { $0.level == level }?.practiceShare)
                }, flagged: false)
        ]
        for provider in providers {
            let own = rows.filter { $0.provider == provider }
            let visits = own.reduce(0) { $0 + $1.visits }
            let flagged = own.contains(where: \.flagged)
            let shares = levels.map { level in own.first { $0.level == level }?.share }
            chartRows.append(
                EMChart.Row(
                    label: provider, shares: shares.map { $0?.value ?? 0 }, visits: visits, flagged: flagged))
            tableRows.append(
                Row(
                    provider: provider, visits: ReportFormat.count(visits),
                    shares: shares.map { ReportFormat.percent($0) }, flagged: flagged))
            for row in own where row.flagged {
                flags.append(sentence(row, categoryVisits: visits))
            }
        }
        let heading = category == .new ? "New patients (99202–99205)" : "Established patients (99211–99215)"
        return Category(
            heading: heading,
            chart: EMChart.svg(
                id: "em-\(category.rawValue)", title: "E/M level mix, \(heading.lowercased())", levels: levels,
                rows: chartRows),
            levels: levels, rows: tableRows)
    }

    private static func sentence(_ row: EMDistributionRow, categoryVisits: Int) -> String {
        let difference = row.difference.map { Ratio($0.numerator * 100, $0.denominator)! }
        let points = ReportFormat.number(difference, decimals: 1)
        return "\(row.provider) billed \(row.level) on \(ReportFormat.percent(row.share)) of "
            + "\(row.category.rawValue)-patient visits (\(row.visits) of \(categoryVisits)) against "
            + "\(ReportFormat.percent(row.practiceShare)) for the practice: "
            + "\(points.hasPrefix("−") ? points : "+" + points) percentage points."
    }
}
