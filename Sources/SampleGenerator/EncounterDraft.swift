/// An encounter coded and priced, before its system gives it an id.
struct EncounterDraft {
    let visit: Visit
    let system: SourceSystem
    let patient: SamplePatient
    let coder: SampleCoder
    let placeOfService: String
    let documented: Coding
    let submitted: Coding
    let codedDay: SampleDay
    let codedMinute: Int
    let codingMinutes: Int
    let lines: [SampleLine]

    /// The encounters with their ids, numbered by each system in service-date
    /// order: ascending, with gaps where visits were voided or other
    /// departments' encounters took the numbers in between.
    static func numbered(_ drafts: [EncounterDraft], seed: UInt64) -> [SampleEncounter] {
        var random = SampleRandom(seed: seed, stream: "encounter-ids")
        var encounters: [SampleEncounter] = []
        for system in SourceSystem.allCases {
            let ordered = drafts.enumerated().filter { $0.element.system == system }
                .sorted { ($0.element.visit.day, $0.offset) < ($1.element.visit.day, $1.offset) }.map(\.element)
            var number = system.firstEncounterNumber
            for draft in ordered {
                number += system == .orthopedics ? random.int(in: 1...40) : random.int(in: 1...3)
                encounters.append(
                    SampleEncounter(
                        id: system.encounterID(number), system: system, serviceDate: draft.visit.day,
                        patient: draft.patient, provider: draft.visit.provider, coder: draft.coder,
                        placeOfService: draft.placeOfService, codedDay: draft.codedDay, codedMinute: draft.codedMinute,
                        codingMinutes: draft.codingMinutes, lines: draft.lines, documented: draft.documented,
                        submitted: draft.submitted))
            }
        }
        return encounters
    }
}

extension SourceSystem {
    var firstEncounterNumber: Int {
        switch self {
        case .primaryCare: 410_000
        case .orthopedics: 7_200_410_000
        case .dermatology: 104_000
        }
    }

    /// An encounter id as the system writes it: a visit number, a contact
    /// serial number, a claim number.
    func encounterID(_ number: Int) -> String {
        switch self {
        case .primaryCare, .orthopedics: String(number)
        case .dermatology: "DRM-\(number)"
        }
    }
}
