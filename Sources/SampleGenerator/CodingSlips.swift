/// The mistakes coders make, turning the documented coding into the
/// submitted one; an audit finds each as a finding that is not `agree`.
enum CodingSlip: CaseIterable {
    case levelUp, levelDown, unsupported25, missingLaterality, modifier59ForXS, unbundled, missedCode, units
    case unspecifiedDiagnosis

    /// How often each slip is made, where it can be.
    var weight: Int {
        switch self {
        case .levelUp: 16
        case .levelDown: 12
        case .unsupported25: 8
        case .missingLaterality: 10
        case .modifier59ForXS: 5
        case .unbundled: 8
        case .missedCode: 14
        case .units: 6
        case .unspecifiedDiagnosis: 25
        }
    }

    /// Components billed beside the comprehensive code that includes them (NCCI pairs).
    static let bundledComponents = ["93000": "93005", "25600": "29125", "27786": "29515", "36415": "36416"]
    /// Add-on, supply and administration codes a hurried coder leaves out.
    static let easilyMissed: Set = ["G2211", "J3301", "J1030", "90471", "36415", "17003", "11103", "G0444"]
    /// Codes billed in units of a dose or a count.
    static let unitCoded: Set = ["J3301", "17003", "11103"]
    /// Documented specific diagnoses and the unspecified code a coder picks instead.
    static let unspecified = [
        "E11.65": "E11.9", "J45.40": "J45.909", "F41.1": "F41.9", "I50.32": "I50.9", "M17.11": "M17.9",
        "M17.12": "M17.9", "M25.561": "M25.569", "G56.01": "G56.00", "G56.02": "G56.00", "M75.41": "M75.40",
        "M75.42": "M75.40", "S83.241A": "S83.209A", "D22.5": "D22.9", "C44.311": "C44.91", "M65.311": "M65.30",
    ]

    /// The coding with this slip made, or nil when the coding gives it no chance.
    func apply(to coding: Coding, random: inout SampleRandom) -> Coding? {
        var result = coding
        let visit = coding.lines.firstIndex { ProcedureCatalog.isOfficeVisit($0.code) }
        switch self {
        case .levelUp, .levelDown:
            guard let visit,
                let level = ProcedureCatalog.emLevel(coding.lines[visit].code, by: self == .levelUp ? 1 : -1)
            else { return nil }
            result.lines[visit].code = level
        case .unsupported25:
            guard let visit, coding.lines[visit].modifiers.isEmpty else { return nil }
            result.lines[visit].modifiers.append("25")
        case .missingLaterality:
            let sides: Set = ["RT", "LT", "F5", "FA"]
            guard let line = coding.lines.firstIndex(where: { !sides.isDisjoint(with: $0.modifiers) }) else {
                return nil
            }
            result.lines[line].modifiers.removeAll { sides.contains($0) }
        case .modifier59ForXS:
            guard let line = coding.lines.firstIndex(where: { $0.modifiers.contains("XS") }) else { return nil }
            result.lines[line].modifiers = coding.lines[line].modifiers.map { $0 == "XS" ? "59" : $0 }
        case .unbundled:
            guard let anchor = coding.lines.first(where: { Self.bundledComponents[$0.code] != nil }) else { return nil }
            result.lines.append(
                CodedLine(code: Self.bundledComponents[anchor.code]!, pointers: anchor.pointers, documentedIndex: nil))
        case .missedCode:
            let candidates = coding.lines.indices.filter { Self.easilyMissed.contains(coding.lines[$0].code) }
            guard !candidates.isEmpty, coding.lines.count > 1 else { return nil }
            result.lines.remove(at: random.pick(candidates))
        case .units:
            guard let line = coding.lines.firstIndex(where: { Self.unitCoded.contains($0.code) }) else { return nil }
            let units = coding.lines[line].units
            result.lines[line].units = units > 1 && random.chance(400) ? units - 1 : units + random.int(in: 1...2)
        case .unspecifiedDiagnosis:
            let candidates = coding.diagnoses.indices.filter { Self.unspecified[coding.diagnoses[$0]] != nil }
            guard !candidates.isEmpty else { return nil }
            let index = random.pick(candidates)
            let replacement = Self.unspecified[coding.diagnoses[index]]!
            guard !coding.diagnoses.contains(replacement) else { return nil }
            result.diagnoses[index] = replacement
        }
        return result
    }
}

/// What one coder sends for a documented coding.
struct CoderHabits {
    var random: SampleRandom

    mutating func submit(_ documented: Coding, coder: SampleCoder) -> Coding {
        var submitted = documented
        if coder.upcodes, let visit = documented.lines.firstIndex(where: { ProcedureCatalog.isOfficeVisit($0.code) }) {
            // The planted upcoder: levels above what the notes support, most of all 99213 → 99214 → 99215.
            let chance = ["99212": 550, "99213": 950, "99214": 950, "99203": 600, "99204": 500]
            if let perMille = chance[documented.lines[visit].code], random.chance(perMille) {
                submitted.lines[visit].code = ProcedureCatalog.emLevel(documented.lines[visit].code, by: 1)!
            }
        }
        guard random.chance(coder.slipPerMille) else { return submitted }
        var possible: [(Coding, Int)] = []
        for slip in CodingSlip.allCases {
            if coder.upcodes && (slip == .levelUp || slip == .levelDown) { continue }
            if let slipped = slip.apply(to: submitted, random: &random) { possible.append((slipped, slip.weight)) }
        }
        return possible.isEmpty ? submitted : random.pick(weighted: possible)
    }
}
