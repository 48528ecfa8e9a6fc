import Testing
import X12

/// SPEC 9: reversals are read as written; PLB adjustments enter BPR02's balance.
@Suite struct ReversalAndProviderAdjustmentTests {
    @Test func reversalAndCorrectionAreReadAsWritten() throws {
        // Given a claim reversed (CLP02 = 22, negative amounts) and paid again
        let remittance = try #require(try Fixture.read("reversal-and-correction").first)
        let (reversal, correction) = (remittance.claims[0], remittance.claims[1])
        // Then the reversal is an ordinary claim with its negative figures
        #expect(reversal.isReversal)
        #expect(!correction.isReversal)
        #expect(
            [reversal.chargeCents, reversal.paidCents, reversal.patientResponsibilityCents] == [
                -20_000, -15_000, -5_000,
            ])
        let line = try #require(reversal.serviceLines.first)
        #expect([line.chargeCents, line.paidCents] == [-20_000, -15_000])
        #expect(line.units == -1)
        #expect(line.adjustments.map(\.amountCents) == [-2_000, -3_000])
        // and the two claims net to the payment
        #expect(correction.paidCents == 17_000)
        #expect(correction.serviceLines.first?.allowedCents == 19_000)
        #expect(remittance.payment.amountCents == 2_000)
        #expect(remittance.end.outcome == .accepted)
    }

    @Test func providerAdjustmentsBalanceThePayment() throws {
        // Given claims paying 500.00, less an overpayment recovery of 100.00, plus 12.50 interest
        let remittance = try #require(try Fixture.read("provider-adjustments").first)
        // Then both PLB pairs are read, and BPR02 = 500.00 − 87.50 is accepted
        #expect(
            remittance.end.providerAdjustments == [
                ProviderAdjustment(segment: 16, reason: "WO", reference: "CLM0777", amountCents: 10_000),
                ProviderAdjustment(segment: 16, reason: "L6", reference: "INTEREST0410", amountCents: -1_250),
            ])
        #expect(remittance.payment.amountCents == 41_250)
        #expect(remittance.end.outcome == .accepted)
        #expect(remittance.end.claimCount == 2)
    }

    @Test func paymentMissingAProviderAdjustmentIsRejected() throws {
        // Given the same payment with its interest pair removed
        let text = try Fixture.text("provider-adjustments").replacingOccurrences(of: "*L6:INTEREST0410*-12.5", with: "")
        // Then the transaction is rejected at BPR with both figures
        #expect(
            try RemittanceReader(bytes: Array(text.utf8)).readAll().map(\.end.outcome) == [
                .rejected(
                    segment: 4, reason: "BPR02 is 412.50, the claims' CLP04 less the PLB adjustments total 400.00")
            ])
    }

    @Test(
        arguments: [
            (
                "*L6:INTEREST0410*-12.5", "*L6:INTEREST0410", 6,
                "the adjustment 'L6' has no amount: each PLB reason is followed by its amount"
            ),
            (
                "*L6:INTEREST0410*-12.5", "*:INTEREST0410*-12.5", 5,
                "an adjustment needs a reason code before its amount"
            ),
            ("*WO:CLM0777*100*L6:INTEREST0410*-12.5", "", 3, "the adjustment reason code is required and missing"),
        ] as [(String, String, Int, String)])
    func incompleteProviderAdjustmentIsMalformed(original: String, replacement: String, element: Int, reason: String)
        throws
    {
        // Given a PLB pair with its amount or its reason missing
        let text = try Fixture.text("provider-adjustments").replacingOccurrences(of: original, with: replacement)
        // Then the file is refused naming the PLB element
        #expect(readingError(text) == .malformed(segment: 16, segmentID: "PLB", element: element, reason: reason))
    }
}
