/// The NCCI-associated modifiers (SPEC 8): a PTP edit with modifier indicator 1
/// lets the pair through when either line carries one.
enum NCCIModifiers {
    static func isAssociated(_ modifier: String) -> Bool {
        if fixed.contains(modifier) { return true }
        let bytes = Array(modifier.utf8)
        guard bytes.count == 2 else { return false }
        switch (bytes[0], bytes[1]) {
        case (UInt8(ascii: "E"), UInt8(ascii: "1")...UInt8(ascii: "4")): return true
        case (UInt8(ascii: "F"), UInt8(ascii: "1")...UInt8(ascii: "9")): return true
        case (UInt8(ascii: "T"), UInt8(ascii: "1")...UInt8(ascii: "9")): return true
        default: return false
        }
    }

    private static let fixed: Set<String> = [
        "24", "25", "27", "57", "58", "59", "78", "79", "91", "FA", "LC", "LD", "LM", "LT", "RC", "RI", "RT", "TA",
        "XE", "XP", "XS", "XU",
    ]
}
