import SampleGenerator
import Testing

/// Every 835 payment, claim and line adds up to the cent, as SPEC 9 and the guide ask.
@Suite struct SampleRemittanceBalanceTests {
    @Test func everyPaymentIsItsClaimsLessItsProviderAdjustments() {
        // Given every payment (transaction) of every 835 file
        let payments = ParsedRemittances.payments
        #expect(payments.count > 150)
        for payment in payments {
            // Then BPR02 = Σ CLP04 − Σ PLB, exactly, paid by ACH
            let claims = payment.claims.reduce(0) { $0 + $1.paid }
            let adjustments = payment.adjustments.reduce(0) { $0 + $1.cents }
            #expect(payment.total == claims - adjustments, "\(payment.file) \(payment.trace)")
            #expect(payment.method == "ACH" && payment.total > 0, "\(payment.file) \(payment.trace)")
            #expect(!payment.claims.isEmpty)
        }
        // and each payment has its own trace number
        #expect(Set(payments.map { $0.trace + " " + $0.payerID }).count == payments.count)
    }

    @Test func everyClaimIsTheSumOfItsLines() {
        // Given every claim payment
        for claim in ParsedRemittances.claims {
            // Then CLP03 = Σ SVC02, CLP04 = Σ SVC03 and CLP05 = Σ PR adjustments of its lines
            #expect(claim.charge == claim.lines.reduce(0) { $0 + $1.charge }, "\(claim.id)")
            #expect(claim.paid == claim.lines.reduce(0) { $0 + $1.paid }, "\(claim.id)")
            #expect(claim.patientResponsibility == claim.lines.reduce(0) { $0 + $1.adjusted("PR") }, "\(claim.id)")
            #expect(!claim.lines.isEmpty && claim.serviceDate != nil)
            #expect(["1", "4", "22"].contains(claim.status))
        }
    }

    @Test func everyLineBalancesChargeAllowedAndPaid() {
        var (paidLines, deniedLines) = (0, 0)
        for claim in ParsedRemittances.claims {
            for line in claim.lines {
                // Given a line: charge less its adjustments is what was paid
                let adjusted = line.adjustments.reduce(0) { $0 + $1.cents }
                #expect(line.charge - adjusted == line.paid, "\(claim.id) \(line.code)")
                let allowed = line.allowed ?? -1
                if line.adjustments.allSatisfy({ $0.group == "PR" || ($0.group == "CO" && $0.reason == "45") }) {
                    // Then on a paid line the contractual adjustment is charge − allowed, the patient's share allowed − paid
                    paidLines += 1
                    #expect(line.charge - allowed == line.adjusted("CO", "45"), "\(claim.id) \(line.code)")
                    #expect(allowed - line.paid == line.adjusted("PR"), "\(claim.id) \(line.code)")
                    #expect(line.adjustments.filter { $0.group == "PR" }.allSatisfy { ["2", "3"].contains($0.reason) })
                } else {
                    // and a denied line is adjusted in full, nothing allowed or paid
                    deniedLines += 1
                    #expect(line.adjustments.count == 1 && line.adjusted("CO") == line.charge, "\(claim.id)")
                    #expect(allowed == 0 && line.paid == 0, "\(claim.id) \(line.code)")
                }
            }
        }
        #expect(paidLines > 15_000 && deniedLines > 300)
    }

    @Test func theCostSharingIsEachPlansOwn() {
        // Given the patients' shares on paid lines, by payer
        var reasons: [String: Set<String>] = [:]
        for claim in ParsedRemittances.claims where claim.status == "1" {
            for line in claim.lines {
                for adjustment in line.adjustments where adjustment.group == "PR" {
                    reasons[claim.payer, default: []].insert(adjustment.reason)
                }
            }
        }
        // Then Medicare and Pinecrest charge coinsurance (PR-2), Lakeshore a copay (PR-3), Medicaid nothing
        #expect(reasons == ["Medicare": ["2"], "Pinecrest Health Plan": ["2"], "Lakeshore Mutual": ["3"]])
        let filing = Dictionary(grouping: ParsedRemittances.claims, by: \.payer).mapValues { Set($0.map(\.filing)) }
        #expect(
            filing == [
                "Medicare": ["MB"], "Medicaid": ["MC"], "Lakeshore Mutual": ["CI"], "Pinecrest Health Plan": ["CI"],
            ])
    }

    @Test func noPaymentComesAfterNovember30OrBeforeItsVisit() {
        // Given every payment date and every claim's and line's service date
        let last = SampleDay(year: 2026, month: 11, day: 30)
        // Then no payment is later than November 30, 2026, and none comes before the visit it pays
        #expect(ParsedRemittances.payments.allSatisfy { $0.date <= last })
        for claim in ParsedRemittances.claims {
            let service = claim.serviceDate!
            #expect(service.ordinal + 10 < claim.paymentDate.ordinal, "\(claim.id)")
            #expect(claim.lines.allSatisfy { $0.serviceDate == service }, "\(claim.id)")
        }
    }
}
