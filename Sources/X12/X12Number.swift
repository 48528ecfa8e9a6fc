import Foundation

/// Reads X12 numeric elements straight from bytes, without a `String`.
///
/// An X12 decimal number (type R) is an optional `-`, digits, and an
/// optional decimal point: `12`, `12.5`, `-12.34`, `.5`. X12 sends no `+`,
/// no thousands separator and no exponent, so none is accepted. At most 18
/// digits, as the 835's longest amount elements allow.
enum X12Number {
    struct Parts {
        var negative: Bool
        var digits: UInt64
        var fractionDigits: Int
    }

    static func parts<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Parts? {
        var parts = Parts(negative: false, digits: 0, fractionDigits: 0)
        var digitCount = 0
        var sawPoint = false
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where offset == 0:
                parts.negative = true
            case UInt8(ascii: ".") where !sawPoint:
                sawPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digitCount += 1
                guard digitCount <= 18 else { return nil }
                parts.digits = parts.digits * 10 + UInt64(byte - UInt8(ascii: "0"))
                if sawPoint { parts.fractionDigits += 1 }
            default:
                return nil
            }
        }
        return digitCount > 0 ? parts : nil
    }

    /// An amount in whole cents: `12.340` is 1234, `12.345` is nil.
    static func cents<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int64? {
        guard let parts = parts(bytes) else { return nil }
        var magnitude = parts.digits
        if parts.fractionDigits > 2 {
            // Digits past the cents must all be zero: 12.340 is exact, 12.345 is not.
            let excess = power(of10: parts.fractionDigits - 2)
            guard magnitude % excess == 0 else { return nil }
            magnitude /= excess
        } else {
            let (scaled, overflow) = magnitude.multipliedReportingOverflow(by: power(of10: 2 - parts.fractionDigits))
            guard !overflow else { return nil }
            magnitude = scaled
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return parts.negative ? -Int64(magnitude) : Int64(magnitude)
    }

    /// A decimal number exactly as written (`1.5` stays 1.5, never 1.4999…).
    static func decimal<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Decimal? {
        guard let parts = parts(bytes) else { return nil }
        // A negative zero would be NaN in Decimal's representation.
        let sign: FloatingPointSign = parts.negative && parts.digits != 0 ? .minus : .plus
        return Decimal(sign: sign, exponent: -parts.fractionDigits, significand: Decimal(parts.digits))
    }

    /// A count (type N0): digits only, no sign, no point.
    static func count<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
        guard let parts = parts(bytes), !parts.negative, parts.fractionDigits == 0,
            !bytes.contains(UInt8(ascii: "."))
        else { return nil }
        return Int(parts.digits)
    }

    static func power(of10 exponent: Int) -> UInt64 {
        var value: UInt64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Cents as a plain decimal amount: `123450` is `1234.50`, `-5` is `-0.05`.
    static func amount(cents: Int64) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + String(magnitude / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
}
