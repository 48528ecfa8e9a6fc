/// Each payer's variance, allowed − expected over lines with a contract rate
/// and an allowed amount: bars left of zero are underpayment.
enum VarianceChart {
    struct Bar {
        var label: String
        var cents: Int64
        var text: String
    }

    static func svg(id: String, title: String, bars: [Bar]) -> String {
        let labelWidth = 170.0
        let plotWidth = 380.0
        let width = labelWidth + plotWidth + 150
        let rowHeight = 26.0
        let top = 8.0
        let height = top + rowHeight * Double(bars.count) + 28
        let description = bars.map { "\($0.label): \($0.text)" }.joined(separator: "; ")
        var svg = SVG(id: id, width: width, height: height, title: title, description: description + ".")
        let values = bars.map { Double($0.cents) }
        let reach = max(abs(values.min() ?? 0), abs(values.max() ?? 0), 100)
        let x = LinearScale(domain: LinearScale.niceDomain(-reach, reach), from: labelWidth, to: labelWidth + plotWidth)
        let bottom = top + rowHeight * Double(bars.count)
        for tick in x.ticks(count: 4) {
            svg.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, class: "grid")
            svg.text(ReportFormat.wholeDollars(Int64(tick)), x: x(tick), y: bottom + 16, anchor: .middle, class: "tick")
        }
        for (index, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(index)
            svg.text(truncated(bar.label, to: 26), x: labelWidth - 8, y: y + 17, anchor: .end)
            let end = x(Double(bar.cents))
            svg.rect(
                x: min(x(0), end), y: y + 5, width: abs(end - x(0)), height: rowHeight - 10,
                class: bar.cents < 0 ? "bar bar-below" : "bar")
            svg.text(bar.text, x: labelWidth + plotWidth + 8, y: y + 17, class: "value")
        }
        svg.line(x1: x(0), y1: top - 2, x2: x(0), y2: bottom + 2, class: "zero")
        return svg.markup
    }
}
