/// An ICD-10-CM code of up to seven characters packed into an integer, first
/// character in the high byte.
///
/// The edit compares every pair of diagnoses of every encounter, so the
/// look-up must not hash or compare strings: packed this way, comparing two
/// codes' first n characters is comparing two masked integers, and a code's
/// categories and subcategories are its own bits under shorter masks.
struct PackedCode: Hashable, Sendable {
    /// The characters, the first in bits 56–63; unused bytes are zero, which
    /// sorts before every character, so a shorter code sorts before its children.
    let bits: UInt64
    /// How many characters the code has, 1 to 7.
    let count: Int

    /// Packs a code given without its dot, or with it (the dot is skipped); nil
    /// when it is empty or longer than seven characters.
    init?(_ text: some Sequence<UInt8>) {
        var bits: UInt64 = 0
        var count = 0
        for byte in text where byte != UInt8(ascii: ".") {
            guard count < 7 else { return nil }
            bits |= UInt64(byte) << (56 - 8 * count)
            count += 1
        }
        guard count > 0 else { return nil }
        self.bits = bits
        self.count = count
    }

    /// Packs a code given as a string (see the other initialiser).
    @inline(__always)
    init?(_ text: String) {
        // Walking String.UTF8View byte by byte cost more than the look-ups;
        // a native string hands out its bytes in one piece.
        let packed = text.utf8.withContiguousStorageIfAvailable { PackedCode($0) }
        guard let packed = packed ?? PackedCode(Array(text.utf8)) else { return nil }
        self = packed
    }

    /// The first `length` characters, as bits (a dictionary key, or one end of a comparison).
    @inline(__always)
    func prefix(_ length: Int) -> UInt64 {
        bits & (~UInt64(0) << (64 - 8 * length))
    }

    /// The greatest packed code that starts with this one (its unused bytes all
    /// ones), so that the codes starting with it are those from `bits` to this.
    var lastBits: UInt64 {
        bits | (~UInt64(0) >> (8 * count))
    }

    /// The code as written, without its dot.
    var undotted: String {
        String(decoding: (0..<count).map { UInt8(truncatingIfNeeded: bits >> (56 - 8 * $0)) }, as: UTF8.self)
    }

    /// The code as the tabular writes it: a dot after the category (`E11.65`).
    var dotted: String {
        let text = undotted
        guard count > 3 else { return text }
        return "\(text.prefix(3)).\(text.dropFirst(3))"
    }
}
