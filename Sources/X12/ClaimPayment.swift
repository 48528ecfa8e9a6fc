/// One claim of a remittance (a CLP loop): its totals, its claim-level
/// adjustments and its service lines.
///
/// Reversals are ordinary claims here: `CLP02 = 22` with negative amounts is
/// read as written, and the importer nets it against the earlier payment.
/// An institutional claim paid as a whole has no service lines.
public struct ClaimPayment: Sendable, Equatable {
    /// The CLP segment's ordinal in the file.
    public var segment: Int
    /// CLP01, the provider's patient control number (the encounter id).
    public var patientControlNumber: String
    /// CLP02, the claim status code: `1` processed as primary, `4` denied,
    /// `22` reversal of a previous payment, and so on.
    public var statusCode: String
    /// CLP03, the total charge, in cents.
    public var chargeCents: Int64
    /// CLP04, the amount paid on the claim, in cents.
    public var paidCents: Int64
    /// CLP05, the patient's responsibility, in cents; nil when the payer left
    /// it blank (it is situational), so "not given" stays apart from 0.
    public var patientResponsibilityCents: Int64?
    /// CLP07, the payer's claim control number; empty when the payer gives none.
    public var payerClaimControlNumber: String
    /// The CAS adjustments of the claim as a whole (before its first SVC).
    public var adjustments: [Adjustment]
    /// DTM*232, the claim statement period's start.
    public var statementFromDate: RemittanceDate?
    /// DTM*050, the date the payer received the claim.
    public var receivedDate: RemittanceDate?
    /// The SVC loops, in file order; empty for a claim paid as a whole.
    public var serviceLines: [ServiceLinePayment]

    /// Whether CLP02 says this claim reverses an earlier payment.
    public var isReversal: Bool { statusCode == "22" }

    /// Creates a claim.
    public init(
        segment: Int, patientControlNumber: String, statusCode: String, chargeCents: Int64, paidCents: Int64,
        patientResponsibilityCents: Int64?, payerClaimControlNumber: String, adjustments: [Adjustment] = [],
        statementFromDate: RemittanceDate? = nil, receivedDate: RemittanceDate? = nil,
        serviceLines: [ServiceLinePayment] = []
    ) {
        self.segment = segment
        self.patientControlNumber = patientControlNumber
        self.statusCode = statusCode
        self.chargeCents = chargeCents
        self.paidCents = paidCents
        self.patientResponsibilityCents = patientResponsibilityCents
        self.payerClaimControlNumber = payerClaimControlNumber
        self.adjustments = adjustments
        self.statementFromDate = statementFromDate
        self.receivedDate = receivedDate
        self.serviceLines = serviceLines
    }
}
