/// The payment of one 835 transaction (ST…SE): what the payer paid, how and
/// when, and who the payer is.
///
/// The trace number and the payer id together identify a payment across
/// files (SPEC 9: the same TRN02 + TRN03 imported twice is rejected).
public struct RemittancePayment: Sendable, Equatable {
    /// The ST segment's ordinal in the file, to point a person at the transaction.
    public var segment: Int
    /// ST02, the transaction set control number.
    public var transactionControlNumber: String
    /// BPR02, the total paid, in cents (0 or negative for some notices).
    public var amountCents: Int64
    /// BPR04, the payment method code as sent: `ACH`, `CHK`, `NON`, `BOP`, `FWT`.
    public var method: String
    /// BPR16, the check issue or EFT effective date.
    public var date: RemittanceDate
    /// TRN02, the check or EFT trace number.
    public var traceNumber: String
    /// TRN03, the payer's identifier.
    public var payerID: String
    /// N102 of N1*PR, the payer's name.
    public var payerName: String

    /// Creates a payment.
    public init(
        segment: Int, transactionControlNumber: String, amountCents: Int64, method: String, date: RemittanceDate,
        traceNumber: String, payerID: String, payerName: String
    ) {
        self.segment = segment
        self.transactionControlNumber = transactionControlNumber
        self.amountCents = amountCents
        self.method = method
        self.date = date
        self.traceNumber = traceNumber
        self.payerID = payerID
        self.payerName = payerName
    }
}

/// The end of one transaction: its provider adjustments and whether its
/// figures hold together.
public struct PaymentEnd: Sendable, Equatable {
    /// The SE segment's ordinal in the file.
    public var segment: Int
    /// How many CLP loops the transaction had.
    public var claimCount: Int
    /// Every PLB adjustment pair, in file order.
    public var providerAdjustments: [ProviderAdjustment]
    /// Accepted, or rejected with the reason; a rejected transaction's
    /// claims must be discarded.
    public var outcome: PaymentOutcome

    /// Creates the end of a transaction.
    public init(segment: Int, claimCount: Int, providerAdjustments: [ProviderAdjustment], outcome: PaymentOutcome) {
        self.segment = segment
        self.claimCount = claimCount
        self.providerAdjustments = providerAdjustments
        self.outcome = outcome
    }
}

/// Whether a transaction's own checks passed (SPEC 9).
public enum PaymentOutcome: Sendable, Equatable, CustomStringConvertible {
    /// SE01 counts the transaction's segments and BPR02 = Σ CLP04 − Σ PLB.
    case accepted
    /// One check failed. `segment` is the ordinal of the segment whose figure
    /// disagrees (SE for the count, BPR for the total); `reason` gives both
    /// figures, such as "SE01 says 42 segments, the transaction has 41".
    case rejected(segment: Int, reason: String)

    /// `accepted`, or `segment 45: SE01 says 42 segments, the transaction has 41`.
    public var description: String {
        switch self {
        case .accepted: "accepted"
        case .rejected(let segment, let reason): "segment \(segment): \(reason)"
        }
    }
}
