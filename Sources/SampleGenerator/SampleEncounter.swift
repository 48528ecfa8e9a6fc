/// The practice's three systems, each exporting its own specialties' encounters.
public enum SourceSystem: String, CaseIterable, Sendable {
    /// The practice-management system of family and internal medicine.
    case primaryCare = "primary-care"
    /// The hospital-owned EHR the orthopedic surgeons chart in.
    case orthopedics
    /// The dermatology EHR, a Windows desktop application.
    case dermatology

    init(_ specialty: Specialty) {
        switch specialty {
        case .familyMedicine, .internalMedicine: self = .primaryCare
        case .orthopedics: self = .orthopedics
        case .dermatology: self = .dermatology
        }
    }
}

/// A submitted service line with its money, in cents.
public struct SampleLine: Sendable {
    public let code: String
    public let modifiers: [String]
    public let units: Int
    /// Positions in the encounter's diagnoses.
    public let pointers: [Int]
    public let chargeCents: Int64
    /// The contract rate per unit on the service date; nil for codes without one.
    public let rateCents: Int64?
    /// Nil while pending.
    public let allowedCents: Int64?
    public let paidCents: Int64?
    public let adjudication: Adjudication

    init(_ line: CodedLine, charge: Int64, rate: Int64?, allowed: Int64?, paid: Int64?, adjudication: Adjudication) {
        code = line.code
        modifiers = line.modifiers
        units = line.units
        pointers = line.pointers
        chargeCents = charge
        rateCents = rate
        allowedCents = allowed
        paidCents = paid
        self.adjudication = adjudication
    }
}

/// A coded encounter of the sample practice, as submitted by its coder.
public struct SampleEncounter: Sendable {
    public let id: String
    public let system: SourceSystem
    public let serviceDate: SampleDay
    public let patient: SamplePatient
    public let provider: SampleProvider
    public let coder: SampleCoder
    public let placeOfService: String
    /// When the coder finished it: a working day on or after the service date.
    public let codedDay: SampleDay
    /// Minutes after midnight of `codedDay`.
    public let codedMinute: Int
    /// Minutes the coder spent on it.
    public let codingMinutes: Int
    /// Submitted diagnoses, ICD-10-CM with the dot.
    public var diagnoses: [String] { submitted.diagnoses }
    public let lines: [SampleLine]
    /// What the record supports, and what the coder sent.
    let documented: Coding
    let submitted: Coding

    public var payer: SamplePayer { patient.payer }

    /// The month of service.
    public var month: SampleMonth {
        let (year, month, _) = serviceDate.parts
        return SampleMonth(year: year, month: month)
    }
}

/// The coding office's days: who worked when, how long, and when each
/// encounter was coded.
struct CodingOffice {
    private var random: SampleRandom
    /// Each coder's days off, by coder id.
    private(set) var daysOff: [String: Set<SampleDay>] = [:]

    init(seed: UInt64, months: [SampleMonth]) {
        random = SampleRandom(seed: seed, stream: "coding-office")
        for coder in Roster.coders {
            var off = Set<SampleDay>()
            for month in months + [months.last!.next] {
                let days = PracticeCalendar.workingDays(in: month)
                for _ in 0..<(month.month == 7 || month.month == 8 ? 2 : 1) { off.insert(random.pick(days)) }
            }
            daysOff[coder.id] = off
        }
    }

    /// The coder for an encounter of a specialty, drawn by the coders' shares.
    mutating func coder(for specialty: Specialty) -> SampleCoder {
        random.pick(weighted: Roster.coders.compactMap { coder in coder.shares[specialty].map { (coder, $0) } })
    }

    /// When the coder codes a visit: some working days later, on a day the coder works.
    mutating func codingTime(of day: SampleDay, by coder: SampleCoder, lines: Int) -> (SampleDay, Int, Int) {
        let late = random.int(in: 6...10)
        let lag =
            coder.fast
            ? random.pick(weighted: [(0, 200), (1, 550), (2, 200), (3, 50)])
            : random.pick(weighted: [(1, 250), (2, 300), (3, 200), (4, 120), (5, 60), (late, 70)])
        var coded = PracticeCalendar.workingDay(after: day, count: lag)
        while daysOff[coder.id]!.contains(coded) { coded = PracticeCalendar.workingDay(after: coded, count: 1) }
        let minutes = coder.fast ? 2 + lines + random.int(in: 0...2) : 4 + 2 * lines + random.int(in: 0...6)
        return (coded, random.int(in: 450...990), minutes)
    }

    /// One row per coder per working day from `first` to `last`, days off left out.
    mutating func hours(from first: SampleDay, through last: SampleDay) -> [SampleCoderDay] {
        var rows: [SampleCoderDay] = []
        var day = first
        while day <= last {
            if PracticeCalendar.isWorkingDay(day) {
                for coder in Roster.coders where !daysOff[coder.id]!.contains(day) {
                    let change = random.pick(weighted: [(0, 850), (25, 50), (-25, 50), (-100, 50)])
                    rows.append(SampleCoderDay(coder: coder.id, day: day, centihours: coder.centihours + change))
                }
            }
            day = day.adding(days: 1)
        }
        return rows
    }
}

/// Hours one coder worked on one day, in hundredths of an hour.
public struct SampleCoderDay: Sendable, Equatable {
    public let coder: String
    public let day: SampleDay
    public let centihours: Int
}

extension SampleEncounter {
    /// The encounter with another patient, coding or lines (a planted mistake); the rest as it was.
    func with(
        patient: SamplePatient? = nil, documented: Coding? = nil, submitted: Coding? = nil, lines: [SampleLine]? = nil
    ) -> SampleEncounter {
        SampleEncounter(
            id: id, system: system, serviceDate: serviceDate, patient: patient ?? self.patient, provider: provider,
            coder: coder, placeOfService: placeOfService, codedDay: codedDay, codedMinute: codedMinute,
            codingMinutes: codingMinutes, lines: lines ?? self.lines, documented: documented ?? self.documented,
            submitted: submitted ?? self.submitted)
    }

    /// Whether no 835 pays it: a self-pay visit, or a claim still pending.
    var hasNoRemittance: Bool { payer.kind == .selfPay || lines.first?.adjudication == .pending }
}

extension SampleLine {
    /// The line recoded (its modifiers or pointers changed), its money as it was.
    func recoded(_ line: CodedLine) -> SampleLine {
        SampleLine(
            line, charge: chargeCents, rate: rateCents, allowed: allowedCents, paid: paidCents,
            adjudication: adjudication)
    }
}
