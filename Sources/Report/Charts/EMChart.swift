/// One E/M category's level mix: a 100% bar for the practice, then one per
/// provider, levels shaded light to dark so the mix still reads in greyscale.
enum EMChart {
    struct Row {
        var label: String
        /// Each level's share of the row's visits, in level order.
        var shares: [Double]
        var visits: Int
        var flagged: Bool
    }

    static func svg(id: String, title: String, levels: [String], rows: [Row]) -> String {
        let labelWidth = 170.0
        let plotWidth = 400.0
        let width = labelWidth + plotWidth + 110
        let rowHeight = 26.0
        let top = 30.0
        let height = top + rowHeight * Double(rows.count) + 8
        let description = rows.map { row in
            let mix = zip(levels, row.shares).map { "\($0) \(ReportFormat.percent($1, decimals: 0))" }
            return "\(row.label) (\(row.visits) visits\(row.flagged ? ", flagged" : "")): "
                + mix.joined(separator: ", ")
        }.joined(separator: "; ")
        var svg = SVG(id: id, width: width, height: height, title: title, description: description + ".")
        let legendStep = plotWidth / Double(max(1, levels.count))
        for (index, level) in levels.enumerated() {
            let x = labelWidth + legendStep * Double(index)
            svg.rect(x: x, y: 6, width: 14, height: 12, class: "level level-\(index + 1)")
            svg.text(level, x: x + 18, y: 16, class: "tick")
        }
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            svg.text(
                truncated(row.label, to: 26), x: labelWidth - 8, y: y + 17, anchor: .end,
                class: index == 0 ? "label strong" : "label")
            var x = labelWidth
            for (level, share) in row.shares.enumerated() {
                let segment = plotWidth * share
                svg.rect(x: x, y: y + 4, width: segment, height: rowHeight - 8, class: "level level-\(level + 1)")
                if segment >= 30 {
                    svg.text(
                        ReportFormat.percent(share, decimals: 0), x: x + segment / 2, y: y + 17, anchor: .middle,
                        class: level >= 2 ? "segment-label dark" : "segment-label")
                }
                x += segment
            }
            svg.text(
                "\(row.visits) visits" + (row.flagged ? " · flagged" : ""), x: labelWidth + plotWidth + 8, y: y + 17,
                class: row.flagged ? "value flag" : "value")
        }
        return svg.markup
    }
}
