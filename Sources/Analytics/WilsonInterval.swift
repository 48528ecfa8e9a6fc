import Foundation

/// The 95% Wilson score interval of a proportion: the interval auditors and
/// RAT-STATS users expect for a rate from a sample, well-behaved at 0% and 100%.
public struct WilsonInterval: Sendable, Equatable {
    public let low: Double
    public let high: Double

    /// The standard normal quantile for a two-sided 95% interval.
    public static let z95 = 1.959963984540054

    /// The interval of `successes` out of `trials`; nil when there are no trials.
    public init?(successes: Int, trials: Int, z: Double = WilsonInterval.z95) {
        guard trials > 0 else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let centre = p + z2 / (2 * n)
        let margin = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        let denominator = 1 + z2 / n
        low = max(0, (centre - margin) / denominator)
        high = min(1, (centre + margin) / denominator)
    }
}
