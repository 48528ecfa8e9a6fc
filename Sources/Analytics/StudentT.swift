import Foundation

/// Student's t distribution, for the confidence intervals of small samples.
///
/// The distribution function goes through the regularized incomplete beta
/// function, as in Numerical Recipes (`betai`, `betacf`):
///
///     P(T > t) = ½ · I_x(ν/2, ½)  with  x = ν / (ν + t²),  t ≥ 0
///
/// (and, near the median, P(0 < T ≤ t) = ½ · I_y(½, ν/2) with y = t² / (ν + t²)),
/// and the quantile inverts it by bisection, which cannot diverge and reaches
/// full double precision in about a hundred steps.
enum StudentT {
    /// The value `t` with `P(T ≤ t) = p` for `degreesOfFreedom` degrees of freedom.
    ///
    /// Symmetric: `quantile(1 − p, ν) == −quantile(p, ν)`. Returns −∞ for p ≤ 0
    /// and +∞ for p ≥ 1. For example, the two-sided 90% interval of a sample of
    /// ten uses `StudentT.quantile(0.95, degreesOfFreedom: 9)`, 1.8331.
    ///
    /// - precondition: `degreesOfFreedom ≥ 1`.
    static func quantile(_ p: Double, degreesOfFreedom: Int) -> Double {
        precondition(degreesOfFreedom >= 1, "Student's t needs at least one degree of freedom")
        if p.isNaN { return .nan }
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: degreesOfFreedom) }
        // Near the median search on P(0 < T ≤ t), near the tail on P(T > t): each keeps
        // its precision where the other would lose it by cancellation (p − 0.5 is exact here).
        let nu = Double(degreesOfFreedom)
        let central = p < 0.75
        let target = central ? p - 0.5 : 1 - p
        let isBelow: (Double) -> Bool = { t in
            central ? centralMass(t, nu) < target : upperTail(t, nu) > target
        }
        var low = 0.0
        var high = 1.0
        while isBelow(high) { high *= 2 }
        for _ in 0..<2_000 {
            let middle = (low + high) / 2
            if middle <= low || middle >= high { break }
            if isBelow(middle) { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// P(T > t) = ½ · I_x(ν/2, ½) with x = ν / (ν + t²), for t ≥ 0.
    static func upperTail(_ t: Double, _ nu: Double) -> Double {
        let denominator = nu + t * t
        return 0.5 * regularizedIncompleteBeta(nu / 2, 0.5, x: nu / denominator, complement: t * t / denominator)
    }

    /// P(0 < T ≤ t) = ½ · I_y(½, ν/2) with y = t² / (ν + t²), for t ≥ 0.
    static func centralMass(_ t: Double, _ nu: Double) -> Double {
        let denominator = nu + t * t
        return 0.5 * regularizedIncompleteBeta(0.5, nu / 2, x: t * t / denominator, complement: nu / denominator)
    }

    /// I_x(a, b), the regularized incomplete beta function (Numerical Recipes `betai`),
    /// given both x and 1 − x so that neither is computed by a cancelling subtraction.
    static func regularizedIncompleteBeta(_ a: Double, _ b: Double, x: Double, complement: Double) -> Double {
        if x <= 0 { return 0 }
        if complement <= 0 { return 1 }
        let logBeta: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
        let logPowers: Double = a * log(x) + b * log(complement)
        let front = exp(logPowers - logBeta)
        // The continued fraction converges fast only below the mean; above it, use I_x(a, b) = 1 − I_{1−x}(b, a).
        if x < (a + 1) / (a + b + 2) {
            return front * betaContinuedFraction(a, b, x) / a
        }
        return 1 - front * betaContinuedFraction(b, a, complement) / b
    }

    /// The continued fraction of the incomplete beta function, by the modified
    /// Lentz method (Numerical Recipes `betacf`).
    private static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        // The number of terms grows like √max(a, b); large samples need more than the book's 100.
        let maximumIterations = 10_000
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...maximumIterations {
            let m = Double(m)
            let m2 = 2 * m
            // Even step.
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // Odd step.
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }
}
