/// An exact fraction of two integers, so that a rate is rounded once, when it
/// is written (half away from zero), never before.
public struct Ratio: Sendable, Hashable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64

    /// nil when the denominator is 0: a rate with nothing to divide by is blank.
    public init?(_ numerator: Int64, _ denominator: Int64) {
        guard denominator != 0 else { return nil }
        self.numerator = denominator < 0 ? -numerator : numerator
        self.denominator = denominator < 0 ? -denominator : denominator
    }

    public init?(_ numerator: Int, _ denominator: Int) {
        self.init(Int64(numerator), Int64(denominator))
    }

    /// The value as a Double, for charts and comparisons (never for writing figures).
    public var value: Double { Double(numerator) / Double(denominator) }

    /// The fraction with `decimals` decimals, rounded half away from zero, e.g. `0.9533`.
    public func formatted(decimals: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let negative = numerator < 0
        let magnitude = numerator.magnitude
        // round(|n| * scale / d) half up, in 128-bit arithmetic so large money sums cannot overflow
        let product = magnitude.multipliedFullWidth(by: UInt64(scale))
        let (quotient, remainder) = UInt64(denominator).dividingFullWidth(product)
        let rounded = remainder * 2 >= UInt64(denominator) ? quotient + 1 : quotient
        let whole = rounded / UInt64(scale)
        let fraction = rounded % UInt64(scale)
        var text = String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return negative && rounded != 0 ? "-" + text : text
    }

    public var description: String { "\(numerator)/\(denominator)" }

    /// a/b − c/d.
    public static func - (a: Ratio, b: Ratio) -> Ratio {
        Ratio(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)!
    }
}

extension Ratio {
    /// a/b + c/d, reduced so that long sums stay small.
    public static func + (a: Ratio, b: Ratio) -> Ratio {
        let numerator = a.numerator * b.denominator + b.numerator * a.denominator
        let denominator = a.denominator * b.denominator
        let divisor = Ratio.gcd(numerator.magnitude, denominator.magnitude)
        return Ratio(numerator / Int64(divisor), denominator / Int64(divisor))!
    }

    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return max(a, 1)
    }
}
