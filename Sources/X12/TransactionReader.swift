/// Reads one 835 transaction (ST…SE): its header (BPR, TRN, N1*PR), its
/// claims and its PLB adjustments, and checks SE01 and BPR02.
///
/// The payment is handed over when the header ends (the first LX, CLP, PLB
/// or SE), each claim when the next one, a PLB or SE closes it.
struct TransactionReader {
    struct Header {
        var paymentOrder: (segment: Int, amountCents: Int64, method: String, date: RemittanceDate)?
        var trace: (segment: Int, number: String, payerID: String)?
        var payer: (segment: Int, name: String)?
    }

    /// The ST segment's ordinal.
    let segment: Int
    let controlNumber: String
    /// Segments from ST through the last one read, for SE01.
    var segmentCount = 1
    var header = Header()
    var hasBegun = false
    /// The CLP loop being read, while `hasOpenClaim`. Not an optional:
    /// reading through `ClaimPayment?` copied the whole claim, lines and all,
    /// at every segment.
    var openClaim = ClaimPayment.placeholder
    var hasOpenClaim = false
    var claimCount = 0
    /// Σ CLP04 − Σ PLB amounts, which BPR02 must equal.
    var expectedPaymentCents: Int64 = 0
    var providerAdjustments: [ProviderAdjustment] = []

    init(segment: Int, controlNumber: String) {
        self.segment = segment
        self.controlNumber = controlNumber
    }

    mutating func read<Handler: RemittanceHandler>(_ segment: X12Segment, into handler: inout Handler) throws {
        segmentCount += 1
        switch segment.tag {
        case .bpr, .trn, .n1: try readHeader(segment)
        case .lx:
            try closeClaim(at: segment, into: &handler)
        case .clp:
            try closeClaim(at: segment, into: &handler)
            let claim = try Self.readClaim(segment)
            try addToExpectedPayment(claim.paidCents, at: segment, position: 4)
            openClaim = claim
            hasOpenClaim = true
        case .cas: try readAdjustments(segment)
        case .dtm: try readDate(segment)
        case .svc: try readServiceLine(segment)
        case .amt: try readAllowedAmount(segment)
        case .plb:
            try closeClaim(at: segment, into: &handler)
            try readProviderAdjustments(segment)
        // NM1 names the patient (QC), the insured (IL) and the corrected
        // insured (74): SPEC 9 forbids storing them, so they are never read.
        default: break
        }
    }

    /// Reads SE: checks SE02 (the file is refused when it does not match),
    /// then SE01 and BPR02 (only this transaction is rejected).
    mutating func finish<Handler: RemittanceHandler>(
        _ trailer: X12Segment, into handler: inout Handler
    ) throws -> PaymentEnd {
        segmentCount += 1
        try closeClaim(at: trailer, into: &handler)
        let declared = try trailer.requiredCount(1, "the number of segments")
        let number = trailer.element(2)
        guard !number.isEmpty else { throw trailer.missing(2, "the control number") }
        guard number.elementsEqual(controlNumber.utf8) else {
            throw trailer.malformed(
                2, "SE02 \(Quote.value(number)) does not match ST02 '\(controlNumber)' of segment \(segment)")
        }
        var outcome = PaymentOutcome.accepted
        let paid = header.paymentOrder!
        if declared != segmentCount {
            outcome = .rejected(
                segment: trailer.ordinal,
                reason: "SE01 says \(counted(declared, "segment")), the transaction has \(segmentCount)")
        } else if paid.amountCents != expectedPaymentCents {
            outcome = .rejected(
                segment: paid.segment,
                reason: "BPR02 is \(X12Number.amount(cents: paid.amountCents)), the claims' CLP04 less the PLB "
                    + "adjustments total \(X12Number.amount(cents: expectedPaymentCents))")
        }
        return PaymentEnd(
            segment: trailer.ordinal, claimCount: claimCount, providerAdjustments: providerAdjustments,
            outcome: outcome)
    }

    /// Hands the current claim to the handler; first the payment, when this
    /// is the end of the header.
    mutating func closeClaim<Handler: RemittanceHandler>(at segment: X12Segment, into handler: inout Handler) throws {
        if !hasBegun {
            try handler.beginPayment(payment(at: segment))
            hasBegun = true
        }
        guard hasOpenClaim else { return }
        hasOpenClaim = false
        var claim = ClaimPayment.placeholder
        swap(&claim, &openClaim)
        for index in claim.serviceLines.indices {
            let line = claim.serviceLines[index]
            claim.serviceLines[index].serviceDate =
                line.lineDate ?? line.periodStartDate ?? claim.statementFromDate ?? claim.receivedDate
        }
        claimCount += 1
        try handler.claim(claim)
    }

    /// Adds to Σ CLP04 − Σ PLB, refusing the file rather than wrapping around.
    mutating func addToExpectedPayment(_ cents: Int64, at segment: X12Segment, position: Int) throws {
        let (sum, overflow) = expectedPaymentCents.addingReportingOverflow(cents)
        guard !overflow else {
            throw segment.malformed(
                position, "the transaction's amounts add up past the largest total that can be held")
        }
        expectedPaymentCents = sum
    }
}

extension ClaimPayment {
    /// What `TransactionReader.openClaim` holds between claims.
    static let placeholder = ClaimPayment(
        segment: 0, patientControlNumber: "", statusCode: "", chargeCents: 0, paidCents: 0,
        patientResponsibilityCents: nil, payerClaimControlNumber: "")
}
