import Analytics

/// Error categories (findings that are not `agree`), largest first: the Pareto section.
struct CategoriesView {
    struct Row {
        var category: String
        var findings: String
        var share: String
        var cumulative: String
        var net: String
    }

    var hasData: Bool
    var total: String
    var chart: String
    var rows: [Row]
    /// The categories that make up the first 80% of errors, in words.
    var vitalFew: String

    static let uncategorised = "Not categorised"

    init(_ data: MonthlyReportData) {
        var counts: [String: (count: Int, net: Int64?)] = [:]
        for finding in data.findings {
            let category = finding.category.flatMap { $0.isEmpty ? nil : $0 } ?? Self.uncategorised
            var entry = counts[category, default: (0, nil)]
            entry.count += 1
            if let delta = finding.deltaCents { entry.net = (entry.net ?? 0) + delta }
            counts[category] = entry
        }
        let ordered = counts.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        let total = ordered.reduce(0) { $0 + $1.value.count }
        hasData = total > 0
        self.total = ReportFormat.count(total)
        chart = ParetoChart.svg(
            id: "pareto", title: "Coding errors by category, largest first, with the cumulative share",
            categories: ordered.map { ($0.key, $0.value.count) })
        var running = 0
        var vital: [String] = []
        rows = ordered.map { category, entry in
            if Double(running) < 0.8 * Double(total) { vital.append(category) }
            running += entry.count
            return Row(
                category: category, findings: ReportFormat.count(entry.count),
                share: ReportFormat.percent(Ratio(entry.count, total)),
                cumulative: ReportFormat.percent(Ratio(running, total)), net: ReportFormat.money(entry.net))
        }
        vitalFew =
            vital.count == 1
            ? "\(vital[0]) alone accounts for at least 80% of the errors."
            : "\(vital.count) of \(ordered.count) categories (\(vital.joined(separator: ", "))) account for 80% of the errors."
    }
}
