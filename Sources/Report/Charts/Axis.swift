/// A linear scale from data values to chart coordinates, with round tick values.
struct LinearScale {
    let domain: ClosedRange<Double>
    /// Where the domain's lower and upper bounds land; `start > end` for a y axis drawn upwards.
    let start: Double
    let end: Double

    init(domain: ClosedRange<Double>, from start: Double, to end: Double) {
        // A flat domain still needs a width to draw in.
        self.domain = domain.lowerBound < domain.upperBound ? domain : (domain.lowerBound - 1)...(domain.upperBound + 1)
        self.start = start
        self.end = end
    }

    func callAsFunction(_ value: Double) -> Double {
        let clamped = min(max(value, domain.lowerBound), domain.upperBound)
        let fraction = (clamped - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return start + fraction * (end - start)
    }

    /// About `count` round values (1, 2 or 5 × a power of ten apart) inside the domain.
    func ticks(count: Int = 5) -> [Double] {
        let span = domain.upperBound - domain.lowerBound
        let rough = span / Double(max(1, count))
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * power }.first { $0 >= rough } ?? power * 10
        var ticks: [Double] = []
        var tick = (domain.lowerBound / step).rounded(.up) * step
        while tick <= domain.upperBound + step * 1e-9 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }

    /// A domain from `low` to `high` widened to round tick values.
    static func niceDomain(_ low: Double, _ high: Double) -> ClosedRange<Double> {
        let scale = LinearScale(domain: low...high, from: 0, to: 1)
        let ticks = scale.ticks()
        guard let first = ticks.first, let last = ticks.last, ticks.count > 1 else { return scale.domain }
        let step = ticks[1] - ticks[0]
        return (first > low ? first - step : first)...(last < high ? last + step : last)
    }
}

/// Shortens a label that would not fit a chart; the tables beside each chart give it in full.
func truncated(_ label: String, to length: Int) -> String {
    label.count <= length ? label : String(label.prefix(length - 1)) + "…"
}
