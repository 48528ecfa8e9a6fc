/// A rate per coder or provider: a bar to the rate, a whisker across its 95%
/// confidence interval, and one dashed reference line (the accuracy target, or
/// the practice's own rate). Small samples are hatched and say so in words.
/// `AccuracyChart` and `FlagRateChart` draw through it.
enum IntervalBarChart {
    struct Item {
        var label: String
        var value: Double
        var low: Double
        var high: Double
        var smallSample: Bool
        var text: String
        /// A bar drawn in the darker "look here" colour (below target, for accuracy).
        var emphasized: Bool
    }

    struct Reference {
        var value: Double
        var label: String
        var lineClass: String
        var labelClass: String
    }

    static func svg(
        id: String, title: String, items: [Item], domain: ClosedRange<Double>, reference: Reference?
    ) -> String {
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
        let x = LinearScale(domain: domain, from: labelWidth, to: labelWidth + plotWidth)
        let hatch = svg.hatchPattern("small")
        let bottom = top + rowHeight * Double(items.count)
        let ticks = x.ticks(count: 5)
        // Whole percents, unless the ticks are half a percent apart (a flag rate of a few percent).
        let step = ticks.count > 1 ? (ticks[1] - ticks[0]) * 100 : 1
        let decimals = abs(step - step.rounded()) < 1e-9 ? 0 : 1
        for tick in ticks {
            svg.line(x1: x(tick), y1: top - 4, x2: x(tick), y2: bottom, class: "grid")
            svg.text(
                ReportFormat.percent(tick, decimals: decimals), x: x(tick), y: bottom + 16, anchor: .middle,
                class: "tick")
        }
        for (index, item) in items.enumerated() {
            let y = top + rowHeight * Double(index)
            svg.text(truncated(item.label, to: 26), x: labelWidth - 8, y: y + 16, anchor: .end)
            let barClass = item.emphasized ? "bar bar-below" : "bar"
            svg.rect(x: x.start, y: y + 5, width: x(item.value) - x.start, height: rowHeight - 10, class: barClass)
            if item.smallSample {
                svg.rect(
                    x: x.start, y: y + 5, width: x(item.value) - x.start, height: rowHeight - 10, class: "hatch",
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
        if let reference {
            svg.line(
                x1: x(reference.value), y1: top - 8, x2: x(reference.value), y2: bottom + 2,
                class: reference.lineClass)
            svg.text(
                reference.label, x: x(reference.value), y: top - 10, anchor: .middle, class: reference.labelClass)
        }
        return svg.markup
    }
}
