/// Plants the mistakes SPEC 8's edits catch into coded encounters, most of
/// them in the upcoding coder's (the one who already codes worst), so that
/// the edits flag that coder's encounters most often.
///
/// It changes encounters that are there rather than adding any, with its own
/// random stream, so that every other draw of the practice stays as it was.
/// A mistake that changes money (a line added, units changed) goes only on an
/// encounter no 835 pays (self-pay, or a claim still pending), so that the
/// payers' files stay as they were; only the upcoder's money-neutral
/// mistakes go on audited encounters, whose findings then show them.
struct EditPlanter {
    private var random: SampleRandom
    private var used = Set<String>()
    /// Patients already given a second new-patient visit.
    private var reusedPatients = Set<SamplePatient>()
    /// The encounters of each system and plan, by position: a new patient's earlier visits are among them.
    private var peers: [String: [Int]] = [:]

    init(seed: UInt64) {
        random = SampleRandom(seed: seed, stream: "edits")
    }

    /// One month's share of a kind: how many, for whom, audited or not. The first kind of
    /// `kinds` with an encounter to plant it in is planted.
    private struct Plan {
        let kinds: [PlantedEdit.Kind]
        let upcoder: Bool
        let count: Int
        var audited = false
    }

    private static let monthly: [Plan] = [
        Plan(kinds: [.excludes1], upcoder: true, count: 1, audited: true),
        Plan(kinds: [.ptpWithoutModifier, .mod25], upcoder: true, count: 1, audited: true),
        Plan(kinds: [.ptpWithoutModifier], upcoder: true, count: 4),
        Plan(kinds: [.mod25], upcoder: true, count: 6),
        Plan(kinds: [.excludes1], upcoder: true, count: 5),
        Plan(kinds: [.newPatient], upcoder: true, count: 2),
        Plan(kinds: [.ptpModifierNotAllowed], upcoder: true, count: 1),
        Plan(kinds: [.mueLine], upcoder: true, count: 1),
        Plan(kinds: [.mueDateOfService], upcoder: true, count: 1),
        Plan(kinds: [.ptpWithoutModifier], upcoder: false, count: 2),
        Plan(kinds: [.mod25], upcoder: false, count: 1),
        Plan(kinds: [.excludes1], upcoder: false, count: 2),
        Plan(kinds: [.newPatient], upcoder: false, count: 1),
        Plan(kinds: [.ptpModifierNotAllowed], upcoder: false, count: 1),
        Plan(kinds: [.mueLine], upcoder: false, count: 1),
        Plan(kinds: [.mueDateOfService], upcoder: false, count: 1),
        Plan(kinds: [.ptpModifierAllowed], upcoder: false, count: 1),
        Plan(kinds: [.ptpDeletedEdit], upcoder: false, count: 1),
    ]

    /// A diagnosis and the one a coder adds beside it that its Excludes1 note names (FY2026):
    /// type 1 beside type 2 diabetes, a history of nicotine dependence beside the current one…
    static let excludedBeside: [(code: String, excluded: String)] = [
        ("E11.9", "E10.9"), ("E11.65", "E10.65"), ("F17.210", "Z87.891"), ("F32.A", "F33.9"), ("J20.9", "J40"),
        ("M54.50", "M54.41"), ("L71.9", "L53.9"), ("D22.5", "I78.1"),
    ]

    /// The encounters with the mistakes planted, and what was planted where.
    mutating func plant(
        _ encounters: [SampleEncounter], audited: Set<String>, months: [SampleMonth]
    ) -> ([SampleEncounter], [PlantedEdit]) {
        var encounters = encounters
        var planted: [PlantedEdit] = []
        peers = Dictionary(grouping: encounters.indices) { Self.peerKey(encounters[$0]) }
        // Planting changes no service date, so each month's encounters stay where they are.
        let byMonth = Dictionary(grouping: encounters.indices) { encounters[$0].month }
        for month in months {
            for plan in Self.monthly {
                for kind in plan.kinds {
                    // Who could have a second new-patient visit, as the encounters now stand.
                    let seen = kind == .newPatient ? EarlierVisits(encounters, month: month) : nil
                    let candidates = (byMonth[month] ?? []).filter { index in
                        let encounter = encounters[index]
                        return encounter.coder.upcodes == plan.upcoder
                            && audited.contains(encounter.id) == plan.audited && !used.contains(encounter.id)
                            && isHost(encounter, for: kind, seen: seen)
                    }
                    guard !candidates.isEmpty else { continue }
                    for index in random.sample(candidates, count: plan.count).sorted() {
                        used.insert(encounters[index].id)
                        let (changed, edit) = apply(kind, to: encounters[index], in: encounters)
                        encounters[index] = changed
                        planted.append(
                            PlantedEdit(
                                kind: kind, encounterID: changed.id, serviceDate: changed.serviceDate,
                                coder: changed.coder.id, code: edit.code, otherCode: edit.other,
                                audited: plan.audited))
                    }
                    break
                }
            }
        }
        return (encounters, planted.sorted { ($0.serviceDate, $0.encounterID) < ($1.serviceDate, $1.encounterID) })
    }

    /// Whether `kind` can be planted in the encounter; `seen` is the month's earlier visits, for `newPatient`.
    private func isHost(_ encounter: SampleEncounter, for kind: PlantedEdit.Kind, seen: EarlierVisits?) -> Bool {
        let lines = encounter.submitted.lines
        switch kind {
        case .ptpModifierNotAllowed:
            return encounter.hasNoRemittance && lines.contains { $0.code == "36415" }
                && !lines.contains { $0.code == "36416" }
        case .ptpWithoutModifier, .ptpDeletedEdit:
            return visitPair(encounter, inForce: kind == .ptpWithoutModifier) != nil
        case .ptpModifierAllowed:
            return lines.contains { $0.code == "17000" }
                && lines.contains { $0.code == "11102" && $0.modifiers == ["XS"] }
        case .mueLine:
            return encounter.hasNoRemittance && lines.contains { $0.code == "J3301" && $0.units >= 2 }
        case .mueDateOfService:
            return encounter.hasNoRemittance && lines.filter { $0.code == "69210" }.map(\.modifiers) == [[]]
        case .excludes1:
            return excludedDiagnosis(encounter) != nil
        case .mod25:
            return !lines.isEmpty && lines.allSatisfy { ProcedureCatalog.isOfficeVisit($0.code) }
                && lines[0].modifiers.isEmpty
        case .newPatient:
            return lines.contains { ProcedureCatalog.newVisits.contains($0.code) }
                && seen!.hasEarlierPatient(for: encounter, besides: reusedPatients)
        }
    }

    private mutating func apply(
        _ kind: PlantedEdit.Kind, to encounter: SampleEncounter, in all: [SampleEncounter]
    ) -> (SampleEncounter, (code: String, other: String?)) {
        var submitted = encounter.submitted
        var lines = encounter.lines
        func recode(_ index: Int) { lines[index] = lines[index].recoded(submitted.lines[index]) }
        func insert(_ line: CodedLine, at index: Int) {
            submitted.lines.insert(line, at: index)
            lines.insert(Self.priced(line, in: encounter), at: index)
        }
        switch kind {
        case .ptpModifierNotAllowed:
            let draw = submitted.lines.firstIndex { $0.code == "36415" }!
            insert(
                CodedLine(code: "36416", modifiers: ["59"], pointers: submitted.lines[draw].pointers), at: draw + 1)
            return (encounter.with(submitted: submitted, lines: lines), ("36415", "36416"))
        case .ptpWithoutModifier, .ptpDeletedEdit:
            let (visit, edit) = visitPair(encounter, inForce: kind == .ptpWithoutModifier)!
            submitted.lines[visit].modifiers = []
            recode(visit)
            return (encounter.with(submitted: submitted, lines: lines), (edit.column1, edit.column2))
        case .ptpModifierAllowed:
            let biopsy = submitted.lines.firstIndex { $0.code == "11102" && $0.modifiers == ["XS"] }!
            submitted.lines[biopsy].modifiers = ["XU"]
            recode(biopsy)
            return (encounter.with(submitted: submitted, lines: lines), ("17000", "11102"))
        case .mueLine:
            let drug = submitted.lines.firstIndex { $0.code == "J3301" && $0.units >= 2 }!
            submitted.lines[drug].units *= 10
            lines[drug] = Self.priced(submitted.lines[drug], in: encounter)
            return (encounter.with(submitted: submitted, lines: lines), ("J3301", nil))
        case .mueDateOfService:
            let ear = submitted.lines.firstIndex { $0.code == "69210" }!
            submitted.lines[ear].modifiers = ["RT"]
            recode(ear)
            var left = submitted.lines[ear]
            (left.modifiers, left.documentedIndex) = (["LT"], nil)
            insert(left, at: ear + 1)
            return (encounter.with(submitted: submitted, lines: lines), ("69210", nil))
        case .excludes1:
            let (beside, excluded) = excludedDiagnosis(encounter)!
            let position = submitted.diagnoses.firstIndex(of: beside)!
            submitted.diagnoses.append(excluded)
            let line = submitted.lines.firstIndex { $0.pointers.contains(position) }!
            submitted.lines[line].pointers.append(submitted.diagnoses.count - 1)
            recode(line)
            return (encounter.with(submitted: submitted, lines: lines), (min(beside, excluded), max(beside, excluded)))
        case .mod25:
            submitted.lines[0].modifiers = ["25"]
            recode(0)
            return (encounter.with(submitted: submitted, lines: lines), (submitted.lines[0].code, nil))
        case .newPatient:
            let earlier = random.pick(earlierPatients(for: encounter, in: all))
            reusedPatients.insert(earlier.patient)
            let visit = submitted.lines.firstIndex { ProcedureCatalog.newVisits.contains($0.code) }!
            // The record supports the established-patient code of the same level.
            var documented = encounter.documented
            if let index = documented.lines.firstIndex(where: { $0.code == submitted.lines[visit].code }) {
                documented.lines[index].code = ProcedureCatalog.establishedLevel(of: documented.lines[index].code)!
            }
            let changed = encounter.with(patient: earlier.patient, documented: documented)
            return (changed, (submitted.lines[visit].code, earlier.visitCode))
        }
    }

    /// The E/M line carrying 25 alone, and the PTP edit of indicator 1 between it and a minor
    /// procedure of the encounter with no NCCI-associated modifier: in force on the service
    /// date, or (`inForce` false) deleted before it.
    private func visitPair(_ encounter: SampleEncounter, inForce: Bool) -> (Int, SamplePTPEdit)? {
        let lines = encounter.submitted.lines
        guard let visit = lines.firstIndex(where: { ProcedureCatalog.isOfficeVisit($0.code) }),
            lines[visit].modifiers == ["25"]
        else { return nil }
        let day = encounter.serviceDate
        for line in lines where line.modifiers.allSatisfy({ !NCCIModifiers.associated.contains($0) }) {
            let edits = SampleNCCI.ptp.filter {
                $0.column1 == line.code && $0.column2 == lines[visit].code && $0.modifierIndicator == 1
            }
            if inForce, let edit = edits.first(where: { $0.isInForce(on: day) }) { return (visit, edit) }
            if !inForce, !edits.contains(where: { $0.isInForce(on: day) }),
                let edit = edits.first(where: { $0.deletion.map { $0 <= day } ?? false })
            {
                return (visit, edit)
            }
        }
        return nil
    }

    /// A diagnosis of the encounter and the one to add beside it, when the encounter has room for one more.
    private func excludedDiagnosis(_ encounter: SampleEncounter) -> (String, String)? {
        let diagnoses = encounter.submitted.diagnoses
        let room = encounter.system == .dermatology ? 3 : 4
        guard diagnoses.count < room else { return nil }
        return Self.excludedBeside.first { pair in
            let position = diagnoses.firstIndex(of: pair.code)
            return position.map { at in encounter.submitted.lines.contains { $0.pointers.contains(at) } } == true
                && !diagnoses.contains(pair.excluded)
        }.map { ($0.code, $0.excluded) }
    }

    /// Patients the encounter's specialty saw for an office E/M in an earlier month, with the same
    /// plan (so that no amount changes), not seen on the encounter's day, and each given a second
    /// new-patient visit once at most; with the code of their latest E/M of that specialty before it.
    private func earlierPatients(
        for encounter: SampleEncounter, in all: [SampleEncounter]
    ) -> [(patient: SamplePatient, visitCode: String)] {
        var latest: [SamplePatient: (day: SampleDay, code: String)] = [:]
        var sameDay = Set<SamplePatient>()
        for other in (peers[Self.peerKey(encounter)] ?? []).map({ all[$0] }) {
            if other.serviceDate == encounter.serviceDate { sameDay.insert(other.patient) }
            guard other.serviceDate < encounter.serviceDate,
                other.provider.specialty == encounter.provider.specialty,
                let visit = other.submitted.lines.first(where: { ProcedureCatalog.isOfficeVisit($0.code) })
            else { continue }
            if let seen = latest[other.patient], seen.day >= other.serviceDate { continue }
            latest[other.patient] = (other.serviceDate, visit.code)
        }
        return latest.filter { patient, seen in
            seen.day < encounter.month.firstDay && !sameDay.contains(patient) && !reusedPatients.contains(patient)
                && patient != encounter.patient
        }
        .sorted { $0.key.id < $1.key.id }.map { ($0.key, $0.value.code) }
    }

    /// The office E/M visits before one month and in it, by system, plan and specialty, and who
    /// was seen on each day of it: whether `earlierPatients` finds anyone for an encounter of that
    /// month, in one pass over the encounters rather than one per candidate.
    private struct EarlierVisits {
        /// Patients with an office E/M before the month.
        private var before: [String: Set<SamplePatient>] = [:]
        /// The first day of the month each patient had an office E/M.
        private var firstInMonth: [String: [SamplePatient: SampleDay]] = [:]
        /// Patients with any encounter on a day, by system and plan.
        private var seenOn: [String: [SampleDay: Set<SamplePatient>]] = [:]

        init(_ encounters: [SampleEncounter], month: SampleMonth) {
            let first = month.firstDay
            let next = month.next.firstDay
            for encounter in encounters {
                let day = encounter.serviceDate
                guard day < next else { continue }
                let peers = EditPlanter.peerKey(encounter)
                if day >= first { seenOn[peers, default: [:]][day, default: []].insert(encounter.patient) }
                guard encounter.submitted.lines.contains(where: { ProcedureCatalog.isOfficeVisit($0.code) }) else {
                    continue
                }
                let key = Self.key(encounter)
                if day < first {
                    before[key, default: []].insert(encounter.patient)
                } else if let seen = firstInMonth[key]?[encounter.patient], seen <= day {
                    continue
                } else {
                    firstInMonth[key, default: [:]][encounter.patient] = day
                }
            }
        }

        /// Whether `earlierPatients(for: encounter)` is not empty: someone of the same system, plan
        /// and specialty whose latest office E/M before the encounter's day is before its month,
        /// not seen that day, not reused and not the encounter's own patient.
        func hasEarlierPatient(for encounter: SampleEncounter, besides reused: Set<SamplePatient>) -> Bool {
            let key = Self.key(encounter)
            let day = encounter.serviceDate
            let sameDay = seenOn[EditPlanter.peerKey(encounter)]?[day] ?? []
            let inMonth = firstInMonth[key] ?? [:]
            return (before[key] ?? []).contains { patient in
                patient != encounter.patient && !sameDay.contains(patient) && !reused.contains(patient)
                    && (inMonth[patient].map { $0 >= day } ?? true)
            }
        }

        private static func key(_ encounter: SampleEncounter) -> String {
            "\(EditPlanter.peerKey(encounter)) \(encounter.provider.specialty.rawValue)"
        }
    }

    private static func peerKey(_ encounter: SampleEncounter) -> String {
        "\(encounter.system.rawValue) \(encounter.payer.name)"
    }

    /// A line added or changed on an encounter no 835 pays: pending (a charge alone), or self-pay
    /// (allowed at the `*` rate, all of it the patient's).
    private static func priced(_ line: CodedLine, in encounter: SampleEncounter) -> SampleLine {
        let charge = ProcedureCatalog.chargeCents(line.code) * Int64(line.units)
        let rate = ProcedureCatalog.contractCents(line.code, payer: encounter.payer, on: encounter.serviceDate)
        guard encounter.lines.first?.adjudication != .pending else {
            return SampleLine(line, charge: charge, rate: rate, allowed: nil, paid: nil, adjudication: .pending)
        }
        precondition(encounter.payer.kind == .selfPay, "a changed amount on a claim an 835 pays")
        let allowed = rate! * Int64(line.units)
        return SampleLine(line, charge: charge, rate: rate, allowed: allowed, paid: 0, adjudication: .contract)
    }
}

/// The modifiers that let an NCCI PTP pair of indicator 1 through (SPEC 8).
enum NCCIModifiers {
    static let associated: Set<String> = {
        var modifiers: Set<String> = [
            "24", "25", "27", "57", "58", "59", "78", "79", "91", "FA", "LC", "LD", "LM", "LT", "RC", "RI", "RT", "TA",
            "XE", "XP", "XS", "XU",
        ]
        for digit in 1...9 {
            modifiers.formUnion(["F\(digit)", "T\(digit)"])
            if digit <= 4 { modifiers.insert("E\(digit)") }
        }
        return modifiers
    }()
}
