/// Code accuracy per coder or provider: a bar to the rate, a whisker across
/// its 95% confidence interval, and the practice's 95% target as a dashed line.
/// Small samples are hatched and say so in words.
enum AccuracyChart {
    struct Item {
        var label: String
        var accuracy: Double
        var low: Double
        var high: Double
        var smallSample: Bool
        var text: String
    }

    static let target = 0.95

    static func svg(id: String, title: String, items: [Item]) -> String {
        let labelWidth = 170.0
        let plotWidth = 380.0
        let width = labelWidth + plotWidth + 190
        let rowHeight = 24.0
        let top = 22.0
        let height = top + rowHeight * Double(items.count) + 28
        let description = items.map { item in
            "\(item.label): \(item.text)\(item.smallSample ? ", small sample" : "")"
        }.joined(separator: "; ")
        var svg = SVG(id: id, width: width, height: height, title: title, description: description + ".")
        let lowest = min(0.8, items.map(\.low).min() ?? 0.8)
        let x = LinearScale(
            domain: max(0, (lowest * 20).rounded(.down) / 20)...1, from: labelWidth, to: labelWidth + plotWidth)
        let hatch = svg.hatchPattern("small")
        let bottom = top + rowHeight * Double(items.count)
        for tick in x.ticks(count: 5) {
            svg.line(x1: x(tick), y1: top - 4, x2: x(tick), y2: bottom, class: "grid")
            svg.text(
                ReportFormat.percent(tick, decimals: 0), x: x(tick), y: bottom + 16, anchor: .middle, class: "tick")
        }
        for (index, item) in items.enumerated() {
            let y = top + rowHeight * Double(index)
            svg.text(truncated(item.label, to: 26), x: labelWidth - 8, y: y + 16, anchor: .end)
            let barClass = item.accuracy < target ? "bar bar-below" : "bar"
            svg.rect(x: x.start, y: y + 5, width: x(item.accuracy) - x.start, height: rowHeight - 10, class: barClass)
            if item.smallSample {
                svg.rect(
                    x: x.start, y: y + 5, width: x(item.accuracy) - x.start, height: rowHeight - 10, class: "hatch",
                    fill: hatch)
            }
            svg.line(x1: x(item.low), y1: y + rowHeight / 2, x2: x(item.high), y2: y + rowHeight / 2, class: "whisker")
            for end in [item.low, item.high] {
                svg.line(x1: x(end), y1: y + 7, x2: x(end), y2: y + rowHeight - 7, class: "whisker")
            }
            svg.text(
                item.text + (item.smallSample ? " · small sample" : ""), x: labelWidth + plotWidth + 8, y: y + 16,
                class: "value")
        }
        svg.line(x1: x(target), y1: top - 8, x2: x(target), y2: bottom + 2, class: "target")
        svg.text("95% target", x: x(target), y: top - 10, anchor: .middle, class: "target-label")
        return svg.markup
    }
}
