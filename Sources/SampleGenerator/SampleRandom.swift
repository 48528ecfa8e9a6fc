import SeededRandom

/// The generator's own pseudo-random numbers: xoshiro256** seeded by
/// SplitMix64, with its own range, choice and shuffle functions.
///
/// The standard library's `random(in:using:)` and `shuffled(using:)` may draw
/// differently in another Swift release, and `SystemRandomNumberGenerator`
/// is not reproducible; the sample practice must come out byte-identical for
/// a seed on any machine and toolchain, so every draw goes through here.
struct SampleRandom {
    private var generator: Xoshiro256StarStar

    /// A generator for one part of the practice (`stream` names it), so that
    /// changing how one part draws leaves the others' draws as they were.
    init(seed: UInt64, stream: String) {
        // FNV-1a of the stream name, mixed into the seed.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stream.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        generator = Xoshiro256StarStar(seed: seed ^ hash)
    }

    /// The next 64 random bits (xoshiro256**).
    mutating func next() -> UInt64 { generator.next() }

    /// A number in `0..<bound`, without modulo bias (Lemire's method).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(generator.uniform(below: UInt64(bound)))
    }

    /// A number in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability `perMille` / 1000.
    mutating func chance(_ perMille: Int) -> Bool { below(1000) < perMille }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// One element, each drawn with its weight; weights are positive integers.
    mutating func pick<T>(weighted items: [(T, Int)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var draw = below(total)
        for (item, weight) in items {
            if draw < weight { return item }
            draw -= weight
        }
        return items[items.count - 1].0
    }

    /// The array in a random order (Fisher–Yates).
    mutating func shuffle<T>(_ items: [T]) -> [T] {
        var items = items
        var index = items.count - 1
        while index > 0 {
            items.swapAt(index, below(index + 1))
            index -= 1
        }
        return items
    }

    /// `count` distinct elements in a random order (all of them when there are fewer).
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        Array(shuffle(items).prefix(count))
    }
}
