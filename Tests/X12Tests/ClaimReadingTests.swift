import Foundation
import Testing
import X12

/// SPEC 9: what the reader takes from a payment, its claims and their lines.
@Suite struct ClaimReadingTests {
    /// `standard-payment-*.835`, read by hand: one payment of one claim of two lines.
    static let standardPayment = Remittance(
        payment: RemittancePayment(
            segment: 3, transactionControlNumber: "0001", amountCents: 24_550, method: "ACH", date: day("2026-03-20"),
            traceNumber: "EFT0001", payerID: "1512345678", payerName: "ACME HEALTH PLAN"),
        claims: [
            ClaimPayment(
                segment: 13, patientControlNumber: "ENC-1001", statusCode: "1", chargeCents: 30_000,
                paidCents: 24_550, patientResponsibilityCents: 3_000, payerClaimControlNumber: "CLM0001",
                statementFromDate: day("2026-03-02"), receivedDate: day("2026-03-05"),
                serviceLines: [
                    ServiceLinePayment(
                        segment: 17, procedure: ProcedureComposite(qualifier: "HC", code: "99214", modifiers: ["25"]),
                        chargeCents: 20_000, paidCents: 16_550, lineDate: day("2026-03-02"),
                        serviceDate: day("2026-03-02"),
                        adjustments: [
                            Adjustment(group: .contractualObligation, reason: "45", amountCents: 1_450),
                            Adjustment(group: .patientResponsibility, reason: "3", amountCents: 2_000),
                        ],
                        allowedCents: 18_550),
                    ServiceLinePayment(
                        segment: 22, procedure: ProcedureComposite(qualifier: "HC", code: "36415"),
                        chargeCents: 10_000, paidCents: 8_000, lineDate: day("2026-03-02"),
                        serviceDate: day("2026-03-02"),
                        adjustments: [
                            Adjustment(group: .contractualObligation, reason: "45", amountCents: 1_000),
                            Adjustment(group: .patientResponsibility, reason: "2", amountCents: 1_000),
                        ]),
                ])
        ],
        end: PaymentEnd(segment: 26, claimCount: 1, providerAdjustments: [], outcome: .accepted))

    @Test func standardPaymentIsReadInFull() throws {
        // Given one payment with a claim of two lines, one segment per line
        // When it is read
        let remittances = try Fixture.read("standard-payment-lf")
        // Then every figure SPEC 9 names is there, money in cents, dates as days
        #expect(remittances == [Self.standardPayment])
        #expect(remittances.first?.payment.date.description == "2026-03-20")
    }

    @Test func claimWithoutPayerClaimNumberIsRead() throws {
        // Given the standard payment whose CLP gives no CLP07 (it is situational)
        let text = try Fixture.text("standard-payment-lf").replacingOccurrences(of: "*12*CLM0001*", with: "*12**")
        // When it is read
        let claims = try RemittanceReader(bytes: Array(text.utf8)).readAll().flatMap(\.claims)
        // Then the claim is there with an empty payer claim number
        #expect(claims.map(\.payerClaimControlNumber) == [""])
        #expect(claims.map(\.paidCents) == [24_550])
    }

    @Test func fourModifiersAndThreeAdjustmentsInOneCAS() throws {
        // Given SVC*HC:97110:GP:59:KX:XU and CAS*CO*45*100**253*3**97*45*1
        let claim = try #require(try Fixture.read("claim-details").first?.claims.first)
        // Then all four modifiers and all three triplets are read, quantity where given
        let line = try #require(claim.serviceLines.first)
        #expect(
            line.procedure == ProcedureComposite(qualifier: "HC", code: "97110", modifiers: ["GP", "59", "KX", "XU"]))
        #expect(line.units == 3)
        #expect(
            line.adjustments == [
                Adjustment(group: .contractualObligation, reason: "45", amountCents: 10_000),
                Adjustment(group: .contractualObligation, reason: "253", amountCents: 300),
                Adjustment(group: .contractualObligation, reason: "97", amountCents: 4_500, quantity: 1),
            ])
        #expect(line.allowedCents == 20_000)
        // and a blank CLP05 is nil, not 0
        #expect(claim.patientResponsibilityCents == nil)
    }

    @Test func claimLevelAdjustmentRecodedLineAndFractionalUnits() throws {
        // Given a claim with CAS before its first SVC, a line recoded (SVC06) and a line of 1.5 units
        let claim = try #require(try Fixture.read("claim-details").first?.claims.dropFirst().first)
        // Then the CAS before SVC belongs to the claim, not to a line
        #expect(claim.adjustments == [Adjustment(group: .otherAdjustment, reason: "23", amountCents: 1_234)])
        #expect(claim.serviceLines.map(\.adjustments.count) == [1, 1])
        // and SVC06 gives the code as billed
        let recoded = claim.serviceLines[0]
        #expect(recoded.procedure.code == "99213")
        #expect(recoded.billedProcedure == ProcedureComposite(qualifier: "HC", code: "99214"))
        #expect(recoded.codeAsBilled.code == "99214")
        // and AMT*B6 is nil where absent, read where present
        #expect(recoded.allowedCents == nil)
        #expect(claim.serviceLines[1].allowedCents == 8_000)
        // and units keep their decimals exactly
        #expect(claim.serviceLines[1].units == Decimal(string: "1.5"))
        #expect(claim.serviceLines[1].billedProcedure == nil)
    }
}
