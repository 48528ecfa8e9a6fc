/// Each payer's denial rate, denied ÷ remitted lines, as a bar from zero with
/// the counts beside it. A payer whose lines have no remittance yet gets no
/// bar, only the words, so an empty row never reads as 0%.
enum DenialRateChart {
    struct Bar {
        var label: String
        /// nil when no line of the payer was remitted.
        var rate: Double?
        var text: String
    }

    static func svg(id: String, title: String, bars: [Bar]) -> String {
        let labelWidth = 170.0
        let plotWidth = 340.0
        let width = labelWidth + plotWidth + 200
        let rowHeight = 26.0
        let top = 8.0
        let height = top + rowHeight * Double(bars.count) + 28
        let description = bars.map { "\($0.label): \($0.text)" }.joined(separator: "; ")
        var svg = SVG(id: id, width: width, height: height, title: title, description: description + ".")
        // At least 0–10%, so a practice with few denials does not see a full-width bar for 1%.
        let highest = max(0.1, bars.compactMap(\.rate).max() ?? 0)
        let x = LinearScale(domain: LinearScale.niceDomain(0, highest), from: labelWidth, to: labelWidth + plotWidth)
        let bottom = top + rowHeight * Double(bars.count)
        for tick in x.ticks(count: 4) {
            svg.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, class: "grid")
            svg.text(
                ReportFormat.percent(tick, decimals: 0), x: x(tick), y: bottom + 16, anchor: .middle, class: "tick")
        }
        for (index, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(index)
            svg.text(truncated(bar.label, to: 26), x: labelWidth - 8, y: y + 17, anchor: .end)
            guard let rate = bar.rate else {
                svg.text(bar.text, x: x.start + 8, y: y + 17, class: "value muted")
                continue
            }
            svg.rect(x: x.start, y: y + 5, width: x(rate) - x.start, height: rowHeight - 10, class: "bar bar-below")
            svg.text(bar.text, x: labelWidth + plotWidth + 8, y: y + 17, class: "value")
        }
        svg.line(x1: x.start, y1: top - 2, x2: x.start, y2: bottom + 2, class: "zero")
        return svg.markup
    }
}
