import SampleGenerator
import Testing

/// Charges, allowed and paid amounts follow the fee schedule the generator writes.
@Suite struct SampleMoneyTests {
    /// The rate of the written fee schedule for a payer, code and day: the payer's own row, else `*`'s.
    private func rate(_ payer: String, _ code: String, on day: SampleDay) -> Int64? {
        let rows = Fixture.practice.feeSchedule.filter {
            $0.code == code && $0.effectiveFrom <= day && ($0.effectiveTo.map { day <= $0 } ?? true)
        }
        let own = rows.filter { $0.payer == payer }
        #expect(own.count <= 1 && rows.filter { $0.payer == "*" }.count <= 1, "overlapping rates for \(payer) \(code)")
        return (own.first ?? rows.first { $0.payer == "*" })?.amountCents
    }

    @Test func allowedIsTheContractRateTimesUnitsExceptWherePlanted() {
        // Given every line of the default practice
        var counts: [Adjudication: Int] = [:]
        for encounter in Fixture.practice.encounters {
            for line in encounter.lines {
                counts[line.adjudication, default: 0] += 1
                let contract = rate(encounter.payer.name, line.code, on: encounter.serviceDate)
                // Then the line's rate is the written schedule's, and its charge is positive (but post-op visits')
                #expect(line.rateCents == contract)
                #expect(line.chargeCents > 0 || line.code == "99024")
                switch line.adjudication {
                case .pending:
                    #expect(line.allowedCents == nil && line.paidCents == nil)
                case .contract:
                    #expect(line.allowedCents == contract.map { $0 * Int64(line.units) })
                case .plantedUnderpayment:
                    // Lakeshore Mutual allows 99214 at 92% of its contract rate, rounded half up to the cent
                    #expect(encounter.payer.name == "Lakeshore Mutual" && line.code == "99214")
                    let expected = contract! * Int64(line.units)
                    #expect(line.allowedCents == (expected * 920 + 500) / 1000)
                case .shortPaid, .overpaid:
                    let expected = contract! * Int64(line.units)
                    #expect((line.adjudication == .shortPaid) == (line.allowedCents! < expected))
                case .noContractRate:
                    #expect(contract == nil && line.allowedCents != nil)
                case .denied:
                    // Pinecrest denies every venipuncture (36415): nothing allowed or paid
                    #expect(encounter.payer.name == "Pinecrest Health Plan" && line.code == "36415")
                    #expect(line.allowedCents == 0 && line.paidCents == 0)
                }
                // and paid is allowed less the patient's share: between 0 and allowed
                if let allowed = line.allowedCents, let paid = line.paidCents {
                    #expect(paid >= 0 && paid <= allowed)
                    if encounter.payer.name == "Self Pay" { #expect(paid == 0) }
                    if encounter.payer.name == "Medicaid" { #expect(paid == allowed) }
                }
            }
        }
        // and most lines are paid at contract; some are pending, a few have no rate, very few are paid wrongly
        let total = counts.values.reduce(0, +)
        #expect(counts[.contract, default: 0] * 10 > total * 7)
        #expect(counts[.pending, default: 0] > 500 && counts[.noContractRate, default: 0] > 100)
        #expect(counts[.plantedUnderpayment, default: 0] > 300 && counts[.denied, default: 0] > 300)
        #expect((1...total / 100).contains(counts[.shortPaid, default: 0] + counts[.overpaid, default: 0]))
    }

    @Test func claimsAreStillPendingMostlyInTheLastWeeks() {
        // Given the default practice's October lines
        let october = Fixture.practice.encounters.filter { $0.month.description == "2026-10" }
        func pendingShare(_ days: ClosedRange<Int>) -> Double {
            let lines = october.filter { days.contains($0.serviceDate.parts.day) }.flatMap(\.lines)
            return Double(lines.filter { $0.adjudication == .pending }.count) / Double(lines.count)
        }
        // Then most late-October claims are pending and few early-October ones are
        #expect(pendingShare(20...31) > 0.5)
        #expect(pendingShare(1...10) < 0.35)
    }

    @Test func aContractRenewalRaisesOnePayersRatesInJuly() {
        // Given the written fee schedule
        let rows = Fixture.practice.feeSchedule.filter { $0.payer == "Pinecrest Health Plan" && $0.code == "99213" }
        // Then Pinecrest's 99213 has two periods, the second 3% higher from July 1, 2026
        #expect(rows.count == 2)
        #expect(rows[0].effectiveTo == SampleDay(year: 2026, month: 6, day: 30))
        #expect(rows[1].effectiveFrom == SampleDay(year: 2026, month: 7, day: 1) && rows[1].effectiveTo == nil)
        #expect(rows[1].amountCents == (rows[0].amountCents * 1030 + 500) / 1000)
        // and no code without a contract rate is in the schedule
        #expect(Fixture.practice.feeSchedule.allSatisfy { !["96127", "L3908", "99024"].contains($0.code) })
    }
}
