import Foundation

/// Why an X12 file is refused as a whole (SPEC 9: exit 65, nothing imported).
///
/// Every case names the place a person must look: the segment's 1-based
/// ordinal in the file (the first ISA is segment 1) and, when one element is
/// at fault, its position. Messages quote only envelope values and the
/// elements SPEC 9 reads, never a segment the reader skips, so a patient's or
/// subscriber's name (NM1*QC, NM1*IL, NM1*74) cannot leak through an error.
public enum X12Error: LocalizedError, Equatable, Sendable {
    /// The bytes do not begin with an interchange header `ISA`.
    case notX12(reason: String)
    /// A segment, or one of its elements, is not what SPEC 9 requires.
    /// `element` is the 1-based element position (`CLP04` is 4), nil when the
    /// segment as a whole is at fault.
    case malformed(segment: Int, segmentID: String, element: Int?, reason: String)
    /// The file stops inside an envelope: `reason` says which trailer is missing.
    case unexpectedEnd(afterSegment: Int, reason: String)
    /// The file cannot be opened or read.
    case unreadable(reason: String)

    /// The message a person reads: where to look, then what is wrong, such as
    /// `segment 57 (CLP), element CLP04: '12.345' is not an amount in whole cents (…)`.
    public var errorDescription: String? {
        switch self {
        case .notX12(let reason):
            return "not an X12 file: \(reason)"
        case .malformed(let segment, let segmentID, let element, let reason):
            var place = "segment \(segment)"
            if !segmentID.isEmpty { place += " (\(segmentID))" }
            if let element { place += ", element \(Self.elementName(segmentID, element))" }
            return "\(place): \(reason)"
        case .unexpectedEnd(let segment, let reason):
            return "the file ends after segment \(segment): \(reason)"
        case .unreadable(let reason):
            return "cannot read the file: \(reason)"
        }
    }

    /// `CLP04` for element 4 of a CLP segment.
    static func elementName(_ segmentID: String, _ element: Int) -> String {
        segmentID + (element < 10 ? "0" : "") + String(element)
    }
}

/// How messages show separators and short quotes from the file.
enum Quote {
    /// A separator as a person would recognise it: `'*'`, or "a line feed".
    static func byte(_ byte: UInt8) -> String {
        switch byte {
        case 0x0A: "a line feed"
        case 0x0D: "a carriage return"
        case 0x09: "a tab"
        case 0x20: "a space"
        case 0x21...0x7E: "'\(Character(Unicode.Scalar(byte)))'"
        default: "byte 0x" + String(byte, radix: 16, uppercase: true)
        }
    }

    /// An element's value in quotes, cut at 40 characters so a runaway
    /// value does not swamp the message.
    static func value<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let shown = bytes.prefix(40).map { $0 >= 0x20 && $0 < 0x7F ? Character(Unicode.Scalar($0)) : "?" }
        return "'" + String(shown) + (bytes.count > 40 ? "…" : "") + "'"
    }
}
