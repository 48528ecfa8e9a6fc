import Analytics

/// Coder productivity (SPEC 5.3): the table, and speed against accuracy.
struct ProductivityView {
    struct Row {
        var coder: String
        var encountersCoded: String
        var linesCoded: String
        var codesAssigned: String
        var hours: String
        var encountersPerHour: String
        var medianTurnaround: String
        var p90Turnaround: String
        var encountersAudited: String
        var codeAccuracy: String
    }

    var hasData: Bool
    var rows: [Row]
    var chart: String
    var hasChart: Bool

    init(_ data: MonthlyReportData) {
        hasData = !data.productivity.isEmpty
        rows = data.productivity.map { row in
            Row(
                coder: row.coder, encountersCoded: ReportFormat.count(row.encountersCoded),
                linesCoded: ReportFormat.count(row.linesCoded), codesAssigned: ReportFormat.count(row.codesAssigned),
                hours: ReportFormat.number(row.hours, decimals: 2),
                encountersPerHour: ReportFormat.number(row.encountersPerHour, decimals: 2),
                medianTurnaround: ReportFormat.number(row.medianTurnaroundDays, decimals: 1),
                p90Turnaround: row.p90TurnaroundDays.map(ReportFormat.count) ?? ReportFormat.dash,
                encountersAudited: ReportFormat.count(row.encountersAudited),
                codeAccuracy: ReportFormat.percent(row.codeAccuracy))
        }
        let points = data.productivity.compactMap { row -> ScatterChart.Point? in
            guard let speed = row.encountersPerHour, let accuracy = row.codeAccuracy else { return nil }
            return ScatterChart.Point(
                label: row.coder, x: speed.value, y: accuracy.value,
                text: "\(ReportFormat.number(speed, decimals: 2)) encounters per hour, "
                    + "\(ReportFormat.percent(accuracy)) code accuracy")
        }
        hasChart = !points.isEmpty
        chart = ScatterChart.svg(
            id: "speed-accuracy", title: "Encounters per hour against code accuracy, per coder",
            xLabel: "encounters per hour", yLabel: "code accuracy", points: points)
    }
}
