/// What to generate: the seed and the size of the sample practice.
public struct SampleOptions: Sendable, Equatable {
    /// The seed of every random draw: the same seed gives the same files, byte for byte.
    public var seed: UInt64
    /// How many months of service, ending with October 2026.
    public var months: Int
    /// About how many encounters the practice sees a month.
    public var encountersPerMonth: Int

    public static let defaultSeed: UInt64 = 2026
    public static let monthRange = 1...24
    public static let encounterRange = 200...50_000
    /// The last month of service.
    public static let lastMonth = SampleMonth(year: 2026, month: 10)

    /// The options; the defaults are those of the committed SampleData/ folder.
    public init(seed: UInt64 = defaultSeed, months: Int = 6, encountersPerMonth: Int = 2_000) {
        self.seed = seed
        self.months = months
        self.encountersPerMonth = encountersPerMonth
    }

    /// The months of service, oldest first.
    public var serviceMonths: [SampleMonth] {
        var months = [Self.lastMonth]
        while months.count < self.months { months.insert(months[0].previous, at: 0) }
        return months
    }
}

/// A fictional multi-specialty practice: twelve providers in family medicine,
/// internal medicine, orthopedics and dermatology, eight coders and five
/// payers, with the exports its systems would hold — encounters, the fee
/// schedule, audit findings and coder hours — and planted patterns and bad
/// rows for codeaudit to find.
///
/// ```swift
/// let practice = SamplePractice(options: SampleOptions())
/// for file in practice.files() { print(file.name, file.bytes.count) }
/// ```
public struct SamplePractice: Sendable {
    public let options: SampleOptions
    /// Every coded encounter, by system, service date and id.
    public let encounters: [SampleEncounter]
    public let feeSchedule: [SampleFeeRate]
    public let audits: [SampleAudit]
    public let hours: [SampleCoderDay]
    /// What the 835 files plant: the denial, the reversal, the unknown claims, the interest.
    public let plantedRemittances: PlantedRemittances
    /// The coding mistakes planted for the edits (SPEC 8), by service date and encounter id.
    public let plantedEdits: [PlantedEdit]
    /// Every payer's payments (835 transactions), by payer and date.
    let remittances: [SampleRemittance]
    let plantedLines: [PlantedLine]
    let plantedAuditRows: [PlantedCompanionRow]
    let plantedHourRows: [PlantedCompanionRow]

    /// Generates the practice; the same options always give the same practice.
    public init(options: SampleOptions) {
        precondition(SampleOptions.monthRange.contains(options.months), "months out of range")
        precondition(SampleOptions.encounterRange.contains(options.encountersPerMonth), "encounters out of range")
        self.options = options
        let seed = options.seed
        let months = options.serviceMonths
        var office = CodingOffice(seed: seed, months: months)
        let drafts = Self.drafts(options: options, office: &office)
        let coded = EncounterDraft.numbered(drafts, seed: seed)
        feeSchedule = Pricing.feeSchedule(from: SampleDay(year: months[0].year, month: 1, day: 1))
        var auditPlanner = AuditPlanner(seed: seed)
        let draws = auditPlanner.draws(of: coded, months: months)
        var editPlanter = EditPlanter(seed: seed)
        (encounters, plantedEdits) = editPlanter.plant(
            coded, audited: Set(draws.map(\.encounterID)), months: months)
        audits = AuditPlanner.audits(draws, of: encounters)
        hours = office.hours(from: months[0].firstDay, through: encounters.map(\.codedDay).max()!)
        var planter = RejectPlanter(seed: seed)
        plantedLines = planter.encounterLines(encounters)
        plantedAuditRows = planter.auditRows(audits)
        plantedHourRows = planter.hourRows(hours, daysOff: office.daysOff)
        var remitter = RemittancePlanner(seed: seed, lastMonth: months[months.count - 1])
        (remittances, plantedRemittances) = remitter.remittances(for: encounters)
    }

    /// Every month's visits, coded as documented and then as the coders
    /// submitted them, with their coding time and prices. `office` keeps the
    /// coders' days, which the hours file is written from.
    private static func drafts(options: SampleOptions, office: inout CodingOffice) -> [EncounterDraft] {
        let seed = options.seed
        let months = options.serviceMonths
        var pools: [SourceSystem: PatientPool] = [:]
        for (system, known) in [(SourceSystem.primaryCare, 4_000), (.orthopedics, 1_500), (.dermatology, 1_500)] {
            pools[system] = PatientPool(system: system, established: known, seed: seed)
        }
        var planner = VisitPlanner(seed: seed)
        var primaryCare = PrimaryCareCoding(random: SampleRandom(seed: seed, stream: "primary-care"))
        var orthopedics = OrthopedicsCoding(random: SampleRandom(seed: seed, stream: "orthopedics"))
        var dermatology = DermatologyCoding(random: SampleRandom(seed: seed, stream: "dermatology"))
        var habits = CoderHabits(random: SampleRandom(seed: seed, stream: "coders"))
        var pricing = Pricing(seed: seed, lastMonth: months[months.count - 1])
        var drafts: [EncounterDraft] = []
        for month in months {
            for visit in planner.visits(in: month, total: options.encountersPerMonth, pools: &pools) {
                let system = SourceSystem(visit.provider.specialty)
                let patient = pools[system]![visit.patient]
                var documented: Coding
                var placeOfService = "11"
                switch system {
                case .primaryCare:
                    (documented, placeOfService) = primaryCare.code(visit, patient: patient, month: month.month)
                case .orthopedics: documented = orthopedics.code(visit)
                case .dermatology: documented = dermatology.code(visit)
                }
                let coder = office.coder(for: visit.provider.specialty)
                let submitted = habits.submit(documented, coder: coder)
                let (codedDay, minute, minutes) = office.codingTime(
                    of: visit.day, by: coder, lines: submitted.lines.count)
                drafts.append(
                    EncounterDraft(
                        visit: visit, system: system, patient: patient, coder: coder, placeOfService: placeOfService,
                        documented: documented, submitted: submitted, codedDay: codedDay, codedMinute: minute,
                        codingMinutes: minutes,
                        lines: pricing.price(submitted.lines, payer: patient.payer, on: visit.day)))
            }
        }
        return drafts
    }

    /// Every planted bad row and the file that holds it.
    public var plantedRejects: [PlantedRow] {
        let files = Dictionary(
            uniqueKeysWithValues: encounters.map { ($0.id, Self.encounterFileName($0.system, month: $0.month)) })
        return plantedLines.map { PlantedRow(reject: $0.reject, file: files[$0.hostID]!) }
            + plantedAuditRows.map { PlantedRow(reject: $0.reject, file: Self.auditFile) }
            + plantedHourRows.map { PlantedRow(reject: $0.reject, file: Self.hoursFile) }
    }

    /// The file that holds a system's encounters: primary care has one a month.
    static func encounterFileName(_ system: SourceSystem, month: SampleMonth) -> String {
        switch system {
        case .primaryCare: "encounters-primary-care-\(month).csv"
        case .orthopedics: "encounters-orthopedics.txt"
        case .dermatology: "encounters-dermatology.csv"
        }
    }
}
