import CSVOutput
import Codes
import Foundation
import Store
import X12

/// Stores an 835's transactions as the reader hands them over (SPEC 9): each
/// transaction inside a savepoint, kept when it ends accepted, dropped and
/// recorded as a reject when it ends rejected or repeats a payment already
/// imported from another file.
struct RemittanceRows: RemittanceHandler {
    let session: ImportSession
    let batchID: Int64
    let sha256: String
    let force: Bool
    let rejectsFile: RejectsFile?
    var outcome: ImportOutcome
    var claims = 0
    var lines = 0

    /// The payment being read: its row id, nil when it repeats another file's payment.
    private var current: (payment: RemittancePayment, id: Int64?, claims: Int, lines: Int)?
    /// Why the current payment is refused before its end, if it is.
    private var refusal: String?

    init(
        session: ImportSession, batchID: Int64, sha256: String, force: Bool, rejectsFile: RejectsFile?,
        outcome: ImportOutcome
    ) {
        self.session = session
        self.batchID = batchID
        self.sha256 = sha256
        self.force = force
        self.rejectsFile = rejectsFile
        self.outcome = outcome
    }

    mutating func beginPayment(_ payment: RemittancePayment) throws {
        outcome.counts.rowsRead += 1
        let writer = session.remittances
        try writer.beginTransactionRows()
        refusal = nil
        if let stored = try writer.payment(traceNumber: payment.traceNumber, payerID: payment.payerID) {
            if stored.batchID == batchID {
                // Checked before --force: replacing would drop this file's own earlier
                // transaction while counting both as loaded.
                refusal =
                    "payment \(payment.traceNumber) of payer \(payment.payerID) appears twice in this file: "
                    + "the transaction at segment \(stored.firstSegment) has the same TRN02 and TRN03"
            } else if stored.sha256 == sha256 && force {
                try writer.deletePayment(id: stored.id)
                outcome.counts.rowsReplaced += 1
            } else {
                refusal =
                    "payment \(payment.traceNumber) of payer \(payment.payerID) was already imported from "
                    + "\(stored.fileName) (batch \(stored.batchID))"
            }
        }
        let id =
            refusal != nil
            ? nil
            : try writer.insert(
                RemittancePaymentValues(
                    firstSegment: payment.segment, controlNumber: payment.transactionControlNumber,
                    traceNumber: payment.traceNumber, payerID: payment.payerID, payerName: payment.payerName,
                    paidCents: payment.amountCents, method: payment.method, paymentDate: payment.date.description),
                batchID: batchID)
        current = (payment, id, 0, 0)
    }

    mutating func claim(_ claim: ClaimPayment) throws {
        guard let paymentID = current?.id else { return }
        let writer = session.remittances
        let claimID = try writer.insertClaim(
            paymentID: paymentID,
            patientControlNumber: claim.patientControlNumber.trimmingCharacters(in: .whitespaces),
            status: claim.statusCode,
            chargeCents: claim.chargeCents, paidCents: claim.paidCents,
            patientResponsibilityCents: claim.patientResponsibilityCents,
            payerClaimNumber: claim.payerClaimControlNumber.isEmpty ? nil : claim.payerClaimControlNumber,
            serviceDate: Self.serviceDate(of: claim))
        for adjustment in claim.adjustments {
            try writer.insertAdjustment(
                claimID: claimID, lineID: nil, group: adjustment.group.rawValue, reason: adjustment.reason,
                amountCents: adjustment.amountCents)
        }
        for (position, line) in claim.serviceLines.enumerated() {
            let lineID = try writer.insertLine(
                claimID: claimID, position: position, code: line.procedure.code, modifiers: line.procedure.modifiers,
                billedCode: line.billedProcedure?.code, billedModifiers: line.billedProcedure?.modifiers,
                chargeCents: line.chargeCents, paidCents: line.paidCents, units: "\(line.units)",
                allowedCents: line.allowedCents, serviceDate: line.serviceDate?.description)
            for adjustment in line.adjustments {
                try writer.insertAdjustment(
                    claimID: claimID, lineID: lineID, group: adjustment.group.rawValue, reason: adjustment.reason,
                    amountCents: adjustment.amountCents)
            }
        }
        current?.claims += 1
        current?.lines += claim.serviceLines.count
    }

    mutating func endPayment(_ end: PaymentEnd) throws {
        guard let current else { return }
        self.current = nil
        var reason = refusal
        if case .rejected(let segment, let why) = end.outcome { reason = "segment \(segment): \(why)" }
        if let paymentID = current.id, reason == nil {
            for adjustment in end.providerAdjustments {
                try session.remittances.insertProviderAdjustment(
                    paymentID: paymentID, reason: adjustment.reason, reference: adjustment.reference,
                    amountCents: adjustment.amountCents)
            }
        }
        try session.remittances.endTransactionRows(keep: reason == nil)
        guard let reason else {
            outcome.counts.rowsLoaded += 1
            claims += current.claims
            lines += current.lines
            return
        }
        try reject(current.payment, reason: reason)
    }

    /// Records a refused transaction: in the store with the batch (its envelope
    /// figures only, no person), and in the rejects file beside the input.
    private mutating func reject(_ payment: RemittancePayment, reason: String) throws {
        outcome.counts.rowsRejected += 1
        if outcome.firstRejects.count < ImportOutcome.rejectsShown {
            outcome.firstRejects.append(RowReject(line: payment.segment, column: nil, reason: reason))
        }
        let fields = [
            String(payment.segment), payment.transactionControlNumber, payment.traceNumber, payment.payerID,
            payment.payerName, payment.date.description, Cents.text(payment.amountCents),
        ]
        try session.recordReject(
            batchID: batchID,
            StoredReject(lineNumber: payment.segment, columnName: nil, reason: reason, rawRow: CSVWriter.line(fields)))
        try rejectsFile?.write(fields + [reason])
    }

    /// The claim's service date for the month it counts in: DTM*232, else its
    /// lines' earliest date, else DTM*050 (received).
    static func serviceDate(of claim: ClaimPayment) -> String? {
        (claim.statementFromDate ?? claim.serviceLines.compactMap(\.serviceDate).min() ?? claim.receivedDate)?
            .description
    }

    /// The rejects file's header for remittances.
    static let rejectsHeader = [
        "segment", "transaction", "trace_number", "payer_id", "payer", "payment_date", "paid", "reject_reason",
    ]
}
