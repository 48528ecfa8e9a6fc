/// Days from the date of service to the payer's answer, per payer: a dot at
/// the median and a line on to the 90th percentile, so a slow tail shows as a
/// long line even when the typical line is paid promptly.
enum PaymentDaysChart {
    struct Row {
        var label: String
        var median: Double
        var p90: Double
        var text: String
    }

    static func svg(id: String, title: String, rows: [Row]) -> String {
        let labelWidth = 170.0
        let plotWidth = 300.0
        let width = labelWidth + plotWidth + 240
        let rowHeight = 26.0
        let top = 8.0
        let height = top + rowHeight * Double(rows.count) + 44
        let description = rows.map { "\($0.label): \($0.text)" }.joined(separator: "; ")
        var svg = SVG(id: id, width: width, height: height, title: title, description: description + ".")
        let longest = max(10, rows.map(\.p90).max() ?? 0)
        let x = LinearScale(domain: LinearScale.niceDomain(0, longest), from: labelWidth, to: labelWidth + plotWidth)
        let bottom = top + rowHeight * Double(rows.count)
        for tick in x.ticks(count: 5) {
            svg.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, class: "grid")
            svg.text(
                ReportFormat.decimal(tick, decimals: 0), x: x(tick), y: bottom + 16, anchor: .middle, class: "tick")
        }
        svg.text(
            "days from the date of service", x: labelWidth + plotWidth / 2, y: bottom + 34, anchor: .middle,
            class: "axis-label")
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            let middle = y + rowHeight / 2
            svg.text(truncated(row.label, to: 26), x: labelWidth - 8, y: y + 17, anchor: .end)
            svg.line(x1: x(row.median), y1: middle, x2: x(row.p90), y2: middle, class: "whisker")
            svg.line(x1: x(row.p90), y1: y + 7, x2: x(row.p90), y2: y + rowHeight - 7, class: "whisker")
            svg.circle(x: x(row.median), y: middle, radius: 5, class: "dot")
            svg.text(row.text, x: labelWidth + plotWidth + 8, y: y + 17, class: "value")
        }
        svg.line(x1: x.start, y1: top - 2, x2: x.start, y2: bottom + 2, class: "zero")
        return svg.markup
    }
}
