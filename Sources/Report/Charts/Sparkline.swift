/// A twelve-month trend line for a summary tile: one slot per month of the
/// window, a point for each month that holds data, gaps where a month has no
/// data or no figure.
enum Sparkline {
    /// One month of the trend: its slot in the window (0 the oldest), its short
    /// name, its value to plot (nil: no figure) and its text for the description.
    typealias Point = (slot: Int, month: String, value: Double?, text: String)

    static func svg(id: String, title: String, slots: Int = 12, points: [Point]) -> String {
        let width = 160.0
        let height = 36.0
        let values = points.compactMap(\.value)
        let listed = points.map { "\($0.month): \($0.value == nil ? "no data" : $0.text)" }.joined(separator: "; ")
        var svg = SVG(
            id: id, width: width, height: height, title: title,
            description: values.isEmpty ? "No data in the last twelve months." : listed + ".")
        guard let low = values.min(), let high = values.max() else { return svg.markup }
        let x = LinearScale(domain: 0...Double(max(1, slots - 1)), from: 4, to: width - 4)
        let y = LinearScale(domain: low...high, from: height - 4, to: 4)
        var run: [(x: Double, y: Double)] = []
        var previousSlot = -1
        for point in points {
            // A line joins neighbouring months only: a month left out breaks it as a missing figure does.
            if point.slot != previousSlot + 1 || point.value == nil {
                if run.count > 1 { svg.polyline(run, class: "spark") }
                run = []
            }
            previousSlot = point.slot
            if let value = point.value { run.append((x(Double(point.slot)), y(value))) }
        }
        if run.count > 1 { svg.polyline(run, class: "spark") }
        if let last = points.last, last.slot == slots - 1, let value = last.value {
            svg.circle(x: x(Double(last.slot)), y: y(value), radius: 2.5, class: "spark-end")
        } else if let point = points.last(where: { $0.value != nil }), let value = point.value {
            svg.circle(x: x(Double(point.slot)), y: y(value), radius: 2, class: "spark-point")
        }
        return svg.markup
    }
}
