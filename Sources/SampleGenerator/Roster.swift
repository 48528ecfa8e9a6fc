/// The four specialties of the sample practice.
public enum Specialty: String, CaseIterable, Sendable {
    case familyMedicine = "Family Medicine"
    case internalMedicine = "Internal Medicine"
    case orthopedics = "Orthopedics"
    case dermatology = "Dermatology"

    var isPrimaryCare: Bool { self == .familyMedicine || self == .internalMedicine }
}

/// How a provider's documentation supports office E/M levels: per-mille
/// weights of each level, new visits 99202–99205, established 99211–99215.
struct EMProfile: Hashable, Sendable {
    var new: [Int]
    var established: [Int]

    static let primaryCare = EMProfile(new: [80, 470, 370, 80], established: [30, 100, 470, 340, 60])
    static let orthopedics = EMProfile(new: [60, 420, 420, 100], established: [0, 110, 390, 400, 100])
    static let dermatology = EMProfile(new: [100, 420, 380, 100], established: [0, 130, 400, 370, 100])
    /// The planted pattern: a provider whose established visits skew to 99214 and 99215.
    static let skewedHigh = EMProfile(new: [40, 300, 460, 200], established: [10, 40, 200, 420, 330])
}

/// A rendering provider of the sample practice (invented names).
public struct SampleProvider: Sendable, Hashable {
    /// The name as the practice's systems print it: `Last, First MD`.
    public let name: String
    public let specialty: Specialty
    /// Share of the practice's encounters, in thousandths of the roster's total weight.
    let volume: Int
    /// The E/M levels the provider's notes support.
    let emProfile: EMProfile
}

/// A coder of the sample practice, known to every system by the same user id.
public struct SampleCoder: Sendable, Hashable {
    public let id: String
    /// Hours worked on a normal day, in hundredths.
    let centihours: Int
    /// Relative share of each specialty's encounters this coder codes.
    let shares: [Specialty: Int]
    /// Chance, in thousandths, that an encounter holds one coding slip.
    let slipPerMille: Int
    /// The planted upcoder: established E/M levels coded one level above what is documented.
    let upcodes: Bool
    /// The planted fast coder: codes most encounters the next working day.
    let fast: Bool
}

/// A payer of the sample practice (invented plan names).
public struct SamplePayer: Sendable, Hashable {
    public let name: String
    /// Contract rate as thousandths of the practice's Medicare-based reference rate.
    let rateFactor: Int
    /// From this day on the rates rise by `raisePerMille` (a contract renewal), when set.
    let raise: (day: SampleDay, perMille: Int)?
    let kind: Kind
    /// What the patient pays of each line's allowed amount.
    let costSharing: CostSharing

    enum Kind: Sendable { case medicare, medicaid, commercial, selfPay }

    public static func == (a: SamplePayer, b: SamplePayer) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// Everyone in the sample practice: invented people and plans.
enum Roster {
    static let providers: [SampleProvider] = [
        SampleProvider(name: "Whitfield, Dana MD", specialty: .familyMedicine, volume: 100, emProfile: .primaryCare),
        SampleProvider(name: "Oyelaran, Marcus DO", specialty: .familyMedicine, volume: 100, emProfile: .primaryCare),
        // The planted pattern: established visits at 99214 and 99215 far more often than the practice's.
        SampleProvider(name: "Ashgrove, Corbin MD", specialty: .familyMedicine, volume: 100, emProfile: .skewedHigh),
        SampleProvider(name: "Vasquez-Tran, Elena MD", specialty: .familyMedicine, volume: 95, emProfile: .primaryCare),
        SampleProvider(name: "Nandakumar, Priya MD", specialty: .internalMedicine, volume: 90, emProfile: .primaryCare),
        SampleProvider(name: "Hallberg, Gideon MD", specialty: .internalMedicine, volume: 90, emProfile: .primaryCare),
        SampleProvider(name: "Okonkwo, Sabine MD", specialty: .internalMedicine, volume: 88, emProfile: .primaryCare),
        SampleProvider(name: "Marchetti, Theo DO", specialty: .internalMedicine, volume: 85, emProfile: .primaryCare),
        SampleProvider(name: "Ibarra, Rafael MD", specialty: .orthopedics, volume: 75, emProfile: .orthopedics),
        SampleProvider(name: "Sorensen, Lena MD", specialty: .orthopedics, volume: 70, emProfile: .orthopedics),
        SampleProvider(name: "Peña, Inés MD", specialty: .dermatology, volume: 72, emProfile: .dermatology),
        SampleProvider(name: "Albrecht, Zoë MD", specialty: .dermatology, volume: 68, emProfile: .dermatology),
    ]

    static let coders: [SampleCoder] = [
        SampleCoder(
            id: "hquill", centihours: 800, shares: [.familyMedicine: 8, .internalMedicine: 8], slipPerMille: 70,
            upcodes: false, fast: false),
        SampleCoder(
            id: "jellery", centihours: 800, shares: [.familyMedicine: 8, .internalMedicine: 8], slipPerMille: 80,
            upcodes: true, fast: false),
        SampleCoder(
            id: "mvance", centihours: 750, shares: [.familyMedicine: 13, .internalMedicine: 13], slipPerMille: 300,
            upcodes: false, fast: true),
        SampleCoder(
            id: "bstrand", centihours: 800, shares: [.familyMedicine: 8, .internalMedicine: 8], slipPerMille: 60,
            upcodes: false, fast: false),
        SampleCoder(
            id: "tmoreau", centihours: 500, shares: [.familyMedicine: 5, .internalMedicine: 5], slipPerMille: 80,
            upcodes: false, fast: false),
        SampleCoder(
            id: "rlinde", centihours: 800, shares: [.orthopedics: 8], slipPerMille: 70, upcodes: false, fast: false),
        SampleCoder(
            id: "aferris", centihours: 750, shares: [.dermatology: 8], slipPerMille: 70, upcodes: false, fast: false),
        SampleCoder(
            id: "kdumont", centihours: 400,
            shares: [.familyMedicine: 2, .internalMedicine: 2, .orthopedics: 1, .dermatology: 1], slipPerMille: 90,
            upcodes: false, fast: false),
    ]

    static let medicare = SamplePayer(
        name: "Medicare", rateFactor: 1000, raise: nil, kind: .medicare, costSharing: .coinsurance(perMille: 200))
    static let medicaid = SamplePayer(
        name: "Medicaid", rateFactor: 720, raise: nil, kind: .medicaid, costSharing: .none)
    /// The payer that allows 99214 about 8% under its contract rate (a planted pattern).
    static let lakeshore = SamplePayer(
        name: "Lakeshore Mutual", rateFactor: 1180, raise: nil, kind: .commercial, costSharing: .copay(cents: 3_000))
    static let pinecrest = SamplePayer(
        name: "Pinecrest Health Plan", rateFactor: 1250, raise: (SampleDay(year: 2026, month: 7, day: 1), 30),
        kind: .commercial, costSharing: .coinsurance(perMille: 100))
    static let selfPay = SamplePayer(
        name: "Self Pay", rateFactor: 1100, raise: nil, kind: .selfPay, costSharing: .everything)
    static let payers = [medicare, medicaid, lakeshore, pinecrest, selfPay]

    /// The underpaid payer–code pair (a planted pattern): allowed at 92% of the contract rate.
    static let underpaid = (payer: lakeshore, code: "99214", allowedPerMille: 920)
    /// The denied payer–code pair (a planted pattern): Pinecrest bundles venipuncture into the lab work or
    /// visit it comes with, so it denies every 36415 with CO-97 (paid within another service's allowance).
    static let denied = (payer: pinecrest, code: "36415", group: "CO", reason: "97")

    /// The auditors: one reviews primary care, the other the two specialties.
    static let primaryCareAuditor = "Wren Halvorsen, CPC"
    static let specialtyAuditor = "Paloma Esquivel, CCS"
}
