/// The transaction's header (BPR, TRN, N1*PR) and its PLB adjustments.
extension TransactionReader {
    mutating func readHeader(_ segment: X12Segment) throws {
        if segment.tag == .n1 {
            // N1*PE (the payee) and any N1 past the header are not read.
            guard !hasBegun, segment.element(1, is: "PR") else { return }
            try Self.checkOnce(segment, header.payer?.segment)
            header.payer = (segment.ordinal, try segment.requiredText(2, "the payer's name"))
            return
        }
        guard !hasBegun else {
            throw segment.malformed(
                nil, "\(segment.id) belongs in the transaction's header, before its first LX, CLP or PLB")
        }
        if segment.tag == .bpr {
            try Self.checkOnce(segment, header.paymentOrder?.segment)
            header.paymentOrder = (
                segment.ordinal, try segment.requiredCents(2, "the payment amount"),
                try segment.requiredText(4, "the payment method"), try segment.requiredDate(16, "the payment date")
            )
        } else {
            try Self.checkOnce(segment, header.trace?.segment)
            header.trace = (
                segment.ordinal, try segment.requiredText(2, "the trace number"),
                try segment.requiredText(3, "the payer's identifier")
            )
        }
    }

    /// One payment order, one trace and one payer per transaction: a second
    /// would leave it unclear which one the claims belong to.
    static func checkOnce(_ segment: X12Segment, _ earlier: Int?) throws {
        guard let earlier else { return }
        let name = segment.tag == .n1 ? "N1*PR" : segment.id
        throw segment.malformed(nil, "a second \(name) in the transaction; the first is segment \(earlier)")
    }

    /// The payment, once the header is complete.
    func payment(at segment: X12Segment) throws -> RemittancePayment {
        func absent(_ name: String, _ purpose: String) -> X12Error {
            segment.malformed(
                nil,
                "the transaction that begins at segment \(self.segment) has no \(name) before \(segment.id); "
                    + "\(name) gives \(purpose)")
        }
        guard let order = header.paymentOrder else { throw absent("BPR", "the payment's amount, method and date") }
        guard let trace = header.trace else { throw absent("TRN", "the payment's trace number and payer id") }
        guard let payer = header.payer else { throw absent("N1*PR", "the payer's name") }
        return RemittancePayment(
            segment: self.segment, transactionControlNumber: controlNumber, amountCents: order.amountCents,
            method: order.method, date: order.date, traceNumber: trace.number, payerID: trace.payerID,
            payerName: payer.name)
    }

    /// PLB: up to 6 pairs of (reason : reference) and amount, in elements 3–14.
    mutating func readProviderAdjustments(_ segment: X12Segment) throws {
        try Self.checkNothingPast(14, in: segment, "a PLB holds at most 6 adjustments (elements 3 to 14)")
        for position in stride(from: 3, through: 13, by: 2) {
            if segment.isBlank(position) && segment.isBlank(position + 1) {
                if position == 3 { throw segment.missing(3, "the adjustment reason code") }
                continue
            }
            let identifier = segment.components(position)
            let reason = identifier[0]
            guard !reason.isEmpty else {
                throw segment.malformed(position, "an adjustment needs a reason code before its amount")
            }
            guard let amount = try segment.optionalCents(position + 1) else {
                throw segment.malformed(
                    position + 1,
                    "the adjustment \(Quote.value(reason.utf8)) has no amount: each PLB reason is "
                        + "followed by its amount")
            }
            let reference = identifier.count > 1 && !identifier[1].isEmpty ? identifier[1] : nil
            providerAdjustments.append(
                ProviderAdjustment(
                    segment: segment.ordinal, reason: reason, reference: reference, amountCents: amount))
            try addToExpectedPayment(-amount, at: segment, position: position + 1)
        }
    }

    /// Refuses elements past `last`: they would hold figures silently dropped.
    static func checkNothingPast(_ last: Int, in segment: X12Segment, _ reason: String) throws {
        guard segment.elementCount > last else { return }
        for position in (last + 1)...segment.elementCount where !segment.isBlank(position) {
            throw segment.malformed(position, reason)
        }
    }
}
