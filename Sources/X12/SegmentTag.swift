/// A segment identifier packed into an integer (`CLP` is 0x434C50), so
/// that telling segments apart costs an integer compare, not a string one.
struct SegmentTag: Equatable, Sendable {
    let rawValue: UInt32

    /// Packs 2 or 3 ASCII bytes.
    init<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        var value: UInt32 = 0
        for byte in bytes { value = value << 8 | UInt32(byte) }
        // A 2-character id is shifted like a 3-character one with a 0 last byte.
        rawValue = bytes.count == 2 ? value << 8 : value
    }

    /// The identifier as text.
    var text: String {
        let bytes = [UInt8(rawValue >> 16 & 0xFF), UInt8(rawValue >> 8 & 0xFF), UInt8(rawValue & 0xFF)]
        return String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self)
    }

    private static func packed(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar? = nil) -> SegmentTag {
        SegmentTag(rawValue: UInt32(a.value) << 16 | UInt32(b.value) << 8 | (c?.value ?? 0))
    }

    private init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    static var isa: SegmentTag { packed("I", "S", "A") }
    static var gs: SegmentTag { packed("G", "S") }
    static var st: SegmentTag { packed("S", "T") }
    static var se: SegmentTag { packed("S", "E") }
    static var ge: SegmentTag { packed("G", "E") }
    static var iea: SegmentTag { packed("I", "E", "A") }
    static var bpr: SegmentTag { packed("B", "P", "R") }
    static var trn: SegmentTag { packed("T", "R", "N") }
    static var n1: SegmentTag { packed("N", "1") }
    static var lx: SegmentTag { packed("L", "X") }
    static var clp: SegmentTag { packed("C", "L", "P") }
    static var cas: SegmentTag { packed("C", "A", "S") }
    static var dtm: SegmentTag { packed("D", "T", "M") }
    static var svc: SegmentTag { packed("S", "V", "C") }
    static var amt: SegmentTag { packed("A", "M", "T") }
    static var plb: SegmentTag { packed("P", "L", "B") }
}
