import Foundation
import SeededRandom
import Store

/// What an audit sample is stratified by: N encounters are drawn from each coder's or each
/// provider's, or from the flagged and from the unflagged encounters (`risk`, SPEC 8.3).
public enum Stratification: String, Sendable, CaseIterable {
    case coder, provider, risk
}

/// Why a sample cannot be drawn.
public enum SamplingError: LocalizedError, Equatable {
    case sizeLargerThanFrame(size: Int, frame: Int)
    case sizeNotPositive(size: Int)
    case negativeSpares(spares: Int)
    case emptyFrame(month: String)

    public var errorDescription: String? {
        switch self {
        case .sizeLargerThanFrame(let size, let frame):
            "a sample of \(size) encounters cannot be drawn from a frame of \(frame) encounters: "
                + "--size must be at most \(frame), or use --per to sample each coder or provider"
        case .sizeNotPositive(let size):
            "--size \(size) is not accepted: the sample size must be 1 or more"
        case .negativeSpares(let spares):
            "\(spares) spares is not accepted: the number of spares must be 0 or more"
        case .emptyFrame(let month):
            "no encounter has a service date in \(month): there is nothing to sample"
        }
    }
}

/// A drawn sample, not yet stored.
public struct DrawnSample: Sendable, Hashable {
    /// How many encounters the frame had.
    public var frameSize: Int
    /// Strata sorted by key, each stratum's encounters in draw order, its spares after its sample.
    public var encounters: [SampledEncounter]
}

/// Draws reproducible audit samples (SPEC 6).
///
/// The specification, so that another tool can repeat a draw from its seed:
///
/// - The frame is the month's encounters in external id order.
/// - The generator is xoshiro256** (Blackman and Vigna, 2018), its four words of
///   state set by the first four outputs of SplitMix64 started at the seed.
/// - A uniform integer in `0..<n` comes from one 64-bit output `x` by Lemire's
///   method: the high word of `x * n`, retried while the low word is below
///   `2^64 mod n`, so that no value is favoured.
/// - A simple random sample without replacement of `k` from `n` is a partial
///   Fisher–Yates shuffle: for `i` in `0..<k`, swap position `i` with position
///   `i + uniform(n - i)`; the encounter now at `i` is draw `i + 1`.
/// - Unstratified, the generator is seeded with the seed itself and the stratum is `all`.
/// - Stratified, the strata are sorted by key (coder or provider name; with
///   `risk`, `flagged` and `unflagged`: encounters any edit of SPEC 8 flags, and the others) and
///   numbered from 0; stratum `i` gets its own generator, seeded with output
///   `i + 1` of a SplitMix64 started at the seed (so that strata streams do not
///   overlap and adding a stratum does not change the draws of the ones before it).
/// - Each stratum draws `size` encounters, or all of a smaller stratum, then up
///   to `spares` more, which are marked as spares.
///
/// ```swift
/// let drawn = try AuditSampler.draw(frame: frame, size: 10, per: .coder, seed: 42, spares: 2)
/// ```
public struct AuditSampler {
    /// The generator's name, as recorded with each sample.
    public static let generatorName = "xoshiro256** seeded by SplitMix64"

    /// Draws `size` encounters (from each stratum when `per` is given) and `spares` spares.
    ///
    /// - parameter flagged: with `per: .risk`, the external ids of the frame's flagged encounters.
    /// - throws: `SamplingError.sizeLargerThanFrame` when an unstratified sample
    ///   is larger than the frame, `sizeNotPositive` or `negativeSpares`.
    public static func draw(
        frame: [FrameEncounter], size: Int, per: Stratification?, seed: UInt64, spares: Int,
        flagged: Set<String> = []
    ) throws -> DrawnSample {
        guard size > 0 else { throw SamplingError.sizeNotPositive(size: size) }
        guard spares >= 0 else { throw SamplingError.negativeSpares(spares: spares) }
        guard let per else {
            guard size <= frame.count else { throw SamplingError.sizeLargerThanFrame(size: size, frame: frame.count) }
            var generator = Xoshiro256StarStar(seed: seed)
            return DrawnSample(
                frameSize: frame.count,
                encounters: drawStratum("all", frame, size: size, spares: spares, using: &generator))
        }
        let strata = Dictionary(grouping: frame) { encounter in
            switch per {
            case .coder: encounter.coder
            case .provider: encounter.provider
            case .risk: flagged.contains(encounter.externalID) ? "flagged" : "unflagged"
            }
        }
        var stratumSeeds = SplitMix64(seed: seed)
        var encounters: [SampledEncounter] = []
        for key in strata.keys.sorted() {
            var generator = Xoshiro256StarStar(seed: stratumSeeds.next())
            encounters += drawStratum(key, strata[key]!, size: size, spares: spares, using: &generator)
        }
        return DrawnSample(frameSize: frame.count, encounters: encounters)
    }

    private static func drawStratum(
        _ stratum: String, _ members: [FrameEncounter], size: Int, spares: Int,
        using generator: inout Xoshiro256StarStar
    ) -> [SampledEncounter] {
        var pool = members
        let drawn = min(size + spares, pool.count)
        var result: [SampledEncounter] = []
        for i in 0..<drawn {
            let j = i + Int(generator.uniform(below: UInt64(pool.count - i)))
            pool.swapAt(i, j)
            result.append(
                SampledEncounter(
                    rowID: pool[i].rowID, externalID: pool[i].externalID, stratum: stratum,
                    stratumFrameSize: pool.count, drawOrder: i + 1, spare: i >= size))
        }
        return result
    }
}

extension Analytics {
    /// Draws a sample of a month's encounters (by service date), records it in
    /// the store and returns it as stored.
    ///
    /// - parameter createdAt: the time stamp recorded with the sample.
    /// - parameter flagged: with `per: .risk`, the month's flagged encounters (external ids).
    /// - throws: `SamplingError.emptyFrame` when the month has no encounter,
    ///   the errors of `AuditSampler.draw`, and database errors.
    public func drawSample(
        month: Month, size: Int, per: Stratification?, seed: UInt64, spares: Int, createdAt: String,
        flagged: Set<String> = []
    ) throws -> StoredAuditSample {
        let frame = try database.sampleFrame(firstDay: month.firstDay, nextFirstDay: month.nextFirstDay)
        guard !frame.isEmpty else { throw SamplingError.emptyFrame(month: month.description) }
        let drawn = try AuditSampler.draw(
            frame: frame, size: size, per: per, seed: seed, spares: spares, flagged: flagged)
        let sample = NewAuditSample(
            month: month.description, stratifiedBy: per?.rawValue, seed: seed, sizePerStratum: size,
            frameSize: drawn.frameSize, generator: AuditSampler.generatorName, createdAt: createdAt,
            encounters: drawn.encounters)
        return StoredAuditSample(id: try database.recordSample(sample), sample: sample)
    }
}
