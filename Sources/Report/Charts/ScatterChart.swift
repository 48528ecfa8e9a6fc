/// Coders' encounters per hour against their code accuracy: fast and accurate
/// is top right; the dashed line is the 95% accuracy target.
enum ScatterChart {
    struct Point {
        var label: String
        var x: Double
        var y: Double
        var text: String
    }

    static func svg(id: String, title: String, xLabel: String, yLabel: String, points: [Point]) -> String {
        let left = 56.0
        let plotWidth = 520.0
        let top = 14.0
        let plotHeight = 240.0
        let width = left + plotWidth + 110
        let height = top + plotHeight + 46
        let description = points.map { "\($0.label): \($0.text)" }.joined(separator: "; ")
        var svg = SVG(id: id, width: width, height: height, title: title, description: description + ".")
        let xs = points.map(\.x)
        let x = LinearScale(
            domain: LinearScale.niceDomain(max(0, (xs.min() ?? 0) * 0.9), (xs.max() ?? 1) * 1.05),
            from: left, to: left + plotWidth)
        let lowest = min(0.85, points.map(\.y).min() ?? 0.85)
        let y = LinearScale(
            domain: max(0, (lowest * 20).rounded(.down) / 20)...1, from: top + plotHeight, to: top)
        let xTicks = x.ticks(count: 6)
        let step = xTicks.count > 1 ? xTicks[1] - xTicks[0] : 1
        let decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2
        for tick in xTicks {
            svg.line(x1: x(tick), y1: top, x2: x(tick), y2: top + plotHeight, class: "grid")
            svg.text(
                ReportFormat.decimal(tick, decimals: decimals), x: x(tick), y: top + plotHeight + 16, anchor: .middle,
                class: "tick")
        }
        for tick in y.ticks(count: 5) {
            svg.line(x1: left, y1: y(tick), x2: left + plotWidth, y2: y(tick), class: "grid")
            svg.text(ReportFormat.percent(tick, decimals: 0), x: left - 6, y: y(tick) + 4, anchor: .end, class: "tick")
        }
        svg.line(
            x1: left, y1: y(AccuracyChart.target), x2: left + plotWidth, y2: y(AccuracyChart.target), class: "target")
        svg.text(xLabel, x: left + plotWidth / 2, y: height - 4, anchor: .middle, class: "axis-label")
        svg.text(yLabel, x: 12, y: top + plotHeight / 2, anchor: .middle, class: "axis-label", rotation: -90)
        for point in points {
            svg.circle(
                x: x(point.x), y: y(point.y), radius: 5, class: point.y < AccuracyChart.target ? "dot dot-below" : "dot"
            )
            svg.text(truncated(point.label, to: 18), x: x(point.x) + 8, y: y(point.y) + 4, class: "label")
        }
        return svg.markup
    }
}
