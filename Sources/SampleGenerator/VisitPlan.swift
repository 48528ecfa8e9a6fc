/// The kinds of visit the practice's schedules hold.
enum VisitKind: Sendable {
    case established, new, preventive, telehealth, labOnly
    case postOperative, fracture, procedureOnly

    /// The office E/M category the visit is billed in, if any.
    var emCategory: EMCategory? {
        switch self {
        case .established, .telehealth: .established
        case .new: .new
        default: nil
        }
    }

    /// How often each kind comes up in a specialty, in thousandths.
    static func mix(_ specialty: Specialty) -> [(VisitKind, Int)] {
        switch specialty {
        case .familyMedicine:
            [(.established, 700), (.new, 70), (.preventive, 130), (.telehealth, 20), (.labOnly, 80)]
        case .internalMedicine:
            [(.established, 680), (.new, 60), (.preventive, 120), (.telehealth, 60), (.labOnly, 80)]
        case .orthopedics: [(.new, 300), (.established, 520), (.postOperative, 120), (.fracture, 60)]
        case .dermatology: [(.new, 250), (.established, 600), (.procedureOnly, 150)]
        }
    }
}

enum EMCategory: Sendable { case new, established }

/// One scheduled visit before it is coded.
struct Visit: Sendable {
    let provider: SampleProvider
    let day: SampleDay
    let kind: VisitKind
    /// The patient's position in the system's pool.
    let patient: Int
    /// The documented office E/M level, for visits billed with one.
    var emCode: String?
}

/// Plans each month's visits: how many per provider, on which days, of what
/// kind, for which patients, and at which documented E/M level.
struct VisitPlanner {
    private var random: SampleRandom

    init(seed: UInt64) {
        random = SampleRandom(seed: seed, stream: "visits")
    }

    /// The month's visits, `total` of them shared among the providers by volume.
    mutating func visits(in month: SampleMonth, total: Int, pools: inout [SourceSystem: PatientPool]) -> [Visit] {
        let days = PracticeCalendar.workingDays(in: month)
        let counts = Quota.split(total, weights: Roster.providers.map(\.volume))
        var visits: [Visit] = []
        for (provider, count) in zip(Roster.providers, counts) {
            let system = SourceSystem(provider.specialty)
            var planned: [Visit] = []
            for _ in 0..<count {
                let kind = random.pick(weighted: VisitKind.mix(provider.specialty))
                let isNew = kind == .new || (kind == .fracture && random.chance(500))
                let patient = isNew ? pools[system]!.newPatient() : pools[system]!.established()
                planned.append(Visit(provider: provider, day: random.pick(days), kind: kind, patient: patient))
            }
            assignLevels(&planned, profile: provider.emProfile)
            visits += planned.sorted { $0.day < $1.day }
        }
        return visits
    }

    /// Gives each E/M visit its documented level so that the provider's month
    /// follows the profile exactly (a quota, shuffled), not by chance.
    private mutating func assignLevels(_ visits: inout [Visit], profile: EMProfile) {
        for (category, codes, weights) in [
            (EMCategory.new, ProcedureCatalog.newVisits, profile.new),
            (EMCategory.established, ProcedureCatalog.establishedVisits, profile.established),
        ] {
            let indices = visits.indices.filter { visits[$0].kind.emCategory == category }
            let counts = Quota.split(indices.count, weights: weights)
            let levels = random.shuffle(zip(codes, counts).flatMap { Array(repeating: $0.0, count: $0.1) })
            for (index, level) in zip(indices, levels) { visits[index].emCode = level }
        }
    }
}

/// Whole-number shares of a total (the largest-remainder method).
enum Quota {
    /// `total` split in proportion to `weights`; the parts add up to `total`.
    static func split(_ total: Int, weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { total * $0 / sum }
        let remainders = weights.indices.sorted {
            let (a, b) = (total * weights[$0] % sum, total * weights[$1] % sum)
            return a != b ? a > b : $0 < $1
        }
        for index in remainders.prefix(total - parts.reduce(0, +)) { parts[index] += 1 }
        return parts
    }
}
