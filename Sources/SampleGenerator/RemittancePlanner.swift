/// A claim payment and the day its payer pays it.
struct ScheduledClaim {
    var claim: RemittanceClaim
    let payer: RemittancePayer
    let day: SampleDay
    /// The exported encounter it settles; nil for a claim of an encounter in no export.
    let encounter: SampleEncounter?
}

/// Settles the practice's claims as its payers did: one claim payment for
/// each encounter the exports show adjudicated (never a pending one, never a
/// self-pay one), on one of its payer's payment days, with the exports'
/// allowed and paid amounts line by line; then the planted items.
struct RemittancePlanner {
    var random: SampleRandom
    /// The last day the remittance files cover: the end of the month after the last month of service.
    let lastPaymentDay: SampleDay
    private var claimNumbers = Set<String>()
    private var traceNumbers = Set<String>()

    init(seed: UInt64, lastMonth: SampleMonth) {
        random = SampleRandom(seed: seed, stream: "remittances")
        lastPaymentDay = lastMonth.next.next.firstDay.adding(days: -1)
    }

    /// Every payment of every payer, by payer and date, and what is planted in them.
    mutating func remittances(for encounters: [SampleEncounter]) -> ([SampleRemittance], PlantedRemittances) {
        var scheduled: [ScheduledClaim] = []
        for encounter in encounters {
            guard let payer = RemittancePayer.of(encounter.payer), encounter.lines.first?.adjudication != .pending
            else { continue }
            let day = paymentDay(service: encounter.serviceDate, coded: encounter.codedDay, payer: payer)
            let claim = Self.claim(
                for: encounter, payer: payer, number: claimNumber(payer, service: encounter.serviceDate))
            scheduled.append(ScheduledClaim(claim: claim, payer: payer, day: day, encounter: encounter))
        }
        let unknown = plantUnknownClaims(&scheduled, exported: Set(encounters.map(\.id)))
        let reversal = plantReversal(&scheduled)
        var payments: [SampleRemittance] = []
        for payer in RemittancePayer.all {
            var byDay: [SampleDay: [RemittanceClaim]] = [:]
            for item in scheduled where item.payer.payer == payer.payer {
                byDay[item.day, default: []].append(item.claim)
            }
            for day in byDay.keys.sorted() {
                payments.append(SampleRemittance(payer: payer.payer, paymentDate: day, claims: byDay[day]!))
            }
        }
        let interest = plantInterest(&payments)
        for index in payments.indices { payments[index].traceNumber = traceNumber() }
        let planted = PlantedRemittances(
            unknownEncounterIDs: unknown.ids, sameCodeEncounterID: unknown.sameCode, reversal: reversal,
            interest: interest)
        return (payments, planted)
    }

    /// The claim payment of an adjudicated encounter: its lines as the export shows them.
    static func claim(for encounter: SampleEncounter, payer: RemittancePayer, number: String) -> RemittanceClaim {
        let lines = encounter.lines.map { line in
            line.adjudication == .denied
                ? RemittanceLine(
                    deniedCode: line.code, modifiers: line.modifiers, units: line.units, charge: line.chargeCents,
                    group: Roster.denied.group, reason: Roster.denied.reason)
                : RemittanceLine(
                    code: line.code, modifiers: line.modifiers, units: line.units, charge: line.chargeCents,
                    allowed: line.allowedCents!, share: line.allowedCents! - line.paidCents!,
                    shareReason: payer.shareReason)
        }
        let denied = encounter.lines.allSatisfy { $0.adjudication == .denied }
        return RemittanceClaim(
            encounterID: encounter.id, status: denied ? .denied : .processedAsPrimary, payerClaimNumber: number,
            patient: encounter.patient, serviceDate: encounter.serviceDate,
            placeOfService: encounter.placeOfService, lines: lines)
    }

    /// A payment day within the payer's lag after the visit, and at least two days after the coder
    /// finished the claim; a claim coded late goes to the next payment day, and one the lag would take
    /// past the files' end (the exports show it paid) to the last payment day before it.
    mutating func paymentDay(service: SampleDay, coded: SampleDay, payer: RemittancePayer) -> SampleDay {
        let earliest = max(service.adding(days: payer.lag.lowerBound), coded.adding(days: 2))
        let latest = min(service.adding(days: payer.lag.upperBound), lastPaymentDay)
        let window = payer.paymentDays(from: earliest, through: latest)
        if !window.isEmpty { return random.pick(window) }
        if let next = payer.paymentDays(from: earliest, through: min(earliest.adding(days: 14), lastPaymentDay)).first {
            return next
        }
        return payer.paymentDays(from: coded.adding(days: 1), through: lastPaymentDay).last ?? lastPaymentDay
    }

    /// A new payer claim number (CLP07): the payer's prefix, the service year, random digits.
    mutating func claimNumber(_ payer: RemittancePayer, service: SampleDay) -> String {
        while true {
            var number = payer.claimNumber.prefix + SampleDay.pad(service.parts.year % 100)
            for _ in 0..<payer.claimNumber.digits { number += String(random.below(10)) }
            if claimNumbers.insert(number).inserted { return number }
        }
    }

    /// A new EFT trace number (TRN02): 15 digits.
    private mutating func traceNumber() -> String {
        while true {
            let number = String(random.int(in: 100_000_000_000_000...999_999_999_999_999))
            if traceNumbers.insert(number).inserted { return number }
        }
    }
}
