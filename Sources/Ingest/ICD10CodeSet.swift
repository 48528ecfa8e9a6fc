import CICD10
import Codes
import Foundation

/// The billable ICD-10-CM codes an import accepts: the FY2026 code set
/// compiled into codeaudit, or a file given with `--icd10-codes`.
public struct ICD10CodeSet: Sendable {
    /// The codes, without dots, sorted.
    private let sorted: [String]
    private let billable: Set<String>
    /// Where the codes come from, for messages.
    public let source: String

    /// The CMS FY2026 ICD-10-CM code set (April 1, 2026 update) built into the binary.
    public static let fy2026: ICD10CodeSet = {
        // Split on the bytes: this runs at every start, for 74,719 codes.
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(codeaudit_icd10cm_billable_codes()).assumingMemoryBound(to: UInt8.self),
            count: strlen(codeaudit_icd10cm_billable_codes()))
        let codes = bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        return ICD10CodeSet(codes: codes, source: "ICD-10-CM FY2026")
    }()

    init(codes: [String], source: String) {
        sorted = codes.sorted()
        billable = Set(codes)
        self.source = source
    }

    /// Reads a code set, one code a line, with or without dots; blank lines and
    /// lines starting with `#` are skipped.
    ///
    /// - throws: `IngestError.unreadable` when the file cannot be read,
    ///   `IngestError.codeSet` when a line is not an ICD-10-CM code.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252)
        else {
            throw IngestError.unreadable(file: path, reason: "cannot read the ICD-10-CM code file")
        }
        var codes: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let field =
                line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).first.map(String.init) ?? ""
            let code = MedicalCodes.undotted(field.trimmingCharacters(in: .whitespacesAndNewlines))
            if code.isEmpty || code.hasPrefix("#") { continue }
            guard MedicalCodes.hasICD10Shape(code) else {
                throw IngestError.codeSet(
                    file: path, line: number + 1, reason: "'\(field)' is not an ICD-10-CM code (one code a line)")
            }
            codes.append(code)
        }
        guard !codes.isEmpty else {
            throw IngestError.codeSet(file: path, line: 1, reason: "the file holds no codes")
        }
        self.init(codes: codes, source: path)
    }

    /// How many billable codes the set holds.
    public var count: Int { sorted.count }

    /// Whether `code` (without its dot) is billable.
    public func contains(_ code: String) -> Bool { billable.contains(code) }

    /// Why a diagnosis code is refused, or nil when it is billable.
    func problem(with code: String) -> String? {
        if billable.contains(code) { return nil }
        guard MedicalCodes.hasICD10Shape(code) else {
            return
                "diagnosis code '\(code)' is not an ICD-10-CM code (a letter, a digit, then 1 to 5 letters or digits)"
        }
        let shown = MedicalCodes.dotted(code)
        let more = moreSpecific(than: code)
        guard let example = more.first else {
            return "diagnosis code '\(shown)' is not in the \(source) code set"
        }
        if example.count == 7 && more.allSatisfy({ $0.count == 7 }) && code.count < 7 {
            let prefix = code.padding(toLength: 6, withPad: "X", startingAt: 0)
            if example.hasPrefix(prefix) {
                return "diagnosis code '\(shown)' needs a 7th character (for example \(MedicalCodes.dotted(example)))"
            }
        }
        let examples = more.prefix(3).map(MedicalCodes.dotted).joined(separator: ", ")
        let kind = code.count == 3 ? "a category" : "a subcategory"
        return "diagnosis code '\(shown)' is \(kind), not billable: it has more specific codes below it "
            + "(\(examples)\(more.count > 3 ? ", …" : ""))"
    }

    /// Up to 4 billable codes that start with `code`, in order.
    private func moreSpecific(than code: String) -> [String] {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < code { low = mid + 1 } else { high = mid }
        }
        var result: [String] = []
        while low < sorted.count, sorted[low].hasPrefix(code), result.count < 4 {
            result.append(sorted[low])
            low += 1
        }
        return result
    }
}
