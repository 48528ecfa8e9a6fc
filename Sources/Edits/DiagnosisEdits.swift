import Codes

extension EditFinder {
    /// `excludes1`: two diagnosis codes of one encounter where one is in the
    /// other's Excludes1 notes; one row per pair, the lower code first.
    mutating func findExcludes1() {
        let notes = Excludes1Notes.fy2026
        for (index, encounter) in month.encounters.enumerated() where encounter.diagnoses.count > 1 {
            let codes = Set(encounter.diagnoses).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (position, low) in codes.enumerated() {
                for high in codes[(position + 1)...] {
                    guard let conflict = notes.conflict(low, high) else { continue }
                    let (code, otherCode) = (MedicalCodes.dotted(low), MedicalCodes.dotted(high))
                    add(
                        encounter: index, edit: .excludes1, code: code, otherCode: otherCode,
                        detail: "Excludes1: \(code) and \(otherCode) are not coded together (\(conflict.note))")
                }
            }
        }
    }
}
