/// What the sample practice's 835 files plant for codeaudit to find; SampleData/README.md lists it.
public struct PlantedRemittances: Sendable {
    /// The payer that denies one code every time, the code, and the denial as `CO-97`.
    public let denial = (
        payer: Roster.denied.payer.name, code: Roster.denied.code,
        reason: "\(Roster.denied.group)-\(Roster.denied.reason)"
    )
    /// The payer that pays 45–60 days after the visit (the others: 12–25).
    public let slowPayer = RemittancePayer.slow.payer.name
    /// Claims for encounters that are in no export (voided after their claims went out).
    public let unknownEncounterIDs: [String]
    /// The claim with two lines of the same code.
    public let sameCodeEncounterID: String?
    /// The claim paid, reversed the next month and paid again at another amount.
    public let reversal: PlantedReversal?
    /// The one provider-level adjustment (PLB).
    public let interest: PlantedInterest?
}

/// A claim payment reversed (CLP02 22) and paid again corrected in a later file of the same payer.
public struct PlantedReversal: Sendable {
    /// The payer, as N1*PR and the exports name it.
    public let payer: String
    /// CLP01 of the three claim payments.
    public let encounterID: String
    /// The day of the first payment, and of the reversal and the corrected payment.
    public let paidOn: SampleDay
    public let correctedOn: SampleDay
}

/// Prompt-pay interest a payer adds to one payment (PLB, reason L6).
public struct PlantedInterest: Sendable {
    /// The payer, as N1*PR names it.
    public let payer: String
    /// BPR16 of the payment that carries it.
    public let paidOn: SampleDay
    /// PLB03-2: the payer's claim number of the late claim.
    public let reference: String
    /// The PLB amount: negative, since interest adds to the payment.
    public let cents: Int64
}

extension RemittancePlanner {
    /// Interest the slow payer adds to one payment for the claim on which it owes the most: 12% a year
    /// for each day past 30, as a provider adjustment (PLB L6), so that the payment exceeds its claims' total.
    func plantInterest(_ payments: inout [SampleRemittance]) -> PlantedInterest? {
        var best: (payment: Int, reference: String, cents: Int64)?
        for (index, payment) in payments.enumerated() where payment.payer == RemittancePayer.slow.payer {
            for claim in payment.claims where claim.status == .processedAsPrimary {
                let late = Int64(payment.paymentDate.ordinal - claim.serviceDate.ordinal - 30)
                let cents = (claim.paidCents * 120 * late + 182_500) / 365_000
                if late > 0 && cents > best?.cents ?? 0 { best = (index, claim.payerClaimNumber, cents) }
            }
        }
        guard let best else { return nil }
        payments[best.payment].providerAdjustments.append(
            ProviderAdjustment(reason: "L6", reference: best.reference, cents: -best.cents))
        return PlantedInterest(
            payer: RemittancePayer.slow.payer.name, paidOn: payments[best.payment].paymentDate,
            reference: best.reference, cents: -best.cents)
    }

    /// A line priced at the payer's contract rate on `day`, the patient's share as the plan has it.
    static func pricedLine(
        _ code: String, _ modifiers: [String] = [], units: Int = 1, payer: RemittancePayer, on day: SampleDay,
        copayLeft: inout Int64
    ) -> RemittanceLine {
        let allowed = ProcedureCatalog.contractCents(code, payer: payer.payer, on: day)! * Int64(units)
        return RemittanceLine(
            code: code, modifiers: modifiers, units: units, charge: ProcedureCatalog.chargeCents(code) * Int64(units),
            allowed: allowed, share: payer.payer.costSharing.share(of: allowed, code: code, copayLeft: &copayLeft),
            shareReason: payer.shareReason)
    }
}
