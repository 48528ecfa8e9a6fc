/// The evaluation and management (E/M) codes the edits of SPEC 8 know.
enum EMCodes {
    /// 99202–99215, 99221–99223, 99231–99239, 99281–99285, 99304–99310, 99341–99350.
    static func isEM(_ code: String) -> Bool {
        guard let number = number(code) else { return false }
        return ranges.contains { $0.contains(number) }
    }

    /// A new-patient office or outpatient visit, 99202–99205.
    static func isNewPatientOffice(_ code: String) -> Bool {
        number(code).map { (99202...99205).contains($0) } ?? false
    }

    /// The established-patient code of the same level: 99202 → 99212 … 99205 → 99215.
    static func establishedEquivalent(of code: String) -> String? {
        guard let number = number(code), (99202...99205).contains(number) else { return nil }
        return String(number + 10)
    }

    /// The first and the last E/M code: as text, every E/M code lies between them.
    static let first = String(ranges.map(\.lowerBound).min()!)
    static let last = String(ranges.map(\.upperBound).max()!)

    private static let ranges: [ClosedRange<Int>] = [
        99202...99215, 99221...99223, 99231...99239, 99281...99285, 99304...99310, 99341...99350,
    ]

    private static func number(_ code: String) -> Int? {
        guard code.utf8.count == 5, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(code)
    }
}
