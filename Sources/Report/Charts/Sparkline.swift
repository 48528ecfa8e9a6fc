/// A twelve-month trend line for a summary tile: one point per month, gaps where a month has no figure.
enum Sparkline {
    static func svg(id: String, title: String, points: [(month: String, value: Double?, text: String)]) -> String {
        let width = 160.0
        let height = 36.0
        let values = points.compactMap(\.value)
        let listed = points.map { "\($0.month): \($0.value == nil ? "no data" : $0.text)" }.joined(separator: "; ")
        var svg = SVG(
            id: id, width: width, height: height, title: title,
            description: values.isEmpty ? "No data in the last twelve months." : listed + ".")
        guard let low = values.min(), let high = values.max() else { return svg.markup }
        let x = LinearScale(domain: 0...Double(max(1, points.count - 1)), from: 4, to: width - 4)
        let y = LinearScale(domain: low...high, from: height - 4, to: 4)
        var run: [(x: Double, y: Double)] = []
        for (index, point) in points.enumerated() {
            guard let value = point.value else {
                if run.count > 1 { svg.polyline(run, class: "spark") }
                run = []
                continue
            }
            run.append((x(Double(index)), y(value)))
        }
        if run.count > 1 { svg.polyline(run, class: "spark") }
        if let last = points.last, let value = last.value {
            svg.circle(x: x(Double(points.count - 1)), y: y(value), radius: 2.5, class: "spark-end")
        } else if let index = points.lastIndex(where: { $0.value != nil }), let value = points[index].value {
            svg.circle(x: x(Double(index)), y: y(value), radius: 2, class: "spark-point")
        }
        return svg.markup
    }
}
