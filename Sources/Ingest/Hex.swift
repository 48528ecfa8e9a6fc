/// Lower-case hexadecimal, the one way digests, pseudonyms and keys are written.
enum Hex {
    /// `bytes` as two lower-case hex digits each: `[0x0a, 0xff]` → `0aff`.
    static func lowercase<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var hex = [UInt8]()
        hex.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
