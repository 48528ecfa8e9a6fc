import Foundation

/// One stratum of an audit sample: how many units its frame holds and what
/// the sampled units were found to be worth (an overpayment, in cents).
public struct AppraisalStratum: Sendable, Equatable {
    /// The stratum's name as the user knows it (a coder, a provider, or "All").
    public var name: String
    /// The number of units in the stratum's frame, N_h.
    public var frameSize: Int
    /// The value of each sampled unit; its count is the stratum's sample size, n_h.
    public var valuesCents: [Int64]

    public init(name: String, frameSize: Int, valuesCents: [Int64]) {
        self.name = name
        self.frameSize = frameSize
        self.valuesCents = valuesCents
    }

    /// n_h.
    public var sampleSize: Int { valuesCents.count }
}

/// The unrestricted variable appraisal of a (stratified) random sample, as the
/// OIG's RAT-STATS computes it: the point estimate of the frame's total and
/// its two-sided confidence interval from Student's t, with the finite
/// population correction.
///
/// For strata h with frame size N_h, sample size n_h, sample mean x̄_h and
/// sample variance s_h² = Σ (x − x̄_h)² / (n_h − 1):
///
///     point = Σ N_h · x̄_h
///     SE    = √( Σ N_h² · (1 − n_h / N_h) · s_h² / n_h )
///     df    = Σ (n_h − 1)
///     t     = StudentT.quantile(1 − (1 − confidence) / 2, df)
///     lower = point − t · SE,  upper = point + t · SE
///
/// A stratum of a single unit has no sample variance; it contributes 0 to the
/// standard error and 0 to the degrees of freedom. A stratum sampled in full
/// (n_h = N_h) contributes 0 to the standard error through its correction.
///
/// ```swift
/// let stratum = AppraisalStratum(name: "All", frameSize: 100, valuesCents: [0, 2500, 1000, 0])
/// let appraisal = VariableAppraisal(strata: [stratum], confidence: 0.90)!
/// print(appraisal.lowerCents, appraisal.pointEstimateCents, appraisal.upperCents)
/// ```
public struct VariableAppraisal: Sendable, Equatable {
    /// n = Σ n_h.
    public var sampleSize: Int
    /// N = Σ N_h.
    public var frameSize: Int
    /// The mean value per unit of the frame: point / N (for one stratum, the sample mean).
    public var meanCents: Double
    /// The sample standard deviation (divisor n − 1) of all sampled values pooled
    /// together; for several strata it is reported only, and not used in the interval.
    public var standardDeviationCents: Double
    /// The estimated total of the frame, Σ N_h · x̄_h.
    public var pointEstimateCents: Double
    /// The standard error of the point estimate.
    public var standardErrorCents: Double
    /// Σ (n_h − 1): n − 1 for a single stratum.
    public var degreesOfFreedom: Int
    /// The t quantile of the two-sided interval.
    public var tValue: Double
    /// point − t · SE.
    public var lowerCents: Double
    /// point + t · SE.
    public var upperCents: Double
    /// The two-sided confidence level, e.g. 0.90.
    public var confidence: Double

    /// The appraisal of a sample drawn from `strata` at the two-sided `confidence` level.
    ///
    /// Returns nil when there are no strata, when a stratum has no values or
    /// more values than its frame, when no stratum has two values (no degrees
    /// of freedom, so no interval), or when `confidence` is not strictly
    /// between 0 and 1.
    public init?(strata: [AppraisalStratum], confidence: Double) {
        guard !strata.isEmpty, confidence > 0, confidence < 1 else { return nil }
        guard strata.allSatisfy({ $0.sampleSize > 0 && $0.sampleSize <= $0.frameSize }) else { return nil }
        let degreesOfFreedom = strata.reduce(0) { $0 + $1.sampleSize - 1 }
        guard degreesOfFreedom > 0 else { return nil }

        var point = 0.0
        var variance = 0.0
        for stratum in strata {
            let n = Double(stratum.sampleSize)
            let frame = Double(stratum.frameSize)
            point += frame * Self.mean(stratum.valuesCents)
            let correction = 1 - n / frame
            variance += frame * frame * correction * Self.sampleVariance(stratum.valuesCents) / n
        }
        let pooled = strata.flatMap(\.valuesCents)
        let frameSize = strata.reduce(0) { $0 + $1.frameSize }
        let standardError = variance.squareRoot()
        let t = StudentT.quantile(1 - (1 - confidence) / 2, degreesOfFreedom: degreesOfFreedom)

        self.sampleSize = pooled.count
        self.frameSize = frameSize
        self.meanCents = point / Double(frameSize)
        self.standardDeviationCents = Self.sampleVariance(pooled).squareRoot()
        self.pointEstimateCents = point
        self.standardErrorCents = standardError
        self.degreesOfFreedom = degreesOfFreedom
        self.tValue = t
        self.lowerCents = point - t * standardError
        self.upperCents = point + t * standardError
        self.confidence = confidence
    }

    private static func mean(_ values: [Int64]) -> Double {
        values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
    }

    /// Σ (x − x̄)² / (n − 1), or 0 for a single value, whose variance is undefined.
    private static func sampleVariance(_ values: [Int64]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = mean(values)
        let squares = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
        return squares / Double(values.count - 1)
    }
}
