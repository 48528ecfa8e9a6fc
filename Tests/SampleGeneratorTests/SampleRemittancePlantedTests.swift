import SampleGenerator
import Testing

/// What the 835 files plant for codeaudit to find (SampleData/README.md, "Remittances (835)").
@Suite struct SampleRemittancePlantedTests {
    private let planted = Fixture.practice.plantedRemittances
    private let claims = ParsedRemittances.claims

    @Test func pinecrestDeniesEvery36415AsIncludedInAnotherService() {
        // Given the planted denial
        let denial = planted.denial
        #expect(denial.payer == "Pinecrest Health Plan" && denial.code == "36415" && denial.reason == "CO-97")
        // Then every 36415 Pinecrest remits is denied CO-97 for its whole charge, and no other payer denies it
        let lines = { (payer: Bool) in
            self.claims.filter { ($0.payer == denial.payer) == payer }.flatMap(\.lines).filter {
                $0.code == denial.code
            }
        }
        #expect(lines(true).count > 300 && lines(false).count > 300)
        #expect(lines(true).allSatisfy { $0.paid == 0 && $0.allowed == 0 && $0.adjusted("CO", "97") == $0.charge })
        #expect(lines(false).allSatisfy { $0.allowed! > 0 && $0.adjusted("CO", "97") == 0 })
        // and the encounter exports show those lines allowed and paid 0
        for encounter in Fixture.practice.encounters where encounter.payer.name == denial.payer {
            for line in encounter.lines where line.code == denial.code && line.adjudication != .pending {
                #expect(line.adjudication == .denied && line.allowedCents == 0 && line.paidCents == 0)
            }
        }
    }

    @Test func oneClaimIsPaidThenReversedAndPaidAgainInTheNextMonthsFile() throws {
        // Given the one reversal (CLP02 22) in the files
        let reversal = try #require(planted.reversal)
        let reversals = claims.filter { $0.status == "22" }
        #expect(reversals.count == 1)
        let reversed = try #require(reversals.first)
        #expect(reversed.id == reversal.encounterID && reversed.payer == reversal.payer)
        // Then it reverses a payment of the month before, in the same payer's files, with its claim numbers
        let payments = claims.filter { $0.id == reversed.id }
        let original = try #require(payments.first { $0.status == "1" && $0.file != reversed.file })
        let corrected = try #require(payments.first { $0.status == "1" && $0.file == reversed.file })
        #expect(payments.count == 3 && original.payerClaimNumber == reversed.payerClaimNumber)
        let month = { (day: SampleDay) in SampleMonth(year: day.parts.year, month: day.parts.month) }
        #expect(month(original.paymentDate).next == month(reversed.paymentDate))
        #expect(original.paymentDate == reversal.paidOn && reversed.paymentDate == reversal.correctedOn)
        // with every amount negated
        #expect(reversed.charge == -original.charge && reversed.paid == -original.paid)
        #expect(reversed.patientResponsibility == -original.patientResponsibility)
        for (back, first) in zip(reversed.lines, original.lines) {
            #expect(
                back.charge == -first.charge && back.paid == -first.paid && back.allowed == first.allowed.map { -$0 })
            #expect(back.units == first.units && back.adjustments.map(\.cents) == first.adjustments.map { -$0.cents })
        }
        // and the corrected payment pays another amount: the one the export shows
        #expect(corrected.paid != original.paid && corrected.charge == original.charge)
        let encounter = try #require(Fixture.practice.encounters.first { $0.id == reversed.id })
        #expect(corrected.paid == encounter.lines.reduce(0) { $0 + $1.paidCents! })
    }

    @Test func medicaidPaysInFortyFiveToSixtyDaysTheOthersInTwelveToTwentyFive() {
        // Given the days from service to payment of each payer's claims
        func lags(_ payer: String) -> [Int] {
            claims.filter { $0.payer == payer && $0.status == "1" }.map {
                $0.paymentDate.ordinal - $0.serviceDate!.ordinal
            }
            .sorted()
        }
        func median(_ values: [Int]) -> Int { values[values.count / 2] }
        // Then the slow payer's median is 45–60 days, and the others' 12–25, nearly every claim within its range
        #expect(planted.slowPayer == "Medicaid")
        let slow = lags("Medicaid")
        #expect((45...60).contains(median(slow)) && slow.filter { (45...60).contains($0) }.count * 10 > slow.count * 9)
        for payer in ["Medicare", "Lakeshore Mutual", "Pinecrest Health Plan"] {
            let days = lags(payer)
            #expect(
                (12...25).contains(median(days)) && days.filter { (12...25).contains($0) }.count * 100 > days.count * 99
            )
        }
    }

    @Test func aFewClaimsAreForEncountersInNoExport() throws {
        // Given the planted claims for encounters in no export
        let ids = planted.unknownEncounterIDs
        #expect(ids.count == 4)
        let unknown = claims.filter { ids.contains($0.id) }
        #expect(unknown.count == ids.count)
        // Then one is a Medicare claim sent twice, its copy denied CO-18 (exact duplicate) line by line
        let duplicate = try #require(unknown.first { $0.status == "4" })
        #expect(duplicate.payer == "Medicare" && duplicate.paid == 0)
        #expect(duplicate.lines.allSatisfy { $0.adjusted("CO", "18") == $0.charge })
        let original = claims.filter { $0.id != duplicate.id && $0.patient == duplicate.patient }
        #expect(original.contains { $0.serviceDate == duplicate.serviceDate && $0.charge == duplicate.charge })
        // and the others were paid; one of them has two lines of the same code (20610, right and left knee)
        #expect(unknown.filter { $0.status == "1" && $0.paid > 0 }.count == ids.count - 1)
        let twice = try #require(unknown.first { $0.id == planted.sameCodeEncounterID })
        #expect(twice.lines.filter { $0.code == "20610" }.map(\.modifiers) == [["RT"], ["LT"]])
    }

    @Test func oneProviderAdjustmentAddsInterestToAPayment() throws {
        // Given the payments with a PLB
        let adjusted = ParsedRemittances.payments.filter { !$0.adjustments.isEmpty }
        let interest = try #require(planted.interest)
        // Then there is one: the slow payer's prompt-pay interest (L6), a negative amount that adds to the payment
        #expect(adjusted.count == 1)
        let payment = try #require(adjusted.first)
        #expect(payment.payer == interest.payer && payment.date == interest.paidOn)
        #expect(payment.adjustments.map(\.reason) == ["L6"] && payment.adjustments[0].cents == interest.cents)
        #expect(interest.cents < 0 && payment.total == payment.claims.reduce(0) { $0 + $1.paid } - interest.cents)
        #expect(claims.contains { $0.payerClaimNumber == interest.reference && $0.payer == interest.payer })
    }

    @Test func lakeshoreAllows99214EightPercentUnderContractInIts835sToo() {
        // Given Lakeshore Mutual's contract rate for 99214 and its remitted 99214 lines
        let rate = Fixture.practice.feeSchedule.first { $0.payer == "Lakeshore Mutual" && $0.code == "99214" }!
        let lines = claims.filter { $0.payer == "Lakeshore Mutual" }.flatMap(\.lines).filter { $0.code == "99214" }
        // Then each is allowed 92% of the rate × units, as the export shows
        #expect(lines.count > 300)
        #expect(lines.allSatisfy { $0.allowed == (rate.amountCents * Int64($0.units) * 920 + 500) / 1000 })
    }
}
