import CICD10
import Foundation

/// The ICD-10-CM Excludes1 notes: which diagnosis codes may not be reported
/// together.
///
/// A note at a category or code applies to every code below it (in ICD-10-CM
/// the hierarchy is by prefix: E11 ⊃ E11.6 ⊃ E11.65), and a note in a
/// section's or chapter's heading to every code of that section or chapter.
/// Two codes conflict when a note over either one names the other:
///
/// ```swift
/// let notes = Excludes1Notes.fy2026
/// notes.excludes("E1165", "E109")              // true: E11 excludes E10.-
/// notes.conflict("E119", "E109")?.detail       // "E10.9 and E11.9: E10 excludes E11.-"
/// ```
public struct Excludes1Notes: Sendable {
    /// The notes in the table's order.
    let notes: [Excludes1Note]
    /// The notes by the code, category, section or chapter they sit at.
    private let index: NoteIndex

    /// The notes of the CMS FY2026 ICD-10-CM tabular list (April 1, 2026
    /// update), built into the binary by `Scripts/build-icd10cm.py`.
    public static let fy2026: Excludes1Notes = {
        guard let table = codeaudit_icd10cm_excludes1_notes() else { return Excludes1Notes(lines: []) }
        // Split on the bytes: this runs at every start, for some 8,000 lines.
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(table).assumingMemoryBound(to: UInt8.self), count: strlen(table))
        return Excludes1Notes(lines: bytes.split(separator: UInt8(ascii: "\n")))
    }()

    /// Reads lines `SCOPE<TAB>TARGET` (see `CICD10.h`); a line that does not
    /// read is left out, which the tests' count of notes would show.
    init(lines: [Slice<UnsafeBufferPointer<UInt8>>]) {
        var notes: [Excludes1Note] = []
        notes.reserveCapacity(lines.count)
        for line in lines {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")),
                let target = Excludes1Target(table: line[(tab + 1)...])
            else { continue }
            let pieces = line[..<tab].split(separator: UInt8(ascii: "-"), maxSplits: 1)
            let ends = pieces.compactMap { PackedCode($0) }
            guard !ends.isEmpty, ends.count == pieces.count else { continue }
            notes.append(Excludes1Note(scopeLow: ends[0], scopeHigh: ends[ends.count - 1], target: target))
        }
        self.notes = notes
        index = NoteIndex(notes)
    }

    /// How many (scope, target) pairs the notes hold.
    public var count: Int { notes.count }

    /// Whether two diagnosis codes may not be reported together: a note at
    /// either code, or above it, names the other. Codes are given without
    /// their dot (a dot is skipped), in upper case; a code does not exclude
    /// itself.
    ///
    /// The order of the codes does not matter. Runs without allocating: it
    /// is called for every pair of diagnoses of every encounter.
    public func excludes(_ a: String, _ b: String) -> Bool {
        guard let a = PackedCode(a), let b = PackedCode(b), a != b else { return false }
        return index.names(b, over: a) || index.names(a, over: b)
    }

    /// The note that keeps two codes apart, or nil when none does (see
    /// ``excludes(_:_:)``). When notes on both sides name each other, the
    /// lower code's note is given, so the answer does not depend on the order.
    public func conflict(_ a: String, _ b: String) -> Excludes1Conflict? {
        guard let packedA = PackedCode(a), let packedB = PackedCode(b), packedA != packedB else { return nil }
        let (low, high) = a < b ? ((a, packedA), (b, packedB)) : ((b, packedB), (a, packedA))
        if let note = note(over: low.1, naming: high.1) {
            return Excludes1Conflict(code: low.0, excluded: high.0, note: note)
        }
        if let note = note(over: high.1, naming: low.1) {
            return Excludes1Conflict(code: high.0, excluded: low.0, note: note)
        }
        return nil
    }

    /// Every note that applies to `code` (given without its dot): those of
    /// its chapter and section, its category, and each subcategory down to it.
    public func notes(for code: String) -> [Excludes1Note] {
        guard let code = PackedCode(code) else { return [] }
        return index.notes(over: code)
    }

    private func note(over holder: PackedCode, naming other: PackedCode) -> Excludes1Note? {
        guard index.names(other, over: holder) else { return nil }
        return index.notes(over: holder).first { $0.target.interval.contains(other.bits) }
    }
}
