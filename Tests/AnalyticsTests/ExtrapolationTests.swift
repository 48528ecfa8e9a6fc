import Foundation
import Testing

@testable import Analytics

/// SPEC 6: the t quantiles and the RAT-STATS-style variable appraisal behind `codeaudit extrapolate`.
@Suite struct ExtrapolationTests {
    static func fixed(_ value: Double, _ decimals: Int = 4) -> String {
        String(format: "%.\(decimals)f", value)
    }

    // MARK: - Student's t

    @Test(arguments: [
        (0.95, 9, "1.8331"), (0.95, 29, "1.6991"), (0.95, 120, "1.6577"), (0.975, 1, "12.7062"),
        (0.975, 10, "2.2281"), (0.995, 5, "4.0321"), (0.95, 1, "6.3138"), (0.05, 9, "-1.8331"),
    ])
    func tQuantileMatchesPublishedTables(p: Double, degreesOfFreedom: Int, expected: String) {
        // Given a probability and degrees of freedom from a printed t table
        // When the quantile is computed
        let t = StudentT.quantile(p, degreesOfFreedom: degreesOfFreedom)
        // Then it agrees with the table to 4 decimals
        #expect(Self.fixed(t) == expected)
    }

    @Test(arguments: [
        (0.95, 9, 1.833112932656237), (0.9995, 1, 636.6192487687897), (0.95, 5000, 1.6451584375969708),
        (0.975, 2, 4.302652729749464), (0.5000001, 100_000, 2.506634539890165e-07),
    ])
    func tQuantileIsAccurateToOneMillionth(p: Double, degreesOfFreedom: Int, expected: Double) {
        // Given reference quantiles (SciPy `t.ppf`): a far tail, a large sample, a hair above the median
        // When the quantile is computed
        let t = StudentT.quantile(p, degreesOfFreedom: degreesOfFreedom)
        // Then it is within 1e-6 relative error
        #expect(abs(t - expected) <= 1e-6 * expected)
    }

    @Test func tQuantileIsSymmetric() {
        // Given p and 1 − p
        // When both quantiles are computed
        // Then they are opposite, and the median is 0
        for df in [1, 4, 30] {
            #expect(StudentT.quantile(0.1, degreesOfFreedom: df) == -StudentT.quantile(0.9, degreesOfFreedom: df))
            #expect(StudentT.quantile(0.5, degreesOfFreedom: df) == 0)
        }
    }

    // MARK: - One stratum

    /// N = 100 encounters, n = 10 sampled, overpayments in cents:
    /// [0, 0, 2500, 0, 1000, 0, 0, 4000, 0, 500]
    ///
    ///     Σx = 8000, x̄ = 800
    ///     Σ(x − x̄)² = 6 · 800² + 1700² + 200² + 3200² + 300²
    ///               = 3 840 000 + 2 890 000 + 40 000 + 10 240 000 + 90 000 = 17 100 000
    ///     s² = 17 100 000 / 9 = 1 900 000, s = 1378.4049
    ///     point = N · x̄ = 80 000 cents ($800.00)
    ///     SE² = N² (1 − n/N) s² / n = 10 000 · 0.9 · 190 000 = 1 710 000 000, SE = 41 352.1463
    ///     t(0.95, 9) = 1.833113, t · SE = 75 803.1541
    ///     lower = 4 196.85 cents ($41.97), upper = 155 803.15 cents ($1 558.03)
    @Test func oneStratumMatchesTheHandWorkedAppraisal() throws {
        // Given a sample of 10 from 100 encounters
        let stratum = AppraisalStratum(
            name: "All", frameSize: 100, valuesCents: [0, 0, 2500, 0, 1000, 0, 0, 4000, 0, 500])
        // When it is appraised at 90%
        let appraisal = try #require(VariableAppraisal(strata: [stratum], confidence: 0.90))
        // Then every figure matches the arithmetic above
        #expect(appraisal.sampleSize == 10)
        #expect(appraisal.frameSize == 100)
        #expect(appraisal.degreesOfFreedom == 9)
        #expect(appraisal.meanCents == 800)
        #expect(Self.fixed(appraisal.standardDeviationCents) == "1378.4049")
        #expect(appraisal.pointEstimateCents == 80_000)
        #expect(Self.fixed(appraisal.standardErrorCents) == "41352.1463")
        #expect(Self.fixed(appraisal.tValue) == "1.8331")
        #expect(Self.fixed(appraisal.lowerCents, 2) == "4196.85")
        #expect(Self.fixed(appraisal.upperCents, 2) == "155803.15")
        #expect(appraisal.lowerCents.rounded() == 4197)
        #expect(appraisal.upperCents.rounded() == 155_803)
        #expect(appraisal.confidence == 0.90)
    }

    // MARK: - Two strata

    /// Stratum A: N = 50, values [1000, 0, 3000, 0]
    ///
    ///     Σx = 4000, x̄ = 1000, Σ(x − x̄)² = 0 + 1 000 000 + 4 000 000 + 1 000 000 = 6 000 000
    ///     s² = 6 000 000 / 3 = 2 000 000
    ///     N² (1 − n/N) s² / n = 2500 · 0.92 · 500 000 = 1 150 000 000
    ///
    /// Stratum B: N = 200, values [0, 500, 0, 0, 1500]
    ///
    ///     Σx = 2000, x̄ = 400, Σ(x − x̄)² = 3 · 160 000 + 10 000 + 1 210 000 = 1 700 000
    ///     s² = 1 700 000 / 4 = 425 000
    ///     N² (1 − n/N) s² / n = 40 000 · 0.975 · 85 000 = 3 315 000 000
    ///
    /// Combined:
    ///
    ///     point = 50 · 1000 + 200 · 400 = 130 000 cents, mean = 130 000 / 250 = 520
    ///     SE = √4 465 000 000 = 66 820.6555
    ///     df = 3 + 4 = 7, t(0.95, 7) = 1.894579, t · SE = 126 596.9843
    ///     lower = 3 403.02 cents, upper = 256 596.98 cents
    ///     pooled sd of the 9 values (report only) = 1030.7764
    @Test func twoStrataCombineAsTheHandWorkedAppraisal() throws {
        // Given two strata of different sizes
        let strata = [
            AppraisalStratum(name: "alice", frameSize: 50, valuesCents: [1000, 0, 3000, 0]),
            AppraisalStratum(name: "bob", frameSize: 200, valuesCents: [0, 500, 0, 0, 1500]),
        ]
        // When they are appraised together at 90%
        let appraisal = try #require(VariableAppraisal(strata: strata, confidence: 0.90))
        // Then the estimate is the sum of the strata's and the variances add
        #expect(appraisal.sampleSize == 9)
        #expect(appraisal.frameSize == 250)
        #expect(appraisal.degreesOfFreedom == 7)
        #expect(appraisal.pointEstimateCents == 130_000)
        #expect(appraisal.meanCents == 520)
        #expect(Self.fixed(appraisal.standardErrorCents) == "66820.6555")
        #expect(Self.fixed(appraisal.tValue) == "1.8946")
        #expect(Self.fixed(appraisal.standardDeviationCents) == "1030.7764")
        #expect(Self.fixed(appraisal.lowerCents, 2) == "3403.02")
        #expect(Self.fixed(appraisal.upperCents, 2) == "256596.98")
    }

    // MARK: - Edge cases

    @Test func equalValuesCollapseTheInterval() throws {
        // Given a sample whose values are all the same
        let stratum = AppraisalStratum(name: "All", frameSize: 40, valuesCents: [1200, 1200, 1200, 1200])
        // When it is appraised
        let appraisal = try #require(VariableAppraisal(strata: [stratum], confidence: 0.90))
        // Then sd is 0 and the interval is the point
        #expect(appraisal.standardDeviationCents == 0)
        #expect(appraisal.pointEstimateCents == 48_000)
        #expect(appraisal.lowerCents == 48_000)
        #expect(appraisal.upperCents == 48_000)
    }

    @Test func aFullySampledFrameCollapsesTheInterval() throws {
        // Given every unit of the frame in the sample (n = N, so 1 − n/N = 0)
        let stratum = AppraisalStratum(name: "All", frameSize: 4, valuesCents: [0, 100, 300, 800])
        // When it is appraised
        let appraisal = try #require(VariableAppraisal(strata: [stratum], confidence: 0.90))
        // Then the estimate is the exact total, with no uncertainty
        #expect(appraisal.pointEstimateCents == 1200)
        #expect(appraisal.standardErrorCents == 0)
        #expect(appraisal.lowerCents == 1200)
        #expect(appraisal.upperCents == 1200)
        #expect(appraisal.standardDeviationCents > 0)
    }

    /// Stratum A as in the two-strata example (variance term 1 150 000 000, 3 df);
    /// stratum B: N = 10, a single value 700, so no variance and no degrees of freedom.
    ///
    ///     point = 50 000 + 10 · 700 = 57 000, SE = √1 150 000 000 = 33 911.6499
    ///     df = 3, t(0.95, 3) = 2.353363, lower = −22 806.44, upper = 136 806.44
    @Test func aStratumOfOneAddsNoVariance() throws {
        // Given a stratum with a single sampled unit beside a larger one
        let strata = [
            AppraisalStratum(name: "alice", frameSize: 50, valuesCents: [1000, 0, 3000, 0]),
            AppraisalStratum(name: "carol", frameSize: 10, valuesCents: [700]),
        ]
        // When they are appraised
        let appraisal = try #require(VariableAppraisal(strata: strata, confidence: 0.90))
        // Then the single unit moves the point estimate but not the standard error
        #expect(appraisal.pointEstimateCents == 57_000)
        #expect(appraisal.degreesOfFreedom == 3)
        #expect(Self.fixed(appraisal.standardErrorCents) == "33911.6499")
        #expect(Self.fixed(appraisal.lowerCents, 2) == "-22806.44")
        #expect(Self.fixed(appraisal.upperCents, 2) == "136806.44")
    }

    @Test func invalidSamplesHaveNoAppraisal() {
        // Given samples that cannot be appraised
        let empty: [AppraisalStratum] = []
        let noValues = [AppraisalStratum(name: "All", frameSize: 10, valuesCents: [])]
        let largerThanFrame = [AppraisalStratum(name: "All", frameSize: 2, valuesCents: [1, 2, 3])]
        let singleValue = [AppraisalStratum(name: "All", frameSize: 10, valuesCents: [500])]
        let valid = [AppraisalStratum(name: "All", frameSize: 10, valuesCents: [500, 0])]
        // When they are appraised
        // Then there is no appraisal
        #expect(VariableAppraisal(strata: empty, confidence: 0.90) == nil)
        #expect(VariableAppraisal(strata: noValues, confidence: 0.90) == nil)
        #expect(VariableAppraisal(strata: largerThanFrame, confidence: 0.90) == nil)
        #expect(VariableAppraisal(strata: singleValue, confidence: 0.90) == nil)
        #expect(VariableAppraisal(strata: valid, confidence: 1) == nil)
        #expect(VariableAppraisal(strata: valid, confidence: 0) == nil)
        #expect(VariableAppraisal(strata: valid, confidence: 0.90) != nil)
    }
}
