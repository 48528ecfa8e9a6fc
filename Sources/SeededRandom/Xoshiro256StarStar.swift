/// Pseudo-random numbers specified bit for bit, so that an audit sample drawn from
/// a seed, and the sample practice generated from one, come out the same on any
/// machine and toolchain (the standard library's `random(in:using:)` may draw
/// differently in another Swift release).

/// SplitMix64 (Steele, Lea and Flood, 2014), used only to seed xoshiro256**.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman and Vigna, 2018): a small, fast generator whose
/// output is specified bit for bit, so a sample can be repeated anywhere.
public struct Xoshiro256StarStar: RandomNumberGenerator {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    /// The generator whose state is the first four outputs of SplitMix64 from `seed`.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s = (seeder.next(), seeder.next(), seeder.next(), seeder.next())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = (s.1 &* 5).rotatedLeft(by: 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = s.3.rotatedLeft(by: 45)
        return result
    }

    /// A uniform integer in `0..<n`, by Lemire's multiply-and-reject method (no modulo bias).
    public mutating func uniform(below n: UInt64) -> UInt64 {
        precondition(n > 0)
        var product = next().multipliedFullWidth(by: n)
        if product.low < n {
            let threshold = (0 &- n) % n
            while product.low < threshold { product = next().multipliedFullWidth(by: n) }
        }
        return product.high
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
