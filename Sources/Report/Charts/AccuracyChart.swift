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
        // From 80% (or the lowest whisker, to the 5% below it) to 100%: differences near the target stay visible.
        let lowest = min(0.8, items.map(\.low).min() ?? 0.8)
        return IntervalBarChart.svg(
            id: id, title: title,
            items: items.map { item in
                IntervalBarChart.Item(
                    label: item.label, value: item.accuracy, low: item.low, high: item.high,
                    smallSample: item.smallSample, text: item.text, emphasized: item.accuracy < target)
            },
            domain: max(0, (lowest * 20).rounded(.down) / 20)...1,
            reference: IntervalBarChart.Reference(
                value: target, label: "95% target", lineClass: "target", labelClass: "target-label"))
    }
}
