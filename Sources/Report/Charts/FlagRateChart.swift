/// The share of a coder's or provider's encounters the edits flag: a bar from
/// zero, a whisker across its 95% confidence interval, and the practice's own
/// rate as a dashed line, so a person well above it stands out.
enum FlagRateChart {
    struct Item {
        var label: String
        var rate: Double
        var low: Double
        var high: Double
        var smallSample: Bool
        var text: String
    }

    /// `practice`: the practice's flag rate and its words (`practice 3.7%`), nil when it has none.
    static func svg(id: String, title: String, items: [Item], practice: (rate: Double, label: String)?) -> String {
        // To the highest whisker, but at least 0–2%, so a handful of flags never fills the width.
        let highest = max(0.02, items.map(\.high).max() ?? 0, practice?.rate ?? 0)
        return IntervalBarChart.svg(
            id: id, title: title,
            items: items.map { item in
                IntervalBarChart.Item(
                    label: item.label, value: item.rate, low: item.low, high: item.high,
                    smallSample: item.smallSample, text: item.text,
                    emphasized: practice.map { item.low > $0.rate } ?? false)
            },
            domain: LinearScale.niceDomain(0, highest),
            reference: practice.map {
                IntervalBarChart.Reference(
                    value: $0.rate, label: $0.label, lineClass: "target", labelClass: "target-label")
            })
    }
}
