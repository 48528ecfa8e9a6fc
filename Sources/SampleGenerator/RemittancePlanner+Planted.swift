extension RemittancePlanner {
    /// Four claims for encounters in no export, each with an id from the gaps of its system's
    /// numbering: a Medicare claim sent twice, the second copy (its own id) denied CO-18, exact
    /// duplicate; and three encounters voided in the practice-management system after their claims
    /// went out, paid anyway — one of them a bilateral knee injection, two lines of 20610.
    mutating func plantUnknownClaims(
        _ scheduled: inout [ScheduledClaim], exported: Set<String>
    ) -> (ids: [String], sameCode: String?) {
        var taken = exported
        var ids: [String] = []
        var sameCode: String?
        let settled = scheduled
        func templates(_ system: SourceSystem, _ payer: RemittancePayer) -> [ScheduledClaim] {
            settled.filter {
                $0.encounter?.system == system && $0.payer.payer == payer.payer && $0.claim.paidCents > 0
                    && $0.day.adding(days: 14) <= lastPaymentDay
            }
        }
        let medicare = templates(.primaryCare, .medicare)
        if !medicare.isEmpty {
            let original = random.pick(medicare)
            let id = Self.unusedID(near: original.encounter!, taken: &taken)
            let sent = original.claim
            let duplicate = RemittanceClaim(
                encounterID: id, status: .denied, payerClaimNumber: claimNumber(.medicare, service: sent.serviceDate),
                patient: sent.patient, serviceDate: sent.serviceDate, placeOfService: sent.placeOfService,
                lines: sent.lines.map {
                    RemittanceLine(
                        deniedCode: $0.code, modifiers: $0.modifiers, units: $0.units, charge: $0.chargeCents,
                        group: "CO", reason: "18")
                })
            let day = RemittancePayer.medicare.paymentDays(from: original.day.adding(days: 5), through: lastPaymentDay)
            scheduled.append(ScheduledClaim(claim: duplicate, payer: .medicare, day: day[0], encounter: nil))
            ids.append(id)
        }
        let voided: [(SourceSystem, RemittancePayer, [(String, [String], Int)])] = [
            (.dermatology, .lakeshore, [("99213", ["25"], 1), ("17000", [], 1), ("17003", [], 3)]),
            (
                .orthopedics, .pinecrest,
                [("99213", ["25"], 1), ("20610", ["RT"], 1), ("20610", ["LT"], 1), ("J3301", [], 8)]
            ),
            (.primaryCare, .medicaid, [("99214", [], 1), ("83036", [], 1), ("36415", [], 1)]),
        ]
        for (system, payer, codes) in voided {
            let candidates = templates(system, payer)
            guard !candidates.isEmpty else { continue }
            // The visit's day and payment day from one claim, the patient from another of the same plan.
            let visit = random.pick(candidates)
            let others = candidates.filter { $0.claim.patient != visit.claim.patient }
            guard !others.isEmpty else { continue }
            let patient = random.pick(others).claim.patient
            let id = Self.unusedID(near: visit.encounter!, taken: &taken)
            var copayLeft = payer.payer.costSharing.copayCents
            let lines = codes.map { code, modifiers, units in
                Self.pricedLine(
                    code, modifiers, units: units, payer: payer, on: visit.claim.serviceDate, copayLeft: &copayLeft)
            }
            let claim = RemittanceClaim(
                encounterID: id, status: .processedAsPrimary,
                payerClaimNumber: claimNumber(payer, service: visit.claim.serviceDate), patient: patient,
                serviceDate: visit.claim.serviceDate, placeOfService: "11", lines: lines)
            scheduled.append(ScheduledClaim(claim: claim, payer: payer, day: visit.day, encounter: nil))
            ids.append(id)
            if Set(codes.map(\.0)).count < codes.count { sameCode = id }
        }
        return (ids, sameCode)
    }

    /// The planted reversal: a Pinecrest claim of a visit after its July 1 renewal, first paid at the
    /// rates before it, is reversed (CLP02 22, same CLP01 and CLP07, amounts negated) in a payment of
    /// the next month, and paid again at the renewed rates — the amounts the export shows — in the same one.
    mutating func plantReversal(_ scheduled: inout [ScheduledClaim]) -> PlantedReversal? {
        let payer = RemittancePayer.pinecrest
        guard let raise = payer.payer.raise else { return nil }
        var candidates: [(index: Int, correction: SampleDay)] = []
        for (index, item) in scheduled.enumerated() where item.payer.payer == payer.payer {
            guard let encounter = item.encounter, encounter.serviceDate >= raise.day, encounter.lines.count >= 2,
                encounter.lines.allSatisfy({ $0.adjudication == .contract })
            else { continue }
            let next = item.day.month.next
            let days = payer.paymentDays(
                from: max(item.day.adding(days: 14), next.firstDay),
                through: min(next.next.firstDay.adding(days: -1), lastPaymentDay))
            if let first = days.first { candidates.append((index, first)) }
        }
        guard let firstMonth = candidates.map({ scheduled[$0.index].day.month }).min() else { return nil }
        let chosen = random.pick(candidates.filter { scheduled[$0.index].day.month == firstMonth })
        let paid = scheduled[chosen.index]
        var original = paid.claim
        var copayLeft = payer.payer.costSharing.copayCents
        original.lines = paid.claim.lines.map { line in
            Self.pricedLine(
                line.code, line.modifiers, units: line.units, payer: payer, on: raise.day.adding(days: -1),
                copayLeft: &copayLeft)
        }
        scheduled[chosen.index].claim = original
        var corrected = paid.claim
        corrected.payerClaimNumber = claimNumber(payer, service: corrected.serviceDate)
        for claim in [original.reversal, corrected] {
            scheduled.append(
                ScheduledClaim(claim: claim, payer: payer, day: chosen.correction, encounter: paid.encounter))
        }
        return PlantedReversal(
            payer: payer.payer.name, encounterID: original.encounterID, paidOn: paid.day, correctedOn: chosen.correction
        )
    }

    /// The first id after the encounter's that no export and no other planted claim has.
    private static func unusedID(near encounter: SampleEncounter, taken: inout Set<String>) -> String {
        var number = Int(encounter.id.filter(\.isNumber))!
        repeat { number += 1 } while taken.contains(encounter.system.encounterID(number))
        let id = encounter.system.encounterID(number)
        taken.insert(id)
        return id
    }
}
