/// One service line as coded: a CPT or HCPCS code, its modifiers and units,
/// and the diagnoses it points to.
struct CodedLine: Equatable, Sendable {
    var code: String
    var modifiers: [String] = []
    var units = 1
    /// Positions in the encounter's diagnoses.
    var pointers: [Int] = []
    /// The documented line this line bills; nil for a line that should not
    /// have been billed (an unbundled component).
    var documentedIndex: Int?
}

/// An encounter's coding: its lines and diagnoses (ICD-10-CM, with the dot).
/// The documented coding is what the record supports; the submitted coding
/// is what the coder sent, which an audit compares with it.
struct Coding: Equatable, Sendable {
    var lines: [CodedLine] = []
    var diagnoses: [String] = []
}

/// Builds a documented coding, E/M line first.
struct CodingBuilder {
    private(set) var coding = Coding()
    /// The most diagnoses the encounter may carry (the export's diagnosis columns).
    let diagnosisLimit: Int

    init(diagnosisLimit: Int) {
        self.diagnosisLimit = diagnosisLimit
    }

    var isFull: Bool { coding.diagnoses.count >= diagnosisLimit }

    /// Adds a diagnosis (once) and returns its position, or nil when the encounter is full.
    @discardableResult
    mutating func diagnosis(_ code: String) -> Int? {
        if let index = coding.diagnoses.firstIndex(of: code) { return index }
        guard !isFull else { return nil }
        coding.diagnoses.append(code)
        return coding.diagnoses.count - 1
    }

    /// Adds a line pointing to the given diagnoses.
    mutating func line(_ code: String, modifiers: [String] = [], units: Int = 1, pointers: [Int?]) {
        let index = coding.lines.count
        coding.lines.append(
            CodedLine(
                code: code, modifiers: modifiers, units: units, pointers: pointers.compactMap { $0 },
                documentedIndex: index))
    }

    /// Whether a line with `code` is there.
    func has(_ code: String) -> Bool { coding.lines.contains { $0.code == code } }

    /// The finished coding: the E/M line (when there is one) points to every
    /// diagnosis, a line without a pointer to the first, and an E/M visit
    /// billed with a minor procedure carries 25 (57 before a fracture repair).
    mutating func finish() -> Coding {
        let all = Array(coding.diagnoses.indices)
        for index in coding.lines.indices where coding.lines[index].pointers.isEmpty {
            coding.lines[index].pointers = [0]
        }
        if let em = coding.lines.firstIndex(where: { ProcedureCatalog.isOfficeVisit($0.code) }) {
            coding.lines[em].pointers = all
            let codes = Set(coding.lines.map(\.code))
            if !codes.isDisjoint(with: ["25600", "27786"]) {
                coding.lines[em].modifiers.append("57")
            } else if !codes.isDisjoint(with: Self.minorProcedures) {
                coding.lines[em].modifiers.append("25")
            }
        }
        return coding
    }

    /// Procedures with a 0- or 10-day global period: a same-day E/M needs 25.
    static let minorProcedures: Set<String> = [
        "69210", "17110", "20610", "20605", "20550", "17000", "11102", "11104", "11900", "11402", "17311",
    ]
}
