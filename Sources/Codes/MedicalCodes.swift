import Foundation

/// Shapes of CPT, HCPCS Level II, modifier and ICD-10-CM codes (SPEC 1, 3).
public enum MedicalCodes {
    /// Trims and upper-cases a code as typed.
    public static func normalize(_ code: String) -> String {
        let bytes = code.utf8
        if bytes.allSatisfy(isPlain) { return code }
        return code.trimmingCharacters(in: .whitespaces).uppercased()
    }

    /// CPT: 5 digits, or 4 digits and `F`, `T` or `U`.
    public static func isCPT(_ code: String) -> Bool {
        let b = Array(code.utf8)
        guard b.count == 5, b[0..<4].allSatisfy(isDigit) else { return false }
        return isDigit(b[4]) || b[4] == UInt8(ascii: "F") || b[4] == UInt8(ascii: "T") || b[4] == UInt8(ascii: "U")
    }

    /// HCPCS Level II: a letter from A to V and 4 digits.
    public static func isHCPCS(_ code: String) -> Bool {
        let b = Array(code.utf8)
        return b.count == 5 && (UInt8(ascii: "A")...UInt8(ascii: "V")).contains(b[0]) && b[1...].allSatisfy(isDigit)
    }

    /// A modifier: 2 letters or digits.
    public static func isModifier(_ code: String) -> Bool {
        let b = Array(code.utf8)
        return b.count == 2 && b.allSatisfy { isDigit($0) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    /// Why `code` is not a procedure code, or nil: the one wording every import uses.
    public static func procedureProblem(_ code: String) -> String? {
        isCPT(code) || isHCPCS(code)
            ? nil
            : "'\(code)' is not a CPT code (5 digits, or 4 digits and F, T or U) or a HCPCS Level II code "
                + "(a letter A–V and 4 digits)"
    }

    /// Why `code` is not a modifier, or nil.
    public static func modifierProblem(_ code: String) -> String? {
        isModifier(code) ? nil : "modifier '\(code)' is not 2 letters or digits"
    }

    /// ICD-10-CM's shape: a letter, a digit, then 1 to 5 letters or digits (3 to 7
    /// characters), without the dot.
    public static func hasICD10Shape(_ code: String) -> Bool {
        let b = Array(code.utf8)
        guard (3...7).contains(b.count), (65...90).contains(b[0]), isDigit(b[1]) else { return false }
        return b[2...].allSatisfy { isDigit($0) || (65...90).contains($0) }
    }

    /// An ICD-10-CM code without its dot: `E119` for `E11.9`.
    public static func undotted(_ code: String) -> String {
        let upper = normalize(code)
        return upper.utf8.contains(UInt8(ascii: ".")) ? String(upper.filter { $0 != "." }) : upper
    }

    /// An ICD-10-CM code as printed, with the dot after the category: `E11.9`
    /// for `E119`; a code of 3 characters or fewer as it is.
    public static func dotted(_ code: String) -> String {
        code.utf8.count > 3 ? String(code.prefix(3)) + "." + code.dropFirst(3) : code
    }

    /// Splits a cell holding several codes separated by `;`, `,`, `|` or white space.
    public static func split(_ cell: String) -> [String] {
        var cell = cell
        return cell.withUTF8 { bytes in
            bytes.split(whereSeparator: isSeparator).map { normalize(String(decoding: $0, as: UTF8.self)) }
        }
    }

    /// The codes of a cell as `split` and then `undotted` give them, read
    /// straight from its bytes: nil unless every byte is a separator or a
    /// printable ASCII character other than a lower-case letter (the cell as
    /// most exports write it), and the cell is then split as text.
    public static func undottedCodes(inPlainCell bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard bytes.allSatisfy({ isSeparator($0) || isPlain($0) }) else { return nil }
        return bytes.split(whereSeparator: isSeparator).map { code in
            String(unsafeUninitializedCapacity: code.count) { target in
                var count = 0
                for byte in code where byte != UInt8(ascii: ".") {
                    target[count] = byte
                    count += 1
                }
                return count
            }
        }
    }

    /// What separates the codes of a cell: `;`, `,`, `|`, a space or a tab.
    private static func isSeparator(_ b: UInt8) -> Bool {
        b == 0x3B || b == 0x2C || b == 0x7C || b == 0x20 || b == 0x09
    }

    /// A byte a normalized code may hold as it is: printable ASCII, no space, no lower-case letter.
    private static func isPlain(_ b: UInt8) -> Bool { b > 0x20 && b < 0x7F && !(b >= 0x61 && b <= 0x7A) }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}
