import Analytics

/// Accuracy by coder and by provider (SPEC 5.1 rows), charted and tabled.
struct AccuracyView {
    struct Group {
        var heading: String
        var dimension: String
        var chart: String
        var rows: [Row]
        var hasRows: Bool
    }

    struct Row {
        var key: String
        var encountersAudited: String
        var encounterAccuracy: String
        var codesReviewed: String
        var codesInError: String
        var codeAccuracy: String
        var interval: String
        var net: String
        var smallSample: Bool
    }

    var hasData: Bool
    var groups: [Group]
    var codeTypes: [Row]

    /// Fewer codes reviewed than this and the interval is too wide to judge a person by: the report says so.
    static let smallSample = 30

    init(_ data: MonthlyReportData) {
        hasData = data.errorRates.contains { $0.dimension == .practice }
        groups = [(ErrorRateRow.Dimension.coder, "by coder"), (.provider, "by provider")].map { dimension, heading in
            let rows = data.errorRates.filter { $0.dimension == dimension }
            let items = rows.compactMap { row -> AccuracyChart.Item? in
                guard let accuracy = row.codeAccuracy, let interval = row.codeAccuracyInterval else { return nil }
                return AccuracyChart.Item(
                    label: row.key, accuracy: accuracy.value, low: interval.low, high: interval.high,
                    smallSample: row.codesReviewed < Self.smallSample,
                    text: "\(ReportFormat.percent(accuracy)) of \(row.codesReviewed)")
            }
            return Group(
                heading: heading, dimension: dimension == .coder ? "Coder" : "Provider",
                chart: AccuracyChart.svg(
                    id: "accuracy-\(dimension.rawValue)",
                    title: "Code accuracy \(heading.lowercased()), with 95% confidence intervals and the 95% target",
                    items: items),
                rows: rows.map(Self.row), hasRows: !rows.isEmpty)
        }
        codeTypes = data.errorRates.filter { $0.dimension == .codeType }.map(Self.row)
    }

    private static func row(_ row: ErrorRateRow) -> Row {
        Row(
            key: row.key, encountersAudited: ReportFormat.count(row.encountersAudited),
            encounterAccuracy: ReportFormat.percent(row.encounterAccuracy),
            codesReviewed: ReportFormat.count(row.codesReviewed), codesInError: ReportFormat.count(row.codesInError),
            codeAccuracy: ReportFormat.percent(row.codeAccuracy),
            interval: row.codeAccuracyInterval.map {
                "\(ReportFormat.percent($0.low))–\(ReportFormat.percent($0.high))"
            } ?? ReportFormat.dash,
            net: ReportFormat.money(row.netCents), smallSample: row.codesReviewed < smallSample)
    }
}
