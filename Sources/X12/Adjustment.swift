import Foundation

/// One CAS triplet: a group, a reason and an amount the payer took off (or,
/// when negative, added to) what it paid.
public struct Adjustment: Sendable, Equatable {
    /// CAS01, who bears the adjustment.
    public var group: AdjustmentGroup
    /// The claim adjustment reason code, such as `45` or `97`.
    public var reason: String
    /// The adjusted amount, in cents.
    public var amountCents: Int64
    /// The adjusted quantity, exactly as written; nil when blank.
    public var quantity: Decimal?

    /// Creates an adjustment.
    public init(group: AdjustmentGroup, reason: String, amountCents: Int64, quantity: Decimal? = nil) {
        self.group = group
        self.reason = reason
        self.amountCents = amountCents
        self.quantity = quantity
    }

    /// `CO-97`, as the denial reports name a reason.
    public var groupAndReason: String { "\(group.rawValue)-\(reason)" }
}

/// CAS01, the claim adjustment group code.
public enum AdjustmentGroup: String, Sendable, CaseIterable {
    /// Contractual obligation: the provider writes it off.
    case contractualObligation = "CO"
    /// Patient responsibility: deductible, coinsurance, copay.
    case patientResponsibility = "PR"
    /// Other adjustment.
    case otherAdjustment = "OA"
    /// Payer-initiated reduction.
    case payerInitiatedReduction = "PI"
    /// Correction and reversal of a prior claim.
    case correctionOrReversal = "CR"

    /// Reads the code from bytes: every CAS has one, and going through a
    /// `String` to `init(rawValue:)` showed in profiles.
    init?(code bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 2 else { return nil }
        switch (bytes[0], bytes[1]) {
        case (UInt8(ascii: "C"), UInt8(ascii: "O")): self = .contractualObligation
        case (UInt8(ascii: "P"), UInt8(ascii: "R")): self = .patientResponsibility
        case (UInt8(ascii: "O"), UInt8(ascii: "A")): self = .otherAdjustment
        case (UInt8(ascii: "P"), UInt8(ascii: "I")): self = .payerInitiatedReduction
        case (UInt8(ascii: "C"), UInt8(ascii: "R")): self = .correctionOrReversal
        default: return nil
        }
    }
}

/// One PLB adjustment: money the payer withholds from (positive) or adds to
/// (negative) the payment, outside any claim.
public struct ProviderAdjustment: Sendable, Equatable {
    /// The PLB segment's ordinal in the file.
    public var segment: Int
    /// The adjustment reason code, such as `WO` (overpayment recovery) or `L6` (interest).
    public var reason: String
    /// The reference identifier after the reason, such as the claim being recovered; nil when absent.
    public var reference: String?
    /// The amount, in cents; BPR02 = Σ CLP04 − Σ these.
    public var amountCents: Int64

    /// Creates a provider adjustment.
    public init(segment: Int, reason: String, reference: String?, amountCents: Int64) {
        self.segment = segment
        self.reason = reason
        self.reference = reference
        self.amountCents = amountCents
    }
}
