/// Error categories as a Pareto chart: bars by count, largest first, and the
/// cumulative share of all errors as a line against the right-hand axis.
enum ParetoChart {
    static func svg(id: String, title: String, categories: [(label: String, count: Int)]) -> String {
        let left = 48.0
        let plotWidth = 560.0
        let top = 16.0
        let plotHeight = 180.0
        let width = left + plotWidth + 52
        let height = top + plotHeight + 110
        let total = categories.reduce(0) { $0 + $1.count }
        var svg = SVG(
            id: id, width: width, height: height, title: title,
            description: description(of: categories, total: total) + ".")
        let highest = Double(categories.map(\.count).max() ?? 1)
        let y = LinearScale(domain: LinearScale.niceDomain(0, highest), from: top + plotHeight, to: top)
        let share = LinearScale(domain: 0...1, from: top + plotHeight, to: top)
        for tick in y.ticks(count: 4) where tick == tick.rounded() {
            svg.line(x1: left, y1: y(tick), x2: left + plotWidth, y2: y(tick), class: "grid")
            let label: String = ReportFormat.count(Int(tick))
            svg.text(label, x: left - 6, y: y(tick) + 4, anchor: .end, class: "tick")
        }
        for tick in [0.0, 0.5, 0.8, 1.0] {
            svg.text(
                ReportFormat.percent(tick, decimals: 0), x: left + plotWidth + 6, y: share(tick) + 4, class: "tick")
        }
        let slot = plotWidth / Double(max(1, categories.count))
        var running = 0
        var points: [(x: Double, y: Double)] = []
        for (index, category) in categories.enumerated() {
            let centre = left + slot * (Double(index) + 0.5)
            let barWidth = min(56, slot * 0.7)
            svg.rect(
                x: centre - barWidth / 2, y: y(Double(category.count)), width: barWidth,
                height: y(0) - y(Double(category.count)), class: "bar")
            let barTop: Double = y(Double(category.count))
            svg.text(String(category.count), x: centre, y: barTop - 4, anchor: .middle, class: "value")
            svg.text(
                truncated(category.label, to: 22), x: centre, y: top + plotHeight + 14, anchor: .end, class: "label",
                rotation: -35)
            running += category.count
            points.append((centre, share(Double(running) / Double(max(1, total)))))
        }
        svg.line(x1: left, y1: share(0.8), x2: left + plotWidth, y2: share(0.8), class: "reference")
        svg.polyline(points, class: "cumulative")
        for point in points { svg.circle(x: point.x, y: point.y, radius: 3, class: "cumulative-point") }
        return svg.markup
    }

    /// The chart in words, for screen readers: each category's count and running share.
    private static func description(of categories: [(label: String, count: Int)], total: Int) -> String {
        var cumulative = 0
        var parts: [String] = []
        for category in categories {
            cumulative += category.count
            let share: Double = Double(cumulative) / Double(max(1, total))
            parts.append("\(category.label): \(category.count) (cumulative \(ReportFormat.percent(share)))")
        }
        return parts.joined(separator: "; ")
    }
}
