/// A fictional patient: invented name and birth date, as the encounter
/// exports carry them (the import pseudonymizes the id and skips the rest).
public struct SamplePatient: Sendable, Hashable {
    /// The patient's id in the system that exported the encounter.
    public let id: String
    /// `LAST, FIRST`.
    public let name: String
    public let birthDate: SampleDay
    public let payer: SamplePayer
}

/// The patients of one source system: those the practice already knows, and
/// new patients added as new-patient visits need them.
struct PatientPool {
    private(set) var patients: [SamplePatient] = []
    private let system: SourceSystem
    private var random: SampleRandom

    init(system: SourceSystem, established: Int, seed: UInt64) {
        self.system = system
        random = SampleRandom(seed: seed, stream: "patients-\(system.rawValue)")
        for _ in 0..<established { _ = addPatient() }
    }

    /// A patient the practice has seen before.
    mutating func established() -> Int { random.below(patients.count) }

    /// A patient new to the practice.
    mutating func newPatient() -> Int { addPatient() }

    subscript(index: Int) -> SamplePatient { patients[index] }

    private mutating func addPatient() -> Int {
        let index = patients.count
        let payer = random.pick(weighted: system.payerMix)
        let age = payer.kind == .medicare ? random.int(in: 65...91) : random.int(in: 19...63)
        let birth = SampleDay(year: 2026 - age, month: random.int(in: 1...12), day: random.int(in: 1...28))
        var last = random.pick(Self.lastNames)
        var first = random.pick(Self.firstNames)
        if system == .dermatology && random.chance(250) {
            // The dermatology system runs on Windows and exports Windows-1252: its accents matter.
            last = random.pick(Self.accentedLastNames)
            first = random.pick(Self.accentedFirstNames)
        }
        patients.append(
            SamplePatient(
                id: system.patientID(index), name: "\(last.uppercased()), \(first.uppercased())", birthDate: birth,
                payer: payer))
        return index
    }

    private static let lastNames = [
        "Abernathy", "Bellweather", "Calloway", "Dunmore", "Everly", "Fairbanks", "Galloway", "Hartwell",
        "Islington", "Jarrow", "Kettering", "Langford", "Merriweather", "Northcott", "Oakhurst", "Pemberly",
        "Quarrington", "Rathbone", "Stanwick", "Thistlewood", "Underhill", "Vantongeren", "Wexley", "Yardley",
        "Ashcombe", "Brightwater", "Coldridge", "Dravenport", "Elmsworth", "Foxhollow",
    ]
    private static let firstNames = [
        "Alden", "Brielle", "Cassius", "Delphine", "Emrys", "Fenna", "Gideon", "Hollis", "Isolde", "Jasper",
        "Kestrel", "Linnea", "Marlow", "Nerissa", "Orson", "Primrose", "Quentin", "Rosalind", "Soren", "Tamsin",
        "Ulric", "Vesper", "Wilder", "Xanthe", "Yarrow", "Zephyrine", "Anselm", "Briony", "Corwin", "Dulcie",
    ]
    private static let accentedLastNames = ["Peñaloza", "Núñez", "Brontë", "Lefèvre", "Müllerson", "Ibáñez"]
    private static let accentedFirstNames = ["Zoë", "Renée", "José", "Inés", "Chloé", "Joaquín"]
}

extension SourceSystem {
    /// The payer mix of the system's patients.
    var payerMix: [(SamplePayer, Int)] {
        switch self {
        case .primaryCare:
            [
                (Roster.medicare, 340), (Roster.medicaid, 150), (Roster.lakeshore, 240), (Roster.pinecrest, 210),
                (Roster.selfPay, 60),
            ]
        case .orthopedics:
            [
                (Roster.medicare, 300), (Roster.medicaid, 120), (Roster.lakeshore, 280), (Roster.pinecrest, 250),
                (Roster.selfPay, 50),
            ]
        case .dermatology:
            [
                (Roster.medicare, 380), (Roster.medicaid, 90), (Roster.lakeshore, 260), (Roster.pinecrest, 230),
                (Roster.selfPay, 40),
            ]
        }
    }

    /// The patient id as the system writes it.
    func patientID(_ index: Int) -> String {
        switch self {
        case .primaryCare: String(100_000 + index * 3)
        case .orthopedics: "E\(3_000_000 + index * 7)"
        case .dermatology: "CH" + String(10_000 + index)
        }
    }
}
